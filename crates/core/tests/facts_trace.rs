//! Every host, include and PowerShell parameter that smarthost states must appear in the
//! project's facts reference. The repository keeps a snapshot of it in
//! docs/reference/m365-sending-facts.md (the team's copy lives in shared/reference/, beside
//! the repository, which a clone may not have). A value typed from memory fails here.

use smarthost_core::cloud::Cloud;
use smarthost_core::connector::{connector_steps, ConnectorInput, ConnectorKind};
use smarthost_core::method::methods;
use std::path::PathBuf;

fn facts() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = std::env::var_os("SMARTHOST_FACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("docs/reference/m365-sending-facts.md"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the facts reference {} is needed: {e}", path.display()));
    // Say so when the team's copy has moved on, so the snapshot gets refreshed.
    let shared = root.join("../shared/reference/m365-sending-facts.md");
    if let Ok(current) = std::fs::read_to_string(&shared) {
        if current != text {
            eprintln!(
                "note: {} differs from {}; copy it over and re-check the method table",
                shared.display(),
                path.display()
            );
        }
    }
    text
}

#[test]
fn every_host_and_include_is_in_the_facts_file() {
    let facts = facts();
    let mut stated: Vec<String> = Vec::new();
    for cloud in Cloud::ALL {
        stated.push(cloud.submission_host().to_owned());
        stated.push(cloud.spf_include().to_owned());
        stated.push(cloud.mx_suffix().to_owned());
        for m in methods() {
            stated.extend(m.host_for(cloud).map(str::to_owned));
        }
    }
    for value in stated {
        assert!(facts.contains(&value), "{value} is not in the facts file");
    }
}

#[test]
fn every_powershell_parameter_is_in_the_facts_file() {
    let facts = facts();
    let input = ConnectorInput {
        ips: vec!["198.51.100.7".into()],
        cert_name: None,
        sender_domains: vec!["contoso.com".into()],
        ..ConnectorInput::default()
    };
    let cert = ConnectorInput {
        cert_name: Some("relay.contoso.com".into()),
        ..input.clone()
    };
    let mut commands = Vec::new();
    for (kind, input) in [
        (ConnectorKind::RelayIp, &input),
        (ConnectorKind::RelayCert, &cert),
        (ConnectorKind::Partner, &input),
    ] {
        match connector_steps(kind, input) {
            Ok(steps) => commands.extend(steps.powershell),
            Err(e) => panic!("{e:?}"),
        }
    }
    commands.extend(smarthost_core::connector::enable_smtp_auth_for_mailbox("a@b.com").powershell);
    commands.extend(smarthost_core::connector::allow_legacy_tls().powershell);
    commands.extend(smarthost_core::connector::reject_direct_send().powershell);
    for command in commands {
        for word in command.split_whitespace() {
            let is_cmdlet =
                word.contains('-') && word.chars().next().is_some_and(char::is_uppercase);
            let is_parameter = word.starts_with('-') && word.len() > 1;
            if is_cmdlet || is_parameter {
                // "RestrictDomainsTo*" in the facts file covers both RestrictDomainsTo…
                // parameters; -Identity and Format-List are PowerShell's own plumbing.
                let covered = facts.contains(word)
                    || (word.starts_with("-RestrictDomainsTo") && facts.contains("RestrictDomainsTo*"))
                    || ["-Identity", "Format-List"].contains(&word)
                    // Reading a setting: Get-X is covered when the facts name Set-X.
                    || word
                        .strip_prefix("Get-")
                        .is_some_and(|noun| facts.contains(&format!("Set-{noun}")));
                assert!(covered, "{word} (in `{command}`) is not in the facts file");
            }
        }
    }
}
