//! The first screens and the static pages, rendered natively with the app's own components
//! (Yew's server-side rendering), and the stylesheet as `index.html` inlines it.

use crate::flowgraph::escape;
use crate::i18n::{fill, strings};
use crate::route::Route;
use crate::rulebook::{Lang, LangExt, RULEBOOK};
use crate::ui::host::Host;
use crate::ui::state::State;
use crate::ui::{App, AppProps};
use std::fmt::Write as _;

/// Renders the app in a state, as static HTML.
pub fn render(host: Host, state: State) -> String {
    let renderer =
        yew::LocalServerRenderer::<App>::with_props(AppProps { host, initial: state }).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// A first screen of `index.html`: `start:<lang>`, or `<flow>:<lang>` (the embed mode's first
/// question), and its markup.
pub fn first_screens() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in Lang::all() {
        let host = Host::Static { app: "", page: None, embedded: false };
        out.push((format!("start:{}", lang.code()), render(host, static_state(Route::Start, lang))));
    }
    for (fi, f) in RULEBOOK.flows.iter().enumerate() {
        for lang in Lang::all() {
            let host = Host::Static { app: "", page: None, embedded: true };
            out.push((
                format!("{}:{}", f.id, lang.code()),
                render(host, static_state(crate::nav::start_flow(&RULEBOOK, fi), lang)),
            ));
        }
    }
    out
}

/// A static page of the app (the FAQ) in a language: the app's markup without the app.
pub fn faq_page(lang: Lang) -> String {
    let host = Host::Static { app: "./index.html", page: Some("faq"), embedded: false };
    render(host, static_state(Route::Faq(None), lang))
}

/// Any screen of the app, rendered statically in a language (for checks over what a reader of
/// that language is shown: every result, every question).
pub fn static_screen(route: Route, lang: Lang, lens: crate::present::Lens) -> String {
    let host = Host::Static { app: "./index.html", page: None, embedded: false };
    render(host, State { lens, ..static_state(route, lang) })
}

/// A start or question screen as the live page's app renders it (the page host, not a static
/// copy): what `first::render` must write alike (`tests/first_markup.rs`).
pub fn live_screen(
    route: Route,
    lang: Lang,
    lang_chosen: bool,
    lens: crate::present::Lens,
    chosen_flow: usize,
) -> String {
    let host = Host::Page { options: crate::route::EmbedOptions::default(), single_file: false };
    render(host, State { lens, lang_chosen, chosen_flow, ..State::new(route, lang) })
}

/// The state a static copy is rendered in: each copy is in one language, which its links name.
pub(super) fn static_state(route: Route, lang: Lang) -> State {
    State { lang_chosen: true, ..State::new(route, lang) }
}

/// The stylesheet without its comments (for its copy inline in every page load; the file keeps
/// them). Comments never occur inside the stylesheet's strings.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// Where the stylesheet's rule map begins and ends: the static pages' own rules, which
/// `index.html`'s inline copy leaves out ([`page_css`]).
const RULE_MAP_CSS: (&str, &str) = (
    "/* The rule map (static pages only: index.html's inline copy leaves it out, site::page_css). */",
    "/* End of the rule map. */",
);

/// Where each of the stylesheet's regions for the full module's screens begins and ends (the
/// result, the answers' summary, the FAQ, the domain check: what the Yew app writes and the
/// first module, `first::render`, never does). `index.html`'s inline copy leaves them
/// out: the first module never shows them, and the full module comes with the whole stylesheet
/// (the loader links it, and starts the full module once it is loaded; the single-file edition
/// inlines it whole).
const FULL_ONLY_CSS: (&str, &str) = (
    "/* Full module only (index.html's inline copy leaves it out: site::page_css). */",
    "/* End of full module only. */",
);

/// The stylesheet's regions between `start` and `end` (markers included), in order.
fn regions(css: &str, (start, end): (&str, &str)) -> Result<Vec<std::ops::Range<usize>>, String> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(from) = css[at..].find(start).map(|i| at + i) {
        let to = css[from..]
            .find(end)
            .map(|e| from + e + end.len())
            .ok_or_else(|| format!("the stylesheet's region `{start}` is not closed"))?;
        if css[from + start.len()..to - end.len()].contains(start) {
            return Err(format!("the stylesheet's region `{start}` opens again before it ends"));
        }
        out.push(from..to);
        at = to;
    }
    Ok(out)
}

/// The stylesheet as `index.html` inlines it: without its comments, the rule map's rules (the
/// app never draws it; the static pages link the whole file) and the full module's
/// ([`FULL_ONLY_CSS`]).
pub(super) fn page_css(css: &str) -> Result<String, String> {
    let map = regions(css, RULE_MAP_CSS)?;
    if map.len() != 1 {
        return Err("the stylesheet has no rule map section, or more than one".into());
    }
    let full = regions(css, FULL_ONLY_CSS)?;
    if full.is_empty() {
        return Err("the stylesheet has no region for the full module".into());
    }
    let mut cut: Vec<std::ops::Range<usize>> = map.into_iter().chain(full).collect();
    cut.sort_by_key(|r| r.start);
    let mut kept = String::with_capacity(css.len());
    let mut at = 0;
    for r in cut {
        if r.start < at {
            return Err("the stylesheet's rule map and a region for the full module overlap".into());
        }
        kept.push_str(&css[at..r.start]);
        at = r.end;
    }
    kept.push_str(&css[at..]);
    Ok(without_comments(&kept))
}

/// A page with no script at all: the app's head (its stylesheet and icon, a description in the
/// page's language) and the content.
pub(super) fn static_page(css_name: &str, lang: Lang, title: &str, content: &str) -> String {
    let description =
        format!("<meta name=\"description\" content=\"{}\">", escape(strings(lang).site_description));
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n  <head>\n    <meta charset=\"utf-8\">\n    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n    <title>{}</title>\n    {description}\n    <link rel=\"icon\" href=\"icon.svg\" type=\"image/svg+xml\">\n    <link rel=\"stylesheet\" href=\"./{css_name}\">\n  </head>\n  <body>\n    <div id=\"app\"><div data-prerendered>{content}</div></div>\n  </body>\n</html>\n",
        lang.code(),
        escape(&fill(title, &[("app", strings(lang).app_name)]))
    )
}

/// Shows the first screen the head script names (and, with no script, the start screen in
/// the source language). When the Wasm cannot start, the notice shows in the page's language,
/// and in the source language whatever `<html lang>` says: it always shows.
pub(super) fn first_screen_css(keys: &[String]) -> String {
    let mut css = String::from("[data-prerendered][data-first-screen]{display:none}");
    let default = format!("start:{}", Lang::SOURCE.code());
    let _ = write!(css, "html:not([data-first-screen]) [data-first-screen=\"{default}\"]");
    for k in keys {
        let _ = write!(css, ",html[data-first-screen=\"{k}\"] [data-first-screen=\"{k}\"]");
    }
    css.push_str("{display:block}");
    let source = Lang::SOURCE.code();
    let _ = write!(css, "html[data-app-failed] [data-unavailable=\"{source}\"]{{display:block}}");
    for l in Lang::all().filter(|&l| l != Lang::SOURCE) {
        let _ = write!(
            css,
            "html[data-app-failed][lang=\"{0}\"] [data-unavailable=\"{source}\"]{{display:none}}html[data-app-failed][lang=\"{0}\"] [data-unavailable=\"{0}\"]{{display:block}}",
            l.code()
        );
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each selector's first class in `css` (a descendant of it cannot match without it).
    fn first_classes(css: &str) -> Vec<&str> {
        let mut classes: Vec<&str> = css
            .split('}')
            .filter_map(|rule| rule.rsplit_once('{').map(|(sel, _)| sel.rsplit('{').next().unwrap_or(sel)))
            .flat_map(|sel| sel.split(','))
            .filter_map(|sel| sel.split_whitespace().next()?.strip_prefix('.')?.split(['.', ':', '[']).next())
            .collect();
        classes.sort_unstable();
        classes.dedup();
        classes
    }

    /// The classes source writes: `class="…"` and the strings in `classes!(…)`.
    fn written_classes(ui: &str) -> Vec<&str> {
        let mut written: Vec<&str> = Vec::new();
        for part in ui.split("class=\"").skip(1) {
            written.extend(part.split('"').next().unwrap_or("").split_whitespace());
        }
        for part in ui.split("classes!(").skip(1) {
            let args = part.split(")}").next().unwrap_or("");
            written.extend(args.split('"').skip(1).step_by(2));
        }
        written
    }

    #[test]
    fn the_inline_stylesheet_leaves_out_comments_the_rule_map_and_the_full_modules_rules() {
        assert_eq!(without_comments("a{b:c}/* x */\nd{/**/e:f}/* open"), "a{b:c}\nd{e:f}");
        let root = env!("CARGO_MANIFEST_DIR");
        let css = std::fs::read_to_string(format!("{root}/static/style.css")).unwrap();
        let inline = page_css(&css).unwrap();
        assert!(!inline.contains("/*") && !inline.contains("*/"));
        let rules = |s: &str| s.matches('{').count();
        let map: String = regions(&css, RULE_MAP_CSS).unwrap().into_iter().map(|r| &css[r]).collect();
        let full: String = regions(&css, FULL_ONLY_CSS).unwrap().into_iter().map(|r| &css[r]).collect();
        assert!(rules(&map) > 10 && rules(&full) > 50);
        assert_eq!(rules(&inline), rules(&css) - rules(&map) - rules(&full), "no other rule was lost");
        // What the app writes (`ui`, the Yew app), and what the first module writes: the markup
        // of `first::render` (the same as the static first screens', tests/first_markup.rs).
        let mut files = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(format!("{root}/src/ui"))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        let ui: String = files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
        let first =
            std::fs::read_to_string(format!("{root}/src/first/render.rs")).unwrap().replace("\\\"", "\"");
        let (ui, first) = (written_classes(&ui), written_classes(&first));
        assert!(ui.contains(&"faq-entry") && ui.contains(&"verdict") && first.contains(&"option"));
        // The rule map's classes: ones the app never writes.
        let map_classes = first_classes(&map);
        assert!(map_classes.contains(&"fg-node") && map_classes.contains(&"rules"));
        for class in map_classes {
            assert!(!ui.contains(&class), "the app writes `{class}`, which index.html leaves out");
        }
        // The full module's: ones the first module never writes (but in the print rules: a page
        // printed from the first module's screens, before the whole stylesheet is linked soon
        // after the first screen, prints as it shows).
        let screen: String = regions(&css, FULL_ONLY_CSS)
            .unwrap()
            .into_iter()
            .map(|r| without_comments(&css[r]))
            .filter(|r| !r.trim_start().starts_with("@media print"))
            .collect();
        assert!(full.contains("@media print") && !screen.contains("@media print"));
        let full_classes = first_classes(&screen);
        assert!(full_classes.contains(&"verdict") && full_classes.contains(&"lookup"));
        for class in full_classes {
            assert!(
                !first.contains(&class),
                "the first module writes `{class}`, whose rules index.html leaves to the full module"
            );
        }
        assert!(
            inline.contains(".option {") && inline.contains("code {") && !inline.contains(".verdict-line")
        );
        assert!(inline.len() < css.len() - 1000, "the comments are a good part of it");
    }
}
