//! The ticks of a checklist (the documents to prepare): which items a person has ticked, kept
//! in this browser beside the flow's saved answers, and in a share link only when the person
//! chooses so (`route::ticks_param`).
//!
//! An item is named by its recommendation's id and a fingerprint of its English text
//! (`documents-company/1a2b3c4d`), so a tick stays on its item when the items around it change
//! and falls away when the item's words change (it may then be another document). Reading
//! stored ticks never fails: what cannot be read is left out and counted.

use std::collections::BTreeSet;

/// At most this many ticks are kept per flow (a checklist has a few dozen items at most).
pub const MAX_TICKS: usize = 200;

/// The name of a checklist item: the recommendation's id and a fingerprint of the item's
/// English text.
pub fn key(rec: &str, english: &str) -> String {
    // FNV-1a, 32 bits: stable across builds and platforms.
    let mut h: u32 = 0x811c_9dc5;
    for b in english.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{rec}/{h:08x}")
}

/// Whether `s` is a key as [`key`] writes it (a kebab-case id, `/`, eight hex digits).
pub fn is_key(s: &str) -> bool {
    let Some((id, hash)) = s.split_once('/') else { return false };
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && hash.len() == 8
        && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The ticks as stored: one key per line, in order.
pub fn encode(ticks: &BTreeSet<String>) -> String {
    ticks.iter().map(String::as_str).collect::<Vec<_>>().join("\n")
}

/// Reads stored ticks: the keys it could read (at most [`MAX_TICKS`]), and how many lines it
/// left out (not a key, or beyond the limit). Never fails.
pub fn decode(stored: &str) -> (BTreeSet<String>, usize) {
    let (kept, dropped) = read(stored.split('\n'));
    (kept, dropped.len())
}

/// Reads ticks from items (stored lines, or a share link's comma-separated list): the keys it
/// could read (at most [`MAX_TICKS`]), and each non-empty item it left out (not a key, or
/// beyond the limit). Never fails.
pub fn read<'a>(items: impl Iterator<Item = &'a str>) -> (BTreeSet<String>, Vec<String>) {
    let (mut kept, mut dropped) = (BTreeSet::new(), Vec::new());
    for item in items.map(str::trim).filter(|i| !i.is_empty()) {
        if is_key(item) && kept.len() < MAX_TICKS {
            kept.insert(item.to_string());
        } else {
            dropped.push(item.to_string());
        }
    }
    (kept, dropped)
}

/// The ticks with `item` ticked or not.
pub fn toggle(ticks: &BTreeSet<String>, item: &str, ticked: bool) -> BTreeSet<String> {
    let mut out = ticks.clone();
    if ticked && is_key(item) && out.len() < MAX_TICKS {
        out.insert(item.to_string());
    } else {
        out.remove(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_names_its_item_and_round_trips() {
        let k = key("documents-company", "Business licence");
        assert!(is_key(&k), "{k}");
        assert_ne!(k, key("documents-company", "Business licence (copy)"));
        let ticks = toggle(&BTreeSet::new(), &k, true);
        assert_eq!(decode(&encode(&ticks)), (ticks.clone(), 0));
        assert!(toggle(&ticks, &k, false).is_empty());
    }

    #[test]
    fn what_cannot_be_read_is_left_out_and_counted() {
        let k = key("a", "b");
        let (kept, dropped) = decode(&format!("{k}\n<script>\nx/123\n\n{k}"));
        assert_eq!((kept.len(), dropped), (1, 2));
        let many: String = (0..MAX_TICKS + 5).map(|i| format!("r/{i:08x}\n")).collect();
        assert_eq!(decode(&many).0.len(), MAX_TICKS);
    }
}
