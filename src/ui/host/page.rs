//! The page host's start-up: the place the page opens at, read from the address and from
//! this browser's storage (the only reading of storage outside the [`Host`](super::Host)'s
//! methods), and following the address afterwards.

use crate::history;
use crate::nav;
use crate::present::Lens;
use crate::route::{self, Notice, Route, SavedProblem};
use crate::rulebook::{Lang, RULEBOOK};
use crate::ui::browser::{self, Browser};
use crate::ui::state::{Action, Message, State};
use crate::ui::{crash, embed};
use gloo::events::EventListener;
use yew::Callback;

/// The language the page opens in, as [`initial_state`] chooses it but without its effects
/// (which must happen once: it discards an unreadable saved place and records this release,
/// each with a message).
pub fn initial_lang(options: &route::EmbedOptions) -> Lang {
    choose_lang(&Browser::hash(), options, &mut Vec::new()).0
}

/// The language from the link, else the embedding page's, else the saved choice (all of them
/// chosen), else the browser's languages (not chosen: links then name no language); as
/// `route::choose_lang` chooses, which the head script follows.
fn choose_lang(hash: &str, options: &route::EmbedOptions, messages: &mut Vec<Message>) -> (Lang, bool) {
    let (lang, chosen, unknown) =
        route::choose_lang(hash, options, Browser::saved_lang().as_deref(), &Browser::preferred_languages());
    messages.extend(unknown.map(Message::UnknownLanguage));
    // The page's query names a language the advisor does not have (an iframe's `lang=`):
    // said in a notice, and to the embedding page (see `embed::warn_language`).
    if options.lang.is_none() && !matches!(route::lang_param(hash), Some(Ok(_))) {
        if let Some(Err(tag)) = route::lang_param(&Browser::search()) {
            messages.push(Message::UnknownLanguage(tag));
        }
    }
    (lang, chosen)
}

/// The saved place of every flow, in rulebook order, decoded, with what they say. A place
/// an earlier release saved for all flows at once moves under its flow's own key (unless
/// that flow has one already). An unreadable place is discarded, and said.
fn saved_places(messages: &mut Vec<Message>) -> Vec<route::Saved> {
    let mut places = Vec::new();
    let mut unreadable = false;
    if let Some(legacy) = Browser::take_legacy_saved() {
        match nav::decode_saved(&RULEBOOK, &legacy).map(|s| nav::answers_of(&RULEBOOK, &s.route)) {
            Ok(Some(answers)) => {
                let flow = RULEBOOK.flows[answers.flow()].id;
                if matches!(Browser::load_saved(flow), Ok(None)) {
                    Browser::save(flow, &legacy);
                }
            }
            Ok(None) => {}
            Err(_) => unreadable = true,
        }
    }
    for flow in RULEBOOK.flows {
        match Browser::load_saved(flow.id) {
            Ok(Some(value)) => match nav::decode_saved(&RULEBOOK, &value) {
                Ok(saved) if nav::answers_of(&RULEBOOK, &saved.route).is_some() => places.push(saved),
                Ok(_) => Browser::clear_saved(flow.id),
                Err(_) => {
                    unreadable = true;
                    Browser::clear_saved(flow.id);
                }
            },
            Ok(None) => {}
            Err(_) => {
                messages.push(Message::StorageUnavailable);
                return places;
            }
        }
    }
    if unreadable {
        messages.push(Message::Saved(SavedProblem::Unreadable));
    }
    // What reading them had to leave out, said once for all flows.
    let (mut lost, mut dropped, mut newer) = (Vec::new(), Vec::new(), None::<u32>);
    for saved in &places {
        match saved.other_version {
            // The same rules, yet something could not be read (the stored value was
            // edited or damaged): what was left out is said, never silent.
            None => lost.extend(saved.notices.iter().filter(|n| !matches!(n, Notice::Redirected)).cloned()),
            Some(v) => {
                dropped.extend(saved.notices.iter().filter_map(|n| match n {
                    Notice::Dropped(e) => Some(e.clone()),
                    _ => None,
                }));
                if v > RULEBOOK.version {
                    newer = Some(newer.map_or(v, |n| n.max(v)));
                }
            }
        }
    }
    if !lost.is_empty() {
        messages.push(Message::SavedPartly(lost));
    }
    if let Some(version) = newer {
        messages.push(Message::SavedNewer { version, dropped });
    } else if places.iter().any(|p| p.other_version.is_some()) {
        messages.push(Message::Updated { dropped });
    }
    places
}

/// The place the page opens at: the address, else (embed mode) the requested flow; the
/// saved place is offered for resuming; a choice made on the static first screen before
/// the app started is kept.
pub fn initial_state(options: &route::EmbedOptions) -> State {
    let hash = Browser::hash();
    if hash.starts_with(crash::SELF_TEST_FRAGMENT) {
        panic!("deliberate panic: the self-test of the crash panel ({})", crash::SELF_TEST_FRAGMENT);
    }
    let mut messages = Vec::new();
    let (lang, lang_chosen) = choose_lang(&hash, options, &mut messages);
    if options.embed {
        for m in &messages {
            if let Message::UnknownLanguage(tag) = m {
                embed::warn_language(tag, lang);
            }
        }
    }
    let (route, notices) = nav::decode(&RULEBOOK, &hash);
    let mut route = nav::shareable(&RULEBOOK, &route);
    messages.extend(notices.into_iter().map(Message::Link));
    take_ticks(&hash, &route, &mut messages);
    let lens = route::lens_param(&hash)
        .or(options.lens)
        .or_else(|| Browser::saved_lens().and_then(|l| Lens::parse(&l)))
        .unwrap_or_default();
    let mut state = State::new(route.clone(), lang);
    state.lang_chosen = lang_chosen;
    state.lens = lens;
    if route == Route::Start {
        if let Some(flow) = options.flow.filter(|_| route::names_no_place(&hash)) {
            route = nav::start_flow(&RULEBOOK, flow);
            state.route = route.clone();
        }
    }
    let places = if route == Route::Start || nav::answers_of(&RULEBOOK, &route).is_some() {
        let mut said = Vec::new();
        let places = saved_places(&mut said);
        // (What was left out of a saved place matters where it is offered, on the start.)
        messages.extend(
            said.into_iter().filter(|m| route == Route::Start || !matches!(m, Message::SavedPartly(_))),
        );
        places
    } else {
        Vec::new()
    };
    if route == Route::Start {
        state.resumable = places.iter().map(|p| nav::shareable(&RULEBOOK, &p.route)).collect();
        state.chosen_flow =
            Browser::static_choice().and_then(|id| RULEBOOK.flow(&id)).unwrap_or(state.chosen_flow);
    } else {
        // Opened at a link: where its flow has other answers saved, both are kept until the
        // person chooses (the link's are not saved over them).
        state.undecided = places
            .iter()
            .map(|p| &p.route)
            .find(|saved| nav::replaces_saved(&RULEBOOK, &route, saved))
            .cloned();
    }
    // A new release since this browser last used the advisor: say so, quietly, once (not
    // when this copy is the older one).
    let release = crate::storage::release_id();
    match Browser::saved_release() {
        Some(r)
            if r != release
                && !crate::storage::is_newer(&r)
                && !messages
                    .iter()
                    .any(|m| matches!(m, Message::Updated { .. } | Message::SavedNewer { .. })) =>
        {
            messages.push(Message::Updated { dropped: Vec::new() })
        }
        _ => {}
    }
    Browser::save_release(&release);
    state.messages = messages;
    state
}

/// A share link's ticks (`ticks=`, when its sender chose to include them) join this
/// browser's ticks for the result's flow: a link never takes a tick away, and what it holds
/// that is not a tick is said. The address the app writes names no ticks, so a reload does
/// not bring back one the person has since taken off.
fn take_ticks(hash: &str, route: &Route, messages: &mut Vec<Message>) {
    let Some((ticks, bad)) = route::ticks_param(hash) else { return };
    messages.extend(bad.into_iter().map(|b| Message::Link(Notice::Malformed(format!("ticks={b}")))));
    // Only a result shows a checklist.
    let Route::Result(answers) = route else { return };
    let flow = RULEBOOK.flows[answers.flow()].id;
    let (mut all, _) = crate::ticks::decode(&Browser::load_ticks(flow).unwrap_or_default());
    for tick in ticks {
        if all.len() < crate::ticks::MAX_TICKS {
            all.insert(tick);
        }
    }
    Browser::save_ticks(flow, &crate::ticks::encode(&all));
}

/// The address, decoded (Back/Forward, an edited fragment). A link from outside the page
/// (an address it did not make itself) whose flow has other answers saved leaves them
/// saved until the person chooses, as when the page is opened at a link.
fn arrived() -> Action {
    let pending = history::take_pending();
    let own = pending.is_some();
    let hash = pending.unwrap_or_else(Browser::hash);
    let own = own || history::is_own(&hash);
    let mut messages = Vec::new();
    let lang = match route::lang_param(&hash) {
        Some(Ok(l)) => Some(l),
        Some(Err(tag)) => {
            messages.push(Message::UnknownLanguage(tag));
            None
        }
        None => None,
    };
    let (route, notices) = nav::decode(&RULEBOOK, &hash);
    messages.extend(notices.into_iter().map(Message::Link));
    take_ticks(&hash, &route, &mut messages);
    let saved = nav::answers_of(&RULEBOOK, &route).filter(|_| !own).and_then(|a| {
        let value = Browser::load_saved(RULEBOOK.flows[a.flow()].id).ok()??;
        let saved = nav::decode_saved(&RULEBOOK, &value).ok()?.route;
        nav::replaces_saved(&RULEBOOK, &route, &saved).then_some(saved)
    });
    Action::Arrived { route, lang, lens: route::lens_param(&hash), messages, saved }
}

pub fn listen(dispatch: Callback<Action>) -> Vec<EventListener> {
    let Some(w) = browser::window() else { return Vec::new() };
    let d = dispatch.clone();
    vec![
        EventListener::new(&w, "popstate", move |_| d.emit(arrived())),
        EventListener::new(&w, "hashchange", move |_| dispatch.emit(arrived())),
    ]
}

/// Replaces the static content of `#app` with the live app, in one step, and marks the
/// document ready (`data-app-ready` on `<html>`: the app is interactive).
pub fn reveal() {
    if let Some(html) = browser::document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-app-ready", "");
    }
    let Some(root) = browser::document().and_then(|d| d.get_element_by_id("app")) else { return };
    let children = root.children();
    for i in (0..children.length()).rev() {
        if let Some(child) = children.item(i) {
            if child.has_attribute("data-live") {
                let _ = child.remove_attribute("hidden");
            } else {
                child.remove();
            }
        }
    }
}
