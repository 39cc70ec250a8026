//! Every enum's names as URLs, JSON, catalog keys and CLI values spell them today, one
//! table per enum: each variant gives its string, the string parses back to the variant,
//! and serde writes the JSON name listed. A renamed variant or a changed derive fails here.

use crate::cloud::Cloud;
use crate::connector::ConnectorKind;
use crate::dmarc::{Alignment, Policy};
use crate::dns::preset::ResolverSetting;
use crate::dns::{DohFormat, RecordType};
use crate::i18n::Lang;
use crate::matrix::Aspect;
use crate::method::{MethodId, Need, Reach, Tls};
use crate::milestone::Milestone;
use crate::mx::MxKind;
use crate::plan::{Client, Effect, Verdict};
use crate::report::{CloudSource, Section, Severity, Status};
use crate::spf::eval::TraceOutcome;
use crate::spf::record::MechanismKind;
use crate::spf::SpfResult;
use serde::Serialize;
use std::fmt::Debug;
use strum::VariantArray;

/// `name(variant)` is the listed string for every row, and no two rows share one.
fn names<E: Copy + Debug>(table: &[(E, &str)], name: impl Fn(E) -> &'static str) {
    for (variant, expected) in table {
        assert_eq!(name(*variant), *expected, "{variant:?}");
    }
    let mut seen: Vec<&str> = table.iter().map(|(_, s)| *s).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), table.len(), "a name is listed twice");
}

/// Each listed string parses back to its variant.
fn parses<E: Copy + Debug + PartialEq>(table: &[(E, &str)], parse: impl Fn(&str) -> Option<E>) {
    for (variant, text) in table {
        assert_eq!(parse(text), Some(*variant), "{text:?}");
    }
    assert_eq!(parse("no-such-name"), None);
    assert_eq!(parse(""), None);
}

/// serde writes each variant as the listed JSON string.
fn serialises<E: Copy + Debug + Serialize>(table: &[(E, &str)]) {
    for (variant, expected) in table {
        assert_eq!(
            serde_json::to_value(variant).unwrap(),
            serde_json::Value::String((*expected).to_owned()),
            "{variant:?}"
        );
    }
}

/// The table lists the variants of `all`, in its order.
fn covers<E: Copy + Debug + PartialEq>(table: &[(E, &str)], all: &[E]) {
    let listed: Vec<E> = table.iter().map(|(v, _)| *v).collect();
    assert_eq!(listed, all);
}

const METHODS: &[(MethodId, &str)] = &[
    (MethodId::ClientSubmission, "client-submission"),
    (MethodId::DirectSend, "direct-send"),
    (MethodId::RelayIp, "relay-ip"),
    (MethodId::RelayCert, "relay-cert"),
    (MethodId::Hve, "hve"),
    (MethodId::Acs, "acs"),
    (MethodId::OnpremRelay, "onprem-relay"),
    (MethodId::GraphApi, "graph-api"),
];

#[test]
fn method_ids() {
    names(METHODS, MethodId::as_str);
    parses(METHODS, MethodId::parse);
    serialises(METHODS);
    covers(METHODS, &MethodId::ALL);
    covers(METHODS, MethodId::VARIANTS);
    // Exact: the app's URLs and the CLI never accepted another spelling.
    assert_eq!(MethodId::parse("Direct-Send"), None);
    assert_eq!(MethodId::parse(" hve"), None);
    assert_eq!(MethodId::Hve.key("limits"), "method.hve.limits");
}

#[test]
fn method_table_catalog_keys_and_json() {
    let tls = [
        (Tls::StartTls12, "tls.starttls-12"),
        (Tls::Optional, "tls.optional"),
        (Tls::Required, "tls.required"),
        (Tls::Https, "tls.https"),
        (Tls::Local, "tls.local"),
    ];
    names(&tls, Tls::key);
    serialises(&[
        (Tls::StartTls12, "start-tls12"),
        (Tls::Optional, "optional"),
        (Tls::Required, "required"),
        (Tls::Https, "https"),
        (Tls::Local, "local"),
    ]);
    let reach = [
        (Reach::InternalOnly, "reach.internal-only"),
        (Reach::InternalAndExternal, "reach.internal-and-external"),
    ];
    names(&reach, Reach::key);
    serialises(&[
        (Reach::InternalOnly, "internal-only"),
        (Reach::InternalAndExternal, "internal-and-external"),
    ]);
    let need = [
        (Need::Required, "need.required"),
        (Need::Recommended, "need.recommended"),
        (Need::NotNeeded, "need.not-needed"),
    ];
    names(&need, Need::key);
    serialises(&[
        (Need::Required, "required"),
        (Need::Recommended, "recommended"),
        (Need::NotNeeded, "not-needed"),
    ]);
}

#[test]
fn dmarc_policy_and_alignment() {
    let policies = [
        (Policy::None, "none"),
        (Policy::Quarantine, "quarantine"),
        (Policy::Reject, "reject"),
    ];
    names(&policies, Policy::as_str);
    parses(&policies, Policy::parse);
    serialises(&policies);
    // RFC 7489 compares tag values case-insensitively.
    assert_eq!(Policy::parse("REJECT"), Some(Policy::Reject));
    assert_eq!(Policy::parse("Quarantine"), Some(Policy::Quarantine));
    let alignments = [
        (Alignment::Relaxed, "relaxed"),
        (Alignment::Strict, "strict"),
    ];
    names(&alignments, Alignment::as_str);
    serialises(&alignments);
    // The record spells alignment with one letter, in either case; the name is not a value.
    parses(
        &[(Alignment::Relaxed, "r"), (Alignment::Strict, "S")],
        Alignment::parse,
    );
    assert_eq!(Alignment::parse("relaxed"), None);
}

#[test]
fn languages() {
    let langs = [(Lang::En, "en"), (Lang::Vi, "vi")];
    names(&langs, Lang::code);
    parses(&langs, Lang::parse);
    serialises(&langs);
    covers(&langs, &Lang::ALL);
    covers(&langs, Lang::VARIANTS);
    // A browser's or a URL's code is trimmed and compared case-insensitively.
    assert_eq!(Lang::parse(" VI "), Some(Lang::Vi));
    assert_eq!(Lang::parse("En"), Some(Lang::En));
}

#[test]
fn milestones() {
    let table = [
        (Milestone::SmtpBasicOff, "smtp-basic-off"),
        (Milestone::SmtpBasicRemovalDate, "smtp-basic-removal-date"),
        (Milestone::HveBilling, "hve-billing"),
        (Milestone::HveBasicEnd, "hve-basic-end"),
        (Milestone::RejectDirectSend, "reject-direct-send"),
        (Milestone::MxMicrosoftDefault, "mx-microsoft-default"),
        (Milestone::RelayRule, "relay-rule"),
        (Milestone::Tls10Off, "tls-1-0-off"),
        (Milestone::PopImapLegacyTls, "pop-imap-legacy-tls"),
    ];
    names(&table, Milestone::key);
    parses(&table, Milestone::from_key);
    covers(&table, &Milestone::ALL);
    covers(&table, Milestone::VARIANTS);
    // The JSON keeps serde's kebab case of the variant, which differs for one of them.
    let json: Vec<(Milestone, &str)> = table
        .iter()
        .map(|&(m, key)| {
            (
                m,
                if m == Milestone::Tls10Off {
                    "tls10-off"
                } else {
                    key
                },
            )
        })
        .collect();
    serialises(&json);
}

#[test]
fn report_statuses_severities_sections_and_cloud_sources() {
    let statuses = [
        (Status::Ok, "ok"),
        (Status::Info, "info"),
        (Status::Warning, "warning"),
        (Status::Error, "error"),
        (Status::CouldNotCheck, "could-not-check"),
    ];
    names(&statuses, Status::as_str);
    serialises(&statuses);
    serialises(&[
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "info"),
    ]);
    serialises(&[
        (Section::Devices, "devices"),
        (Section::Mx, "mx"),
        (Section::Spf, "spf"),
        (Section::Dkim, "dkim"),
        (Section::Dmarc, "dmarc"),
    ]);
    let sources = [
        (CloudSource::Chosen, "chosen"),
        (CloudSource::Mx, "mx"),
        (CloudSource::Assumed, "assumed"),
    ];
    names(&sources, CloudSource::id);
    serialises(&sources);
}

#[test]
fn ranking_verdicts_and_effects() {
    let verdicts = [
        (Verdict::Recommended, "recommended"),
        (Verdict::Possible, "possible"),
        (Verdict::NotPossible, "not-possible"),
    ];
    names(&verdicts, Verdict::as_str);
    serialises(&verdicts);
    serialises(&[
        (Effect::Blocks, "blocks"),
        (Effect::Against, "against"),
        (Effect::For, "for"),
        (Effect::Prefer, "prefer"),
        (Effect::Retiring, "retiring"),
        (Effect::ToCheck, "to-check"),
        (Effect::Note, "note"),
    ]);
}

#[test]
fn senders_and_connectors() {
    let clients = [
        (Client::Device, "device"),
        (Client::Application, "application"),
    ];
    names(&clients, Client::id);
    parses(&clients, Client::parse);
    // The JSON of a ranking's answers keeps the variant's own name.
    serialises(&[
        (Client::Device, "Device"),
        (Client::Application, "Application"),
    ]);
    let kinds = [
        (ConnectorKind::RelayIp, "relay-ip"),
        (ConnectorKind::RelayCert, "relay-cert"),
        (ConnectorKind::Partner, "partner"),
    ];
    names(&kinds, ConnectorKind::as_str);
    parses(&kinds, ConnectorKind::parse);
    serialises(&kinds);
}

#[test]
fn matrix_aspects() {
    let ids = [
        (Aspect::SmartHost, "smart-host"),
        (Aspect::Ports, "ports"),
        (Aspect::Tls, "tls"),
        (Aspect::SignIn, "sign-in"),
        (Aspect::Recipients, "recipients"),
        (Aspect::FromAddress, "from"),
        (Aspect::LicensedMailbox, "licensed-mailbox"),
        (Aspect::StaticIp, "static-ip"),
        (Aspect::ThirdPartyHosting, "hosting"),
        (Aspect::Antispam, "antispam"),
        (Aspect::Limits, "limits"),
        (Aspect::SetupEffort, "effort"),
        (Aspect::Spf, "spf"),
        (Aspect::Status, "status"),
    ];
    names(&ids, Aspect::id);
    covers(&ids, &Aspect::ALL);
    covers(&ids, Aspect::VARIANTS);
    // The JSON names are the variants' own, in kebab case: not the catalog suffixes.
    serialises(&[
        (Aspect::SmartHost, "smart-host"),
        (Aspect::Ports, "ports"),
        (Aspect::Tls, "tls"),
        (Aspect::SignIn, "sign-in"),
        (Aspect::Recipients, "recipients"),
        (Aspect::FromAddress, "from-address"),
        (Aspect::LicensedMailbox, "licensed-mailbox"),
        (Aspect::StaticIp, "static-ip"),
        (Aspect::ThirdPartyHosting, "third-party-hosting"),
        (Aspect::Antispam, "antispam"),
        (Aspect::Limits, "limits"),
        (Aspect::SetupEffort, "setup-effort"),
        (Aspect::Spf, "spf"),
        (Aspect::Status, "status"),
    ]);
}

#[test]
fn clouds() {
    let table = [
        (Cloud::Worldwide, "worldwide"),
        (Cloud::Gcc, "gcc"),
        (Cloud::GccHigh, "gcc-high"),
        (Cloud::Dod, "dod"),
        (Cloud::China21Vianet, "21vianet"),
    ];
    names(&table, Cloud::id);
    parses(&table, Cloud::parse);
    serialises(&table);
    covers(&table, &Cloud::ALL);
    covers(&table, Cloud::VARIANTS);
    assert_eq!(Cloud::parse("GCC"), None);
}

#[test]
fn mx_kinds() {
    let table = [
        (MxKind::Microsoft365, "microsoft-365"),
        (MxKind::Microsoft365Dnssec, "microsoft-365-dnssec"),
        (MxKind::Microsoft365GccHigh, "microsoft-365-gcc-high"),
        (MxKind::Microsoft365China, "microsoft-365-21vianet"),
        (MxKind::Other, "other"),
        (MxKind::None, "none"),
        (MxKind::Null, "null"),
    ];
    names(&table, MxKind::as_str);
    serialises(&table);
}

#[test]
fn spf_results_outcomes_and_mechanisms() {
    let results = [
        (SpfResult::None, "none"),
        (SpfResult::Neutral, "neutral"),
        (SpfResult::Pass, "pass"),
        (SpfResult::Fail, "fail"),
        (SpfResult::SoftFail, "softfail"),
        (SpfResult::TempError, "temperror"),
        (SpfResult::PermError, "permerror"),
    ];
    names(&results, SpfResult::as_str);
    serialises(&results);
    let outcomes = [
        (TraceOutcome::Match, "match"),
        (TraceOutcome::NoMatch, "no-match"),
        (TraceOutcome::Redirect, "redirect"),
        (TraceOutcome::Error(SpfResult::PermError), "permerror"),
        (TraceOutcome::Error(SpfResult::TempError), "temperror"),
    ];
    names(&outcomes, TraceOutcome::as_str);
    serialises(&outcomes);
    let mechanisms = [
        (MechanismKind::All, "all"),
        (MechanismKind::Include, "include"),
        (MechanismKind::A, "a"),
        (MechanismKind::Mx, "mx"),
        (MechanismKind::Ptr, "ptr"),
        (MechanismKind::Ip4, "ip4"),
        (MechanismKind::Ip6, "ip6"),
        (MechanismKind::Exists, "exists"),
    ];
    names(&mechanisms, MechanismKind::name);
}

#[test]
fn resolver_presets_and_record_types() {
    let presets = [
        (ResolverSetting::CloudflareWire, "cloudflare-wire"),
        (ResolverSetting::CloudflareJson, "cloudflare-json"),
        (ResolverSetting::GoogleWire, "google-wire"),
        (ResolverSetting::GoogleJson, "google-json"),
    ];
    for (preset, id) in &presets {
        assert_eq!(preset.id(), *id);
        assert_eq!(preset.encode(), *id);
        assert_eq!(ResolverSetting::decode(id).as_ref(), Some(preset));
    }
    let listed: Vec<ResolverSetting> = presets.iter().map(|(p, _)| p.clone()).collect();
    assert_eq!(listed, ResolverSetting::PRESETS);
    let custom = |format| ResolverSetting::Custom {
        url: "https://dns.test/q".to_owned(),
        format,
    };
    assert_eq!(custom(DohFormat::Json).id(), "custom");
    assert_eq!(
        custom(DohFormat::Json).encode(),
        "custom json https://dns.test/q"
    );
    assert_eq!(
        custom(DohFormat::Wire).encode(),
        "custom wire https://dns.test/q"
    );
    // "custom" alone names no endpoint; an unknown format reads as wire, as it always has.
    assert_eq!(ResolverSetting::decode("custom"), None);
    assert_eq!(
        ResolverSetting::decode("custom x https://dns.test/q"),
        Some(custom(DohFormat::Wire))
    );
    let types = [
        (RecordType::A, "A"),
        (RecordType::Ns, "NS"),
        (RecordType::Cname, "CNAME"),
        (RecordType::Soa, "SOA"),
        (RecordType::Ptr, "PTR"),
        (RecordType::Mx, "MX"),
        (RecordType::Txt, "TXT"),
        (RecordType::Aaaa, "AAAA"),
        (RecordType::Unknown(99), "unknown"),
    ];
    names(&types, RecordType::mnemonic);
}

/// Each enum-valued question allows exactly its enum's names, in the enum's order: the
/// questionnaire table and the derives spell the same values.
#[test]
fn question_values_are_the_answer_enums_names() {
    use crate::plan::questions::{Auth, Hosting, IpKind, Recipients, Sender, TlsSupport, Volume};
    fn all<E: VariantArray + Copy + Into<&'static str>>() -> Vec<&'static str> {
        E::VARIANTS.iter().map(|v| (*v).into()).collect()
    }
    let expected: [(&str, Vec<&str>); 8] = [
        ("client", all::<Client>()),
        ("cloud", all::<Cloud>()),
        ("recipients", all::<Recipients>()),
        ("auth", all::<Auth>()),
        ("tls", all::<TlsSupport>()),
        ("ip", all::<IpKind>()),
        ("hosting", all::<Hosting>()),
        ("volume", all::<Volume>()),
    ];
    for (id, names) in expected.iter().chain([&("sender", all::<Sender>())]) {
        let question = crate::plan::question(id).unwrap();
        assert_eq!(question.values, names.as_slice(), "{id}");
    }
    assert_eq!(all::<TlsSupport>(), ["1.2", "legacy", "none"]);
    assert_eq!(all::<Auth>(), ["oauth", "basic", "none"]);
    assert_eq!(all::<Hosting>(), ["on-premises", "third-party-cloud"]);
    assert_eq!(all::<Sender>(), ["device", "each-user"]);
}

#[test]
fn severities_sections_and_effects_as_text() {
    let severities = [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "info"),
    ];
    names(&severities, Severity::as_str);
    covers(&severities, Severity::VARIANTS);
    let sections = [
        (Section::Devices, "devices"),
        (Section::Mx, "mx"),
        (Section::Spf, "spf"),
        (Section::Dkim, "dkim"),
        (Section::Dmarc, "dmarc"),
    ];
    names(&sections, Section::as_str);
    covers(&sections, Section::VARIANTS);
    let effects = [
        (Effect::Blocks, "blocks"),
        (Effect::Against, "against"),
        (Effect::For, "for"),
        (Effect::Prefer, "prefer"),
        (Effect::Retiring, "retiring"),
        (Effect::ToCheck, "to-check"),
        (Effect::Note, "note"),
    ];
    names(&effects, Effect::as_str);
    covers(&effects, Effect::VARIANTS);
}
