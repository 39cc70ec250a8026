//! Where the ranking hands a method on: the Cards screen with a card prefilled from the
//! answers, the DNS check with the method filled in, the method's guide page and its
//! tenant switches on the Connector screen. The query keys are the other screens'
//! contracts (`add_to_card` for Cards, `pages::check::inputs` for the check).
//! No browser here: tested natively.

use smarthost_core::i18n::Lang;
use smarthost_core::method::MethodId;
use smarthost_core::plan::{Answers, TenantSwitch};

/// The Cards screen's query for a card of `method`, in the answers' cloud (worldwide
/// when unknown, as a card must name one) and for their sender when known.
pub fn card_query(
    method: MethodId,
    answers: &Answers,
) -> [(&'static str, Option<&'static str>); 4] {
    crate::add_to_card::from_plan(method, answers.cloud_or_default(), answers.client)
}

/// The DNS check's query for `method`; the cloud only when answered, since the check
/// otherwise follows the cloud the domain's MX host names.
pub fn check_query(
    method: MethodId,
    answers: &Answers,
) -> [(&'static str, Option<&'static str>); 2] {
    [
        ("method", Some(method.as_str())),
        ("cloud", answers.cloud.map(|c| c.id())),
    ]
}

/// The guide page that explains `method`, from the site root, in `lang` (the guides
/// have one folder per language) and in embed mode when the ranking is embedded: the
/// guide pages honour `embed=1` too. The query goes before the section's anchor.
pub fn guide_path(method: MethodId, lang: Lang, embedded: bool) -> String {
    let path = smarthost_core::guide::path_for(method, lang);
    let (page, anchor) = match path.split_once('#') {
        Some((page, anchor)) => (page, Some(anchor)),
        None => (path.as_str(), None),
    };
    let query = if embedded { "?embed=1" } else { "" };
    let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
    format!("/guide/{page}{query}{anchor}")
}

/// The anchor of a tenant switch's step on the Connector screen (its element's id).
pub fn tenant_anchor(switch: TenantSwitch) -> String {
    step_anchor(switch.id())
}

/// The id of the element of the tenant step with this `TenantStep` id.
pub fn step_anchor(step: &str) -> String {
    format!("tenant-{step}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        Answers::from_pairs(pairs.iter().copied())
            .unwrap_or_else(|error| panic!("{pairs:?}: {error:?}"))
    }

    #[test]
    fn a_card_link_carries_method_cloud_and_sender() {
        let a = answers(&[("client", "application"), ("cloud", "gcc-high")]);
        assert_eq!(
            card_query(MethodId::ClientSubmission, &a),
            [
                ("add", Some("1")),
                ("method", Some("client-submission")),
                ("cloud", Some("gcc-high")),
                ("client", Some("application")),
            ]
        );
        let unknown = card_query(MethodId::DirectSend, &Answers::default());
        assert_eq!(unknown[2], ("cloud", Some("worldwide")));
        assert_eq!(unknown[3], ("client", None));
    }

    #[test]
    fn a_check_link_names_the_cloud_only_when_answered() {
        let a = answers(&[("cloud", "dod")]);
        assert_eq!(
            check_query(MethodId::DirectSend, &a),
            [("method", Some("direct-send")), ("cloud", Some("dod"))]
        );
        assert_eq!(
            check_query(MethodId::Hve, &Answers::default())[1],
            ("cloud", None)
        );
    }

    #[test]
    fn a_guide_link_is_in_the_language_and_keeps_embed_mode_before_the_anchor() {
        assert_eq!(
            guide_path(MethodId::RelayIp, Lang::Vi, true),
            "/guide/vi/smtp-relay.html?embed=1#ip-connector"
        );
        assert_eq!(
            guide_path(MethodId::ClientSubmission, Lang::En, false),
            "/guide/en/client-submission.html"
        );
        assert_eq!(
            guide_path(MethodId::DirectSend, Lang::En, true),
            "/guide/en/direct-send.html?embed=1"
        );
    }

    #[test]
    fn a_tenant_anchor_names_the_step() {
        assert_eq!(
            tenant_anchor(TenantSwitch::EnableSmtpAuth),
            "tenant-enable-smtp-auth"
        );
    }
}
