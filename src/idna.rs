//! Internationalised domain names through the browser's own URL parser: the WHATWG URL
//! standard runs UTS #46 on host names, so the app need not download Unicode tables the
//! browser already has. Installed into core at start-up.

/// The A-label form of `name`, or `None` when it is not a valid host name.
pub fn to_ascii(name: &str) -> Option<String> {
    // Characters that end or restructure a URL's host would change what is parsed
    // instead of being rejected, so they never reach the parser.
    let structural = |c: char| {
        matches!(c, '/' | '?' | '#' | '@' | ':' | '\\' | '%' | '[' | ']')
            || c.is_whitespace()
            || c.is_control()
    };
    if name.is_empty() || name.chars().any(structural) {
        return None;
    }
    let url = web_sys::Url::new(&format!("http://{name}/")).ok()?;
    let host = url.hostname();
    (!host.is_empty() && host.is_ascii()).then_some(host)
}
