//! SPF macros (RFC 7208 section 7): parsing macro-strings and expanding them.

use super::record::{why, SyntaxError, Why};
use std::net::IpAddr;

/// One piece of a macro-string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MacroToken {
    Literal(String),
    /// `%{letter digits r delimiters}`; an upper-case letter means URL-escape the result.
    Expand {
        letter: char,
        digits: Option<u32>,
        reverse: bool,
        delimiters: String,
    },
    /// `%%`
    Percent,
    /// `%_`
    Space,
    /// `%-`, a URL-encoded space
    UrlSpace,
}

/// A parsed macro-string, with its source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MacroString {
    pub text: String,
    pub tokens: Vec<MacroToken>,
}

impl MacroString {
    pub fn has_macros(&self) -> bool {
        self.tokens
            .iter()
            .any(|t| !matches!(t, MacroToken::Literal(_)))
    }

    /// The first c, r or t macro: letters allowed only in explanation text (RFC 7208
    /// 7.3), never in a domain-spec.
    pub fn exp_only_letter(&self) -> Option<char> {
        self.tokens.iter().find_map(|t| match t {
            MacroToken::Expand { letter, .. }
                if matches!(letter.to_ascii_lowercase(), 'c' | 'r' | 't') =>
            {
                Some(*letter)
            }
            _ => None,
        })
    }

    /// Whether it uses `%{p}`, which needs the client's validated PTR name.
    pub fn uses_validated_name(&self) -> bool {
        self.tokens.iter().any(
            |t| matches!(t, MacroToken::Expand { letter, .. } if letter.eq_ignore_ascii_case(&'p')),
        )
    }

    /// RFC 7208 7.1 domain-spec: ends with a macro-expand (`%{...}`, `%%`, `%_` or
    /// `%-`) or with "." toplabel ["."], where a toplabel is alphanumeric with at least
    /// one letter (or has an inner hyphen).
    pub fn is_valid_domain_spec(&self) -> bool {
        match self.tokens.last() {
            Some(
                MacroToken::Expand { .. }
                | MacroToken::Percent
                | MacroToken::Space
                | MacroToken::UrlSpace,
            ) => true,
            Some(MacroToken::Literal(last)) => {
                let trimmed = last.strip_suffix('.').unwrap_or(last);
                // domain-end is "." toplabel ["."]: a literal without a dot cannot end it.
                trimmed
                    .rsplit_once('.')
                    .is_some_and(|(_, top)| is_toplabel(top))
            }
            _ => false,
        }
    }
}

/// RFC 7208 7.1 toplabel: alphanumeric with at least one letter, hyphens inside only.
pub(crate) fn is_toplabel(label: &str) -> bool {
    let alnum = |c: char| c.is_ascii_alphanumeric();
    !label.is_empty()
        && label.chars().all(|c| alnum(c) || c == '-')
        && label.chars().any(|c| c.is_ascii_alphabetic())
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// Parses a macro-string that starts at byte `offset` of the record (for error spans).
pub fn parse_macro_string(text: &str, offset: usize) -> Result<MacroString, SyntaxError> {
    parse_tokens(text, offset, false)
}

/// Parses an explanation string, which may also hold spaces (RFC 7208 6.2).
pub fn parse_explain_string(text: &str) -> Result<MacroString, SyntaxError> {
    parse_tokens(text, 0, true)
}

fn parse_tokens(text: &str, offset: usize, allow_space: bool) -> Result<MacroString, SyntaxError> {
    let mut tokens = Vec::new();
    let mut literal = String::new();
    let mut chars = text.char_indices().peekable();
    let err =
        |at: usize, len: usize, why: Why| SyntaxError::new(offset + at..offset + at + len, why);
    while let Some((i, c)) = chars.next() {
        if c != '%' {
            // macro-literal = %x21-24 / %x26-7E
            if !(('\u{21}'..='\u{7e}').contains(&c) || (allow_space && c == ' ')) {
                return Err(err(
                    i,
                    c.len_utf8(),
                    why("spf.syntax.macro-character", &[("char", &format!("{c:?}"))]),
                ));
            }
            literal.push(c);
            continue;
        }
        let token = match chars.next() {
            Some((_, '%')) => MacroToken::Percent,
            Some((_, '_')) => MacroToken::Space,
            Some((_, '-')) => MacroToken::UrlSpace,
            Some((_, '{')) => {
                let mut body = String::new();
                let mut closed = false;
                for (_, b) in chars.by_ref() {
                    if b == '}' {
                        closed = true;
                        break;
                    }
                    body.push(b);
                }
                if !closed {
                    return Err(err(
                        i,
                        text.len() - i,
                        why(
                            "spf.syntax.macro-unclosed",
                            &[("open", "%{"), ("close", "}")],
                        ),
                    ));
                }
                parse_expand(&body).map_err(|m| err(i, body.len() + 3, m))?
            }
            _ => {
                return Err(err(
                    i,
                    1,
                    why("spf.syntax.macro-percent", &[("macro", "%{...}")]),
                ))
            }
        };
        if !literal.is_empty() {
            tokens.push(MacroToken::Literal(std::mem::take(&mut literal)));
        }
        tokens.push(token);
    }
    if !literal.is_empty() {
        tokens.push(MacroToken::Literal(literal));
    }
    Ok(MacroString {
        text: text.to_owned(),
        tokens,
    })
}

/// `letter *DIGIT ["r"] *delimiter`
fn parse_expand(body: &str) -> Result<MacroToken, Why> {
    let mut chars = body.chars();
    let letter = chars
        .next()
        .ok_or_else(|| why("spf.syntax.macro-empty", &[("macro", "%{}")]))?;
    if !"slodiphcrtv".contains(letter.to_ascii_lowercase()) {
        return Err(why(
            "spf.syntax.macro-letter",
            &[("letter", &letter.to_string())],
        ));
    }
    let rest = chars.as_str();
    let digits_len = rest.chars().take_while(char::is_ascii_digit).count();
    let digits = if digits_len == 0 {
        None
    } else {
        match rest[..digits_len].parse::<u32>() {
            Ok(0) => return Err(why("spf.syntax.macro-zero", &[])),
            Ok(n) => Some(n),
            Err(_) => return Err(why("spf.syntax.macro-digits", &[])),
        }
    };
    let mut rest = &rest[digits_len..];
    let reverse = match rest.strip_prefix(['r', 'R']) {
        Some(after) => {
            rest = after;
            true
        }
        None => false,
    };
    if let Some(bad) = rest.chars().find(|c| !".-+,/_=".contains(*c)) {
        return Err(why(
            "spf.syntax.macro-delimiter",
            &[("char", &bad.to_string())],
        ));
    }
    Ok(MacroToken::Expand {
        letter,
        digits,
        reverse,
        delimiters: rest.to_owned(),
    })
}

/// The values macros expand to (RFC 7208 7.3).
#[derive(Debug, Clone)]
pub struct MacroContext<'a> {
    /// `<sender>`: the MAIL FROM, or `postmaster@<helo>` when it was empty.
    pub sender: &'a str,
    /// `<domain>` being evaluated.
    pub domain: &'a str,
    pub ip: IpAddr,
    pub helo: &'a str,
    /// The receiving host, for `%{r}` in explanations.
    pub receiver: &'a str,
    /// Seconds since the epoch, for `%{t}` in explanations.
    pub timestamp: u64,
    /// `%{p}`: the client's validated domain name for this `<domain>` (RFC 7208 7.3),
    /// found by the evaluator; None when no PTR name validates ("unknown").
    pub validated: Option<&'a str>,
}

/// Why a macro cannot expand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MacroError {
    #[error("the macro %{{{0}}} is only allowed in explanations (exp=)")]
    ExpOnly(char),
}

/// Expands a macro-string; `in_exp` allows c, r and t (RFC 7208 7.2).
pub fn expand(
    ms: &MacroString,
    ctx: &MacroContext<'_>,
    in_exp: bool,
) -> Result<String, MacroError> {
    let mut out = String::new();
    for token in &ms.tokens {
        match token {
            MacroToken::Literal(text) => out.push_str(text),
            MacroToken::Percent => out.push('%'),
            MacroToken::Space => out.push(' '),
            MacroToken::UrlSpace => out.push_str("%20"),
            MacroToken::Expand {
                letter,
                digits,
                reverse,
                delimiters,
            } => {
                let lower = letter.to_ascii_lowercase();
                if matches!(lower, 'c' | 'r' | 't') && !in_exp {
                    return Err(MacroError::ExpOnly(lower));
                }
                let value = letter_value(lower, ctx);
                let transformed = transform(&value, *digits, *reverse, delimiters);
                if letter.is_ascii_uppercase() {
                    out.push_str(&url_escape(&transformed));
                } else {
                    out.push_str(&transformed);
                }
            }
        }
    }
    Ok(out)
}

fn letter_value(letter: char, ctx: &MacroContext<'_>) -> String {
    // RFC 7208 4.3: a sender without a local-part uses "postmaster".
    let (local, sender_domain) = match ctx.sender.rsplit_once('@') {
        Some(("", domain)) => ("postmaster", domain),
        Some((local, domain)) => (local, domain),
        None => ("postmaster", ctx.sender),
    };
    match letter {
        's' => ctx.sender.to_owned(),
        'l' => local.to_owned(),
        'o' => sender_domain.to_owned(),
        'd' => ctx.domain.to_owned(),
        'i' => dotted_ip(ctx.ip),
        // RFC 7208 7.3: "unknown" when no PTR name of the client validates.
        'p' => ctx.validated.unwrap_or("unknown").to_owned(),
        'v' => if ctx.ip.is_ipv4() { "in-addr" } else { "ip6" }.to_owned(),
        'h' => ctx.helo.to_owned(),
        'c' => ctx.ip.to_string(),
        'r' => ctx.receiver.to_owned(),
        't' => ctx.timestamp.to_string(),
        _ => String::new(),
    }
}

/// `%{i}`: IPv4 dotted, IPv6 as dot-separated nibbles (RFC 7208 7.3). The nibbles are
/// upper case as in RFC 4408 8.2 and the openspf test suites (RFC 7208 7.4 prints them in
/// lower case; DNS compares names without case, so only explanation text shows it).
fn dotted_ip(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => v6
            .octets()
            .iter()
            .flat_map(|b| [b >> 4, b & 0x0f])
            .map(|n| format!("{n:X}"))
            .collect::<Vec<_>>()
            .join("."),
    }
}

/// Splits on the delimiters (default "."), reverses if asked, keeps the rightmost
/// `digits` parts, and joins with "." (RFC 7208 7.3).
fn transform(value: &str, digits: Option<u32>, reverse: bool, delimiters: &str) -> String {
    let delimiters = if delimiters.is_empty() {
        "."
    } else {
        delimiters
    };
    let mut parts: Vec<&str> = value.split(|c| delimiters.contains(c)).collect();
    if reverse {
        parts.reverse();
    }
    if let Some(n) = digits {
        let keep = (n as usize).min(parts.len());
        parts = parts.split_off(parts.len() - keep);
    }
    parts.join(".")
}

/// URL-escapes everything outside the unreserved set (RFC 3986 2.3).
fn url_escape(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// RFC 7208 4.8 / 7.3: an expanded domain longer than 253 characters loses labels from
/// the left until it fits.
pub fn truncate_domain(expanded: &str) -> &str {
    let mut name = expanded.strip_suffix('.').unwrap_or(expanded);
    while name.len() > 253 {
        match name.split_once('.') {
            Some((_, rest)) => name = rest,
            None => break,
        }
    }
    name
}

#[cfg(test)]
#[path = "macros_tests.rs"]
mod tests;
