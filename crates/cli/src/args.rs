//! A small command-line reader: `--name value`, `--name=value` and bare `--flag`s.

use crate::Usage;

/// One parsed option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opt {
    pub name: String,
    pub value: Option<String>,
}

/// Splits `args` into options; `takes_value(name)` says which options need a value.
/// Positional arguments are returned separately.
pub fn parse(
    args: &[String],
    takes_value: impl Fn(&str) -> bool,
) -> Result<(Vec<Opt>, Vec<String>), Usage> {
    let mut opts = Vec::new();
    let mut positional = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let Some(body) = arg.strip_prefix("--") else {
            positional.push(arg.clone());
            continue;
        };
        let (name, inline) = match body.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (body.to_owned(), None),
        };
        let value = if takes_value(&name) {
            match inline {
                Some(value) => Some(value),
                None => Some(
                    iter.next()
                        .cloned()
                        .ok_or_else(|| Usage(format!("--{name} needs a value")))?,
                ),
            }
        } else if inline.is_some() {
            return Err(Usage(format!("--{name} does not take a value")));
        } else {
            None
        };
        opts.push(Opt { name, value });
    }
    Ok((opts, positional))
}
