//! The `icp-advisor` binary: good input gives advice, bad input a one-line error and exit 2.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_icp-advisor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

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
    assert_eq!(v["verdict"], "no-filing-hosted-outside");
    assert_eq!(v["recommendations"][0]["citations"][0]["section"], "1.2");
    let (code, text, _) = run(&["evaluate", "--format", "text"], input);
    assert_eq!(code, 0);
    assert!(text.contains("No ICP Filing is needed") && text.contains("> ICP FAQ §1.2"));
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
    assert_bad(b"", &["not valid JSON"]);
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
    assert!(stdout.trim_end().ends_with("ok"));
}
