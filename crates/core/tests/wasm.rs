//! Core in the browser: the same code the app runs, compiled to wasm32 and executed in
//! headless Chromium by wasm-bindgen-test (`cargo xtask test` runs it).
#![cfg(target_arch = "wasm32")]

use smarthost_core::cloud::Cloud;
use smarthost_core::date::Date;
use smarthost_core::dns::demo::{demo_zone, DEMO_DOMAIN};
use smarthost_core::dns::wire::{decode_message, encode_query};
use smarthost_core::dns::{DomainName, RecordType};
use smarthost_core::i18n::Lang;
use smarthost_core::matrix::comparison_matrix;
use smarthost_core::mx::{check_mx, MxKind};
use smarthost_core::plan::{rank, Answers};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The browser's conversion from the app's own source, installed as the app installs it
/// (`start` in src/lib.rs). `cargo xtask test` runs these tests without core's `idna`
/// feature, as the app ships core, so names go through this hook and not the crate.
#[cfg(not(feature = "idna"))]
#[path = "../../../src/idna.rs"]
mod browser_idna;

/// The names whose A-labels the native `idna` crate gives in tests/idna_names.rs.
#[path = "idna_names.rs"]
mod idna_names;

#[cfg(not(feature = "idna"))]
#[wasm_bindgen_test]
fn the_apps_idna_hook_agrees_with_native_idna() {
    // Without a conversion installed, a non-ASCII name is refused, never sent as typed.
    assert!(DomainName::parse("例子.测试").is_err());
    smarthost_core::dns::name::install_idna(browser_idna::to_ascii);
    for (typed, a_label) in idna_names::AGREED {
        let name = DomainName::parse(typed).map(|n| n.to_string());
        assert_eq!(name, Ok(a_label.to_owned()), "{typed}");
    }
}

#[wasm_bindgen_test]
fn bad_names_are_errors_not_panics() {
    for input in [
        "",
        "exa mple.com",
        "-bad-.com",
        &format!("{}.com", "a".repeat(64)),
    ] {
        assert!(DomainName::parse(input).is_err(), "{input:?}");
    }
}

#[wasm_bindgen_test]
async fn demo_zone_answers_mx_in_the_browser() {
    let domain = DomainName::parse(DEMO_DOMAIN).map_err(|e| e.to_string());
    let Ok(domain) = domain else {
        panic!("demo domain must parse");
    };
    let report = check_mx(&demo_zone(), &domain).await;
    assert_eq!(report.map(|r| r.kind), Ok(MxKind::Microsoft365));
}

#[wasm_bindgen_test]
fn wire_query_is_a_query_not_a_response() {
    let Ok(domain) = DomainName::parse("contoso.com") else {
        panic!("contoso.com must parse");
    };
    let bytes = encode_query(&domain, RecordType::Mx);
    assert!(decode_message(&bytes).is_err());
}

#[wasm_bindgen_test]
fn matrix_has_every_method_in_both_languages() {
    let today = Date::parse("2026-12-02").map_err(|e| e.to_string());
    let Ok(today) = today else {
        panic!("{today:?}");
    };
    let en = comparison_matrix(Cloud::Worldwide, Lang::En, today);
    let vi = comparison_matrix(Cloud::Worldwide, Lang::Vi, today);
    assert_eq!(en.columns.len(), 8);
    assert_ne!(en.rows[1].label, vi.rows[1].label);
}

#[wasm_bindgen_test]
fn ranking_runs_in_the_browser() {
    let answers = Answers::from_pairs([
        ("recipients", "internal"),
        ("auth", "none"),
        ("tls", "none"),
    ]);
    let today = Date::parse("2026-12-02").map_err(|e| e.to_string());
    let Ok(today) = today else {
        panic!("{today:?}");
    };
    let recommended = answers.map(|a| rank(&a, today).recommended().map(|m| m.as_str()));
    assert_eq!(recommended, Ok(Some("direct-send")));
}
