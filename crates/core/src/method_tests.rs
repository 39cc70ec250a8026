use super::*;

#[test]
fn table_is_indexed_by_id_order() {
    for (row, id) in METHODS.iter().zip(MethodId::ALL) {
        assert_eq!(row.id, id);
        assert_eq!(method(id).id, id);
    }
}

#[test]
fn ids_round_trip_through_text() {
    for id in MethodId::ALL {
        assert_eq!(MethodId::parse(id.as_str()), Some(id));
    }
    assert_eq!(MethodId::parse("smtp-relay"), None);
}

#[test]
fn client_submission_uses_587_and_never_465() {
    let m = method(MethodId::ClientSubmission);
    assert_eq!(m.ports, &[587, 25]);
    assert!(methods().iter().all(|m| !m.ports.contains(&465)));
    assert_eq!(m.host_for(Cloud::Worldwide), Some("smtp.office365.com"));
    assert_eq!(m.host_for(Cloud::Dod), Some("outlook-dod.office365.us"));
    assert_eq!(
        m.host_for(Cloud::China21Vianet),
        Some("smtp.partner.outlook.cn")
    );
}

#[test]
fn mx_methods_never_name_a_constructed_host() {
    for id in [MethodId::DirectSend, MethodId::RelayIp, MethodId::RelayCert] {
        assert_eq!(method(id).host, Host::TenantMx);
        assert_eq!(method(id).host_for(Cloud::Worldwide), None);
        assert_eq!(method(id).ports, &[25]);
    }
}

#[test]
fn internal_only_methods_are_direct_send_and_hve() {
    let internal: Vec<MethodId> = methods()
        .iter()
        .filter(|m| m.recipients == Reach::InternalOnly)
        .map(|m| m.id)
        .collect();
    assert_eq!(internal, [MethodId::DirectSend, MethodId::Hve]);
}

#[test]
fn every_fact_names_exactly_its_milestones_in_both_languages() {
    use crate::i18n::{placeholders, text};
    for fact in methods().iter().flat_map(|m| m.facts) {
        for lang in Lang::ALL {
            let template = text(lang, &format!("fact.{}", fact.key));
            let named = placeholders(&template);
            let declared: Vec<&str> = fact.milestones.iter().map(|m| m.key()).collect();
            let mut sorted = declared.clone();
            sorted.sort_unstable();
            assert_eq!(named, sorted, "fact.{} in {}", fact.key, lang.code());
        }
    }
}

#[test]
fn facts_read_right_before_and_after_their_milestones() {
    let before = Date::known(2026, 12, 2);
    let after = Date::known(2029, 1, 1);
    let retirement = &method(MethodId::ClientSubmission).facts[0];
    assert_eq!(retirement.key, "basic-auth-retirement");
    let now = retirement.text(Lang::En, before);
    assert!(
        now.starts_with(
            "Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days): "
        ),
        "{now}"
    );
    assert!(
        now.contains("will be announced in the second half of 2027"),
        "{now}"
    );
    let later = retirement.text(Lang::En, after);
    assert!(
        later.starts_with(
            "Basic auth for SMTP AUTH has been off by default since the end of December 2026: "
        ),
        "{later}"
    );
    let hve = &method(MethodId::Hve).facts[0];
    assert!(hve
        .text(Lang::En, before)
        .contains("HVE has been billed since 1 June 2026"));
    assert!(hve
        .text(Lang::En, before)
        .contains("until September 2028 (668 days left)"));
    assert!(hve
        .text(Lang::En, after)
        .contains("Basic auth for HVE accounts ended in September 2028"));
    for fact in methods().iter().flat_map(|m| m.facts) {
        for lang in Lang::ALL {
            for day in [before, after] {
                let words = fact.text_with_date(lang, day);
                assert!(!words.contains('{'), "{}: {words}", fact.key);
            }
        }
    }
}
