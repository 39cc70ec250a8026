use super::*;
use crate::dns::record::{Rcode, RecordData, RecordType};
use crate::dns::DomainName;

fn name(text: &str) -> DomainName {
    DomainName::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Builds a response by hand: header, the question, then raw answer bytes.
fn response(flags: u16, ancount: u16, question: &[u8], answers: &[u8]) -> Vec<u8> {
    let mut out = vec![0, 0];
    out.extend_from_slice(&flags.to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes());
    out.extend_from_slice(&ancount.to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(question);
    out.extend_from_slice(answers);
    out
}

fn question_bytes(text: &str, rtype: RecordType) -> Vec<u8> {
    // The query encoder's question section starts after the 12-byte header.
    encode_query(&name(text), rtype)[12..].to_vec()
}

#[test]
fn encodes_a_query_with_id_zero_and_recursion_desired() {
    let bytes = encode_query(&name("contoso.com"), RecordType::Mx);
    assert_eq!(&bytes[0..2], &[0, 0]);
    assert_eq!(&bytes[2..4], &[0x01, 0x00]);
    assert_eq!(&bytes[4..6], &[0, 1]);
    assert_eq!(
        &bytes[12..],
        b"\x07contoso\x03com\x00\x00\x0f\x00\x01".as_slice()
    );
}

#[test]
fn decodes_compressed_mx_answers() {
    let question = question_bytes("contoso.com", RecordType::Mx);
    // Owner is a pointer to offset 12 (the question name); exchange is "mx" + pointer.
    let mut answer = vec![0xc0, 12, 0, 15, 0, 1, 0, 0, 0x0e, 0x10, 0, 7, 0, 10];
    answer.extend_from_slice(b"\x02mx\xc0\x0c");
    let bytes = response(0x8180, 1, &question, &answer);
    let message = decode_message(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(message.rcode, Rcode::NoError);
    assert_eq!(message.answers.len(), 1);
    assert_eq!(message.answers[0].name, "contoso.com");
    assert_eq!(message.answers[0].ttl, 3600);
    assert_eq!(
        message.answers[0].data,
        RecordData::Mx {
            preference: 10,
            exchange: "mx.contoso.com".into()
        }
    );
}

#[test]
fn keeps_txt_string_boundaries() {
    let question = question_bytes("contoso.com", RecordType::Txt);
    let mut answer = vec![0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60, 0, 8];
    answer.extend_from_slice(b"\x03v=s\x03pf1");
    let bytes = response(0x8180, 1, &question, &answer);
    let message = decode_message(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        message.answers[0].data,
        RecordData::Txt(vec![b"v=s".to_vec(), b"pf1".to_vec()])
    );
    assert_eq!(
        message.answers[0].data.txt_joined().as_deref(),
        Some("v=spf1")
    );
}

#[test]
fn reads_nxdomain_and_truncation_flags() {
    let question = question_bytes("nope.example", RecordType::A);
    let message = decode_message(&response(0x8383, 0, &question, &[]));
    let message = message.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(message.rcode, Rcode::NxDomain);
    assert!(message.truncated);
}

#[test]
fn rejects_pointer_loops_and_forward_pointers() {
    let question = question_bytes("contoso.com", RecordType::A);
    // An owner name that points at itself.
    let self_pointer = vec![0xc0, 29, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4];
    assert_eq!(
        decode_message(&response(0x8180, 1, &question, &self_pointer)),
        Err(WireError::BadPointer)
    );
    let forward = vec![0xc0, 200, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4];
    assert_eq!(
        decode_message(&response(0x8180, 1, &question, &forward)),
        Err(WireError::BadPointer)
    );
}

#[test]
fn rejects_queries_and_truncated_messages_without_panicking() {
    let query = encode_query(&name("contoso.com"), RecordType::A);
    assert_eq!(decode_message(&query), Err(WireError::NotAResponse));
    let question = question_bytes("contoso.com", RecordType::A);
    let full = response(
        0x8180,
        1,
        &question,
        &[0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4],
    );
    assert!(decode_message(&full).is_ok());
    for cut in 0..full.len() {
        assert!(decode_message(&full[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn rejects_a_records_of_the_wrong_length() {
    let question = question_bytes("contoso.com", RecordType::A);
    let bad = [0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 1, 0, 3, 1, 2, 3];
    assert_eq!(
        decode_message(&response(0x8180, 1, &question, &bad)),
        Err(WireError::BadRecord("A"))
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A cheap deterministic sweep; the fuzz target goes further.
    let mut state: u32 = 0x2545_f491;
    for len in 0..600 {
        let bytes: Vec<u8> = (0..len % 97)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                (state & 0xff) as u8
            })
            .collect();
        let mut framed = vec![0, 0, 0x81, 0x80, 0, 1, 0, 3, 0, 0, 0, 0];
        framed.extend_from_slice(&bytes);
        let _ = decode_message(&framed);
        let _ = decode_message(&bytes);
    }
}
