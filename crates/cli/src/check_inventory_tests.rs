use super::*;
use smarthost_core::dns::{InMemoryZone, Lookup, RecordType, ResolveError};
use std::cell::RefCell;

/// Counts each question that reaches the zone.
struct Counting {
    zone: InMemoryZone,
    asked: RefCell<Vec<String>>,
}

impl Resolver for Counting {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        self.asked.borrow_mut().push(format!("{name} {rtype:?}"));
        self.zone.lookup(name, rtype).await
    }
}

fn zone() -> InMemoryZone {
    let mut zone = InMemoryZone::new()
        .txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 -all")
        .txt("_spf.b.test", "v=spf1 ip4:198.51.100.10");
    for site in ["a", "b", "c"] {
        let domain = format!("{site}.test");
        zone = zone
            .mx(
                &domain,
                0,
                &format!("{site}-test.mail.protection.outlook.com"),
            )
            .txt(&format!("_dmarc.{domain}"), "v=DMARC1; p=reject");
    }
    zone.txt(
        "a.test",
        "v=spf1 ip4:203.0.113.5 include:spf.protection.outlook.com -all",
    )
    .txt(
        "b.test",
        "v=spf1 include:_spf.b.test include:spf.protection.outlook.com -all",
    )
    .txt("c.test", "v=spf1 include:spf.protection.outlook.com -all")
}

fn device(domain: &str, ip: &str, method: MethodId) -> FleetDevice {
    let ip: Ipv4Addr = ip.parse().unwrap();
    FleetDevice {
        name: format!("{domain} {ip}"),
        from: format!("scan@{domain}"),
        ip: Some(ip),
        method,
        request: CheckRequest {
            domain: DomainName::parse(domain).unwrap(),
            ips: vec![ip],
            method: Some(method),
            cloud: None,
            draft: None,
        },
    }
}

#[test]
fn each_domain_is_asked_once_however_many_devices_it_has() {
    // Twelve devices, three domains, in mixed order.
    let devices: Vec<FleetDevice> = (0..12)
        .map(|i| {
            let domain = ["a.test", "b.test", "c.test"][i % 3];
            let ip = if i % 2 == 0 {
                "203.0.113.5"
            } else {
                "198.51.100.10"
            };
            device(domain, ip, MethodId::DirectSend)
        })
        .collect();
    let fleet = Counting {
        zone: zone(),
        asked: RefCell::new(Vec::new()),
    };
    let reports = block_on(check_all(&fleet, &devices, Lang::En));
    // The questions of one check per domain, each asked once.
    let mut alone = Vec::new();
    for domain in ["a.test", "b.test", "c.test"] {
        let single = Counting {
            zone: zone(),
            asked: RefCell::new(Vec::new()),
        };
        let one = devices
            .iter()
            .find(|d| d.request.domain.as_str() == domain)
            .unwrap();
        block_on(check_domain(&single, &one.request));
        alone.extend(single.asked.into_inner());
    }
    let mut asked = fleet.asked.into_inner();
    asked.sort();
    alone.sort();
    assert_eq!(asked, alone);
    // ...while each device's report is its own.
    let results: Vec<String> = reports
        .iter()
        .zip(&devices)
        .map(|(report, device)| {
            let ip = device.ip.unwrap().to_string();
            let report = report.as_ref().unwrap();
            format!(
                "{} {ip} {}",
                report.domain,
                report.spf.result_for_ip[&ip].as_str()
            )
        })
        .collect();
    let expected: Vec<String> = (0..12)
        .map(|i| {
            let domain = ["a.test", "b.test", "c.test"][i % 3];
            let (ip, pass) = if i % 2 == 0 {
                ("203.0.113.5", domain == "a.test")
            } else {
                ("198.51.100.10", domain == "b.test")
            };
            format!("{domain} {ip} {}", if pass { "pass" } else { "fail" })
        })
        .collect();
    assert_eq!(results, expected);
}

#[test]
fn domains_keep_the_order_they_first_appear_in() {
    let devices = [
        device("b.test", "203.0.113.5", MethodId::DirectSend),
        device("a.test", "203.0.113.5", MethodId::RelayIp),
        device("b.test", "203.0.113.6", MethodId::ClientSubmission),
    ];
    let groups: Vec<(String, Vec<usize>)> = by_domain(&devices)
        .into_iter()
        .map(|(d, members)| (d.to_string(), members))
        .collect();
    assert_eq!(
        groups,
        [
            ("b.test".to_owned(), vec![0, 2]),
            ("a.test".to_owned(), vec![1])
        ]
    );
}

/// Answers from the zone, but each lookup first yields once, so lookups that are
/// polled together are seen in flight together; records the most sites (`x.test`, from
/// `_dmarc.x.test` and `x.test` alike; Microsoft's include is no site) at once.
struct Overlapping {
    zone: InMemoryZone,
    in_flight: RefCell<Vec<String>>,
    most: std::cell::Cell<usize>,
}

impl Resolver for Overlapping {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        let labels: Vec<&str> = name.as_str().rsplit('.').take(2).collect();
        let site = (labels.first() == Some(&"test")).then(|| labels.join("."));
        if let Some(site) = &site {
            self.in_flight.borrow_mut().push(site.clone());
            let mut sites = self.in_flight.borrow().clone();
            sites.sort();
            sites.dedup();
            self.most.set(self.most.get().max(sites.len()));
        }
        let mut yielded = false;
        std::future::poll_fn(|cx| {
            if yielded {
                std::task::Poll::Ready(())
            } else {
                yielded = true;
                cx.waker().wake_by_ref();
                std::task::Poll::Pending
            }
        })
        .await;
        if let Some(site) = &site {
            let mut in_flight = self.in_flight.borrow_mut();
            if let Some(at) = in_flight.iter().position(|s| s == site) {
                in_flight.remove(at);
            }
        }
        self.zone.lookup(name, rtype).await
    }
}

#[test]
fn domains_are_checked_together_up_to_the_bound() {
    let mut zone = zone();
    let sites = ["a", "b", "c", "d", "e", "f"];
    for site in &sites[3..] {
        zone = zone
            .mx(
                &format!("{site}.test"),
                0,
                &format!("{site}-test.mail.protection.outlook.com"),
            )
            .txt(
                &format!("{site}.test"),
                "v=spf1 include:spf.protection.outlook.com -all",
            );
    }
    let devices: Vec<FleetDevice> = sites
        .iter()
        .map(|site| device(&format!("{site}.test"), "203.0.113.5", MethodId::DirectSend))
        .collect();
    let resolver = Overlapping {
        zone,
        in_flight: RefCell::new(Vec::new()),
        most: std::cell::Cell::new(0),
    };
    let reports = block_on(check_all(&resolver, &devices, Lang::En));
    assert!(reports.iter().all(Option::is_some));
    // Six domains: four at once, never all six, never one at a time.
    assert_eq!(resolver.most.get(), DOMAINS_AT_ONCE);
}

/// Writes `text` to a file of its own in the temporary folder; its path.
fn inventory_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("smarthost-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    path
}

#[test]
fn an_inventory_with_customers_is_read_and_a_bad_customer_refused_at_its_line() {
    let good = inventory_file(
        "customers.toml",
        "version = 1\n\n[[devices]]\nname = \"Ricoh\"\ncustomer = \"Contoso\"\nmethod = \"direct-send\"\ncloud = \"worldwide\"\nfrom = \"scanner@contoso.com\"\n",
    );
    let devices = read_devices(&good, Lang::En).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(devices.len(), 1);
    assert_eq!(devices[0].name, "Ricoh");
    let json = inventory_file(
        "customers.json",
        r#"{"version": 1, "devices": [{"name": "Ricoh", "customer": "Contoso", "method": "direct-send", "cloud": "worldwide", "from": "scanner@contoso.com"}]}"#,
    );
    assert_eq!(read_devices(&json, Lang::En).map(|d| d.len()).ok(), Some(1));
    let long = "c".repeat(81);
    let bad = inventory_file(
        "long-customer.toml",
        &format!("version = 1\n\n[[devices]]\nname = \"Ricoh\"\ncustomer = \"{long}\"\nmethod = \"direct-send\"\ncloud = \"worldwide\"\nfrom = \"scanner@contoso.com\"\n"),
    );
    let error = read_devices(&bad, Lang::En).err().map(|e| e.to_string());
    let expected = format!(
        "{}:3: device 1 \"Ricoh\": customer: the customer name is 81 characters long; use at most 80",
        bad.display()
    );
    assert_eq!(error.as_deref(), Some(expected.as_str()));
    for path in [good, json, bad] {
        let _ = std::fs::remove_file(path);
    }
}
