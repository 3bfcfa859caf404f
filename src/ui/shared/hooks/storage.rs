//! Opens the database once for the whole app and shares the connection through context.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use time::Duration;

use crate::domain::diary::recovery::FIRST_READ_DAYS;
use crate::storage::{load_entries_before, load_recent_records, load_records, storage_usage, Db};
use crate::ui::platform::clock::today;
use crate::ui::platform::tabs::use_changes_elsewhere;
use crate::ui::shared::context::use_app_state;
use crate::ui::shared::state::Action;

/// A shared handle to the open database. Equal when it is the same connection.
#[derive(Clone)]
pub struct DbHandle(pub Rc<Db>);

impl PartialEq for DbHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct StorageProviderProps {
    pub children: Html,
}

/// Opens (and migrates) the database on start, reads the storage estimate and whether storage is
/// persistent, and reports each outcome to the app state. Children reach the connection with
/// [`use_db`]; until it is open they get `None`.
#[component]
pub fn StorageProvider(props: &StorageProviderProps) -> Html {
    let app = use_app_state();
    let db = use_state(|| None::<DbHandle>);
    // Another tab saved something: read the records again, so this one shows (and edits) the
    // newer version.
    let open = use_mut_ref(|| None::<DbHandle>);
    open.replace((*db).clone());
    {
        let (app, open) = (app.clone(), open.clone());
        use_changes_elsewhere(Callback::from(move |()| {
            let Some(db) = open.borrow().clone() else { return };
            let app = app.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(records) = load_records(&db.0).await {
                    app.dispatch(Action::RecordsLoaded(records));
                }
            });
        }));
    }
    // A page being left (for the other app, or into the back-forward cache) stops its reads and
    // lets go of its connection, so the page that opens next never waits on it (`Db::release`),
    // from the moment the database is open: the first reads are the ones most often under way.
    // Shown again, it opens a new connection on its next read or write, and loads afresh if a
    // read was stopped (what it shows may be missing that read).
    let connection = use_mut_ref(|| None::<Rc<Db>>);
    {
        let connection = connection.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let stopped = Rc::new(Cell::new(false));
            let hide = {
                let stopped = stopped.clone();
                EventListener::new(&window, "pagehide", move |_| {
                    if let Some(db) = connection.borrow().as_ref() {
                        stopped.set(db.release());
                    }
                })
            };
            let show = EventListener::new(&window, "pageshow", move |event| {
                // `PageTransitionEvent.persisted`: shown again from the back-forward cache.
                let restored = js_sys::Reflect::get(event, &"persisted".into()).is_ok_and(|p| p.is_truthy());
                if restored && stopped.get() {
                    let _ = gloo::utils::window().location().reload();
                }
            });
            move || drop([hide, show])
        });
    }
    {
        let db = db.clone();
        use_effect_with((), move |_| {
            let connection = connection.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let on_blocked = {
                    let app = app.clone();
                    move || app.dispatch(Action::StorageBlocked)
                };
                match Db::open(on_blocked).await {
                    Ok(opened) => {
                        let opened = Rc::new(opened);
                        connection.replace(Some(opened.clone()));
                        // Records first: the pages wait for them, not for the storage estimate.
                        // Recent check-ins first, then the older ones: the first page of a diary
                        // of years needs only the last few months.
                        let from = today() - Duration::days(FIRST_READ_DAYS);
                        match load_recent_records(&opened, from).await {
                            Ok(records) => app.dispatch(Action::RecordsLoaded(records)),
                            Err(error) => {
                                app.dispatch(Action::StorageFailed(error));
                                return;
                            }
                        }
                        // Writes may start now: IndexedDB runs them after the older read, which
                        // was asked first, and the merge below keeps whatever they saved.
                        db.set(Some(DbHandle(opened.clone())));
                        match load_entries_before(&opened, from).await {
                            Ok((entries, unreadable)) => {
                                app.dispatch(Action::OlderEntriesLoaded { entries, unreadable })
                            }
                            Err(error) => {
                                app.dispatch(Action::StorageFailed(error));
                                return;
                            }
                        }
                        // Only what the browser says at once: asking to keep the data can show a
                        // prompt, so Settings asks when the person taps (README "Settings").
                        let usage = storage_usage().await;
                        app.dispatch(Action::StorageReady { usage });
                    }
                    Err(error) => app.dispatch(Action::StorageFailed(error)),
                }
            });
        });
    }
    html! {
        <ContextProvider<Option<DbHandle>> context={(*db).clone()}>
            { props.children.clone() }
        </ContextProvider<Option<DbHandle>>>
    }
}

/// The open database, or `None` while it opens or when storage failed (the app state says why).
#[hook]
pub fn use_db() -> Option<DbHandle> {
    use_context::<Option<DbHandle>>().flatten()
}
