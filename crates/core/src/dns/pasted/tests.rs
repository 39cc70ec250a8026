use super::*;
use crate::cloud::Cloud;
use crate::i18n::Lang;
use crate::method::MethodId;
use crate::report::{check_domain, CheckRequest, Report, Section, Status};
use futures::executor::block_on;

fn name(text: &str) -> DomainName {
    DomainName::parse_lookup(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn domain() -> DomainName {
    name("contoso.com")
}

/// What a pasted answer must come to.
#[derive(Debug, PartialEq)]
enum Expect {
    Records(usize),
    NoData,
    NxDomain,
    NoResponse,
    ServFail,
    Refused,
}

fn outcome_of(answer: &Result<Lookup, ResolveError>) -> Expect {
    match answer {
        Ok(Lookup::Records(records)) => Expect::Records(records.len()),
        Ok(Lookup::NoData) => Expect::NoData,
        Ok(Lookup::NxDomain) => Expect::NxDomain,
        Err(ResolveError::PastedNoResponse(query)) => {
            assert!(query.starts_with("contoso.com "), "{query}");
            Expect::NoResponse
        }
        Err(ResolveError::ServFail) => Expect::ServFail,
        Err(ResolveError::Refused) => Expect::Refused,
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

const WINDOWS_TIMEOUT: &str = r"C:\Users\admin>nslookup -type=mx contoso.com
DNS request timed out.
    timeout was 2 seconds.
Server:  UnKnown
Address:  192.168.1.1

DNS request timed out.
    timeout was 2 seconds.
DNS request timed out.
    timeout was 2 seconds.
*** Request to UnKnown timed-out
";

const DIG_TIMEOUT: &str = "
; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> MX contoso.com
;; global options: +cmd
;; connection timed out; no servers could be reached
";

const DIG_SERVFAIL: &str = "
; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> MX contoso.com
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 31337
;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
; EDE: 22 (No Reachable Authority): (at delegation contoso.com.)
;; QUESTION SECTION:
;contoso.com.\t\t\tIN\tMX

;; Query time: 4003 msec
;; SERVER: 10.0.0.1#53(10.0.0.1) (UDP)
;; WHEN: Wed Dec 02 09:15:00 UTC 2026
;; MSG SIZE  rcvd: 52
";

fn dig_with(status: &str, answers: usize, body: &str) -> String {
    format!(
        "; <<>> DiG 9.18.28 <<>> MX contoso.com
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: {status}, id: 4242
;; flags: qr rd ra; QUERY: 1, ANSWER: {answers}, AUTHORITY: 1, ADDITIONAL: 1

;; QUESTION SECTION:
;contoso.com.\t\t\tIN\tMX

{body}
;; Query time: 12 msec
;; SERVER: 10.0.0.1#53(10.0.0.1) (UDP)
"
    )
}

const SOA_AUTHORITY: &str = ";; AUTHORITY SECTION:
contoso.com.\t\t300\tIN\tSOA\tns1-01.azure-dns.com. azuredns-hostmaster.microsoft.com. 1 3600 300 2419200 300
";

const WINDOWS_SOA_BLOCK: &str = "Server:  UnKnown
Address:  192.168.1.1

contoso.com
        primary name server = ns1-01.azure-dns.com
        responsible mail addr = azuredns-hostmaster.microsoft.com
        serial  = 1
        refresh = 3600 (1 hour)
        retry   = 300 (5 mins)
        expire  = 2419200 (28 days)
        default TTL = 300 (5 mins)
";

/// Realistic tool output for a failed, a negative and a positive answer, each read for
/// the box it was pasted into. A failure must never come out as "none".
#[test]
fn what_the_tool_said_decides_the_answer() {
    let nxdomain_dig = dig_with("NXDOMAIN", 0, SOA_AUTHORITY);
    let nodata_dig = dig_with("NOERROR", 0, SOA_AUTHORITY);
    let answer_dig = dig_with(
        "NOERROR",
        1,
        ";; ANSWER SECTION:\ncontoso.com.\t\t3600\tIN\tMX\t0 contoso-com.mail.protection.outlook.com.\n",
    );
    let refused_dig = DIG_SERVFAIL.replace("SERVFAIL", "REFUSED");
    let cases: Vec<(&str, RecordType, &str, Expect)> = vec![
        ("nslookup: DNS request timed out, Request to UnKnown timed-out", RecordType::Mx, WINDOWS_TIMEOUT, Expect::NoResponse),
        ("nslookup: the same in the TXT box", RecordType::Txt, WINDOWS_TIMEOUT, Expect::NoResponse),
        ("nslookup: only DNS request timed out", RecordType::Txt, "DNS request timed out.\n    timeout was 2 seconds.", Expect::NoResponse),
        ("nslookup: Server failed", RecordType::Mx, "Server:  UnKnown\nAddress:  10.0.0.1\n\n*** UnKnown can't find contoso.com: Server failed", Expect::ServFail),
        ("nslookup: Server failed in the TXT box", RecordType::Txt, "Server:  UnKnown\nAddress:  10.0.0.1\n\n*** UnKnown can't find contoso.com: Server failed", Expect::ServFail),
        ("nslookup: No response from server", RecordType::Mx, "Server:  dc01.corp.contoso.com\nAddress:  10.0.0.10\n\n*** dc01.corp.contoso.com can't find contoso.com: No response from server", Expect::NoResponse),
        ("nslookup: Query refused", RecordType::Txt, "Server:  dns.example.net\nAddress:  198.51.100.53\n\n*** dns.example.net can't find contoso.com: Query refused", Expect::Refused),
        ("nslookup: Non-existent domain", RecordType::Mx, "Server:  UnKnown\nAddress:  10.0.0.1\n\n*** UnKnown can't find contoso.com: Non-existent domain", Expect::NxDomain),
        ("nslookup: the SOA block Windows prints for none", RecordType::Mx, WINDOWS_SOA_BLOCK, Expect::NoData),
        ("nslookup: the SOA block in the TXT box", RecordType::Txt, WINDOWS_SOA_BLOCK, Expect::NoData),
        ("nslookup (BIND): No answer", RecordType::Txt, "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\n*** Can't find contoso.com: No answer", Expect::NoData),
        ("nslookup (BIND): no servers could be reached", RecordType::Mx, ";; connection timed out; no servers could be reached", Expect::NoResponse),
        (
            "nslookup: its own server's name failed, then the answer",
            RecordType::Mx,
            "*** Can't find server name for address 192.168.1.1: Non-existent domain\nDNS request timed out.\n    timeout was 2 seconds.\nServer:  UnKnown\nAddress:  192.168.1.1\n\nNon-authoritative answer:\ncontoso.com\tMX preference = 0, mail exchanger = contoso-com.mail.protection.outlook.com",
            Expect::Records(1),
        ),
        (
            "nslookup: its own server's name failed, then the lookup timed out",
            RecordType::Mx,
            "*** Can't find server name for address 192.168.1.1: Non-existent domain\nServer:  UnKnown\nAddress:  192.168.1.1\n\nDNS request timed out.\n    timeout was 2 seconds.\n*** Request to UnKnown timed-out",
            Expect::NoResponse,
        ),
        ("dig: connection timed out; no servers could be reached", RecordType::Mx, DIG_TIMEOUT, Expect::NoResponse),
        (
            "dig 9.18: communications errors, no servers could be reached",
            RecordType::Txt,
            ";; communications error to 10.0.0.1#53: timed out\n;; communications error to 10.0.0.1#53: timed out\n\n; <<>> DiG 9.18.28 <<>> TXT contoso.com\n;; global options: +cmd\n;; no servers could be reached",
            Expect::NoResponse,
        ),
        ("dig +short: connection timed out", RecordType::Txt, ";; connection timed out; no servers could be reached", Expect::NoResponse),
        ("dig: status: SERVFAIL", RecordType::Mx, DIG_SERVFAIL, Expect::ServFail),
        ("dig: status: REFUSED", RecordType::Txt, &refused_dig, Expect::Refused),
        ("dig: status: NXDOMAIN (the SOA is not an MX)", RecordType::Mx, &nxdomain_dig, Expect::NxDomain),
        ("dig: status: NOERROR with ANSWER: 0", RecordType::Mx, &nodata_dig, Expect::NoData),
        ("dig: status: NOERROR with ANSWER: 0 in the TXT box", RecordType::Txt, &nodata_dig, Expect::NoData),
        ("dig: status: NOERROR with the answer", RecordType::Mx, &answer_dig, Expect::Records(1)),
    ];
    let mut failures = Vec::new();
    for (label, rtype, text, expected) in cases {
        let (txt, mx) = match rtype {
            RecordType::Mx => ("", text),
            _ => (text, ""),
        };
        let (records, summary) = PastedRecords::parse(&domain(), txt, mx, "");
        let got = outcome_of(&block_on(records.lookup(&domain(), rtype)));
        if got != expected {
            failures.push(format!("{label}: got {got:?}, expected {expected:?}"));
        }
        // Tool output is not a line the admin needs pointing at.
        if !summary.ignored.is_empty() {
            failures.push(format!("{label}: ignored {:?}", summary.ignored));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn check(records: &PastedRecords) -> Report {
    let request = CheckRequest {
        domain: domain(),
        ips: vec![Ipv4Addr::new(203, 0, 113, 25)],
        method: Some(MethodId::DirectSend),
        cloud: Some(Cloud::Worldwide),
        draft: None,
    };
    block_on(check_domain(records, &request))
}

/// The issue's case: a timed-out nslookup in the MX and TXT boxes said "contoso.com has
/// no MX records ... Publish the MX record" and "No SPF record is published".
#[test]
fn a_timed_out_nslookup_is_could_not_check_not_missing() {
    for timed_out in [WINDOWS_TIMEOUT, DIG_TIMEOUT, DIG_SERVFAIL] {
        let (records, _) = PastedRecords::parse(&domain(), timed_out, timed_out, timed_out);
        let report = check(&records);
        for section in [Section::Mx, Section::Spf, Section::Dmarc] {
            assert_eq!(report.status(section), Status::CouldNotCheck, "{section:?}");
        }
        for finding in &report.findings {
            assert_eq!(finding.code, "dns-error", "{finding:?}");
        }
        assert_eq!(report.spf.record, None);
        assert_eq!(report.mx.kind, None);
    }
}

#[test]
fn a_pasted_time_out_says_the_paste_showed_it_in_both_languages() {
    let (records, _) = PastedRecords::parse(&domain(), "", WINDOWS_TIMEOUT, "");
    let error = block_on(records.lookup(&domain(), RecordType::Mx))
        .err()
        .unwrap_or_else(|| panic!("no error"));
    assert_eq!(
        error.message(Lang::En),
        "the output pasted for contoso.com MX shows that no DNS server answered (the lookup timed out or no server could be reached)"
    );
    let vi = error.message(Lang::Vi);
    assert!(
        vi.contains("contoso.com MX") && vi.contains("kết quả đã dán"),
        "{vi}"
    );
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
    let mx = "contoso.com	MX preference = 0, mail exchanger = contoso-com.mail.protection.outlook.com\ncontoso.com. 3600 IN MX 10 backup.contoso.com.\n20 third.contoso.com\ncontoso.com\tmail exchanger = 30 fourth.contoso.com.";
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
            (30, "fourth.contoso.com".to_owned()),
        ]
    );
    assert!(summary.ignored.is_empty(), "{:?}", summary.ignored);
}

/// Windows nslookup writes each string of a long TXT record on its own line under one
/// `text =`; read apart, the SPF record would lose its end.
#[test]
fn a_windows_multi_string_txt_record_stays_one_record() {
    let txt = "Server:  UnKnown\nAddress:  192.168.1.1\n\nNon-authoritative answer:\ncontoso.com\ttext =\n\n\t\"v=spf1 include:spf.protection.outlook.com \"\n\t\"include:_spf.vendor.example -all\"\ncontoso.com\ttext =\n\n\t\"MS=ms12345678\"\n";
    let (_, summary) = PastedRecords::parse(&domain(), txt, "", "");
    assert_eq!(
        summary.txt,
        vec![
            "v=spf1 include:spf.protection.outlook.com include:_spf.vendor.example -all",
            "MS=ms12345678"
        ]
    );
    assert!(summary.ignored.is_empty(), "{:?}", summary.ignored);
}

#[test]
fn addresses_come_from_the_answer_not_the_server_line() {
    let host = name("printers.contoso.com");
    let cases = [
        "Server:  UnKnown\nAddress:  192.168.1.1\n\nNon-authoritative answer:\nName:    printers.contoso.com\nAddresses:  203.0.113.10\n          203.0.113.11",
        "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\nName:\tprinters.contoso.com\nAddress: 203.0.113.10\nName:\tprinters.contoso.com\nAddress: 203.0.113.11",
        "printers.contoso.com.\t300\tIN\tA\t203.0.113.10\nprinters.contoso.com.\t300\tIN\tA\t203.0.113.11",
        "203.0.113.10\n203.0.113.11",
    ];
    for text in cases {
        let mut records = PastedRecords::new(&domain());
        let ignored = records.add(&host, RecordType::A, text);
        assert!(ignored.is_empty(), "{text}: {ignored:?}");
        let found = block_on(records.lookup(&host, RecordType::A));
        let addresses: Vec<RecordData> = match found {
            Ok(lookup) => lookup.records().iter().map(|r| r.data.clone()).collect(),
            Err(e) => panic!("{text}: {e}"),
        };
        assert_eq!(
            addresses,
            vec![
                RecordData::A(Ipv4Addr::new(203, 0, 113, 10)),
                RecordData::A(Ipv4Addr::new(203, 0, 113, 11))
            ],
            "{text}"
        );
    }
}

#[test]
fn what_was_not_pasted_is_unknown_not_missing() {
    let (records, _) = PastedRecords::parse(&domain(), "v=spf1 -all", "", "");
    let include = name("spf.protection.outlook.com");
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

/// Text that holds neither a record nor a tool's answer (another command's output,
/// output cut off after the server lines) says nothing about the name: the check
/// could not look, it must not say "no MX records, publish one".
#[test]
fn a_box_without_records_or_an_answer_is_unreadable_not_none() {
    let cut_off = "Server:  UnKnown\nAddress:  192.168.1.1\n";
    for text in ["no records here", cut_off] {
        let (records, _) = PastedRecords::parse(&domain(), "", text, "");
        assert_eq!(
            block_on(records.lookup(&domain(), RecordType::Mx)),
            Err(ResolveError::PastedUnreadable("contoso.com MX".to_owned())),
            "{text}"
        );
    }
    let (_, summary) = PastedRecords::parse(&domain(), "", "no records here", "");
    assert_eq!(summary.ignored, vec!["no records here"]);
}

#[test]
fn an_unreadable_box_makes_its_section_could_not_check() {
    let request = CheckRequest {
        domain: domain(),
        ips: vec![],
        method: Some(MethodId::DirectSend),
        cloud: Some(Cloud::Worldwide),
        draft: None,
    };
    let (records, _) = PastedRecords::parse(
        &domain(),
        "v=spf1 include:spf.protection.outlook.com -all",
        "no records here",
        "v=DMARC1; p=none",
    );
    let report = block_on(check_domain(&records, &request));
    assert_eq!(report.mx.kind, None, "{:?}", report.mx);
    assert!(
        report.findings.iter().all(|f| f.code != "mx-missing"),
        "{:?}",
        report.findings
    );
}

const SPF_WITH_OTHERS: &str =
    "v=spf1 include:_spf.vendor.example a:printers.contoso.com mx:contoso.net -all";

fn needed(records: &PastedRecords) -> Vec<(String, &'static str)> {
    records
        .still_needed()
        .iter()
        .map(|n| (n.name.as_str().to_owned(), n.rtype.mnemonic()))
        .collect()
}

fn device_result(report: &Report) -> &str {
    report
        .spf
        .ip_checks
        .first()
        .map_or("none", |c| c.result.as_str())
}

/// The records an SPF record reaches into are listed once the check asked for them, and
/// pasting one re-evaluates the device IP; the boxes' own questions are not listed.
#[test]
fn the_names_an_spf_record_reaches_are_listed_until_pasted() {
    let (records, _) = PastedRecords::parse(&domain(), SPF_WITH_OTHERS, "", "");
    let report = check(&records);
    assert_eq!(device_result(&report), "temperror");
    let listed = needed(&records);
    // In the order asked; whatever else the report asks (checking a suggestion) comes
    // after.
    assert!(
        listed.starts_with(&[
            ("_spf.vendor.example".to_owned(), "TXT"),
            ("printers.contoso.com".to_owned(), "A"),
            ("contoso.net".to_owned(), "MX"),
        ]),
        "{listed:?}"
    );
    assert!(
        !listed
            .iter()
            .any(|(n, _)| n == "contoso.com" || n == "_dmarc.contoso.com"),
        "{listed:?}"
    );
    assert!(records.still_needed().iter().all(|n| n.failure.is_none()));

    let (mut records, _) = PastedRecords::parse(&domain(), SPF_WITH_OTHERS, "", "");
    let ignored = records.add(
        &name("_spf.vendor.example"),
        RecordType::Txt,
        "_spf.vendor.example\ttext = \"v=spf1 ip4:203.0.113.0/24 -all\"",
    );
    assert!(ignored.is_empty(), "{ignored:?}");
    let report = check(&records);
    assert_eq!(device_result(&report), "pass");
    let still = needed(&records);
    assert!(
        !still.iter().any(|(n, _)| n == "_spf.vendor.example"),
        "{still:?}"
    );
    // The a: and mx: names were not needed for this IP's result, but the tree walk and
    // the prefetch asked: they are still unknown and say so.
    assert!(
        still.contains(&("printers.contoso.com".to_owned(), "A")),
        "{still:?}"
    );
}

#[test]
fn a_pasted_failure_for_an_include_stays_needed_with_its_cause() {
    let (mut records, _) = PastedRecords::parse(&domain(), SPF_WITH_OTHERS, "", "");
    records.add(
        &name("_spf.vendor.example"),
        RecordType::Txt,
        "*** UnKnown can't find _spf.vendor.example: Server failed",
    );
    let report = check(&records);
    assert_eq!(device_result(&report), "temperror");
    let first = records.still_needed().into_iter().next();
    assert_eq!(
        first,
        Some(NeededRecord {
            name: name("_spf.vendor.example"),
            rtype: RecordType::Txt,
            failure: Some(ResolveError::ServFail),
        })
    );
}

#[test]
fn an_include_pasted_as_none_is_a_real_answer() {
    let (mut records, _) = PastedRecords::parse(&domain(), SPF_WITH_OTHERS, "", "");
    records.add(
        &name("_spf.vendor.example"),
        RecordType::Txt,
        "*** UnKnown can't find _spf.vendor.example: Non-existent domain",
    );
    let report = check(&records);
    // RFC 7208 5.2: an include whose target has no record is a permerror.
    assert_eq!(device_result(&report), "permerror");
    assert!(!needed(&records).contains(&("_spf.vendor.example".to_owned(), "TXT")));
}

#[test]
fn the_commands_print_exactly_the_needed_record() {
    let needed = NeededRecord {
        name: name("_spf.example.com"),
        rtype: RecordType::Txt,
        failure: None,
    };
    assert_eq!(needed.dig_command(), "dig +short TXT _spf.example.com");
    assert_eq!(
        needed.nslookup_command(),
        "nslookup -type=TXT _spf.example.com"
    );
    let address = NeededRecord {
        rtype: RecordType::A,
        ..needed
    };
    assert_eq!(address.dig_command(), "dig +short A _spf.example.com");
    assert_eq!(
        address.nslookup_command(),
        "nslookup -type=A _spf.example.com"
    );
}

#[test]
fn empty_text_adds_nothing() {
    let mut records = PastedRecords::new(&domain());
    let include = name("_spf.vendor.example");
    assert!(records.add(&include, RecordType::Txt, "  \n ").is_empty());
    assert!(matches!(
        block_on(records.lookup(&include, RecordType::Txt)),
        Err(ResolveError::NotPasted(_))
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
        "a IN",
        "a 1 IN MX",
        "status:",
        "Name:\nAddress:",
        "Addresses: ::1 1.2.3.4",
        "text =\n\"",
    ] {
        let (mut records, _) = PastedRecords::parse(&domain(), text, text, text);
        for rtype in [
            RecordType::A,
            RecordType::Aaaa,
            RecordType::Ptr,
            RecordType::Mx,
        ] {
            let _ = records.add(&name("x.contoso.com"), rtype, text);
        }
    }
}

/// The DKIM selectors are CNAMEs: nslookup's `canonical name =`, dig's answer line and a
/// bare target all read, and the key behind the target completes the section.
#[test]
fn dkim_selectors_are_pasted_as_cnames() {
    let target = "selector1-contoso-com._domainkey.contoso.onmicrosoft.com";
    for pasted in [
        format!("selector1._domainkey.contoso.com\tcanonical name = {target}"),
        format!("selector1._domainkey.contoso.com. 3600 IN CNAME {target}."),
        target.to_owned(),
    ] {
        let (mut records, _) = PastedRecords::parse(&domain(), "v=spf1 -all", "", "");
        let ignored = records.add(
            &name("selector1._domainkey.contoso.com"),
            RecordType::Cname,
            &pasted,
        );
        assert!(ignored.is_empty(), "{pasted}: {ignored:?}");
        records.add(
            &name("selector2._domainkey.contoso.com"),
            RecordType::Cname,
            "*** UnKnown can't find selector2._domainkey.contoso.com: Non-existent domain",
        );
        records.add(
            &name(target),
            RecordType::Txt,
            &format!("\"v=DKIM1; k=rsa; p={}\"", crate::dkim::test_keys::RSA_2048),
        );
        let report = check(&records);
        let first = &report.dkim.selectors[0];
        assert_eq!(first.target(), Some(target), "{pasted}");
        assert_eq!(
            first.key_words(Lang::En).as_deref(),
            Some("RSA, 2048 bits"),
            "{pasted}"
        );
        assert_ne!(
            report.status(Section::Dkim),
            Status::CouldNotCheck,
            "{pasted}: {:?}",
            report.findings
        );
    }
}
