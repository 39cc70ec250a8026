//! The server's certificate read with x509-parser: names, dates, issuer.

use smarthost_core::date::Date;
use smarthost_core::probe::{Certificate, Trust};
use std::net::IpAddr;
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::{FromDer, X509Certificate};

/// The certificate's facts, or `None` when its DER does not parse.
pub fn read(der: &[u8], trust: Trust) -> Option<Certificate> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    let subject_cn = cert
        .subject()
        .iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .map(str::to_owned);
    let names = match cert.subject_alternative_name() {
        Ok(Some(extension)) => extension
            .value
            .general_names
            .iter()
            .filter_map(|name| match name {
                GeneralName::DNSName(dns) => Some((*dns).to_owned()),
                GeneralName::IPAddress(bytes) => ip(bytes).map(|ip| ip.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    // webpki refuses a self-signed server certificate as "a CA used as an end entity"
    // (a reason it does not name); what the admin needs to hear is "self-signed".
    let self_signed = cert.subject().as_raw() == cert.issuer().as_raw();
    let trust = match trust {
        Trust::Other if self_signed => Trust::UnknownIssuer,
        trust => trust,
    };
    let validity = cert.validity();
    Some(Certificate {
        subject_cn,
        issuer: cert.issuer().to_string(),
        names,
        not_before: day(validity.not_before.timestamp()),
        not_after: day(validity.not_after.timestamp()),
        trust,
    })
}

fn ip(bytes: &[u8]) -> Option<IpAddr> {
    match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes).ok().map(IpAddr::from),
        16 => <[u8; 16]>::try_from(bytes).ok().map(IpAddr::from),
        _ => None,
    }
}

fn day(unix_seconds: i64) -> Date {
    Date::from_days_since_epoch(unix_seconds.div_euclid(86_400))
}
