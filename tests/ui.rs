//! Component tests in a real browser (headless Chromium via wasm-bindgen-test-runner).
//! Run by `scripts/test.sh`; natively this file is empty.
#![cfg(target_arch = "wasm32")]

use icp_advisor::js_api;
use icp_advisor::ui::{page_props, App};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn tick() {
    yew::platform::time::sleep(std::time::Duration::from_millis(30)).await;
}

/// Mounts a fresh app at the given fragment and returns its root element.
async fn mount(hash: &str) -> Element {
    let w = web_sys::window().unwrap();
    let _ = w.local_storage().unwrap().unwrap().clear();
    w.location().set_hash(hash).unwrap();
    tick().await;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), page_props(Default::default())).render();
    tick().await;
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
async fn start_screen_offers_the_three_flows() {
    let root = mount("#/").await;
    assert_eq!(text(&root, "h1"), "Do you need an ICP Filing?");
    assert_eq!(root.query_selector_all("input[name=flow]").unwrap().length(), 3);
    assert!(text(&root, ".start").contains("not legal advice"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_question_is_a_labelled_radio_group_with_progress() {
    let root = mount("#/need/cdn?hosting=outside").await;
    assert_eq!(text(&root, "legend h1"), "Will you use Alibaba Cloud CDN for it?");
    assert_eq!(text(&root, "#progress"), "Question 2 — at most 8 more");
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 3);
    for i in 0..radios.length() {
        let input: HtmlInputElement = radios.get(i).unwrap().dyn_into().unwrap();
        let label = root.query_selector(&format!("label[for='{}']", input.id())).unwrap();
        assert!(label.is_some(), "radio {} has a label", input.id());
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn continuing_without_a_choice_shows_an_announced_error() {
    let root = mount("#/need/cdn?hosting=outside").await;
    click(&root, "button[type=submit]");
    tick().await;
    let error = root.query_selector(".error-message").unwrap().unwrap();
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert!(error.text_content().unwrap().contains("Choose one"));
    let described =
        root.query_selector("fieldset").unwrap().unwrap().get_attribute("aria-describedby").unwrap();
    assert!(described.contains(&error.id()));
    root.remove();
}

#[wasm_bindgen_test]
async fn choosing_and_continuing_moves_to_the_next_question() {
    let root = mount("#/need/cdn?hosting=outside").await;
    click(&root, "#cdn-0");
    click(&root, "button[type=submit]");
    tick().await;
    tick().await;
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    // The language was not chosen (it came from the browser), so the address names none: a link
    // copied from here opens in its reader's language.
    assert_eq!(hash, "#/need/result?hosting=outside&cdn=none");
    assert_eq!(text(&root, "h1"), "No ICP Filing is needed", "the outcome is the heading");
    assert!(text(&root, ".verdict-line").starts_with("No — "), "the verdict line answers the question");
    assert!(text(&root, ".verdict-line").contains("hosted outside mainland China"), "with its reason");
    root.remove();
}

#[wasm_bindgen_test]
async fn every_plan_step_folds_its_why_and_its_source() {
    let root = mount("#/service-code/result?sc-server=mainland&sc-problem=no-apply-button&sc-account=no&sc-billing=pay-as-you-go&sc-bandwidth=no").await;
    // One numbered list: the plan, the fixes first, then apply.
    assert_eq!(root.query_selector_all("ol").unwrap().length(), 1, "the plan is the one numbered list");
    let steps = root.query_selector_all(".plan-steps > li").unwrap();
    assert!(steps.length() >= 4, "three fixes, then apply");
    assert!(text(&root, ".first-action").contains("Sign in with the account that bought the server"));
    for i in 0..steps.length() {
        let step: Element = steps.get(i).unwrap().dyn_into().unwrap();
        let details =
            step.query_selector("details.step-details").unwrap().expect("the step folds its details");
        assert!(!details.has_attribute("open"), "folded by default");
        let card = details.query_selector("article.rec").unwrap().expect("its card");
        if card.class_list().contains("practice") {
            continue;
        }
        assert!(card.query_selector(".why li").unwrap().is_some(), "why list");
        assert!(card.query_selector(".source blockquote").unwrap().is_some(), "quote");
        assert!(card
            .query_selector(".source figcaption")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
            .contains("§1.4"));
    }
    assert_eq!(root.query_selector_all(".summary .change a").unwrap().length(), 5);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_corrupted_link_shows_a_notice_and_a_working_page() {
    let root = mount("#/need?hosting=outside&%3Cimg%20src=x%20onerror=alert(1)%3E=1&cdn=nope").await;
    assert!(text(&root, ".notice").contains("dropped"));
    assert_eq!(text(&root, "legend h1"), "Will you use Alibaba Cloud CDN for it?");
    assert!(root.query_selector("img").unwrap().is_none(), "no markup from the link");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_faq_page_lists_and_filters_every_question() {
    let root = mount("#/faq").await;
    assert_eq!(root.query_selector_all("article.faq-entry").unwrap().length(), 24);
    let input: HtmlInputElement = root.query_selector("#faq-filter").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("CDN");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    tick().await;
    let shown = root.query_selector_all("article.faq-entry").unwrap().length();
    assert!((2..24).contains(&shown), "{shown}");
    // Case does not matter; blank filters show everything.
    for (filter, expected) in [("cdn", shown), ("  ", 24), ("no such words", 0)] {
        input.set_value(filter);
        input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
        tick().await;
        assert_eq!(root.query_selector_all("article.faq-entry").unwrap().length(), expected, "{filter:?}");
    }
    root.remove();
}

#[wasm_bindgen_test]
fn the_js_api_evaluates_and_rejects_bad_input_with_an_error() {
    let input =
        js_sys::JSON::parse(r#"{"flow":"need","answers":{"hosting":"hong-kong","cdn":"none"}}"#).unwrap();
    let advice = js_api::evaluate(input, JsValue::UNDEFINED).unwrap();
    let verdict = js_sys::Reflect::get(&advice, &"verdict".into()).unwrap();
    let id = js_sys::Reflect::get(&verdict, &"recommendation".into()).unwrap();
    assert_eq!(id.as_string().as_deref(), Some("no-filing-hosted-outside"));

    let bad = js_sys::JSON::parse(r#"{"flow":"need","answers":{"hosting":"moon"}}"#).unwrap();
    let err: JsValue = js_api::evaluate(bad, JsValue::UNDEFINED).unwrap_err().into();
    let message = js_sys::Reflect::get(&err, &"message".into()).unwrap().as_string().unwrap();
    assert!(message.contains("hosting") && message.contains("moon"), "{message}");
    assert!(err.is_instance_of::<js_sys::Error>());

    for bad in [JsValue::NULL, JsValue::from(5), js_sys::Array::new().into()] {
        assert!(js_api::evaluate(bad, JsValue::UNDEFINED).is_err());
    }
    let flows = js_api::questions(JsValue::UNDEFINED).unwrap();
    assert_eq!(js_sys::Array::from(&flows).length(), 3);
}

/// A small deterministic generator, so the browser property test needs no `rand` in Wasm.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "flow",
    "answers",
    "need",
    "service-code",
    "icp-number",
    "hosting",
    "outside",
    "mainland-ecs",
    "cdn",
    "none",
    "sc-server",
    "lang",
    "zh-CN",
    "<img src=x onerror=alert(1)>",
    "",
    "__proto__",
    "constructor",
];

fn random_value(rng: &mut XorShift, depth: u32) -> JsValue {
    match rng.below(if depth > 4 { 5 } else { 8 }) {
        0 => JsValue::NULL,
        1 => JsValue::UNDEFINED,
        2 => JsValue::from(rng.next() as f64 / 7.0),
        3 => JsValue::from(rng.below(2) == 0),
        4 => JsValue::from(WORDS[rng.below(WORDS.len() as u64) as usize]),
        5 => {
            let a = js_sys::Array::new();
            for _ in 0..rng.below(4) {
                a.push(&random_value(rng, depth + 1));
            }
            a.into()
        }
        _ => {
            let o = js_sys::Object::new();
            for _ in 0..rng.below(5) {
                let k = WORDS[rng.below(WORDS.len() as u64) as usize];
                let _ = js_sys::Reflect::set(&o, &k.into(), &random_value(rng, depth + 1));
            }
            o.into()
        }
    }
}

/// Property: the JS API answers any value with advice or a one-line `Error`, never a panic
/// (a panic would abort this whole test run).
#[wasm_bindgen_test]
fn the_js_api_survives_arbitrary_values() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let answers = random_value(&mut rng, 0);
        let options = random_value(&mut rng, 3);
        if let Err(e) = js_api::evaluate(answers, options) {
            let e: JsValue = e.into();
            let message = js_sys::Reflect::get(&e, &"message".into()).unwrap().as_string().unwrap();
            assert!(!message.is_empty() && !message.contains('\n'), "{message:?}");
        }
        let _ = js_api::questions(random_value(&mut rng, 3));
    }
}

/// The message of an `Error` a JS API call threw.
fn error_message(e: wasm_bindgen::JsError) -> String {
    let e: JsValue = e.into();
    assert!(e.is_instance_of::<js_sys::Error>() && !e.is_instance_of::<js_sys::TypeError>());
    js_sys::Reflect::get(&e, &"message".into()).unwrap().as_string().unwrap()
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
fn the_js_api_takes_a_language_tag_refuses_unknown_options_and_falls_back_from_an_unknown_language() {
    let answers =
        || js_sys::JSON::parse(r#"{"flow":"need","answers":{"hosting":"hong-kong","cdn":"none"}}"#).unwrap();
    let title = |options: JsValue| {
        let advice = js_api::evaluate(answers(), options).unwrap();
        let verdict = js_sys::Reflect::get(&advice, &"verdict".into()).unwrap();
        js_sys::Reflect::get(&verdict, &"title".into()).unwrap().as_string().unwrap()
    };
    let english = title(JsValue::UNDEFINED);
    // (Debug builds carry every language's texts.)
    let chinese = title(object(&[("lang", "zh-CN".into())]));
    assert_ne!(english, chinese);
    assert_eq!(title("zh-CN".into()), chinese, "a tag is the language");
    // An unknown language: the reader's (this browser's first language the advisor has), or English.
    let reader =
        if js_api::language_for("de".into()).as_deref() == Some("zh-CN") { &chinese } else { &english };
    assert_eq!(&title(object(&[("lang", "de".into())])), reader);
    assert_eq!(
        error_message(js_api::evaluate(answers(), object(&[("language", "zh-CN".into())])).unwrap_err()),
        "unknown option \"language\" (expected lang, lens)"
    );
    assert_eq!(
        error_message(js_api::evaluate(answers(), JsValue::from(5)).unwrap_err()),
        "evaluate()'s options must be an object (e.g. { lang: \"zh-CN\" }) or a language tag, got a number"
    );
    assert_eq!(
        error_message(js_api::questions(object(&[("lang", JsValue::TRUE)])).unwrap_err()),
        "\"lang\" must be a string, got a boolean"
    );
    assert_eq!(
        error_message(js_api::mount(JsValue::NULL, JsValue::UNDEFINED).err().unwrap()),
        "mount() needs an element of the page to render into, got null"
    );
    let div = document().create_element("div").unwrap();
    assert_eq!(
        error_message(
            js_api::mount(div.clone().into(), object(&[("theme", "purple".into())])).err().unwrap()
        ),
        "unknown theme \"purple\" (expected auto, light or dark)"
    );
}

/// Property: an `<icp-advisor>`'s attributes (a lenient mount) never keep the advisor from
/// showing, whatever their values; strict options answer with an advisor or a one-line `Error`.
#[wasm_bindgen_test]
async fn a_lenient_mount_shows_the_advisor_whatever_the_attributes() {
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    let pick = |rng: &mut XorShift| -> JsValue {
        match rng.below(4) {
            0 => JsValue::UNDEFINED,
            1 => WORDS[rng.below(WORDS.len() as u64) as usize].into(),
            2 => ["need ", " Dark", "LIGHT", "zh", "de", "#/need?hosting=moon", "auto"]
                [rng.below(7) as usize]
                .into(),
            _ => JsValue::NULL,
        }
    };
    for _ in 0..60 {
        let el = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&el).unwrap();
        let options = object(&[
            ("lenient", JsValue::TRUE),
            ("flow", pick(&mut rng)),
            ("lang", pick(&mut rng)),
            ("theme", pick(&mut rng)),
            ("answers", pick(&mut rng)),
        ]);
        let mut advisor = js_api::mount(el.clone().into(), options).unwrap();
        tick().await;
        let root = el.shadow_root().unwrap();
        assert!(root.query_selector(".app main").unwrap().is_some(), "the advisor shows");
        advisor.destroy();
        assert_eq!(root.child_element_count(), 0, "destroy() leaves nothing behind");
        el.remove();
    }
}

// ───────────────────────────── the head script ─────────────────────────────

/// The links of the shared corpus: (fragment, page query).
fn corpus_links() -> Vec<(String, String)> {
    include_str!("fixtures/links.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
        .map(|l| {
            let (fragment, query) = l.split_once(" ?").map_or((l, ""), |(f, q)| (f, q));
            let fragment = if fragment == "-" { "" } else { fragment };
            (fragment.to_string(), if query.is_empty() { String::new() } else { format!("?{query}") })
        })
        .collect()
}

const LINK_WORDS: &[&str] = &[
    "#",
    "/",
    "?",
    "&",
    "=",
    "&",
    "=",
    "lang",
    "lang=",
    "zh-CN",
    "zh",
    "ZH_cn",
    "en",
    "en-GB",
    "fr",
    "constructor",
    "__proto__",
    "toString",
    "hasOwnProperty",
    "%2D",
    "%E0%A4",
    "%",
    "%zz",
    "%6C",
    "+",
    " ",
    "\t",
    "embed",
    "embed=1",
    "flow",
    "need",
    "service-code",
    "icp-number",
    "theme",
    "dark",
    "light",
    "0",
    "false",
    "lens",
    "faq",
    "é",
    "中文",
    "😀",
    "#/",
    "?lang=",
    "&lang=",
    "hosting=outside",
    "faq/",
    "result",
];

const LANG_TAGS: &[&str] = &[
    "zh-CN",
    "zh",
    "ZH_cn",
    " zh-CN ",
    "zh%2DCN",
    "en",
    "EN-gb",
    "fr",
    "",
    "constructor",
    "__proto__",
    "%E0%A4",
    "中文",
];

fn pick<'a>(rng: &mut XorShift, words: &[&'a str]) -> &'a str {
    words[rng.below(words.len() as u64) as usize]
}

/// A random address part: words thrown together, or well-formed `key=value` pairs of the
/// options the script reads (some corrupted).
fn random_link(rng: &mut XorShift) -> String {
    if rng.below(2) == 0 {
        return (0..rng.below(9)).map(|_| pick(rng, LINK_WORDS)).collect();
    }
    let path = pick(
        rng,
        &[
            "#/",
            "",
            "#/need",
            "#/need/cdn",
            "#/faq",
            "#",
            "#//",
            "?",
            "#/need/result",
            "#/faq/x",
            "#/%66aq",
            "#/need/%72esult",
            "#/a/b/result",
            "##/faq",
            "#/need//result/",
            "#/need/result%",
        ],
    );
    let pairs: Vec<String> = (0..rng.below(5))
        .map(|_| match rng.below(6) {
            0 => format!("lang={}", pick(rng, LANG_TAGS)),
            1 => format!("embed={}", pick(rng, &["1", "0", "false", "", "yes"])),
            2 => format!(
                "flow={}",
                pick(rng, &["need", "service-code", "icp-number", "constructor", "nope", "need%2D"])
            ),
            3 => format!("theme={}", pick(rng, &["dark", "light", "auto", "d%61rk", "toString"])),
            4 => pick(rng, &["hosting=outside", "lens=faq", "&", "lang", "=zh-CN", "embed"]).to_string(),
            _ => pick(rng, LINK_WORDS).to_string(),
        })
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

/// Property, in the browser: the inline head script reads every address as the app does —
/// the language (`route::choose_lang`), the embed mode and theme (`EmbedOptions::parse`), the
/// first screen (`route::first_screen_key`) and the module that starts
/// (`route::opens_in_full`) — for the corpus of links and 4,000 random addresses, saved
/// languages and browser languages; and never throws.
#[wasm_bindgen_test]
fn the_head_script_reads_addresses_as_the_app_does() {
    use icp_advisor::head;
    use icp_advisor::route::{self, Theme};
    use icp_advisor::rulebook::LangExt;
    let keys = head::first_screen_keys();
    let config = js_sys::JSON::parse(&head::config(&keys, &Default::default(), None)).unwrap();
    let read: js_sys::Function = js_sys::Function::new_no_args(&format!("return {}", head::CORE))
        .call0(&JsValue::NULL)
        .unwrap()
        .into();
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    let mut cases: Vec<(String, String, Option<String>, Vec<String>)> =
        corpus_links().into_iter().map(|(f, q)| (f, q, None, vec!["en-US".to_string()])).collect();
    for (f, q) in corpus_links() {
        cases.push((
            String::new(),
            String::new(),
            Some(f.trim_start_matches("#/?lang=").to_string()),
            vec![q],
        ));
    }
    for _ in 0..4000 {
        let saved = match rng.below(3) {
            0 => None,
            1 => Some(pick(&mut rng, LANG_TAGS).to_string()),
            _ => Some(random_link(&mut rng)),
        };
        let langs = (0..rng.below(3)).map(|_| pick(&mut rng, LANG_TAGS).to_string()).collect();
        cases.push((random_link(&mut rng), random_link(&mut rng), saved, langs));
    }
    let mut wrong = Vec::new();
    for (hash, search, saved, langs) in &cases {
        let args = js_sys::Array::new();
        args.push(&config);
        args.push(&hash.into());
        args.push(&search.into());
        args.push(&saved.as_deref().map_or(JsValue::NULL, JsValue::from));
        args.push(&langs.iter().map(|l| JsValue::from(l.as_str())).collect::<js_sys::Array>());
        let got = read
            .apply(&JsValue::NULL, &args)
            .unwrap_or_else(|e| panic!("the head script threw on {hash:?} {search:?}: {e:?}"));
        let field = |k: &str| js_sys::Reflect::get(&got, &k.into()).unwrap();
        let options = route::EmbedOptions::parse(search);
        let (lang, _, _) = route::choose_lang(hash, &options, saved.as_deref(), langs);
        let theme = match (options.embed, options.theme) {
            (true, Theme::Light) => "light",
            (true, Theme::Dark) => "dark",
            _ => "",
        };
        let want = (
            lang.code().to_string(),
            route::first_screen_key(hash, &options, lang),
            options.embed,
            theme.to_string(),
            route::opens_in_full(hash),
        );
        let got = (
            field("l").as_string().unwrap_or_default(),
            field("k").as_string().unwrap_or_default(),
            field("e").as_bool().unwrap_or_default(),
            field("t").as_string().unwrap_or_default(),
            field("f").as_bool().unwrap_or_default(),
        );
        if got != want {
            wrong.push(format!(
                "{hash:?} {search:?} saved {saved:?} langs {langs:?}: script {got:?}, app {want:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} differ:\n{}",
        wrong.len(),
        cases.len(),
        wrong[..wrong.len().min(20)].join("\n")
    );
}

#[path = "corpus/answers.rs"]
mod corpus;

/// The seed of the shared corpus (`tests/cli.rs` runs the binary on the same inputs).
const CORPUS_SEED: u64 = 0x1d2c_3b4a_5968_7f01;

fn message(e: wasm_bindgen::JsError) -> String {
    let e: JsValue = e.into();
    js_sys::Reflect::get(&e, &"message".into()).unwrap().as_string().unwrap()
}

/// One message per mistake: on every input of the shared corpus, the JS API says what the CLI
/// says (`answers::answers_from_bytes`, which `tests/cli.rs` holds the binary to) — given the
/// JSON text, and given the object `JSON.parse` makes of it (where that is the same JSON:
/// `JSON.parse` keeps the last of a repeated key and takes lone surrogates, which the text
/// reader refuses; and a JSON string is no object: `evaluate` reads a string as JSON text).
#[wasm_bindgen_test]
fn the_js_api_gives_the_clis_message_for_the_shared_corpus() {
    use icp_advisor::rulebook::RULEBOOK;
    let inputs = corpus::corpus(CORPUS_SEED, 2_000);
    let (mut wrong, mut objects) = (Vec::new(), 0);
    for input in &inputs {
        let cli = icp_advisor::answers::answers_from_bytes(&RULEBOOK, input.as_bytes()).err();
        let text = js_api::evaluate(JsValue::from_str(input), JsValue::UNDEFINED).err().map(message);
        if text != cli {
            wrong.push(format!("text {input:?}: JS {text:?}, CLI {cli:?}"));
        }
        if icp_advisor::json::parse(input).is_ok_and(|v| !matches!(v, icp_advisor::json::Json::String(_))) {
            objects += 1;
            let value = js_sys::JSON::parse(input).unwrap();
            let object = js_api::evaluate(value, JsValue::UNDEFINED).err().map(message);
            if object != cli {
                wrong.push(format!("object {input:?}: JS {object:?}, CLI {cli:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{} differ:\n{}", wrong.len(), wrong[..wrong.len().min(30)].join("\n"));
    assert!(objects > 500, "{objects} inputs given as objects too");
}
