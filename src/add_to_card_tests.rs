use super::*;

fn read<'a, V: AsRef<str> + 'a>(
    query: &'a [(&'static str, Option<V>)],
) -> impl Fn(&str) -> Option<String> + 'a {
    move |key| {
        query
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.as_ref().map(|v| v.as_ref().to_owned()))
    }
}

fn named(names: &[&str]) -> Vec<Device> {
    names
        .iter()
        .map(|name| Device {
            name: (*name).to_owned(),
            ..Device::default()
        })
        .collect()
}

#[test]
fn the_cards_screen_adds_the_device_the_check_links() {
    let query = params(
        "contoso.com",
        "contoso-com.mail.protection.office365.us",
        Cloud::GccHigh,
        " relay-ip ",
        "203.0.113.25, 198.51.100.7",
    );
    let expected = Device {
        domain: "contoso.com".to_owned(),
        smart_host: "contoso-com.mail.protection.office365.us".to_owned(),
        method: "relay-ip".to_owned(),
        cloud: Cloud::GccHigh,
        ip: "203.0.113.25".to_owned(),
        ..Device::default()
    };
    assert_eq!(device(read(&query)), Some(expected));
}

#[test]
fn a_check_for_any_method_adds_a_direct_send_device_without_an_address() {
    let query = params("contoso.com", "mx.contoso.com", Cloud::Worldwide, "  ", "");
    let added = device(read(&query)).unwrap();
    assert_eq!(added.method, "direct-send");
    assert_eq!(added.ip, "");
    assert_eq!(added.cloud, Cloud::Worldwide);
}

#[test]
fn only_an_add_link_adds_and_an_unknown_cloud_is_worldwide() {
    assert_eq!(device(read(&[("domain", Some("contoso.com"))])), None);
    assert_eq!(device(read(&[("add", Some("true"))])), None);
    let added = device(read(&[("add", Some("1")), ("cloud", Some("mars"))])).unwrap();
    assert_eq!(added.cloud, Cloud::Worldwide);
    assert_eq!(added.domain, "");
}

#[test]
fn cleaning_removes_every_key_either_link_sets() {
    let mut set: Vec<_> = params("a.example", "b.example", Cloud::Gcc, "", "")
        .map(|(key, _)| key)
        .into();
    set.extend(from_plan(MethodId::Hve, Cloud::Gcc, Some(Client::Application)).map(|(key, _)| key));
    set.extend([CARD_KEY, CARD_NAME_KEY]);
    let removed: Vec<_> = cleared()
        .iter()
        .filter(|(_, value)| value.is_none())
        .map(|(key, _)| *key)
        .collect();
    for key in set {
        assert!(removed.contains(&key), "{key} stays in the address");
    }
}

#[test]
fn the_planners_link_makes_a_new_card_of_its_method_cloud_and_sender() {
    let query = from_plan(
        MethodId::ClientSubmission,
        Cloud::GccHigh,
        Some(Client::Application),
    );
    let link = AddLink::read(read(&query)).unwrap();
    // A new card even when there are cards: the planner has no values for them.
    assert_eq!(link.destination(&named(&["Printer"])), Destination::New);
    let made = link.new_device();
    assert_eq!(made.method, "client-submission");
    assert_eq!(made.cloud, Cloud::GccHigh);
    assert_eq!(made.client, Client::Application);
    assert_eq!((made.domain.as_str(), made.smart_host.as_str()), ("", ""));
}

#[test]
fn the_checks_link_fills_the_card_it_came_from_and_keeps_its_other_values() {
    let mut devices = named(&["Printer", "Canon warehouse"]);
    devices[1].from = "scan@contoso.com".to_owned();
    devices[1].method = "relay-ip".to_owned();
    devices[1].ip = "203.0.113.9".to_owned();
    let came_from = check_pairs(&devices[1], 1);
    let mut query: Vec<(&'static str, Option<String>)> = params(
        "contoso.com",
        "contoso-com.mail.protection.outlook.com",
        Cloud::Worldwide,
        "relay-ip",
        "",
    )
    .map(|(k, v)| (k, v.map(str::to_owned)))
    .into();
    query.extend(
        card_pairs_of(
            &came_from
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect::<Vec<_>>(),
        )
        .into_iter()
        .map(|(k, v)| (k, Some(v))),
    );
    let link = AddLink::read(read(&query)).unwrap();
    assert_eq!(link.destination(&devices), Destination::Fill(1));
    let mut card = devices[1].clone();
    link.fill(&mut card);
    assert_eq!(card.name, "Canon warehouse");
    assert_eq!(card.from, "scan@contoso.com");
    assert_eq!(card.smart_host, "contoso-com.mail.protection.outlook.com");
    assert_eq!(card.domain, "contoso.com");
    // The check carried no address: the card's stays.
    assert_eq!(card.ip, "203.0.113.9");
}

#[test]
fn a_card_that_moved_is_found_by_its_name_and_a_lost_one_makes_the_reader_choose() {
    let link = |index: usize, name: &str| AddLink {
        domain: "contoso.com".to_owned(),
        smart_host: "mx.contoso.com".to_owned(),
        method: String::new(),
        cloud: Cloud::Worldwide,
        ip: String::new(),
        client: None,
        card: Some(CardRef {
            index,
            name: name.to_owned(),
        }),
    };
    let devices = named(&["Printer", "Scanner", "Scanner", ""]);
    assert_eq!(
        link(0, "Printer").destination(&devices),
        Destination::Fill(0)
    );
    assert_eq!(
        link(5, "Printer").destination(&devices),
        Destination::Fill(0)
    );
    // Two devices share the name: filling either could be the wrong one.
    assert_eq!(link(0, "Scanner").destination(&devices), Destination::Ask);
    assert_eq!(
        link(2, "Scanner").destination(&devices),
        Destination::Fill(2)
    );
    assert_eq!(link(1, "Gone").destination(&devices), Destination::Ask);
    // A nameless card is found only at its own position.
    assert_eq!(link(3, "").destination(&devices), Destination::Fill(3));
    assert_eq!(link(0, "").destination(&devices), Destination::Ask);
    assert_eq!(link(0, "Gone").destination(&[]), Destination::New);
}

#[test]
fn a_card_checks_its_own_domain_or_its_from_addresss() {
    let mut device = Device {
        name: " Front desk ".to_owned(),
        from: "desk@fabrikam.com".to_owned(),
        method: "direct-send".to_owned(),
        cloud: Cloud::Gcc,
        ..Device::default()
    };
    let pairs = check_pairs(&device, 4);
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(value("domain"), Some("fabrikam.com"));
    assert_eq!(value("ip"), None);
    assert_eq!(value("method"), Some("direct-send"));
    assert_eq!(value("cloud"), Some("gcc"));
    assert_eq!(value(CARD_KEY), Some("4"));
    assert_eq!(value(CARD_NAME_KEY), Some("Front desk"));
    device.domain = "contoso.com".to_owned();
    assert_eq!(
        check_pairs(&device, 0)[0],
        ("domain", "contoso.com".to_owned())
    );
}

#[test]
fn a_card_key_that_is_not_a_position_names_no_card() {
    assert_eq!(CardRef::read(read(&[(CARD_KEY, Some("first"))])), None);
    assert_eq!(
        CardRef::read(read(&[(CARD_KEY, Some("2"))])),
        Some(CardRef {
            index: 2,
            name: String::new()
        })
    );
}
