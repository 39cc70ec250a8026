use super::blocks::{fact_html, fact_keys, find_fact};
use super::inline::expand_inline;
use super::parse::Shortcode;
use super::*;
use crate::devices::{prepare, DeviceSet};
use crate::events::{Failure, Spanned};
use crate::load::TextFile;
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use smarthost_core::matrix::Aspect;
use smarthost_core::method::MethodId;

/// 2026-12-02, the project's today: 29 days before Basic SMTP AUTH goes off by default.
fn today() -> Date {
    Date::parse("2026-12-02").unwrap_or_else(|e| panic!("{e}"))
}

fn code(name: &str, args: &[(&str, &str)]) -> Shortcode {
    Shortcode {
        name: name.to_owned(),
        args: args
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
    }
}

fn devices() -> DeviceSet {
    let file = TextFile {
        path: "guide/devices.toml".to_owned(),
        text: "version = 1\n[[devices]]\nname = \"Ricoh <2nd> floor\"\nmethod = \"client-submission\"\nfrom = \"scan@contoso.com\"\n".to_owned(),
    };
    prepare(Some(&file), &Lang::ALL, today()).unwrap_or_else(|e| panic!("{e}"))
}

fn render_in(source: &str, lang: Lang) -> Result<String, String> {
    let devices = devices();
    let ctx = Context {
        lang,
        devices: &devices,
        app_url: "../",
        depth: 1,
        today: today(),
    };
    parse(source).and_then(|c| render(&c, &ctx))
}

fn ok(source: &str) -> String {
    render_in(source, Lang::En).unwrap_or_else(|e| panic!("{e}"))
}

fn err(source: &str) -> String {
    match render_in(source, Lang::En) {
        Ok(html) => panic!("expected an error, got {html}"),
        Err(e) => e,
    }
}

#[test]
fn parses_names_and_quoted_or_bare_values() {
    assert_eq!(parse("{{ matrix }}"), Ok(code("matrix", &[])));
    assert_eq!(
        parse("  {{method-settings method=\"relay-ip\"   cloud=gcc }}\n"),
        Ok(code(
            "method-settings",
            &[("method", "relay-ip"), ("cloud", "gcc")]
        ))
    );
    assert_eq!(
        parse("{{ plan-link answers=\"a=b&c=d\"\n  text=\"Say \\\"hi\\\" \\\\ bye\" }}"),
        Ok(code(
            "plan-link",
            &[("answers", "a=b&c=d"), ("text", "Say \"hi\" \\ bye")]
        ))
    );
}

#[test]
fn malformed_shortcodes_say_what_is_wrong() {
    for (source, expected) in [
        ("{{ matrix } }", "a shortcode paragraph must be exactly `{{ name key=\"value\" }}`, with nothing after the closing `}}`"),
        ("{{ matrix }} trailing", "a shortcode paragraph must be exactly `{{ name key=\"value\" }}`, with nothing after the closing `}}`"),
        ("{{ matrix }}\n{{ matrix }}", "one shortcode per paragraph: put a blank line between shortcodes"),
        ("{{ }}", "a shortcode starts with its name, such as `{{ matrix }}`"),
        ("{{ Matrix }}", "a shortcode starts with its name, such as `{{ matrix }}`"),
        ("{{ fact key }}", "shortcode `fact`: expected key=\"value\" arguments after the name"),
        ("{{ fact key=\"open }}", "shortcode `fact`: the value of `key` has no closing quote"),
        ("{{ fact key=\"a\\n\" }}", "shortcode `fact`: in `key`, only \\\" and \\\\ may follow a backslash"),
        ("{{ fact key=\"a\"b }}", "shortcode `fact`: put a space after the value of `key`"),
    ] {
        assert_eq!(parse(source), Err(expected.to_owned()), "{source}");
    }
}

#[test]
fn unknown_missing_duplicate_and_invalid_arguments_are_errors() {
    for (source, expected) in [
        ("{{ graph }}", "unknown shortcode `graph`; the shortcodes are: matrix, clouds, method-settings, connector, fact, plan-link, card, explain-link, check-link, bounces, terms"),
        ("{{ matrix method=\"hve\" }}", "shortcode `matrix`: unknown argument `method`; it takes: cloud"),
        ("{{ fact kye=\"hve-status\" }}", "shortcode `fact`: unknown argument `kye`; it takes: key"),
        ("{{ fact }}", "shortcode `fact`: missing argument `key`"),
        ("{{ fact key=\"hve-status\" key=\"acs-limits\" }}", "shortcode `fact`: argument `key` given twice"),
        ("{{ fact key=\"made-up\" }}", "shortcode `fact`: key=\"made-up\" is not a fact; the facts are: acs-limits, basic-auth-retirement, certificate-public, connector-ipv4-only, hve-endpoint, hve-status, local-relay, mx-microsoft, reject-direct-send, relay-rule-2023, smtp-auth-switches, tls-legacy-disabled"),
        ("{{ method-settings method=\"smtp\" }}", "shortcode `method-settings`: method=\"smtp\" is not a method; the methods are: client-submission, direct-send, relay-ip, relay-cert, hve, acs, onprem-relay, graph-api"),
        ("{{ method-settings method=\"hve\" cloud=\"mars\" }}", "shortcode `method-settings`: cloud=\"mars\" is not a cloud; the clouds are: worldwide, gcc, gcc-high, dod, 21vianet"),
        ("{{ connector method=\"partner\" ip=\"203.0.113.25\" }}", "shortcode `connector`: method=\"partner\" is not a connector method; use relay-ip or relay-cert"),
        ("{{ plan-link answers=\"tls=1.3\" text=\"x\" }}", "shortcode `plan-link`: answers: `1.3` is not an answer to `tls`; allowed: 1.2, legacy, none, unknown"),
        ("{{ plan-link answers=\"tls\" text=\"x\" }}", "shortcode `plan-link`: answers: `tls` is not question=value"),
        ("{{ plan-link answers=\"tls=1.2\" text=\" \" }}", "shortcode `plan-link`: text must not be empty"),
        ("{{ card device=\"Nobody\" }}", "shortcode `card`: device=\"Nobody\" is not a device in guide/devices.toml; the devices are: Ricoh <2nd> floor"),
    ] {
        assert_eq!(err(source), expected, "{source}");
    }
    let connector = err("{{ connector method=\"relay-ip\" ip=\"10.0.0.5\" }}");
    assert!(
        connector.starts_with("shortcode `connector`: ips: "),
        "{connector}"
    );
    let missing = err("{{ connector method=\"relay-cert\" }}");
    assert!(
        missing.starts_with("shortcode `connector`: cert-name: "),
        "{missing}"
    );
}

#[test]
fn matrix_has_a_column_per_method_and_a_row_per_aspect() {
    let html = ok("{{ matrix }}");
    assert_eq!(
        html.matches("<th scope=\"col\">").count(),
        MethodId::ALL.len()
    );
    assert_eq!(
        html.matches("<th scope=\"row\">").count(),
        Aspect::ALL.len()
    );
    assert!(
        html.contains("<caption>Compare the ways to send</caption>"),
        "{html}"
    );
    // The host Microsoft lists (review J6-4).
    let gcc_high = ok("{{ matrix cloud=\"gcc-high\" }}");
    assert!(gcc_high.contains("outlook.office365.us"), "{gcc_high}");
}

#[test]
fn method_settings_follow_the_cloud() {
    let all = ok("{{ method-settings method=\"client-submission\" }}");
    assert!(all.contains("<tr><th scope=\"row\">Smart host (Worldwide (commercial), GCC)</th><td>smtp.office365.com</td></tr>"), "{all}");
    assert!(all.contains("outlook-dod.office365.us"), "{all}");
    assert!(
        all.contains("<th scope=\"row\">Port</th><td>587, 25"),
        "{all}"
    );
    let dod = ok("{{ method-settings method=\"client-submission\" cloud=\"dod\" }}");
    assert!(
        dod.contains("<caption>Settings: SMTP AUTH client submission (DoD)</caption>")
            || dod.contains("(DoD)</caption>"),
        "{dod}"
    );
    assert!(
        dod.contains("<tr><th scope=\"row\">Smart host</th><td>outlook-dod.office365.us</td></tr>"),
        "{dod}"
    );
    assert!(!dod.contains("smtp.office365.com"), "{dod}");
    let high = ok("{{ method-settings method=\"client-submission\" cloud=\"gcc-high\" }}");
    assert!(
        high.contains("outlook.office365.us"),
        "the disputed host is noted: {high}"
    );
    let mx = ok("{{ method-settings method=\"direct-send\" }}");
    assert_eq!(
        mx.matches("Smart host").count(),
        1,
        "same text in every cloud: {mx}"
    );
}

#[test]
fn connector_steps_come_from_core_and_are_escaped() {
    let html = ok("{{ connector method=\"relay-ip\" ip=\"203.0.113.25\" domain=\"contoso.com\" name=\"Relay <MFDs>\" }}");
    assert!(
        html.contains("<strong>In the Exchange admin center</strong>"),
        "{html}"
    );
    // Each run of non-space characters is a token the browser keeps on one line (a
    // command wraps only at its spaces); the text is the command as written.
    let tokens = |words: &[&str]| {
        words
            .iter()
            .map(|w| format!("<span class=\"token\">{w}</span>"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        // maud leaves `'` as it is (attribute values are always in double quotes).
        html.contains(&tokens(&[
            "New-InboundConnector",
            "-Name",
            "'Relay",
            "&lt;MFDs&gt;'"
        ])),
        "{html}"
    );
    assert!(
        html.contains("<pre tabindex=\"0\"><code class=\"language-powershell\">"),
        "{html}"
    );
    assert!(
        html.contains(&tokens(&["-SenderIPAddresses", "'203.0.113.25'"])),
        "{html}"
    );
    let cert = ok("{{ connector method=\"relay-cert\" cert=\"mail.contoso.com\" }}");
    assert!(
        cert.contains(&tokens(&[
            "-TlsSenderCertificateName",
            "'mail.contoso.com'",
            "-RequireTls",
            "$true"
        ])),
        "{cert}"
    );
}

#[test]
fn facts_carry_their_date_and_source_in_the_page_language() {
    let en = ok("{{ fact key=\"hve-status\" }}");
    assert!(en.contains("(checked 28 November 2026)"), "{en}");
    assert!(en.contains("Source: <a href=\"https://techcommunity.microsoft.com/category/exchange/blog/exchange\">Exchange Team blog</a>"), "{en}");
    let vi = render_in("{{ fact key=\"hve-status\" }}", Lang::Vi).unwrap_or_default();
    assert!(vi.contains("(đã kiểm tra ngày 28/11/2026)"), "{vi}");
    assert!(vi.contains("Nguồn:"), "{vi}");
}

#[test]
fn facts_are_worded_for_the_build_day() {
    let on = |day: &str, lang: Lang| {
        let today = Date::parse(day).unwrap_or_else(|e| panic!("{e}"));
        let fact = find_fact("basic-auth-retirement").unwrap_or_else(|| panic!("no fact"));
        fact_html(&fact, lang, today).into_string()
    };
    let before = on("2026-12-02", Lang::En);
    assert!(
        before.contains(
            "Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days):"
        ),
        "{before}"
    );
    assert!(before.contains("(checked 28 November 2026)"), "{before}");
    let after = on("2027-01-10", Lang::En);
    assert!(
        after.contains(
            "Basic auth for SMTP AUTH has been off by default since the end of December 2026:"
        ),
        "{after}"
    );
    assert!(on("2026-12-02", Lang::Vi).contains("(còn 29 ngày)"));
    assert!(on("2027-01-10", Lang::Vi).contains("đã mặc định bị tắt"));
    // The shortcode takes the day from the build.
    assert_eq!(ok("{{ fact key=\"basic-auth-retirement\" }}"), before);
    for key in fact_keys() {
        let html = ok(&format!("{{{{ fact key=\"{key}\" }}}}"));
        assert!(!html.contains('{'), "{key}: {html}");
    }
}

#[test]
fn plan_links_carry_canonical_answers_and_the_language() {
    let html =
        ok("{{ plan-link answers=\"tls=1.2&client=device&ports=25,587\" text=\"Plan <it>\" }}");
    assert_eq!(
        html,
        "<p class=\"plan-link\"><a href=\"../../?step=results&amp;client=device&amp;tls=1.2&amp;ports=587,25&amp;lang=en\">Plan &lt;it&gt;</a></p>\n"
    );
    let vi = render_in(
        "{{ plan-link answers=\"\" text=\"Lập kế hoạch\" }}",
        Lang::Vi,
    )
    .unwrap_or_default();
    assert!(
        vi.contains("href=\"../../?step=results&amp;lang=vi\""),
        "{vi}"
    );
}

#[test]
fn cards_come_from_the_inventory_in_the_page_language() {
    let en = ok("{{ card device=\"Ricoh <2nd> floor\" }}");
    assert!(en.contains("<article class=\"device-card\">"), "{en}");
    assert!(en.contains("<h2>Ricoh &lt;2nd&gt; floor</h2>"), "{en}");
    assert!(
        en.contains("<dt>Smart host</dt><dd>smtp.<wbr>office365.<wbr>com</dd>"),
        "{en}"
    );
    let vi = render_in("{{ card device=\"Ricoh <2nd> floor\" }}", Lang::Vi).unwrap_or_default();
    assert!(vi.contains("<dt>Cổng</dt><dd>587</dd>"), "{vi}");
    let none = DeviceSet::default();
    let ctx = Context {
        lang: Lang::En,
        devices: &none,
        app_url: "../",
        depth: 1,
        today: today(),
    };
    assert_eq!(
        render(&code("card", &[("device", "X")]), &ctx),
        Err(
            "shortcode `card`: device=\"X\" needs a devices.toml beside the language folders"
                .to_owned()
        )
    );
}

/// `body` through the inline pass alone, as HTML, on `day`.
fn inline_on(body: &str, lang: Lang, day: &str) -> Result<String, Failure> {
    let devices = devices();
    let ctx = Context {
        lang,
        devices: &devices,
        app_url: "../",
        depth: 1,
        today: Date::parse(day).unwrap_or_else(|e| panic!("{e}")),
    };
    let events: Vec<Spanned> = pulldown_cmark::Parser::new_ext(body, crate::events::extensions())
        .into_offset_iter()
        .collect();
    let events = expand_inline(body, events, &ctx)?;
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(event, _)| event));
    Ok(html)
}

fn inline(body: &str, day: &str) -> String {
    inline_on(body, Lang::En, day).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn a_milestone_in_a_sentence_is_worded_for_the_build_day() {
    let body = "A device on Basic auth keeps working today. {{ milestone key=\"smtp-basic-off\" }}; then it needs OAuth.\n";
    assert_eq!(
        inline(body, "2026-12-02"),
        "<p>A device on Basic auth keeps working today. Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days); then it needs OAuth.</p>\n"
    );
    assert_eq!(
        inline(body, "2026-12-30"),
        "<p>A device on Basic auth keeps working today. Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 1 day); then it needs OAuth.</p>\n"
    );
    assert_eq!(
        inline(body, "2026-12-31"),
        "<p>A device on Basic auth keeps working today. Basic auth for SMTP AUTH has been off by default since the end of December 2026; then it needs OAuth.</p>\n"
    );
    let vi = inline_on(
        "{{ milestone key=\"hve-basic-end\" }}.",
        Lang::Vi,
        "2026-12-02",
    )
    .unwrap_or_default();
    assert_eq!(
        vi,
        "<p>Tài khoản HVE được dùng xác thực Basic đến hết tháng 9/2028 (còn 668 ngày).</p>\n"
    );
    let vi_after = inline_on(
        "{{ milestone key=\"hve-basic-end\" }}.",
        Lang::Vi,
        "2028-09-30",
    )
    .unwrap_or_default();
    assert!(
        vi_after.contains("đã kết thúc vào tháng 9/2028"),
        "{vi_after}"
    );
}

#[test]
fn inline_milestones_take_a_capital_where_a_sentence_starts() {
    let mid = inline(
        "MX hosts move to mx.microsoft, and {{ milestone key=\"mx-microsoft-default\" }}.",
        "2026-12-02",
    );
    assert!(
        mid.contains("and new accepted domains have had it by default since July 2026."),
        "{mid}"
    );
    let first = inline(
        "{{ milestone key=\"pop-imap-legacy-tls\" }}. Also: {{ milestone key=\"tls-1-0-off\" }}.",
        "2026-12-02",
    );
    assert_eq!(
        first,
        "<p>Legacy TLS for POP and IMAP has been blocked since July 2026. Also: TLS 1.0 and 1.1 have been disabled on smtp.office365.com since February 2022.</p>\n"
    );
    let item = inline(
        "- {{ milestone key=\"smtp-basic-removal-date\" }}\n",
        "2026-12-02",
    );
    assert!(
        item.contains("<li>The final removal date will be announced"),
        "{item}"
    );
}

#[test]
fn inline_milestones_may_repeat_span_a_line_break_and_skip_code() {
    let two = inline(
        "{{ milestone key=\"hve-billing\" }}; {{ milestone\n  key=\"hve-basic-end\" }} (HVE).",
        "2026-12-02",
    );
    assert_eq!(
        two,
        "<p>HVE has been billed since 1 June 2026 at USD 42 per million recipients; HVE accounts may use Basic auth until September 2028 (668 days left) (HVE).</p>\n"
    );
    let code = "Write `{{ milestone key=\"smtp-basic-off\" }}`:\n\n```\n{{ milestone key=\"smtp-basic-off\" }}\n```\n";
    let html = inline(code, "2026-12-02");
    assert_eq!(html.matches("{{ milestone key=").count(), 2, "{html}");
    assert!(!html.contains("29 days"), "{html}");
    // Other shortcodes named in prose stay as written.
    assert_eq!(
        inline(
            "Write {{ matrix }} and {{ milestones }}. {{ milestone key=\"relay-rule\" }}.",
            "2026-12-02"
        ),
        "<p>Write {{ matrix }} and {{ milestones }}. Since 1 November 2023 the certificate's domain or the MAIL FROM domain must be an accepted domain.</p>\n"
    );
    // A paragraph that starts with a milestone is a sentence, not a block shortcode.
    assert!(!looks_like_shortcode(
        "{{ milestone key=\"hve-billing\" }} applies."
    ));
    assert!(looks_like_shortcode("{{ matrix }}"));
}

#[test]
fn inline_shortcode_errors_say_what_is_wrong_and_where() {
    let err = |body: &str| match inline_on(body, Lang::En, "2026-12-02") {
        Ok(html) => panic!("expected an error, got {html}"),
        Err(e) => e,
    };
    assert_eq!(
        err("Basic auth: {{ milestone key=\"smtp-basic-of\" }}."),
        (12, "shortcode `milestone`: key=\"smtp-basic-of\" is not a milestone; the milestones are: smtp-basic-off, smtp-basic-removal-date, hve-billing, hve-basic-end, reject-direct-send, mx-microsoft-default, relay-rule, tls-1-0-off, pop-imap-legacy-tls".to_owned())
    );
    assert_eq!(
        err("It {{ milestone }} ends."),
        (
            3,
            "shortcode `milestone`: missing argument `key`".to_owned()
        )
    );
    assert_eq!(
        err("Open {{ milestone key=\"hve-billing\" and no end."),
        (
            5,
            "an inline shortcode needs its closing `}}` in the same paragraph".to_owned()
        )
    );
    assert_eq!(
        err("Open {{ milestone key=*\"hve-billing\"* }}."),
        (
            5,
            "an inline shortcode is plain text: no emphasis, code or links inside `{{ … }}`"
                .to_owned()
        )
    );
}

#[test]
fn an_unknown_milestone_fails_the_page_at_its_line() {
    let devices = devices();
    let resolver = crate::links::Resolver {
        guide: "guide".to_owned(),
        pages: vec![(Lang::En, ["index"].map(str::to_owned).into_iter().collect())],
        files: Default::default(),
    };
    let ctx = crate::markdown::RenderContext {
        lang: Lang::En,
        allow_html: false,
        shortcodes: Context {
            lang: Lang::En,
            devices: &devices,
            app_url: "../",
            depth: 1,
            today: today(),
        },
        resolver: &resolver,
    };
    let body = "# Title\n\nFirst line,\nthen {{ milestone key=\"hve-end\" }}.\n";
    let result = crate::markdown::render(body, 5, &ctx).map(|r| r.html);
    let Err((line, message)) = result else {
        panic!("expected an error, got {result:?}");
    };
    assert_eq!(line, 8);
    assert!(
        message.starts_with("shortcode `milestone`: key=\"hve-end\" is not a milestone; the milestones are: smtp-basic-off,"),
        "{message}"
    );
    let fine = "Then {{ milestone key=\"hve-basic-end\" }}.\n";
    let html = crate::markdown::render(fine, 5, &ctx).map(|r| r.html);
    assert_eq!(
        html,
        Ok(
            "<p>Then HVE accounts may use Basic auth until September 2028 (668 days left).</p>\n"
                .to_owned()
        )
    );
}

#[test]
fn explain_links_open_the_screen_with_the_paste_and_the_language() {
    let html = ok("{{ explain-link paste=\"550 5.7.64 TenantAttribution\" text=\"Explain it\" }}");
    assert_eq!(
        html,
        "<p class=\"plan-link\"><a href=\"../../explain/?text=550%205.7.64%20TenantAttribution&amp;lang=en\">Explain it</a></p>\n"
    );
    let vi = render_in("{{ explain-link text=\"Mở\" }}", Lang::Vi).unwrap_or_default();
    assert!(vi.contains("href=\"../../explain/?lang=vi\""), "{vi}");
    assert_eq!(
        err("{{ explain-link text=\" \" }}"),
        "shortcode `explain-link`: text must not be empty"
    );
    assert_eq!(
        super::blocks::screen_url("https://x.example/app?a=1#top", "explain/"),
        "https://x.example/app/explain/?a=1#top"
    );
    assert_eq!(super::blocks::screen_url("", "explain/"), "explain/");
}

#[test]
fn check_links_open_the_dns_check_with_the_method_and_the_language() {
    let html = ok("{{ check-link method=\"direct-send\" text=\"Check your MX\" }}");
    assert_eq!(
        html,
        "<p class=\"plan-link\"><a href=\"../../check/?method=direct-send&amp;lang=en\">Check your MX</a></p>\n"
    );
    let vi = render_in("{{ check-link text=\"Kiểm tra\" }}", Lang::Vi).unwrap_or_default();
    assert!(vi.contains("href=\"../../check/?lang=vi\""), "{vi}");
    assert!(
        err("{{ check-link method=\"smtp\" text=\"x\" }}")
            .starts_with("shortcode `check-link`: method=\"smtp\" is not a method"),
        "{}",
        err("{{ check-link method=\"smtp\" text=\"x\" }}")
    );
    assert_eq!(
        err("{{ check-link text=\" \" }}"),
        "shortcode `check-link`: text must not be empty"
    );
}

#[test]
fn the_bounces_table_lists_every_known_bounce_from_core() {
    let html = ok("{{ bounces }}");
    for known in smarthost_core::bounce::Known::all() {
        assert!(
            html.contains(&format!("id=\"bounce-{}\"", known.id())),
            "{known:?}"
        );
    }
    assert!(html.contains("<code>5.7.606-649</code>"), "{html}");
    assert!(html.contains("<code>5.7.139</code> <q>disabled for the tenant</q><br><small>(unconfirmed wording)</small>"), "{html}");
    let vi = render_in("{{ bounces }}", Lang::Vi).unwrap_or_default();
    assert!(
        vi.contains("SMTP AUTH đang bị tắt cho toàn bộ tenant."),
        "{vi}"
    );
    assert_eq!(
        err("{{ bounces cloud=\"gcc\" }}"),
        "shortcode `bounces`: unknown argument `cloud`; it takes no arguments"
    );
}

/// The HTML text maud writes for `s`.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn the_terms_list_names_and_explains_cores_terms_in_order_and_in_the_page_language() {
    use smarthost_core::i18n::text;
    use smarthost_core::terms::{explain_key, name_key, EXPLAINED};
    for lang in Lang::ALL {
        let html = render_in("{{ terms }}", lang).unwrap_or_else(|e| panic!("{e}"));
        assert!(html.starts_with("<dl class=\"terms\">"), "{html}");
        let mut last = 0;
        for id in EXPLAINED {
            let name = text(lang, &name_key(id));
            let explain = text(lang, &explain_key(id));
            // A missing catalog key comes back as the key itself.
            assert_ne!(name, name_key(id), "{lang:?} {id}");
            assert_ne!(explain, explain_key(id), "{lang:?} {id}");
            let entry = format!(
                "<dt id=\"term-{id}\"><dfn>{}</dfn></dt>\n<dd>{}</dd>",
                escaped(&name),
                escaped(&explain)
            );
            let at = html
                .find(&entry)
                .unwrap_or_else(|| panic!("{lang:?}: no {entry} in {html}"));
            assert!(at >= last, "{lang:?}: {id} out of order");
            last = at;
        }
        assert_eq!(html.matches("<dt ").count(), EXPLAINED.len(), "{html}");
    }
    let vi = render_in("{{ terms }}", Lang::Vi).unwrap_or_default();
    assert!(vi.contains("<dfn>tenant (đối tượng thuê)</dfn>"), "{vi}");
    assert!(vi.contains("<dfn>connector (trình kết nối)</dfn>"), "{vi}");
    assert!(!vi.contains("Your organisation"), "{vi}");
    assert_eq!(
        err("{{ terms lang=\"vi\" }}"),
        "shortcode `terms`: unknown argument `lang`; it takes no arguments"
    );
}
