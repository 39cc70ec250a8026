use super::*;
use crate::dns::{HttpResponse, NetworkFailure, TransportError};
use crate::i18n::Lang;
use crate::test_rng::Rng;
use futures::executor::block_on;
use std::cell::RefCell;

/// Canned responses keyed by a URL substring (first match wins), plus a call log.
#[derive(Default)]
struct FakeTransport {
    routes: Vec<(String, Result<HttpResponse, TransportError>)>,
    calls: RefCell<Vec<(String, String)>>,
}

impl FakeTransport {
    fn new() -> Self {
        Self::default()
    }

    fn json(mut self, url_part: &str, body: &str) -> Self {
        self.routes.push((
            url_part.to_owned(),
            Ok(HttpResponse {
                status: 200,
                body: body.as_bytes().to_vec(),
            }),
        ));
        self
    }

    fn status(mut self, url_part: &str, status: u16) -> Self {
        self.routes.push((
            url_part.to_owned(),
            Ok(HttpResponse {
                status,
                body: b"oops".to_vec(),
            }),
        ));
        self
    }

    fn error(mut self, url_part: &str, error: TransportError) -> Self {
        self.routes.push((url_part.to_owned(), Err(error)));
        self
    }
}

impl HttpTransport for FakeTransport {
    async fn get(&self, url: &str, accept: &str) -> Result<HttpResponse, TransportError> {
        self.calls
            .borrow_mut()
            .push((url.to_owned(), accept.to_owned()));
        self.routes
            .iter()
            .find(|(part, _)| url.contains(part.as_str()))
            .map(|(_, response)| response.clone())
            .unwrap_or(Ok(HttpResponse {
                status: 404,
                body: Vec::new(),
            }))
    }
}

const CLOUDFLARE: &str = "https://cloudflare-dns.com/dns-query";
const GOOGLE: &str = "https://dns.google/resolve";

fn name(text: &str) -> DomainName {
    DomainName::parse(text).unwrap()
}

fn lookup(
    endpoint: &str,
    transport: FakeTransport,
    query: &str,
    rtype: RecordType,
) -> Result<Lookup, ResolveError> {
    let resolver = DohJsonResolver::new(endpoint, transport).unwrap();
    block_on(resolver.lookup(&name(query), rtype))
}

fn answer(status: u16, records: &str) -> String {
    format!(
        r#"{{"Status":{status},"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,"Answer":[{records}]}}"#
    )
}

fn txt_record(owner: &str, data_json: &str) -> String {
    format!(r#"{{"name":"{owner}","type":16,"TTL":300,"data":{data_json}}}"#)
}

fn expect_malformed(body: &str) {
    let transport = FakeTransport::new().json("name=", body);
    match lookup(CLOUDFLARE, transport, "example.com", RecordType::Txt) {
        Err(ResolveError::MalformedJson(problem)) => {
            assert!(!problem.message(Lang::En).is_empty())
        }
        other => panic!("{body}: expected MalformedJson, got {other:?}"),
    }
}

#[test]
fn dialect_follows_the_path() {
    let cf = DohJsonResolver::new(CLOUDFLARE, FakeTransport::new()).unwrap();
    assert_eq!(cf.dialect(), JsonDialect::Cloudflare);
    let google = DohJsonResolver::new(GOOGLE, FakeTransport::new()).unwrap();
    assert_eq!(google.dialect(), JsonDialect::Google);
    assert_eq!(
        JsonDialect::for_endpoint("https://dns.google/resolve/?x=1"),
        JsonDialect::Google
    );
    assert_eq!(
        JsonDialect::for_endpoint("https://example.net/dns-query?resolve"),
        JsonDialect::Cloudflare
    );
}

#[test]
fn bad_endpoints_are_rejected() {
    for bad in [
        "",
        "ftp://x",
        "https://",
        "https:///path",
        "dns.google",
        "https://a b",
    ] {
        assert!(
            matches!(
                DohJsonResolver::new(bad, FakeTransport::new()),
                Err(ResolveError::BadEndpoint(_))
            ),
            "{bad}"
        );
    }
    let ok =
        DohJsonResolver::new("  http://127.0.0.1:8053/dns-query ", FakeTransport::new()).unwrap();
    assert_eq!(ok.endpoint(), "http://127.0.0.1:8053/dns-query");
}

#[test]
fn cloudflare_url_and_accept() {
    let transport = FakeTransport::new().json("name=", &answer(0, ""));
    let resolver = DohJsonResolver::new(CLOUDFLARE, transport).unwrap();
    block_on(resolver.lookup(&name("Contoso.COM"), RecordType::Mx)).unwrap();
    let calls = resolver.transport.calls.borrow();
    assert_eq!(
        calls.as_slice(),
        [(
            "https://cloudflare-dns.com/dns-query?name=contoso.com&type=MX".to_owned(),
            "application/dns-json".to_owned()
        )]
    );
}

#[test]
fn google_url_and_existing_query_string() {
    let transport = FakeTransport::new().json("name=", &answer(0, ""));
    let resolver = DohJsonResolver::new(GOOGLE, transport).unwrap();
    block_on(resolver.lookup(&name("example.com").child("_dmarc"), RecordType::Txt)).unwrap();
    let transport = FakeTransport::new().json("name=", &answer(0, ""));
    let with_query =
        DohJsonResolver::new("https://dns.google/resolve?cd=false", transport).unwrap();
    block_on(with_query.lookup(&name("example.com"), RecordType::Unknown(99))).unwrap();
    assert_eq!(
        resolver.transport.calls.borrow()[0],
        (
            "https://dns.google/resolve?name=_dmarc.example.com&type=TXT".to_owned(),
            "application/dns-json".to_owned()
        )
    );
    assert_eq!(
        with_query.transport.calls.borrow()[0].0,
        "https://dns.google/resolve?cd=false&name=example.com&type=99"
    );
}

#[test]
fn cloudflare_txt_with_two_quoted_strings() {
    let body = answer(
        0,
        &txt_record(
            "example.com.",
            r#""\"v=spf1 \" \"include:spf.protection.outlook.com -all\"""#,
        ),
    );
    let transport = FakeTransport::new().json("type=TXT", &body);
    let found = lookup(CLOUDFLARE, transport, "example.com", RecordType::Txt).unwrap();
    let records = found.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].name, "example.com");
    assert_eq!(records[0].ttl, 300);
    assert_eq!(
        records[0].data,
        RecordData::Txt(vec![
            b"v=spf1 ".to_vec(),
            b"include:spf.protection.outlook.com -all".to_vec()
        ])
    );
    assert_eq!(
        records[0].data.txt_joined().unwrap(),
        "v=spf1 include:spf.protection.outlook.com -all"
    );
}

#[test]
fn cloudflare_txt_escapes() {
    // The data is the presentation form "a\"b\\c\065", JSON-escaped once more.
    let body = answer(0, &txt_record("example.com", r#""\"a\\\"b\\\\c\\065\"""#));
    let transport = FakeTransport::new().json("name=", &body);
    let found = lookup(CLOUDFLARE, transport, "example.com", RecordType::Txt).unwrap();
    assert_eq!(
        found.records()[0].data,
        RecordData::Txt(vec![b"a\"b\\cA".to_vec()])
    );
}

#[test]
fn quoted_string_parser() {
    assert_eq!(
        parse_quoted_strings(r#""a\"b\\c\065""#),
        Some(vec![b"a\"b\\cA".to_vec()])
    );
    assert_eq!(
        parse_quoted_strings("\"\" \t \"x\\255\"  "),
        Some(vec![Vec::new(), vec![b'x', 255]])
    );
    assert_eq!(
        parse_quoted_strings(r#""caf\195\169""#),
        Some(vec!["café".as_bytes().to_vec()])
    );
    for bad in [
        r#""unterminated"#,
        r#""a" b"#,
        r#""a""b""#,
        r#""\256""#,
        r#""\12""#,
        r#""\1a2""#,
        r#""ends with backslash\"#,
        "",
        "  ",
    ] {
        assert_eq!(parse_quoted_strings(bad), None, "{bad}");
    }
}

#[test]
fn malformed_txt_quoting_is_malformed_json() {
    expect_malformed(&answer(0, &txt_record("example.com", r#""\"v=spf1 -all""#)));
    expect_malformed(&answer(0, &txt_record("example.com", r#""\"a\" junk""#)));
}

#[test]
fn google_txt_unquoted() {
    let body = answer(
        0,
        &txt_record(
            "example.com.",
            r#""v=spf1 include:spf.protection.outlook.com -all""#,
        ),
    );
    let transport = FakeTransport::new().json("name=example.com", &body);
    let found = lookup(GOOGLE, transport, "example.com", RecordType::Txt).unwrap();
    assert_eq!(
        found.records()[0].data,
        RecordData::Txt(vec![
            b"v=spf1 include:spf.protection.outlook.com -all".to_vec()
        ])
    );
}

#[test]
fn mx_records() {
    let body = answer(
        0,
        r#"{"name":"Contoso.com.","type":15,"TTL":3600,"data":"0 Contoso-com.mail.protection.outlook.com."},
           {"name":"contoso.com.","type":15,"TTL":3600,"data":"10  backup.contoso.com"}"#,
    );
    let transport = FakeTransport::new().json("type=MX", &body);
    let found = lookup(CLOUDFLARE, transport, "contoso.com", RecordType::Mx).unwrap();
    assert_eq!(
        found,
        Lookup::Records(vec![
            Record {
                name: "contoso.com".to_owned(),
                rtype: RecordType::Mx,
                ttl: 3600,
                data: RecordData::Mx {
                    preference: 0,
                    exchange: "contoso-com.mail.protection.outlook.com".to_owned()
                }
            },
            Record {
                name: "contoso.com".to_owned(),
                rtype: RecordType::Mx,
                ttl: 3600,
                data: RecordData::Mx {
                    preference: 10,
                    exchange: "backup.contoso.com".to_owned()
                }
            },
        ])
    );
}

#[test]
fn null_mx_has_an_empty_exchange() {
    let body = answer(
        0,
        r#"{"name":"example.com","type":15,"TTL":60,"data":"0 ."}"#,
    );
    let transport = FakeTransport::new().json("name=", &body);
    let found = lookup(GOOGLE, transport, "example.com", RecordType::Mx).unwrap();
    assert_eq!(
        found.records()[0].data,
        RecordData::Mx {
            preference: 0,
            exchange: String::new()
        }
    );
}

#[test]
fn cname_chain_to_a_and_aaaa() {
    let body = answer(
        0,
        r#"{"name":"www.example.com.","type":5,"TTL":300,"data":"Edge.Example.net."},
           {"name":"edge.example.net.","type":5,"TTL":300,"data":"host.example.org."},
           {"name":"host.example.org.","type":1,"TTL":20,"data":"192.0.2.7"},
           {"name":"host.example.org.","type":28,"TTL":20,"data":"2001:db8::7"}"#,
    );
    let transport = FakeTransport::new().json("name=", &body);
    let found = lookup(CLOUDFLARE, transport, "www.example.com", RecordType::A).unwrap();
    assert_eq!(
        found,
        Lookup::Records(vec![Record {
            name: "host.example.org".to_owned(),
            rtype: RecordType::A,
            ttl: 20,
            data: RecordData::A(Ipv4Addr::new(192, 0, 2, 7)),
        }])
    );
    let transport = FakeTransport::new().json("name=", &body);
    let found = lookup(CLOUDFLARE, transport, "www.example.com", RecordType::Aaaa).unwrap();
    assert_eq!(
        found.records()[0].data,
        RecordData::Aaaa("2001:db8::7".parse().unwrap())
    );
}

#[test]
fn ptr_and_unknown_types() {
    let body = answer(
        0,
        r#"{"name":"7.2.0.192.in-addr.arpa.","type":12,"TTL":60,"data":"Host.Example.org."},
           {"name":"7.2.0.192.in-addr.arpa.","type":46,"TTL":60,"data":"PTR 8 6 60 ..."}"#,
    );
    let decoded = decode_json_answer(body.as_bytes()).unwrap();
    assert_eq!(decoded.rcode, Rcode::NoError);
    assert_eq!(
        decoded.records[0].data,
        RecordData::Ptr("host.example.org".to_owned())
    );
    assert_eq!(decoded.records[1].rtype, RecordType::Unknown(46));
    assert_eq!(
        decoded.records[1].data,
        RecordData::Other(b"PTR 8 6 60 ...".to_vec())
    );
}

#[test]
fn nxdomain() {
    let body = r#"{"Status":3,"TC":false,"Question":[{"name":"nope.example.com.","type":16}],
        "Authority":[{"name":"example.com.","type":6,"TTL":900,"data":"ns. host. 1 2 3 4 5"}]}"#;
    let transport = FakeTransport::new().json("name=", body);
    assert_eq!(
        lookup(CLOUDFLARE, transport, "nope.example.com", RecordType::Txt),
        Ok(Lookup::NxDomain)
    );
}

#[test]
fn servfail_refused_and_other_rcodes() {
    let transport = FakeTransport::new().json("name=", r#"{"Status":2,"TC":false}"#);
    assert_eq!(
        lookup(GOOGLE, transport, "example.com", RecordType::Txt),
        Err(ResolveError::ServFail)
    );
    let transport = FakeTransport::new().json("name=", r#"{"Status":5}"#);
    assert_eq!(
        lookup(GOOGLE, transport, "example.com", RecordType::Txt),
        Err(ResolveError::Refused)
    );
    let transport = FakeTransport::new().json("name=", r#"{"Status":16}"#);
    assert_eq!(
        lookup(GOOGLE, transport, "example.com", RecordType::Txt),
        Err(ResolveError::OtherRcode(16))
    );
}

#[test]
fn noerror_without_answer_is_nodata() {
    for body in [
        r#"{"Status":0}"#,
        r#"{"Status":0,"Answer":null}"#,
        r#"{"Status":0,"Answer":[]}"#,
    ] {
        let transport = FakeTransport::new().json("name=", body);
        assert_eq!(
            lookup(CLOUDFLARE, transport, "example.com", RecordType::Mx),
            Ok(Lookup::NoData),
            "{body}"
        );
    }
}

#[test]
fn truncated_flag_is_kept_and_does_not_fail() {
    let body = r#"{"Status":0,"TC":true,"Answer":[{"name":"example.com","type":1,"TTL":5,"data":"192.0.2.1"}]}"#;
    let decoded = decode_json_answer(body.as_bytes()).unwrap();
    assert!(decoded.truncated);
    let transport = FakeTransport::new().json("name=", body);
    let found = lookup(CLOUDFLARE, transport, "example.com", RecordType::A).unwrap();
    assert_eq!(found.records().len(), 1);
    // A TC of the wrong type is not worth failing over.
    let decoded = decode_json_answer(br#"{"Status":0,"TC":"yes"}"#).unwrap();
    assert!(!decoded.truncated);
}

#[test]
fn wrong_types_are_malformed() {
    let rec = |fields: &str| answer(0, &format!("{{{fields}}}"));
    for body in [
        r#"{"Status":"0"}"#.to_owned(),
        r#"{"Status":-1}"#.to_owned(),
        r#"{"Status":0.5}"#.to_owned(),
        r#"{"Status":70000}"#.to_owned(),
        r#"{"TC":false}"#.to_owned(),
        r#"{"Status":0,"Answer":{}}"#.to_owned(),
        r#"{"Status":0,"Answer":"none"}"#.to_owned(),
        r#"[{"Status":0}]"#.to_owned(),
        "null".to_owned(),
        "42".to_owned(),
        answer(0, "1"),
        answer(0, "[]"),
        rec(r#""name":5,"type":16,"TTL":1,"data":"x""#),
        rec(r#""type":16,"TTL":1,"data":"x""#),
        rec(r#""name":"example.com","type":"TXT","TTL":1,"data":"x""#),
        rec(r#""name":"example.com","type":65536,"TTL":1,"data":"x""#),
        rec(r#""name":"example.com","type":16,"TTL":-1,"data":"x""#),
        rec(r#""name":"example.com","type":16,"TTL":4294967296,"data":"x""#),
        rec(r#""name":"example.com","type":16,"TTL":"300","data":"x""#),
        rec(r#""name":"example.com","type":16,"TTL":1,"data":["x"]"#),
        rec(r#""name":"example.com","type":16,"TTL":1,"data":null"#),
        rec(r#""name":"example.com","type":16,"TTL":1"#),
    ] {
        expect_malformed(&body);
    }
}

#[test]
fn bad_record_data_is_malformed() {
    let rec = |rtype: u16, data: &str| {
        answer(
            0,
            &format!(r#"{{"name":"example.com","type":{rtype},"TTL":1,"data":"{data}"}}"#),
        )
    };
    for body in [
        rec(1, "192.0.2.300"),
        rec(1, "2001:db8::1"),
        rec(28, "192.0.2.1"),
        rec(15, "mx.example.com."),
        rec(15, "70000 mx.example.com."),
        rec(15, "10 a. b."),
        rec(15, "10"),
        rec(5, "two names."),
    ] {
        expect_malformed(&body);
    }
}

#[test]
fn not_json_is_malformed() {
    for body in ["", "<html>blocked</html>", "{\"Status\":0", "\u{feff}{}"] {
        expect_malformed(body);
    }
    let message = ResolveError::MalformedJson(JsonProblem::ByteOrderMark).to_string();
    assert_eq!(message, "the DNS-over-HTTPS server sent a JSON answer that could not be read (not JSON: it starts with a byte order mark)");
    let vi = ResolveError::MalformedJson(JsonProblem::BadData {
        rtype: "MX".to_owned(),
        data: "10".to_owned(),
    })
    .message(Lang::Vi);
    assert!(
        vi.contains("MX") && vi.contains("\"10\"") && !vi.contains("is not valid"),
        "{vi}"
    );
}

#[test]
fn http_status_and_transport_errors() {
    let transport = FakeTransport::new().status("name=", 500);
    assert_eq!(
        lookup(CLOUDFLARE, transport, "example.com", RecordType::Txt),
        Err(ResolveError::HttpStatus(500))
    );
    let transport = FakeTransport::new().status("name=", 400);
    assert_eq!(
        lookup(GOOGLE, transport, "example.com", RecordType::Txt),
        Err(ResolveError::HttpStatus(400))
    );
    let transport = FakeTransport::new().error("name=", TransportError::Timeout);
    assert_eq!(
        lookup(CLOUDFLARE, transport, "example.com", RecordType::Txt),
        Err(ResolveError::Timeout)
    );
    let transport =
        FakeTransport::new().error("name=", TransportError::Network(NetworkFailure::Refused));
    assert_eq!(
        lookup(CLOUDFLARE, transport, "example.com", RecordType::Txt),
        Err(ResolveError::Unreachable(NetworkFailure::Refused))
    );
}

#[test]
fn a_cname_loop_is_an_untrustworthy_answer_not_an_absence() {
    let body = answer(
        0,
        r#"{"name":"a.example.com","type":5,"TTL":1,"data":"b.example.com"},
           {"name":"b.example.com","type":5,"TTL":1,"data":"a.example.com"}"#,
    );
    let transport = FakeTransport::new().json("name=", &body);
    assert!(matches!(
        lookup(CLOUDFLARE, transport, "a.example.com", RecordType::A),
        Err(ResolveError::BadAnswer(m)) if m.to_string().contains("a.example.com → b.example.com → a.example.com")
    ));
}

#[test]
fn an_answer_for_another_name_is_refused() {
    let body = answer(
        0,
        r#"{"name":"evil.example.net","type":16,"TTL":1,"data":"\"v=spf1 +all\""}"#,
    );
    let transport = FakeTransport::new().json("name=", &body);
    assert!(matches!(
        lookup(CLOUDFLARE, transport, "contoso.example.com", RecordType::Txt),
        Err(ResolveError::BadAnswer(m)) if m.to_string().contains("evil.example.net")
    ));
}

#[test]
fn a_cname_to_a_name_without_the_type_is_nodata() {
    let body = answer(
        0,
        r#"{"name":"a.example.com","type":5,"TTL":1,"data":"b.example.com"}"#,
    );
    let transport = FakeTransport::new().json("name=", &body);
    assert_eq!(
        lookup(CLOUDFLARE, transport, "a.example.com", RecordType::Txt),
        Ok(Lookup::NoData)
    );
}

#[test]
fn url_parts_are_percent_encoded() {
    assert_eq!(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
    assert_eq!(percent_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
}

#[test]
fn sweep_of_bodies_never_panics() {
    const FRAGMENTS: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"Status\"",
        "\"TC\"",
        "\"Answer\"",
        "\"name\"",
        "\"type\"",
        "\"TTL\"",
        "\"data\"",
        "0",
        "2",
        "3",
        "-1",
        "1e400",
        "65536",
        "16",
        "15",
        "5",
        "1",
        "28",
        "true",
        "null",
        "\"example.com.\"",
        "\"\\\"a\\\" \\\"b\\\"\"",
        "\"\\\"\\\\999\\\"\"",
        "\"10 mx.example.com.\"",
        "\"192.0.2.1\"",
        "\"::1\"",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"é\"",
        " ",
        "\"\\\"\"",
        "\"\\\"\\\\\"",
    ];
    let seeds: Vec<String> = vec![
        answer(0, &txt_record("example.com.", r#""\"v=spf1 \" \"-all\"""#)),
        answer(
            0,
            r#"{"name":"example.com","type":5,"TTL":1,"data":"t.example.com"},{"name":"t.example.com","type":15,"TTL":1,"data":"10 mx.example.com."}"#,
        ),
        r#"{"Status":3}"#.to_owned(),
    ];
    let types = [
        RecordType::Txt,
        RecordType::Mx,
        RecordType::A,
        RecordType::Aaaa,
        RecordType::Cname,
    ];
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let query = name("example.com");
    let mut outcomes = [0usize; 2];
    for round in 0..2000 {
        let body: Vec<u8> = match round % 4 {
            // Concatenated JSON-ish fragments.
            0 => {
                let count = 1 + rng.below(40);
                (0..count)
                    .flat_map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())].bytes())
                    .collect()
            }
            // A valid answer with a few bytes flipped.
            1 => {
                let mut bytes = seeds[rng.below(seeds.len())].clone().into_bytes();
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(bytes.len());
                    bytes[at] = rng.next() as u8;
                }
                bytes
            }
            // A valid answer cut short.
            2 => {
                let bytes = seeds[rng.below(seeds.len())].clone().into_bytes();
                let cut = rng.below(bytes.len() + 1);
                bytes[..cut].to_vec()
            }
            // Garbage.
            _ => (0..rng.below(200)).map(|_| rng.next() as u8).collect(),
        };
        let transport = FakeTransport {
            routes: vec![(
                String::new(),
                Ok(HttpResponse {
                    status: 200,
                    body: body.clone(),
                }),
            )],
            ..FakeTransport::default()
        };
        let endpoint = if round % 2 == 0 { CLOUDFLARE } else { GOOGLE };
        let resolver = DohJsonResolver::new(endpoint, transport).unwrap();
        let result = block_on(resolver.lookup(&query, types[round % types.len()]));
        outcomes[usize::from(result.is_ok())] += 1;
        let _ = decode_json_answer(&body);
    }
    // Both paths were exercised.
    assert!(outcomes[0] > 0 && outcomes[1] > 0, "{outcomes:?}");
}
