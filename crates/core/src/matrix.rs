//! The comparison matrix: one row per aspect, one column per method, generated from the
//! method table so that no screen or guide restates a value.

use crate::method::{methods, Method, MethodId};
use serde::Serialize;

/// An aspect that the matrix compares, in the order rows are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aspect {
    SmartHost,
    Ports,
    Tls,
    SignIn,
    Recipients,
    FromAddress,
    LicensedMailbox,
    StaticIp,
    ThirdPartyHosting,
    Antispam,
    Limits,
    SetupEffort,
    Spf,
    Status,
}

impl Aspect {
    pub const ALL: [Aspect; 14] = [
        Aspect::SmartHost,
        Aspect::Ports,
        Aspect::Tls,
        Aspect::SignIn,
        Aspect::Recipients,
        Aspect::FromAddress,
        Aspect::LicensedMailbox,
        Aspect::StaticIp,
        Aspect::ThirdPartyHosting,
        Aspect::Antispam,
        Aspect::Limits,
        Aspect::SetupEffort,
        Aspect::Spf,
        Aspect::Status,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Aspect::SmartHost => "Smart host",
            Aspect::Ports => "Port",
            Aspect::Tls => "TLS",
            Aspect::SignIn => "Sign-in",
            Aspect::Recipients => "Recipients",
            Aspect::FromAddress => "From address",
            Aspect::LicensedMailbox => "Licensed mailbox",
            Aspect::StaticIp => "Static public IP",
            Aspect::ThirdPartyHosting => "From third-party hosting (Azure etc.)",
            Aspect::Antispam => "Antispam",
            Aspect::Limits => "Limits",
            Aspect::SetupEffort => "Setup effort",
            Aspect::Spf => "SPF",
            Aspect::Status => "What changed since 2018",
        }
    }

    /// The cell for one method, as display text.
    pub fn cell(self, method: &Method) -> String {
        match self {
            Aspect::SmartHost => method.smart_host_label().to_owned(),
            Aspect::Ports => format!("{} ({})", method.ports_label(), method.ports_note),
            Aspect::Tls => method.tls.to_owned(),
            Aspect::SignIn => method.sign_in.to_owned(),
            Aspect::Recipients => method.recipients.to_owned(),
            Aspect::FromAddress => method.from_address.to_owned(),
            Aspect::LicensedMailbox => method.licensed_mailbox.to_owned(),
            Aspect::StaticIp => method.static_ip.to_owned(),
            Aspect::ThirdPartyHosting => method.third_party_hosting.to_owned(),
            Aspect::Antispam => method.antispam.to_owned(),
            Aspect::Limits => method.limits.to_owned(),
            Aspect::SetupEffort => method.setup_effort.to_owned(),
            Aspect::Spf => method.spf.to_owned(),
            Aspect::Status => method.status.to_owned(),
        }
    }
}

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixRow {
    pub aspect: Aspect,
    pub label: &'static str,
    /// One cell per column, in the order of [`Matrix::columns`].
    pub cells: Vec<String>,
}

/// The whole comparison, ready to render as a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matrix {
    pub columns: Vec<(MethodId, &'static str)>,
    pub rows: Vec<MatrixRow>,
}

/// Builds the matrix for every method in the table.
pub fn comparison_matrix() -> Matrix {
    let table = methods();
    Matrix {
        columns: table.iter().map(|m| (m.id, m.name)).collect(),
        rows: Aspect::ALL
            .into_iter()
            .map(|aspect| MatrixRow {
                aspect,
                label: aspect.label(),
                cells: table.iter().map(|m| aspect.cell(m)).collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_cell_per_method() {
        let matrix = comparison_matrix();
        assert_eq!(matrix.columns.len(), methods().len());
        assert_eq!(matrix.rows.len(), Aspect::ALL.len());
        for row in &matrix.rows {
            assert_eq!(row.cells.len(), matrix.columns.len(), "{}", row.label);
            assert!(
                row.cells.iter().all(|c| !c.trim().is_empty()),
                "{}",
                row.label
            );
        }
    }

    #[test]
    fn port_row_comes_from_the_table() {
        let matrix = comparison_matrix();
        let ports = matrix
            .rows
            .iter()
            .find(|r| r.aspect == Aspect::Ports)
            .map(|r| r.cells.clone())
            .unwrap_or_default();
        assert!(ports[0].starts_with("587, 25"));
        assert!(ports[1].starts_with("25 "));
        assert!(ports[2].starts_with("25 "));
    }
}
