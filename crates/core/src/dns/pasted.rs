//! Records an admin pasted by hand, for networks that block every DNS-over-HTTPS
//! resolver. Only what was pasted is known: any other question fails as "not pasted",
//! so the report says it could not check an include instead of claiming it is missing.
//!
//! The text may be bare values, `nslookup` output or `dig` output; quoted TXT strings
//! on one line are joined as DNS does with multi-string TXT records.

use super::{DomainName, InMemoryZone, Lookup, RecordType, ResolveError, Resolver};

/// The pasted answers for one domain.
pub struct PastedRecords {
    domain: DomainName,
    zone: InMemoryZone,
    known: Vec<(String, RecordType)>,
}

/// What the paste held, to show the admin before the check runs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PasteSummary {
    pub txt: Vec<String>,
    pub mx: Vec<(u16, String)>,
    pub dmarc: Vec<String>,
    /// Lines that were neither a record nor tool noise, to point at.
    pub ignored: Vec<String>,
}

impl PastedRecords {
    /// Reads the three boxes; an empty box means "not pasted", never "no records".
    pub fn parse(domain: &DomainName, txt: &str, mx: &str, dmarc: &str) -> (Self, PasteSummary) {
        let mut summary = PasteSummary::default();
        let mut zone = InMemoryZone::new();
        let mut known = Vec::new();
        let name = domain.as_str().to_owned();
        let dmarc_name = domain.child("_dmarc").as_str().to_owned();
        if !txt.trim().is_empty() {
            known.push((name.clone(), RecordType::Txt));
            for line in record_lines(txt) {
                match txt_value(line) {
                    Some(value) => {
                        zone = zone.txt(&name, &value);
                        summary.txt.push(value);
                    }
                    None => summary.ignored.push(line.to_owned()),
                }
            }
        }
        if !mx.trim().is_empty() {
            known.push((name.clone(), RecordType::Mx));
            for line in record_lines(mx) {
                match mx_value(line) {
                    Some((preference, host)) => {
                        zone = zone.mx(&name, preference, &host);
                        summary.mx.push((preference, host));
                    }
                    None => summary.ignored.push(line.to_owned()),
                }
            }
        }
        if !dmarc.trim().is_empty() {
            known.push((dmarc_name.clone(), RecordType::Txt));
            for line in record_lines(dmarc) {
                match txt_value(line) {
                    Some(value) => {
                        zone = zone.txt(&dmarc_name, &value);
                        summary.dmarc.push(value);
                    }
                    None => summary.ignored.push(line.to_owned()),
                }
            }
        }
        let records = PastedRecords {
            domain: domain.clone(),
            zone,
            known,
        };
        (records, summary)
    }

    pub fn domain(&self) -> &DomainName {
        &self.domain
    }
}

impl Resolver for PastedRecords {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        let pasted = self
            .known
            .iter()
            .any(|(known, t)| known == name.as_str() && *t == rtype);
        if !pasted {
            return Err(ResolveError::NotPasted(format!(
                "{} {}",
                name.as_str(),
                rtype.mnemonic()
            )));
        }
        match self.zone.lookup(name, rtype).await? {
            // The box had text but no record of this type: the domain has none.
            Lookup::NxDomain => Ok(Lookup::NoData),
            found => Ok(found),
        }
    }
}

/// Lines worth reading: not blank, not a comment or a tool's header.
fn record_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| {
        !line.is_empty()
            && !line.starts_with(';')
            && !line.starts_with("Server:")
            && !line.starts_with("Address:")
            && !line.starts_with("Non-authoritative")
            && !line.starts_with("Authoritative")
    })
}

/// A TXT value: the quoted strings of the line joined, else the bare line (a value
/// copied from a DNS console) unless it looks like tool output.
fn txt_value(line: &str) -> Option<String> {
    if line.contains('"') {
        let mut value = String::new();
        let mut inside = false;
        let mut escaped = false;
        for ch in line.chars() {
            match (inside, escaped, ch) {
                (true, false, '\\') => escaped = true,
                (true, true, c) => {
                    value.push(c);
                    escaped = false;
                }
                (_, _, '"') => inside = !inside,
                (true, false, c) => value.push(c),
                (false, _, _) => {}
            }
        }
        return Some(value);
    }
    let looks_like_output = line.contains("text =") || line.contains(" IN ");
    (!looks_like_output).then(|| line.to_owned())
}

/// An MX as `preference host`: bare (`10 mx.contoso.com`), nslookup
/// (`MX preference = 10, mail exchanger = host`) or dig (`name. 300 IN MX 10 host.`).
fn mx_value(line: &str) -> Option<(u16, String)> {
    if let Some((_, exchanger)) = line.split_once("mail exchanger =") {
        let preference = line
            .split_once("preference =")
            .and_then(|(_, rest)| rest.split(',').next())
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or(0);
        return host(exchanger.trim()).map(|h| (preference, h));
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).rev().find_map(|pair| {
        let preference = pair[0].parse::<u16>().ok()?;
        host(pair[1]).map(|h| (preference, h))
    })
}

fn host(text: &str) -> Option<String> {
    let trimmed = text.trim().trim_end_matches('.');
    if trimmed.is_empty() && text.trim() == "." {
        // The null MX ("0 ."): kept as the root.
        return Some(".".to_owned());
    }
    DomainName::parse_lookup(trimmed)
        .ok()
        .map(|name| name.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;

    fn domain() -> DomainName {
        DomainName::parse("contoso.com").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn reads_bare_values_nslookup_and_dig_output() {
        let txt = r#"
Server:  dns.corp.example
Address:  10.0.0.1

Non-authoritative answer:
contoso.com	text = "v=spf1 include:spf.protection.outlook.com " "-all"
contoso.com.   300 IN TXT "google-site-verification=abc"
MS=ms12345678
"#;
        let mx = "contoso.com	MX preference = 0, mail exchanger = contoso-com.mail.protection.outlook.com\ncontoso.com. 3600 IN MX 10 backup.contoso.com.\n20 third.contoso.com";
        let (_, summary) = PastedRecords::parse(&domain(), txt, mx, "");
        assert_eq!(
            summary.txt,
            vec![
                "v=spf1 include:spf.protection.outlook.com -all",
                "google-site-verification=abc",
                "MS=ms12345678"
            ]
        );
        assert_eq!(
            summary.mx,
            vec![
                (0, "contoso-com.mail.protection.outlook.com".to_owned()),
                (10, "backup.contoso.com".to_owned()),
                (20, "third.contoso.com".to_owned()),
            ]
        );
        assert!(summary.ignored.is_empty(), "{:?}", summary.ignored);
    }

    #[test]
    fn what_was_not_pasted_is_unknown_not_missing() {
        let (records, _) = PastedRecords::parse(&domain(), "v=spf1 -all", "", "");
        let include =
            DomainName::parse("spf.protection.outlook.com").unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            block_on(records.lookup(&include, RecordType::Txt)),
            Err(ResolveError::NotPasted(_))
        ));
        assert!(matches!(
            block_on(records.lookup(&domain(), RecordType::Mx)),
            Err(ResolveError::NotPasted(_))
        ));
        assert!(matches!(
            block_on(records.lookup(&domain(), RecordType::Txt)),
            Ok(Lookup::Records(r)) if r.len() == 1
        ));
    }

    #[test]
    fn a_box_without_records_of_its_type_means_none() {
        let (records, summary) = PastedRecords::parse(&domain(), "", "no records here", "");
        assert_eq!(summary.ignored, vec!["no records here"]);
        assert!(matches!(
            block_on(records.lookup(&domain(), RecordType::Mx)),
            Ok(Lookup::NoData)
        ));
    }

    #[test]
    fn never_panics_on_odd_paste() {
        for text in [
            "\"",
            "\"\\",
            "MX preference = , mail exchanger =",
            "0 .",
            "99999 host",
            "\u{202e}\"x\"",
            "IN MX 10",
        ] {
            let _ = PastedRecords::parse(&domain(), text, text, text);
        }
    }
}
