//! Safari's storage rule and the "Add to Home Screen" guide.
//!
//! WebKit deletes the data a website stored (IndexedDB included) after 7 days without a visit,
//! unless the site was added to the Home Screen; and every browser on an iPhone is WebKit. So a
//! person using Remodel in a WebKit browser tab is shown, once, how to add it to the Home Screen.

/// The guide's heading.
pub const HEADING: &str = "Add Remodel to your Home Screen";

/// Why, in one sentence.
pub const WHY: &str = "Safari deletes a website's data after 7 days without a visit. Added to the Home \
    Screen, Remodel keeps your records and photos, and opens like an app.";

/// The steps, in the words of Safari and of the other iPhone browsers (all WebKit).
pub const STEPS: [&str; 3] = [
    "Open the Share menu: in Safari, the square with an arrow; in other browsers, Share in their menu.",
    "Choose \u{201c}Add to Home Screen\u{201d} (on a Mac: \u{201c}Add to Dock\u{201d}), then Add.",
    "Open Remodel from its new icon. It keeps its data apart from Safari's: if you already have records here, back up first and restore the backup there.",
];

/// Whether `user_agent` is a WebKit browser that applies Safari's 7-day rule: Safari, every
/// browser on iOS (`CriOS`, `FxiOS` are WebKit there), and WebKitGTK; not Chromium-based
/// browsers or Firefox, which also say "AppleWebKit" or "Safari" in their user agent.
pub fn is_webkit_browser(user_agent: &str) -> bool {
    let others = ["Chrome/", "Chromium/", "Edg/", "OPR/", "Firefox/", "Android"];
    user_agent.contains("AppleWebKit") && !others.iter().any(|other| user_agent.contains(other))
}

/// Whether to offer the guide: a WebKit browser tab (not the installed app), not dismissed.
pub fn offer_guide(user_agent: &str, installed: bool, dismissed: bool) -> bool {
    is_webkit_browser(user_agent) && !installed && !dismissed
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE_SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const IPHONE_CHROME: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1";
    const MAC_SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    const WEBKITGTK: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
    const DESKTOP_CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
    const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
    const EDGE: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";
    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";

    #[test]
    fn webkit_browsers_are_safari_every_iphone_browser_and_webkitgtk() {
        for ua in [IPHONE_SAFARI, IPHONE_CHROME, MAC_SAFARI, WEBKITGTK] {
            assert!(is_webkit_browser(ua), "{ua}");
        }
        for ua in [DESKTOP_CHROME, ANDROID_CHROME, EDGE, FIREFOX, ""] {
            assert!(!is_webkit_browser(ua), "{ua}");
        }
    }

    #[test]
    fn the_guide_is_for_webkit_tabs_until_dismissed() {
        assert!(offer_guide(IPHONE_SAFARI, false, false));
        assert!(!offer_guide(IPHONE_SAFARI, true, false), "installed: nothing to do");
        assert!(!offer_guide(IPHONE_SAFARI, false, true), "dismissed");
        assert!(!offer_guide(DESKTOP_CHROME, false, false));
    }
}
