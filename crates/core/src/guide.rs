//! Where each method is explained in the setup guides, so a card's QR code, the planner
//! and the generator link to the same page. Pages are `guide/<lang>/<slug>.html`.

use crate::i18n::Lang;
use crate::method::MethodId;

/// The guide page (file stem) and anchor that explain `method`.
pub fn page_for(method: MethodId) -> (&'static str, Option<&'static str>) {
    match method {
        MethodId::ClientSubmission => ("client-submission", None),
        MethodId::GraphApi => ("client-submission", Some("graph-sendmail")),
        MethodId::DirectSend => ("direct-send", None),
        MethodId::RelayIp => ("smtp-relay", Some("ip-connector")),
        MethodId::RelayCert => ("smtp-relay", Some("certificate-connector")),
        MethodId::Hve => ("high-volume-email", None),
        MethodId::Acs => ("azure-communication-services", None),
        MethodId::OnpremRelay => ("old-devices", None),
    }
}

/// The page's path relative to the guide root, e.g. `en/smtp-relay.html#ip-connector`.
pub fn path_for(method: MethodId, lang: Lang) -> String {
    let (page, anchor) = page_for(method);
    match anchor {
        Some(anchor) => format!("{}/{page}.html#{anchor}", lang.code()),
        None => format!("{}/{page}.html", lang.code()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every page and anchor named here exists in both languages of guide/.
    #[test]
    fn every_method_points_at_an_existing_page_and_heading() {
        let guide = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../guide");
        for method in MethodId::ALL {
            let (page, anchor) = page_for(method);
            for lang in ["en", "vi"] {
                let file = guide.join(lang).join(format!("{page}.md"));
                let text = std::fs::read_to_string(&file)
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                if let Some(anchor) = anchor {
                    assert!(
                        text.contains(&format!("{{#{anchor}}}")),
                        "{} has no heading {{#{anchor}}}",
                        file.display()
                    );
                }
            }
        }
        assert_eq!(
            path_for(MethodId::RelayIp, Lang::Vi),
            "vi/smtp-relay.html#ip-connector"
        );
    }
}
