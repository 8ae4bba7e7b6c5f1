//! The offline domain check: a name as a person types it (`shop.example.com.cn`, `中文.中国`,
//! `xn--fiqs8s`), read without failing, split into the registered domain and the name under
//! it, and what the sources say of it (`provinces/domains.toml`: suffixes named as not fileable,
//! the MIIT-approved suffix and registrar, the province's validity rule, names under a
//! registered domain). No network request: everything is in the rulebook. Serves the CLI
//! (`icp-advisor domain`) and the JS API (`checkDomain`).

use crate::rulebook::Rulebook;
use std::fmt;

/// The most characters of a name (its ASCII form), as DNS allows.
pub const MAX_NAME: usize = 253;
/// The most characters of one label (its ASCII form).
pub const MAX_LABEL: usize = 63;

/// Why a name cannot be checked: each says it in one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    Empty,
    TooLong(usize),
    EmptyLabel,
    LabelTooLong(String),
    BadChar(char),
    BadHyphen(String),
    BadPunycode(String),
    Ip,
    Url,
    SingleLabel(String),
    OnlySuffix(String),
    NumericTld,
    UnknownProvince(String),
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainError::Empty => write!(f, "no domain name given (e.g. example.com)"),
            DomainError::TooLong(n) => {
                write!(f, "the name is {n} characters long; a domain name has at most {MAX_NAME}")
            }
            DomainError::EmptyLabel => write!(f, "the name has an empty part between two dots"),
            DomainError::LabelTooLong(l) => {
                write!(f, "the part `{l}` is longer than {MAX_LABEL} characters")
            }
            DomainError::BadChar(c) => write!(f, "the character {c:?} cannot be in a domain name"),
            DomainError::BadHyphen(l) => write!(f, "the part `{l}` starts or ends with a hyphen"),
            DomainError::BadPunycode(l) => write!(f, "the part `{l}` is not a valid internationalised (xn--) label"),
            DomainError::Ip => write!(f, "that is an IP address, not a domain name: a website reached only by IP address is filed differently (see the `need` flow)"),
            DomainError::Url => write!(f, "give the name only, without http://, a path, a port or a query (e.g. example.com)"),
            DomainError::SingleLabel(l) => write!(f, "`{l}` has no dot: give the whole domain name (e.g. example.com)"),
            DomainError::OnlySuffix(s) => write!(f, "`{s}` is a suffix, not a registered domain: give the name registered under it (e.g. example.{s})"),
            DomainError::NumericTld => write!(f, "the last part of a domain name cannot be all digits"),
            DomainError::UnknownProvince(p) => write!(f, "unknown province `{p}` (one of the options of the question `file-in`, e.g. shanghai)"),
        }
    }
}

/// What the check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainReport {
    /// The name in its ASCII form (`xn--…` for internationalised labels), lower case.
    pub ascii: String,
    /// The name as people read it (internationalised labels decoded).
    pub unicode: String,
    /// The registered domain (what is filed), in both forms.
    pub registrable: String,
    pub registrable_unicode: String,
    /// The name under the registered domain (`shop` of `shop.example.com`), if any.
    pub under: Option<String>,
    /// The suffix the domain is registered under (`com.cn`, `io`, `中国`).
    pub suffix: String,
    /// The answer to the `need` flow's `domain-kind` question: `top-level` for the registered
    /// domain itself (or `www.` under it), `second-level` for another name under it.
    pub domain_kind: &'static str,
    /// The notes of `book.domain_notes` that hold for this name and province, in order.
    pub notes: Vec<usize>,
    /// Whether a note that holds names a known problem (the CLI exits 1).
    pub problem: bool,
}

/// Reads a name and checks it. `province` is an option id of `file-in` (`shanghai`).
pub fn check(book: &Rulebook, input: &str, province: Option<&str>) -> Result<DomainReport, DomainError> {
    if let Some(p) = province {
        let known =
            book.question("file-in").is_some_and(|q| book.questions[q].options.iter().any(|o| o.id == p));
        if !known {
            return Err(DomainError::UnknownProvince(p.chars().take(40).collect()));
        }
    }
    let (ascii_labels, unicode_labels) = labels(input)?;
    let n = ascii_labels.len();
    let joined = |ls: &[String]| ls.join(".");
    // The suffix: a listed second-level suffix (`com.cn`), else the last label.
    let two = (n >= 2).then(|| joined(&ascii_labels[n - 2..]));
    let listed = |s: &str| book.second_level_suffixes.contains(&s);
    let suffix_len = match &two {
        Some(t) if listed(t) => 2,
        _ => 1,
    };
    if n <= suffix_len {
        return Err(DomainError::OnlySuffix(joined(&unicode_labels)));
    }
    let reg = n - suffix_len - 1;
    let under = (reg > 0).then(|| joined(&unicode_labels[..reg]));
    let domain_kind = match under.as_deref() {
        None | Some("www") => "top-level",
        Some(_) => "second-level",
    };
    let suffix_ascii = joined(&ascii_labels[n - suffix_len..]);
    let suffix_unicode = joined(&unicode_labels[n - suffix_len..]);
    let tld = (ascii_labels[n - 1].as_str(), unicode_labels[n - 1].as_str());
    let mut notes = Vec::new();
    let mut problem = false;
    for (i, d) in book.domain_notes.iter().enumerate() {
        let suffix_holds = d.suffixes.is_empty()
            || d.suffixes.iter().any(|s| {
                *s == suffix_ascii
                    || *s == suffix_unicode
                    || (suffix_len == 1 && (*s == tld.0 || *s == tld.1))
            });
        let under_holds = !d.under || under.as_deref().is_some_and(|u| u != "www");
        let province_holds = match province {
            Some(p) => (d.provinces.is_empty() || d.provinces.contains(&p)) && !d.not_provinces.contains(&p),
            // No province given: what holds everywhere, and each province's own rule (its
            // words name the province).
            None => true,
        };
        if suffix_holds && under_holds && province_holds {
            notes.push(i);
            let here = d.provinces.is_empty() || province.is_some_and(|p| d.provinces.contains(&p));
            problem |= d.problem && here;
        }
    }
    Ok(DomainReport {
        ascii: joined(&ascii_labels),
        unicode: joined(&unicode_labels),
        registrable: joined(&ascii_labels[reg..]),
        registrable_unicode: joined(&unicode_labels[reg..]),
        under,
        suffix: suffix_unicode,
        domain_kind,
        notes,
        problem,
    })
}

/// The labels of a name, in ASCII and as read, or why it is not a domain name.
fn labels(input: &str) -> Result<(Vec<String>, Vec<String>), DomainError> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(DomainError::Empty);
    }
    // (A rough bound before any work: four bytes per character of the longest name.)
    if raw.len() > MAX_NAME * 4 {
        return Err(DomainError::TooLong(raw.chars().count()));
    }
    if raw.contains("://") || raw.contains(['/', '?', '#', '@', '\\']) {
        return Err(DomainError::Url);
    }
    if raw.contains(':') {
        return Err(if raw.trim_matches(['[', ']']).parse::<std::net::Ipv6Addr>().is_ok() {
            DomainError::Ip
        } else {
            DomainError::Url
        });
    }
    let dotted: String = raw.chars().map(|c| if matches!(c, '。' | '．' | '｡') { '.' } else { c }).collect();
    let name = dotted.strip_suffix('.').unwrap_or(&dotted);
    if name.parse::<std::net::Ipv4Addr>().is_ok() {
        return Err(DomainError::Ip);
    }
    let mut ascii = Vec::new();
    let mut unicode = Vec::new();
    for label in name.split('.') {
        if label.is_empty() {
            return Err(DomainError::EmptyLabel);
        }
        let lower = label.to_lowercase();
        let (a, u) = if lower.is_ascii() {
            if let Some(code) = lower.strip_prefix("xn--") {
                let decoded = punycode_decode(code).ok_or_else(|| DomainError::BadPunycode(lower.clone()))?;
                if decoded.is_ascii() || decoded.chars().any(|c| !c.is_alphanumeric() && c != '-') {
                    return Err(DomainError::BadPunycode(lower.clone()));
                }
                (lower.clone(), decoded)
            } else {
                if let Some(c) = lower.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
                    return Err(DomainError::BadChar(c));
                }
                (lower.clone(), lower.clone())
            }
        } else {
            if let Some(c) = lower.chars().find(|c| !(c.is_alphanumeric() || *c == '-')) {
                return Err(DomainError::BadChar(c));
            }
            (format!("xn--{}", punycode_encode(&lower)), lower.clone())
        };
        if a.starts_with('-') || a.ends_with('-') {
            return Err(DomainError::BadHyphen(u));
        }
        if a.len() > MAX_LABEL {
            return Err(DomainError::LabelTooLong(u));
        }
        ascii.push(a);
        unicode.push(u);
    }
    let total = ascii.iter().map(String::len).sum::<usize>() + ascii.len() - 1;
    if total > MAX_NAME {
        return Err(DomainError::TooLong(total));
    }
    if ascii.len() < 2 {
        return Err(DomainError::SingleLabel(unicode.concat()));
    }
    if ascii.last().is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit())) {
        return Err(DomainError::NumericTld);
    }
    Ok((ascii, unicode))
}

// ── Punycode (RFC 3492), for internationalised labels ────────────────────────────────────
const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;

/// The threshold of a digit at position `k` (RFC 3492, 6.1 and 6.2): `k - bias`, clamped to
/// `T_MIN..=T_MAX`.
fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        T_MIN
    } else if k >= bias + T_MAX {
        T_MAX
    } else {
        k - bias
    }
}
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
    delta /= if first { DAMP } else { 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

fn digit(d: u32) -> char {
    (if d < 26 { b'a' + d as u8 } else { b'0' + (d - 26) as u8 }) as char
}

/// The Punycode of a label (without `xn--`).
pub fn punycode_encode(input: &str) -> String {
    let chars: Vec<u32> = input.chars().map(u32::from).collect();
    let mut out: String = input.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    while (handled as usize) < chars.len() {
        let m = chars.iter().copied().filter(|&c| c >= n).min().unwrap_or(n);
        delta = delta.saturating_add((m - n).saturating_mul(handled + 1));
        n = m;
        for &c in &chars {
            if c < n {
                delta = delta.saturating_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    out
}

/// The label a Punycode string (without `xn--`) stands for; `None` if it is not valid.
pub fn punycode_decode(input: &str) -> Option<String> {
    let (basic, rest) = match input.rfind('-') {
        Some(i) => (&input[..i], &input[i + 1..]),
        None => ("", input),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut out: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let mut it = rest.bytes().peekable();
    while it.peek().is_some() {
        let old = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let b = it.next()?;
            let d = match b {
                b'a'..=b'z' => u32::from(b - b'a'),
                b'A'..=b'Z' => u32::from(b - b'A'),
                b'0'..=b'9' => u32::from(b - b'0') + 26,
                _ => return None,
            };
            i = i.checked_add(d.checked_mul(w)?)?;
            let t = threshold(k, bias);
            if d < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = out.len() as u32 + 1;
        bias = adapt(i - old, len, old == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        out.insert(i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punycode_follows_the_rfc() {
        // RFC 3492 §7.1 (A) Arabic, (B) Chinese (simplified), and the names people type.
        let cases = [
            ("\u{644}\u{64a}\u{647}\u{645}\u{627}\u{628}\u{62a}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}\u{64a}\u{61f}", "egbpdaj6bu4bxfgehfvwxn"),
            ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
            ("中文", "fiq228c"),
            ("中国", "fiqs8s"),
            ("bücher", "bcher-kva"),
        ];
        for (u, p) in cases {
            assert_eq!(punycode_encode(u), p, "{u}");
            assert_eq!(punycode_decode(p).as_deref(), Some(u), "{p}");
        }
        assert_eq!(punycode_decode("zz!"), None);
    }
}

/// The check's result as data (the CLI's `--format json`, the JS API's `checkDomain`), in one
/// language.
#[derive(Clone, Debug, serde::Serialize, PartialEq)]
pub struct DomainOut {
    /// The name as read, and its ASCII form.
    pub name: String,
    pub ascii: String,
    /// The registered domain (what is filed), as read and in ASCII.
    pub registrable: String,
    pub registrable_ascii: String,
    /// The name under the registered domain, or `null`.
    pub under: Option<String>,
    pub suffix: String,
    /// The answer to the `need` flow's `domain-kind` question this name gives.
    pub answer: crate::report::AnswerOut,
    /// Whether a source names something that stands in the way (the CLI exits 1).
    pub problem: bool,
    pub notes: Vec<DomainNoteOut>,
}

#[derive(Clone, Debug, serde::Serialize, PartialEq)]
pub struct DomainNoteOut {
    pub id: &'static str,
    pub text: &'static str,
    pub problem: bool,
    pub citations: Vec<crate::report::CitationOut>,
}

/// The report in a language.
pub fn output(book: &Rulebook, r: &DomainReport, lang: crate::rulebook::Lang) -> DomainOut {
    let q = book.question("domain-kind").expect("the need flow asks what kind of name it is");
    let o = book.questions[q].options.iter().position(|o| o.id == r.domain_kind).unwrap_or(0);
    DomainOut {
        name: r.unicode.clone(),
        ascii: r.ascii.clone(),
        registrable: r.registrable_unicode.clone(),
        registrable_ascii: r.registrable.clone(),
        under: r.under.clone(),
        suffix: r.suffix.clone(),
        answer: crate::report::answer_out(book, q, o, lang),
        problem: r.problem,
        notes: r
            .notes
            .iter()
            .map(|&i| {
                let d = &book.domain_notes[i];
                DomainNoteOut {
                    id: d.id,
                    text: book.text(d.text, lang),
                    problem: d.problem,
                    citations: d.cites.iter().map(|c| crate::report::citation_out(book, c, lang)).collect(),
                }
            })
            .collect(),
    }
}

/// The report as text (the CLI's default): the split, the answer to the domain question,
/// whether something stands in the way, and each note with its sources.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_text(book: &Rulebook, out: &DomainOut, lang: crate::rulebook::Lang) -> String {
    use crate::i18n::{fill, strings};
    use std::fmt::Write as _;
    let s = strings(lang);
    let mut w = String::new();
    let _ = writeln!(w, "# {}\n", fill(s.domain_heading, &[("name", &out.name)]));
    let _ = writeln!(w, "{}", fill(s.domain_registered, &[("domain", &out.registrable)]));
    if let Some(under) = &out.under {
        let _ = writeln!(w, "{}", fill(s.domain_under, &[("name", under)]));
    }
    let _ =
        writeln!(w, "{}", fill(s.answered, &[("prompt", out.answer.prompt), ("answer", out.answer.label)]));
    let _ = writeln!(w);
    let _ = writeln!(w, "{}", if out.problem { s.domain_problem } else { s.domain_nothing });
    for n in &out.notes {
        let _ = writeln!(w);
        let _ = writeln!(w, "- {}", n.text);
        crate::report::citation_lines(book, &mut w, &n.citations, "  ", lang);
    }
    w
}
