//! Tests over the built site as a whole.

use super::*;

/// The (name, value) pairs of the double-quoted attributes in `html`'s tags.
fn attributes(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for tag in html.split('<').skip(1) {
        let mut rest = tag.split('>').next().unwrap_or("");
        while let Some(eq) = rest.find("=\"") {
            let name = rest[..eq].rsplit(char::is_whitespace).next().unwrap_or("");
            let end = rest[eq + 2..].find('"').map_or(rest.len(), |i| eq + 2 + i);
            out.push((name.to_string(), rest[eq + 2..end].to_string()));
            rest = &rest[(end + 1).min(rest.len())..];
        }
    }
    out
}

/// The pages run under `csp.txt`, whose `style-src` allows no inline style attribute: the
/// rule map (its graphs) and the FAQ page carry none.
#[test]
fn the_static_pages_have_no_style_attribute() {
    for lang in Lang::all() {
        for (page, html) in [("rules", rule_map(lang).1), ("faq", faq_page(lang))] {
            let found = attributes(&html).into_iter().filter(|(name, _)| name == "style").count();
            assert_eq!(found, 0, "{page} ({}) has {found} style attributes", lang.code());
        }
    }
}

/// Every first screen is in `index.html` at once (only one shows): no id may occur twice
/// in the document, and every label, description and in-page link of a copy points into
/// that copy — else a label of the Chinese copy would check a radio of the hidden English
/// one, and tests would find two headings.
#[test]
fn first_screens_have_ids_of_their_own() {
    let site = built();
    let keys = crate::head::first_screen_keys();
    let on_index = keys.iter().filter(|k| crate::head::on_index(k)).count();
    for (page, name, screens) in
        [(&site.index, "index.html", on_index), (&site.embed, "embed.html", keys.len())]
    {
        let mut seen = std::collections::BTreeSet::new();
        for (attr, value) in attributes(page) {
            if attr == "id" {
                assert!(seen.insert(value.clone()), "the id {value} occurs twice in {name}");
            }
        }
        let copies: Vec<&str> = page.split("<div data-prerendered ").skip(1).collect();
        assert_eq!(copies.len(), screens, "{name}");
        for copy in copies {
            let attrs = attributes(copy);
            let ids: Vec<&str> = attrs.iter().filter(|(n, _)| n == "id").map(|(_, v)| v.as_str()).collect();
            assert!(!ids.contains(&"main-heading"), "a copy keeps the live app's heading id");
            for (name, value) in &attrs {
                let refs: Vec<&str> = match name.as_str() {
                    "for" | "aria-labelledby" | "aria-describedby" | "aria-controls" => {
                        value.split_whitespace().collect()
                    }
                    "href" if value.starts_with('#') && !value.starts_with("#/") => vec![&value[1..]],
                    _ => continue,
                };
                for r in refs {
                    assert!(ids.contains(&r), "{name}=\"{value}\" points outside its copy ({})", &copy[..60]);
                }
            }
        }
    }
}

/// The policy allows the inline scripts and the style `index.html` and `embed.html` carry (each
/// page's head script from `web/head.js`, minified and filled in; `head::SHOW`; the stylesheet)
/// by the hashes of the bytes inlined, and no other; each page carries the whole policy.
#[test]
fn the_policy_hashes_the_inline_scripts_and_style_as_inlined() {
    let site = built();
    let mut hashes = Vec::new();
    for page in [&site.index, &site.embed] {
        assert!(page.contains(&format!("content=\"{}\"", site.csp)), "each page carries the policy");
        for (open, close) in [("<script>", "</script>"), ("<style>", "</style>")] {
            for part in page.split(open).skip(1) {
                let inline = part.split(close).next().unwrap();
                let hash = format!("'sha256-{}'", csp::sha256_base64(inline.as_bytes()));
                if !hashes.contains(&hash) {
                    hashes.push(hash);
                }
            }
        }
    }
    assert_eq!(hashes.len(), 4, "two head scripts, head::SHOW and the stylesheet");
    for h in &hashes {
        assert!(site.csp.contains(h.as_str()), "{h} is not in the policy");
    }
    assert_eq!(site.csp.matches("'sha256-").count(), hashes.len());
    let keys = crate::head::first_screen_keys();
    let on_index: Vec<String> = keys.iter().filter(|k| crate::head::on_index(k)).cloned().collect();
    let script = |keys: &[String], away| super::head_script(keys, &Default::default(), away).unwrap();
    assert!(site
        .index
        .contains(&format!("<script>{}</script>", script(&on_index, Some(crate::head::EMBED_PAGE)))));
    assert!(site.embed.contains(&format!("<script>{}</script>", script(&keys, None))));
}

/// `index.html` carries the start screens only; `embed.html` those and each flow's first
/// question for the embed mode in every language (which `index.html`'s head script sends the
/// embed mode to), so a normal visit does not download them.
#[test]
fn the_embed_modes_first_questions_are_in_a_page_of_their_own() {
    let site = built();
    let screens = |page: &str| -> Vec<String> {
        let copy = "<div data-prerendered data-first-screen=\"";
        page.split(copy).skip(1).map(|p| p.split('"').next().unwrap().to_string()).collect()
    };
    let (index, embed) = (screens(&site.index), screens(&site.embed));
    for lang in Lang::all() {
        assert!(
            index.contains(&format!("start:{}", lang.code())),
            "index.html has the start screen in {lang:?}"
        );
        for f in RULEBOOK.flows {
            let key = format!("{}:{}", f.id, lang.code());
            assert!(!index.contains(&key), "index.html does not carry {key}");
            assert!(embed.contains(&key), "embed.html carries {key}");
        }
    }
    assert!(site.index.len() < site.embed.len());
    assert!(site.index.contains("\"away\":\"embed.html\""), "index.html's script knows where they are");
    assert!(site.embed.contains("\"away\":null"));
}

/// The site built from the repository's `index.html` as Trunk leaves it (the stylesheet
/// linked under its hashed name) and `static/style.css`.
fn built() -> Site {
    let root = env!("CARGO_MANIFEST_DIR");
    let index = std::fs::read_to_string(format!("{root}/index.html")).unwrap().replace(
        "<link data-trunk rel=\"css\" href=\"static/style.css\">",
        "<link rel=\"stylesheet\" href=\"./style.css\">",
    );
    let css = std::fs::read_to_string(format!("{root}/static/style.css")).unwrap();
    build(&index, &css, "style.css", &Default::default()).unwrap()
}
