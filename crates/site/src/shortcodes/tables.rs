//! The table shortcodes: `matrix`, `clouds` and `method-settings`, every cell from
//! core's method table and clouds.

use crate::strings::{catalog, t, Text};
use maud::{html, Markup};
use smarthost_core::cloud::Cloud;
use smarthost_core::date::Date;
use smarthost_core::i18n::{format, Lang};
use smarthost_core::matrix::{comparison_matrix, Aspect};
use smarthost_core::method::{method, Host, MethodId};

/// The comparison matrix, every cell from core's method table.
pub(crate) fn matrix(cloud: Cloud, lang: Lang, today: Date) -> Markup {
    let matrix = comparison_matrix(cloud, lang, today);
    let caption = catalog(lang, "ui.compare.title");
    html! {
        div class="table-scroll" role="group" aria-label=(caption) tabindex="0" {
            "\n"
            table class="matrix" {
                "\n"
                caption { (caption) } "\n"
                thead {
                    "\n"
                    tr {
                        td {}
                        @for (_, name) in &matrix.columns { th scope="col" { (name) } }
                    }
                    "\n"
                }
                "\n"
                tbody {
                    "\n"
                    @for row in &matrix.rows {
                        tr {
                            th scope="row" { (row.label) }
                            @for cell in &row.cells { td { (cell) } }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
        "\n"
    }
}

/// Each cloud's endpoints: the client submission host (where sources disagree, the one
/// Microsoft lists first and the community's second, ranked), the MX suffix and the
/// SPF include.
pub(crate) fn clouds(lang: Lang) -> Markup {
    let caption = catalog(lang, "site.clouds.caption");
    let columns = [
        "site.clouds.cloud",
        "site.clouds.submission-host",
        "site.clouds.mx-suffix",
        "site.clouds.spf-include",
    ];
    let host = |c: Cloud| match c.submission_host_alternative() {
        Some(alternative) => format(
            lang,
            "site.clouds.ranked-hosts",
            &[("first", c.submission_host()), ("second", alternative)],
        ),
        None => c.submission_host().to_owned(),
    };
    html! {
        table class="clouds" {
            "\n"
            caption { (caption) } "\n"
            thead {
                "\n"
                tr { @for key in columns { th scope="col" { (catalog(lang, key)) } } }
                "\n"
            }
            "\n"
            tbody {
                "\n"
                @for c in Cloud::ALL {
                    tr {
                        th scope="row" { (catalog(lang, &format!("question.cloud.{}", c.id()))) }
                        td { (host(c)) }
                        td { (c.mx_suffix()) }
                        td { (c.spf_include()) }
                    }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}

/// One method's settings: the host in each cloud (or the one asked for), ports, TLS,
/// sign-in and who it reaches.
pub(crate) fn method_settings(
    id: MethodId,
    cloud: Option<Cloud>,
    lang: Lang,
    today: Date,
) -> Markup {
    let m = method(id);
    let name = catalog(lang, &id.key("name"));
    let cloud_label = |c: Cloud| catalog(lang, &format!("question.cloud.{}", c.id()));
    let caption = match cloud {
        Some(c) => format!(
            "{}: {name} ({})",
            t(lang, Text::SettingsCaption),
            cloud_label(c)
        ),
        None => format!("{}: {name}", t(lang, Text::SettingsCaption)),
    };
    let mut rows: Vec<(String, String)> = Vec::new();
    let host_label = Aspect::SmartHost.label(lang);
    let clouds: Vec<Cloud> = cloud.map_or_else(|| Cloud::ALL.to_vec(), |c| vec![c]);
    // Clouds with the same host share a row, so a method that is the same everywhere
    // shows one host, not five.
    let mut groups: Vec<(String, Vec<Cloud>)> = Vec::new();
    for &c in &clouds {
        let cell = Aspect::SmartHost.cell(m, c, lang, today);
        match groups.iter_mut().find(|(text, _)| *text == cell) {
            Some((_, members)) => members.push(c),
            None => groups.push((cell, vec![c])),
        }
    }
    let single = groups.len() == 1;
    for (cell, members) in groups {
        let label = if single {
            host_label.clone()
        } else {
            let names: Vec<String> = members.iter().map(|&c| cloud_label(c)).collect();
            format!("{host_label} ({})", names.join(", "))
        };
        rows.push((label, cell));
    }
    if m.host == Host::Submission {
        for &c in &clouds {
            if let Some(key) = c.submission_host_note_key() {
                rows.push((catalog(lang, "card.label.warning"), catalog(lang, key)));
            }
        }
    }
    let shown_cloud = cloud.unwrap_or_default();
    for aspect in [
        Aspect::Ports,
        Aspect::Tls,
        Aspect::SignIn,
        Aspect::Recipients,
    ] {
        rows.push((aspect.label(lang), aspect.cell(m, shown_cloud, lang, today)));
    }
    html! {
        table class="settings" {
            "\n"
            caption { (caption) } "\n"
            tbody {
                "\n"
                @for (label, value) in rows {
                    tr { th scope="row" { (label) } td { (value) } }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}
