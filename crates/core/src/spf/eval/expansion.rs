//! Domain-specs and explanations (RFC 7208 4.3, 6.2, 7): a term's target expanded
//! with the macros for the current domain, the validated PTR names looked up first when
//! `%{p}` needs them, and the exp= explanation of a fail.

use super::*;

/// Expands a domain-spec for the current domain; None when it does not expand to a
/// usable name.
pub(super) fn expand_domain<R>(
    state: &State<'_, R>,
    spec: &MacroString,
    domain: &str,
) -> Option<String> {
    let ctx = context(state, domain);
    let expanded = expand(spec, &ctx, false).ok()?;
    let name = truncate_domain(&expanded).to_owned();
    DomainName::parse_lookup(&name).ok().map(|n| n.to_string())
}

pub(super) fn context<'s, R>(state: &'s State<'_, R>, domain: &'s str) -> MacroContext<'s> {
    MacroContext {
        sender: &state.sender,
        domain,
        ip: state.ip,
        helo: &state.query.helo,
        receiver: &state.query.receiver,
        timestamp: state.query.timestamp,
        validated: state
            .validated
            .as_deref()
            .and_then(|names| preferred_name(names, domain)),
    }
}

/// RFC 7208 4.3: the domain to check must be a well-formed multi-label name whose last
/// label is a toplabel (so no domain literal such as `[192.0.2.1]` and no bare IP).
pub(super) fn is_checkable_domain(domain: &str) -> bool {
    let name = domain.strip_suffix('.').unwrap_or(domain);
    !name.contains(['[', ']']) && name.rsplit('.').next().is_some_and(is_toplabel)
}

/// Expands a domain-spec, first finding the validated PTR names when it uses `%{p}`.
pub(super) async fn expand_target<R: Resolver>(
    state: &mut State<'_, R>,
    spec: &MacroString,
    domain: &str,
) -> Option<String> {
    if spec.uses_validated_name() && state.validated.is_none() {
        let names = validated_names_for_macro(state).await;
        state.validated = Some(names);
    }
    expand_domain(state, spec, domain)
}

/// RFC 7208 6.2: the explanation for a fail, from the TXT record named by exp=. Any
/// problem means no explanation; this lookup is not counted.
pub(super) async fn explain<R: Resolver>(
    state: &mut State<'_, R>,
    record: &SpfRecord,
    domain: &str,
) -> Option<String> {
    let spec = record.exp()?;
    let name = expand_target(state, spec, domain).await?;
    let parsed = DomainName::parse_lookup(&name).ok()?;
    let lookup = state.resolver.lookup(&parsed, RecordType::Txt).await.ok()?;
    let texts: Vec<String> = lookup
        .records()
        .iter()
        .filter_map(|r| r.data.txt_joined())
        .collect();
    let [text] = texts.as_slice() else {
        return None;
    };
    let macro_string = crate::spf::macros::parse_explain_string(text).ok()?;
    if macro_string.uses_validated_name() && state.validated.is_none() {
        let names = validated_names_for_macro(state).await;
        state.validated = Some(names);
    }
    let ctx = context(state, domain);
    let explained = expand(&macro_string, &ctx, true).ok()?;
    explained.is_ascii().then_some(explained)
}
