//! `ARCHITECTURE.md` stays short and true: at most [`MAX_LINES`] lines; every path it names (a
//! backticked token with a `/` or a known extension, written from the repository root) exists;
//! the Code Map names every folder of `src/`, of `crates/rules/src/` and of the repository's
//! top level; every recipe of "Where to make common changes" says which test exercises it; and
//! every link to one of its sections (from the Markdown files beside it) finds its heading.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// How long the document may be.
const MAX_LINES: usize = 350;

/// What a file name ends with for a backticked token to be taken as a path even without a `/`.
const EXTENSIONS: &[&str] = &[
    "rs",
    "md",
    "toml",
    "lock",
    "js",
    "mjs",
    "css",
    "html",
    "sh",
    "py",
    "json",
    "svg",
    "txt",
    "webmanifest",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

fn doc() -> String {
    read("ARCHITECTURE.md")
}

/// The text outside fenced code blocks (```), with the fences' lines left empty.
fn prose(text: &str) -> String {
    let mut fenced = false;
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// The backticked spans of a Markdown text (outside fenced blocks).
fn code_spans(text: &str) -> Vec<String> {
    let prose = prose(text);
    let parts: Vec<&str> = prose.split('`').collect();
    assert!(parts.len() % 2 == 1, "ARCHITECTURE.md has an unmatched backtick");
    parts.iter().skip(1).step_by(2).map(|s| s.to_string()).collect()
}

/// The folders `.gitignore` names at the top (`target/`, `dist/`, …): build outputs, which a
/// path may name without their being in the repository.
fn ignored() -> Vec<String> {
    read(".gitignore")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && l.ends_with('/'))
        .map(|l| l.trim_start_matches('/').to_string())
        .collect()
}

/// A backticked token as a repository path: `Some((path, item))` when it looks like one (a `/`
/// or a known extension; no spaces, no URL, no fragment, no variable), with the item after a
/// `.rs` file's `::` (a function the file must define).
fn as_path(token: &str) -> Option<(String, Option<String>)> {
    if token.chars().any(char::is_whitespace)
        || token.contains("://")
        || token.starts_with(['#', '$', '-', '<', '@', '{', '('])
    {
        return None;
    }
    let (path, item) = match token.split_once(".rs::") {
        Some((file, item)) => (format!("{file}.rs"), Some(item.to_string())),
        None => (token.to_string(), None),
    };
    let known_extension =
        path.rsplit_once('.').is_some_and(|(_, ext)| EXTENSIONS.contains(&ext) && !path.ends_with('.'));
    (path.contains('/') || known_extension).then_some((path, item))
}

/// `a/{b,c}.rs` → `a/b.rs`, `a/c.rs` (one pair of braces at most).
fn expand_braces(path: &str) -> Vec<String> {
    match (path.find('{'), path.find('}')) {
        (Some(open), Some(close)) if open < close => path[open + 1..close]
            .split(',')
            .map(|alt| format!("{}{alt}{}", &path[..open], &path[close + 1..]))
            .collect(),
        _ => vec![path.to_string()],
    }
}

/// Whether a name matches a pattern in which `*`, `…` and `<anything>` stand for any text.
fn matches(pattern: &str, name: &str) -> bool {
    let mut simple = String::new();
    let mut in_angle = false;
    for c in pattern.chars() {
        match c {
            '<' => {
                in_angle = true;
                simple.push('*');
            }
            '>' => in_angle = false,
            '…' if !in_angle => simple.push('*'),
            c if !in_angle => simple.push(c),
            _ => {}
        }
    }
    let parts: Vec<&str> = simple.split('*').collect();
    if parts.len() == 1 {
        return simple == name;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !name.starts_with(first)
        || !name[first.len()..].ends_with(last)
        || name.len() < first.len() + last.len()
    {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

fn is_pattern(component: &str) -> bool {
    component.contains(['*', '<', '…'])
}

/// Whether some entry under `dir` matches the components (each a name or a pattern); the
/// last one must be a folder when `folder` is set.
fn exists(dir: &Path, components: &[&str], folder: bool) -> bool {
    let Some((first, rest)) = components.split_first() else {
        return !folder || dir.is_dir();
    };
    if !is_pattern(first) {
        let next = dir.join(first);
        return (next.exists() || next.is_symlink()) && exists(&next, rest, folder);
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return false };
    entries
        .filter_map(|e| e.ok())
        .any(|e| matches(first, &e.file_name().to_string_lossy()) && exists(&e.path(), rest, folder))
}

/// What is wrong with a path ARCHITECTURE.md names, if anything.
fn path_problem(path: &str, item: Option<&str>, ignored: &[String]) -> Option<String> {
    if path.starts_with("./") || path.starts_with("../") || path.starts_with('/') {
        return Some(format!("`{path}` is not written from the repository root"));
    }
    if ignored.iter().any(|i| path.starts_with(i.as_str())) {
        return None; // A build output (`dist/sw.js`).
    }
    for alt in expand_braces(path) {
        let folder = alt.ends_with('/');
        let components: Vec<&str> = alt.trim_end_matches('/').split('/').collect();
        if !exists(root(), &components, folder) {
            let what = if folder { "folder" } else { "path" };
            return Some(format!(
                "`{path}`: the {what} `{alt}` is not in the repository (paths are written from the repository root)"
            ));
        }
        if let Some(item) = item {
            let text = std::fs::read_to_string(root().join(&alt)).unwrap_or_default();
            if !text.contains(&format!("fn {item}")) {
                return Some(format!("`{path}::{item}`: {alt} defines no function `{item}`"));
            }
        }
    }
    None
}

/// The text of a `## ` section (up to the next one), by its title.
fn section(text: &str, title: &str) -> String {
    let start = text
        .find(&format!("\n## {title}\n"))
        .unwrap_or_else(|| panic!("ARCHITECTURE.md has no section \"## {title}\""));
    let body = &text[start + 1..];
    let end = body[3..].find("\n## ").map_or(body.len(), |e| e + 3);
    body[..end].to_string()
}

/// Every folder under `dir` (relative to the repository root, with a trailing `/`).
fn folders_under(rel: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(root().join(rel)).unwrap().filter_map(|e| e.ok()) {
        if entry.path().is_dir() {
            let name = format!("{rel}{}/", entry.file_name().to_string_lossy());
            out.push(name.clone());
            folders_under(&name, out);
        }
    }
}

#[test]
fn the_architecture_document_is_short() {
    let lines = doc().lines().count();
    assert!(
        lines <= MAX_LINES,
        "ARCHITECTURE.md has {lines} lines; at most {MAX_LINES} (say less, name fewer identifiers)"
    );
}

#[test]
fn every_path_the_architecture_document_names_exists() {
    let ignored = ignored();
    let mut problems = BTreeSet::new();
    let mut checked = 0;
    for token in code_spans(&doc()) {
        if let Some((path, item)) = as_path(&token) {
            checked += 1;
            if let Some(p) = path_problem(&path, item.as_deref(), &ignored) {
                problems.insert(p);
            }
        }
    }
    assert!(checked > 50, "only {checked} paths found: is the document still written with backticked paths?");
    assert!(
        problems.is_empty(),
        "ARCHITECTURE.md names paths that do not exist:\n  {}",
        problems.into_iter().collect::<Vec<_>>().join("\n  ")
    );
}

#[test]
fn the_code_map_names_every_folder() {
    let doc = doc();
    let map = section(&doc, "Code Map");
    let named: Vec<String> = code_spans(&map).iter().filter_map(|t| as_path(t)).map(|(p, _)| p).collect();
    let ignored = ignored();
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(root()).unwrap().filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().to_string();
        let listed = format!("{name}/");
        if entry.path().is_dir() && !name.starts_with('.') && !ignored.contains(&listed) {
            folders.push(listed);
        }
    }
    folders_under("src/", &mut folders);
    folders_under("crates/rules/src/", &mut folders);
    let missing: Vec<&String> = folders
        .iter()
        .filter(|f| !named.iter().any(|p| p.starts_with(f.as_str()) || f.trim_end_matches('/') == p))
        .collect();
    assert!(
        missing.is_empty(),
        "the Code Map of ARCHITECTURE.md does not mention these folders (name the folder, or a file in it): {missing:?}"
    );
}

#[test]
fn every_recipe_says_which_test_exercises_it() {
    let doc = doc();
    let recipes = section(&doc, "Where to make common changes");
    let parts: Vec<&str> = recipes.split("\n### ").skip(1).collect();
    assert!(
        parts.len() >= 5,
        "expected the recipes (a rule, a question, a language, an output format, a screen)"
    );
    for part in parts {
        let title = part.lines().next().unwrap_or("");
        let Some((_, after)) = part.split_once("Exercised by") else {
            panic!("the recipe \"{title}\" does not end with \"Exercised by `tests/…`\"");
        };
        let tests: Vec<String> =
            code_spans(after).iter().filter_map(|t| as_path(t)).map(|(p, _)| p).collect();
        assert!(
            tests
                .iter()
                .any(|p| p.starts_with("tests/") || p.starts_with("src/") || p.starts_with("crates/")),
            "the recipe \"{title}\" names no test after \"Exercised by\""
        );
    }
}

/// GitHub's anchor for a heading: lower case, spaces as hyphens, punctuation dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[test]
fn links_to_the_architecture_documents_sections_find_them() {
    let doc = doc();
    let anchors: BTreeSet<String> = prose(&doc)
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .map(|h| slug(h.trim_start_matches('#')))
        .collect();
    let mut files: Vec<PathBuf> = vec![root().join("ARCHITECTURE.md")];
    for dir in ["", "docs", "rules"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap().filter_map(|e| e.ok()) {
            if entry.path().extension().is_some_and(|x| x == "md") {
                files.push(entry.path());
            }
        }
    }
    let mut broken = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let own = file.ends_with("ARCHITECTURE.md");
        for (at, _) in text.match_indices("](") {
            let target = &text[at + 2..];
            let target = &target[..target.find(')').unwrap_or(target.len())];
            let anchor = match target.split_once('#') {
                Some((f, a)) if f.ends_with("ARCHITECTURE.md") || (own && f.is_empty()) => a,
                _ => continue,
            };
            if !anchors.contains(anchor) {
                broken.push(format!("{}: #{anchor}", file.strip_prefix(root()).unwrap_or(&file).display()));
            }
        }
    }
    assert!(broken.is_empty(), "links to sections ARCHITECTURE.md does not have: {broken:?}");
}

/// The checker itself: what it takes as a path, and how it reads patterns.
#[test]
fn the_path_checker_reads_tokens_as_intended() {
    assert_eq!(as_path("src/ui/app.rs"), Some(("src/ui/app.rs".into(), None)));
    assert_eq!(as_path("Cargo.toml"), Some(("Cargo.toml".into(), None)));
    assert_eq!(as_path("tests/cli.rs::run"), Some(("tests/cli.rs".into(), Some("run".into()))));
    for not_a_path in
        ["report::Advice", "icp-advisor check", "#/faq", "$OUT_DIR/rulebook.rs", "https://x.org/a", "</p>"]
    {
        assert_eq!(as_path(not_a_path), None, "{not_a_path}");
    }
    assert!(
        matches("*.toml", "zh-CN.toml")
            && matches("<code>.lock", "zh-CN.lock")
            && !matches("*.toml", "zh-CN.lock")
    );
    assert_eq!(expand_braces("src/ui/{app,state}.rs"), ["src/ui/app.rs", "src/ui/state.rs"]);
    let ignored = ignored();
    assert_eq!(path_problem("rules/i18n/<code>.lock", None, &ignored), None);
    assert_eq!(path_problem("dist/sw.js", None, &ignored), None);
    assert!(path_problem("src/compile/", None, &ignored).is_some_and(|p| p.contains("src/compile/")));
    assert!(path_problem("src/ui/app.rs/", None, &ignored).is_some(), "a file is no folder");
    assert!(path_problem("../shared/x.md", None, &ignored).is_some());
    assert!(path_problem("tests/cli.rs", Some("no_such_test"), &ignored).is_some());
}
