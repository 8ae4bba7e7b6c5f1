//! The `icp-advisor` binary: good input gives advice, bad input a one-line error and exit 2.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

#[path = "support/cli.rs"]
mod support;
use support::run;

fn assert_bad(stdin: &[u8], mentions: &[&str]) {
    let (code, stdout, stderr) = run(&["evaluate", "-"], stdin);
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(stdout.is_empty());
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"));
    for m in mentions {
        assert!(stderr.contains(m), "{stderr:?} should mention {m:?}");
    }
}

#[test]
fn evaluates_answers_as_json_and_text() {
    let input = br#"{"flow":"need","answers":{"hosting":"hong-kong","cdn":"none"}}"#;
    let (code, stdout, _) = run(&["evaluate"], input);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["complete"], true);
    assert_eq!(v["verdict"]["recommendation"], "no-filing-hosted-outside");
    assert_eq!(v["verdict"]["title"], "No ICP Filing is needed");
    assert!(v["verdict"]["text"].as_str().unwrap().starts_with("No — "), "{}", v["verdict"]["text"]);
    assert_eq!(v["recommendations"][0]["citations"][0]["section"], "1.2");
    let (code, text, _) = run(&["evaluate", "--format", "text"], input);
    assert_eq!(code, 0);
    assert!(text.contains("No ICP Filing is needed") && text.contains("> ICP FAQ §1.2"));
}

/// JSON and text follow the result's order: the verdict line, the one thing to do first, the
/// plan, the other ways, "Good to know".
#[test]
fn evaluate_leads_with_the_verdict_then_the_first_action_the_plan_and_other_ways() {
    // A foreign company without a presence in mainland China, hosted outside it, on mainland CDN.
    let input = br#"{"flow":"need","answers":{"hosting":"outside","cdn":"mainland","domain-kind":"top-level","domain-filing":"none","subject-filing":"none","entity":"outside","presence":"none"}}"#;
    let (code, stdout, _) = run(&["evaluate"], input);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["verdict"]["recommendation"], "initial-filing");
    assert!(
        v["verdict"]["text"].as_str().unwrap().contains("CDN in mainland China"),
        "the reason in the person's terms"
    );
    assert_eq!(
        v["first_action"]["recommendation"], "permanent-office-certificate",
        "the blocking step first"
    );
    assert_eq!(v["first_action"], v["plan"][0]);
    let numbers: Vec<u64> =
        v["plan"].as_array().unwrap().iter().map(|p| p["number"].as_u64().unwrap()).collect();
    assert_eq!(numbers, (1..=numbers.len() as u64).collect::<Vec<_>>(), "one numbered plan");
    let alternatives = v["alternatives"].as_array().unwrap();
    let intl = alternatives
        .iter()
        .find(|a| a["question"] == "cdn" && a["option"] == "international")
        .expect("international CDN offered");
    assert_eq!(intl["verdict"], "no-filing-hosted-outside");
    assert_eq!(intl["text"], "With international CDN only");
    assert_eq!(
        intl["answers"]["answers"]["cdn"], "international",
        "the other answers kept, this one changed"
    );
    assert_eq!(intl["answers"]["answers"]["hosting"], "outside");
    let good: Vec<&str> = v["good_to_know"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
    for id in &good {
        let card = v["recommendations"].as_array().unwrap().iter().find(|r| r["id"] == *id).unwrap();
        assert_eq!(card["place"], "good-to-know");
    }

    let (_, text, _) = run(&["evaluate", "--format", "text"], input);
    let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in:\n{text}"));
    let order = [
        at("## Apply for an initial ICP Filing (首次备案)"),
        at("Yes — you need an initial ICP Filing"),
        at("**Do this first:** Get a Registration Certificate"),
        at("## Your plan"),
        at("## Other ways"),
        at("- With international CDN only: No ICP Filing is needed"),
        at("## Good to know"),
        at("## Your answers"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "out of order: {order:?}");
    // The plan is the only numbered list: a card's own steps are bullets.
    let numbered: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("1. ")).collect();
    assert_eq!(numbered.len(), 1, "one list numbered from 1: {numbered:?}");
}

#[test]
fn bare_answer_maps_infer_the_flow() {
    let (code, stdout, _) = run(&["evaluate", "-"], br#"{"sc-server":"none"}"#);
    assert_eq!(code, 0);
    assert!(stdout.contains("buy-eligible-server"));
}

#[test]
fn bad_input_gets_one_line_and_exit_2() {
    assert_bad(br#"{"flow":"need","answers":{"hostng":"outside"}}"#, &["hostng"]);
    assert_bad(br#"{"flow":"need","answers":{"hosting":"moon"}}"#, &["hosting", "moon"]);
    assert_bad(br#"{"flow":"nope","answers":{}}"#, &["nope"]);
    assert_bad(br#"{"flow":"need","answers":{"sc-server":"none"}}"#, &["sc-server", "need"]);
    assert_bad(br#"{"flow":"need","answers":{"hosting":5}}"#, &["hosting", "number"]);
    assert_bad(br#"{"flow":"need","answers":[1,2]}"#, &["answers", "array"]);
    assert_bad(br#"{"flow":"need","extra":1}"#, &["extra"]);
    assert_bad(b"[1,2,3]", &["array"]);
    assert_bad(b"{not json", &["not valid JSON"]);
    assert_bad(b"", &["the answers are empty"]);
    assert_bad(b"{\"hosting\": \"\xff\xfe\"}", &["UTF-8"]);
    assert_bad(b"{}", &["no flow"]);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["evaluate", "--format", "xml"],
        &["evaluate", "--lang", "xx"],
        &[],
        &["evaluate", "/no/such/file"],
    ] {
        let (code, _, stderr) = run(args, b"");
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.starts_with("icp-advisor: error:"), "{stderr}");
    }
}

#[test]
fn questions_lists_every_flow() {
    let (code, stdout, _) = run(&["questions"], b"");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let flows: Vec<&str> = v.as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(flows, ["need", "service-code", "icp-number"]);
    assert_eq!(v[0]["questions"][0]["id"], "hosting");
}

#[test]
fn check_prints_coverage_and_path_counts() {
    let (code, stdout, _) = run(&["check"], b"");
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("paths: ") && stdout.contains("coverage: 24 of 24"), "{stdout}");
    assert!(stdout.contains("contradictions and repetitions: checked on every path"), "{stdout}");
    assert!(stdout.trim_end().ends_with("ok"));
}

// ───────────────────────────── for reviewers ─────────────────────────────

/// A copy of `rules/` in a fresh temporary folder, with `edit` applied to one file.
fn rules_copy(name: &str, file: &str, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let dir = support::copy_rules(&format!("cli-{name}"));
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit of {file} changed nothing");
    std::fs::write(&path, edited).unwrap();
    dir
}

/// Removes the `[[rule]]` table with the given id from a TOML text.
fn without_rule(text: &str, id: &str) -> String {
    let start = text.find(&format!("[[rule]]\nid = \"{id}\"")).expect("rule present");
    let end = text[start + 8..].find("\n[[").map_or(text.len(), |e| start + 8 + e + 1);
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn paths_lists_every_path_one_row_each_in_csv() {
    let (code, csv, _) = run(&["paths", "--format", "csv"], b"");
    assert_eq!(code, 0);
    let (_, check, _) = run(&["check"], b"");
    let total: usize = check
        .lines()
        .find_map(|l| l.strip_prefix("paths: "))
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(csv.lines().count(), total + 1, "a header and one row per path");
    assert!(csv.starts_with("flow,path,answers,verdict,recommendations,titles\n"));
    let (code, md, _) = run(&["paths", "--flow", "icp-number", "--format", "markdown"], b"");
    assert_eq!(code, 0);
    assert!(md.contains("## icp-number #9") && !md.contains("## need #1"), "{md}");
    let (code, json, _) = run(&["paths", "--flow", "service-code", "--format", "json"], b"");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v.as_array().unwrap().iter().all(|p| p["flow"] == "service-code" && p["verdict"].is_string()));
    let (code, _, err) = run(&["paths", "--flow", "nope"], b"");
    assert_eq!(code, 2, "{err}");
}

#[test]
fn diff_of_an_unchanged_rulebook_exits_0() {
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/rulebook.toml");
    let (code, out, err) = run(&["diff", rules.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("0 changed"), "{out}");
}

#[test]
fn diff_names_exactly_the_paths_a_removed_rule_affects() {
    // Remove the rule that warns to keep the website closed.
    let old = rules_copy("diff-removed", "faq/1.2.toml", |t| without_rule(&t, "closed-until-filed"));
    let (code, out, err) = run(&["diff", old.to_str().unwrap(), "--format", "json", "--all"], b"");
    assert_eq!(code, 1, "{out}{err}");
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    let groups = d["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{out}");
    assert_eq!(groups[0]["changes"][0]["change"], "added", "the new rulebook has it, the old one not");
    assert_eq!(groups[0]["changes"][0]["recommendation"], "no-website-until-filed");
    // Exactly the paths where `icp-advisor paths` shows the recommendation.
    let (_, csv, _) = run(&["paths", "--format", "csv"], b"");
    let expected: Vec<String> = csv
        .lines()
        .skip(1)
        .filter(|row| row.contains("no-website-until-filed"))
        .map(|row| {
            let cols: Vec<&str> = row.splitn(4, ',').collect();
            format!("{}: {}", cols[0], cols[2])
        })
        .collect();
    let mut named: Vec<String> =
        groups[0]["paths"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
    let mut expected = expected;
    named.sort();
    expected.sort();
    assert_eq!(named, expected);
    assert_eq!(groups[0]["count"], expected.len());
    let _ = std::fs::remove_dir_all(old);
}

#[test]
fn diff_summary_counts_each_change_once_with_its_paths() {
    let old = rules_copy("diff-summary", "faq/1.2.toml", |t| without_rule(&t, "closed-until-filed"));
    let (code, json_out, _) = run(&["diff", old.to_str().unwrap(), "--format", "json"], b"");
    assert_eq!(code, 1);
    let d: serde_json::Value = serde_json::from_str(&json_out).unwrap();
    let count = d["groups"][0]["count"].as_u64().unwrap();
    let (code, out, err) = run(&["diff", old.to_str().unwrap(), "--format", "summary"], b"");
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains(&format!("| + `no-website-until-filed` added | {count} |")), "{out}");
}

#[test]
fn diff_groups_a_changed_condition_and_markdown_shows_an_example() {
    // In the old rulebook, the province card was shown to individuals too.
    let old = rules_copy("diff-cond", "faq/1.2.toml", |t| {
        t.replace("when = \"will-file and entity = mainland | outside\"", "when = \"will-file\"")
    });
    let (code, out, _) = run(&["diff", old.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("− `file-in-licence-province` removed")
            || out.contains("`file-in-licence-province` removed"),
        "{out}"
    );
    assert!(out.contains("Example: need: ") && out.contains("entity=individual"), "{out}");
    let _ = std::fs::remove_dir_all(old);
}

/// A note that negates what a plan step states, without saying it in the step (`amend`), is a
/// contradiction `check` names: the step, the note and both facts.
#[test]
fn check_finds_a_note_that_negates_a_step() {
    let without_amend = |t: String| {
        let start = t.find("\namend = ").expect("the note speaks in the step") + 1;
        let end = start + t[start..].find('\n').unwrap() + 1;
        format!("{}{}", &t[..start], &t[end..])
    };
    let planted = rules_copy("step-note", "practice/service-codes.toml", without_amend);
    // (and its translation)
    for lang in std::fs::read_dir(planted.join("i18n")).unwrap().map(|e| e.unwrap().path()) {
        let text = std::fs::read_to_string(&lang).unwrap();
        if text.contains("\namend = ") {
            std::fs::write(&lang, without_amend(text)).unwrap();
        }
    }
    let (code, out, _) = run(&["check", planted.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("a step and a note contradict each other: step `get-service-code` states separate-service-code = needed, but note `service-code-same-account` on the same path negates it (separate-service-code = not-needed-from-the-buying-account)"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(planted);
}

#[test]
fn diff_and_check_refuse_a_broken_rulebook_naming_the_place() {
    let broken = rules_copy("broken", "faq/1.2.toml", |t| {
        t.replace("then = [\"no-website-until-filed\"]", "then = [\"no-website-untill-filed\"]")
    });
    let (code, _, err) = run(&["diff", broken.to_str().unwrap()], b"");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("faq/1.2.toml:")
            && err.contains("rule `closed-until-filed`: unknown recommendation `no-website-untill-filed`"),
        "{err}"
    );
    let (code, out, _) = run(&["check", broken.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("unknown recommendation `no-website-untill-filed`") && out.contains("FAILED"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(broken);
}

/// Breaking one rule on purpose — the keep-closed warning shown to a website hosted outside
/// behind mainland CDN — makes the check fail, naming the path and both facts.
#[test]
fn check_finds_a_planted_contradiction_and_names_the_path_and_both_facts() {
    let planted = rules_copy("contradiction", "faq/1.2.toml", |t| {
        t.replace(
            "when = \"unfiled and mainland-hosting and not cannot-file\"",
            "when = \"unfiled and not cannot-file\"",
        )
    });
    let (code, out, _) = run(&["check", planted.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("problem: ") && l.contains("contradiction:"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("path need: hosting=") && line.contains("cdn=mainland"), "{line}");
    assert!(line.contains("site = closed-until-approved") && line.contains("site = may-stay-open"), "{line}");
    assert!(
        line.contains("`no-website-until-filed`") && line.contains("`mainland-cdn-after-approval`"),
        "{line}"
    );
    let _ = std::fs::remove_dir_all(planted);
}

#[test]
fn check_of_the_rulebook_folder_is_the_check_of_the_embedded_rulebook() {
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let (code, out, _) = run(&["check", rules.to_str().unwrap()], b"");
    let (code2, out2, _) = run(&["check"], b"");
    assert_eq!((code, out), (code2, out2));
}

#[test]
fn explain_shows_an_item_with_its_condition_in_words_and_its_paths() {
    let (code, out, _) = run(&["explain", "file-in-licence-province"], b"");
    assert_eq!(code, 0);
    assert!(
        out.contains("# Recommendation `file-in-licence-province`") && out.contains("rule `filing-province`"),
        "{out}"
    );
    assert!(out.contains("“Who will the website be filed for?” is “A company or organisation registered in mainland China” or “A company registered outside mainland China”"), "{out}");
    assert!(out.contains("Reached on ") && out.contains("Example path: need: hosting="), "{out}");
    for id in ["closed-until-filed", "province", "hosting", "icp-faq"] {
        let (code, out, _) = run(&["explain", id], b"");
        assert_eq!(code, 0, "{id}: {out}");
        assert!(out.contains(&format!("`{id}`")), "{out}");
    }
    let (code, _, err) = run(&["explain", "no-such-thing"], b"");
    assert_eq!(code, 2, "{err}");
}

/// A changed English text makes its translation stale: the English shows instead, `check`
/// fails naming it, `texts --stale` lists it, and `texts --stamp` (after the translator has
/// looked) takes the translation again.
#[test]
fn a_changed_english_text_makes_its_translation_stale_until_stamped() {
    let dir = rules_copy("stale", "flows/need.toml", |t| {
        t.replace(
            "prompt = \"Where is the server that runs your website, or will run it?\"",
            "prompt = \"Where does your website run, or where will it run?\"",
        )
    });
    let rules = dir.to_str().unwrap();
    let c = icp_rules::compile::compile(&dir).unwrap();
    assert_eq!(c.stale, vec![("zh-CN".to_string(), "question.hosting.prompt".to_string())]);
    let zh = c.book.lang("zh-CN").unwrap();
    let q = c.book.question("hosting").unwrap();
    assert_eq!(
        c.book.text(c.book.questions[q].prompt, zh),
        "Where does your website run, or where will it run?",
        "the English shows, not the old translation"
    );

    let (code, out, _) = run(&["check", rules], b"");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("problem: translation stale: zh-CN: question.hosting.prompt"), "{out}");
    let (code, out, _) = run(&["texts", "--stale", "zh-CN", "--rules", rules], b"");
    assert_eq!(
        (code, out.as_str()),
        (0, "question.hosting.prompt\tWhere does your website run, or where will it run?\n")
    );

    let (code, out, _) = run(&["texts", "--missing", "zh-CN", "--rules", rules], b"");
    assert_eq!((code, out.as_str()), (0, ""), "stale is not missing: the translation is there");
    let (code, out, err) = run(&["texts", "--stamp", "zh-CN", "--rules", rules], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(1 of them stale until now)"), "{out}");
    let c = icp_rules::compile::compile(&dir).unwrap();
    assert!(c.stale.is_empty() && c.untracked.is_empty());
    let zh = c.book.lang("zh-CN").unwrap();
    assert_eq!(c.book.text(c.book.questions[q].prompt, zh), "网站的服务器在哪里（或打算放在哪里）？");

    // Without a lock file, the translations are untracked, and `check` says so.
    std::fs::remove_file(dir.join("i18n/zh-CN.lock")).unwrap();
    let (code, out, _) = run(&["check", rules], b"");
    assert_eq!(code, 1);
    assert!(out.contains("problem: translation untracked: zh-CN has no i18n/zh-CN.lock"), "{out}");
    // A damaged lock file is an error naming its line.
    std::fs::write(dir.join("i18n/zh-CN.lock"), "# ok\nquestion.hosting.prompt not-a-hash\n").unwrap();
    let err = icp_rules::compile::compile(&dir).err().expect("a damaged lock fails").to_string();
    assert!(err.ends_with("zh-CN.lock:2: expected `key fingerprint` (16 hex digits): write this file with `icp-advisor texts --stamp`"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ───────────────────────────── bounded, one message per mistake ─────────────────────────────

/// Each mistake has a message of its own: an unknown option is named as unknown (not asked for
/// a value), a byte order mark, a key given twice, empty input, too much on standard input
/// (not a made-up size).
#[test]
fn each_mistake_gets_its_own_message() {
    let (code, _, err) = run(&["evaluate", "--bogus"], b"");
    assert_eq!(
        (code, err.trim()),
        (
            2,
            "icp-advisor: error: unknown option --bogus (expected one of: --format, --lang, --lens, --rules)"
        )
    );
    let (code, _, err) = run(&["paths", "--frmat=csv"], b"");
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown option --frmat (expected one of: --flow, --format, --lang, --rules)"),
        "{err}"
    );
    assert_bad(b"\xef\xbb\xbf{\"sc-server\": \"none\"}", &["byte order mark (U+FEFF)"]);
    assert_bad(
        br#"{"flow":"need","answers":{"hosting":"outside","hosting":"hong-kong"}}"#,
        &["the key \"hosting\" is given a second time at line 1 column 47: each key may appear once"],
    );
    assert_bad(br#"{"flow":"need","flow":"need"}"#, &["the key \"flow\" is given a second time"]);
    assert_bad(b" \n", &["the answers are empty"]);
    // Keys are checked in sorted order, however they were written.
    assert_bad(
        br#"{"zzz":"x","cdn":5}"#,
        &["answer to \"cdn\" must be an option id (a string), got a number"],
    );
    let (code, _, err) = run(&["evaluate"], &vec![b' '; 2 << 20]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "icp-advisor: error: standard input has more than 1048576 bytes; at most 1048576 are accepted"
    );
}

/// Only bounded regular files are read: a huge file is refused by its size before it is read,
/// a device or a FIFO without reading (or waiting for) anything.
#[cfg(unix)]
#[test]
fn evaluate_reads_only_a_bounded_regular_file() {
    let dir = std::env::temp_dir().join(format!("icp-cli-files-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let huge = dir.join("huge.json");
    std::fs::File::create(&huge).unwrap().set_len(200 << 20).unwrap();
    let fifo = dir.join("fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for (file, want) in [
        (huge.to_str().unwrap(), format!("{} is 209715200 bytes; at most 1048576 are accepted", huge.display())),
        ("/dev/zero", "/dev/zero: cannot read: it is a character device, not a regular file (answers can also come on standard input: -)".to_string()),
        (fifo.to_str().unwrap(), format!("{}: cannot read: it is a FIFO (a named pipe), not a regular file (answers can also come on standard input: -)", fifo.display())),
        (dir.to_str().unwrap(), format!("{}: cannot read: it is a folder, not a regular file (answers can also come on standard input: -)", dir.display())),
    ] {
        let (code, out, err) = run(&["evaluate", file], b"");
        assert_eq!((code, out.as_str(), err.trim()), (2, "", format!("icp-advisor: error: {want}").as_str()));
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// A condition nested 20,000 deep used to overflow the stack (exit 134, no place named): every
/// command that compiles a rulebook now refuses it with `file:line` and a documented exit code.
#[test]
fn a_deeply_nested_condition_is_refused_with_its_place_by_every_command() {
    let deep = rules_copy("deep", "faq/1.2.toml", |t| {
        t.replacen("when = \"", &format!("when = \"{}", "not ".repeat(20_000)), 1)
    });
    let path = deep.to_str().unwrap();
    for (args, code) in [
        (vec!["check", path], 1),
        (vec!["diff", path], 2),
        (vec!["paths", "--rules", path], 2),
        (vec!["evaluate", "--rules", path], 2),
        (vec!["questions", "--rules", path], 2),
    ] {
        let (got, out, err) = run(&args, br#"{"sc-server":"none"}"#);
        assert_eq!(got, code, "{args:?}: {err}");
        let said = if code == 1 { &out } else { &err };
        assert!(
            said.contains("faq/1.2.toml:") && said.contains("the condition nests more than 32 levels deep"),
            "{args:?}: {said}"
        );
    }
    let _ = std::fs::remove_dir_all(deep);
}

#[path = "corpus/answers.rs"]
mod corpus;

/// The seed of the shared corpus of answers (`tests/ui.rs` gives the JS API the same inputs and
/// requires the same messages).
const CORPUS_SEED: u64 = 0x1d2c_3b4a_5968_7f01;

/// The binary says of every input of the shared corpus what `answers::answers_from_bytes` says
/// (one line, exit 2), or gives advice (exit 0) — the function the JS API's test holds its
/// messages to, in the browser.
#[test]
fn the_cli_answers_the_shared_corpus_as_answers_from_bytes_does() {
    use icp_advisor::rulebook::RULEBOOK;
    let inputs = corpus::corpus(CORPUS_SEED, 2_000);
    let mut wrong = Vec::new();
    let mut refused = 0;
    for input in &inputs {
        let (code, _, err) = run(&["evaluate", "-"], input.as_bytes());
        let want = match icp_advisor::answers::answers_from_bytes(&RULEBOOK, input.as_bytes()) {
            Ok(_) => (0, String::new()),
            Err(m) => {
                refused += 1;
                (2, format!("icp-advisor: error: {m}"))
            }
        };
        if (code, err.trim_end().to_string()) != want {
            wrong.push(format!("{input:?}: exit {code}, {err:?}; want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {}:\n{}", wrong.len(), inputs.len(), wrong.join("\n"));
    assert!(refused > 1_400, "the corpus is mostly mistakes ({refused} of {})", inputs.len());
}

/// `check` holds what the sources' words are taken to be, and the other-language pages a source
/// links to, to the notes: words said to be Chinese must be, and a version's address must be one
/// current-practice.md gives beside the source.
#[test]
fn check_holds_the_words_language_and_the_versions_to_the_notes() {
    let dir = rules_copy("words-lang", "practice/keeping-the-filing.toml", |t| {
        t.replace(r#"quote = "no validity period", lang = "en""#, r#"quote = "no validity period""#)
    });
    // (Words taken to be Chinese need no Chinese rendering: it goes.)
    let zh = dir.join("i18n/zh-CN.toml");
    std::fs::write(&zh, std::fs::read_to_string(&zh).unwrap().replace("d70fa6bd = \"没有有效期\"\n", ""))
        .unwrap();
    let (code, out, _) = run(&["check", dir.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("problem: the words \"no validity period\" of `tc-docs` are taken to be in zh-CN"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);

    let dir = rules_copy("versions", "practice/sources.toml", |t| {
        t.replace("https://alibabacloud.com/help/tc/icp-filing/basic-icp-service/user-guide/icp-filing-server-access-information-check", "https://alibabacloud.com/help/tc/somewhere-else")
    });
    let (code, out, _) = run(&["check", dir.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("problem: source `ali-server`: its zh-TW version https://alibabacloud.com/help/tc/somewhere-else is not given beside `ALI-SERVER` in the notes"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
