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

//!
//! Its parts: `first_screens.rs` (the server-side rendering, the static pages and the inline
//! stylesheet), `csp.rs` (the hashes), `rule_map/` (the rule map's components), `markup.rs`
//! (small HTML helpers) and `js.rs` (the minifier of the inline scripts, from `web/`).

mod csp;
mod first_screens;
mod js;
mod markup;
mod rule_map;

pub use csp::{base64, sha256};
pub use first_screens::{faq_page, first_screens, live_screen, render, static_screen};
pub use js::minify as minify_js;
pub use markup::{scope_ids, tag_len};
pub use rule_map::rule_map;

use crate::flowgraph::escape;
use crate::i18n::strings;
use crate::route::static_file as file_name;
use crate::rulebook::{Lang, LangExt, RULEBOOK};
use csp::sha256_base64;
use first_screens::{first_screen_css, page_css, static_page};
use markup::find_tag;
use std::fmt::Write as _;
use std::path::Path;

/// The element of `index.html` the first screens replace.
const PLACEHOLDER_START: &str = "<p class=\"app-loading\"";

/// What the build writes.
pub struct Site {
    /// `index.html` with the start screens, the inline stylesheet and head script, and the CSP.
    pub index: String,
    /// `embed.html` ([`crate::head::EMBED_PAGE`]): the same page with the embed mode's first
    /// questions as well, which `index.html` sends the embed mode to.
    pub embed: String,
    /// Further files: (name, contents).
    pub files: Vec<(String, String)>,
    /// The Content-Security-Policy the site runs under (both pages' inline scripts and style).
    pub csp: String,
}

/// One page's parts before the policy is known: the page without its head additions, where
/// they go (just after `<head>`), and its head script.
struct Page {
    html: String,
    head: usize,
    script: String,
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
    let screens = first_screens();
    let keys: Vec<String> = screens.iter().map(|(k, _)| k.clone()).collect();
    // One stylesheet and one `head::SHOW` for both pages (so one hash each in the policy).
    let style = format!("{}\n{}", page_css(css)?, first_screen_css(&keys));
    let show = format!("({})(document)", minify_js(crate::head::SHOW)?);
    let on_index: Vec<(String, String)> =
        screens.iter().filter(|(k, _)| crate::head::on_index(k)).cloned().collect();
    let pages = [
        page(&index, &on_index, &style, &show, modules, Some(crate::head::EMBED_PAGE))?,
        page(&index, &screens, &style, &show, modules, None)?,
    ];
    let mut hashes: Vec<String> = pages.iter().map(|p| sha256_base64(p.script.as_bytes())).collect();
    hashes.dedup();
    let scripts: String = hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts} 'sha256-{}'; style-src 'self' 'sha256-{}'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
        sha256_base64(show.as_bytes()),
        sha256_base64(style.as_bytes())
    );
    // The policy and the head script first in <head>.
    let [index, embed] = pages.map(|p| {
        let mut out = p.html;
        out.insert_str(
            p.head,
            &format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n    <script>{}</script>", p.script),
        );
        out
    });

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
    Ok(Site { index, embed, files, csp })
}

/// A page with the first screens `screens`: the screens in place of the loading placeholder
/// (the source language's start screen in the page, the others in inert templates), the
/// stylesheet inline, and its head script (whose `away` names the page of the screens it lacks).
fn page(
    index: &str,
    screens: &[(String, String)],
    style: &str,
    show: &str,
    modules: &crate::head::Modules,
    away: Option<&str>,
) -> Result<Page, String> {
    let start = index.find(PLACEHOLDER_START).ok_or("index.html has no loading placeholder in #app")?;
    let end =
        index[start..].find("</p>").map(|e| start + e + 4).ok_or("the loading placeholder is not closed")?;
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
    let _ = write!(body, "<script>{show}</script>");
    let keys: Vec<String> = screens.iter().map(|(k, _)| k.clone()).collect();
    let script = head_script(&keys, modules, away)?;
    let link = find_tag(index, "<link rel=\"stylesheet\"").ok_or("index.html has no stylesheet link")?;
    let mut out = String::with_capacity(index.len() + body.len() + style.len());
    out.push_str(&index[..start]);
    out.push_str(&body);
    out.push_str(&index[end..]);
    // The stylesheet inline (nothing blocks the first paint).
    out = out.replacen(link, &format!("<style>{style}</style>"), 1);
    let head = out.find("<head>").ok_or("index.html has no <head>")? + "<head>".len();
    Ok(Page { html: out, head, script })
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
    std::fs::write(dir.join(crate::head::EMBED_PAGE), &site.embed).map_err(|e| e.to_string())?;
    // (The screens' keys: `build` rendered the screens themselves.)
    let keys = crate::head::first_screen_keys();
    let mut summary = format!(
        "site: index.html with {} first screens, {} with {}\n",
        keys.iter().filter(|k| crate::head::on_index(k)).count(),
        crate::head::EMBED_PAGE,
        keys.len()
    );
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

#[cfg(test)]
mod tests;

/// The whole inline head script: `web/head.js` minified ([`minify_js`]), with its
/// configuration filled in (`head::config`).
pub fn head_script(
    keys: &[String],
    modules: &crate::head::Modules,
    away: Option<&str>,
) -> Result<String, String> {
    let min = minify_js(crate::head::SOURCE).map_err(|e| format!("web/head.js: {e}"))?;
    let (before, after) = min
        .split_once(crate::head::CONFIG_PLACEHOLDER)
        .ok_or_else(|| format!("web/head.js has no {}", crate::head::CONFIG_PLACEHOLDER))?;
    if after.contains(crate::head::CONFIG_PLACEHOLDER) || min.matches("__ICP_").count() != 1 {
        return Err("web/head.js has a placeholder other than its one configuration".into());
    }
    Ok(format!("{before}{}{after}", crate::head::config(keys, modules, away)))
}
