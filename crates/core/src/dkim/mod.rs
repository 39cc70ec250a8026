//! DKIM for Microsoft 365 custom domains (issue #15; facts in
//! `dkim-and-bounces.md`, "Area 1"): what the `selector1._domainkey` and
//! `selector2._domainkey` CNAMEs of a domain point at, judged by the rules Microsoft
//! publishes. The expected value is never constructed ("Always use the exact CNAME
//! values ... Don't construct them manually"): a target is only matched against the
//! published shapes, and what it reveals (the tenant's initial-domain prefix) is given
//! back for the admin to compare.

mod der;
mod key;
mod target;
#[cfg(test)]
pub(crate) mod test_keys;

pub use key::{parse_key, DkimKey, KeyError, KeyType};
pub use target::{classify_target, DkimTarget, Selector, TargetFormat};
