//! Whether a page's Content-Security-Policy lets it connect to a URL: pure string
//! matching, tested natively (`cargo test -p smarthost-web --lib`).
//!
//! The hosted app ships a policy whose `connect-src` lists the resolvers it may use. A
//! custom DNS-over-HTTPS URL outside that list would fail as an opaque network error,
//! which reads like "the resolver is down"; checking first lets the app say what is
//! wrong and who can fix it. The matching follows CSP Level 3 source expressions for
//! the forms a `connect-src` uses: `'self'`, `*`, scheme-only (`https:`) and
//! host-sources with an optional scheme, `*.` host wildcard, port (or `*`) and path.

/// The parts of an absolute http(s) URL that source matching looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    pub scheme: String,
    pub host: String,
    pub port: u16,
    pub path: String,
}

impl UrlParts {
    /// Splits `url`; `None` unless it is an absolute http or https URL with a host.
    pub fn parse(url: &str) -> Option<UrlParts> {
        let (scheme, rest) = url.trim().split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "http" => 80,
            "https" => 443,
            _ => return None,
        };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        // Credentials are not part of the origin.
        let authority = authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host);
        let (host, port) = split_port(authority)?;
        if host.is_empty() {
            return None;
        }
        let port = match port {
            Some(p) => p.parse().ok()?,
            None => default_port,
        };
        let path_end = tail.find(['?', '#']).unwrap_or(tail.len());
        let path = match &tail[..path_end] {
            "" => "/".to_owned(),
            p => p.to_owned(),
        };
        Some(UrlParts {
            scheme,
            host: host.to_ascii_lowercase(),
            port,
            path,
        })
    }

    /// `scheme://host:port`, the form a team adds to the policy.
    pub fn origin(&self) -> String {
        let default = matches!(
            (self.scheme.as_str(), self.port),
            ("http", 80) | ("https", 443)
        );
        if default {
            format!("{}://{}", self.scheme, self.host)
        } else {
            format!("{}://{}:{}", self.scheme, self.host, self.port)
        }
    }
}

/// Splits `host[:port]`, keeping IPv6 literals (`[::1]:8053`) whole.
fn split_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if let Some(after) = authority.strip_prefix('[') {
        let close = after.find(']')?;
        let host = &authority[..close + 2];
        return match &after[close + 1..] {
            "" => Some((host, None)),
            rest => Some((host, Some(rest.strip_prefix(':')?))),
        };
    }
    Some(match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    })
}

/// The source list of `directive` in `policy`, falling back to `default-src` as
/// browsers do; `None` when neither is present (nothing restricts connections).
pub fn sources<'a>(policy: &'a str, directive: &str) -> Option<Vec<&'a str>> {
    let find = |name: &str| {
        policy.split(';').find_map(|part| {
            let mut words = part.split_whitespace();
            words
                .next()
                .filter(|d| d.eq_ignore_ascii_case(name))
                .map(|_| words.collect::<Vec<_>>())
        })
    };
    find(directive).or_else(|| find("default-src"))
}

/// Whether `policy` lets a page at `page` fetch `target` (both absolute URLs). A
/// policy or page that cannot be read is treated as allowing: the browser stays the
/// judge, this check only exists to explain its refusals.
pub fn allows_connect(policy: &str, page: &str, target: &str) -> bool {
    let Some(target) = UrlParts::parse(target) else {
        return false;
    };
    let Some(list) = sources(policy, "connect-src") else {
        return true;
    };
    let page = UrlParts::parse(page);
    list.iter()
        .any(|source| source_matches(source, &target, page.as_ref()))
}

fn source_matches(source: &str, target: &UrlParts, page: Option<&UrlParts>) -> bool {
    let source = source.trim();
    if source.eq_ignore_ascii_case("'self'") {
        return page.is_some_and(|p| same_origin_or_upgrade(p, target));
    }
    if source.starts_with('\'') {
        // Nonces, hashes and keywords such as 'none' allow no connection.
        return false;
    }
    if source == "*" {
        return true;
    }
    if let Some(scheme) = source.strip_suffix(':') {
        return scheme_matches(&scheme.to_ascii_lowercase(), &target.scheme);
    }
    host_source_matches(source, target, page)
}

fn same_origin_or_upgrade(page: &UrlParts, target: &UrlParts) -> bool {
    page.host == target.host
        && (page.scheme == target.scheme && page.port == target.port
            || page.scheme == "http" && target.scheme == "https" && target.port == 443)
}

/// CSP3: `http` in a source also allows `https` (an upgrade), never the reverse.
fn scheme_matches(source: &str, target: &str) -> bool {
    source == target || source == "http" && target == "https"
}

fn host_source_matches(source: &str, target: &UrlParts, page: Option<&UrlParts>) -> bool {
    let (scheme, rest) = match source.split_once("://") {
        Some((scheme, rest)) => (Some(scheme.to_ascii_lowercase()), rest),
        None => (None, source),
    };
    let scheme_ok = match &scheme {
        Some(s) => scheme_matches(s, &target.scheme),
        // No scheme: the page's own, or its upgrade.
        None => page.map_or(target.scheme == "https", |p| {
            scheme_matches(&p.scheme, &target.scheme)
        }),
    };
    if !scheme_ok {
        return false;
    }
    let path_start = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(path_start);
    let Some((host, port)) = split_port(authority) else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    let host_ok = match host.strip_prefix("*.") {
        Some(suffix) => target.host.ends_with(&format!(".{suffix}")),
        None => host == target.host,
    };
    let port_ok = match port {
        Some("*") => true,
        Some(p) => p.parse::<u16>().is_ok_and(|p| p == target.port),
        None => {
            let default = match scheme.as_deref().unwrap_or(target.scheme.as_str()) {
                "http" => 80,
                _ => 443,
            };
            // An http source without a port also allows the https upgrade on 443.
            target.port == default || target.scheme == "https" && target.port == 443
        }
    };
    let path_ok = path.is_empty()
        || if path.ends_with('/') {
            target.path.starts_with(path)
        } else {
            target.path == path
        };
    host_ok && port_ok && path_ok
}

#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
