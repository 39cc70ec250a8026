//! Property tests: parse and print round trips for SPF records, and the wire decoder and
//! the name parser on generated input.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use smarthost_core::dns::wire::{decode_message, encode_query};
use smarthost_core::dns::{DomainName, RecordType};
use smarthost_core::spf::record::{parse_record, Mechanism, TermKind};

fn label() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,10}[a-z0-9]"
}

fn domain() -> impl Strategy<Value = String> {
    (proptest::collection::vec(label(), 1..4), "[a-z]{2,6}")
        .prop_map(|(labels, tld)| format!("{}.{tld}", labels.join(".")))
}

fn term() -> impl Strategy<Value = String> {
    let qualifier = prop_oneof![Just(""), Just("+"), Just("-"), Just("~"), Just("?")];
    let mechanism = prop_oneof![
        domain().prop_map(|d| format!("include:{d}")),
        domain().prop_map(|d| format!("a:{d}")),
        (0u8..=32).prop_map(|p| format!("a/{p}")),
        domain().prop_map(|d| format!("mx:{d}")),
        Just("mx".to_owned()),
        (any::<[u8; 4]>(), 0u8..=32)
            .prop_map(|(o, p)| format!("ip4:{}.{}.{}.{}/{p}", o[0], o[1], o[2], o[3])),
        any::<[u16; 8]>().prop_map(|g| format!("ip6:{}", std::net::Ipv6Addr::from(g))),
        domain().prop_map(|d| format!("exists:%{{i}}.{d}")),
        Just("ptr".to_owned()),
    ];
    (qualifier, mechanism).prop_map(|(q, m)| format!("{q}{m}"))
}

proptest! {
    #[test]
    fn generated_records_parse_without_errors_and_print_back(
        terms in proptest::collection::vec(term(), 0..12),
        spaces in proptest::collection::vec(1usize..3, 12),
        all in prop_oneof![Just("-all"), Just("~all"), Just("")],
    ) {
        let mut text = "v=spf1".to_owned();
        for (t, n) in terms.iter().zip(&spaces) {
            text.push_str(&" ".repeat(*n));
            text.push_str(t);
        }
        if !all.is_empty() {
            text.push(' ');
            text.push_str(all);
        }
        let record = parse_record(&text);
        prop_assert!(record.errors.is_empty(), "{text}: {:?}", record.errors);
        prop_assert_eq!(record.to_string(), text.clone());
        prop_assert_eq!(record.terms.len(), terms.len() + usize::from(!all.is_empty()));
        for (term, source) in record.terms.iter().zip(&terms) {
            prop_assert_eq!(record.term_text(term), source.as_str());
        }
        let alls = record.terms.iter().filter(|t| matches!(t.kind, TermKind::Directive { mechanism: Mechanism::All, .. })).count();
        prop_assert_eq!(alls, usize::from(!all.is_empty()));
    }

    #[test]
    fn any_text_parses_without_panicking_and_prints_back(text in "v=spf1 [ -~]{0,80}") {
        let record = parse_record(&text);
        prop_assert_eq!(record.to_string(), text);
    }

    #[test]
    fn generated_names_round_trip_through_the_parser(name in domain()) {
        let parsed = DomainName::parse(&name.to_uppercase());
        prop_assert_eq!(parsed.map(|n| n.to_string()).ok(), Some(name));
    }

    #[test]
    fn queries_are_never_mistaken_for_answers(name in domain(), rtype in 1u16..300) {
        let Ok(parsed) = DomainName::parse(&name) else { return Ok(()) };
        let query = encode_query(&parsed, RecordType::from_code(rtype));
        prop_assert!(decode_message(&query).is_err());
        // Flipping the QR bit makes it a response with no answers: it must decode.
        let mut response = query.clone();
        response[2] |= 0x80;
        let decoded = decode_message(&response);
        prop_assert!(decoded.is_ok_and(|m| m.answers.is_empty()));
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_decoder(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_message(&bytes);
    }
}
