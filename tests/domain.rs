//! The offline domain check (`icp-advisor domain`, `domain::check`): the split of a name into
//! the registered domain and the name under it, what the sources say of it, and a clear
//! one-line refusal of what is not a domain name, with the exit codes the CLI promises.

use icp_advisor::domain::{check, DomainError};
use icp_advisor::rulebook::RULEBOOK;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_icp-advisor")).args(args).output().expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn notes(name: &str, province: Option<&str>) -> Vec<&'static str> {
    check(&RULEBOOK, name, province).unwrap().notes.iter().map(|&i| RULEBOOK.domain_notes[i].id).collect()
}

#[test]
fn a_name_under_a_com_cn_domain_is_split_and_answers_the_domain_question() {
    let r = check(&RULEBOOK, "Shop.Example.com.cn.", None).unwrap();
    assert_eq!(
        (r.registrable.as_str(), r.under.as_deref(), r.suffix.as_str()),
        ("example.com.cn", Some("shop"), "com.cn")
    );
    assert_eq!(r.domain_kind, "second-level");
    assert!(!r.problem);
    assert!(notes("shop.example.com.cn", None).contains(&"only-the-registered-domain"));
    // www. under the registered domain is the registered domain, as the question says.
    let r = check(&RULEBOOK, "www.example.com", None).unwrap();
    assert_eq!((r.registrable.as_str(), r.domain_kind), ("example.com", "top-level"));
    assert!(!notes("www.example.com", None).contains(&"only-the-registered-domain"));

    let (code, out, err) = run(&["domain", "shop.example.com.cn"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Registered domain (what is filed): example.com.cn"), "{out}");
    assert!(out.contains("Name under it: shop"), "{out}");
    assert!(out.contains("A name under a registered domain"), "{out}");
    assert!(out.contains("domain.miit.gov.cn"), "{out}");
    assert!(out.contains("quality A"), "each source says its quality: {out}");
}

#[test]
fn a_suffix_the_sources_name_as_not_fileable_is_a_known_problem() {
    let (code, out, _) = run(&["domain", "example.io"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(".io"), "the source's words: {out}");
    // Beijing's list (Tencent Cloud) holds in Beijing: .org is a problem there only.
    assert_eq!(run(&["domain", "example.org", "--province", "beijing"]).0, 1);
    assert_eq!(run(&["domain", "example.org", "--province", "zhejiang"]).0, 0);
    assert_eq!(
        run(&["domain", "example.org"]).0,
        0,
        "no province: Beijing's list is shown, not held against it"
    );
    assert!(notes("example.org", None).contains(&"suffix-not-fileable-beijing"));
    // The province's validity rule.
    assert!(notes("example.com", Some("shanghai")).contains(&"validity-shanghai"));
    assert!(!notes("example.com", Some("shanghai")).contains(&"validity-elsewhere"));
    assert!(notes("example.com", Some("gansu")).contains(&"validity-elsewhere"));
}

#[test]
fn internationalised_names_work_both_ways() {
    let a = check(&RULEBOOK, "中文.中国", None).unwrap();
    let b = check(&RULEBOOK, "XN--FIQ228C.xn--fiqs8s", None).unwrap();
    assert_eq!((a.ascii.as_str(), a.unicode.as_str()), ("xn--fiq228c.xn--fiqs8s", "中文.中国"));
    assert_eq!(a, b);
    assert_eq!(check(&RULEBOOK, "中文。中国", None).unwrap().ascii, a.ascii, "a Chinese full stop is a dot");
    let (code, out, _) = run(&["domain", "中文.中国", "--format", "json", "--lang", "zh-CN"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("\"ascii\": \"xn--fiq228c.xn--fiqs8s\"") && out.contains("\"option\": \"top-level\""),
        "{out}"
    );
}

#[test]
fn what_is_not_a_domain_name_gets_one_line_and_exit_2() {
    let long = format!("{}.com", vec!["a".repeat(60); 5].join("."));
    let cases: [(&str, DomainError); 10] = [
        ("", DomainError::Empty),
        ("  ", DomainError::Empty),
        ("192.168.1.1", DomainError::Ip),
        ("::1", DomainError::Ip),
        ("https://example.com/path", DomainError::Url),
        ("example.com:8080", DomainError::Url),
        ("localhost", DomainError::SingleLabel("localhost".into())),
        ("a..com", DomainError::EmptyLabel),
        ("exa mple.com", DomainError::BadChar(' ')),
        ("com.cn", DomainError::OnlySuffix("com.cn".into())),
    ];
    for (input, want) in cases {
        assert_eq!(check(&RULEBOOK, input, None), Err(want), "{input:?}");
        let (code, out, err) = run(&["domain", input]);
        assert_eq!(code, 2, "{input:?}: {out}");
        assert!(
            out.is_empty() && err.lines().count() == 1 && err.starts_with("icp-advisor: error: "),
            "{input:?}: {err}"
        );
    }
    assert!(matches!(check(&RULEBOOK, &long, None), Err(DomainError::TooLong(_))));
    assert!(matches!(
        check(&RULEBOOK, &format!("{}.com", "a".repeat(64)), None),
        Err(DomainError::LabelTooLong(_))
    ));
    let (code, _, err) = run(&["domain", "example.com", "--province", "atlantis"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown province"), "{err}");
    assert_eq!(run(&["domain"]).0, 2);
    assert_eq!(run(&["domain", "a.com", "b.com"]).0, 2);
}

#[test]
fn every_note_is_translated_and_cited() {
    assert!(!RULEBOOK.domain_notes.is_empty() && RULEBOOK.second_level_suffixes.contains(&"com.cn"));
    for d in RULEBOOK.domain_notes {
        assert!(!d.cites.is_empty(), "{}", d.id);
    }
    let (code, out, _) = run(&["domain", "shop.example.com.cn", "--lang", "zh-CN"]);
    assert_eq!(code, 0);
    assert!(out.contains("注册的域名（备案的对象）：example.com.cn") && out.contains("工信部"), "{out}");
}
