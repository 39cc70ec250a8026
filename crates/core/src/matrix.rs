//! The comparison matrix: one row per aspect, one column per method, generated from the
//! method table so that no screen or guide restates a value.

use crate::cloud::{Availability, Cloud};
use crate::date::Date;
use crate::i18n::{format, text, Lang};
use crate::method::{methods, Host, Method, MethodId};
use crate::milestone::Milestone;
use serde::Serialize;

/// An aspect that the matrix compares, in the order rows are shown.
///
/// The JSON names it in kebab case (`from-address`); [`Aspect::id`] is its catalog
/// suffix, shorter for three rows (`from`, `hosting`, `effort`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Aspect {
    SmartHost,
    Ports,
    Tls,
    SignIn,
    Recipients,
    #[strum(serialize = "from")]
    FromAddress,
    LicensedMailbox,
    StaticIp,
    #[strum(serialize = "hosting")]
    ThirdPartyHosting,
    Antispam,
    Limits,
    #[strum(serialize = "effort")]
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

    /// The catalog suffix of this aspect: row labels are `aspect.<id>`, prose cells
    /// `method.<method>.<id>`.
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The row where an answer to `question` shows its effect, for highlighting the cells
    /// that rule a method out.
    pub fn for_question(question: &str) -> Option<Aspect> {
        Some(match question {
            "cloud" => Aspect::SmartHost,
            "recipients" => Aspect::Recipients,
            "auth" | "security-defaults" | "client" => Aspect::SignIn,
            "tls" => Aspect::Tls,
            "ports" | "port25-blocked" => Aspect::Ports,
            "ip" | "cert" => Aspect::StaticIp,
            "hosting" => Aspect::ThirdPartyHosting,
            "volume" => Aspect::Limits,
            "sender" => Aspect::FromAddress,
            "onprem-server" => Aspect::SetupEffort,
            "reject-direct-send" => Aspect::Status,
            _ => return None,
        })
    }

    pub fn label(self, lang: Lang) -> String {
        text(lang, &format!("aspect.{}", self.id()))
    }

    /// The cell for one method in one cloud, as display text; dated facts are worded
    /// relative to `today`.
    pub fn cell(self, method: &Method, cloud: Cloud, lang: Lang, today: Date) -> String {
        match self {
            Aspect::SmartHost => {
                let host = match (method.host, method.host_for(cloud)) {
                    (_, Some(host)) => host.to_owned(),
                    (Host::OwnServer, None) => text(lang, "host.own-server"),
                    (Host::GraphApi, None) => text(lang, "host.graph-api"),
                    _ => text(lang, "host.tenant-mx"),
                };
                match method.availability(cloud) {
                    Availability::Yes => host,
                    _ => format(lang, "host.unconfirmed-in-cloud", &[("host", &host)]),
                }
            }
            Aspect::Ports => format!(
                "{} ({})",
                method.ports_label(),
                text(lang, &method.id.key("ports"))
            ),
            Aspect::Tls => text(lang, method.tls.key()),
            Aspect::Recipients => text(lang, method.recipients.key()),
            Aspect::LicensedMailbox => text(lang, method.licensed_mailbox.key()),
            Aspect::Status => method
                .facts
                .iter()
                .map(|fact| fact.text_with_date(lang, today))
                .collect::<Vec<_>>()
                .join(" "),
            _ => match self.milestone(method.id) {
                Some(milestone) => milestone.worded(lang, &method.id.key(self.id()), today),
                None => text(lang, &method.id.key(self.id())),
            },
        }
    }

    /// The milestone a method's cell states, if it states one: that cell's catalog
    /// entry has `.before` (days left in `{count}`) and `.after` forms, so it reads
    /// right on either side of the day.
    pub fn milestone(self, method: MethodId) -> Option<Milestone> {
        match (method, self) {
            (MethodId::ClientSubmission, Aspect::SignIn) => Some(Milestone::SmtpBasicOff),
            (MethodId::Hve, Aspect::SignIn) => Some(Milestone::HveBasicEnd),
            _ => None,
        }
    }
}

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixRow {
    pub aspect: Aspect,
    pub label: String,
    /// One cell per column, in the order of [`Matrix::columns`].
    pub cells: Vec<String>,
}

/// The whole comparison, ready to render as a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matrix {
    pub cloud: Cloud,
    pub lang: Lang,
    /// Method ids and their localized names, in column order.
    pub columns: Vec<(MethodId, String)>,
    pub rows: Vec<MatrixRow>,
}

/// Builds the matrix of every method in the table for one cloud and language, the
/// dated facts worded for `today`.
pub fn comparison_matrix(cloud: Cloud, lang: Lang, today: Date) -> Matrix {
    let table = methods();
    Matrix {
        cloud,
        lang,
        columns: table
            .iter()
            .map(|m| (m.id, text(lang, &m.id.key("name"))))
            .collect(),
        rows: Aspect::ALL
            .into_iter()
            .map(|aspect| MatrixRow {
                aspect,
                label: aspect.label(lang),
                cells: table
                    .iter()
                    .map(|m| aspect.cell(m, cloud, lang, today))
                    .collect(),
            })
            .collect(),
    }
}

impl Matrix {
    /// The columns (and each row's cells) put in `order`, e.g. a ranking's, so the
    /// method a reader weighs first is the first column; methods `order` does not name
    /// keep their table order after the named ones.
    pub fn ordered_by(mut self, order: &[MethodId]) -> Matrix {
        let position = |id: MethodId| order.iter().position(|o| *o == id).unwrap_or(order.len());
        let mut permutation: Vec<usize> = (0..self.columns.len()).collect();
        // A stable sort keeps the table order among methods `order` does not name.
        permutation.sort_by_key(|&i| position(self.columns[i].0));
        let take = |items: &[String]| -> Vec<String> {
            permutation
                .iter()
                .filter_map(|&i| items.get(i).cloned())
                .collect()
        };
        self.columns = permutation
            .iter()
            .filter_map(|&i| self.columns.get(i).cloned())
            .collect();
        for row in &mut self.rows {
            row.cells = take(&row.cells);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date::known(2026, 12, 2);

    #[test]
    fn every_row_has_a_cell_per_method() {
        let matrix = comparison_matrix(Cloud::Worldwide, Lang::En, TODAY);
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
        let matrix = comparison_matrix(Cloud::Worldwide, Lang::En, TODAY);
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

    #[test]
    fn every_cell_in_every_language_and_cloud_has_catalog_text() {
        for lang in Lang::ALL {
            for cloud in Cloud::ALL {
                let matrix = comparison_matrix(cloud, lang, TODAY);
                for (id, name) in &matrix.columns {
                    assert!(!name.starts_with("method."), "{} has no name", id.as_str());
                }
                for row in &matrix.rows {
                    assert!(!row.label.starts_with("aspect."), "{}", row.label);
                    for cell in &row.cells {
                        assert!(
                            !cell.contains("method.")
                                && !cell.contains("fact.")
                                && !cell.contains('{'),
                            "untranslated cell in {}: {cell}",
                            lang.code()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_question_has_a_row() {
        for question in crate::plan::QUESTIONS {
            assert!(
                Aspect::for_question(question.id).is_some(),
                "{}",
                question.id
            );
        }
    }

    #[test]
    fn sovereign_clouds_get_their_own_hosts() {
        let matrix = comparison_matrix(Cloud::GccHigh, Lang::En, TODAY);
        let hosts = &matrix.rows[0].cells;
        assert_eq!(hosts[0], "outlook.office365.us");
    }

    #[test]
    fn the_status_row_words_dated_facts_for_today() {
        let status = |today| {
            let matrix = comparison_matrix(Cloud::Worldwide, Lang::En, today);
            let row = matrix.rows.iter().find(|r| r.aspect == Aspect::Status);
            row.map(|r| r.cells[0].clone()).unwrap_or_default()
        };
        assert!(status(TODAY).contains("from the end of December 2026 (in 29 days)"));
        let later = status(Date::known(2027, 1, 1));
        assert!(later.contains("has been off by default since the end of December 2026"));
        assert!(later.contains("(checked 28 November 2026)"));
    }

    fn cell(aspect: Aspect, id: MethodId, lang: Lang, today: Date) -> String {
        aspect.cell(crate::method::method(id), Cloud::Worldwide, lang, today)
    }

    #[test]
    fn the_sign_in_cells_state_basic_auth_for_today() {
        let submission = |today| cell(Aspect::SignIn, MethodId::ClientSubmission, Lang::En, today);
        assert_eq!(
            submission(TODAY),
            "Mailbox sign-in: OAuth, or Basic (off by default from the end of December 2026, in 29 days)"
        );
        assert!(submission(Date::known(2026, 12, 30)).ends_with("in 1 day)"));
        assert_eq!(
            submission(Date::known(2026, 12, 31)),
            "Mailbox sign-in: OAuth, or Basic where an admin has turned it back on (off by default since the end of December 2026)"
        );
        let hve = |today| cell(Aspect::SignIn, MethodId::Hve, Lang::En, today);
        assert_eq!(
            hve(TODAY),
            "HVE account: OAuth, or Basic until September 2028 (668 days left)"
        );
        assert_eq!(
            hve(Date::known(2027, 1, 1)),
            "HVE account: OAuth, or Basic until September 2028 (638 days left)"
        );
        assert_eq!(
            hve(Date::known(2028, 9, 30)),
            "HVE account with OAuth (Basic auth for HVE ended in September 2028)"
        );
        let vi = |today| cell(Aspect::SignIn, MethodId::Hve, Lang::Vi, today);
        assert!(vi(TODAY).contains("(còn 668 ngày)"), "{}", vi(TODAY));
        assert!(vi(Date::known(2028, 10, 1)).contains("đã kết thúc"));
    }

    #[test]
    fn every_dated_cell_changes_its_words_on_its_milestone_day() {
        for aspect in Aspect::ALL {
            for m in methods() {
                let Some(milestone) = aspect.milestone(m.id) else {
                    continue;
                };
                let day = milestone.date();
                let eve = Date::from_days_since_epoch(day.days_since_epoch() - 1);
                for lang in Lang::ALL {
                    let before = cell(aspect, m.id, lang, eve);
                    let after = cell(aspect, m.id, lang, day);
                    assert_ne!(before, after, "{:?} {:?}", m.id, aspect);
                    for words in [&before, &after] {
                        assert!(
                            !words.contains('{') && !words.starts_with("method."),
                            "{words}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn columns_follow_a_given_order_and_their_cells_move_with_them() {
        let matrix = comparison_matrix(Cloud::Worldwide, Lang::En, TODAY);
        let acs_cells: Vec<String> = {
            let acs = matrix
                .columns
                .iter()
                .position(|(id, _)| *id == MethodId::Acs);
            let acs = acs.unwrap_or(usize::MAX);
            matrix.rows.iter().map(|r| r.cells[acs].clone()).collect()
        };
        let ordered = matrix
            .clone()
            .ordered_by(&[MethodId::Acs, MethodId::DirectSend]);
        assert_eq!(ordered.columns[0].0, MethodId::Acs);
        assert_eq!(ordered.columns[1].0, MethodId::DirectSend);
        assert_eq!(ordered.columns.len(), matrix.columns.len());
        for (row, acs_cell) in ordered.rows.iter().zip(&acs_cells) {
            assert_eq!(&row.cells[0], acs_cell, "{}", row.label);
            assert_eq!(row.cells.len(), ordered.columns.len());
        }
        // The others keep the table's order after the named ones.
        let rest: Vec<MethodId> = ordered.columns[2..].iter().map(|(id, _)| *id).collect();
        let table_rest: Vec<MethodId> = matrix
            .columns
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| !matches!(id, MethodId::Acs | MethodId::DirectSend))
            .collect();
        assert_eq!(rest, table_rest);
    }
}
