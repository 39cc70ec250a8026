//! Shortcodes: a paragraph consisting only of `{{ name key="value" ... }}` is replaced
//! by HTML rendered from the planner's core, so no guide restates a host, a port or a
//! date that the method table already knows. An inline shortcode (`milestone`) stands
//! inside a sentence instead and is replaced by words.
//!
//! | shortcode | arguments |
//! | --- | --- |
//! | `matrix` | `[cloud=]` |
//! | `method-settings` | `method=` `[cloud=]` |
//! | `connector` | `method=relay-ip\|relay-cert` `[ip=]` `[cert=]` `[domain=]` `[name=]` |
//! | `fact` | `key=` (its dated milestones worded for the build's `--today`) |
//! | `plan-link` | `answers="q=v&..."` `text=` |
//! | `card` | `device=` |
//! | `milestone` (inline) | `key=` (the milestone in the app's words for the build's `--today`) |
//!
//! Anything else (an unknown name or argument, a missing or invalid value) is an error;
//! the Markdown stage adds the file and line.

use super::devices::DeviceSet;
use super::events::{Failure, Spanned};
use super::links::{app_href, QueryPair};
use super::strings::{catalog, t, Text};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use smarthost_core::card::escape;
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::{connector_steps, ConnectorInput, ConnectorKind};
use smarthost_core::date::Date;
use smarthost_core::device_card::render_device_card_html;
use smarthost_core::i18n::Lang;
use smarthost_core::matrix::{comparison_matrix, Aspect};
use smarthost_core::method::{method, methods, Fact, Host, MethodId};
use smarthost_core::milestone::Milestone;
use smarthost_core::plan::Answers;

/// The block shortcodes, each a paragraph of its own.
pub(crate) const NAMES: [&str; 6] = [
    "matrix",
    "method-settings",
    "connector",
    "fact",
    "plan-link",
    "card",
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

/// What a shortcode needs to know about the page it is on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) lang: Lang,
    pub(crate) devices: &'a DeviceSet,
    /// The `--app-url` as written (relative to the guide root unless absolute).
    pub(crate) app_url: &'a str,
    /// How many directories the page is below the guide root (`en/x.html`: 1).
    pub(crate) depth: usize,
    /// The build's day: dated facts say how far away they are, or that they have passed.
    pub(crate) today: Date,
}

/// The arguments of one shortcode, checked against what it accepts.
struct Args<'a> {
    code: &'a Shortcode,
}

impl<'a> Args<'a> {
    fn check(code: &'a Shortcode, required: &[&str], optional: &[&str]) -> Result<Self, String> {
        let name = &code.name;
        for (i, (key, _)) in code.args.iter().enumerate() {
            if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
                let takes: Vec<&str> = required.iter().chain(optional).copied().collect();
                let takes = if takes.is_empty() {
                    "it takes no arguments".to_owned()
                } else {
                    format!("it takes: {}", takes.join(", "))
                };
                return Err(format!(
                    "shortcode `{name}`: unknown argument `{key}`; {takes}"
                ));
            }
            if code.args[..i].iter().any(|(k, _)| k == key) {
                return Err(format!("shortcode `{name}`: argument `{key}` given twice"));
            }
        }
        for key in required {
            if !code.args.iter().any(|(k, _)| k == key) {
                return Err(format!("shortcode `{name}`: missing argument `{key}`"));
            }
        }
        Ok(Args { code })
    }

    fn get(&self, key: &str) -> Option<&'a str> {
        self.code
            .args
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn required(&self, key: &str) -> &'a str {
        // `check` made sure every required argument is there.
        self.get(key).unwrap_or_default()
    }

    fn invalid(&self, key: &str, what: &str, allowed: &str) -> String {
        format!(
            "shortcode `{}`: {key}=\"{}\" is not {what}; {allowed}",
            self.code.name,
            self.get(key).unwrap_or_default()
        )
    }

    fn method(&self) -> Result<MethodId, String> {
        MethodId::parse(self.required("method").trim()).ok_or_else(|| {
            self.invalid(
                "method",
                "a method",
                &format!(
                    "the methods are: {}",
                    MethodId::ALL.map(MethodId::as_str).join(", ")
                ),
            )
        })
    }

    fn cloud(&self) -> Result<Option<Cloud>, String> {
        match self.get("cloud") {
            None => Ok(None),
            Some(id) => Cloud::parse(id.trim()).map(Some).ok_or_else(|| {
                self.invalid(
                    "cloud",
                    "a cloud",
                    &format!("the clouds are: {}", Cloud::ALL.map(Cloud::id).join(", ")),
                )
            }),
        }
    }
}

/// Renders a shortcode as HTML in the page's language.
pub(crate) fn render(code: &Shortcode, ctx: &Context) -> Result<String, String> {
    match code.name.as_str() {
        "matrix" => {
            let args = Args::check(code, &[], &["cloud"])?;
            Ok(matrix(
                args.cloud()?.unwrap_or_default(),
                ctx.lang,
                ctx.today,
            ))
        }
        "method-settings" => {
            let args = Args::check(code, &["method"], &["cloud"])?;
            Ok(method_settings(
                args.method()?,
                args.cloud()?,
                ctx.lang,
                ctx.today,
            ))
        }
        "connector" => connector(
            &Args::check(code, &["method"], &["ip", "cert", "domain", "name"])?,
            ctx.lang,
        ),
        "fact" => {
            let args = Args::check(code, &["key"], &[])?;
            let key = args.required("key").trim();
            let fact = find_fact(key).ok_or_else(|| {
                args.invalid(
                    "key",
                    "a fact",
                    &format!("the facts are: {}", fact_keys().join(", ")),
                )
            })?;
            Ok(fact_html(&fact, ctx.lang, ctx.today))
        }
        "plan-link" => plan_link(&Args::check(code, &["answers", "text"], &[])?, ctx),
        "card" => {
            let args = Args::check(code, &["device"], &[])?;
            let name = args.required("device");
            let Some(path) = &ctx.devices.path else {
                return Err(format!(
                    "shortcode `card`: device=\"{name}\" needs a devices.toml beside the language folders"
                ));
            };
            let entry = ctx.devices.find(name).ok_or_else(|| {
                args.invalid(
                    "device",
                    &format!("a device in {path}"),
                    &format!("the devices are: {}", ctx.devices.names().join(", ")),
                )
            })?;
            let card = entry
                .card(ctx.lang)
                .ok_or("the device's card was not built")?;
            Ok(format!(
                "<div class=\"card-embed\">\n{}</div>\n",
                render_device_card_html(card, ctx.lang)
            ))
        }
        "milestone" => milestone(code, ctx).map(|words| escape(&words)),
        other => Err(format!(
            "unknown shortcode `{other}`; the shortcodes are: {}",
            NAMES.join(", ")
        )),
    }
}

/// A milestone in the words the app uses for it on the build's day ("… (in 29 days)"
/// before it, "has been … since" from it on), in the page's language.
pub(crate) fn milestone(code: &Shortcode, ctx: &Context) -> Result<String, String> {
    let args = Args::check(code, &["key"], &[])?;
    let milestone = Milestone::from_key(args.required("key").trim()).ok_or_else(|| {
        args.invalid(
            "key",
            "a milestone",
            &format!(
                "the milestones are: {}",
                Milestone::ALL.map(Milestone::key).join(", ")
            ),
        )
    })?;
    Ok(milestone.text(ctx.lang, ctx.today))
}

/// Replaces each inline shortcode in running text by its words, as text (so the HTML
/// writer escapes it). The shortcode is read from the source, not from the text events,
/// because smart punctuation turns its quotes into curly ones; code blocks and code
/// spans are left as written, and so is any other `{{ … }}` in prose (a guide may
/// mention `{{ matrix }}`).
pub(crate) fn expand_inline<'a>(
    body: &str,
    mut events: Vec<Spanned<'a>>,
    ctx: &Context,
) -> Result<Vec<Spanned<'a>>, Failure> {
    let mut out: Vec<Spanned<'a>> = Vec::with_capacity(events.len());
    let mut in_code_block = false;
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            _ => {}
        }
        let range = events[i].1.clone();
        let found = match &events[i].0 {
            Event::Text(text) if !in_code_block => body
                .get(range.clone())
                .and_then(find_inline)
                .zip(find_inline(text)),
            _ => None,
        };
        let Some((in_source, in_text)) = found else {
            out.push(events[i].clone());
            i += 1;
            continue;
        };
        let start = range.start + in_source;
        let fail = |message: String| (start, message);
        let unclosed =
            || fail("an inline shortcode needs its closing `}}` in the same paragraph".to_owned());
        let end = body
            .get(start..)
            .and_then(|rest| rest.find("}}"))
            .map(|at| start + at + 2)
            .ok_or_else(unclosed)?;
        // The events the shortcode spans: text (smart quotes are text of their own) and
        // line breaks only.
        let mut last = i;
        while events[last].1.end < end {
            last += 1;
            match events.get(last) {
                Some((Event::Text(_) | Event::SoftBreak, _)) => {}
                Some(_) => {
                    return Err(fail(
                        "an inline shortcode is plain text: no emphasis, code or links inside `{{ … }}`"
                            .to_owned(),
                    ))
                }
                None => return Err(unclosed()),
            }
        }
        let code = parse(body.get(start..end).unwrap_or_default()).map_err(fail)?;
        let mut words = milestone(&code, ctx).map_err(fail)?;
        let prefix = match &events[i].0 {
            Event::Text(text) => text[..in_text].to_owned(),
            _ => String::new(),
        };
        let sentence_start = if prefix.trim().is_empty() {
            match out.last() {
                Some((Event::Text(previous), _)) => ends_sentence(previous),
                Some((
                    Event::Start(
                        Tag::Paragraph
                        | Tag::Item
                        | Tag::TableCell
                        | Tag::Heading { .. }
                        | Tag::BlockQuote(_),
                    ),
                    _,
                ))
                | None => true,
                Some(_) => false,
            }
        } else {
            ends_sentence(&prefix)
        };
        if sentence_start {
            words = capitalize(&words);
        }
        if !prefix.is_empty() {
            out.push((Event::Text(CowStr::from(prefix)), range.start..start));
        }
        out.push((Event::Text(CowStr::from(words)), start..end));
        // What follows the shortcode in its last event is looked at again: it may hold
        // another one.
        let last_range = events[last].1.clone();
        let rest = match &events[last].0 {
            Event::Text(text) => {
                let from = if last == i { in_text } else { 0 };
                text.get(from..)
                    .and_then(|t| t.find("}}"))
                    .and_then(|at| text.get(from + at + 2..))
                    .unwrap_or_default()
                    .to_owned()
            }
            _ => String::new(),
        };
        if rest.is_empty() {
            i = last + 1;
        } else {
            events[last] = (Event::Text(CowStr::from(rest)), end..last_range.end);
            i = last;
        }
    }
    Ok(out)
}

/// Where the first inline shortcode in `text` starts: `{{`, maybe spaces, and the
/// name of an inline shortcode ending at a space, `}}` or the end of the text (a line
/// break).
fn find_inline(text: &str) -> Option<usize> {
    text.match_indices("{{").map(|(at, _)| at).find(|&at| {
        let rest = text[at + 2..].trim_start();
        INLINE.iter().any(|name| {
            rest.strip_prefix(name).is_some_and(|after| {
                after.is_empty()
                    || after.starts_with(char::is_whitespace)
                    || after.starts_with("}}")
            })
        })
    })
}

/// Whether words after `text` begin a new sentence: it ends with a full stop, a
/// question or an exclamation mark (or is only spaces at the start of a block).
fn ends_sentence(text: &str) -> bool {
    let text = text.trim_end();
    text.is_empty() || text.ends_with(['.', '?', '!'])
}

fn capitalize(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The comparison matrix, every cell from core's method table.
pub(crate) fn matrix(cloud: Cloud, lang: Lang, today: Date) -> String {
    let matrix = comparison_matrix(cloud, lang, today);
    let caption = catalog(lang, "ui.compare.title");
    let mut out = format!(
        "<div class=\"table-scroll\" role=\"group\" aria-label=\"{}\" tabindex=\"0\">\n<table class=\"matrix\">\n<caption>{}</caption>\n<thead>\n<tr><td></td>",
        escape(&caption),
        escape(&caption)
    );
    for (_, name) in &matrix.columns {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(name)));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &matrix.rows {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>",
            escape(&row.label)
        ));
        for cell in &row.cells {
            out.push_str(&format!("<td>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

/// One method's settings: the host in each cloud (or the one asked for), ports, TLS,
/// sign-in and who it reaches.
pub(crate) fn method_settings(
    id: MethodId,
    cloud: Option<Cloud>,
    lang: Lang,
    today: Date,
) -> String {
    let m = method(id);
    let name = catalog(lang, &id.key("name"));
    let cloud_label = |c: Cloud| catalog(lang, &format!("question.cloud.{}", c.id()));
    let caption = match cloud {
        Some(c) => format!(
            "{}: {name} ({})",
            t(lang, Text::SettingsCaption),
            cloud_label(c)
        ),
        None => format!("{}: {name}", t(lang, Text::SettingsCaption)),
    };
    let mut rows: Vec<(String, String)> = Vec::new();
    let host_label = Aspect::SmartHost.label(lang);
    let clouds: Vec<Cloud> = cloud.map_or_else(|| Cloud::ALL.to_vec(), |c| vec![c]);
    // Clouds with the same host share a row, so a method that is the same everywhere
    // shows one host, not five.
    let mut groups: Vec<(String, Vec<Cloud>)> = Vec::new();
    for &c in &clouds {
        let cell = Aspect::SmartHost.cell(m, c, lang, today);
        match groups.iter_mut().find(|(text, _)| *text == cell) {
            Some((_, members)) => members.push(c),
            None => groups.push((cell, vec![c])),
        }
    }
    let single = groups.len() == 1;
    for (cell, members) in groups {
        let label = if single {
            host_label.clone()
        } else {
            let names: Vec<String> = members.iter().map(|&c| cloud_label(c)).collect();
            format!("{host_label} ({})", names.join(", "))
        };
        rows.push((label, cell));
    }
    if m.host == Host::Submission {
        for &c in &clouds {
            if let Some(key) = c.submission_host_note_key() {
                rows.push((catalog(lang, "card.label.warning"), catalog(lang, key)));
            }
        }
    }
    let shown_cloud = cloud.unwrap_or_default();
    for aspect in [
        Aspect::Ports,
        Aspect::Tls,
        Aspect::SignIn,
        Aspect::Recipients,
    ] {
        rows.push((aspect.label(lang), aspect.cell(m, shown_cloud, lang, today)));
    }
    let mut out = format!(
        "<table class=\"settings\">\n<caption>{}</caption>\n<tbody>\n",
        escape(&caption)
    );
    for (label, value) in rows {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
            escape(&label),
            escape(&value)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn connector(args: &Args, lang: Lang) -> Result<String, String> {
    let kind = match args.required("method").trim() {
        "relay-ip" => ConnectorKind::RelayIp,
        "relay-cert" => ConnectorKind::RelayCert,
        _ => {
            return Err(args.invalid("method", "a connector method", "use relay-ip or relay-cert"))
        }
    };
    let input = ConnectorInput {
        name: args.get("name").map(str::to_owned),
        ips: args
            .get("ip")
            .map(|ips| ips.split(',').map(|ip| ip.trim().to_owned()).collect())
            .unwrap_or_default(),
        cert_name: args.get("cert").map(str::to_owned),
        sender_domains: args
            .get("domain")
            .map(|d| vec![d.to_owned()])
            .unwrap_or_default(),
        cloud: Cloud::Worldwide,
        client: None,
    };
    let steps = connector_steps(kind, &input, lang).map_err(|errors| {
        let fields: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        format!("shortcode `connector`: {}", fields.join("; "))
    })?;
    let list = |items: &[String], tag: &str| {
        let mut out = format!("<{tag}>\n");
        for item in items {
            out.push_str(&format!("<li>{}</li>\n", escape(item)));
        }
        out.push_str(&format!("</{tag}>\n"));
        out
    };
    let label = |key: &str| {
        format!(
            "<p class=\"steps-label\"><strong>{}</strong></p>\n",
            escape(&catalog(lang, key))
        )
    };
    let mut out = String::from("<div class=\"connector-steps\">\n");
    out.push_str(&label("ui.connector.eac"));
    out.push_str(&list(&steps.eac, "ol"));
    out.push_str(&label("ui.connector.powershell"));
    out.push_str("<pre><code class=\"language-powershell\">");
    out.push_str(&escape(&steps.powershell.join("\n")));
    out.push_str("</code></pre>\n");
    out.push_str(&label("ui.connector.after"));
    out.push_str(&list(&steps.after, "ul"));
    if !steps.warnings.is_empty() {
        out.push_str(&label("card.label.warning"));
        out.push_str(&list(&steps.warnings, "ul"));
    }
    out.push_str("</div>\n");
    Ok(out)
}

fn find_fact(key: &str) -> Option<Fact> {
    methods()
        .iter()
        .flat_map(|m| m.facts.iter())
        .find(|f| f.key == key)
        .copied()
}

fn fact_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = methods()
        .iter()
        .flat_map(|m| m.facts.iter().map(|f| f.key))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A dated fact with its source, as a note beside the prose; its milestones are worded
/// relative to `today` ("in 29 days", "has been … since").
pub(crate) fn fact_html(fact: &Fact, lang: Lang, today: Date) -> String {
    let text = fact.text_with_date(lang, today);
    format!(
        "<div class=\"fact\" role=\"note\">\n<p>{}</p>\n<p class=\"fact-source\">{}: <a href=\"{}\">{}</a></p>\n</div>\n",
        escape(&text),
        t(lang, Text::Source),
        escape(fact.source.url),
        escape(fact.source.label)
    )
}

fn plan_link(args: &Args, ctx: &Context) -> Result<String, String> {
    let mut answers = Answers::default();
    for pair in args
        .required("answers")
        .split('&')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let Some((question, value)) = pair.split_once('=') else {
            return Err(format!(
                "shortcode `plan-link`: answers: `{pair}` is not question=value"
            ));
        };
        answers
            .set(question.trim(), value)
            .map_err(|e| format!("shortcode `plan-link`: answers: {e}"))?;
    }
    let text = args.required("text").trim();
    if text.is_empty() {
        return Err("shortcode `plan-link`: text must not be empty".to_owned());
    }
    // Canonical order and spelling, from core, so equal answers give equal links.
    let pairs = answers.to_pairs();
    let mut query: Vec<QueryPair> = vec![("step", "results".to_owned())];
    query.extend(pairs);
    query.push(("lang", ctx.lang.code().to_owned()));
    Ok(format!(
        "<p class=\"plan-link\"><a href=\"{}\">{}</a></p>\n",
        escape(&app_href(ctx.app_url, ctx.depth, &query)),
        escape(text)
    ))
}

#[cfg(test)]
#[path = "shortcodes_tests.rs"]
mod tests;
