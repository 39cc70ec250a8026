//! `smarthost check`'s verdict per device against Knot + dnsdist: one line per IP and
//! method that joins MX, SPF, DKIM and DMARC.

use super::*;

#[test]
fn each_device_gets_its_answer_in_json_and_text() {
    require_stack!();
    // ok.cli.test lists 198.51.100.7 in SPF and publishes DMARC quarantine.
    let (_, v) = check_json(
        "ok.cli.test",
        &[
            "--ip",
            "198.51.100.7",
            "--ip",
            "203.0.113.50",
            "--method",
            "direct-send",
        ],
    );
    let verdicts = v["verdicts"].as_array().cloned().unwrap_or_default();
    let got: Vec<(String, String, String)> = verdicts
        .iter()
        .map(|x| {
            (
                x["ip"].as_str().unwrap_or_default().to_owned(),
                x["outcome"].as_str().unwrap_or_default().to_owned(),
                x["case"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "198.51.100.7".into(),
                "reaches".into(),
                "direct-send-reaches".into()
            ),
            (
                "203.0.113.50".into(),
                "junk".into(),
                "direct-send-junk".into()
            ),
        ],
        "{v:#}"
    );
    assert_eq!(verdicts[1]["deciding"], serde_json::json!(["spf", "dmarc"]));
    assert_eq!(
        verdicts[0]["text"],
        "Mail from 198.51.100.7 by Direct Send reaches your mailboxes: SPF passes for 198.51.100.7."
    );
    for (lang, heading, junk) in [
        ("en", "Verdict:", "[Junk] Mail from 203.0.113.50"),
        ("vi", "Kết luận:", "[Vào thư rác] Thư từ 203.0.113.50"),
    ] {
        let out = smarthost(&[
            "check",
            "ok.cli.test",
            "--ip",
            "198.51.100.7",
            "--ip",
            "203.0.113.50",
            "--method",
            "direct-send",
            "--lang",
            lang,
        ]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(&format!("\n  {heading}\n")), "{lang}: {text}");
        assert!(text.contains(junk), "{lang}: {text}");
    }
}

#[test]
fn a_failed_look_up_makes_the_verdict_unknown_not_a_guess() {
    require_stack!();
    let (_, v) = check_json(
        "servfail.cli.test",
        &["--ip", "198.51.100.7", "--method", "direct-send"],
    );
    let verdict = &v["verdicts"][0];
    assert_eq!(verdict["outcome"], "unknown", "{v:#}");
    assert_eq!(verdict["unknown"], serde_json::json!(["mx", "spf"]));
    assert!(
        verdict["text"]
            .as_str()
            .is_some_and(|t| t.contains("MX, SPF could not be checked")),
        "{verdict:#}"
    );
}

#[test]
fn client_submission_is_judged_without_an_ip() {
    require_stack!();
    let (_, v) = check_json("partitioned.dkim.test", &["--method", "client-submission"]);
    assert_eq!(v["verdicts"][0]["ip"], serde_json::Value::Null, "{v:#}");
    assert_eq!(v["verdicts"][0]["case"], "submission-reaches");
}
