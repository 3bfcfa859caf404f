//! THE table of the site's addresses: which of the three apps serves each URL, with its section
//! and title. Everything that decides where a URL goes reads it: the routers (a native test holds
//! their `#[at]` paths to it), the navigation, the static server (`.ci/serve.mjs`) and the service
//! worker (`static/sw.js`), the last two through `static/site.json`, which [`json`] writes and a
//! native test keeps current (`REMODEL_BLESS=1 cargo test site` rewrites it).
//!
//! Pure: no browser code, so it is tested natively.

pub mod shell;

use crate::domain::sections::Section;

/// One of the three apps built from this crate, each its own page and wasm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum App {
    /// The client app at `/`: the first load.
    Client,
    /// Photos, compare, Settings and the data page (`/photos/index.html`), fetched on first use.
    Photos,
    /// The clinic kit (`/kit/index.html`), for clinics.
    Kit,
}

impl App {
    pub const ALL: [App; 3] = [App::Client, App::Photos, App::Kit];

    /// The name in `site.json`.
    pub const fn key(self) -> &'static str {
        match self {
            App::Client => "client",
            App::Photos => "photos",
            App::Kit => "kit",
        }
    }

    /// The page that starts the app: every URL of the app without a file is answered with it.
    pub const fn shell(self) -> &'static str {
        match self {
            App::Client => "/index.html",
            App::Photos => "/photos/index.html",
            App::Kit => "/kit/index.html",
        }
    }
}

/// An address of the site (`:name` stands for one path segment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub pattern: &'static str,
    pub app: App,
    /// The navigation section it is part of, if any.
    pub section: Option<Section>,
    pub title: &'static str,
}

const fn place(pattern: &'static str, app: App, section: Option<Section>, title: &'static str) -> Place {
    Place { pattern, app, section, title }
}

use App::{Client, Kit, Photos};
use Section as S;

/// Every address, once. A section's home is its first place.
pub const PLACES: [Place; 24] = [
    place("/", Client, Some(S::Today), "Today"),
    place("/timeline", Client, Some(S::Timeline), "Timeline"),
    place("/timeline/evidence", Client, Some(S::Timeline), "The evidence"),
    place("/sessions", Client, Some(S::Sessions), "Sessions"),
    place("/sessions/new", Client, Some(S::Sessions), "Add a session"),
    place("/sessions/:id", Client, Some(S::Sessions), "Session"),
    place("/sessions/:id/edit", Client, Some(S::Sessions), "Edit session"),
    place("/recovery", Client, Some(S::Recovery), "Recovery"),
    place("/recovery/new", Client, Some(S::Recovery), "Add a check-in"),
    place("/recovery/:id/edit", Client, Some(S::Recovery), "Edit check-in"),
    place("/clinic", Client, Some(S::Clinic), "Clinic"),
    place("/404", Client, None, "Page not found"),
    place("/photos", Photos, Some(S::Photos), "Photos"),
    place("/photos/add", Photos, Some(S::Photos), "Add photos"),
    place("/photos/compare", Photos, Some(S::Compare), "Compare"),
    place("/photos/compare/:area/:angle", Photos, Some(S::Photos), "Compare"),
    place("/photos/:id", Photos, Some(S::Photos), "Photo"),
    place("/photos/404", Photos, None, "Page not found"),
    place("/settings", Photos, Some(S::Settings), "Settings"),
    place("/data", Photos, Some(S::Settings), "Your data"),
    place("/data/report", Photos, Some(S::Settings), "Report for your clinic"),
    // Reached from Settings, so in its section, but the client app's page (after /settings: a
    // section's home is its first place).
    place("/profile", Client, Some(S::Settings), "Your profile"),
    place("/profile/screening", Client, Some(S::Settings), "Before a session"),
    place("/kit/", Kit, None, "Clinic kit"),
];

/// The first path segment of `path` (`"photos"` for `/photos/add?x#y`; `""` for `/`).
fn first_segment(path: &str) -> &str {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.trim_start_matches('/').split('/').next().unwrap_or_default()
}

/// The app that serves `path`: the one whose places start with its first segment; the client app
/// for `/` and for any address no place names (its not-found page says so).
pub fn app_of(path: &str) -> App {
    let segment = first_segment(path);
    if segment.is_empty() {
        return App::Client;
    }
    PLACES.iter().find(|p| first_segment(p.pattern) == segment).map_or(App::Client, |p| p.app)
}

/// The address of a section's first page (what the navigation links to).
pub fn home_of(section: Section) -> &'static str {
    PLACES.iter().find(|p| p.section == Some(section)).map_or("/", |p| p.pattern)
}

/// The first path segments each app serves besides the client's `/` (the client app answers
/// every other address).
pub fn prefixes(app: App) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for place in PLACES.iter().filter(|p| p.app == app) {
        let prefix = format!("/{}", first_segment(place.pattern));
        if prefix != "/" && !found.contains(&prefix) {
            found.push(prefix);
        }
    }
    found
}

/// A link to a place of the site, made only from the table (a page or a section's home), so it
/// always names a page some app serves. [`Href::app`] says which: a link to another app's page is
/// a page load, never a route of the app it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Href(String);

impl Href {
    /// Today, the client app's first page.
    pub fn today() -> Href {
        Href::place("/")
    }

    /// The client's profile (in the client app).
    pub fn profile() -> Href {
        Href::place("/profile")
    }

    /// The before-a-session checklist (in the client app).
    pub fn screening() -> Href {
        Href::place("/profile/screening")
    }

    /// Adding photos (in the photos app).
    pub fn add_photos() -> Href {
        Href::place("/photos/add")
    }

    /// "Your data": backup, restore and exports (in the photos app).
    pub fn data() -> Href {
        Href::place("/data")
    }

    /// The clinic kit (its own app).
    pub fn kit() -> Href {
        Href::place("/kit/")
    }

    /// The evidence page (in the client app), at one source when `source` names one: where every
    /// clinical figure links to.
    pub fn evidence(source: Option<&str>) -> Href {
        let page = Href::place("/timeline/evidence");
        match source {
            Some(key) => page.with_fragment(&format!("source-{key}")),
            None => page,
        }
    }

    /// A place of the table with no parameter. Only the constructors above call it; a native test
    /// holds each to the table.
    fn place(pattern: &'static str) -> Href {
        debug_assert!(PLACES.iter().any(|p| p.pattern == pattern), "{pattern} is not a place");
        Href(pattern.to_string())
    }

    /// The first page of a navigation section.
    pub fn section(section: Section) -> Href {
        Href(home_of(section).to_string())
    }

    /// The same page with `#fragment` (the clinic kit reads a clinic's link from it).
    pub fn with_fragment(self, fragment: &str) -> Href {
        Href(format!("{}#{fragment}", self.0))
    }

    /// The address as the `href` of a link.
    pub fn path(&self) -> &str {
        &self.0
    }

    /// The app that serves it.
    pub fn app(&self) -> App {
        app_of(self.0.split('#').next().unwrap_or_default())
    }
}

/// `static/site.json`: each app's shell and prefixes, for the server and the service worker, and
/// every place (the end-to-end tests load each).
#[cfg(not(target_arch = "wasm32"))]
pub fn json() -> String {
    let apps: Vec<serde_json::Value> = [App::Kit, App::Photos, App::Client]
        .into_iter()
        .map(|app| serde_json::json!({ "app": app.key(), "shell": app.shell(), "prefixes": prefixes(app) }))
        .collect();
    let places: Vec<serde_json::Value> = PLACES
        .iter()
        .map(|p| serde_json::json!({ "pattern": p.pattern, "app": p.app.key(), "title": p.title }))
        .collect();
    let mut text = serde_json::to_string_pretty(&serde_json::json!({
        "comment": "Written from src/site/mod.rs by `REMODEL_BLESS=1 cargo test site`: edit the table there. The first app whose prefix starts a path serves it; the client app serves every other path.",
        "apps": apps,
        "places": places,
    }))
    .expect("plain JSON");
    text.push('\n');
    text
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_place_is_served_by_its_own_app() {
        for place in PLACES {
            assert_eq!(app_of(place.pattern), place.app, "{}", place.pattern);
        }
    }

    #[test]
    fn no_first_segment_belongs_to_two_apps() {
        for a in App::ALL {
            for b in App::ALL.into_iter().filter(|b| *b != a) {
                for prefix in prefixes(a) {
                    assert!(!prefixes(b).contains(&prefix), "{prefix} is in {a:?} and {b:?}");
                }
            }
        }
    }

    #[test]
    fn addresses_are_matched_by_segment_not_by_text() {
        assert_eq!(app_of("/photos/compare/cheeks/front?x=1#y"), App::Photos);
        assert_eq!(app_of("/data/report?before=a&after=b"), App::Photos);
        assert_eq!(app_of("/settings"), App::Photos);
        assert_eq!(app_of("/kit"), App::Kit);
        assert_eq!(app_of("/kit/#clinic=1.AAAA"), App::Kit);
        assert_eq!(app_of("/photography"), App::Client, "not /photos");
        assert_eq!(app_of("/settingsx"), App::Client);
        assert_eq!(app_of("/#clinic=1.AAAA"), App::Client);
        assert_eq!(app_of("/nowhere"), App::Client);
    }

    #[test]
    fn every_section_has_a_home_in_the_app_that_serves_it() {
        for section in Section::ALL {
            let home = home_of(section);
            let place = PLACES.iter().find(|p| p.pattern == home).unwrap();
            assert_eq!(place.title, section.title(), "{section:?}");
        }
        assert_eq!(Href::section(Section::Settings).app(), App::Photos);
        assert_eq!(Href::section(Section::Compare).app(), App::Photos);
        assert_eq!(Href::section(Section::Clinic).app(), App::Client);
    }

    #[test]
    fn every_named_page_is_a_place_of_the_table() {
        for href in [
            Href::today(),
            Href::profile(),
            Href::screening(),
            Href::data(),
            Href::kit(),
            Href::evidence(None),
        ] {
            let place = PLACES.iter().find(|p| p.pattern == href.path());
            assert_eq!(place.map(|p| p.app), Some(href.app()), "{href:?}");
        }
        assert_eq!(Href::today().app(), App::Client);
        assert_eq!(Href::evidence(Some("chu2021")).path(), "/timeline/evidence#source-chu2021");
        assert_eq!(Href::evidence(Some("chu2021")).app(), App::Client);
        assert_eq!(Href::profile().app(), App::Client);
        assert_eq!(Href::data().app(), App::Photos);
        assert_eq!(Href::kit().with_fragment("clinic=1.AA").path(), "/kit/#clinic=1.AA");
        assert_eq!(Href::kit().with_fragment("clinic=1.AA").app(), App::Kit);
        assert_eq!(Href::section(Section::Settings).path(), "/settings");
        assert_eq!(Href::section(Section::Settings).app(), App::Photos);
        assert_eq!(Href::section(Section::Clinic).app(), App::Client);
    }

    /// The `#[at("…")]` paths of a router's source.
    fn router_paths(source: &str) -> Vec<&str> {
        source.split("#[at(\"").skip(1).filter_map(|rest| rest.split('"').next()).collect()
    }

    #[test]
    fn the_routers_name_only_places_of_the_table() {
        let client = router_paths(include_str!("../ui/client/routes.rs"));
        let photos = router_paths(include_str!("../ui/photos/routes.rs"));
        assert!(client.len() > 10 && photos.len() > 5, "the routers were read");
        for path in client.iter().chain(&photos) {
            assert!(PLACES.iter().any(|p| p.pattern == *path), "{path} is not in site::PLACES");
        }
        // The photos router serves only its app's places; the client router names the others'
        // section homes for the navigation, and loads their page (`ui::routes::switch`).
        for path in &photos {
            assert_eq!(app_of(path), App::Photos, "{path}");
        }
        for place in PLACES.iter().filter(|p| p.app == App::Client) {
            assert!(client.contains(&place.pattern), "the client router lacks {}", place.pattern);
        }
        for place in PLACES.iter().filter(|p| p.app == App::Photos) {
            assert!(photos.contains(&place.pattern), "the photos router lacks {}", place.pattern);
        }
    }

    #[test]
    fn site_json_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/static/site.json");
        if std::env::var_os("REMODEL_BLESS").is_some() {
            std::fs::write(path, json()).unwrap();
        }
        let stored = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(stored, json(), "static/site.json is stale: run REMODEL_BLESS=1 cargo test site");
    }
}
