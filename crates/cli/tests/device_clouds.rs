//! `smarthost build` with devices in different Microsoft 365 clouds: each device page (and
//! a `card` shortcode) shows the hosts and SPF include of the device's own cloud, never a
//! worldwide one for a GCC High device; an inventory from before the `cloud` field still
//! builds, as worldwide, with a note naming the devices; an unknown cloud or an MX host of
//! another cloud stops the build at the device's line.

use std::path::Path;
use std::process::Output;

#[path = "support/site_build.rs"]
mod site_build;
use site_build::{read, scratch, smarthost, succeeded};

/// Hosts of the worldwide cloud that a GCC High card must never show.
const WORLDWIDE_HOSTS: [&str; 4] = [
    "smtp.office365.com",
    "spf.protection.outlook.com",
    "mail.protection.outlook.com",
    "smtp-hve.office365.com",
];

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// A one-page English guide (with a `card` shortcode for `card_of`) and `devices`.
fn guide(dir: &Path, devices: &str, card_of: &str) {
    write(
        &dir.join("guide/en/index.md"),
        &format!(
            "+++\ntitle = \"Devices\"\nsummary = \"Cards in their clouds.\"\norder = 0\nupdated = \"2026-11-28\"\n+++\n\n## Card\n\n{{{{ card device=\"{card_of}\" }}}}\n"
        ),
    );
    write(&dir.join("guide/devices.toml"), devices);
}

fn build(dir: &Path) -> Output {
    smarthost(
        dir,
        &["build", "--guide", "guide", "--out", "out", "--lang", "en"],
    )
}

const TWO_CLOUDS: &str = "version = 1

[[devices]]
name = \"Head office scanner\"
method = \"client-submission\"
from = \"scanner@contoso.com\"

[[devices]]
name = \"Federal scanner\"
method = \"client-submission\"
cloud = \"gcc-high\"
from = \"scanner@fabrikam.com\"

[[devices]]
name = \"Federal app\"
method = \"hve\"
cloud = \"gcc-high\"
from = \"app@fabrikam.com\"

[[devices]]
name = \"Federal copier\"
method = \"direct-send\"
cloud = \"gcc-high\"
from = \"copier@fabrikam.com\"
smart_host = \"fabrikam-com.mail.protection.office365.us\"
ip = \"203.0.113.25\"
";

#[test]
fn the_shipped_guide_shows_its_gcc_high_device_with_gcc_high_hosts_only() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../guide");
    let inventory = read(&guide.join("devices.toml"));
    assert!(
        inventory.contains("cloud = \"gcc-high\""),
        "guide/devices.toml ships a GCC High device"
    );
    let out = scratch("shipped").join("out");
    let result = smarthost(
        &guide,
        &[
            "build",
            "--guide",
            &guide.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
        ],
    );
    succeeded(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        !stderr.contains("had no cloud"),
        "every shipped device names its cloud: {stderr}"
    );
    let mut langs = vec!["en"];
    if out.join("vi/devices").is_dir() {
        langs.push("vi");
    }
    for lang in langs {
        let page = read(&out.join(format!("{lang}/devices/washington-scanner-gcc-high.html")));
        for host in WORLDWIDE_HOSTS {
            assert!(!page.contains(host), "{lang}: shows {host}:\n{page}");
        }
        assert!(
            page.contains("<dd>outlook.<wbr>office365.<wbr>us</dd>"),
            "{lang}: the GCC High smart host:\n{page}"
        );
        assert!(
            page.contains("Test-<wbr>NetConnection outlook.<wbr>office365.<wbr>us -Port 587"),
            "{lang}: the test step names the GCC High host:\n{page}"
        );
        assert!(
            page.contains("include:spf.<wbr>protection.<wbr>office365.<wbr>us"),
            "{lang}: the GCC High SPF include:\n{page}"
        );
        assert!(page.contains("<dd>GCC High</dd>"), "{lang}: the cloud row");
        let index = read(&out.join(format!("{lang}/devices/index.html")));
        assert!(
            index.contains("<td>GCC High</td>"),
            "{lang}: the index has the cloud:\n{index}"
        );
    }
    // The worldwide devices keep the worldwide host.
    let reception = read(&out.join("en/devices/reception-mfp.html"));
    assert!(
        reception.contains("<dd>smtp.<wbr>office365.<wbr>com</dd>"),
        "{reception}"
    );
    assert!(
        reception.contains("include:spf.<wbr>protection.<wbr>outlook.<wbr>com"),
        "{reception}"
    );
}

#[test]
fn each_device_page_and_card_shortcode_follows_the_device_s_cloud() {
    let dir = scratch("two-clouds");
    guide(&dir, TWO_CLOUDS, "Federal scanner");
    let result = build(&dir);
    succeeded(&result);
    let page = |slug: &str| read(&dir.join(format!("out/en/devices/{slug}.html")));

    let worldwide = page("head-office-scanner");
    assert!(
        worldwide.contains("<dd>smtp.<wbr>office365.<wbr>com</dd>"),
        "{worldwide}"
    );
    assert!(
        worldwide.contains("<dt>Cloud</dt><dd>Worldwide (commercial)</dd>"),
        "{worldwide}"
    );

    for slug in ["federal-scanner", "federal-app", "federal-copier"] {
        let html = page(slug);
        for host in WORLDWIDE_HOSTS {
            assert!(!html.contains(host), "{slug} shows {host}:\n{html}");
        }
        assert!(
            html.contains("<dt>Cloud</dt><dd>GCC High</dd>"),
            "{slug}:\n{html}"
        );
    }
    assert!(page("federal-scanner").contains("<dd>outlook.<wbr>office365.<wbr>us</dd>"));
    let app = page("federal-app");
    assert!(
        app.contains("<dt>Smart host</dt><dd>Not confirmed in GCC High: "),
        "HVE is not confirmed there:\n{app}"
    );
    let copier = page("federal-copier");
    assert!(
        copier.contains(
            "<dd>fabrikam-<wbr>com.<wbr>mail.<wbr>protection.<wbr>office365.<wbr>us</dd>"
        ),
        "{copier}"
    );
    assert!(
        copier.contains(
            "<dd>ip4:203.0.113.25 include:spf.<wbr>protection.<wbr>office365.<wbr>us</dd>"
        ),
        "{copier}"
    );

    // The card embedded in a guide page is the same card.
    let index = read(&dir.join("out/en/index.html"));
    let embedded = index
        .split("<div class=\"card-embed\">")
        .nth(1)
        .unwrap_or_default();
    assert!(
        embedded.contains("<dd>outlook.<wbr>office365.<wbr>us</dd>"),
        "{index}"
    );
    assert!(
        embedded.contains("include:spf.<wbr>protection.<wbr>office365.<wbr>us"),
        "{index}"
    );
    for host in WORLDWIDE_HOSTS {
        assert!(
            !embedded.contains(host),
            "the card shortcode shows {host}:\n{index}"
        );
    }
}

#[test]
fn an_inventory_without_clouds_builds_as_worldwide_and_the_build_says_which_devices() {
    let dir = scratch("old");
    guide(&dir, TWO_CLOUDS, "Head office scanner");
    let result = build(&dir);
    succeeded(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains(
            "smarthost: note: guide/devices.toml: 1 device had no cloud in the file and was read as Worldwide: device 1 \"Head office scanner\". "
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("device 2"), "{stderr}");

    let none = TWO_CLOUDS.replace("cloud = \"gcc-high\"\n", "");
    let dir = scratch("old-all");
    guide(
        &dir,
        &none.replace(
            "smart_host = \"fabrikam-com.mail.protection.office365.us\"",
            "smart_host = \"fabrikam-com.mail.protection.outlook.com\"",
        ),
        "Federal scanner",
    );
    let result = build(&dir);
    succeeded(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("4 devices had no cloud in the file and were read as Worldwide: device 1 \"Head office scanner\", device 2 \"Federal scanner\", device 3 \"Federal app\", device 4 \"Federal copier\"."),
        "{stderr}"
    );
    let scanner = read(&dir.join("out/en/devices/federal-scanner.html"));
    assert!(
        scanner.contains("<dd>smtp.<wbr>office365.<wbr>com</dd>"),
        "{scanner}"
    );
}

#[test]
fn an_unknown_cloud_stops_the_build_at_its_device() {
    let dir = scratch("unknown");
    guide(
        &dir,
        &TWO_CLOUDS.replacen("cloud = \"gcc-high\"", "cloud = \"gcc-hi\"", 1),
        "Federal scanner",
    );
    let result = build(&dir);
    assert_eq!(result.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&result.stderr),
        "smarthost: error: guide/devices.toml:8: device 2 \"Federal scanner\": \"gcc-hi\" is not a Microsoft 365 cloud smarthost knows; use one of worldwide, gcc, gcc-high, dod, 21vianet\n"
    );
    assert!(!dir.join("out").exists(), "nothing is written");
}

#[test]
fn a_gcc_high_device_with_a_worldwide_mx_host_stops_the_build() {
    let dir = scratch("wrong-mx");
    guide(
        &dir,
        &TWO_CLOUDS.replace(
            "fabrikam-com.mail.protection.office365.us",
            "fabrikam-com.mail.protection.outlook.com",
        ),
        "Federal scanner",
    );
    let result = build(&dir);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.starts_with(
            "smarthost: error: guide/devices.toml:20: device 4 `Federal copier`: smart-host: fabrikam-com.mail.protection.outlook.com is not a GCC High MX host: there they end in mail.protection.office365.us."
        ),
        "{stderr}"
    );
    assert!(!dir.join("out").exists(), "nothing is written");
}
