//! The check's inputs, from the link or the form, read into what a run needs or the
//! reason it cannot run. No rendering and no browser: tested natively.

use crate::i18n::{lang, tf};
use smarthost_core::cloud::Cloud;
use smarthost_core::dns::{DomainName, NameError};
use smarthost_core::method::MethodId;
use smarthost_core::report::CheckRequest;
use smarthost_core::validate;
use std::net::Ipv4Addr;

/// What a run needs, once the inputs are valid.
#[derive(Clone, PartialEq, Debug)]
pub struct CheckTarget {
    pub domain: DomainName,
    pub ips: Vec<Ipv4Addr>,
    pub method: Option<MethodId>,
    pub cloud: Option<Cloud>,
    pub doh: Option<String>,
    /// The resolver the link's sender used (`resolver=` parameter).
    pub resolver: Option<String>,
}

impl CheckTarget {
    pub fn request(&self, draft: Option<String>) -> CheckRequest {
        CheckRequest {
            domain: self.domain.clone(),
            ips: self.ips.clone(),
            method: self.method,
            cloud: self.cloud,
            draft,
        }
    }
}

/// Why the typed or linked inputs cannot run. Kept unlocalized so a message shown
/// follows the page's language when it changes.
#[derive(Clone, PartialEq, Debug)]
pub enum InputError {
    Domain(NameError),
    /// The first device IP entry that is not an IPv4 address (core splits and parses
    /// the list as typed).
    Ips(String),
}

impl InputError {
    pub fn is_domain(&self) -> bool {
        matches!(self, InputError::Domain(_))
    }

    /// The message in the page's language (reactive).
    pub fn message(&self) -> String {
        match self {
            InputError::Domain(error) => error.message(lang()),
            InputError::Ips(bad) => tf("ui.check.bad-ip", &[("ip", bad)]),
        }
    }
}

/// The link's parameters as the page reads them.
pub struct LinkInputs {
    pub domain: String,
    pub ips: String,
    pub method: String,
    /// None when not chosen: the report then follows the MX host.
    pub cloud: Option<Cloud>,
    pub doh: Option<String>,
    pub resolver: Option<String>,
}

impl LinkInputs {
    /// The target the link describes, the reason it cannot run (the domain's before the
    /// addresses'), or `None` when it names no domain.
    pub fn target(self) -> Option<Result<CheckTarget, InputError>> {
        if self.domain.trim().is_empty() {
            return None;
        }
        let domain = DomainName::parse(&self.domain).map_err(InputError::Domain);
        let ips = validate::parse_ipv4_list(&self.ips).map_err(InputError::Ips);
        Some(domain.and_then(|domain| {
            Ok(CheckTarget {
                domain,
                ips: ips?,
                method: MethodId::parse(self.method.trim()),
                cloud: self.cloud,
                doh: self.doh,
                resolver: self.resolver,
            })
        }))
    }
}

/// What is wrong with each field of a submitted form.
#[derive(Debug, PartialEq)]
pub struct FormErrors {
    pub domain: Option<InputError>,
    pub ips: Option<InputError>,
}

/// The query a valid form submits (values trimmed, empty ones left out), or what is
/// wrong with each field.
pub fn submitted<'a>(
    domain: &'a str,
    ips: &'a str,
    method: &'a str,
) -> Result<[(&'static str, Option<&'a str>); 3], FormErrors> {
    let domain_ok = DomainName::parse(domain);
    let ips_ok = validate::parse_ipv4_list(ips);
    if domain_ok.is_ok() && ips_ok.is_ok() {
        return Ok(as_typed(domain, ips, method));
    }
    Err(FormErrors {
        domain: domain_ok.err().map(InputError::Domain),
        ips: ips_ok.err().map(InputError::Ips),
    })
}

/// The query of the form as typed (values trimmed, empty ones left out), valid or not:
/// after an invalid submit the address names what was typed, so the previous check's
/// results and link do not stay under the new input.
pub fn as_typed<'a>(
    domain: &'a str,
    ips: &'a str,
    method: &'a str,
) -> [(&'static str, Option<&'a str>); 3] {
    let present = |value: &'a str| Some(value.trim()).filter(|v| !v.is_empty());
    [
        ("domain", present(domain)),
        ("ip", present(ips)),
        ("method", present(method)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(domain: &str, ips: &str, method: &str) -> LinkInputs {
        LinkInputs {
            domain: domain.to_owned(),
            ips: ips.to_owned(),
            method: method.to_owned(),
            cloud: Some(Cloud::GccHigh),
            doh: Some("http://127.0.0.1:8053/dns-query".to_owned()),
            resolver: Some("google-json".to_owned()),
        }
    }

    #[test]
    fn a_link_without_a_domain_asks_for_nothing() {
        assert_eq!(link("", "203.0.113.25", "direct-send").target(), None);
        assert_eq!(link("  ", "not an ip", "").target(), None);
    }

    #[test]
    fn a_valid_link_carries_every_parameter() {
        let target = link("contoso.com", "203.0.113.25, 198.51.100.7", " relay-ip ")
            .target()
            .unwrap()
            .unwrap();
        assert_eq!(target.domain.as_str(), "contoso.com");
        assert_eq!(
            target.ips,
            [
                Ipv4Addr::new(203, 0, 113, 25),
                Ipv4Addr::new(198, 51, 100, 7)
            ]
        );
        assert_eq!(target.method, Some(MethodId::RelayIp));
        assert_eq!(target.cloud, Some(Cloud::GccHigh));
        assert_eq!(
            target.doh.as_deref(),
            Some("http://127.0.0.1:8053/dns-query")
        );
        assert_eq!(target.resolver.as_deref(), Some("google-json"));
        let request = target.request(Some("v=spf1 -all".to_owned()));
        assert_eq!(request.ips, target.ips);
        assert_eq!(request.draft.as_deref(), Some("v=spf1 -all"));
    }

    #[test]
    fn an_unknown_method_checks_for_any_method() {
        let target = link("contoso.com", "", "smtp-fax")
            .target()
            .unwrap()
            .unwrap();
        assert_eq!(target.method, None);
        assert!(target.ips.is_empty());
    }

    #[test]
    fn a_bad_link_names_the_domain_before_the_addresses() {
        let bad_domain = link("contoso..com", "300.1.1.1", "").target().unwrap();
        assert!(matches!(bad_domain, Err(InputError::Domain(_))));
        let bad_ip = link("contoso.com", "203.0.113.25 300.1.1.1", "").target();
        assert_eq!(bad_ip, Some(Err(InputError::Ips("300.1.1.1".to_owned()))));
    }

    #[test]
    fn a_valid_form_submits_trimmed_values_and_leaves_out_empty_ones() {
        assert_eq!(
            submitted(" contoso.com ", " 203.0.113.25 ", " direct-send "),
            Ok([
                ("domain", Some("contoso.com")),
                ("ip", Some("203.0.113.25")),
                ("method", Some("direct-send")),
            ])
        );
        assert_eq!(
            submitted("contoso.com", "  ", ""),
            Ok([
                ("domain", Some("contoso.com")),
                ("ip", None),
                ("method", None)
            ])
        );
    }

    #[test]
    fn an_invalid_form_says_what_is_wrong_with_each_field() {
        let both = submitted("", "x", "").unwrap_err();
        assert!(both.domain.as_ref().is_some_and(InputError::is_domain));
        assert_eq!(both.ips, Some(InputError::Ips("x".to_owned())));
        let ips_only = submitted("contoso.com", "203.0.113.25;x", "").unwrap_err();
        assert_eq!(ips_only.domain, None);
        assert_eq!(ips_only.ips, Some(InputError::Ips("x".to_owned())));
    }

    #[test]
    fn an_invalid_form_is_linked_as_typed_and_the_link_does_not_run() {
        let query = as_typed(" contoso.com ", " 2001:db8::1 ", "");
        assert_eq!(
            query,
            [
                ("domain", Some("contoso.com")),
                ("ip", Some("2001:db8::1")),
                ("method", None)
            ]
        );
        let linked = link("contoso.com", "2001:db8::1", "").target();
        assert_eq!(linked, Some(Err(InputError::Ips("2001:db8::1".to_owned()))));
        assert_eq!(as_typed("  ", "", " ")[0], ("domain", None));
    }
}
