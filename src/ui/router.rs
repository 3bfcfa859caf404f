//! A small client-side router with the parts of yew-router's API the app uses: `BrowserRouter`,
//! `Switch`, `Link`, `use_navigator` and `use_route`.
//!
//! Why not yew-router: it brought about 24 KB of wasm (route matching, a history abstraction,
//! query-string encoding) for what is here a handful of fixed paths, and the first load has a
//! 250 KB budget. The paths themselves stay in one place, [`super::routes::Route`].

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// A set of pages addressed by path.
pub trait Routable: Clone + PartialEq + 'static {
    /// The route for `path`, or `None` when no page has it.
    fn recognize(path: &str) -> Option<Self>;
    fn to_path(&self) -> String;
    /// What an unknown path shows.
    fn not_found() -> Self;
}

/// Moves the app to another route (a new history entry, like following a link).
#[derive(Clone)]
pub struct Navigator {
    set_path: Callback<String>,
}

impl PartialEq for Navigator {
    fn eq(&self, other: &Self) -> bool {
        self.set_path == other.set_path
    }
}

impl Navigator {
    /// Follows `route` in the app on a plain left click; a modified click (new tab or window)
    /// is left to the browser.
    pub fn follow_on_plain_click(&self, event: &MouseEvent, route: &impl Routable) {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if !modified && event.button() == 0 {
            event.prevent_default();
            self.push(route);
        }
    }

    pub fn push(&self, route: &impl Routable) {
        let path = route.to_path();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&path));
        }
        self.set_path.emit(path);
    }
}

/// The current path and the navigator, shared with every page.
#[derive(Clone, PartialEq)]
struct Location {
    path: Rc<str>,
    navigator: Navigator,
}

fn current_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".to_string())
}

#[derive(Properties, PartialEq)]
pub struct BrowserRouterProps {
    pub children: Html,
}

/// Follows the address bar: the path at start, pushes from [`Navigator`], and Back/Forward.
#[component]
pub fn BrowserRouter(props: &BrowserRouterProps) -> Html {
    let path = use_state(|| Rc::<str>::from(current_path()));
    {
        let path = path.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "popstate", move |_| path.set(current_path().into()))
            });
            move || drop(listener)
        });
    }
    let set_path = {
        let path = path.clone();
        use_callback((), move |next: String, _| path.set(next.into()))
    };
    let location = Location { path: (*path).clone(), navigator: Navigator { set_path } };
    html! {
        <ContextProvider<Location> context={location}>
            { props.children.clone() }
        </ContextProvider<Location>>
    }
}

#[hook]
pub fn use_navigator() -> Option<Navigator> {
    use_context::<Location>().map(|location| location.navigator)
}

#[hook]
pub fn use_route<R: Routable>() -> Option<R> {
    use_context::<Location>().map(|location| R::recognize(&location.path).unwrap_or_else(R::not_found))
}

#[derive(Properties)]
pub struct SwitchProps<R: Routable> {
    pub render: fn(R) -> Html,
}

/// Function pointers can't be compared meaningfully; the app passes one fixed render function,
/// and `Switch` re-renders when the route changes anyway.
impl<R: Routable> PartialEq for SwitchProps<R> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Renders the page for the current route.
#[component]
pub fn Switch<R: Routable>(props: &SwitchProps<R>) -> Html {
    match use_route::<R>() {
        Some(route) => (props.render)(route),
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct LinkProps<R: Routable> {
    pub to: R,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A real link (`href`, so it opens in a new tab and reads as a link), followed inside the app on
/// a plain click.
#[component]
pub fn Link<R: Routable>(props: &LinkProps<R>) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(navigator) = &navigator {
                navigator.follow_on_plain_click(&event, &to);
            }
        })
    };
    html! {
        <a class={props.classes.clone()} href={props.to.to_path()} {onclick}>{ props.children.clone() }</a>
    }
}
