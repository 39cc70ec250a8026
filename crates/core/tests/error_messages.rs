//! Every message about a typed value exists in every language: each variant of
//! `ValueError`, `DomainProblem`, `NameError`, `EndpointError`, the import's
//! `ImportError` and the planner's `AnswerError` (and the one `ValueWarning`) renders non-empty in English and Vietnamese, with every placeholder
//! filled, in Vietnamese words rather than the English template, and short enough to
//! sit next to a form field. English is what `Display` shows.
//!
//! The `variant` functions match every variant without a wildcard, so a new variant
//! fails to compile here until it has an index; the tests then fail until it has a
//! sample (bump the `*_VARIANTS` count with the new index).

use smarthost_core::dns::{EndpointError, NameError, ResolveError};
use smarthost_core::i18n::Lang;
use smarthost_core::inventory::{Format, ImportError, Imported, Refusal};
use smarthost_core::plan::{AnswerError, Answers};
use smarthost_core::validate::{DomainProblem, Field, ValueError, ValueWarning};

// The bilingual checks are needed here, not the hostile tables' helpers.
#[allow(dead_code)]
mod support;
use support::messages::{self, Rules};

/// Messages are shown next to a form field (the hostile tables hold English to this).
const MAX_MESSAGE_CHARS: usize = 400;

/// A value as the parsers echo it at its longest: 40 characters and an ellipsis.
fn long_value() -> String {
    format!("{}…", "x".repeat(40))
}

const FIELD_VARIANTS: usize = 5;

fn field_variant(field: Field) -> usize {
    match field {
        Field::PublicIp => 0,
        Field::ConnectorRange => 1,
        Field::FromAddress => 2,
        Field::CertificateName => 3,
        Field::DeviceName => 4,
    }
}

const FIELDS: [Field; FIELD_VARIANTS] = [
    Field::PublicIp,
    Field::ConnectorRange,
    Field::FromAddress,
    Field::CertificateName,
    Field::DeviceName,
];

const PROBLEM_VARIANTS: usize = 7;

fn problem_variant(problem: &DomainProblem) -> usize {
    match problem {
        DomainProblem::EmptyLabel => 0,
        DomainProblem::LabelTooLong { .. } => 1,
        DomainProblem::TooLong { .. } => 2,
        DomainProblem::InvalidCharacter { .. } => 3,
        DomainProblem::HyphenAtEdge { .. } => 4,
        DomainProblem::SingleLabel => 5,
        DomainProblem::NumericTld => 6,
    }
}

fn problems(label: &str) -> Vec<DomainProblem> {
    vec![
        DomainProblem::EmptyLabel,
        DomainProblem::LabelTooLong {
            label: label.to_owned(),
            len: 64,
        },
        DomainProblem::TooLong { len: 260 },
        DomainProblem::InvalidCharacter { ch: '_' },
        DomainProblem::InvalidCharacter { ch: '\u{430}' },
        DomainProblem::HyphenAtEdge {
            label: label.to_owned(),
        },
        DomainProblem::SingleLabel,
        DomainProblem::NumericTld,
    ]
}

const VALUE_VARIANTS: usize = 42;

fn value_variant(error: &ValueError) -> usize {
    match error {
        ValueError::Empty(_) => 0,
        ValueError::ControlCharacter { .. } => 1,
        ValueError::InvisibleCharacter { .. } => 2,
        ValueError::NotIpv4 { .. } => 3,
        ValueError::NonAsciiIp { .. } => 4,
        ValueError::LeadingZero { .. } => 5,
        ValueError::WithPort { .. } => 6,
        ValueError::Ipv6 { .. } => 7,
        ValueError::Private { .. } => 8,
        ValueError::Loopback { .. } => 9,
        ValueError::LinkLocal { .. } => 10,
        ValueError::SharedCgnat { .. } => 11,
        ValueError::Unspecified { .. } => 12,
        ValueError::Multicast { .. } => 13,
        ValueError::Reserved { .. } => 14,
        ValueError::Broadcast => 15,
        ValueError::Benchmarking { .. } => 16,
        ValueError::PrefixNotNumber { .. } => 17,
        ValueError::PrefixNotAccepted { .. } => 18,
        ValueError::HostBitsSet { .. } => 19,
        ValueError::DisplayName { .. } => 20,
        ValueError::AddressContainsSpace { .. } => 21,
        ValueError::NonAsciiAddress { .. } => 22,
        ValueError::MissingAt { .. } => 23,
        ValueError::MultipleAt { .. } => 24,
        ValueError::EmptyLocalPart { .. } => 25,
        ValueError::LocalPartTooLong { .. } => 26,
        ValueError::InvalidLocalCharacter { .. } => 27,
        ValueError::LocalPartDots { .. } => 28,
        ValueError::EmptyDomain { .. } => 29,
        ValueError::InvalidDomain { .. } => 30,
        ValueError::AddressTooLong { .. } => 31,
        ValueError::Url { .. } => 32,
        ValueError::NameContainsSpace { .. } => 33,
        ValueError::IpAddressAsName { .. } => 34,
        ValueError::WildcardAlone { .. } => 35,
        ValueError::WildcardMisplaced { .. } => 36,
        ValueError::WildcardTooBroad { .. } => 37,
        ValueError::InvalidHostName { .. } => 38,
        ValueError::DeviceNameTooLong { .. } => 39,
        ValueError::NonAsciiHostName { .. } => 40,
        ValueError::CustomerTooLong { .. } => 41,
    }
}

/// One error of every variant (several for the nested ones), echoing `v`.
fn value_errors(v: &str) -> Vec<ValueError> {
    let value = || v.to_owned();
    let mut errors: Vec<ValueError> = FIELDS.into_iter().map(ValueError::Empty).collect();
    errors.extend([
        ValueError::ControlCharacter { value: value() },
        ValueError::InvisibleCharacter {
            value: value(),
            ch: '\u{200B}',
        },
        ValueError::NotIpv4 { value: value() },
        ValueError::NonAsciiIp {
            value: value(),
            ch: '\u{FF11}',
        },
        ValueError::LeadingZero {
            value: value(),
            suggestion: "203.0.113.5".to_owned(),
        },
        ValueError::WithPort {
            value: value(),
            address: "203.0.113.5".to_owned(),
        },
        ValueError::Ipv6 { value: value() },
        ValueError::Private { value: value() },
        ValueError::Loopback { value: value() },
        ValueError::LinkLocal { value: value() },
        ValueError::SharedCgnat { value: value() },
        ValueError::Unspecified { value: value() },
        ValueError::Multicast { value: value() },
        ValueError::Reserved { value: value() },
        ValueError::Broadcast,
        ValueError::Benchmarking { value: value() },
        ValueError::PrefixNotNumber {
            value: value(),
            prefix: "x".to_owned(),
        },
        ValueError::PrefixNotAccepted {
            value: value(),
            prefix: "16".to_owned(),
        },
        ValueError::HostBitsSet {
            value: value(),
            prefix: 24,
            suggestion: "203.0.113.0/24".to_owned(),
        },
        ValueError::DisplayName {
            value: value(),
            address: "scanner@contoso.com".to_owned(),
        },
        ValueError::AddressContainsSpace { value: value() },
        ValueError::NonAsciiAddress {
            value: value(),
            ch: 'é',
        },
        ValueError::MissingAt { value: value() },
        ValueError::MultipleAt { value: value() },
        ValueError::EmptyLocalPart { value: value() },
        ValueError::LocalPartTooLong { len: 65 },
        ValueError::InvalidLocalCharacter {
            value: value(),
            ch: '(',
        },
        ValueError::LocalPartDots { value: value() },
        ValueError::EmptyDomain { value: value() },
        ValueError::AddressTooLong { len: 255 },
        ValueError::Url {
            value: value(),
            host: "relay.contoso.com".to_owned(),
        },
        ValueError::NameContainsSpace { value: value() },
        ValueError::IpAddressAsName { value: value() },
        ValueError::NonAsciiHostName {
            value: value(),
            ch: 'ü',
            ascii: "relay.xn--bcher-kva.example".to_owned(),
        },
        ValueError::WildcardAlone { value: value() },
        ValueError::WildcardMisplaced { value: value() },
        ValueError::WildcardTooBroad { value: value() },
        ValueError::DeviceNameTooLong { len: 81 },
        ValueError::CustomerTooLong { len: 81 },
    ]);
    for problem in problems(v) {
        errors.push(ValueError::InvalidDomain {
            domain: value(),
            problem: problem.clone(),
        });
        errors.push(ValueError::InvalidHostName {
            value: value(),
            problem,
        });
    }
    errors
}

const NAME_VARIANTS: usize = 11;

fn name_variant(error: &NameError) -> usize {
    match error {
        NameError::Empty => 0,
        NameError::ContainsSpace => 1,
        NameError::LooksLikeEmail(_) => 2,
        NameError::EmptyLabel => 3,
        NameError::LabelTooLong { .. } => 4,
        NameError::NameTooLong(_) => 5,
        NameError::HyphenAtEdge(_) => 6,
        NameError::InvalidCharacter { .. } => 7,
        NameError::InvalidIdn(_) => 8,
        NameError::SingleLabel => 9,
        NameError::AddressNotName(_) => 10,
    }
}

fn name_errors(v: &str) -> Vec<NameError> {
    vec![
        NameError::Empty,
        NameError::ContainsSpace,
        NameError::LooksLikeEmail(v.to_owned()),
        NameError::EmptyLabel,
        NameError::LabelTooLong {
            label: v.to_owned(),
            len: 64,
        },
        NameError::NameTooLong(260),
        NameError::HyphenAtEdge(v.to_owned()),
        NameError::InvalidCharacter {
            label: v.to_owned(),
            ch: '_',
        },
        NameError::InvalidCharacter {
            label: v.to_owned(),
            ch: '\u{200B}',
        },
        NameError::InvalidIdn(v.to_owned()),
        NameError::SingleLabel,
        NameError::AddressNotName(v.to_owned()),
    ]
}

const ENDPOINT_VARIANTS: usize = 8;

fn endpoint_variant(error: &EndpointError) -> usize {
    match error {
        EndpointError::Empty => 0,
        EndpointError::NotHttp(_) => 1,
        EndpointError::Unprintable(_) => 2,
        EndpointError::NoHost(_) => 3,
        EndpointError::Credentials(_) => 4,
        EndpointError::BadHost(..) => 5,
        EndpointError::BadPort(_) => 6,
        EndpointError::Fragment(_) => 7,
    }
}

fn endpoint_errors(v: &str) -> Vec<EndpointError> {
    vec![
        EndpointError::Empty,
        EndpointError::NotHttp(v.to_owned()),
        EndpointError::Unprintable(v.to_owned()),
        EndpointError::NoHost(v.to_owned()),
        EndpointError::Credentials(v.to_owned()),
        EndpointError::BadHost(v.to_owned(), "'_'".to_owned()),
        EndpointError::BadPort(v.to_owned()),
        EndpointError::Fragment(v.to_owned()),
    ]
}

fn warning_variant(warning: &ValueWarning) -> usize {
    match warning {
        ValueWarning::DocumentationRange { .. } => 0,
    }
}

/// Words of the English templates that never belong in a Vietnamese message (which
/// keeps only terms such as "connector" and the search phrase "what is my IP").
const ENGLISH_WORDS: [&str; 10] = [
    " the ",
    "enter ",
    " is not ",
    " not ",
    " for example",
    " which ",
    " cannot ",
    " only ",
    " and ",
    " has ",
];

/// Holds typed-value messages to: texts, not `error.`/`warning.value.` keys, short
/// enough for a form field. (A `{|}` in the characters allowed before the @ is no
/// placeholder: `unfilled` takes only names of letters, digits, `-` and `_`.)
const RULES: Rules = Rules {
    english_words: &ENGLISH_WORDS,
    is_key: |message| message.contains("error.") || message.contains("warning.value."),
    brace_escapes: &["\\u"],
    max_chars: Some(MAX_MESSAGE_CHARS),
};

/// Checks every error of a kind with a short value and with the longest echo, and that
/// every variant index below `count` has a sample.
fn check_all<E: std::fmt::Display + std::fmt::Debug>(
    kind: &str,
    count: usize,
    samples: impl Fn(&str) -> Vec<E>,
    variant: impl Fn(&E) -> usize,
    message: impl Fn(&E, Lang) -> String,
) {
    let all = ["contoso.example", &long_value()]
        .into_iter()
        .flat_map(samples)
        .collect();
    messages::check_all(&RULES, kind, count, all, variant, message);
}

#[test]
fn every_value_error_speaks_both_languages() {
    check_all(
        "ValueError",
        VALUE_VARIANTS,
        value_errors,
        value_variant,
        ValueError::message,
    );
}

#[test]
fn every_domain_problem_speaks_both_languages() {
    check_all(
        "DomainProblem",
        PROBLEM_VARIANTS,
        problems,
        problem_variant,
        DomainProblem::message,
    );
}

#[test]
fn every_name_error_speaks_both_languages() {
    check_all(
        "NameError",
        NAME_VARIANTS,
        name_errors,
        name_variant,
        NameError::message,
    );
}

#[test]
fn every_endpoint_error_speaks_both_languages() {
    check_all(
        "EndpointError",
        ENDPOINT_VARIANTS,
        endpoint_errors,
        endpoint_variant,
        EndpointError::message,
    );
}

#[test]
fn the_documentation_range_warning_speaks_both_languages() {
    check_all(
        "ValueWarning",
        1,
        |v| {
            vec![ValueWarning::DocumentationRange {
                value: v.to_owned(),
                range: "203.0.113.0/24",
            }]
        },
        warning_variant,
        ValueWarning::message,
    );
}

#[test]
fn every_field_prompt_speaks_both_languages() {
    let mut seen = [false; FIELD_VARIANTS];
    for field in FIELDS {
        seen[field_variant(field)] = true;
        let (en, vi) = (field.prompt(Lang::En), field.prompt(Lang::Vi));
        let problems = messages::problems_with(&RULES, &format!("{field:?}"), &en, &en, &vi);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
    assert!(seen.iter().all(|s| *s));
}

/// Nested parts follow the outer message's language: the prompt of an empty field, the
/// problem with a domain, the endpoint inside a resolver error.
#[test]
fn nested_parts_are_in_the_same_language() {
    for lang in Lang::ALL {
        let empty = ValueError::Empty(Field::PublicIp).message(lang);
        assert!(empty.contains(&Field::PublicIp.prompt(lang)), "{empty}");

        let problem = DomainProblem::SingleLabel;
        let invalid = ValueError::InvalidDomain {
            domain: "contoso".to_owned(),
            problem: problem.clone(),
        }
        .message(lang);
        assert!(invalid.contains(&problem.message(lang)), "{invalid}");

        let endpoint = EndpointError::NoHost("https://".to_owned());
        assert_eq!(
            ResolveError::BadEndpoint(endpoint.clone()).message(lang),
            endpoint.message(lang)
        );
    }
    // The lookup failures are in the language too (every variant: check_messages.rs).
    assert_ne!(
        ResolveError::Timeout.message(Lang::Vi),
        ResolveError::Timeout.to_string()
    );
}

/// The messages the parsers give for typed values, in Vietnamese.
#[test]
fn parsers_give_vietnamese_messages() {
    use smarthost_core::dns::DomainName;
    use smarthost_core::validate::{parse_from_address, parse_public_ipv4};

    let vi = |e: ValueError| e.message(Lang::Vi);
    assert_eq!(
        parse_public_ipv4("300.1.2.3").map_err(vi),
        Err("\"300.1.2.3\" không phải là địa chỉ IPv4; hãy nhập bốn số từ 0 đến 255, cách nhau bằng dấu chấm, ví dụ 203.0.113.25".to_owned())
    );
    assert_eq!(
        parse_from_address("scanner@contoso").map_err(vi),
        Err("tên miền \"contoso\" sau @ không hợp lệ: tên cần ít nhất hai nhãn cách nhau bằng dấu chấm, ví dụ contoso.com".to_owned())
    );
    assert_eq!(
        DomainName::parse("bad_name.com").map_err(|e| e.message(Lang::Vi)),
        Err("không được dùng ký tự '_' trong tên miền (nhãn \"bad_name\")".to_owned())
    );
}

/// English sentences of the import and answer templates that a Vietnamese message must
/// not keep (the field names and values it quotes, such as "device", may stay).
const IMPORT_ENGLISH: [&str; 16] = [
    "this is not",
    "the file",
    "inventory",
    " is version",
    " reads ",
    "at most",
    "can be imported",
    "unknown field",
    "appears twice",
    "is missing",
    "must be",
    "expected an",
    "not a table",
    "text in quotes",
    "which is not",
    "invisible character",
];

const IMPORT_RULES: Rules = Rules {
    english_words: &IMPORT_ENGLISH,
    is_key: |message| message.contains("inventory.") || message.contains("plan.error."),
    brace_escapes: &[],
    max_chars: Some(MAX_MESSAGE_CHARS),
};

const IMPORT_VARIANTS: usize = 15;

/// One index per `ImportError` variant, and per `Refusal` within `NotInventory`.
fn import_variant(error: &ImportError) -> usize {
    match error {
        ImportError::Empty => 0,
        ImportError::Version(_) => 1,
        ImportError::TooMany(_) => 2,
        ImportError::Syntax { .. } => 3,
        ImportError::TooLarge(_) => 4,
        ImportError::UnknownCloud { .. } => 5,
        ImportError::NotInventory(refusal) => match refusal {
            Refusal::NotAnObject => 6,
            Refusal::UnknownField { .. } => 7,
            Refusal::RepeatedField { .. } => 8,
            Refusal::VersionMissing => 9,
            Refusal::VersionNotNumber => 10,
            Refusal::DevicesNotList => 11,
            Refusal::DeviceNotTable { .. } => 12,
            Refusal::NotText { .. } => 13,
            Refusal::UnknownClient { .. } => 14,
        },
    }
}

/// Every refusal, as the reader gives it for a real document where it can (so the
/// samples are what a user sees), in both formats.
fn import_errors() -> Vec<ImportError> {
    let long = "x".repeat(300);
    let documents = [
        "\u{feff} \n".to_owned(),
        r#"{"version":2,"devices":[]}"#.to_owned(),
        format!(
            r#"{{"version":1,"devices":[{}]}}"#,
            vec!["{}"; 1001].join(",")
        ),
        "{\"version\": 1,\n \"devices\": [}".to_owned(),
        "version = 1\nname = Ricoh".to_owned(),
        r#"{"version":1,"devices":[{"name":"Máy in","cloud":"gcc-hi"}]}"#.to_owned(),
        "[]".to_owned(),
        r#"{"version":1,"devices":[{"colour":"red"}]}"#.to_owned(),
        "{\"version\":1,\"devices\":[{\"n\u{430}me\":\"x\"}]}".to_owned(),
        "{\"version\":1,\"devices\u{200B}\":[]}".to_owned(),
        format!(r#"{{"version":1,"{long}":1}}"#),
        r#"{"version":1,"version":1}"#.to_owned(),
        r#"{"version":1,"devices":[{"name":"a","name":"b"}]}"#.to_owned(),
        r#"{"devices":[]}"#.to_owned(),
        r#"{"version":"1"}"#.to_owned(),
        r#"{"version":1,"devices":{}}"#.to_owned(),
        r#"{"version":1,"devices":[{},"printer"]}"#.to_owned(),
        r#"{"version":1,"devices":[{"ip":["192.0.2.1"]}]}"#.to_owned(),
        "version = 1\n[[devices]]\nclient = \"app\"\n".to_owned(),
        format!("version = 1\n[[devices]]\nclient = \"{long}\u{202e}\"\n"),
    ];
    let mut errors: Vec<ImportError> = documents
        .iter()
        .map(|document| {
            // A list is read as JSON when asked for (detection would take it for TOML).
            if document.starts_with('[') {
                Imported::read_json(document)
            } else {
                Imported::read(document)
            }
        })
        .zip(&documents)
        .map(|(read, document)| match read {
            Err(error) => error,
            Ok(imported) => panic!("accepted {document:?}: {imported:?}"),
        })
        .collect();
    // Over 8 MiB: built rather than read, to keep the test fast.
    errors.push(ImportError::TooLarge(9_000_000));
    errors
}

#[test]
fn every_import_error_speaks_both_languages() {
    messages::check_all(
        &IMPORT_RULES,
        "ImportError",
        IMPORT_VARIANTS,
        import_errors(),
        import_variant,
        ImportError::message,
    );
}

#[test]
fn import_errors_give_their_values_not_the_parsers_text() {
    let syntax = Imported::read("{\"version\": 1,\n \"devices\": [}");
    assert_eq!(
        syntax.as_ref().err(),
        Some(&ImportError::Syntax {
            format: Format::Json,
            line: 2,
            column: 14,
        })
    );
    assert_eq!(
        syntax.err().map(|e| e.message(Lang::Vi)).as_deref(),
        Some("tệp không phải là JSON hợp lệ: lỗi ở dòng 2, cột 14")
    );
    let unknown = Imported::read(r#"{"version":1,"devices":[{},{"colour":"red"}]}"#);
    assert_eq!(
        unknown.err().map(|e| e.message(Lang::Vi)).as_deref(),
        Some("đây không phải là danh sách thiết bị của smarthost: thiết bị 2: trường \"colour\" không có trong định dạng danh sách")
    );
}

const ANSWER_VARIANTS: usize = 2;

fn answer_variant(error: &AnswerError) -> usize {
    match error {
        AnswerError::UnknownQuestion(_) => 0,
        AnswerError::InvalidValue { .. } => 1,
    }
}

#[test]
fn every_answer_error_speaks_both_languages() {
    let rules = Rules {
        english_words: &[
            "unknown question",
            "the questions",
            "is not an answer",
            "allowed:",
        ],
        ..IMPORT_RULES
    };
    let samples = [
        ("colour", "blue"),
        ("tls", "1.3"),
        ("ports", "587,2525"),
        ("cloud", ""),
    ]
    .into_iter()
    .filter_map(|(question, value)| Answers::default().set(question, value).err())
    .collect();
    messages::check_all(
        &rules,
        "AnswerError",
        ANSWER_VARIANTS,
        samples,
        answer_variant,
        AnswerError::message,
    );
}
