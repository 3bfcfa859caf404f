//! One line icon per section, drawn inline so the app needs no icon font or image requests.

use yew::prelude::*;

use crate::domain::sections::Section;

fn path_for(section: Section) -> &'static str {
    match section {
        Section::Today => "M12 3v2M12 19v2M4.2 4.2l1.4 1.4M18.4 18.4l1.4 1.4M3 12h2M19 12h2M4.2 19.8l1.4-1.4M18.4 5.6l1.4-1.4M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z",
        Section::Timeline => "M3 12h18M6 8v8M12 6v12M18 9v6",
        Section::Sessions => "M5 5h14v15H5zM5 9h14M9 3v4M15 3v4M8 13h3M8 16h6",
        Section::Recovery => "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z",
        Section::Photos => "M4 7h4l2-2h4l2 2h4v12H4zM12 10a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
        Section::Compare => "M12 3v18M4 6h6v12H4zM14 6h6v12h-6z",
        Section::Clinic => "M4 20V8l8-4l8 4v12zM12 9v6M9 12h6",
        Section::Settings => "M4 7h10M18 7h2M4 17h4M12 17h8M14 5v4M8 15v4",
    }
}

pub fn nav_icon(section: Section) -> Html {
    html! {
        <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={path_for(section)} />
        </svg>
    }
}
