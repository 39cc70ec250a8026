//! A shortcode's source: which paragraphs are shortcodes, and `{{ name key="value" }}`
//! read into a [`Shortcode`].

/// The block shortcodes, each a paragraph of its own.
pub(crate) const NAMES: [&str; 11] = [
    "matrix",
    "clouds",
    "method-settings",
    "connector",
    "fact",
    "plan-link",
    "card",
    "explain-link",
    "check-link",
    "bounces",
    "terms",
];

/// The shortcodes that stand inside a sentence and become words, not a block.
pub(crate) const INLINE: [&str; 1] = ["milestone"];

/// A parsed shortcode: its name and arguments in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shortcode {
    pub(crate) name: String,
    pub(crate) args: Vec<(String, String)>,
}

/// Whether a paragraph's source is meant as a block shortcode (and so must parse as
/// one); a paragraph that starts with an inline shortcode is a sentence.
pub(crate) fn looks_like_shortcode(paragraph: &str) -> bool {
    let Some(rest) = paragraph.trim_start().strip_prefix("{{") else {
        return false;
    };
    let name: String = rest
        .trim_start()
        .chars()
        .take_while(|c| is_name_char(*c))
        .collect();
    !INLINE.contains(&name.as_str())
}

/// Parses `{{ name key="value" key=bare }}`. Values in quotes may contain spaces and
/// `\"` or `\\`.
pub(crate) fn parse(source: &str) -> Result<Shortcode, String> {
    let source = source.trim();
    let inner = source
        .strip_prefix("{{")
        .and_then(|s| s.strip_suffix("}}"))
        .ok_or("a shortcode paragraph must be exactly `{{ name key=\"value\" }}`, with nothing after the closing `}}`")?;
    if inner.contains("{{") || inner.contains("}}") {
        return Err("one shortcode per paragraph: put a blank line between shortcodes".to_owned());
    }
    let mut chars = inner.trim().chars().peekable();
    let name: String = std::iter::from_fn(|| chars.next_if(|c| is_name_char(*c))).collect();
    if name.is_empty() {
        return Err("a shortcode starts with its name, such as `{{ matrix }}`".to_owned());
    }
    let mut args = Vec::new();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let key: String = std::iter::from_fn(|| chars.next_if(|c| is_name_char(*c))).collect();
        if key.is_empty() || chars.next() != Some('=') {
            return Err(format!(
                "shortcode `{name}`: expected key=\"value\" arguments after the name"
            ));
        }
        let value = if chars.next_if_eq(&'"').is_some() {
            let mut value = String::new();
            loop {
                match chars.next() {
                    None => {
                        return Err(format!(
                            "shortcode `{name}`: the value of `{key}` has no closing quote"
                        ))
                    }
                    Some('"') => break,
                    Some('\\') => match chars.next() {
                        Some(c @ ('"' | '\\')) => value.push(c),
                        _ => {
                            return Err(format!(
                                "shortcode `{name}`: in `{key}`, only \\\" and \\\\ may follow a backslash"
                            ))
                        }
                    },
                    Some(c) => value.push(c),
                }
            }
            value
        } else {
            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '"')).collect()
        };
        if chars.peek().is_some_and(|c| !c.is_whitespace()) {
            return Err(format!(
                "shortcode `{name}`: put a space after the value of `{key}`"
            ));
        }
        args.push((key, value));
    }
    Ok(Shortcode { name, args })
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
}
