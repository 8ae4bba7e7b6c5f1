//! The compiler on fixtures: a minimal valid rulebook (`tests/fixtures/valid/`), and copies of
//! it broken one way each, with the exact message each must produce — naming the file, the
//! line and the item.
#![cfg(feature = "compile")]

use icp_rules::compile::{
    bake::{bake, full_module},
    compile,
};
use icp_rules::{Cond, Kind, Lang, Layer, SourceKind, Text};
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid")
}

/// A copy of the valid fixture in a fresh folder, with `from` replaced by `to` in `file`.
fn broken(name: &str, file: &str, from: &str, to: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("icp-rules-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("i18n")).unwrap();
    for f in ["rulebook.toml", "flow.toml", "i18n/en.toml", "i18n/xx.toml"] {
        let mut text = std::fs::read_to_string(fixture().join(f)).unwrap();
        if f == file {
            assert!(text.contains(from), "the fixture {f} has no {from:?}");
            text = text.replacen(from, to, 1);
        }
        std::fs::write(dir.join(f), text).unwrap();
    }
    dir
}

/// The message for the broken copy, with the temporary folder shown as `DIR`.
fn error(name: &str, file: &str, from: &str, to: &str) -> String {
    let dir = broken(name, file, from, to);
    let msg = match compile(&dir) {
        Ok(_) => "compiled without error".to_string(),
        Err(e) => e.to_string(),
    };
    let _ = std::fs::remove_dir_all(&dir);
    msg.replace(&dir.display().to_string(), "DIR")
}

#[test]
fn the_valid_fixture_compiles_to_the_expected_tables() {
    let c = compile(&fixture()).unwrap_or_else(|e| panic!("{e}"));
    let book = c.book;
    assert_eq!(book.version, 1);
    assert_eq!(book.gathered, "2026-11");
    assert_eq!(book.sources.len(), 2);
    assert_eq!(book.sources[0].kind, SourceKind::Faq);
    assert_eq!(book.sources[1].page_date, None);
    assert_eq!(book.questions.len(), 2);
    // `hosted-here` expanded: `what` is asked when `where = here` (option 0).
    assert_eq!(book.questions[1].ask_if, Cond::Def(0, &Cond::Is(0, 0b1)));
    let file = &book.recommendations[0];
    assert_eq!((file.kind, file.layer, file.verdict), (Kind::Required, Layer::Faq, true));
    assert_eq!(file.steps.len(), 2);
    assert_eq!(file.steps[1].asserts.len(), 1);
    // The verdict line, the first that holds; the person's own choice and how its options read
    // as other ways; what the note says inside the step it qualifies.
    assert_eq!(file.answer.len(), 2);
    assert_eq!(book.text(file.answer[1].text, Lang::SOURCE), "Yes — you file.");
    assert!(book.questions[0].choice && !book.questions[1].choice);
    assert_eq!(
        book.questions[0].options[1].instead.map(|t| book.text(t, Lang::SOURCE)),
        Some("If it is there")
    );
    let note = &book.recommendations[1];
    assert_eq!((note.layer, note.qualifies), (Layer::Practice, &[0][..]));
    assert_eq!(note.amend.map(|t| book.text(t, Lang::SOURCE)), Some("Today it is filed differently."));
    // Languages: the source first; a translated title, the rest falling back and listed.
    assert_eq!(book.languages.iter().map(|l| l.code).collect::<Vec<_>>(), ["en", "xx"]);
    let xx = book.lang("xx").unwrap();
    assert_eq!(book.text(file.title, xx), "Xile");
    assert_eq!(book.text(file.title, Lang::SOURCE), "File");
    assert!(c.missing.contains(&("xx".to_string(), "rec.file.body".to_string())));
    // App texts follow the rulebook's, in every language.
    assert_eq!(c.app_keys, ["greeting"]);
    assert_eq!(book.text(Text(book.app_texts), xx), "Xello, {name}");
    assert_eq!(book.text_keys.len(), book.text_count());
    // Baked, it is Rust source of the same tables.
    let src = bake(book, "BOOK", &full_module(book));
    assert!(src.starts_with("// @generated") && src.contains("pub static BOOK: Rulebook"));
    assert!(src.contains("Cond::Def(0, &Cond::Is(0, 0b1))") && src.contains("qualifies: &[0]"));
    assert!(src.contains("#[cfg(all(target_arch = \"wasm32\", not(debug_assertions)))]\nstatic BOOK_TEXTS_0"));
}

/// The Wasm's English table leaves out the texts only the static pages use (`rules_*`, `cond_*`,
/// `site_*`: the pack `site`): they are built natively.
#[test]
fn the_wasm_carries_no_text_only_the_static_pages_use() {
    let dir = broken(
        "static-texts",
        "i18n/en.toml",
        "greeting = \"Hello, {name}\"",
        "greeting = \"Hello, {name}\"\nrules_note = \"Only the static pages say this.\"",
    );
    let xx = dir.join("i18n/xx.toml");
    std::fs::write(
        &xx,
        std::fs::read_to_string(&xx)
            .unwrap()
            .replace("greeting = \"Xello, {name}\"", "greeting = \"Xello, {name}\"\nrules_note = \"Xnly.\""),
    )
    .unwrap();
    let c = compile(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert!(icp_rules::static_page_text("rules_note") && !icp_rules::static_page_text("greeting"));
    let site = c.book.packs.iter().position(|p| p.id == icp_rules::SITE_PACK).expect("a site pack");
    let note = c.book.text_keys.iter().position(|k| *k == "app.rules_note").unwrap();
    assert_eq!(c.book.locate(Text(note as u16)).map(|(p, _)| p), Some(site));
    assert!(c.book.languages.iter().all(|l| l.files[site].is_empty()), "no file: no Wasm fetches it");
    let src = bake(c.book, "BOOK", &full_module(c.book));
    assert_eq!(src.matches("Only the static pages say this.").count(), 1, "in the native table only");
    assert_eq!(src.matches("Hello, {name}").count(), 2, "the app's own texts in both");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_language_tag_finds_its_language() {
    let book = compile(&fixture()).unwrap().book;
    assert_eq!(book.lang("en-GB"), Some(Lang(0)));
    assert_eq!(book.lang("XX"), Some(Lang(1)));
    assert_eq!(book.lang("fr"), None);
}

#[test]
fn every_mistake_is_one_message_naming_the_place() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "unknown-rec",
            "flow.toml",
            r#"then = ["file"]"#,
            r#"then = ["fiel"]"#,
            "DIR/flow.toml:30: rule `needed-here`: unknown recommendation `fiel`",
        ),
        (
            "unknown-option",
            "flow.toml",
            r#"when = "where = here and what = site""#,
            r#"when = "where = here and what = website""#,
            "DIR/flow.toml:30: rule `needed-here`: when: question `what` has no option `website`, in `where = here and what = website`",
        ),
        (
            "looks-ahead",
            "flow.toml",
            r#"ask_if = "hosted-here""#,
            r#"ask_if = "what = site""#,
            "DIR/flow.toml:12: question `what`: ask_if: question `what` is not asked before this question, in `what = site`",
        ),
        (
            "define-typo",
            "rulebook.toml",
            r#"when = "where = here""#,
            r#"when = "wher = here""#,
            "DIR/rulebook.toml:38: define `hosted-here`: unknown question `wher`, in `wher = here`",
        ),
        (
            "same-id",
            "flow.toml",
            "id = \"noted\"",
            "id = \"file\"",
            "DIR/flow.toml:36: recommendation id `file` is already used by the rule at DIR/flow.toml:46",
        ),
        (
            "no-quote",
            "flow.toml",
            r#"cite = [{ faq = "is-it-needed", quote = "It is needed." }]"#,
            r#"cite = [{ faq = "is-it-needed" }]"#,
            "DIR/flow.toml:36: recommendation `file`: a citation needs exactly one of `quote` and `summary`",
        ),
        (
            "unknown-faq",
            "flow.toml",
            r#"faq = "is-it-needed", quote"#,
            r#"faq = "is-it-need", quote"#,
            "DIR/flow.toml:36: recommendation `file`: cites an unknown faq `is-it-need`",
        ),
        (
            "mixed-layers",
            "flow.toml",
            r#"cite = [{ source = "page", quote = "things changed" }]"#,
            r#"cite = [{ source = "page", quote = "things changed" }, { faq = "is-it-needed", quote = "It is needed." }]"#,
            "DIR/flow.toml:52: recommendation `note`: cites both the FAQ and external sources: keep the FAQ's advice and current practice in separate recommendations",
        ),
        (
            "rule-twice",
            "flow.toml",
            r#"then = ["note"]"#,
            r#"then = ["note", "note"]"#,
            "DIR/flow.toml:46: rule `noted`: recommends `note` twice",
        ),
        (
            "bad-fact",
            "flow.toml",
            r#"asserts = { filing = "required" }"#,
            r#"asserts = { filing = "maybe" }"#,
            "DIR/flow.toml:36: recommendation `file`: step 2: fact `filing` has no value `maybe` (expected one of: required, not-required)",
        ),
        (
            "bad-quality",
            "rulebook.toml",
            "url = \"https://example.com/page\"\npage_date = \"no date shown\"\nread = \"2026-11\"\nlang = \"en\"\nquality = \"A\"",
            "url = \"https://example.com/page\"\npage_date = \"no date shown\"\nread = \"2026-11\"\nlang = \"en\"\nquality = \"C\"",
            "DIR/rulebook.toml:17: source `page`: quality `C` is not A or B (secondary, C and UNCONFIRMED material is never cited)",
        ),
        (
            "toml-syntax",
            "flow.toml",
            r#"prompt = "Where?""#,
            r#"prompt = "Where?"#,
            "DIR/flow.toml:4: invalid basic string",
        ),
        (
            "missing-include",
            "rulebook.toml",
            r#"include = ["flow.toml"]"#,
            r#"include = ["flows.toml"]"#,
            "DIR/rulebook.toml:4: include `flows.toml`: DIR/flows.toml: cannot read: No such file or directory (os error 2)",
        ),
        (
            "unknown-translation",
            "i18n/xx.toml",
            "[rec.file]",
            "[rec.fiel]",
            "DIR/i18n/xx.toml:9: `rec.fiel.title` does not name any text of the rulebook",
        ),
        (
            "missing-app-text",
            "i18n/xx.toml",
            "greeting = \"Xello, {name}\"",
            "",
            "DIR/i18n/xx.toml:5: [app] is missing `greeting` (every language has every app text)",
        ),
        (
            "placeholders",
            "i18n/xx.toml",
            "greeting = \"Xello, {name}\"",
            "greeting = \"Xello, {nom}\"",
            "DIR/i18n/xx.toml:6: [app] `greeting` uses the placeholders [\"nom\"], but the source text uses [\"name\"]",
        ),
        (
            "verdict-without-answer",
            "flow.toml",
            r#"answer = [{ text = "Yes — a site here is filed.", when = "what = site" }, "Yes — you file."]"#,
            "",
            "DIR/flow.toml:36: recommendation `file`: a verdict needs `answer`: the one sentence that answers the flow's question, with its reason",
        ),
        (
            "answer-not-a-verdict",
            "flow.toml",
            r#"qualifies = ["file"]"#,
            "qualifies = [\"file\"]\nanswer = \"No.\"",
            "DIR/flow.toml:52: recommendation `note`: only a verdict (`group = \"verdict\"`) has an `answer`",
        ),
        (
            "answer-with-facts",
            "flow.toml",
            r#""Yes — you file.""#,
            r#"{ text = "Yes — you file.", asserts = { filing = "required" } }"#,
            "DIR/flow.toml:36: recommendation `file`: a verdict line states no facts of its own: put `asserts` on the recommendation",
        ),
        (
            "choice-without-instead",
            "flow.toml",
            r#"{ id = "there", label = "There", instead = "If it is there" }"#,
            r#"{ id = "there", label = "There" }"#,
            "DIR/flow.toml:1: question `where`: option `there` needs `instead` (how it reads as another way): the question is a `choice`",
        ),
        (
            "instead-without-choice",
            "flow.toml",
            r#"{ id = "site", label = "A site" }"#,
            r#"{ id = "site", label = "A site", instead = "If a site" }"#,
            "DIR/flow.toml:12: question `what`: option `site` has `instead`, but the question is not a `choice`",
        ),
        (
            "amend-without-qualifies",
            "flow.toml",
            r#"qualifies = ["file"]"#,
            "",
            "DIR/flow.toml:52: recommendation `note`: `amend` speaks inside the steps it qualifies: give `qualifies` too",
        ),
        (
            "version-in-include",
            "flow.toml",
            "[[question]]\nid = \"where\"",
            "version = 2\n[[question]]\nid = \"where\"",
            "DIR/flow.toml:1: `version` belongs in the root file only",
        ),
        (
            "language-code",
            "i18n/xx.toml",
            "code = \"xx\"",
            "code = \"yy\"",
            "DIR/i18n/xx.toml:2: [language] code is `yy` but the file is named `xx.toml`: name the file after the code",
        ),
        (
            "translation-not-text",
            "i18n/xx.toml",
            "title = \"Xile\"",
            "title = 5",
            "DIR/i18n/xx.toml:9: `rec.file.title` must be text",
        ),
        (
            "nested-not",
            "flow.toml",
            r#"when = "where = here""#,
            &format!("when = \"{}where = here\"", "not ".repeat(33)),
            &format!("DIR/flow.toml:46: rule `noted`: when: the condition nests more than 32 levels deep (the limit; `not`, parentheses and named conditions count), in `{}…`", &"not ".repeat(33)[..120]),
        ),
        (
            "nested-parentheses",
            "flow.toml",
            r#"when = "where = here""#,
            &format!("when = \"{}where = here{}\"", "(".repeat(20_000), ")".repeat(20_000)),
            &format!("DIR/flow.toml:46: rule `noted`: when: the condition nests more than 32 levels deep (the limit; `not`, parentheses and named conditions count), in `{}…`", "(".repeat(120)),
        ),
        (
            "condition-too-big",
            "flow.toml",
            r#"when = "where = here""#,
            &format!("when = \"{}where = here\"", "where = here or ".repeat(500)),
            &format!("DIR/flow.toml:46: rule `noted`: when: the condition has more than 500 parts (the limit), its named conditions written out, in `{}…`", &"where = here or ".repeat(8)[..120]),
        ),
        (
            "define-doubling",
            "rulebook.toml",
            r#"hosted-here = { when = "where = here", means = "The server is here." }"#,
            &(1..=9).map(|i| format!("d{i} = {{ when = \"d{} and d{}\", means = \"x\" }}\n", i - 1, i - 1)).collect::<String>().replace("d0 and d0", "where = here"),
            "DIR/rulebook.toml:45: define `d8`: the condition has more than 500 parts (the limit), its named conditions written out (in define `d7` → `d6` → `d5` → `d4` → `d3` → `d2`), in `d7 and d7`",
        ),
        (
            "words-in-a-third-language",
            "flow.toml",
            r#"{ source = "page", quote = "things changed" }"#,
            r#"{ source = "page", quote = "things changed", lang = "fr" }"#,
            "DIR/flow.toml:52: recommendation `note`: lang `fr`: cited words are in their page's language (en) or in en",
        ),
        (
            "rendering-not-needed",
            "flow.toml",
            r#"{ source = "page", quote = "things changed" }"#,
            r#"{ source = "page", quote = "things changed", rendering = "things changed" }"#,
            "DIR/flow.toml:52: recommendation `note`: the words \"things changed\" are in en: they need no `rendering` (translations render them)",
        ),
        (
            "title-variant-without-when",
            "flow.toml",
            r#"title = "A note""#,
            r#"title = ["A note", "Another note"]"#,
            "DIR/flow.toml:52: recommendation `note`: titles: every variant but the last needs `when`, and the last (the default) none",
        ),
        (
            "version-in-the-page-language",
            "rulebook.toml",
            "lang = \"en\"\nquality = \"A\"\n\n[facts]",
            "lang = \"en\"\nquality = \"A\"\nversions = [{ lang = \"en-GB\", url = \"https://example.com/gb\" }]\n\n[facts]",
            "DIR/rulebook.toml:17: source `page`: a version's lang `en-GB` must be a language tag other than the page's own (en)",
        ),
        (
            "rendering-of-words-already-in-the-language",
            "i18n/xx.toml",
            "[rec.file]",
            "[cite.page]\nx = \"y\"\n\n[rec.file]",
            "compiled without error",
        ),
    ];
    let mut wrong = Vec::new();
    for (name, file, from, to, want) in cases {
        let got = error(name, file, from, to);
        if got != *want {
            wrong.push(format!("{name}:\n  want: {want}\n  got:  {got}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// The message for a copy of the valid fixture changed by `change` (given its folder).
fn error_with(name: &str, change: impl FnOnce(&Path)) -> String {
    let dir = broken(name, "", "", "");
    change(&dir);
    let msg = match compile(&dir) {
        Ok(_) => "compiled without error".to_string(),
        Err(e) => e.to_string(),
    };
    let _ = std::fs::remove_dir_all(&dir);
    msg.replace(&dir.display().to_string(), "DIR")
}

fn append(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    let before = std::fs::read_to_string(&path).unwrap();
    std::fs::write(path, before + text).unwrap();
}

/// Files are read only if they are regular files of a bounded size inside the rulebook's
/// folder: a FIFO would block, a device (or a link to one) never end, a link could read any
/// file of the machine.
#[cfg(unix)]
#[test]
fn only_bounded_regular_files_inside_the_folder_are_read() {
    let link = |target: &str, at: &Path| std::os::unix::fs::symlink(target, at).unwrap();
    let cases: Vec<(&str, String)> = vec![
        (
            "fifo",
            error_with("fifo", |d| {
                std::fs::remove_file(d.join("flow.toml")).unwrap();
                let ok = std::process::Command::new("mkfifo").arg(d.join("flow.toml")).status().unwrap();
                assert!(ok.success());
            }),
        ),
        (
            "device",
            error_with("device", |d| {
                std::fs::remove_file(d.join("flow.toml")).unwrap();
                link("/dev/zero", &d.join("flow.toml"));
            }),
        ),
        (
            "outside",
            error_with("outside", |d| {
                std::fs::remove_file(d.join("i18n/xx.toml")).unwrap();
                link(&fixture().join("i18n/xx.toml").display().to_string(), &d.join("i18n/xx.toml"));
            }),
        ),
        (
            "huge",
            error_with("huge", |d| {
                std::fs::File::options()
                    .append(true)
                    .open(d.join("flow.toml"))
                    .unwrap()
                    .set_len(200 << 20)
                    .unwrap();
            }),
        ),
        (
            "folder",
            error_with("folder", |d| {
                std::fs::remove_file(d.join("flow.toml")).unwrap();
                std::fs::create_dir(d.join("flow.toml")).unwrap();
            }),
        ),
        (
            "lock-fifo",
            error_with("lock-fifo", |d| {
                let ok = std::process::Command::new("mkfifo").arg(d.join("i18n/xx.lock")).status().unwrap();
                assert!(ok.success());
            }),
        ),
    ];
    let want = [
        "DIR/rulebook.toml:4: include `flow.toml`: DIR/flow.toml: cannot read: it is a FIFO (a named pipe), not a regular file",
        "DIR/rulebook.toml:4: include `flow.toml`: DIR/flow.toml: is a link to /dev/zero, outside the rulebook's folder DIR: a rulebook reads only its own files",
        &format!("DIR/i18n/xx.toml:1: is a link to {}, outside the rulebook's folder DIR: a rulebook reads only its own files", fixture().join("i18n/xx.toml").canonicalize().unwrap().display()),
        "DIR/rulebook.toml:4: include `flow.toml`: DIR/flow.toml: is 209715200 bytes; at most 2097152 are read (a rulebook file may have at most 2097152 bytes, its files together 8388608; 709 read before this one)",
        "DIR/rulebook.toml:4: include `flow.toml`: DIR/flow.toml: cannot read: it is a folder, not a regular file",
        "DIR/i18n/xx.lock:1: cannot read: it is a FIFO (a named pipe), not a regular file",
    ];
    let got: Vec<String> = cases.iter().map(|(n, m)| format!("{n}: {m}")).collect();
    let want: Vec<String> = cases.iter().zip(want).map(|((n, _), m)| format!("{n}: {m}")).collect();
    assert_eq!(got, want);
}

/// Beyond each documented limit the rulebook is refused, named at the item that passes it.
#[test]
fn every_limit_is_refused_naming_the_limit() {
    let rec = |i: usize| {
        format!("\n[[recommendation]]\nid = \"extra-{i}\"\nkind = \"info\"\ntitle = \"T\"\nbody = \"B\"\ncite = [{{ faq = \"is-it-needed\", quote = \"It is needed.\" }}]\n")
    };
    let question = |i: usize| {
        format!("\n[[question]]\nid = \"extra-q{i}\"\nflow = \"main\"\nprompt = \"P\"\nhelp = \"H\"\noptions = [{{ id = \"a\", label = \"A\" }}, {{ id = \"b\", label = \"B\" }}]\n")
    };
    let got = [
        error_with("many-recs", |d| append(d, "flow.toml", &(0..199).map(rec).collect::<String>())),
        error_with("many-questions", |d| append(d, "flow.toml", &(0..63).map(question).collect::<String>())),
        error_with("many-paths", |d| append(d, "flow.toml", &(0..15).map(question).collect::<String>())),
        error_with("many-facts", |d| {
            let facts: String = (0..101).map(|i| format!("d{i} = [\"x\", \"y\"]\n")).collect();
            let asserts: String = (0..101).map(|i| format!("d{i} = \"x\", ")).collect();
            let text = std::fs::read_to_string(d.join("rulebook.toml")).unwrap();
            std::fs::write(d.join("rulebook.toml"), text.replace("[facts]\n", &format!("[facts]\n{facts}")))
                .unwrap();
            append(
                d,
                "flow.toml",
                &rec(0).replace(
                    "body = \"B\"",
                    &format!("body = \"B\"\nasserts = {{ {} }}", asserts.trim_end_matches(", ")),
                ),
            );
        }),
    ];
    assert_eq!(
        got,
        [
            "DIR/flow.toml:1447: the rulebook has more than 200 recommendations, counting up to this one (the limit)",
            "DIR/flow.toml:495: question `extra-q62`: a rulebook has at most 64 questions (the limit)",
            "DIR/rulebook.toml:32: flow `main`: the flows have more than 30000 complete paths together, counting up to this one (the limit: `check`, `diff` and `paths` evaluate every path); ask fewer questions, or ask some only where an earlier answer makes them relevant (`ask_if`)",
            "DIR/flow.toml:61: the rulebook has more than 100 facts stated (`asserts`), counting up to this one (the limit)",
        ]
    );
}

/// Cited words get a rendering in every language but their own: written in the rulebook for
/// words in another language than English (shown to English readers), translated like any text
/// for English words (and kept out of the English table), keyed by source and words, so that a
/// rendering of words the rulebook no longer cites is reported as stale, not lost.
#[test]
fn cited_words_are_rendered_in_every_other_language() {
    // English words: the English table holds no rendering; xx lacks one until translated.
    let c = compile(&fixture()).unwrap();
    let book = c.book;
    let note = &book.recommendations[1];
    let cite = &note.cites[0];
    let key = book.text_keys[cite.rendering.0 as usize];
    assert!(key.starts_with("cite.page."), "{key}");
    assert_eq!((book.words_lang(cite), book.text(cite.rendering, Lang::SOURCE)), ("en", ""));
    assert_eq!(book.original(cite.rendering), "things changed");
    let xx = book.lang("xx").unwrap();
    assert_eq!(book.rendering(cite, Lang::SOURCE), None, "the words are English");
    assert_eq!(book.rendering(cite, xx), None, "not translated yet");
    assert!(c.missing.contains(&("xx".to_string(), key.to_string())));

    // Translated, it is the reader's rendering; the same words cited twice share it.
    let hash = key.rsplit('.').next().unwrap();
    let dir = broken(
        "rendered",
        "i18n/xx.toml",
        "[rec.file]",
        &format!("[cite.page]\n{hash} = \"xings xanged\"\n\n[rec.file]"),
    );
    let c = compile(&dir).unwrap();
    let cite = &c.book.recommendations[1].cites[0];
    assert_eq!(c.book.rendering(cite, xx), Some("xings xanged"));
    assert!(!c.missing.iter().any(|(_, k)| k == key));

    // The words change: their rendering (under the old key) is stale, the new words' missing.
    std::fs::write(
        dir.join("flow.toml"),
        std::fs::read_to_string(dir.join("flow.toml"))
            .unwrap()
            .replace(r#"quote = "things changed""#, r#"quote = "things have changed""#),
    )
    .unwrap();
    let c = compile(&dir).unwrap();
    assert_eq!(c.stale, vec![("xx".to_string(), key.to_string())]);
    let new = c.book.text_keys[c.book.recommendations[1].cites[0].rendering.0 as usize];
    assert!(new != key && c.missing.contains(&("xx".to_string(), new.to_string())));
    let _ = std::fs::remove_dir_all(&dir);

    // Words in another language carry their English rendering: English readers see it; readers
    // of the words' language need none (a translation of it is refused).
    let dir = broken(
        "chinese-words",
        "flow.toml",
        r#"{ source = "page", quote = "things changed" }"#,
        r#"{ source = "page", quote = "情况变了", rendering = "things changed" }"#,
    );
    // A page in `xx-YY` (the fixture's translation is language `xx`: its words are in it).
    page_in(&dir, "xx-YY");
    let c = compile(&dir).unwrap();
    let cite = &c.book.recommendations[1].cites[0];
    assert_eq!(c.book.rendering(cite, Lang::SOURCE), Some("things changed"));
    assert_eq!(c.book.rendering(cite, xx), None);
    assert!(!c.book.needs(cite.rendering, xx) && c.book.needs(cite.rendering, Lang::SOURCE));
    assert!(!c.missing.iter().any(|(_, k)| k.starts_with("cite.page.")));
    let _ = std::fs::remove_dir_all(&dir);

    // Without its rendering, the rulebook still compiles (an older one can be compared), and
    // the rendering is missing in English, as a translation would be.
    let dir = broken(
        "chinese-words-unrendered",
        "flow.toml",
        r#"{ source = "page", quote = "things changed" }"#,
        r#"{ source = "page", quote = "情况变了" }"#,
    );
    page_in(&dir, "zh-CN");
    let c = compile(&dir).unwrap();
    let cite = &c.book.recommendations[1].cites[0];
    assert_eq!(c.book.rendering(cite, Lang::SOURCE), None);
    let key = c.book.text_keys[cite.rendering.0 as usize].to_string();
    assert!(c.missing.contains(&("en".to_string(), key)), "{:?}", c.missing);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A title and a plan line may vary with the answers (the first variant that holds).
#[test]
fn titles_and_plan_lines_may_depend_on_the_answers() {
    let dir = broken(
        "variants",
        "flow.toml",
        r#"title = "File""#,
        "title = [{ text = \"File the site\", when = \"what = site\" }, \"File\"]\nplan = [{ text = \"Plan it\", when = \"what = nothing\" }, \"Plan\"]",
    );
    // (A list's texts are keyed by index: `rec.file.title.1`, the default.)
    let xx = dir.join("i18n/xx.toml");
    std::fs::write(
        &xx,
        std::fs::read_to_string(&xx)
            .unwrap()
            .replace("title = \"Xile\"", "title = [\"Xile the site\", \"Xile\"]"),
    )
    .unwrap();
    let c = compile(&dir).unwrap_or_else(|e| panic!("{e}"));
    let r = &c.book.recommendations[0];
    assert_eq!(c.book.text(r.title, Lang::SOURCE), "File");
    assert_eq!(c.book.text(r.title_at(Some(0)), Lang::SOURCE), "File the site");
    assert_eq!(c.book.text(r.plan_at(None, None), Lang::SOURCE), "Plan");
    assert_eq!(c.book.text(r.plan_at(Some(0), None), Lang::SOURCE), "Plan it");
    assert!(c.book.text_keys.contains(&"rec.file.title.0") && c.book.text_keys.contains(&"rec.file.title.1"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Says the fixture's source page is in `lang` (it is in English).
fn page_in(dir: &std::path::Path, lang: &str) {
    let root = dir.join("rulebook.toml");
    let text = std::fs::read_to_string(&root).unwrap();
    let page = "quality = \"A\"\n\n[facts]";
    assert!(text.contains(&format!("lang = \"en\"\n{page}")), "the fixture's source page");
    std::fs::write(
        &root,
        text.replacen(&format!("lang = \"en\"\n{page}"), &format!("lang = \"{lang}\"\n{page}"), 1),
    )
    .unwrap();
}
