//! `smarthost methods [--cloud C] [--lang en|vi] [--today YYYY-MM-DD] [--json]`: the
//! comparison matrix from core's method table, dated facts worded for today.

use crate::args::parse;
use crate::output::outln;
use crate::{common, Usage};
use smarthost_core::cloud::Cloud;
use smarthost_core::i18n::Lang;
use smarthost_core::matrix::comparison_matrix;

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let (opts, positional) = parse(args, |name| name != "json")?;
    if let Some(extra) = positional.first() {
        return Err(Usage(format!("methods: unexpected argument `{extra}`")).into());
    }
    let (mut json, mut cloud, mut lang) = (false, Cloud::Worldwide, Lang::En);
    let mut today = None;
    for opt in opts {
        let value = opt.value.unwrap_or_default();
        match opt.name.as_str() {
            "json" => json = true,
            "cloud" => cloud = common::cloud(&value)?,
            "lang" => lang = common::lang(&value)?,
            "today" => today = Some(common::today_option(&value)?),
            other => return Err(Usage(format!("methods: unknown option --{other}")).into()),
        }
    }
    let matrix = comparison_matrix(cloud, lang, today.unwrap_or_else(common::today));
    if json {
        outln!("{}", serde_json::to_string_pretty(&matrix)?)?;
        return Ok(());
    }
    for (column, (id, name)) in matrix.columns.iter().enumerate() {
        outln!("{name} ({})", id.as_str())?;
        for row in &matrix.rows {
            if let Some(cell) = row.cells.get(column) {
                outln!("  {:<40} {cell}", row.label)?;
            }
        }
        outln!()?;
    }
    Ok(())
}
