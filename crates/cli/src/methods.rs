//! `smarthost methods [--json]`: the comparison matrix from core's method table.

use crate::Usage;
use smarthost_core::matrix::comparison_matrix;

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let json = match args {
        [] => false,
        [flag] if flag == "--json" => true,
        [other, ..] => return Err(Usage(format!("methods: unexpected argument `{other}`")).into()),
    };
    let matrix = comparison_matrix();
    if json {
        println!("{}", serde_json::to_string_pretty(&matrix)?);
        return Ok(());
    }
    for (column, (id, name)) in matrix.columns.iter().enumerate() {
        println!("{name} ({})", id.as_str());
        for row in &matrix.rows {
            if let Some(cell) = row.cells.get(column) {
                println!("  {:<40} {cell}", row.label);
            }
        }
        println!();
    }
    Ok(())
}
