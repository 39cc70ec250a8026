//! The term grammar of RFC 7208 section 12: mechanisms, modifiers, domain-specs and
//! dual CIDR lengths, each error with the span it points at.

use super::*;

/// The end of the term starting at `start`: the next space or the end of the text.
pub(super) fn term_end(text: &str, start: usize) -> usize {
    text[start..].find(' ').map_or(text.len(), |i| start + i)
}

pub(super) fn error(span: Range<usize>, key: &'static str) -> SyntaxError {
    SyntaxError::new(span, why(key, &[]))
}

pub(super) fn parse_term(term: &str, offset: usize) -> Result<TermKind, SyntaxError> {
    let span = offset..offset + term.len();
    if let Some(c) = term.chars().find(|c| !(c.is_ascii_graphic())) {
        return Err(SyntaxError::new(
            span,
            why("spf.syntax.character", &[("char", &format!("{c:?}"))]),
        ));
    }
    // A modifier is name=value where the name is ALPHA *(ALPHA / DIGIT / - / _ / .).
    let name_len = term
        .char_indices()
        .find(|(i, c)| {
            !(c.is_ascii_alphabetic() || (*i > 0 && (c.is_ascii_digit() || "-_.".contains(*c))))
        })
        .map_or(term.len(), |(i, _)| i);
    if name_len > 0 && term[name_len..].starts_with('=') {
        let name = &term[..name_len];
        let value_offset = offset + name_len + 1;
        let value = parse_macro_string(&term[name_len + 1..], value_offset)?;
        return Ok(TermKind::Modifier(
            match name.to_ascii_lowercase().as_str() {
                "redirect" => Modifier::Redirect(require_domain_spec(value, &span)?),
                "exp" => Modifier::Exp(require_domain_spec(value, &span)?),
                _ => Modifier::Unknown {
                    name: name.to_owned(),
                    value,
                },
            },
        ));
    }
    let (qualifier, body, body_offset) = match term.chars().next().and_then(Qualifier::from_char) {
        Some(q) => (q, &term[1..], offset + 1),
        None => (Qualifier::Pass, term, offset),
    };
    let mechanism =
        parse_mechanism(body, body_offset).map_err(|why| SyntaxError::new(span.clone(), why))?;
    Ok(TermKind::Directive {
        qualifier,
        mechanism,
    })
}

/// redirect= and exp= take a domain-spec (RFC 7208 6.1, 6.2), where c, r and t are not
/// allowed (7.3): they exist only for the explanation text that exp= points to.
pub(super) fn require_domain_spec(
    value: MacroString,
    span: &Range<usize>,
) -> Result<MacroString, SyntaxError> {
    if let Some(letter) = value.exp_only_letter() {
        return Err(SyntaxError::new(
            span.clone(),
            why(
                "spf.syntax.macro-exp-only",
                &[("macro", &format!("%{{{letter}}}"))],
            ),
        ));
    }
    if value.is_valid_domain_spec() {
        Ok(value)
    } else {
        Err(error(span.clone(), "spf.syntax.not-a-domain"))
    }
}

pub(super) fn parse_mechanism(body: &str, offset: usize) -> Result<Mechanism, Why> {
    let name_end = body.find([':', '/']).unwrap_or(body.len());
    let name = body[..name_end].to_ascii_lowercase();
    let rest = &body[name_end..];
    let domain_arg = |rest: &str| -> Result<Option<MacroString>, Why> {
        match rest.strip_prefix(':') {
            None => Ok(None),
            Some(spec) => parse_domain_spec(spec, offset + name_end + 1, &name).map(Some),
        }
    };
    // The names are MechanismKind's (one spelling, derived); anything else is unknown.
    let Some(kind) = MechanismKind::parse(&name) else {
        return Err(if name.is_empty() {
            why("spf.syntax.empty-term", &[])
        } else {
            why("spf.syntax.unknown-mechanism", &[("name", &shown(&name))])
        });
    };
    match kind {
        MechanismKind::All if rest.is_empty() => Ok(Mechanism::All),
        MechanismKind::All => Err(why("spf.syntax.all-argument", &[("value", &shown(rest))])),
        MechanismKind::Include | MechanismKind::Exists => {
            let domain = domain_arg(rest)?
                .ok_or_else(|| why("spf.syntax.needs-domain", &[("mechanism", &name)]))?;
            Ok(if kind == MechanismKind::Include {
                Mechanism::Include(domain)
            } else {
                Mechanism::Exists(domain)
            })
        }
        MechanismKind::A | MechanismKind::Mx => {
            // RFC 7208 5.3/5.4: [ ":" domain-spec ] [ dual-cidr-length ]. A domain-spec
            // may itself hold ':' and '/' (macro-literal is %x21-24 / %x26-7E), so only
            // a trailing, well-formed dual-cidr-length is a CIDR.
            let (domain_part, cidr4, cidr6) = split_trailing_cidr(rest)?;
            if !domain_part.is_empty() && !domain_part.starts_with(':') {
                return Err(why(
                    "spf.syntax.not-cidr",
                    &[("value", &shown(domain_part))],
                ));
            }
            let domain = domain_arg(domain_part)?;
            Ok(if kind == MechanismKind::A {
                Mechanism::A {
                    domain,
                    cidr4,
                    cidr6,
                }
            } else {
                Mechanism::Mx {
                    domain,
                    cidr4,
                    cidr6,
                }
            })
        }
        // RFC 7208 5.5: "ptr" [ ":" domain-spec ], with no CIDR length.
        MechanismKind::Ptr if rest.is_empty() || rest.starts_with(':') => {
            Ok(Mechanism::Ptr(domain_arg(rest)?))
        }
        MechanismKind::Ptr => Err(why("spf.syntax.ptr-cidr", &[("value", &shown(rest))])),
        MechanismKind::Ip4 => {
            let spec = rest
                .strip_prefix(':')
                .ok_or_else(|| why("spf.syntax.ip4-needs-address", &[]))?;
            let (addr, prefix) = split_prefix(spec);
            let network = parse_strict_ipv4(addr)
                .ok_or_else(|| why("spf.syntax.not-ipv4", &[("value", &shown(addr))]))?;
            let prefix = parse_cidr(prefix, 32)?.unwrap_or(32);
            Ok(Mechanism::Ip4 { network, prefix })
        }
        MechanismKind::Ip6 => {
            let spec = rest
                .strip_prefix(':')
                .ok_or_else(|| why("spf.syntax.ip6-needs-address", &[]))?;
            let (addr, prefix) = split_prefix(spec);
            let network = addr
                .parse::<Ipv6Addr>()
                .map_err(|_| why("spf.syntax.not-ipv6", &[("value", &shown(addr))]))?;
            let prefix = parse_cidr(prefix, 128)?.unwrap_or(128);
            Ok(Mechanism::Ip6 { network, prefix })
        }
    }
}

/// A mechanism's target (RFC 7208 7.1 domain-spec). The c, r and t macros belong to
/// explanation text only (7.3), so a target that uses them is a syntax error.
pub(super) fn parse_domain_spec(
    spec: &str,
    offset: usize,
    mechanism: &str,
) -> Result<MacroString, Why> {
    let parsed = parse_macro_string(spec, offset).map_err(|e| (e.key, e.args))?;
    if let Some(letter) = parsed.exp_only_letter() {
        return Err(why(
            "spf.syntax.macro-exp-only",
            &[("macro", &format!("%{{{letter}}}"))],
        ));
    }
    if parsed.is_valid_domain_spec() {
        Ok(parsed)
    } else {
        Err(why(
            "spf.syntax.invalid-domain",
            &[("mechanism", mechanism), ("value", &shown(spec))],
        ))
    }
}

/// ip4/ip6: everything after the last '/' is the prefix.
pub(super) fn split_prefix(spec: &str) -> (&str, Option<&str>) {
    match spec.rfind('/') {
        Some(i) => (&spec[..i], Some(&spec[i + 1..])),
        None => (spec, None),
    }
}

/// a/mx: peels a trailing dual-cidr-length (`/n`, `//m` or `/n//m`, RFC 7208 5.6) off
/// the rest of the term, returning what is left (`:domain-spec` or nothing) and the
/// lengths. A '/' followed by anything but digits up to the end is part of the domain.
pub(super) fn split_trailing_cidr(rest: &str) -> Result<(&str, Option<u8>, Option<u8>), Why> {
    let mut left = rest;
    let mut cidr6 = None;
    if let Some((before, digits)) = trailing_digits_after(left, "//") {
        cidr6 = parse_cidr(Some(digits), 128)?;
        left = before;
    }
    let mut cidr4 = None;
    if let Some((before, digits)) = trailing_digits_after(left, "/") {
        // "a//64" was taken above; a single '/' here is the IPv4 length.
        if !before.ends_with('/') {
            cidr4 = parse_cidr(Some(digits), 32)?;
            left = before;
        }
    }
    if left.ends_with('/') && cidr4.is_none() && cidr6.is_none() {
        return Err(why("spf.syntax.not-cidr", &[("value", "/")]));
    }
    Ok((left, cidr4, cidr6))
}

/// When `text` ends with `sep` then one or more ASCII digits: what comes before `sep`,
/// and the digits.
pub(super) fn trailing_digits_after<'t>(text: &'t str, sep: &str) -> Option<(&'t str, &'t str)> {
    let digits_start = text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits_start == text.len() {
        return None;
    }
    let before = text[..digits_start].strip_suffix(sep)?;
    Some((before, &text[digits_start..]))
}

/// A CIDR length: digits without a leading zero (except "0"), at most `max`.
pub(super) fn parse_cidr(text: Option<&str>, max: u8) -> Result<Option<u8>, Why> {
    let Some(text) = text else {
        return Ok(None);
    };
    let valid_digits = !text.is_empty()
        && text.len() <= 3
        && text.chars().all(|c| c.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    match text.parse::<u8>() {
        Ok(n) if valid_digits && n <= max => Ok(Some(n)),
        _ => Err(why(
            "spf.syntax.cidr-range",
            &[("value", &shown(text)), ("max", &max.to_string())],
        )),
    }
}

/// Dotted quad without leading zeros or other forms (RFC 7208 ip4-network).
pub(super) fn parse_strict_ipv4(text: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut octets = [0u8; 4];
    for (slot, part) in octets.iter_mut().zip(&parts) {
        if part.is_empty() || part.len() > 3 || (part.len() > 1 && part.starts_with('0')) {
            return None;
        }
        *slot = part.parse().ok()?;
    }
    Some(Ipv4Addr::from(octets))
}
