//! The static shell each app's `index.html` carries, painted before the app's wasm has arrived:
//! the header, the navigation and a calm "opening" state, in the app's own markup and classes,
//! so that the first paint needs only HTML and CSS and the app takes over without moving it.
//!
//! Written into the three pages between the [`START`] and [`END`] markers by
//! `REMODEL_BLESS=1 cargo test site` (a native test fails while a page is stale). The app removes
//! `#shell` just before its first render (`ui::platform::shell::take_over`). A Playwright test holds
//! the shell to the app: same header, same navigation, in the same places.

use super::{App, Href};
use crate::domain::sections::Section;

pub const START: &str = "<!-- shell: written from src/site/shell.rs by `REMODEL_BLESS=1 cargo test site` -->";
pub const END: &str = "<!-- /shell -->";

/// The header of every page (the same markup as `ui::shared::components::app_header`).
const HEADER: &str = concat!(
    r#"<header class="app-header">"#,
    r#"<svg class="app-header__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">"#,
    r#"<circle cx="16" cy="16" r="14"></circle><path d="M10 19a8.5 8.5 0 0 0 12 0"></path>"#,
    r#"<circle cx="12" cy="12" r="1.6"></circle><circle cx="20" cy="12" r="1.6"></circle></svg>"#,
    r#"<span class="app-header__name">Remodel</span>"#,
    r#"<span class="app-header__privacy">Private · stays on this device</span>"#,
    r#"</header>"#,
);

/// The navigation as `ui::shared::components::main_nav` draws it, with no page marked current
/// (the shell cannot know the address's page) and "More" closed (it opens once the app runs).
fn navigation() -> String {
    let link = |section: Section| {
        format!(
            concat!(
                r#"<a href="{href}" class="main-nav__link">"#,
                r#"<svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">"#,
                r#"<path d="{icon}"></path></svg><span class="main-nav__label">{title}</span></a>"#,
            ),
            href = Href::section(section).path(),
            icon = section.icon_path(),
            title = section.title(),
        )
    };
    let items: String = Section::ALL
        .into_iter()
        .map(|section| {
            let overflow = if section.in_phone_bar() { "" } else { " main-nav__item--overflow" };
            format!(r#"<li class="main-nav__item{overflow}">{}</li>"#, link(section))
        })
        .collect();
    let more: String = Section::ALL
        .into_iter()
        .filter(|s| !s.in_phone_bar())
        .map(|section| format!("<li>{}</li>", link(section)))
        .collect();
    format!(
        concat!(
            r#"<nav class="main-nav" aria-label="Main"><ul class="main-nav__list">{items}"#,
            r#"<li class="main-nav__item main-nav__item--more">"#,
            r#"<button type="button" id="more-sections-button" class="main-nav__link main-nav__more" aria-expanded="false" aria-controls="more-sections">"#,
            r#"<svg class="nav-icon nav-icon--more" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="{more_icon}"></path></svg>"#,
            r#"<span class="main-nav__label">More</span></button>"#,
            r#"<ul id="more-sections" class="main-nav__more-list" hidden="">{more}</ul></li></ul></nav>"#,
        ),
        items = items,
        more_icon = Section::MORE_ICON,
        more = more,
    )
}

/// What the main area says while the app opens, and without JavaScript: laid out as a page is
/// (`ui::shared::components::page`), so the app's first page lands where the shell's was.
fn opening(heading: &str, needs: &str) -> String {
    format!(
        concat!(
            r#"<article class="page"><h1 class="page__title">{heading}</h1>"#,
            r#"<p class="page__purpose" role="status">Opening…</p>"#,
            r#"<noscript><p>{needs}</p></noscript></article>"#,
        ),
        heading = heading,
        needs = needs,
    )
}

/// The shell of `app`, markers included.
pub fn shell(app: App) -> String {
    const PRIVATE: &str = "Nothing you enter ever leaves this device.";
    let body = match app {
        App::Client | App::Photos => format!(
            r#"<div class="layout">{nav}<main id="main" class="layout__main" tabindex="-1">{opening}</main></div>"#,
            nav = navigation(),
            opening =
                opening("Remodel", &format!("Remodel needs JavaScript and WebAssembly to run. {PRIVATE}")),
        ),
        App::Kit => format!(
            r#"<main id="main" class="layout__main kit-main" tabindex="-1">{opening}</main>"#,
            opening = opening("Clinic kit", "The clinic kit needs JavaScript and WebAssembly."),
        ),
    };
    format!(
        "{START}\n    <div id=\"shell\">{skip}{HEADER}{body}</div>\n    {END}",
        skip = r##"<a class="skip-link" href="#main">Skip to content</a>"##,
    )
}

/// The page with its shell replaced by the current one; `None` when it has no markers.
pub fn with_shell(page: &str, app: App) -> Option<String> {
    let start = page.find(START)?;
    let end = page[start..].find(END)? + start + END.len();
    Some(format!("{}{}{}", &page[..start], shell(app), &page[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each app's page, from the crate root.
    fn pages() -> [(App, &'static str); 3] {
        [(App::Client, "index.html"), (App::Photos, "photos/index.html"), (App::Kit, "kit/index.html")]
    }

    #[test]
    fn every_page_carries_the_current_shell() {
        for (app, page) in pages() {
            let path = format!("{}/{page}", env!("CARGO_MANIFEST_DIR"));
            let stored = std::fs::read_to_string(&path).unwrap();
            let current = with_shell(&stored, app).unwrap_or_else(|| panic!("{page} has no shell markers"));
            if std::env::var_os("REMODEL_BLESS").is_some() {
                std::fs::write(&path, &current).unwrap();
                continue;
            }
            assert_eq!(stored, current, "{page}'s shell is stale: run REMODEL_BLESS=1 cargo test site");
        }
    }

    #[test]
    fn the_shell_links_every_section_where_the_app_does() {
        let client = shell(App::Client);
        for section in Section::ALL {
            assert!(client.contains(&format!(r#"href="{}""#, Href::section(section).path())), "{section:?}");
            assert!(client.contains(section.title()));
        }
        // Every section in the list (wide screens), "More", and the phone's overflow again inside it.
        let overflow = Section::ALL.iter().filter(|s| !s.in_phone_bar()).count();
        assert_eq!(overflow, 4, "four in the phone's bar, and More");
        for app in [App::Client, App::Photos] {
            let page = shell(app);
            assert_eq!(page.matches(r#"<li class="main-nav__item"#).count(), Section::ALL.len() + 1);
            assert_eq!(page.matches("<li><a ").count(), overflow);
            assert!(
                page.contains(r#"aria-controls="more-sections""#) && page.contains(r#"id="more-sections""#)
            );
        }
        assert!(!shell(App::Kit).contains("main-nav"), "the kit has no navigation");
    }

    #[test]
    fn replacing_keeps_the_rest_of_the_page() {
        let page = format!("<body>\n    {START}\nold\n    {END}\n  <p>after</p></body>");
        let replaced = with_shell(&page, App::Kit).unwrap();
        assert!(replaced.starts_with("<body>\n    <!-- shell"));
        assert!(replaced.ends_with("<!-- /shell -->\n  <p>after</p></body>"));
        assert!(!replaced.contains("old"));
        assert_eq!(with_shell("<body></body>", App::Kit), None);
    }
}
