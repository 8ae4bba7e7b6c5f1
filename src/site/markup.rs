//! Small helpers over the app's own server-rendered HTML and Trunk's `index.html`: the length
//! of a tag, a tag found by its start, and each first screen's ids scoped to its copy.

/// The attributes whose values name ids of the same document (space-separated lists).
const ID_ATTRIBUTES: [&str; 6] =
    ["id", "for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-errormessage"];

/// The length of the tag `markup` starts with (at its `<`): a tag runs to the first `>` outside
/// a quoted value (the whole of `markup` when none closes it).
pub fn tag_len(markup: &str) -> usize {
    let mut quote = None;
    markup
        .char_indices()
        .find(|&(_, c)| match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                false
            }
            (Some(q), c) if c == q => {
                quote = None;
                false
            }
            (None, '>') => true,
            _ => false,
        })
        .map_or(markup.len(), |(i, _)| i + 1)
}

/// `markup` (the app's own server-rendered HTML) with every id, every reference to an id and
/// every link to an id within the page (`href="#x"`, not a route `#/…`) prefixed by `prefix`.
/// Only tags are read: text is left as it is.
pub fn scope_ids(markup: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(markup.len() + 256);
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let end = tag_len(rest);
        out.push_str(&scope_tag(&rest[..end], prefix));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// One tag of [`scope_ids`].
fn scope_tag(tag: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(tag.len() + 32);
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name_start = rest[..eq].rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let name = &rest[name_start..eq];
        let value_start = eq + 2;
        let value_end = rest[value_start..].find('"').map_or(rest.len(), |i| value_start + i);
        let value = &rest[value_start..value_end];
        out.push_str(&rest[..value_start]);
        if ID_ATTRIBUTES.contains(&name) {
            let scoped: Vec<String> = value.split_whitespace().map(|id| format!("{prefix}{id}")).collect();
            out.push_str(&scoped.join(" "));
        } else if name == "href" && value.starts_with('#') && !value.starts_with("#/") && value.len() > 1 {
            out.push('#');
            out.push_str(prefix);
            out.push_str(&value[1..]);
        } else {
            out.push_str(value);
        }
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    out
}

/// The tag of `index` that starts with `prefix`, whole.
pub(super) fn find_tag<'a>(index: &'a str, prefix: &str) -> Option<&'a str> {
    let start = index.find(prefix)?;
    let end = index[start..].find('>')? + start + 1;
    Some(&index[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_ids_prefixes_ids_references_and_in_page_links_only() {
        let html = r##"<a href="#main" class="skip-link">Skip</a><a href="#/need?lang=en">x</a><label for="q-0" title="a > b">id="text"</label><input id="q-0" aria-describedby="q-0-hint help" aria-labelledby="q-0-label">"##;
        assert_eq!(
            scope_ids(html, "need-en-"),
            r##"<a href="#need-en-main" class="skip-link">Skip</a><a href="#/need?lang=en">x</a><label for="need-en-q-0" title="a > b">id="text"</label><input id="need-en-q-0" aria-describedby="need-en-q-0-hint need-en-help" aria-labelledby="need-en-q-0-label">"##
        );
    }
}
