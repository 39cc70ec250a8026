//! Where the ranking hands a method on: the Cards screen with a card prefilled from the
//! answers, and the DNS check with the method filled in. The query keys are the other
//! screens' contracts (`add_to_card` for Cards, `pages::check::inputs` for the check).
//! No browser here: tested natively.

use smarthost_core::method::MethodId;
use smarthost_core::plan::Answers;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut answers = Answers::default();
        for (key, value) in pairs {
            assert_eq!(answers.set(key, value), Ok(()), "{key}={value}");
        }
        answers
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
}
