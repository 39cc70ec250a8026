//! The shape of a DKIM selector CNAME's target.
//!
//! Two Microsoft 365 formats are documented (Learn, "Set up DKIM", 2026-07-03):
//!
//! - classic: `selector1-<token>._domainkey.<prefix>.onmicrosoft.com`;
//! - for custom domains added since May 2025:
//!   `selector1-<token>._domainkey.<prefix>.<letter>-v1.dkim.mail.microsoft`, where the
//!   letter is a partition Microsoft assigns (it can differ between domains of one
//!   tenant). A 2024 copy of the page showed `-v2` for selector2, so any `-v<n>` is read
//!   as this format, with its version kept.
//!
//! The token is "the domain with dashes" today, but older records may not follow that
//! rule (a 2023 report shows `selector1-organisation.com0i._domainkey...`), so it is not
//! checked: only where the `selector<n>-` prefix, `._domainkey.` and the tenant part
//! sit.

/// Which of Microsoft 365's two selectors a record is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum Selector {
    Selector1,
    Selector2,
}

impl Selector {
    /// The selector's host name in the domain's zone, `selector1._domainkey` (always the
    /// same for every organisation).
    pub fn host_label(self) -> &'static str {
        self.into()
    }
}

/// Which Microsoft 365 format a target has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetFormat {
    /// `..._domainkey.<prefix>.onmicrosoft.com`.
    Classic,
    /// `..._domainkey.<prefix>.<partition>-v<version>.dkim.mail.microsoft`.
    Partitioned { partition: char, version: u16 },
}

/// What a selector's CNAME target is, as far as its shape tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DkimTarget {
    /// A Microsoft 365 target. `selector` is the one its name starts with, which should
    /// be the selector whose CNAME it is; `tenant_prefix` is the initial domain's prefix
    /// (`contoso` of `contoso.onmicrosoft.com`), for the admin to compare with theirs.
    Microsoft365 {
        format: TargetFormat,
        selector: Selector,
        tenant_prefix: String,
    },
    /// Any other host: another provider's key, or a Microsoft-looking name that fits
    /// neither published shape (dots kept in the prefix, the partition letter missing).
    Other { host: String },
}

const DOMAINKEY: &str = "._domainkey.";
const CLASSIC_SUFFIX: &str = ".onmicrosoft.com";
const PARTITIONED_SUFFIX: &str = ".dkim.mail.microsoft";

/// Classifies a CNAME target (any case, with or without the trailing dot).
pub fn classify_target(target: &str) -> DkimTarget {
    let host = target.trim().trim_end_matches('.').to_ascii_lowercase();
    microsoft_365(&host).unwrap_or(DkimTarget::Other { host })
}

fn microsoft_365(host: &str) -> Option<DkimTarget> {
    let (selector, rest) = if let Some(rest) = host.strip_prefix("selector1-") {
        (Selector::Selector1, rest)
    } else {
        (Selector::Selector2, host.strip_prefix("selector2-")?)
    };
    // The token may itself hold dots in old records; the tenant part follows the last
    // `._domainkey.`.
    let at = rest.rfind(DOMAINKEY)?;
    let (token, tenant) = (&rest[..at], &rest[at + DOMAINKEY.len()..]);
    if token.is_empty() {
        return None;
    }
    let (format, prefix) = if let Some(prefix) = tenant.strip_suffix(CLASSIC_SUFFIX) {
        (TargetFormat::Classic, prefix)
    } else {
        let partitioned = tenant.strip_suffix(PARTITIONED_SUFFIX)?;
        let (prefix, partition_label) = partitioned.rsplit_once('.')?;
        (partition_format(partition_label)?, prefix)
    };
    is_label(prefix).then(|| DkimTarget::Microsoft365 {
        format,
        selector,
        tenant_prefix: prefix.to_owned(),
    })
}

/// `r-v1`: one letter, `-v`, a version number.
fn partition_format(label: &str) -> Option<TargetFormat> {
    let mut chars = label.chars();
    let partition = chars.next().filter(char::is_ascii_lowercase)?;
    let version = chars.as_str().strip_prefix("-v")?;
    let version = version
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| version.parse::<u16>().ok())
        .flatten()?;
    Some(TargetFormat::Partitioned { partition, version })
}

/// One DNS label of letters, digits and inner hyphens: an initial domain's prefix has
/// no dots (a target that keeps `.onmicrosoft.com` in it, or any other dot, is wrong).
fn is_label(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 63
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

#[cfg(test)]
#[path = "target_tests.rs"]
mod tests;
