//! The start and question screens and the app's shell as HTML text, the same markup as the Yew
//! components write (`ui::app`, `ui::screens::start`, `ui::screens::question`, `ui::cite`): a
//! native test (`tests/first_markup.rs`) compares the two for every question, answer, language
//! and lens. Pure: no browser, no state of its own.

use crate::answers::AnswerSet;
use crate::engine::path;
use crate::i18n::{fill, strings, Strings};
use crate::nav;
use crate::present::Lens;
use crate::route::{self, Route};
use crate::rulebook::{Citation, Lang, LangExt, Layer, QIx, SourceKind, TextExt, RULEBOOK};
use crate::wording;
use std::fmt::Write as _;

/// What a screen is rendered from.
pub struct View<'a> {
    pub route: &'a Route,
    /// The language shown.
    pub lang: Lang,
    /// The language links name (the one the person chose, if they did).
    pub link_lang: Option<Lang>,
    pub lens: Lens,
    /// The flow chosen on the start screen.
    pub chosen_flow: usize,
    /// "Choose one of the options" shown on the question.
    pub error: bool,
    /// Waiting for the full module (`Some(None)`), or it failed to load (`Some(Some(why))`).
    pub pending: Option<Option<&'a str>>,
}

impl View<'_> {
    fn s(&self) -> &'static Strings {
        strings(self.lang)
    }

    /// The address of a place, as the page's links name it.
    pub fn href(&self, r: &Route) -> String {
        route::with_view(route::encode(r), self.link_lang, self.lens)
    }
}

/// Whether this renderer shows a route (what the first module shows, `first::page`): the start
/// and the questions, but not a `full` question (whose texts and checks the full module brings).
pub fn shows(route: &Route) -> bool {
    match route {
        Route::Start => true,
        Route::Question { question, .. } => !RULEBOOK.questions[*question].full,
        _ => false,
    }
}

/// Appends `text` with `<`, `>`, `&` and `"` escaped.
fn esc(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// `<a class href>text</a>` (no class when `class` is empty).
fn link(out: &mut String, h: &str, class: &str, text: &str) {
    out.push_str("<a");
    if !class.is_empty() {
        let _ = write!(out, " class=\"{class}\"");
    }
    out.push_str(" href=\"");
    esc(out, h);
    out.push_str("\">");
    esc(out, text);
    out.push_str("</a>");
}

/// One radio option (as `ui::widgets::radio_option`): a real radio input, named by its label,
/// described by its hint.
fn radio(
    out: &mut String,
    name: &str,
    id: &str,
    value: &str,
    checked: bool,
    label: &str,
    hint: Option<&str>,
) {
    let _ = write!(
        out,
        "<div class=\"option\"><input type=\"radio\" name=\"{name}\" id=\"{id}\" value=\"{value}\"{} aria-labelledby=\"{id}-label\"",
        if checked { " checked" } else { "" }
    );
    if hint.is_some() {
        let _ = write!(out, " aria-describedby=\"{id}-hint\"");
    }
    let _ = write!(out, "><label for=\"{id}\"><span class=\"label\" id=\"{id}-label\">");
    esc(out, label);
    out.push_str("</span>");
    if let Some(h) = hint {
        let _ = write!(out, "<span class=\"hint\" id=\"{id}-hint\">");
        esc(out, h);
        out.push_str("</span>");
    }
    out.push_str("</label></div>");
}

/// The app (`<div class="app">`, as `ui::app::App` on the page): the shell and the screen.
pub fn app(v: &View) -> String {
    let s = v.s();
    let lang = v.lang;
    let mut out = String::with_capacity(8 * 1024);
    let _ = write!(out, "<div class=\"app\" lang=\"{}\">", lang.code());
    link(&mut out, "#main", "skip-link", s.skip_link);
    out.push_str("<header class=\"masthead\">");
    link(&mut out, &v.href(&Route::Start), "brand", s.app_name);
    out.push_str("<nav aria-label=\"");
    esc(&mut out, s.nav_label);
    out.push_str("\">");
    link(&mut out, &v.href(&Route::Faq(None)), "", s.nav_faq);
    out.push_str("<span class=\"langs\" role=\"group\" aria-label=\"");
    esc(&mut out, s.language_label);
    out.push_str("\">");
    for other in Lang::all().filter(|&l| l != lang) {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"link-button lang-switch\" lang=\"{}\">",
            other.code()
        );
        esc(&mut out, other.name());
        out.push_str("</button>");
    }
    out.push_str("</span></nav></header><main id=\"main\" class=\"main\">");
    match (&v.pending, v.route) {
        (Some(failure), _) => pending(&mut out, s, *failure),
        (None, Route::Question { answers, question, changing }) => {
            question_screen(&mut out, v, answers, *question, *changing)
        }
        (None, _) => start_screen(&mut out, v),
    }
    let gathered = &RULEBOOK.language(lang).date(RULEBOOK.gathered);
    out.push_str("</main><footer class=\"footer\"><p>");
    esc(&mut out, &fill(s.footer, &[("source", s.source), ("date", gathered)]));
    out.push_str("</p><p class=\"footer-links\">");
    // (The rule map is beside the page: the single-file edition, which has none, never runs
    // the first module.)
    link(&mut out, &("./".to_string() + &route::static_file("rules", lang)), "", s.rule_map);
    esc(&mut out, s.dot);
    out.push_str("<span>");
    let version = RULEBOOK.version.to_string();
    esc(
        &mut out,
        &fill(
            s.version_line,
            &[("version", env!("CARGO_PKG_VERSION")), ("rules", &version), ("date", gathered)],
        ),
    );
    out.push_str("</span></p></footer></div>");
    out
}

fn start_screen(out: &mut String, v: &View) {
    let s = v.s();
    let lang = v.lang;
    out.push_str("<div class=\"screen start\"><h1 id=\"main-heading\" tabindex=\"-1\">");
    esc(out, s.start_heading);
    out.push_str("</h1><p class=\"lead\">");
    esc(out, s.start_lead);
    out.push_str("</p><form class=\"choose\"><fieldset aria-describedby=\"flow-help\"><legend><h2>");
    esc(out, s.choose_heading);
    out.push_str("</h2></legend><p id=\"flow-help\" class=\"help\">");
    esc(out, s.choose_help);
    out.push_str("</p><div class=\"options\">");
    for (i, f) in RULEBOOK.flows.iter().enumerate() {
        let id = format!("flow-{}", f.id);
        radio(out, "flow", &id, f.id, v.chosen_flow == i, f.title.get(lang), Some(f.summary.get(lang)));
    }
    out.push_str("</div></fieldset><button type=\"submit\" class=\"button primary\">");
    esc(out, s.start_button);
    out.push_str("</button></form><section class=\"about\" aria-labelledby=\"about-heading\"><h2 id=\"about-heading\">");
    esc(out, s.about_heading);
    out.push_str("</h2><p>");
    esc(out, s.start_more);
    out.push_str("</p><ul class=\"facts\">");
    for fact in [
        s.fact_audience.to_string(),
        fill(s.fact_source, &[("source", s.source)]),
        fill(s.fact_practice, &[("date", &RULEBOOK.language(lang).date(RULEBOOK.gathered))]),
        s.fact_guidance.to_string(),
        s.fact_privacy.to_string(),
    ] {
        out.push_str("<li>");
        esc(out, &fact);
        out.push_str("</li>");
    }
    out.push_str("</ul><p class=\"more\">");
    link(out, &v.href(&Route::Faq(None)), "", s.browse_faq);
    out.push_str("</p></section></div>");
}

/// Where the question's Back leads, and whether that is the result.
pub fn back_of(answers: &AnswerSet, qi: QIx, changing: bool) -> (Route, bool) {
    let to_result = changing && path(&RULEBOOK, answers).is_complete();
    let back = match nav::back(&RULEBOOK, answers, Some(qi)) {
        _ if to_result => Route::Result(*answers),
        Route::Question { answers, question, .. } => Route::Question { answers, question, changing },
        other => other,
    };
    (back, to_result)
}

fn question_screen(out: &mut String, v: &View, answers: &AnswerSet, qi: QIx, changing: bool) {
    let s = v.s();
    let lang = v.lang;
    let q = &RULEBOOK.questions[qi];
    let flow = &RULEBOOK.flows[answers.flow()];
    let (number, total) = nav::progress(&RULEBOOK, answers, qi);
    let left = total.saturating_sub(number);
    let (back, to_result) = back_of(answers, qi, changing);
    let selected = answers.get(qi);
    out.push_str("<div class=\"screen question\"><p class=\"flow-name\">");
    esc(out, flow.title.get(lang));
    out.push_str("</p><p class=\"progress\" id=\"progress\">");
    let n = number.to_string();
    let progress = if left == 0 {
        fill(s.progress_last, &[("n", &n)])
    } else {
        fill(s.progress, &[("n", &n), ("left", &left.to_string())])
    };
    esc(out, &progress);
    let _ = write!(
        out,
        "</p><form novalidate><fieldset aria-describedby=\"{0}-help{1}\"{2}><legend><h1 id=\"main-heading\" tabindex=\"-1\">",
        q.id,
        if v.error { format!(" {}-error", q.id) } else { String::new() },
        if v.error { " class=\"has-error\"" } else { "" }
    );
    esc(out, q.prompt.get(lang));
    let _ = write!(out, "</h1></legend><p class=\"help\" id=\"{}-help\">", q.id);
    esc(out, q.help.get(lang));
    let _ = write!(out, "</p><p class=\"error-message\" id=\"{}-error\" role=\"alert\">", q.id);
    if v.error {
        esc(out, s.error_choose);
    }
    out.push_str("</p><div class=\"options\">");
    for (i, o) in q.options.iter().enumerate() {
        let id = format!("{}-{i}", q.id);
        radio(out, q.id, &id, o.id, selected == Some(i), o.label.get(lang), o.hint.map(|h| h.get(lang)));
    }
    out.push_str("</div></fieldset><div class=\"actions\"><button type=\"submit\" class=\"button primary\">");
    esc(out, s.continue_button);
    out.push_str("</button><a class=\"button secondary\" href=\"");
    esc(out, &v.href(&back));
    out.push_str("\">");
    esc(out, if to_result { s.back_to_result } else { s.back });
    out.push_str("</a></div></form>");
    practice_help(out, v, qi);
    out.push_str("</div>");
}

/// What current practice adds to a question's help, dated, with its sources (as
/// `ui::screens::question::practice_help`).
fn practice_help(out: &mut String, v: &View, qi: QIx) {
    let Some(p) = &RULEBOOK.questions[qi].practice else { return };
    if !v.lens.shows(Layer::Practice) {
        return;
    }
    let s = v.s();
    let lang = v.lang;
    let gap = wording::gap(&RULEBOOK, lang);
    let cites: Vec<_> = p.cites.iter().collect();
    let dates = wording::as_of_citations(&RULEBOOK, &cites, lang);
    out.push_str("<div class=\"practice-help\"><p class=\"help\"><span class=\"badge practice-badge\">");
    esc(out, s.practice_short);
    out.push_str("</span>");
    esc(out, gap);
    esc(out, p.text.get(lang));
    esc(out, gap);
    out.push_str("<span class=\"as-of\">");
    esc(out, &fill(s.in_brackets, &[("text", &dates)]));
    out.push_str("</span></p><details class=\"source\"><summary>");
    esc(out, s.source_label);
    out.push_str("</summary>");
    for c in p.cites {
        citation(out, v, c);
    }
    out.push_str("</details></div>");
}

/// One citation of a page (as `ui::cite::citation`; the questions cite no FAQ entry, see
/// `Rulebook::first_screens`).
fn citation(out: &mut String, v: &View, c: &Citation) {
    let s = v.s();
    let lang = v.lang;
    let gap = wording::gap(&RULEBOOK, lang);
    let w = wording::words(&RULEBOOK, c, lang);
    out.push_str("<figure class=\"citation\">");
    if c.summary {
        out.push_str("<p class=\"summary\"><span class=\"summary-label\">");
        esc(out, w.label.as_deref().unwrap_or_default());
        out.push_str("</span>");
        esc(out, gap);
        let _ = write!(out, "<span lang=\"{}\" translate=\"no\">", w.lang);
        esc(out, w.text);
        out.push_str("</span></p>");
    } else {
        if let Some(label) = &w.label {
            out.push_str("<p class=\"original-label\">");
            esc(out, label);
            out.push_str("</p>");
        }
        let _ = write!(out, "<blockquote lang=\"{}\" translate=\"no\">", w.lang);
        esc(out, w.text);
        out.push_str("</blockquote>");
    }
    if let Some(r) = w.rendering {
        out.push_str("<p class=\"rendering\"><span class=\"rendering-label\">");
        esc(out, s.rendering_label);
        out.push_str("</span>");
        esc(out, gap);
        esc(out, r);
        out.push_str("</p>");
    }
    let src = &RULEBOOK.sources[c.source];
    debug_assert!(src.kind != SourceKind::Faq || c.faq.is_none(), "a question cites no FAQ entry");
    let details = wording::source_details(&RULEBOOK, src.lang, src.page_date, src.read, src.quality, lang);
    const MARK: &str = "\u{1}";
    let pattern = fill(s.publisher_title, &[("publisher", src.publisher.get(lang)), ("title", MARK)]);
    let (before, after) = pattern.split_once(MARK).unwrap_or((pattern.as_str(), ""));
    out.push_str("<figcaption>");
    esc(out, before);
    let _ = write!(
        out,
        "<a href=\"{}\" rel=\"noopener noreferrer external\" hreflang=\"{}\">",
        src.url, src.lang
    );
    esc(out, &fill(s.cite_title, &[("title", src.title.get(lang))]));
    out.push_str("</a>");
    esc(out, after);
    esc(out, gap);
    esc(out, &fill(s.in_brackets, &[("text", &details)]));
    for ver in src.versions.iter().filter(|ver| crate::rulebook::same_language(ver.lang, lang.code())) {
        esc(out, s.comma);
        let _ = write!(
            out,
            "<a href=\"{}\" rel=\"noopener noreferrer external\" hreflang=\"{}\">",
            ver.url, ver.lang
        );
        esc(out, &fill(s.version_link, &[("language", wording::language_name(lang, ver.lang))]));
        out.push_str("</a>");
    }
    out.push_str("</figcaption></figure>");
}

/// Waiting for the full module, or its failure to load with a retry: the first module's own
/// screen (the full module never waits for itself).
fn pending(out: &mut String, s: &Strings, failure: Option<&str>) {
    let _ = write!(out, "<div class=\"screen pending\" aria-busy=\"{}\">", failure.is_none());
    match failure {
        Some(why) => {
            out.push_str("<h1 id=\"main-heading\" tabindex=\"-1\">");
            esc(out, s.handover_failed_heading);
            out.push_str("</h1><p role=\"alert\">");
            esc(out, &fill(s.handover_failed, &[("detail", why)]));
            out.push_str("</p><p class=\"actions\"><button type=\"button\" class=\"button primary\">");
            esc(out, s.handover_retry);
            out.push_str("</button></p>");
        }
        None => {
            out.push_str("<p class=\"pending-line\" role=\"status\">");
            esc(out, s.handover_loading);
            out.push_str("</p>");
        }
    }
    out.push_str("</div>");
}

/// The document's title for a place (as `ui::app::title_of` for the start and the questions).
pub fn title(route: &Route, lang: Lang) -> String {
    let s = strings(lang);
    match route {
        Route::Question { answers, question, .. } => {
            let (n, _) = nav::progress(&RULEBOOK, answers, *question);
            let prompt = RULEBOOK.questions[*question].prompt.get(lang);
            fill(s.title_question, &[("n", &n.to_string()), ("prompt", prompt), ("app", s.app_name)])
        }
        _ => s.app_name.to_string(),
    }
}
