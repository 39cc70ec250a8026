//! What a DMARC policy means for a device's mail that fails DMARC.

use super::*;

/// What a record means for mail from a device that fails SPF alignment and is not DKIM
/// signed (for example Direct Send from an IP address outside the SPF record), sent with
/// a From address in the domain itself (`p`; subdomains follow `sp` if published).
///
/// `pct` below 100 applies the policy to that share of failing mail and the next lower
/// policy to the rest (RFC 7489 6.3): reject falls back to quarantine, quarantine to none.
///
/// The JSON's `kind` is the variant's name in kebab case; [`DeviceMailMeaning::key`] is the
/// catalog key, named after the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case", prefix = "dmarc.meaning.")]
pub enum DeviceMailMeaning {
    /// Nothing is blocked; failures only show up in reports (`p=none`, or `p=quarantine`
    /// with `pct=0`).
    #[strum(serialize = "none")]
    Monitoring,
    /// Failing messages go to junk or quarantine (`p=quarantine`, or `p=reject` with
    /// `pct=0`).
    Quarantine,
    /// `pct` percent of failing messages go to junk or quarantine; the rest are delivered.
    QuarantinePartial { pct: u8 },
    /// Failing messages are refused.
    Reject,
    /// `pct` percent of failing messages are refused; the rest go to junk or quarantine.
    RejectPartial { pct: u8 },
}

impl DeviceMailMeaning {
    /// The message catalog key explaining this meaning. The partial keys take a `{pct}`
    /// placeholder.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// Whether `pct` below 100 applies the policy to only part of the failing mail.
    pub fn is_partial(self) -> bool {
        matches!(
            self,
            DeviceMailMeaning::QuarantinePartial { .. } | DeviceMailMeaning::RejectPartial { .. }
        )
    }
}

/// See [`DeviceMailMeaning`].
pub fn device_mail_meaning(record: &DmarcRecord) -> DeviceMailMeaning {
    match (record.policy, record.pct) {
        (Policy::None, _) | (Policy::Quarantine, 0) => DeviceMailMeaning::Monitoring,
        (Policy::Quarantine, 100..) | (Policy::Reject, 0) => DeviceMailMeaning::Quarantine,
        (Policy::Quarantine, pct) => DeviceMailMeaning::QuarantinePartial { pct },
        (Policy::Reject, 100..) => DeviceMailMeaning::Reject,
        (Policy::Reject, pct) => DeviceMailMeaning::RejectPartial { pct },
    }
}

// ---------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------
