use super::*;
use crate::i18n::Lang;

fn device(name: &str, method: &str) -> Device {
    Device {
        name: name.to_owned(),
        method: method.to_owned(),
        ..Device::default()
    }
}

#[test]
fn replacing_names_each_current_device_the_file_does_not_hold() {
    let current = [
        device("Existing device I care about", "direct-send"),
        device("Reception printer", "relay-ip"),
    ];
    let file = [device("Reception printer", "relay-ip"), device("Canon", "")];
    let outcome = combine(&current, &file, ImportMode::Replace);
    assert_eq!(outcome.devices, file);
    assert_eq!(outcome.imported, 2);
    assert_eq!(outcome.dropped.len(), 1);
    assert_eq!(
        outcome.dropped[0].message(Lang::En),
        "device 1 \"Existing device I care about\": not in the file, so replacing the list removes it"
    );
}

#[test]
fn adding_keeps_the_list_and_skips_what_it_already_holds() {
    let current = [device("Printer", "direct-send")];
    let file = [
        device("Printer", "direct-send"),
        device("Printer", "relay-ip"),
    ];
    let outcome = combine(&current, &file, ImportMode::Add);
    assert_eq!(
        outcome.devices,
        [
            device("Printer", "direct-send"),
            device("Printer", "relay-ip")
        ]
    );
    assert_eq!(outcome.imported, 1);
    assert_eq!(outcome.dropped[0].reason, DropReason::AlreadyListed);
    assert_eq!(outcome.dropped[0].device.number, 1);
    // Adding to nothing is importing the file, and leaves nothing out.
    let fresh = combine(&[], &file, ImportMode::Add);
    assert_eq!((fresh.imported, fresh.dropped.len()), (2, 0));
}

#[test]
fn adding_stops_at_the_device_limit_and_says_so() {
    let current: Vec<Device> = (0..MAX_DEVICES - 1)
        .map(|n| device(&format!("d{n}"), ""))
        .collect();
    let file = [device("last", ""), device("one too many", "")];
    let outcome = combine(&current, &file, ImportMode::Add);
    assert_eq!(outcome.devices.len(), MAX_DEVICES);
    assert_eq!(outcome.imported, 1);
    assert_eq!(
        outcome.dropped,
        [Dropped {
            device: super::error::DeviceRef::new(2, "one too many"),
            reason: DropReason::OverLimit
        }]
    );
    assert!(outcome.dropped[0].message(Lang::En).contains("1000"));
}

#[test]
fn an_unknown_method_is_named_with_its_device_in_both_languages() {
    let devices = [
        device("Ricoh", "direct-send"),
        device("Canon warehouse", " relay-ipx "),
        device("", "smtp"),
        device("Blank", ""),
    ];
    let unknown = unknown_methods(&devices);
    assert_eq!(unknown.len(), 2);
    let english = unknown[0].message(Lang::En);
    assert!(
        english.starts_with("Canon warehouse: unknown method relay-ipx"),
        "{english}"
    );
    assert!(unknown[1]
        .message(Lang::En)
        .starts_with("device 3: unknown method smtp"));
    let vietnamese = unknown[0].message(Lang::Vi);
    assert!(vietnamese.starts_with("Canon warehouse:"), "{vietnamese}");
    assert!(vietnamese.contains("relay-ipx"));
    assert_ne!(vietnamese, english);
}

#[test]
fn a_method_shown_back_cannot_carry_control_characters() {
    let unknown = unknown_methods(&[device("x", "relay\u{202e}ip")]);
    assert!(!unknown[0].method.contains('\u{202e}'));
}

#[test]
fn the_same_device_for_another_customer_is_a_new_device_when_adding() {
    let for_customer = |customer: &str| Device {
        customer: customer.to_owned(),
        ..device("Reception printer", "direct-send")
    };
    let current = [for_customer("Contoso")];
    let file = [for_customer("Contoso"), for_customer("Fabrikam")];
    let outcome = combine(&current, &file, ImportMode::Add);
    assert_eq!(
        outcome.devices,
        [for_customer("Contoso"), for_customer("Fabrikam")]
    );
    assert_eq!(outcome.imported, 1);
    assert_eq!(outcome.dropped.len(), 1);
    assert_eq!(outcome.dropped[0].reason, DropReason::AlreadyListed);
    // Replacing with another customer's copy removes this one, by name.
    let outcome = combine(&current, &file[1..], ImportMode::Replace);
    assert_eq!(outcome.dropped.len(), 1);
    assert_eq!(outcome.dropped[0].reason, DropReason::NotInFile);
}
