//! The EHLO reply (RFC 5321 4.1.1.1): the server's name on the first line, then one
//! service extension per line, a keyword and its parameters. What the probe reads from
//! it: STARTTLS (RFC 3207) and the AUTH mechanisms (RFC 4954).

use super::reply::Reply;
use serde::Serialize;

/// The extensions a server announced, keywords in upper case, in the order sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ehlo {
    /// The first line: the server's name and any greeting text.
    pub greeting: String,
    /// Each extension line as sent, e.g. `SIZE 10240000`, `AUTH PLAIN LOGIN`.
    pub extensions: Vec<String>,
}

impl Ehlo {
    /// The extensions of a positive EHLO reply.
    pub fn from_reply(reply: &Reply) -> Ehlo {
        let mut lines = reply.lines.iter();
        let greeting = lines.next().cloned().unwrap_or_default();
        Ehlo {
            greeting,
            extensions: lines
                .map(|line| line.trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect(),
        }
    }

    /// Whether an extension with this keyword (any case) was announced.
    pub fn offers(&self, keyword: &str) -> bool {
        self.extensions
            .iter()
            .any(|line| split(line).0.eq_ignore_ascii_case(keyword))
    }

    /// The SASL mechanisms of the AUTH extension, upper case, each once. Old servers
    /// (and Microsoft Exchange for old clients) also send `AUTH=LOGIN`; it counts too.
    pub fn auth_mechanisms(&self) -> Vec<String> {
        let mut mechanisms: Vec<String> = Vec::new();
        for line in &self.extensions {
            let (keyword, params) = split(line);
            if !keyword.eq_ignore_ascii_case("AUTH") {
                continue;
            }
            for mechanism in params.split_ascii_whitespace() {
                let mechanism = mechanism.to_ascii_uppercase();
                if !mechanisms.contains(&mechanism) {
                    mechanisms.push(mechanism);
                }
            }
        }
        mechanisms
    }
}

/// `AUTH PLAIN LOGIN` → (`AUTH`, `PLAIN LOGIN`); `AUTH=LOGIN` → (`AUTH`, `LOGIN`).
fn split(line: &str) -> (&str, &str) {
    let line = line.trim();
    let end = line.find([' ', '=']).unwrap_or(line.len());
    let (keyword, rest) = line.split_at(end);
    (keyword, rest.get(1..).unwrap_or("").trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ehlo(lines: &[&str]) -> Ehlo {
        Ehlo::from_reply(&Reply {
            code: 250,
            lines: lines.iter().map(|l| (*l).to_owned()).collect(),
        })
    }

    #[test]
    fn reads_starttls_and_auth() {
        // Microsoft 365's smart host as the facts file's diagnostics show it, shortened.
        let e = ehlo(&[
            "SN4PR0201CA0001.outlook.office365.com Hello [203.0.113.25]",
            "SIZE 157286400",
            "PIPELINING",
            "STARTTLS",
            "8BITMIME",
        ]);
        assert!(e.offers("starttls") && e.offers("SIZE"));
        assert!(!e.offers("AUTH"));
        assert!(e.auth_mechanisms().is_empty());
        assert_eq!(
            e.greeting,
            "SN4PR0201CA0001.outlook.office365.com Hello [203.0.113.25]"
        );

        let e = ehlo(&[
            "mail.test",
            "AUTH LOGIN xoauth2 PLAIN",
            "AUTH=LOGIN",
            "SIZESTART",
        ]);
        assert_eq!(e.auth_mechanisms(), ["LOGIN", "XOAUTH2", "PLAIN"]);
        assert!(!e.offers("SIZE"), "a keyword is matched whole");
    }

    #[test]
    fn an_empty_reply_has_no_extensions() {
        let e = ehlo(&[]);
        assert_eq!(e.greeting, "");
        assert!(e.extensions.is_empty() && !e.offers("STARTTLS"));
        let e = ehlo(&["x", "", "   ", "AUTH"]);
        assert_eq!(e.extensions, ["AUTH"]);
        assert!(e.auth_mechanisms().is_empty());
    }
}
