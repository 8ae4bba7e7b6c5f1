//! The shared corpus of answers for the CLI and the JS API (issue 21: "the same message for the
//! same input"): mutations of valid answers, deterministic, the same on every target. Included
//! by `tests/cli.rs` (the binary) and `tests/ui.rs` (the JS API in the browser) with `#[path]`;
//! `scripts/fuzz.sh` draws many more with other seeds.

/// A small deterministic generator (no `rand` in the Wasm tests).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Keys and values answers are made of, good and bad.
const WORDS: &[&str] = &[
    "hosting",
    "cdn",
    "access",
    "outside",
    "hong-kong",
    "mainland-ecs",
    "none",
    "domain",
    "sc-server",
    "num-topic",
    "validity",
    "num-update",
    "nothing",
    "flow",
    "answers",
    "need",
    "service-code",
    "icp-number",
    "hostng",
    "moon",
    "",
    " ",
    "__proto__",
    "constructor",
    "toString",
    "1",
    "2",
    "10",
    "0",
    "-1",
    "zzz",
    "aaa",
    "Hosting",
    "中文",
    "\\u0068osting",
    "\\ud800",
    "\\\"",
    "\\n",
    "<img src=x>",
    "😀",
];

/// JSON values of every kind.
const VALUES: &[&str] = &[
    "\"outside\"",
    "\"none\"",
    "\"hong-kong\"",
    "\"moon\"",
    "\"\"",
    "5",
    "-0.5e3",
    "null",
    "true",
    "false",
    "[]",
    "[\"none\"]",
    "{}",
    "{\"a\":1}",
    "\"need\"",
    "\"service-code\"",
    "1e999",
];

/// Valid inputs the mutations start from.
const SEEDS: &[&str] = &[
    r#"{"flow":"need","answers":{"hosting":"outside","cdn":"none"}}"#,
    r#"{"flow":"need","answers":{"hosting":"hong-kong","cdn":"none"}}"#,
    r#"{"hosting":"mainland-ecs","access":"domain"}"#,
    r#"{"sc-server":"none"}"#,
    r#"{"flow":"icp-number","answers":{"num-topic":"validity","num-update":"nothing"}}"#,
    r#"{"answers":{"cdn":"none","hosting":"outside"},"flow":"need"}"#,
];

fn string(rng: &mut Rng) -> String {
    format!("\"{}\"", rng.pick(WORDS))
}

fn value(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => string(rng),
        _ => rng.pick(VALUES).to_string(),
    }
}

/// An object of 0–4 random entries (keys may repeat).
fn object(rng: &mut Rng, depth: usize) -> String {
    let entries: Vec<String> = (0..rng.below(5))
        .map(|_| {
            let v = if depth < 2 && rng.below(4) == 0 { object(rng, depth + 1) } else { value(rng) };
            format!("{}:{v}", string(rng))
        })
        .collect();
    format!("{{{}}}", entries.join(","))
}

/// One mutation of `text`.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    let (before, after): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
    match rng.below(12) {
        0 => before, // cut short
        1 => format!("{before}{}{after}", rng.pick(&["{", "}", "[", "]", ",", ":", "\"", "\\", "x", " "])),
        2 => format!("\u{feff}{text}"), // a byte order mark
        3 => format!("{text}{}", rng.pick(&[" ", "x", "{}", ",", "\n\n"])), // trailing text
        4 => text.replacen(
            rng.pick(&["\"outside\"", "\"none\"", "\"need\"", "\"validity\"", "\"mainland-ecs\""]),
            &value(rng),
            1,
        ),
        5 => text.replacen(
            rng.pick(&[
                "\"hosting\"",
                "\"cdn\"",
                "\"flow\"",
                "\"answers\"",
                "\"sc-server\"",
                "\"num-topic\"",
            ]),
            &string(rng),
            1,
        ),
        6 => text.replacen('{', &format!("{{{}:{},", string(rng), value(rng)), 1), // an extra entry
        7 => text.replacen('}', &format!(",{}:{}}}", string(rng), value(rng)), 1),
        8 => text.replacen("{\"hosting\"", "{\"hosting\":\"outside\",\"hosting\"", 1), // a repeated key
        9 => format!("{}{text}{}", "[".repeat(rng.below(3) * 70), "]".repeat(rng.below(3) * 70)),
        10 => object(rng, 0),
        _ => text.replacen(
            "\"answers\":{",
            &format!("\"answers\":{{\"{}\":{},", rng.pick(&["1", "10", "2", "aaa", "zzz"]), value(rng)),
            1,
        ),
    }
}

/// `n` inputs: the seeds, then one to three mutations of a seed each.
pub fn corpus(seed: u64, n: usize) -> Vec<String> {
    let mut rng = Rng(seed);
    let mut out: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    out.extend(
        ["", " \n", "\u{feff}", "null", "[1,2]", "\"need\"", "{}", "{\"flow\":null}"].map(String::from),
    );
    while out.len() < n {
        let mut text = rng.pick(SEEDS).to_string();
        for _ in 0..1 + rng.below(3) {
            text = mutate(&mut rng, &text);
        }
        out.push(text);
    }
    out
}
