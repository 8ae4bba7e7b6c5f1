//! The recipes of `ARCHITECTURE.md` ("Where to make common changes"), performed: a rule, a
//! question and a language are added to a copy of `rules/` the way the recipe says, and compiled
//! with the compiler the CLI uses (`icp_rules::compile::compile`, what `icp-advisor check RULES`
//! and `--rules` run); a broken one is refused with its place. Every output format the usage
//! text offers is printed; every screen is declared and rendered by a route.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::AnswerSet;
use icp_advisor::rulebook::Layer;
use std::path::PathBuf;

#[path = "support/cli.rs"]
mod support;
use support::{root, run};

/// A copy of `rules/` in a fresh temporary folder (removed when dropped).
struct Copy(PathBuf);

impl Copy {
    fn of_rules(name: &str) -> Copy {
        Copy(support::copy_rules(&format!("recipe-{name}")))
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.0.join(file)).unwrap()
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.0.join(file), text).unwrap();
    }

    /// `text` inserted into `file` just before `before` (which must be there).
    fn insert(&self, file: &str, before: &str, text: &str) {
        let old = self.read(file);
        let at = old.find(before).unwrap_or_else(|| panic!("{file} has no {before:?}"));
        self.write(file, &format!("{}{text}{}", &old[..at], &old[at..]));
    }

    fn compile(&self) -> Result<icp_rules::compile::Compiled, String> {
        icp_rules::compile::compile(&self.0).map_err(|e| e.to_string())
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ───────────────────────────── Add a rule or recommendation ─────────────────────────────

/// The recipe's step 1 and 2: a rule in the FAQ layer's file, under the FAQ entry it rests on,
/// and the recommendation it gives, quoting the entry.
fn rule_and_advice(then: &str, cite: &str) -> String {
    format!(
        r#"
[[rule]]
id = "recipe-rule"
flow = "icp-number"
when = "num-cause = domain-expired"
then = ["{then}"]

[[recommendation]]
id = "recipe-advice"
kind = "info"
title = "A recommendation added as ARCHITECTURE.md says"
body = "It rests on the FAQ entry it follows."
cite = [
  {{ faq = "revoked-why", quote = "Your domain name has expired, and the new registrant has submitted a cancellation application to the administration bureau." }},{cite}
]
"#
    )
}

#[test]
fn a_new_rule_compiles_and_gives_its_advice() {
    let rules = Copy::of_rules("rule");
    let file = "faq/1.3.toml";
    rules.insert(file, "\n[[rule]]\nid = \"cause-inaccurate\"", &rule_and_advice("recipe-advice", ""));
    let c = rules.compile().unwrap_or_else(|e| panic!("the recipe's rule does not compile: {e}"));
    let book = c.book;
    let rec = book.recommendation("recipe-advice").expect("the recommendation is in the rulebook");
    assert!(book.rule("recipe-rule").is_some());
    assert_eq!(book.recommendations[rec].layer, Layer::Faq, "what it cites makes its layer");
    // It is given on the paths its rule's condition holds on, and the rulebook still passes
    // every check `icp-advisor check` runs on every path.
    let flow = book.flow("icp-number").unwrap();
    let mut given = 0;
    icp_advisor::paths::for_each_path(book, flow, |answers| {
        if icp_advisor::engine::evaluate(book, answers).advice.iter().any(|a| a.rec == rec) {
            given += 1;
        }
    });
    assert!(given > 0, "no path gives the new recommendation");
    let report = icp_advisor::check::check(book);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    // Step 3: its texts are what is left to translate.
    assert!(c.missing.contains(&("zh-CN".into(), "rec.recipe-advice.title".into())), "{:?}", c.missing);

    // A rule that names no recommendation is refused, naming the file, the line and the rule.
    let broken = Copy::of_rules("rule-broken");
    broken.insert(file, "\n[[rule]]\nid = \"cause-inaccurate\"", &rule_and_advice("no-such-advice", ""));
    let err = broken.compile().err().expect("a rule giving an unknown recommendation is refused");
    assert!(err.contains("1.3.toml:"), "{err}");
    assert!(err.ends_with("rule `recipe-rule`: unknown recommendation `no-such-advice`"), "{err}");
    // So is a recommendation that cites both layers.
    let mixed = Copy::of_rules("rule-mixed");
    let both = "\n  { source = \"ali-proc\", quote = \"ICP filing\" },";
    mixed.insert(file, "\n[[rule]]\nid = \"cause-inaccurate\"", &rule_and_advice("recipe-advice", both));
    let err = mixed.compile().err().expect("a recommendation citing both layers is refused");
    assert!(err.contains("1.3.toml:") && err.contains("cites both the FAQ and external sources"), "{err}");
}

// ───────────────────────────── Add a question ─────────────────────────────

fn question(ask_if: &str) -> String {
    format!(
        r#"[[question]]
id = "sc-recipe"
flow = "service-code"
ask_if = "{ask_if}"
prompt = "Is this the first server you ask a service code for?"
help = "A question added as ARCHITECTURE.md says."
options = [
  {{ id = "yes", label = "Yes" }},
  {{ id = "no", label = "No" }},
]

"#
    )
}

#[test]
fn a_new_question_compiles_into_its_flow() {
    let rules = Copy::of_rules("question");
    let file = "flows/service-code.toml";
    let before = "[[question]]\nid = \"sc-problem\"";
    rules.insert(file, before, &question("sc-server = mainland"));
    let c = rules.compile().unwrap_or_else(|e| panic!("the recipe's question does not compile: {e}"));
    let book = c.book;
    let q = book.question("sc-recipe").expect("the question is in the rulebook");
    let flow = book.flow("service-code").unwrap();
    let order = book.flows[flow].questions;
    let server = book.question("sc-server").unwrap();
    assert_eq!(order[order.iter().position(|&x| x == server).unwrap() + 1], q, "asked where it is written");
    // Asked when its condition holds: right after the answer it looks at.
    let answers = AnswerSet::from_pairs(book, Some("service-code"), [("sc-server", "mainland")]).unwrap();
    assert_eq!(icp_advisor::engine::path(book, &answers).next, Some(q));
    let answers = AnswerSet::from_pairs(book, Some("service-code"), [("sc-server", "none")]).unwrap();
    assert_ne!(icp_advisor::engine::path(book, &answers).next, Some(q));
    // Step 3: `texts --missing` lists its texts for the translators.
    assert!(c.missing.contains(&("zh-CN".into(), "question.sc-recipe.prompt".into())), "{:?}", c.missing);
    let (code, out, err) = run(&["texts", "--missing", "zh-CN", "--rules", rules.path()], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("question.sc-recipe.prompt\tIs this the first server"), "{out}");

    // A question whose condition looks at a later question is refused with its place.
    let broken = Copy::of_rules("question-broken");
    broken.insert(file, before, &question("sc-bandwidth = enough"));
    let err = broken.compile().err().expect("a condition on a later question is refused");
    assert!(err.contains("service-code.toml:"), "{err}");
    assert!(err.contains("question `sc-bandwidth` is not asked before this question"), "{err}");
}

// ───────────────────────────── Add a language ─────────────────────────────

#[test]
fn a_new_language_needs_every_app_text_then_lists_what_is_left() {
    let rules = Copy::of_rules("language");
    let header = "[language]\ncode = \"fr\"\nname = \"Français\"\n";
    // Without the app's texts, the compiler names the file and the first text missing.
    rules.write("i18n/fr.toml", &format!("{header}\n[app]\n"));
    let err = rules.compile().err().expect("a language without the app's texts is refused");
    assert!(err.contains("fr.toml:") && err.contains("[app] is missing `"), "{err}");
    // The file's name is its code.
    rules.write("i18n/fr.toml", &header.replace("\"fr\"", "\"fr-FR\""));
    let err = rules.compile().err().expect("a code other than the file's name is refused");
    assert!(err.contains("but the file is named `fr.toml`"), "{err}");

    // With every [app] text of en.toml (here still in English), it compiles: the language is
    // there, and what is left to translate is listed, not hidden.
    let en = rules.read("i18n/en.toml");
    let app = &en[en.find("\n[app]\n").expect("en.toml has [app]")..];
    rules.write("i18n/fr.toml", &format!("{header}{app}"));
    let c = rules.compile().unwrap_or_else(|e| panic!("the recipe's language does not compile: {e}"));
    let fr = c.book.lang("fr").expect("the compiler found the language");
    assert_eq!(c.book.languages.len(), 3);
    assert!(c.book.languages[fr.0 as usize].code == "fr");
    assert!(c.missing.contains(&("fr".into(), "question.hosting.prompt".into())));
    assert!(c.missing.iter().all(|(_, key)| !key.starts_with("app.")), "every app text is there");
    assert_eq!(c.untracked, vec!["fr".to_string()], "no lock file yet");
    let (code, out, err) = run(&["texts", "--missing", "fr", "--rules", rules.path()], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("question.hosting.prompt\t"), "{out}");
    // The last step writes the lock file; the language is then tracked.
    let (code, _, err) = run(&["texts", "--stamp", "fr", "--rules", rules.path()], b"");
    assert_eq!(code, 0, "{err}");
    assert!(rules.0.join("i18n/fr.lock").is_file());
    assert!(rules.compile().unwrap().untracked.is_empty());
}

// ───────────────────────────── Add an output format ─────────────────────────────

/// The compiler's small valid rulebook.
const FIXTURE: &str = "crates/rules/tests/fixtures/valid";

/// Every `--format` choice the usage text offers (it takes them from each command's list) is
/// printed by its command: a format added to a list is handled, or this fails naming it.
#[test]
fn every_format_the_usage_text_offers_is_printed() {
    let (code, usage, _) = run(&["help"], b"");
    assert_eq!(code, 0);
    let mut seen = 0;
    for line in usage.lines().map(str::trim).filter(|l| l.starts_with("icp-advisor ")) {
        let Some((_, rest)) = line.split_once("[--format ") else { continue };
        let command = line.split_whitespace().nth(1).unwrap();
        let formats = &rest[..rest.find(']').unwrap()];
        for format in formats.split('|') {
            seen += 1;
            let (args, stdin): (Vec<&str>, &[u8]) = match command {
                "evaluate" => {
                    (vec!["evaluate", "-"], br#"{"flow": "service-code", "answers": {"sc-server": "none"}}"#)
                }
                "domain" => (vec!["domain", "example.com.cn"], b""),
                "paths" => (vec!["paths", "--flow", "service-code"], b""),
                // (A small rulebook: the whole one takes seconds per run in a debug build.)
                "diff" => (vec!["diff", FIXTURE, FIXTURE], b""),
                other => panic!("the usage text offers --format for `{other}`: say here how to run it"),
            };
            let mut args = args;
            args.extend(["--format", format]);
            let (code, out, err) = run(&args, stdin);
            assert!(code == 0 || (command == "domain" && code == 1), "{args:?}: exit {code}: {err}");
            assert!(!out.trim().is_empty(), "{args:?} printed nothing");
            if format == "json" {
                serde_json::from_str::<serde_json::Value>(&out)
                    .unwrap_or_else(|e| panic!("{args:?}: not JSON: {e}"));
            }
        }
    }
    assert!(seen >= 8, "found only {seen} formats in the usage text:\n{usage}");
}

// ───────────────────────────── Add a screen ─────────────────────────────

/// Every file of `src/ui/screens/` is declared in its `mod.rs`, rendered by an arm of the
/// `match` on the route in `src/ui/app.rs`, and imports from no other screen; every `Route`
/// variant has an arm.
#[test]
fn every_screen_is_declared_and_rendered_by_a_route() {
    let read = |rel: &str| std::fs::read_to_string(root().join(rel)).unwrap();
    let declared = read("src/ui/screens/mod.rs");
    let app = read("src/ui/app.rs");
    let start = app
        .find("let screen = match &state.route {")
        .expect("src/ui/app.rs matches on the route to pick the screen");
    let arms = &app[start..start + app[start..].find("\n    };").expect("the match ends")];
    let mut screens = Vec::new();
    for entry in std::fs::read_dir(root().join("src/ui/screens")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if let Some(screen) = name.strip_suffix(".rs").filter(|&s| s != "mod") {
            screens.push(screen.to_string());
        }
    }
    assert!(screens.len() >= 4, "{screens:?}");
    for screen in &screens {
        assert!(
            declared.lines().any(|l| l.trim_start_matches("pub ").trim() == format!("mod {screen};")),
            "src/ui/screens/{screen}.rs is not declared in src/ui/screens/mod.rs"
        );
        assert!(
            arms.contains(&format!("<{screen}::")),
            "src/ui/screens/{screen}.rs is rendered by no arm of the route's match in src/ui/app.rs"
        );
        let text = read(&format!("src/ui/screens/{screen}.rs"));
        for other in screens.iter().filter(|o| *o != screen) {
            for import in [format!("super::{other}"), format!("screens::{other}")] {
                assert!(
                    !text.contains(&import),
                    "src/ui/screens/{screen}.rs imports from another screen ({import})"
                );
            }
        }
    }
    let route = read("src/route.rs");
    let body = &route[route.find("pub enum Route {").expect("src/route.rs defines Route")..];
    let body = &body[..body.find("\n}").unwrap()];
    let variants: Vec<&str> = body
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|l| l.split(|c: char| !c.is_alphanumeric()).next().unwrap())
        .collect();
    assert!(variants.len() >= 4, "{variants:?}");
    for variant in variants {
        assert!(arms.contains(&format!("Route::{variant}")), "Route::{variant} has no arm in src/ui/app.rs");
    }
}
