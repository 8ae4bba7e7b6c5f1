//! A measurement, not shipped (issue 25): how small the page's first module would be without
//! Yew. The same engine routing (`nav`, `engine::path`, `route`), the same baked first-screens
//! rulebook and English `first` texts (built with `--features probe`, which turns on
//! `first-visit`), rendering the shell and the start and question screens as HTML strings set
//! with `innerHTML` on `#app`, and one delegated listener (`submit`, `click`) on `#app` plus
//! `popstate`/`hashchange` on the window. Places it does not show (a result, the FAQ, a `full`
//! question, another language) are handed to the full module through the loader's
//! `icpAdvisorHandOver`, as the real first module does. Exports the real module's entry points
//! as `startApp`, `stopApp`, `handOverFailed` (the library, linked into every
//! binary of the crate, declares the real names under `first-visit`, and two declarations
//! collide at link time; a shipped version would take the real names).
//!
//! Build: `cargo build --release --target wasm32-unknown-unknown --bin probe-first
//! --features probe`.

#[cfg(target_arch = "wasm32")]
mod probe {
    use icp_advisor::engine::path;
    use icp_advisor::i18n::{fill, strings, Strings};
    use icp_advisor::nav;
    use icp_advisor::present::Lens;
    use icp_advisor::route::{self, Route};
    use icp_advisor::rulebook::{Lang, LangExt, Layer, QIx, TextExt, RULEBOOK};
    use icp_advisor::wording;
    use std::cell::RefCell;
    use std::fmt::Write as _;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The loader's `icpAdvisorHandOver(record)`: waits for the full module, stops this one
    /// and starts the full one. (Called through the global object: the library declares the
    /// same import, and two declarations of it collide at link time.)
    fn loader_hand_over(record: &str) -> Result<(), JsValue> {
        let f: js_sys::Function =
            js_sys::Reflect::get(&js_sys::global(), &"icpAdvisorHandOver".into())?.dyn_into()?;
        f.call1(&JsValue::NULL, &record.into()).map(|_| ())
    }

    /// What the page shows, and what it needs to move on.
    struct St {
        route: Route,
        lens: Lens,
        /// The flow chosen on the start screen.
        chosen_flow: usize,
        /// "Choose one of the options" shown on the question.
        error: bool,
        /// The place the FAQ's Back returns to (for the handover record).
        back_to: Option<Route>,
        /// Handing over: `Some(None)` while waiting, `Some(Some(why))` when it failed.
        pending: Option<Option<String>>,
        /// The history entries this page made, by index (the entry's index is in its state).
        entries: Vec<String>,
        /// What "Back" went back to through the history, until `popstate` arrives.
        pending_back: Option<String>,
    }

    type Listener = Closure<dyn FnMut(web_sys::Event)>;

    thread_local! {
        static ST: RefCell<Option<St>> = const { RefCell::new(None) };
        /// The listeners (on `#app` and on the window), kept alive until `stopApp`.
        static LISTENERS: RefCell<Vec<(web_sys::EventTarget, &'static str, Listener)>> =
            const { RefCell::new(Vec::new()) };
    }

    fn window() -> web_sys::Window {
        web_sys::window().expect("a window")
    }

    fn document() -> web_sys::Document {
        window().document().expect("a document")
    }

    fn app_root() -> Option<web_sys::Element> {
        document().get_element_by_id("app")
    }

    fn hash() -> String {
        window().location().hash().unwrap_or_default()
    }

    fn s() -> &'static Strings {
        strings(Lang::SOURCE)
    }

    // ---- history ------------------------------------------------------------------------

    fn current_index() -> usize {
        window()
            .history()
            .ok()
            .and_then(|h| h.state().ok())
            .and_then(|s| js_sys::Reflect::get(&s, &"icp".into()).ok())
            .and_then(|v| v.as_f64())
            .map_or(0, |v| v as usize)
    }

    fn entry_state(i: usize) -> JsValue {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"icp".into(), &JsValue::from(i as f64));
        o.into()
    }

    fn push(st: &mut St, href: &str) {
        let i = current_index() + 1;
        st.entries.truncate(i);
        st.entries.resize(i, String::new());
        st.entries.push(href.to_string());
        if let Ok(h) = window().history() {
            let _ = h.push_state_with_url(&entry_state(i), "", Some(href));
        }
    }

    fn replace(st: &mut St, href: &str) {
        let i = current_index();
        if st.entries.len() <= i {
            st.entries.resize(i + 1, String::new());
        }
        st.entries[i] = href.to_string();
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&entry_state(i), "", Some(href));
        }
    }

    /// The screen an address shows, without its answers and view.
    fn screen_of(href: &str) -> &str {
        href.split('?').next().unwrap_or_default().trim_start_matches(['#', '/'])
    }

    fn href(st: &St, r: &Route) -> String {
        route::with_view(route::encode(r), None, st.lens)
    }

    // ---- moving -------------------------------------------------------------------------

    /// Shows `to` as a new step in the history.
    fn go(st: &mut St, to: Route) {
        let h = href(st, &to);
        push(st, &h);
        arrive(st, to);
    }

    /// "Back": through the history when the previous entry is that screen, else in place.
    fn back(st: &mut St, to: Route) {
        let h = href(st, &to);
        let i = current_index();
        let previous = if i > 0 { st.entries.get(i - 1).cloned() } else { None };
        if previous.as_deref().map(screen_of) == Some(screen_of(&h)) {
            // (The entry is updated to `h` when `popstate` arrives.)
            st.pending_back = Some(h);
            if let Ok(hist) = window().history() {
                let _ = hist.back();
            }
            return;
        }
        replace(st, &h);
        arrive(st, to);
    }

    fn arrive(st: &mut St, to: Route) {
        match (&st.route, &to) {
            (Route::Faq(_), Route::Faq(_)) => {}
            (from, Route::Faq(_)) if !matches!(from, Route::Start) => st.back_to = Some(from.clone()),
            _ => st.back_to = None,
        }
        if let Route::Question { answers, .. } | Route::Result(answers) = &to {
            st.chosen_flow = answers.flow();
        }
        st.route = to;
        st.error = false;
        render(st, true);
    }

    /// The address changed (Back, Forward, an edited fragment): the place it decodes to.
    fn arrived() {
        with_state(|st| {
            let pending = st.pending_back.take();
            let fragment = pending.clone().unwrap_or_else(hash);
            let (to, _notices) = nav::decode(&RULEBOOK, &fragment);
            st.lens = route::lens_param(&fragment).unwrap_or(st.lens);
            if let Some(h) = &pending {
                // Back to the screen before, with every answer given since.
                replace(st, h);
            } else if to == st.route && st.pending.is_none() {
                // (`popstate` and `hashchange` both follow one traversal.)
                return;
            }
            arrive(st, to);
        });
    }

    /// A link names a language other than the one built in: the full module loads its texts.
    fn other_language(fragment: &str) -> bool {
        matches!(route::lang_param(fragment), Some(Ok(l)) if l != Lang::SOURCE)
    }

    fn hand_over(st: &St) {
        let back = st.back_to.as_ref().map(route::encode).unwrap_or_default();
        let record = std::iter::once(back).chain(st.entries.iter().cloned()).collect::<Vec<_>>().join("\n");
        if let Err(e) = loader_hand_over(&record) {
            failed(format!("{e:?}"));
        }
    }

    /// `handOverFailed(why)` for the loader: the full module could not be loaded.
    #[wasm_bindgen(js_name = handOverFailed)]
    pub fn failed(why: String) {
        web_sys::console::warn_1(
            &format!("ICP Filing Advisor: the rest of the advisor did not load: {why}").into(),
        );
        // (Called from within `hand_over`, the state may be borrowed: then it is set afterwards.)
        FAILED.with(|f| *f.borrow_mut() = Some(why));
        let _ = ST.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                if let Some(st) = s.as_mut() {
                    take_failure(st);
                    render(st, false);
                }
            }
        });
    }

    thread_local! {
        static FAILED: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    fn take_failure(st: &mut St) {
        if let Some(why) = FAILED.with(|f| f.borrow_mut().take()) {
            st.pending = Some(Some(why));
        }
    }

    fn with_state(f: impl FnOnce(&mut St)) {
        ST.with(|s| {
            if let Some(st) = s.borrow_mut().as_mut() {
                f(st);
            }
        });
        // A handover that failed at once, while the state was borrowed.
        if FAILED.with(|f| f.borrow().is_some()) {
            ST.with(|s| {
                if let Some(st) = s.borrow_mut().as_mut() {
                    take_failure(st);
                    render(st, false);
                }
            });
        }
    }

    // ---- events -------------------------------------------------------------------------

    fn on_submit(e: &web_sys::Event) {
        let Some(form) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        e.prevent_default();
        let checked = form
            .query_selector("input[type=radio]:checked")
            .ok()
            .flatten()
            .and_then(|i| i.get_attribute("data-i"))
            .and_then(|i| i.parse::<usize>().ok());
        with_state(|st| match (st.route.clone(), checked) {
            (Route::Start, Some(flow)) if flow < RULEBOOK.flows.len() => {
                st.chosen_flow = flow;
                go(st, nav::start_flow(&RULEBOOK, flow));
            }
            (Route::Start, _) => go(st, nav::start_flow(&RULEBOOK, st.chosen_flow)),
            (Route::Question { answers, question, changing }, Some(o))
                if o < RULEBOOK.questions[question].options.len() =>
            {
                // The answer goes into this screen's own entry first, so that the browser's
                // Back returns to it with the choice still made.
                let mut here = answers;
                here.set(question, o);
                let h = href(st, &Route::Question { answers: here, question, changing });
                replace(st, &h);
                go(st, nav::answer(&RULEBOOK, &answers, question, o, changing));
            }
            (Route::Question { .. }, _) => {
                st.error = true;
                render(st, false);
                if let Some(first) = app_root()
                    .and_then(|r| r.query_selector("input[type=radio]").ok().flatten())
                    .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = first.focus();
                }
            }
            _ => {}
        });
    }

    fn on_click(e: &web_sys::Event) {
        let Some(m) = e.dyn_ref::<web_sys::MouseEvent>() else { return };
        if m.button() != 0 || m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key() {
            return;
        }
        let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[href^='#'], button[data-retry]").ok().flatten())
        else {
            return;
        };
        if el.has_attribute("data-retry") {
            with_state(|st| {
                st.pending = Some(None);
                render(st, false);
                hand_over(st);
            });
            return;
        }
        let target = el.get_attribute("href").unwrap_or_default();
        if target == "#main" {
            e.prevent_default();
            focus_heading();
            return;
        }
        e.prevent_default();
        let is_back = el.has_attribute("data-back");
        with_state(|st| {
            if other_language(&target) {
                push(st, &target);
                render(st, true);
                return;
            }
            let (to, _notices) = nav::decode(&RULEBOOK, &target);
            if is_back {
                back(st, to);
            } else {
                go(st, to);
            }
        });
    }

    fn listen(target: &web_sys::EventTarget, kind: &'static str, f: fn(&web_sys::Event)) {
        let closure = Listener::new(move |e: web_sys::Event| f(&e));
        let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        LISTENERS.with(|l| l.borrow_mut().push((target.clone(), kind, closure)));
    }

    // ---- rendering ----------------------------------------------------------------------

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

    /// One radio option: a real radio input, named by its label, described by its hint.
    #[allow(clippy::too_many_arguments)]
    fn radio(
        out: &mut String,
        name: &str,
        id: &str,
        i: usize,
        value: &str,
        checked: bool,
        label: &str,
        hint: Option<&str>,
    ) {
        let _ = write!(
            out,
            "<div class=\"option\"><input type=\"radio\" name=\"{name}\" id=\"{id}\" value=\"{value}\" data-i=\"{i}\"{} aria-labelledby=\"{id}-label\"",
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

    fn start_screen(out: &mut String, st: &St) {
        let s = s();
        let lang = Lang::SOURCE;
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
            radio(
                out,
                "flow",
                &id,
                i,
                f.id,
                st.chosen_flow == i,
                f.title.get(lang),
                Some(f.summary.get(lang)),
            );
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
        link(out, &href(st, &Route::Faq(None)), "", s.browse_faq);
        out.push_str("</p></section></div>");
    }

    fn question_screen(
        out: &mut String,
        st: &St,
        answers: &icp_advisor::answers::AnswerSet,
        qi: QIx,
        changing: bool,
    ) {
        let s = s();
        let lang = Lang::SOURCE;
        let q = &RULEBOOK.questions[qi];
        let flow = &RULEBOOK.flows[answers.flow()];
        let (number, total) = nav::progress(&RULEBOOK, answers, qi);
        let left = total.saturating_sub(number);
        let to_result = changing && path(&RULEBOOK, answers).is_complete();
        let back_to = match nav::back(&RULEBOOK, answers, Some(qi)) {
            _ if to_result => Route::Result(*answers),
            Route::Question { answers, question, .. } => Route::Question { answers, question, changing },
            other => other,
        };
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
        let _ = write!(out, "</p><form novalidate><fieldset aria-describedby=\"{0}-help{1}\"{2}><legend><h1 id=\"main-heading\" tabindex=\"-1\">",
            q.id,
            if st.error { format!(" {}-error", q.id) } else { String::new() },
            if st.error { " class=\"has-error\"" } else { "" });
        esc(out, q.prompt.get(lang));
        let _ = write!(out, "</h1></legend><p class=\"help\" id=\"{}-help\">", q.id);
        esc(out, q.help.get(lang));
        let _ = write!(out, "</p><p class=\"error-message\" id=\"{}-error\" role=\"alert\">", q.id);
        if st.error {
            esc(out, s.error_choose);
        }
        out.push_str("</p><div class=\"options\">");
        for (i, o) in q.options.iter().enumerate() {
            let id = format!("{}-{i}", q.id);
            radio(
                out,
                q.id,
                &id,
                i,
                o.id,
                selected == Some(i),
                o.label.get(lang),
                o.hint.map(|h| h.get(lang)),
            );
        }
        out.push_str(
            "</div></fieldset><div class=\"actions\"><button type=\"submit\" class=\"button primary\">",
        );
        esc(out, s.continue_button);
        out.push_str("</button><a class=\"button secondary\" data-back href=\"");
        esc(out, &href(st, &back_to));
        out.push_str("\">");
        esc(out, if to_result { s.back_to_result } else { s.back });
        out.push_str("</a></div></form>");
        practice_help(out, st, qi);
        out.push_str("</div>");
    }

    /// What current practice adds to a question's help, dated, with its sources.
    fn practice_help(out: &mut String, st: &St, qi: QIx) {
        let Some(p) = &RULEBOOK.questions[qi].practice else { return };
        if !st.lens.shows(Layer::Practice) {
            return;
        }
        let s = s();
        let lang = Lang::SOURCE;
        let gap = wording::gap(&RULEBOOK, lang);
        let cites: Vec<_> = p.cites.iter().collect();
        let dates = wording::as_of_citations(&RULEBOOK, &cites, lang);
        out.push_str("<div class=\"practice-help\"><p class=\"help\"><span class=\"badge practice-badge\">");
        esc(out, s.practice_short);
        out.push_str("</span>");
        out.push_str(gap);
        esc(out, p.text.get(lang));
        out.push_str(gap);
        out.push_str("<span class=\"as-of\">");
        esc(out, &fill(s.in_brackets, &[("text", &dates)]));
        out.push_str("</span></p><details class=\"source\"><summary>");
        esc(out, s.source_label);
        out.push_str("</summary>");
        for c in p.cites {
            let w = wording::words(&RULEBOOK, c, lang);
            out.push_str("<figure class=\"citation\">");
            if c.summary {
                out.push_str("<p class=\"summary\"><span class=\"summary-label\">");
                esc(out, w.label.as_deref().unwrap_or_default());
                let _ = write!(out, "</span>{gap}<span lang=\"{}\" translate=\"no\">", w.lang);
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
                out.push_str(gap);
                esc(out, r);
                out.push_str("</p>");
            }
            let src = &RULEBOOK.sources[c.source];
            let details =
                wording::source_details(&RULEBOOK, src.lang, src.page_date, src.read, src.quality, lang);
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
            out.push_str(gap);
            esc(out, &fill(s.in_brackets, &[("text", &details)]));
            out.push_str("</figcaption></figure>");
        }
        out.push_str("</details></div>");
    }

    fn pending_screen(out: &mut String, failure: Option<&str>) {
        let s = s();
        let _ = write!(out, "<div class=\"screen pending\" aria-busy=\"{}\">", failure.is_none());
        match failure {
            Some(why) => {
                out.push_str("<h1 id=\"main-heading\" tabindex=\"-1\">");
                esc(out, s.handover_failed_heading);
                out.push_str("</h1><p role=\"alert\">");
                esc(out, &fill(s.handover_failed, &[("detail", why)]));
                out.push_str(
                    "</p><p class=\"actions\"><button type=\"button\" class=\"button primary\" data-retry>",
                );
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

    /// The document title for the place shown.
    fn title(st: &St) -> String {
        let s = s();
        match &st.route {
            Route::Question { answers, question, .. } => {
                let (n, _) = nav::progress(&RULEBOOK, answers, *question);
                let prompt = RULEBOOK.questions[*question].prompt.get(Lang::SOURCE);
                fill(s.title_question, &[("n", &n.to_string()), ("prompt", prompt), ("app", s.app_name)])
            }
            _ => s.app_name.to_string(),
        }
    }

    fn focus_heading() {
        if let Some(h) = document()
            .get_element_by_id("main-heading")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h.focus();
        }
    }

    /// Renders the shell and the screen into `#app`; after a move, the heading takes the focus.
    fn render(st: &mut St, moved: bool) {
        let s = s();
        let lang = Lang::SOURCE;
        // What the full module shows (a result, the FAQ, a `full` question, another language)
        // is handed over; back from there, this module shows the place again.
        let mut hand = false;
        if !shows(&st.route) || other_language(&hash()) {
            if st.pending.is_none() {
                st.pending = Some(None);
                hand = true;
            }
        } else {
            st.pending = None;
        }
        let mut out = String::with_capacity(8 * 1024);
        let _ = write!(out, "<div class=\"app\" lang=\"{}\">", lang.code());
        link(&mut out, "#main", "skip-link", s.skip_link);
        out.push_str("<header class=\"masthead\">");
        link(&mut out, &href(st, &Route::Start), "brand", s.app_name);
        out.push_str("<nav aria-label=\"");
        esc(&mut out, s.nav_label);
        out.push_str("\">");
        link(&mut out, &href(st, &Route::Faq(None)), "", s.nav_faq);
        out.push_str("<span class=\"langs\" role=\"group\" aria-label=\"");
        esc(&mut out, s.language_label);
        out.push_str("\">");
        for other in Lang::all().filter(|&l| l != lang) {
            let h = route::with_view(route::encode(&st.route), Some(other), st.lens);
            let _ =
                write!(out, "<a class=\"lang-switch\" lang=\"{0}\" hreflang=\"{0}\" href=\"", other.code());
            esc(&mut out, &h);
            out.push_str("\">");
            esc(&mut out, other.name());
            out.push_str("</a>");
        }
        out.push_str("</span></nav></header><main id=\"main\" class=\"main\">");
        match (&st.pending, &st.route) {
            (Some(failure), _) => pending_screen(&mut out, failure.as_deref()),
            (None, Route::Question { answers, question, changing }) => {
                let (a, q, c) = (*answers, *question, *changing);
                question_screen(&mut out, st, &a, q, c)
            }
            (None, _) => start_screen(&mut out, st),
        }
        let gathered = &RULEBOOK.language(lang).date(RULEBOOK.gathered);
        out.push_str("</main><footer class=\"footer\"><p>");
        esc(&mut out, &fill(s.footer, &[("source", s.source), ("date", gathered)]));
        out.push_str("</p><p class=\"footer-links\">");
        link(&mut out, "./rules.html", "", s.rule_map);
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
        if let Some(root) = app_root() {
            root.set_inner_html(&out);
        }
        document().set_title(&title(st));
        if moved {
            focus_heading();
        }
        if hand {
            hand_over(st);
        }
    }

    /// Whether this module shows a route itself (as `ui::handover::shows`): the start and the
    /// questions, but not a `full` question (whose texts the full module brings).
    fn shows(route: &Route) -> bool {
        match route {
            Route::Start => true,
            Route::Question { question, .. } => !RULEBOOK.questions[*question].full,
            _ => false,
        }
    }

    // ---- the loader's entry points ------------------------------------------------------

    /// `startApp(record)` for the loader (the first module is never handed a record).
    #[wasm_bindgen(js_name = startApp)]
    pub fn start_app(_record: Option<String>) {
        let Some(root) = app_root() else { return };
        let fragment = hash();
        let (decoded, _notices) = nav::decode(&RULEBOOK, &fragment);
        // A page opened at what this module does not show is handed over before anything.
        if !shows(&decoded) || other_language(&fragment) {
            if let Err(e) = loader_hand_over("") {
                web_sys::console::warn_1(&e);
            }
            return;
        }
        let route = nav::shareable(&RULEBOOK, &decoded);
        let lens = route::lens_param(&fragment).unwrap_or_default();
        let mut st = St {
            chosen_flow: nav::answers_of(&RULEBOOK, &route).map_or(0, |a| a.flow()),
            route,
            lens,
            error: false,
            back_to: None,
            pending: None,
            entries: Vec::new(),
            pending_back: None,
        };
        // The address names the place as understood (corrected, without unused answers).
        let canonical = (st.route != Route::Start || !fragment.trim_start_matches(['#', '/']).is_empty())
            .then(|| href(&st, &st.route));
        st.entries.push(canonical.clone().unwrap_or(fragment));
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&entry_state(0), "", canonical.as_deref());
        }
        render(&mut st, false);
        ST.with(|s| *s.borrow_mut() = Some(st));
        listen(&root, "submit", on_submit);
        listen(&root, "click", on_click);
        listen(&window(), "popstate", |_| arrived());
        listen(&window(), "hashchange", |_| arrived());
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-app-ready", "");
        }
    }

    /// `stopApp()` for the loader: removes the listeners and the screen so that the full
    /// module takes the page over.
    #[wasm_bindgen(js_name = stopApp)]
    pub fn stop_app() {
        for (target, kind, closure) in LISTENERS.with(|l| std::mem::take(&mut *l.borrow_mut())) {
            let _ = target.remove_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        }
        ST.with(|s| s.borrow_mut().take());
        if let Some(root) = app_root() {
            root.set_inner_html("");
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    std::hint::black_box(probe::start_app as fn(Option<String>));
    std::hint::black_box(probe::stop_app as fn());
    std::hint::black_box(probe::failed as fn(String));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("probe-first is a wasm32 measurement (issue 25): see the comment at the top of src/bin/probe-first.rs.");
}
