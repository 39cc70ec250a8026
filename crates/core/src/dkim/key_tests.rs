use super::*;

use super::super::test_keys::*;

fn rsa(bits: u32) -> DkimKey {
    DkimKey {
        key_type: KeyType::Rsa,
        revoked: false,
        bits: Some(bits),
        testing: false,
        sha1_only: false,
    }
}

#[test]
fn key_lengths_are_read_from_the_modulus() {
    for (key, bits) in [
        (RSA_512, 512),
        (RSA_1024, 1024),
        (RSA_2048, 2048),
        (RSA_4096, 4096),
        (RSA_1024_BARE, 1024),
    ] {
        let record = format!("v=DKIM1; k=rsa; p={key}");
        assert_eq!(parse_key(&record), Ok(rsa(bits)), "{bits}");
    }
}

#[test]
fn what_rfc_6376_allows_and_defaults() {
    // k= defaults to rsa; v= is optional; white space may fold anywhere in p=; an
    // unpadded key still reads; a trailing semicolon is allowed; unknown tags ignored.
    let folded: String = RSA_2048
        .as_bytes()
        .chunks(60)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" \t");
    let unpadded = RSA_1024.trim_end_matches('=');
    let table = [
        (format!("p={RSA_1024}"), rsa(1024)),
        (format!(" v = DKIM1 ; p = {folded} ;"), rsa(2048)),
        (format!("v=DKIM1; p={unpadded}"), rsa(1024)),
        (
            format!("v=DKIM1; n=a note; x_future=1; p={RSA_1024};"),
            rsa(1024),
        ),
        (
            format!("v=DKIM1; h=sha256:sha1; s=email; p={RSA_1024}"),
            rsa(1024),
        ),
        (format!("v=DKIM1; s=*; p={RSA_1024}"), rsa(1024)),
    ];
    for (record, expected) in table {
        assert_eq!(parse_key(&record), Ok(expected), "{record}");
    }
}

#[test]
fn flags_revocation_and_ed25519() {
    let revoked = parse_key("v=DKIM1; k=rsa; p=").unwrap();
    assert!(revoked.revoked);
    assert_eq!(revoked.bits, None);
    let testing = parse_key(&format!("v=DKIM1; t=y:s; p={RSA_2048}")).unwrap();
    assert!(testing.testing);
    let strict = parse_key(&format!("v=DKIM1; t=s; p={RSA_2048}")).unwrap();
    assert!(!strict.testing);
    let sha1 = parse_key(&format!("v=DKIM1; h=sha1; p={RSA_2048}")).unwrap();
    assert!(sha1.sha1_only);
    let ed = parse_key(&format!("v=DKIM1; k=ed25519; p={ED25519}")).unwrap();
    assert_eq!((ed.key_type, ed.bits), (KeyType::Ed25519, None));
}

#[test]
fn records_receivers_cannot_use() {
    use KeyError::*;
    let table = [
        (format!("k=rsa; v=DKIM1; p={RSA_1024}"), VersionNotFirst),
        (
            format!("v=DKIM2; p={RSA_1024}"),
            WrongVersion("DKIM2".into()),
        ),
        (
            format!("v=dkim1; p={RSA_1024}"),
            WrongVersion("dkim1".into()),
        ),
        ("v=DKIM1; k=rsa".to_owned(), NoKey),
        ("v=spf1 -all".to_owned(), WrongVersion("spf1 -all".into())),
        (
            "v=DKIM1; x-future=1; p=".to_owned(),
            Syntax("x-future=1".into()),
        ),
        (
            format!("v=DKIM1; p={RSA_1024}; p={RSA_2048}"),
            DuplicateTag("p".into()),
        ),
        ("v=DKIM1; p=not*base64!".to_owned(), NotBase64),
        // Valid base64 that is not a key: an Ed25519 key labelled rsa, and ASCII.
        (format!("v=DKIM1; p={ED25519}"), NotRsaKey),
        ("v=DKIM1; p=aGVsbG8gd29ybGQ=".to_owned(), NotRsaKey),
        (format!("v=DKIM1; k=ed25519; p={RSA_1024}"), NotEd25519Key),
        (
            format!("v=DKIM1; k=dsa; p={RSA_1024}"),
            UnknownKeyType("dsa".into()),
        ),
        (format!("v=DKIM1; s=tlsrpt; p={RSA_1024}"), NotForEmail),
        ("v=DKIM1; 1p=abc".to_owned(), Syntax("1p=abc".into())),
        ("".to_owned(), NoKey),
    ];
    for (record, expected) in table {
        assert_eq!(parse_key(&record), Err(expected), "{record}");
    }
}

#[test]
fn truncated_and_corrupt_keys_never_panic() {
    // Every prefix of a real key, and every single-byte corruption of its DER.
    use base64::Engine as _;
    let engine = base64::engine::general_purpose::STANDARD;
    let der = engine.decode(RSA_2048).unwrap();
    // (The empty prefix is `p=`, a revoked key.)
    for end in 1..der.len() {
        let record = format!("p={}", engine.encode(&der[..end]));
        assert!(parse_key(&record).is_err(), "prefix {end} read as a key");
    }
    for at in 0..der.len() {
        for value in [0x00, 0x7f, 0x80, 0x84, 0xff] {
            let mut bytes = der.clone();
            bytes[at] = value;
            let _ = parse_key(&format!("p={}", engine.encode(&bytes)));
        }
    }
    for text in [
        "=",
        ";",
        ";;",
        "p",
        "p==",
        "=p",
        "v=DKIM1;;p=",
        "\u{0}=\u{0}",
        "p=é",
    ] {
        let _ = parse_key(text);
    }
}

#[test]
fn messages_quote_at_most_forty_characters() {
    let long = "x".repeat(500);
    let error = parse_key(&format!("v={long}; p=")).unwrap_err();
    let KeyError::WrongVersion(shown) = error else {
        panic!("{error:?}")
    };
    assert_eq!(shown.chars().count(), 41);
}
