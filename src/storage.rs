//! What the page keeps in this browser's `localStorage`, and under which keys: one place for
//! both of the page's modules (the Yew app's `ui::browser` and the first module without Yew,
//! `src/first/page.rs`), so that a place one saves the other reads.

/// Where each flow's place is saved: this, then `:` and the flow's id (see [`place_key`]).
/// (Release 0.2.0 and before kept one place for all flows under the bare key; the Yew app's
/// `Browser::take_legacy_saved` reads it once.)
pub const PLACE_KEY: &str = "icp-advisor:place";
/// The ticks of a flow's checklist: `icp-advisor:ticks:<flow>` (never in a share link).
pub const TICKS_KEY: &str = "icp-advisor:ticks";
/// Where the chosen language is kept (the static pages' head script reads it too).
pub const LANG_KEY: &str = "icp-advisor:lang";
/// The chosen lens.
pub const LENS_KEY: &str = "icp-advisor:lens";
/// The release that last ran in this browser ([`release_id`]).
pub const RELEASE_KEY: &str = "icp-advisor:release";

/// The key of a flow's saved place.
pub fn place_key(flow: &str) -> String {
    format!("{PLACE_KEY}:{flow}")
}

/// The key of a flow's ticks.
pub fn ticks_key(flow: &str) -> String {
    format!("{TICKS_KEY}:{flow}")
}

/// This release of the advisor and of its rules.
pub fn release_id() -> String {
    format!("{}+rules{}", env!("CARGO_PKG_VERSION"), crate::rulebook::RULEBOOK.version)
}

/// Whether release `r` (as [`release_id`] writes it) has newer rules than this one: this
/// copy is then an older one (kept for offline use, say), not an update.
pub fn is_newer(r: &str) -> bool {
    r.split_once("+rules")
        .and_then(|(_, v)| v.parse::<u32>().ok())
        .is_some_and(|v| v > crate::rulebook::RULEBOOK.version)
}
