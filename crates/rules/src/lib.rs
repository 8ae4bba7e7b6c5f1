//! The ICP Filing Advisor's rulebook as data: the types of its tables, and (with the
//! `compile` feature) the compiler that reads `rules/` into them.
//!
//! The rulebook is written as TOML in `rules/` (see `rules/README.md`). The compiler
//! validates it and builds a [`Rulebook`] of `'static` tables, either at run time (the native
//! CLI loads any rulebook folder that way) or, through [`compile::bake`], as Rust source that
//! the app's build script writes out, so the Wasm parses nothing at run time. Both paths go
//! through the same code, so what the CLI checks is exactly what the app embeds.

#![forbid(unsafe_code)]

#[cfg(feature = "compile")]
pub mod compile;
mod rulebook;
mod tables;
mod text;

pub use rulebook::*;
pub use tables::*;
pub use text::*;

/// Index of a flow in [`Rulebook::flows`].
pub type FlowIx = usize;
/// Index of a question in [`Rulebook::questions`].
pub type QIx = usize;
/// Index of a recommendation in [`Rulebook::recommendations`].
pub type RecIx = usize;
/// Index of a rule in [`Rulebook::rules`].
pub type RuleIx = usize;
/// Index of an FAQ entry in [`Rulebook::faqs`].
pub type FaqIx = usize;
/// Index of a source in [`Rulebook::sources`].
pub type SourceIx = usize;
/// Index of a fact dimension in [`Rulebook::dimensions`].
pub type DimIx = usize;
/// Index of a named condition in [`Rulebook::defines`].
pub type DefIx = usize;

/// The most questions a rulebook may have (answers are kept in a fixed-size array, and
/// conditions record the questions they look at in a `u64`).
pub const MAX_QUESTIONS: usize = 64;
/// The most options a question may have (an option set is a `u32` bit mask).
pub const MAX_OPTIONS: usize = 32;
// ── Limits ──────────────────────────────────────────────────────────────────────────
// Every tool walks every path of a rulebook (`check`, `diff`, `paths`, and the progress of an
// answer walks the paths ahead), so the compiler refuses a rulebook beyond these limits with
// a `file:line` error naming the limit: at the limits, each of those commands finishes in a
// few seconds (`scripts/fuzz.sh` times them on a rulebook written at every limit at once).
// Today's rulebook uses about a quarter of each (rules/README.md, "Limits").

/// How deeply a condition may nest: `not`, parentheses and named conditions together (every
/// tool walks conditions recursively; without a bound a deep one would overflow the stack).
pub const MAX_NESTING: usize = 32;
/// The most parts (answers looked at, `not`, `and`, `or`, named conditions) one condition
/// may have once its named conditions are written out.
pub const MAX_CONDITION_SIZE: usize = 500;
/// The most parts all the conditions of a rulebook may have together (written out): every
/// path evaluates them.
pub const MAX_CONDITIONS_SIZE: usize = 3_000;
/// The most complete paths the flows of a rulebook may have together.
pub const MAX_PATHS: usize = 30_000;
/// The most rules; a rule that recommends several counts once for each.
pub const MAX_RULES: usize = 400;
/// The most recommendations.
pub const MAX_RECOMMENDATIONS: usize = 200;
/// The most recommendations one path may give (every tool handles a path's advice as a
/// whole, some of it pair by pair).
pub const MAX_ADVICE: usize = 50;
/// The most paragraphs, steps and verdict lines of all recommendations together.
pub const MAX_PARTS: usize = 1_000;
/// The most facts stated (`asserts`) by all recommendations and their parts together (every
/// path compares the facts its advice states, pair by pair).
pub const MAX_FACTS: usize = 100;
/// The most citations of all recommendations and their parts together.
pub const MAX_CITATIONS: usize = 1_000;
/// The most `excludes` and `qualifies` entries of all recommendations together.
pub const MAX_LINKS: usize = 200;
/// The most FAQ entries, sources and named conditions (`[define]`), each.
pub const MAX_ENTRIES: usize = 200;
/// The most bytes one rulebook file (a topic, a language or a lock file) may have (a language
/// may hold [`MAX_TEXT_BYTES`] of texts, and its file their keys too).
pub const MAX_FILE_BYTES: u64 = 2 << 20;
/// The most bytes the files of a rulebook may have together.
pub const MAX_RULEBOOK_BYTES: u64 = 8 << 20;
