use super::*;

fn microsoft(format: TargetFormat, selector: Selector, prefix: &str) -> DkimTarget {
    DkimTarget::Microsoft365 {
        format,
        selector,
        tenant_prefix: prefix.to_owned(),
    }
}

fn other(host: &str) -> DkimTarget {
    DkimTarget::Other {
        host: host.to_owned(),
    }
}

#[test]
fn the_published_shapes_and_the_mistakes_microsoft_lists() {
    use Selector::*;
    use TargetFormat::*;
    let partitioned = |partition, version| Partitioned { partition, version };
    let table = [
        // Learn's examples (2026-07-03).
        (
            "selector1-contoso-com._domainkey.contoso.onmicrosoft.com",
            microsoft(Classic, Selector1, "contoso"),
        ),
        (
            "selector2-contoso-com._domainkey.contoso.onmicrosoft.com.",
            microsoft(Classic, Selector2, "contoso"),
        ),
        (
            "selector1-cohovineyard-com._domainkey.cohovineyardandwinery.n-v1.dkim.mail.microsoft",
            microsoft(partitioned('n', 1), Selector1, "cohovineyardandwinery"),
        ),
        (
            "selector1-cohowinery-com._domainkey.cohovineyardandwinery.r-v1.dkim.mail.microsoft",
            microsoft(partitioned('r', 1), Selector1, "cohovineyardandwinery"),
        ),
        // The 2024 copy's selector2 used -v2.
        (
            "selector2-contoso-com._domainkey.contoso.n-v2.dkim.mail.microsoft",
            microsoft(partitioned('n', 2), Selector2, "contoso"),
        ),
        // Any case, as DNS answers may carry it.
        (
            "Selector1-Contoso-com._domainkey.CONTOSO.onmicrosoft.com",
            microsoft(Classic, Selector1, "contoso"),
        ),
        // An old token with a dot (2023 report) still has the classic shape.
        (
            "selector1-organisation.com0i._domainkey.organisationcom.onmicrosoft.com",
            microsoft(Classic, Selector1, "organisationcom"),
        ),
        // Mistakes Learn lists: `.onmicrosoft.com` kept in the prefix, the partition
        // letter missing, dots kept.
        (
            "selector1-contoso-com._domainkey.contoso.onmicrosoft.com.r-v1.dkim.mail.microsoft",
            other(
                "selector1-contoso-com._domainkey.contoso.onmicrosoft.com.r-v1.dkim.mail.microsoft",
            ),
        ),
        (
            "selector1-contoso-com._domainkey.contoso.v1.dkim.mail.microsoft",
            other("selector1-contoso-com._domainkey.contoso.v1.dkim.mail.microsoft"),
        ),
        (
            "selector1-contoso-com._domainkey.contoso.dkim.mail.microsoft",
            other("selector1-contoso-com._domainkey.contoso.dkim.mail.microsoft"),
        ),
        // Another provider's key, or no selector prefix.
        (
            "s1.domainkey.u123.wl.sendgrid.net",
            other("s1.domainkey.u123.wl.sendgrid.net"),
        ),
        (
            "selector3-contoso-com._domainkey.contoso.onmicrosoft.com",
            other("selector3-contoso-com._domainkey.contoso.onmicrosoft.com"),
        ),
        (
            "selector1-._domainkey.contoso.onmicrosoft.com",
            other("selector1-._domainkey.contoso.onmicrosoft.com"),
        ),
        (
            "selector1-contoso-com._domainkey..onmicrosoft.com",
            other("selector1-contoso-com._domainkey..onmicrosoft.com"),
        ),
        (
            "selector1-contoso-com._domainkey.contoso.rr-v1.dkim.mail.microsoft",
            other("selector1-contoso-com._domainkey.contoso.rr-v1.dkim.mail.microsoft"),
        ),
        (
            "selector1-contoso-com._domainkey.contoso.r-v.dkim.mail.microsoft",
            other("selector1-contoso-com._domainkey.contoso.r-v.dkim.mail.microsoft"),
        ),
        (
            "selector1-contoso-com._domainkey.contoso.r-v+1.dkim.mail.microsoft",
            other("selector1-contoso-com._domainkey.contoso.r-v+1.dkim.mail.microsoft"),
        ),
        ("", other("")),
    ];
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(target, expected)| {
            let got = classify_target(target);
            (got != *expected).then(|| format!("{target}: {got:?}, expected {expected:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn selector_host_labels() {
    assert_eq!(Selector::Selector1.host_label(), "selector1");
    assert_eq!(Selector::Selector2.host_label(), "selector2");
}

#[test]
fn any_text_is_classified_without_a_panic() {
    let mut rng = crate::test_rng::Rng(0x0d1c_2026);
    let alphabet = "selector12-._domainkeyonmicrosoft.comdkimv1\u{e9}\u{0}";
    let chars: Vec<char> = alphabet.chars().collect();
    for _ in 0..20_000 {
        let len = rng.below(80);
        let text: String = (0..len).map(|_| chars[rng.below(chars.len())]).collect();
        // Never a panic; and a target that is not Microsoft's is given back as it was
        // read (normalised), never altered into something else.
        if let DkimTarget::Other { host } = classify_target(&text) {
            assert_eq!(host, text.trim().trim_end_matches('.').to_ascii_lowercase());
        }
    }
}
