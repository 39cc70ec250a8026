//! `smarthost methods [--cloud C] [--lang en|vi] [--today YYYY-MM-DD] [--json]`: the
//! comparison matrix from core's method table, dated facts worded for today.

use crate::common;
use crate::output::outln;
use smarthost_core::cloud::Cloud;
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use smarthost_core::matrix::comparison_matrix;

#[derive(clap::Args)]
pub struct Args {
    /// The tenant's Microsoft 365 cloud [default: worldwide]
    #[arg(long, value_name = "C", value_parser = common::CLOUD)]
    cloud: Option<Cloud>,
    /// The language of the matrix [default: en]
    #[arg(long, value_name = "en|vi", value_parser = common::LANG)]
    lang: Option<Lang>,
    /// The day the dated facts are worded for [default: the system date]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = common::TODAY)]
    today: Option<Date>,
    /// The matrix as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let Args {
        cloud,
        lang,
        today,
        json,
    } = args;
    let (cloud, lang) = (cloud.unwrap_or(Cloud::Worldwide), lang.unwrap_or(Lang::En));
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
