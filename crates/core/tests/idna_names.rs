//! Internationalised names and the A-labels both conversions must give: natively the
//! `idna` crate (this file's test), in the browser the app's own hook over the WHATWG
//! URL parser (tests/wasm.rs includes this table). One table, so the CLI and the app
//! query the same name for what a user typed.

/// (typed, A-label form)
pub const AGREED: [(&str, &str); 6] = [
    ("例子.测试", "xn--fsqu00a.xn--0zwm56d"),
    ("Bücher.example", "xn--bcher-kva.example"),
    ("ＣＯＮＴＯＳＯ．ＣＯＭ", "contoso.com"),
    ("faß.de", "xn--fa-hia.de"),
    ("\u{0430}\u{0440}\u{0440}\u{0435}.com", "xn--80ak6aa.com"),
    ("münchen.de", "xn--mnchen-3ya.de"),
];

#[cfg(all(not(target_arch = "wasm32"), feature = "idna"))]
#[test]
fn native_idna_gives_the_agreed_a_labels() {
    use smarthost_core::dns::DomainName;
    for (typed, a_label) in AGREED {
        let name = DomainName::parse(typed).map(|n| n.to_string());
        assert_eq!(name, Ok(a_label.to_owned()), "{typed}");
    }
}
