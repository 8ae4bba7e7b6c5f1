//! The static parts of the site, made natively by `icp-advisor site DIR` during the release
//! build (no browser needed):
//!
//! * the first screens inside `index.html` — the start screen, and each flow's first question
//!   for the embed mode, in every language — rendered with the app's own components (Yew's
//!   server-side rendering), so they cannot drift from the live app; a small inline head script
//!   (generated here, from the same option names the app parses) shows the right one at once;
//! * the stylesheet inlined into `index.html` (no blocking fetch before the first paint), with
//!   the Content-Security-Policy that allows exactly the inline script and style (their hashes);
//! * `faq.html` (and `faq.<lang>.html`): the FAQ page, readable without JavaScript;
//! * `rules.html` (and `rules.<lang>.html`): the rule map for reviewers — each flow drawn as a
//!   graph, every FAQ entry followed by the rules and recommendations that rest on it, with
//!   their conditions in words and the quoted sentences, and the counts and coverage.

use crate::check;
use crate::engine::evaluate;
use crate::flowgraph::{self, escape, Edge, Graph, Node, NodeKind};
use crate::i18n::{fill, strings};
use crate::nav;
use crate::paths::for_each_path;
use crate::review::cond_words;
use crate::route::{self, Route};
use crate::rulebook::{Lang, LangExt, Layer, SourceKind, TextExt, RULEBOOK};
use crate::ui::host::{static_file as file_name, Host};
use crate::ui::state::State;
use crate::ui::{App, AppProps};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The element of `index.html` the first screens replace.
const PLACEHOLDER_START: &str = "<p class=\"app-loading\"";

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
                render(host, static_state(nav::start_flow(&RULEBOOK, fi), lang)),
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

/// The state a static copy is rendered in: each copy is in one language, which its links name.
fn static_state(route: Route, lang: Lang) -> State {
    State { lang_chosen: true, ..State::new(route, lang) }
}

fn sha256_base64(data: &[u8]) -> String {
    base64(&sha256(data))
}

/// What the build writes.
pub struct Site {
    /// `index.html` with the first screens, the inline stylesheet and head script, and the CSP.
    pub index: String,
    /// Further files: (name, contents).
    pub files: Vec<(String, String)>,
    /// The Content-Security-Policy the site runs under.
    pub csp: String,
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
/// result, the answers' summary, the FAQ, the domain check: what `ui` writes only in the files
/// its `mod.rs` compiles with `cfg(not(first_visit))`). `index.html`'s inline copy leaves them
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
fn page_css(css: &str) -> Result<String, String> {
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

/// Builds the static parts from Trunk's `index.html` and the stylesheet it names.
pub fn build(index: &str, css: &str, css_name: &str, modules: &crate::head::Modules) -> Result<Site, String> {
    // Trunk preloads the page's module; the head script preloads the module that starts (the
    // first, or the full one for a result or the FAQ: see `ui::handover`) instead.
    let mut index = index.to_string();
    for prefix in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while let Some(tag) = find_tag(&index, prefix).map(str::to_string) {
            index = index.replacen(&format!("\n    {tag}"), "", 1).replacen(&tag, "", 1);
        }
    }
    let index = index.as_str();
    let start = index.find(PLACEHOLDER_START).ok_or("index.html has no loading placeholder in #app")?;
    let end =
        index[start..].find("</p>").map(|e| start + e + 4).ok_or("the loading placeholder is not closed")?;
    let screens = first_screens();
    let mut body = String::new();
    // What the loader shows when the Wasm cannot start, in every language (it only marks
    // <html data-app-failed>; the inline style shows the reader's language).
    for lang in Lang::all() {
        let st = strings(lang);
        let _ = write!(
            body,
            "<div class=\"notice unavailable\" data-unavailable=\"{code}\" lang=\"{code}\" role=\"alert\" hidden><p>{}</p><p><a href=\"./{}\">{}</a></p></div>",
            escape(st.loader_unavailable),
            file_name("faq", lang),
            escape(st.loader_read_faq),
            code = lang.code()
        );
    }
    let default = format!("start:{}", Lang::SOURCE.code());
    for (i, (key, markup)) in screens.iter().enumerate() {
        // Every copy is in the document at once: its ids get the copy's own (short) prefix,
        // so that a label, a description or the skip link points into the copy it belongs to.
        let markup = scope_ids(markup, &format!("s{i}-"));
        let copy = format!("<div data-prerendered data-first-screen=\"{key}\" hidden>{markup}</div>");
        // The source language's start screen is in the page (it shows without JavaScript);
        // the others are inert templates, of which the script below (or the head script, on
        // a change of address) makes the one the head script chose (see `head::SHOW`).
        if *key == default {
            body.push_str(&copy);
        } else {
            let _ = write!(body, "<template data-screen=\"{key}\">{copy}</template>");
        }
    }
    let show = format!("({})(document)", crate::head::SHOW);
    let _ = write!(body, "<script>{show}</script>");
    let keys: Vec<String> = screens.iter().map(|(k, _)| k.clone()).collect();
    let style = format!("{}\n{}", page_css(css)?, first_screen_css(&keys));
    let script = crate::head::script(&keys, modules);
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{}' 'sha256-{}'; style-src 'self' 'sha256-{}'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
        sha256_base64(script.as_bytes()),
        sha256_base64(show.as_bytes()),
        sha256_base64(style.as_bytes())
    );
    let link = find_tag(index, "<link rel=\"stylesheet\"").ok_or("index.html has no stylesheet link")?;
    let mut out = String::with_capacity(index.len() + body.len() + style.len());
    out.push_str(&index[..start]);
    out.push_str(&body);
    out.push_str(&index[end..]);
    // The stylesheet inline (nothing blocks the first paint); the head script first in <head>.
    out = out.replacen(link, &format!("<style>{style}</style>"), 1);
    let head = out.find("<head>").ok_or("index.html has no <head>")? + "<head>".len();
    out.insert_str(
        head,
        &format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n    <script>{script}</script>"),
    );

    let mut files = Vec::new();
    for lang in Lang::all() {
        files.push((
            file_name("faq", lang),
            static_page(css_name, lang, strings(lang).title_faq, &faq_page(lang)),
        ));
        let rules = rule_map(lang);
        files.push((file_name("rules", lang), static_page(css_name, lang, &rules.0, &rules.1)));
    }
    // The texts that travel beside the app (every language but the source language, a file
    // per pack), fetched when needed.
    for (li, l) in RULEBOOK.languages.iter().enumerate() {
        for (p, file) in l.files.iter().enumerate().filter(|(_, f)| !f.is_empty()) {
            let text = RULEBOOK.texts_file(Lang(li as u8), p).ok_or("a language without its texts")?;
            files.push((file.to_string(), text));
        }
    }
    files.push(("csp.txt".into(), format!("{csp}\n")));
    Ok(Site { index: out, files, csp })
}

/// The attributes whose values name ids of the same document (space-separated lists).
const ID_ATTRIBUTES: [&str; 6] =
    ["id", "for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-errormessage"];

/// The length of the tag `markup` starts with (at its `<`): a tag runs to the first `>` outside
/// a quoted value (the whole of `markup` when none closes it).
pub fn tag_len(markup: &str) -> usize {
    let mut quote = None;
    markup
        .char_indices()
        .find(|&(_, c)| match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                false
            }
            (Some(q), c) if c == q => {
                quote = None;
                false
            }
            (None, '>') => true,
            _ => false,
        })
        .map_or(markup.len(), |(i, _)| i + 1)
}

/// `markup` (the app's own server-rendered HTML) with every id, every reference to an id and
/// every link to an id within the page (`href="#x"`, not a route `#/…`) prefixed by `prefix`.
/// Only tags are read: text is left as it is.
pub fn scope_ids(markup: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(markup.len() + 256);
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let end = tag_len(rest);
        out.push_str(&scope_tag(&rest[..end], prefix));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// One tag of [`scope_ids`].
fn scope_tag(tag: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(tag.len() + 32);
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name_start = rest[..eq].rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let name = &rest[name_start..eq];
        let value_start = eq + 2;
        let value_end = rest[value_start..].find('"').map_or(rest.len(), |i| value_start + i);
        let value = &rest[value_start..value_end];
        out.push_str(&rest[..value_start]);
        if ID_ATTRIBUTES.contains(&name) {
            let scoped: Vec<String> = value.split_whitespace().map(|id| format!("{prefix}{id}")).collect();
            out.push_str(&scoped.join(" "));
        } else if name == "href" && value.starts_with('#') && !value.starts_with("#/") && value.len() > 1 {
            out.push('#');
            out.push_str(prefix);
            out.push_str(&value[1..]);
        } else {
            out.push_str(value);
        }
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    out
}

/// The tag of `index` that starts with `prefix`, whole.
fn find_tag<'a>(index: &'a str, prefix: &str) -> Option<&'a str> {
    let start = index.find(prefix)?;
    let end = index[start..].find('>')? + start + 1;
    Some(&index[start..end])
}

/// A page with no script at all: the app's head (its stylesheet and icon, a description in the
/// page's language) and the content.
fn static_page(css_name: &str, lang: Lang, title: &str, content: &str) -> String {
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
fn first_screen_css(keys: &[String]) -> String {
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

// ─────────────────────────────── the rule map ───────────────────────────────

/// The rule map's graphs for a wide screen: they fit the page's column (72rem, less its padding).
const GRAPH_WIDE: flowgraph::Bounds =
    flowgraph::Bounds { max_width: 1060.0, wrap_em: 16.0, label_wrap_em: 12.0, column: 12.0 };
/// … and for a phone: narrower rows and texts, edges closer together.
const GRAPH_NARROW: flowgraph::Bounds =
    flowgraph::Bounds { max_width: 340.0, wrap_em: 10.0, label_wrap_em: 8.0, column: 6.0 };

/// The title and the markup of the rule map in a language.
pub fn rule_map(lang: Lang) -> (String, String) {
    let s = strings(lang);
    let book = &RULEBOOK;
    let report = check::check(book);
    let t = |x| book.text(x, lang);
    let gap = crate::report::gap(book, lang);
    let faq_source = book.sources.iter().position(|x| x.kind == SourceKind::Faq).unwrap_or(0);
    let mut w = String::new();
    let app = |route: &Route| format!("./index.html{}", route::with_lang(route::encode(route), lang));
    let _ = write!(w, "<div class=\"app rule-map\" lang=\"{}\">", lang.code());
    let _ = write!(
        w,
        "<header class=\"masthead\"><a class=\"brand\" href=\"./index.html\">{}</a><nav aria-label=\"{}\"><a href=\"./{}\">{}</a>",
        escape(s.app_name),
        escape(s.nav_label),
        file_name("faq", lang),
        escape(s.nav_faq)
    );
    for other in Lang::all().filter(|&l| l != lang) {
        let _ = write!(
            w,
            " <a class=\"lang-switch\" href=\"./{}\" lang=\"{}\" hreflang=\"{}\">{}</a>",
            file_name("rules", other),
            other.code(),
            other.code(),
            escape(other.name())
        );
    }
    let _ = write!(w, "</nav></header><main id=\"main\" class=\"main\"><div class=\"screen rules\">");
    let _ = write!(
        w,
        "<h1 id=\"main-heading\">{}</h1><p class=\"how-to-read\">{}</p><p class=\"lead\">{}</p>",
        escape(s.rules_heading),
        escape(s.rules_how_to_read),
        escape(s.rules_lead)
    );

    // Counts.
    let quotes: usize =
        (0..book.recommendations.len()).map(|r| book.recommendations[r].all_cites().count()).sum();
    let practice = book.recommendations.iter().filter(|r| r.layer == Layer::Practice).count();
    let _ = write!(
        w,
        "<section aria-labelledby=\"counts\"><h2 id=\"counts\">{}</h2><ul class=\"facts\">",
        escape(s.rules_counts)
    );
    for (f, stats) in book.flows.iter().zip(&report.flows) {
        let _ = write!(
            w,
            "<li>{}</li>",
            escape(&fill(
                s.rules_flow_count,
                &[
                    ("flow", t(f.title)),
                    ("paths", &stats.paths.to_string()),
                    ("longest", &stats.longest.to_string())
                ]
            ))
        );
    }
    let _ = write!(
        w,
        "<li>{}</li></ul></section>",
        escape(&fill(
            s.rules_totals,
            &[
                ("rules", &book.rules.len().to_string()),
                ("recs", &book.recommendations.len().to_string()),
                ("practice", &practice.to_string()),
                ("quotes", &quotes.to_string()),
                ("paths", &report.total_paths().to_string()),
            ]
        ))
    );

    // Each flow as a graph.
    for (fi, f) in book.flows.iter().enumerate() {
        let (graph, outcomes) = flow_graph(fi, lang, &app);
        let _ = write!(
            w,
            "<section class=\"flow-map\" aria-labelledby=\"flow-{0}\"><h2 id=\"flow-{0}\">{1}</h2>",
            f.id,
            escape(t(f.title))
        );
        // Drawn twice: for a wide screen, and narrower (more rows, shorter lines) for a phone;
        // the stylesheet shows one. Each scales down to the width it has.
        let _ = write!(w, "<div class=\"graph\">");
        for (class, bounds) in [("graph-wide", GRAPH_WIDE), ("graph-narrow", GRAPH_NARROW)] {
            let layout = flowgraph::layout_within(&graph, &bounds);
            let _ = write!(
                w,
                "<div class=\"{class}\">{}</div>",
                flowgraph::to_svg(&graph, &layout, &format!("g-{}-{}", f.id, &class[6..]))
            );
        }
        let _ = write!(w, "</div>");
        // The same, as a list (screen readers, and the outcomes' rules).
        let _ = write!(w, "<h3>{}</h3><ul class=\"outcomes\">", escape(s.rules_outcomes));
        for (rec, (count, example, rules)) in outcomes {
            let r = &book.recommendations[rec];
            let _ = write!(
                w,
                "<li><a href=\"{}\">{}</a>{}{}<br><span class=\"help\">{}</span></li>",
                escape(&example),
                escape(t(r.title)),
                escape(s.dash),
                escape(&fill(s.rules_paths_end_here, &[("n", &count.to_string())])),
                escape(&fill(s.rules_fire, &[("rules", &rules.join(s.comma))]))
            );
        }
        let _ = write!(w, "</ul></section>");
    }

    // Every FAQ entry, then the rules and recommendations that rest on it.
    let _ = write!(
        w,
        "<section aria-labelledby=\"law\"><h2 id=\"law\">{}</h2><p class=\"help\">{}</p>",
        escape(s.rules_by_faq),
        escape(s.rules_by_faq_help)
    );
    for (fi, faq) in book.faqs.iter().enumerate() {
        let cov = &report.coverage[fi];
        let faq_lang = book.sources[faq_source].lang;
        let _ = write!(
            w,
            "<article class=\"faq-entry\" id=\"faq-{}\"><h3><span class=\"section\">{}</span>{}<span lang=\"{faq_lang}\" translate=\"no\">{}</span></h3>",
            faq.id,
            escape(&fill(s.section, &[("section", faq.section)])),
            gap,
            escape(faq.question)
        );
        if lang != Lang::SOURCE {
            // The question in the reader's language: the advisor's rendering, labelled.
            let _ = write!(
                w,
                "<p class=\"rendering\"><span class=\"rendering-label\">{}</span>{gap}{}</p>",
                escape(s.rendering_label),
                escape(t(faq.title))
            );
        }
        let _ = write!(w, "<p>{}</p>", escape(t(faq.answer)));
        let _ = write!(
            w,
            "<p class=\"help\">{}</p>",
            escape(&fill(s.rules_faq_paths, &[("n", &cov.paths.to_string())]))
        );
        for &rec in &cov.recs {
            write_rec(&mut w, rec, fi, lang);
        }
        let _ = write!(w, "</article>");
    }
    let _ = write!(w, "</section>");

    // Current practice: every note, with its sources by date.
    let _ = write!(
        w,
        "<section aria-labelledby=\"practice\"><h2 id=\"practice\">{}</h2>",
        escape(&fill(s.practice_heading_dated, &[("date", &book.language(lang).date(book.gathered))]))
    );
    let _ = write!(w, "<h3>{}</h3><ul class=\"sources\">", escape(s.rules_sources));
    let mut sources: Vec<usize> =
        (0..book.sources.len()).filter(|&i| book.sources[i].kind == SourceKind::External).collect();
    sources.sort_by_key(|&i| {
        (book.sources[i].page_date.is_some(), book.sources[i].page_date, book.sources[i].id)
    });
    for i in sources {
        let src = &book.sources[i];
        let _ = write!(w, "<li>{}{gap}<code>{}</code></li>", source_html(i, lang, true), escape(src.id));
    }
    let _ = write!(w, "</ul>");
    // The provinces' own rules (given where a province is chosen) after the rest.
    let file_in = book.question("file-in");
    let provincial = |rec: usize| {
        file_in.is_some_and(|q| {
            let given: Vec<_> = book.rules.iter().filter(|r| r.then.contains(&rec)).collect();
            !given.is_empty() && given.iter().all(|r| r.when.looks_at(q))
        })
    };
    let practice: Vec<usize> = (0..book.recommendations.len())
        .filter(|&r| book.recommendations[r].layer == Layer::Practice)
        .collect();
    for &rec in practice.iter().filter(|&&r| !provincial(r)) {
        write_rec(&mut w, rec, usize::MAX, lang);
    }
    if practice.iter().any(|&r| provincial(r)) {
        let _ = write!(w, "<h3 id=\"provinces\">{}</h3>", escape(s.rules_provinces));
        for &rec in practice.iter().filter(|&&r| provincial(r)) {
            write_rec(&mut w, rec, usize::MAX, lang);
        }
    }
    let _ = write!(w, "</section>");

    // The coverage table.
    let _ = write!(w, "<section aria-labelledby=\"coverage\"><h2 id=\"coverage\">{}</h2><div class=\"table-wrap\"><table><thead><tr><th>§</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>", escape(s.rules_coverage), escape(s.rules_col_question), escape(s.rules_col_recs), escape(s.rules_col_paths));
    for (fi, faq) in book.faqs.iter().enumerate() {
        let cov = &report.coverage[fi];
        let recs: Vec<String> =
            cov.recs.iter().map(|&r| format!("<code>{}</code>", book.recommendations[r].id)).collect();
        let _ = write!(
            w,
            "<tr><td>{}</td><td><a href=\"#faq-{}\"{}>{}</a></td><td>{}</td><td>{}</td></tr>",
            escape(faq.section),
            faq.id,
            if lang == Lang::SOURCE {
                format!(" lang=\"{}\"", book.sources[faq_source].lang)
            } else {
                String::new()
            },
            escape(if lang == Lang::SOURCE { faq.question } else { t(faq.title) }),
            recs.join(s.comma),
            cov.paths
        );
    }
    let _ = write!(w, "</tbody></table></div></section>");
    let _ = write!(
        w,
        "</div></main><footer class=\"footer\"><p>{}</p></footer></div>",
        escape(&fill(s.footer, &[("source", s.source), ("date", &book.language(lang).date(book.gathered))]))
    );
    (s.rules_title.to_string(), w)
}

/// One recommendation in the rule map: the rules that give it, with their conditions in
/// words, its titles and plan lines with theirs, its paragraphs and steps, and its cited words
/// (in another language than the reader's: labelled, with the advisor's rendering).
fn write_rec(w: &mut String, rec: usize, faq: usize, lang: Lang) {
    let s = strings(lang);
    let book = &RULEBOOK;
    let r = &book.recommendations[rec];
    let t = |x| book.text(x, lang);
    let gap = crate::report::gap(book, lang);
    let practice = r.layer == Layer::Practice;
    let _ = write!(
        w,
        "<div class=\"rule-rec{}\" id=\"rec-{}\"><h4>{}{}{gap}<code>{}</code></h4>",
        if practice { " practice" } else { "" },
        r.id,
        if practice {
            format!("<span class=\"badge practice-badge\">{}</span>{gap}", escape(s.practice_short))
        } else {
            String::new()
        },
        escape(t(r.title)),
        r.id
    );
    let _ = write!(w, "<ul class=\"rules\">");
    for rule in book.rules.iter().filter(|x| x.then.contains(&rec)) {
        let label = format!("{}{gap}<code>{}</code>", escape(s.rules_rule), rule.id);
        let when = escape(&fill(s.rules_when, &[("condition", &cond_words(book, &rule.when, lang))]));
        let _ = write!(w, "<li>{}</li>", fill(s.labelled, &[("label", &label), ("text", &when)]));
    }
    let _ = write!(w, "</ul>");
    if let Some(amend) = r.amend {
        let _ = write!(
            w,
            "<p>{}</p>",
            fill(
                s.labelled,
                &[
                    ("label", &format!("<strong>{}</strong>", escape(s.rules_amend))),
                    ("text", &escape(t(amend)))
                ]
            )
        );
    }
    for (name, parts) in [
        (s.rules_title_variant, r.titles),
        (s.rules_plan_variant, r.plans),
        (s.rules_verdict_line, r.answer),
        (s.rules_paragraph, r.body),
        (s.rules_step, r.steps),
    ] {
        for (i, p) in parts.iter().enumerate() {
            let when = match &p.when {
                crate::rulebook::Cond::Always => String::new(),
                c => format!(
                    "{gap}<span class=\"help\">{}</span>",
                    escape(&fill(
                        s.in_brackets,
                        &[("text", &fill(s.rules_only_when, &[("condition", &cond_words(book, c, lang))]))]
                    ))
                ),
            };
            let label = format!("<strong>{}{gap}{}</strong>{when}", escape(name), i + 1);
            let _ =
                write!(w, "<p>{}</p>", fill(s.labelled, &[("label", &label), ("text", &escape(t(p.text)))]));
        }
    }
    for c in book.recommendations[rec].all_cites() {
        let src = &book.sources[c.source];
        let whence = match c.faq {
            Some(f) if f == faq => String::new(),
            Some(f) => format!(
                "{}<a href=\"#faq-{}\">{}</a>",
                escape(s.dash),
                book.faqs[f].id,
                escape(&fill(s.section, &[("section", book.faqs[f].section)]))
            ),
            None => format!(
                "{}{}{}",
                escape(s.dash),
                escape(book.text(src.publisher, lang)),
                escape(&fill(
                    s.in_brackets,
                    &[(
                        "text",
                        &src.page_date
                            .map_or_else(|| s.no_date_shown.to_string(), |d| book.language(lang).date(d))
                    )]
                ))
            ),
        };
        let _ = write!(w, "{}", words_html(c, lang, &whence));
    }
    let _ = write!(w, "</div>");
}

/// Cited words as the rule map shows them: the words in their language (a summary labelled as
/// one), in another language than the reader's labelled with it and followed by the advisor's
/// rendering; `after` (where they come from) follows the words.
pub fn words_html(c: &crate::rulebook::Citation, lang: Lang, after: &str) -> String {
    let s = strings(lang);
    let gap = crate::report::gap(&RULEBOOK, lang);
    let wd = crate::report::words(&RULEBOOK, c, lang);
    let mut out = String::new();
    if c.summary {
        let _ = write!(
            out,
            "<p class=\"summary\"><span class=\"summary-label\">{}</span>{gap}<span lang=\"{}\" translate=\"no\">{}</span>{after}</p>",
            escape(&wd.label.unwrap_or_default()),
            escape(wd.lang),
            escape(wd.text)
        );
    } else {
        if let Some(label) = &wd.label {
            let _ = write!(out, "<p class=\"original-label\">{}</p>", escape(label));
        }
        let _ = write!(
            out,
            "<blockquote lang=\"{}\" translate=\"no\">{}</blockquote>",
            escape(wd.lang),
            escape(wd.text)
        );
        if !after.is_empty() {
            let _ = write!(out, "<p class=\"whence\">{}</p>", after.trim_start_matches(s.dash));
        }
    }
    if let Some(r) = wd.rendering {
        let _ = write!(
            out,
            "<p class=\"rendering\"><span class=\"rendering-label\">{}</span>{gap}{}</p>",
            escape(s.rendering_label),
            escape(r)
        );
    }
    out
}

/// A source in the rule map's list: its publisher and linked title in the reader's language,
/// the page's language, dates, and links to the same document in the reader's language.
fn source_html(source: usize, lang: Lang, link: bool) -> String {
    let s = strings(lang);
    let book = &RULEBOOK;
    let src = &book.sources[source];
    let gap = crate::report::gap(book, lang);
    let title = escape(&fill(s.cite_title, &[("title", book.text(src.title, lang))]));
    let title = if link {
        format!(
            "<a href=\"{}\" rel=\"noopener noreferrer external\" hreflang=\"{}\">{title}</a>",
            escape(src.url),
            escape(src.lang)
        )
    } else {
        title
    };
    let name =
        fill(s.publisher_title, &[("publisher", &escape(book.text(src.publisher, lang))), ("title", &title)]);
    let details = crate::report::source_details(book, src.lang, src.page_date, src.read, src.quality, lang);
    let mut out = format!("{name}{gap}{}", escape(&fill(s.in_brackets, &[("text", &details)])));
    for v in src.versions.iter().filter(|v| crate::rulebook::same_language(v.lang, lang.code())) {
        let _ = write!(
            out,
            "{}<a href=\"{}\" rel=\"noopener noreferrer external\" hreflang=\"{}\">{}</a>",
            escape(s.comma),
            escape(v.url),
            escape(v.lang),
            escape(&fill(s.version_link, &[("language", crate::report::language_name(lang, v.lang))]))
        );
    }
    out
}

/// Outcomes of a flow: the verdict's recommendation → (paths ending there, a link to the
/// first such path's result, the rules that fire on every one of them).
type Outcomes = BTreeMap<usize, (usize, String, Vec<&'static str>)>;

/// A flow as a graph: its questions, the outcomes (verdicts) its paths end in, and an edge for
/// each answer that leads from one to the next; every node links into the app at that point.
fn flow_graph(fi: usize, lang: Lang, app: &dyn Fn(&Route) -> String) -> (Graph, Outcomes) {
    let book = &RULEBOOK;
    let flow = &book.flows[fi];
    let mut nodes: Vec<Node> = vec![Node {
        id: "start".into(),
        label: flow.title.get(lang).to_string(),
        kind: NodeKind::Start,
        href: Some(app(&nav::start_flow(&RULEBOOK, fi))),
        note: None,
    }];
    let mut edges: Vec<Edge> = Vec::new();
    let mut outcomes: Outcomes = BTreeMap::new();
    let mut seen_q: Vec<usize> = Vec::new();
    let mut fired: BTreeMap<usize, Option<Vec<usize>>> = BTreeMap::new();
    let mut ends: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for_each_path(book, fi, |answers| {
        let ev = evaluate(book, answers);
        let verdict = ev.verdict.unwrap_or(usize::MAX);
        let mut prefix = crate::answers::AnswerSet::new(fi);
        let mut from = "start".to_string();
        let mut label = String::new();
        for &(q, o) in &ev.asked {
            if !seen_q.contains(&q) {
                seen_q.push(q);
                nodes.push(Node {
                    id: format!("q-{}", book.questions[q].id),
                    label: book.questions[q].prompt.get(lang).to_string(),
                    kind: NodeKind::Question,
                    href: Some(app(&Route::Question { answers: prefix, question: q, changing: false })),
                    note: None,
                });
            }
            edges.push(Edge {
                from: from.clone(),
                to: format!("q-{}", book.questions[q].id),
                label: label.clone(),
            });
            from = format!("q-{}", book.questions[q].id);
            label = book.questions[q].options[o].label.get(lang).to_string();
            prefix.set(q, o);
        }
        // An outcome is drawn once below each question it follows from: the paths reaching
        // it from different depths would otherwise run long edges across the whole graph.
        let out_id = format!("o-{}-{from}", book.recommendations.get(verdict).map_or("none", |r| r.id));
        *ends.entry((verdict, out_id.clone())).or_insert(0) += 1;
        edges.push(Edge { from, to: out_id, label });
        let rules: Vec<usize> = ev.advice.iter().flat_map(|a| a.rules.iter().copied()).collect();
        let entry = outcomes.entry(verdict).or_insert_with(|| (0, app(&Route::Result(*answers)), Vec::new()));
        entry.0 += 1;
        let f = fired.entry(verdict).or_insert(None);
        *f = Some(match f.take() {
            None => rules,
            Some(prev) => prev.into_iter().filter(|r| rules.contains(r)).collect(),
        });
    });
    for (&verdict, (_, _, rules)) in outcomes.iter_mut() {
        *rules = fired
            .get(&verdict)
            .cloned()
            .flatten()
            .unwrap_or_default()
            .iter()
            .map(|&r| book.rules[r].id)
            .collect();
    }
    for ((verdict, id), count) in ends {
        nodes.push(Node {
            id,
            label: book.recommendations.get(verdict).map_or("—", |r| r.title.get(lang)).to_string(),
            kind: NodeKind::Outcome,
            href: outcomes.get(&verdict).map(|o| o.1.clone()),
            note: Some(fill(strings(lang).rules_paths_end_here, &[("n", &count.to_string())])),
        });
    }
    let s = strings(lang);
    let wording = flowgraph::Wording {
        options: s.rules_option_separator.to_string(),
        note: s.dash.to_string(),
        description: s.rules_graph_desc.to_string(),
        edge: s.rules_edge.to_string(),
        edge_bare: s.rules_edge_bare.to_string(),
    };
    (Graph { title: flow.title.get(lang).to_string(), nodes, edges, wording }, outcomes)
}

/// Writes the site into `dir` (Trunk's staging folder, after the loader step): returns a
/// summary of what it wrote.
pub fn write(dir: &Path) -> Result<String, String> {
    let index_path = dir.join("index.html");
    // (Trunk's output: bounded all the same, like every file the tools read.)
    let read = |path: &Path| {
        icp_rules::compile::read_regular(path, 16 << 20)
            .and_then(|b| String::from_utf8(b).map_err(|_| "is not UTF-8 text".to_string()))
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let index = read(&index_path)?;
    let link = find_tag(&index, "<link rel=\"stylesheet\"").ok_or("index.html has no stylesheet link")?;
    let css_name = link
        .split("href=\"")
        .nth(1)
        .and_then(|h| h.split('"').next())
        .map(|h| h.trim_start_matches("./").to_string())
        .ok_or("the stylesheet link has no href")?;
    let css = read(&dir.join(&css_name))?;
    let modules = modules(&index, dir)?;
    let site = build(&index, &css, &css_name, &modules)?;
    std::fs::write(&index_path, &site.index).map_err(|e| e.to_string())?;
    let mut summary = format!("site: index.html with {} first screens\n", first_screens().len());
    for (name, text) in &site.files {
        std::fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))?;
        let _ = writeln!(summary, "site: {name} ({} bytes)", text.len());
    }
    let _ = writeln!(summary, "site: Content-Security-Policy: {}", site.csp);
    Ok(summary)
}

/// The page's two modules (see `ui::handover`): the first is the one Trunk built and
/// preloads (`<link rel="modulepreload">` and `<link rel="preload">` in `index.html`), the full
/// one the library's glue and Wasm beside it (`icp-advisor-lib-<hash>.js`, `…_bg.wasm`).
fn modules(index: &str, dir: &Path) -> Result<crate::head::Modules, String> {
    let href = |prefix: &str| {
        find_tag(index, prefix)
            .and_then(|t| t.split("href=\"./").nth(1))
            .and_then(|h| h.split('"').next())
            .map(str::to_string)
            .ok_or(format!("index.html has no {prefix}> of the page's module"))
    };
    let first = (href("<link rel=\"modulepreload\"")?, href("<link rel=\"preload\"")?);
    let mut glue: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("icp-advisor-lib-") && n.ends_with(".js"))
        .collect();
    glue.sort();
    let [glue] = <[String; 1]>::try_from(glue)
        .map_err(|g| format!("expected one library glue beside index.html, found {g:?}"))?;
    let wasm = glue.replace(".js", "_bg.wasm");
    if !dir.join(&wasm).is_file() {
        return Err(format!("{wasm} is missing"));
    }
    Ok(crate::head::Modules { first, full: (glue, wasm) })
}

// ─────────────────────────────── hashes ───────────────────────────────

/// SHA-256 (FIPS 180-4), for the CSP hashes of the inline script and style.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for chunk in msg.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([chunk[4 * i], chunk[4 * i + 1], chunk[4 * i + 2], chunk[4 * i + 3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
        }
        for (a, b) in h.iter_mut().zip(v) {
            *a = a.wrapping_add(b);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        out.push(A[(n >> 18) as usize & 63] as char);
        out.push(A[(n >> 12) as usize & 63] as char);
        out.push(if c.len() > 1 { A[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if c.len() > 2 { A[n as usize & 63] as char } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_and_base64_match_known_values() {
        assert_eq!(base64(&sha256(b"")), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assert_eq!(base64(&sha256(b"abc")), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        assert_eq!(base64(b"ab"), "YWI=");
    }

    /// Every flow's graph, in every language, in both drawings, keeps close to its width (a
    /// layer that many edges pass through may stick out a little; the drawing then scales
    /// down), so that it fits the page's column or a phone's width at a scale that keeps its
    /// text readable (tests/e2e/rules.test.mjs measures it in the browser).
    #[test]
    fn the_rule_map_graphs_keep_to_their_widths() {
        for lang in Lang::all() {
            let app = |route: &Route| format!("./index.html{}", route::with_lang(route::encode(route), lang));
            for fi in 0..RULEBOOK.flows.len() {
                let (graph, _) = flow_graph(fi, lang, &app);
                for bounds in [GRAPH_WIDE, GRAPH_NARROW] {
                    let l = flowgraph::layout_within(&graph, &bounds);
                    let flow = RULEBOOK.flows[fi].id;
                    assert!(
                        l.width <= bounds.max_width * 1.25 + 32.5,
                        "{flow} ({}) is {} wide for {}",
                        lang.code(),
                        l.width,
                        bounds.max_width
                    );
                    let start = &l.nodes[0].rect;
                    assert!(start.y < 20.0, "{flow}: the start node is at the top");
                }
            }
        }
    }

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

    /// The classes `ui` source writes: `class="…"` and the strings in `classes!(…)`.
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
        // The files of `ui` the first module is built from: all but those a `mod.rs` of `ui`
        // compiles with `cfg(not(first_visit))`.
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
        let mut full_files = Vec::new();
        for path in files.iter().filter(|p| p.ends_with("mod.rs")) {
            let text = std::fs::read_to_string(path).unwrap().replace("\npub mod ", "\nmod ");
            let dir = path.parent().unwrap();
            full_files.extend(
                text.split("#[cfg(not(first_visit))]\nmod ")
                    .skip(1)
                    .filter_map(|rest| rest.split(';').next().map(|m| dir.join(format!("{m}.rs")))),
            );
        }
        assert!(
            full_files.iter().any(|f| f.ends_with("screens/result.rs"))
                && full_files.iter().any(|f| f.ends_with("ui/lookup.rs"))
        );
        let (mut ui, mut first) = (String::new(), String::new());
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            if !full_files.contains(path) {
                first.push_str(&text);
            }
            ui.push_str(&text);
        }
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

    /// The (name, value) pairs of the double-quoted attributes in `html`'s tags.
    fn attributes(html: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for tag in html.split('<').skip(1) {
            let mut rest = tag.split('>').next().unwrap_or("");
            while let Some(eq) = rest.find("=\"") {
                let name = rest[..eq].rsplit(char::is_whitespace).next().unwrap_or("");
                let end = rest[eq + 2..].find('"').map_or(rest.len(), |i| eq + 2 + i);
                out.push((name.to_string(), rest[eq + 2..end].to_string()));
                rest = &rest[(end + 1).min(rest.len())..];
            }
        }
        out
    }

    /// The pages run under `csp.txt`, whose `style-src` allows no inline style attribute: the
    /// rule map (its graphs) and the FAQ page carry none.
    #[test]
    fn the_static_pages_have_no_style_attribute() {
        for lang in Lang::all() {
            for (page, html) in [("rules", rule_map(lang).1), ("faq", faq_page(lang))] {
                let found = attributes(&html).into_iter().filter(|(name, _)| name == "style").count();
                assert_eq!(found, 0, "{page} ({}) has {found} style attributes", lang.code());
            }
        }
    }

    #[test]
    fn scope_ids_prefixes_ids_references_and_in_page_links_only() {
        let html = r##"<a href="#main" class="skip-link">Skip</a><a href="#/need?lang=en">x</a><label for="q-0" title="a > b">id="text"</label><input id="q-0" aria-describedby="q-0-hint help" aria-labelledby="q-0-label">"##;
        assert_eq!(
            scope_ids(html, "need-en-"),
            r##"<a href="#need-en-main" class="skip-link">Skip</a><a href="#/need?lang=en">x</a><label for="need-en-q-0" title="a > b">id="text"</label><input id="need-en-q-0" aria-describedby="need-en-q-0-hint need-en-help" aria-labelledby="need-en-q-0-label">"##
        );
    }

    /// Every first screen is in `index.html` at once (only one shows): no id may occur twice
    /// in the document, and every label, description and in-page link of a copy points into
    /// that copy — else a label of the Chinese copy would check a radio of the hidden English
    /// one, and tests would find two headings.
    #[test]
    fn first_screens_have_ids_of_their_own() {
        let root = env!("CARGO_MANIFEST_DIR");
        // As Trunk leaves it: the stylesheet linked under its hashed name.
        let index = std::fs::read_to_string(format!("{root}/index.html")).unwrap().replace(
            "<link data-trunk rel=\"css\" href=\"static/style.css\">",
            "<link rel=\"stylesheet\" href=\"./style.css\">",
        );
        let css = std::fs::read_to_string(format!("{root}/static/style.css")).unwrap();
        let site = build(&index, &css, "style.css", &Default::default()).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for (name, value) in attributes(&site.index) {
            if name == "id" {
                assert!(seen.insert(value.clone()), "the id {value} occurs twice in index.html");
            }
        }
        let copies: Vec<&str> = site.index.split("<div data-prerendered ").skip(1).collect();
        assert_eq!(copies.len(), first_screens().len());
        for copy in copies {
            let attrs = attributes(copy);
            let ids: Vec<&str> = attrs.iter().filter(|(n, _)| n == "id").map(|(_, v)| v.as_str()).collect();
            assert!(!ids.contains(&"main-heading"), "a copy keeps the live app's heading id");
            for (name, value) in &attrs {
                let refs: Vec<&str> = match name.as_str() {
                    "for" | "aria-labelledby" | "aria-describedby" | "aria-controls" => {
                        value.split_whitespace().collect()
                    }
                    "href" if value.starts_with('#') && !value.starts_with("#/") => vec![&value[1..]],
                    _ => continue,
                };
                for r in refs {
                    assert!(ids.contains(&r), "{name}=\"{value}\" points outside its copy ({})", &copy[..60]);
                }
            }
        }
    }
}
