//! Text measurement and wrapping (Latin words, CJK characters), and the size of a node's box
//! and an edge label's.

use super::*;

/// Estimated width in em: 1.0 for CJK/fullwidth characters, 0.6 otherwise.
pub(super) fn char_em(c: char) -> f64 {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        1.0
    } else {
        0.6
    }
}

pub(super) fn text_em(s: &str) -> f64 {
    s.chars().map(char_em).sum()
}

/// Splits text into breakable tokens `(text, space_before)`: words for Latin
/// script, single characters for CJK; closing punctuation sticks to the left.
pub(super) fn tokenize(text: &str) -> Vec<(String, bool)> {
    let mut tokens: Vec<(String, bool)> = Vec::new();
    let (mut space, mut in_word) = (false, false);
    for c in text.chars() {
        if c.is_whitespace() {
            space = !tokens.is_empty();
            in_word = false;
        } else if !space && tokens.last().is_some_and(|t| sticks(&t.0, c)) {
            if let Some(t) = tokens.last_mut() {
                t.0.push(c);
            }
            in_word = false;
        } else if char_em(c) >= 1.0 || !in_word {
            tokens.push((c.to_string(), space));
            in_word = char_em(c) < 1.0;
            space = false;
        } else if let Some(t) = tokens.last_mut() {
            t.0.push(c);
        }
    }
    tokens
}

/// No line break between `prev` and `c`: closing CJK punctuation, opening brackets.
pub(super) fn sticks(prev: &str, c: char) -> bool {
    "，。、；：？！）」』】》".contains(c) || prev.ends_with(|p: char| "（「『【《(".contains(p))
}

/// Greedy word wrap at `max_em`; over-long tokens are broken by character.
pub(super) fn wrap(text: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut line, mut width) = (String::new(), 0.0);
    for (token, space) in tokenize(text) {
        let sep = if space && !line.is_empty() { 0.6 } else { 0.0 };
        if !line.is_empty() && width + sep + text_em(&token).min(max_em) > max_em {
            lines.push(std::mem::take(&mut line));
            width = 0.0;
        } else if sep > 0.0 {
            line.push(' ');
            width += sep;
        }
        for c in token.chars() {
            if !line.is_empty() && width + char_em(c) > max_em {
                lines.push(std::mem::take(&mut line));
                width = 0.0;
            }
            line.push(c);
            width += char_em(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

pub(super) fn lines_em(lines: &[String]) -> f64 {
    lines.iter().map(|l| text_em(l)).fold(0.0, f64::max)
}

pub(super) fn size_node(node: &Node, wrap_em: f64) -> NodeBox {
    let lines = wrap(&node.label, wrap_em);
    let note_lines = node.note.as_deref().map(|t| wrap(t, wrap_em * FONT / NOTE_FONT)).unwrap_or_default();
    let text_w = (lines_em(&lines) * FONT).max(lines_em(&note_lines) * NOTE_FONT);
    let height =
        lines.len().max(1) as f64 * FONT * LINE + note_lines.len() as f64 * NOTE_FONT * LINE + 2.0 * PAD_Y;
    let rect = Rect { x: 0.0, y: 0.0, width: (text_w + 2.0 * PAD_X).max(MIN_NODE_W), height };
    NodeBox { rect, layer: 0, lines, note_lines }
}

pub(super) fn label_rect(lines: &[String]) -> Rect {
    let (width, height) = (lines_em(lines) * LABEL_FONT + 8.0, lines.len() as f64 * LABEL_FONT * LINE + 4.0);
    Rect { x: 0.0, y: 0.0, width, height }
}
