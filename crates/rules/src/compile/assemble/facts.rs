//! Fact dimensions (`[facts]`): what the advice may state, and the facts a part asserts.

use super::ids::DimsRaw;
use super::Ctx;
use crate::compile::{is_kebab, leak_slice, leak_str, Error};
use crate::*;
use std::collections::BTreeMap;

/// Every fact dimension, checked: 2 to 255 values, kebab-case, none repeated.
pub(super) fn dimensions(ctx: &Ctx<'_>, dims_raw: &DimsRaw<'_>) -> Result<Vec<Dimension>, Error> {
    let mut dimensions = Vec::new();
    for (at, name, values) in dims_raw {
        if values.len() < 2 || values.len() > 255 {
            return Err(ctx.err(*at, format!("fact dimension `{name}` needs 2 to 255 values")));
        }
        for (i, v) in values.iter().enumerate() {
            if !is_kebab(v) || values[..i].contains(v) {
                return Err(ctx
                    .err(*at, format!("fact dimension `{name}`: value `{v}` is not kebab-case or repeats")));
            }
        }
        dimensions.push(Dimension {
            id: leak_str(name.to_string()),
            values: leak_slice(values.iter().map(|v| leak_str(v.clone())).collect()),
        });
    }
    Ok(dimensions)
}

/// The fact `dim = value`.
fn fact(dimensions: &[Dimension], dim: &str, value: &str) -> Result<Fact, String> {
    let Some(d) = dimensions.iter().position(|d| d.id == dim) else {
        return Err(format!("asserts an unknown fact dimension `{dim}` (declare it under [facts])"));
    };
    let Some(v) = dimensions[d].values.iter().position(|x| *x == value) else {
        return Err(format!(
            "fact `{dim}` has no value `{value}` (expected one of: {})",
            dimensions[d].values.join(", ")
        ));
    };
    Ok(Fact { dim: d, value: v as u8 })
}

/// The facts an `asserts` table states.
pub(super) fn facts(
    dimensions: &[Dimension],
    asserts: &BTreeMap<String, String>,
) -> Result<&'static [Fact], String> {
    Ok(leak_slice(asserts.iter().map(|(d, v)| fact(dimensions, d, v)).collect::<Result<Vec<_>, _>>()?))
}
