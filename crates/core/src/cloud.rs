//! The Microsoft 365 clouds and the endpoints that differ between them
//! (facts file, "Sovereign clouds").

use crate::i18n::{text, Lang};
use serde::Serialize;

/// Its id is the `cloud` answer, a check link's `cloud` parameter, the catalog's
/// `question.cloud.<id>` and the JSON's name.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Default,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Cloud {
    #[default]
    Worldwide,
    Gcc,
    GccHigh,
    Dod,
    #[strum(serialize = "21vianet")]
    China21Vianet,
}

impl Cloud {
    /// The cloud's name as the questionnaire gives it ("GCC High"), in `lang`.
    pub fn name(self, lang: Lang) -> String {
        text(lang, &format!("question.cloud.{}", self.id()))
    }

    pub const ALL: [Cloud; 5] = [
        Cloud::Worldwide,
        Cloud::Gcc,
        Cloud::GccHigh,
        Cloud::Dod,
        Cloud::China21Vianet,
    ];

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn parse(id: &str) -> Option<Cloud> {
        id.parse().ok()
    }

    /// The SMTP AUTH client submission host: the one Microsoft lists, where sources
    /// disagree (see [`Cloud::submission_host_alternative`]).
    pub fn submission_host(self) -> &'static str {
        match self {
            Cloud::Worldwide | Cloud::Gcc => "smtp.office365.com",
            // Microsoft lists outlook.office365.us; community sources use
            // smtp.office365.us, the alternative below (facts file, "Sovereign clouds").
            Cloud::GccHigh => "outlook.office365.us",
            Cloud::Dod => "outlook-dod.office365.us",
            Cloud::China21Vianet => "smtp.partner.outlook.cn",
        }
    }

    /// The second-ranked submission host, when sources disagree: the one community
    /// sources use instead of Microsoft's, to try if the first does not answer.
    pub fn submission_host_alternative(self) -> Option<&'static str> {
        (self == Cloud::GccHigh).then_some("smtp.office365.us")
    }

    /// A note when sources disagree about this cloud's submission host.
    pub fn submission_host_note_key(self) -> Option<&'static str> {
        (self == Cloud::GccHigh).then_some("cloud.gcc-high.host-disagreement")
    }

    /// The SPF include that authorises Microsoft 365's outbound servers.
    pub fn spf_include(self) -> &'static str {
        match self {
            Cloud::Worldwide | Cloud::Gcc => "spf.protection.outlook.com",
            Cloud::GccHigh | Cloud::Dod => "spf.protection.office365.us",
            Cloud::China21Vianet => "spf.protection.partner.outlook.cn",
        }
    }

    /// The suffix of the tenant's MX host.
    pub fn mx_suffix(self) -> &'static str {
        match self {
            Cloud::Worldwide | Cloud::Gcc => "mail.protection.outlook.com",
            Cloud::GccHigh | Cloud::Dod => "mail.protection.office365.us",
            Cloud::China21Vianet => "mail.protection.partner.outlook.cn",
        }
    }

    /// The opt-in legacy TLS endpoint smtp-legacy.office365.com: not in GCC, GCC High or
    /// DoD; our sources say nothing about 21Vianet.
    pub fn legacy_tls_endpoint(self) -> Availability {
        match self {
            Cloud::Worldwide => Availability::Yes,
            Cloud::Gcc | Cloud::GccHigh | Cloud::Dod => Availability::No,
            Cloud::China21Vianet => Availability::Unconfirmed,
        }
    }

    /// The newer services (HVE, ACS, Graph sendMail) are documented for the worldwide
    /// cloud; for the others our sources do not confirm them.
    pub fn newer_services(self) -> Availability {
        if self == Cloud::Worldwide {
            Availability::Yes
        } else {
            Availability::Unconfirmed
        }
    }
}

/// Whether something exists in a cloud, as far as the facts file knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Yes,
    No,
    Unconfirmed,
}
