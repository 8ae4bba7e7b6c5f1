//! The output formats of the CLI (`--format NAME`): one enum drives the parsing, each
//! command's dispatch (an exhaustive `match`) and the format part of the usage text.

use std::fmt;
use std::str::FromStr;

/// An output format a command can print its result in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Pretty-printed JSON (every command with `--format`).
    Json,
    /// Readable text: the advice as Markdown (`evaluate`), the domain check in lines (`domain`).
    Text,
    /// A Markdown document (`paths`, `diff`).
    Markdown,
    /// One CSV row per path (`paths`).
    Csv,
    /// Each change once, with the number of paths it affects (`diff`).
    Summary,
}

impl Format {
    /// Every format, in the order the usage text and error messages name them.
    pub const ALL: &[Format] = &[Format::Json, Format::Text, Format::Markdown, Format::Csv, Format::Summary];

    /// The name `--format` takes.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Summary => "summary",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no format (the error names the valid ones).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown format \"{}\" (expected one of: {})", self.0, names(Format::ALL, ", "))
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL.iter().copied().find(|f| f.name() == s).ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// The names of `formats`, joined by `sep` (`json|text` in the usage text, `json, text` in a
/// message).
pub fn names(formats: &[Format], sep: &str) -> String {
    formats.iter().map(|f| f.name()).collect::<Vec<_>>().join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_round_trips_through_its_name_and_is_in_the_usage_text() {
        let usage = super::super::usage::usage();
        for &f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
            assert_eq!(f.to_string(), f.name());
            assert!(
                usage.lines().any(|l| l.contains("--format ") && l.contains(f.name())),
                "{} is in no --format of the usage text",
                f.name()
            );
        }
    }

    #[test]
    fn an_unknown_format_name_is_an_error_naming_the_valid_ones() {
        for bad in ["xml", "", "JSON", "md", "text "] {
            let err = bad.parse::<Format>().unwrap_err();
            assert_eq!(err, UnknownFormat(bad.to_string()));
            assert_eq!(
                err.to_string(),
                format!("unknown format \"{bad}\" (expected one of: json, text, markdown, csv, summary)")
            );
        }
    }
}
