//! The benchmark corpus for `cargo xtask bench site`: 1,000 guide-like Markdown pages
//! from a fixed-seed generator (no clock), so every run measures the same bytes.

use anyhow::{Context, Result};
use std::path::Path;

/// Pages in the corpus.
pub const PAGES: usize = 1000;
/// Sections every page has, so links to `#section-N` below this always resolve.
const MIN_SECTIONS: usize = 4;

/// A small deterministic generator (xorshift64*), so the corpus is the same bytes on
/// every machine and run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: [&str; 48] = [
    "printer",
    "scanner",
    "connector",
    "mailbox",
    "tenant",
    "relay",
    "certificate",
    "domain",
    "record",
    "address",
    "port",
    "sign-in",
    "policy",
    "message",
    "header",
    "envelope",
    "recipient",
    "sender",
    "device",
    "firmware",
    "network",
    "firewall",
    "gateway",
    "server",
    "application",
    "service",
    "limit",
    "quota",
    "report",
    "trace",
    "queue",
    "route",
    "setting",
    "option",
    "endpoint",
    "token",
    "secret",
    "license",
    "account",
    "group",
    "rule",
    "filter",
    "spam",
    "junk",
    "delivery",
    "bounce",
    "status",
    "check",
];
const VERBS: [&str; 12] = [
    "sends", "checks", "accepts", "rejects", "routes", "signs", "relays", "lists", "blocks",
    "allows", "retries", "logs",
];

fn page_name(i: usize) -> String {
    if i == 0 {
        "index".to_owned()
    } else {
        format!("page-{i:04}")
    }
}

/// `count` sentences of a guide page, as one paragraph.
fn paragraph(rng: &mut Rng, count: usize) -> String {
    (0..count)
        .map(|_| sentence(rng, PAGES))
        .collect::<Vec<_>>()
        .join(" ")
}

fn sentence(rng: &mut Rng, pages: usize) -> String {
    let mut words = Vec::new();
    let len = 8 + rng.below(10);
    for w in 0..len {
        let word = rng.pick(&WORDS);
        let word = match rng.below(14) {
            0 => format!("`{word}`"),
            1 => format!("**{word}**"),
            2 => format!("*{word}*"),
            3 if w > 0 => {
                let target = rng.below(pages);
                let section = 1 + rng.below(MIN_SECTIONS);
                format!("[{word}]({}.md#section-{section})", page_name(target))
            }
            4 if w > 0 => format!("[{word}]({}.md)", page_name(rng.below(pages))),
            5 => rng.pick(&VERBS).to_owned(),
            _ => word.to_owned(),
        };
        words.push(word);
    }
    let mut text = words.join(" ");
    if let Some(first) = text.get(..1) {
        let upper = first.to_ascii_uppercase();
        text.replace_range(..1, &upper);
    }
    text.push('.');
    text
}

fn page(i: usize, rng: &mut Rng) -> String {
    let title = format!("{} {} {}", rng.pick(&WORDS), rng.pick(&WORDS), i);
    let mut out = format!(
        "+++\ntitle = \"Guide {i}: {title}\"\nsummary = \"How the {} {} the {} in guide {i}.\"\norder = {i}\nmethods = []\nupdated = \"2026-11-28\"\n+++\n\n",
        rng.pick(&WORDS),
        rng.pick(&VERBS),
        rng.pick(&WORDS)
    );
    for _ in 0..2 {
        out.push_str(&paragraph(rng, 3));
        out.push_str("\n\n");
    }
    let sections = MIN_SECTIONS + rng.below(4);
    for s in 1..=sections {
        out.push_str(&format!(
            "## {} {} {{#section-{s}}}\n\n",
            rng.pick(&WORDS),
            rng.pick(&WORDS)
        ));
        out.push_str(&paragraph(rng, 4));
        out.push_str("\n\n");
        match rng.below(4) {
            0 => {
                for n in 1..=4 + rng.below(4) {
                    out.push_str(&format!("{n}. {}\n", sentence(rng, PAGES)));
                }
            }
            1 => {
                out.push_str("| Setting | Value | Note |\n|---|---|---|\n");
                for _ in 0..4 + rng.below(5) {
                    out.push_str(&format!(
                        "| {} | `{}` | {} {} |\n",
                        rng.pick(&WORDS),
                        rng.pick(&WORDS),
                        rng.pick(&VERBS),
                        rng.pick(&WORDS)
                    ));
                }
            }
            2 => {
                out.push_str("```powershell\n");
                for _ in 0..3 + rng.below(5) {
                    out.push_str(&format!(
                        "Set-{}Config -Identity '{}@contoso.com' -{} $true\n",
                        rng.pick(&WORDS).replace('-', ""),
                        rng.pick(&WORDS),
                        rng.pick(&WORDS).replace('-', "")
                    ));
                }
                out.push_str("```\n");
            }
            _ => {
                for _ in 0..3 + rng.below(4) {
                    out.push_str(&format!("- {}\n", sentence(rng, PAGES)));
                }
            }
        }
        out.push('\n');
        out.push_str(&paragraph(rng, 3));
        out.push_str("\n\n");
    }
    out
}

/// Writes the corpus twice over: guide/en/ for smarthost, book/src/ (+ SUMMARY.md and
/// book.toml) for mdBook. Same seed, same bytes, every time.
pub fn generate_corpus(dir: &Path) -> Result<()> {
    let guide = dir.join("guide/en");
    let book = dir.join("book");
    for stale in [dir.join("guide"), book.clone(), dir.join("book-lean")] {
        let _ = std::fs::remove_dir_all(stale);
    }
    std::fs::create_dir_all(&guide).with_context(|| format!("creating {}", guide.display()))?;
    std::fs::create_dir_all(book.join("src"))
        .with_context(|| format!("creating {}", book.display()))?;
    let mut rng = Rng(0x005e_ed0f_5a7e_2026);
    let mut summary = String::from("# Summary\n\n");
    for i in 0..PAGES {
        let text = page(i, &mut rng);
        let name = format!("{}.md", page_name(i));
        let title = text
            .lines()
            .find_map(|l| l.strip_prefix("title = \""))
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or("Page")
            .to_owned();
        if i == 0 {
            summary.push_str(&format!("[{title}]({name})\n\n"));
        } else {
            summary.push_str(&format!("- [{title}]({name})\n"));
        }
        for target in [guide.join(&name), book.join("src").join(&name)] {
            std::fs::write(&target, &text)
                .with_context(|| format!("writing {}", target.display()))?;
        }
    }
    std::fs::write(book.join("src/SUMMARY.md"), summary).context("writing SUMMARY.md")?;
    std::fs::write(
        book.join("book.toml"),
        "[book]\ntitle = \"smarthost bench corpus\"\nlanguage = \"en\"\nsrc = \"src\"\n",
    )
    .context("writing book.toml")?;
    // The same book without the search index and print page, the two outputs smarthost
    // does not make, for a like-for-like line in the report.
    let lean = dir.join("book-lean");
    std::fs::create_dir_all(&lean).with_context(|| format!("creating {}", lean.display()))?;
    std::fs::write(
        lean.join("book.toml"),
        "[book]\ntitle = \"smarthost bench corpus\"\nlanguage = \"en\"\nsrc = \"../book/src\"\n\n\
[output.html.search]\nenable = false\n\n[output.html.print]\nenable = false\n",
    )
    .context("writing book-lean/book.toml")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_deterministic_and_links_resolve() {
        let mut a = Rng(7);
        let mut b = Rng(7);
        let (first, second) = (page(3, &mut a), page(3, &mut b));
        assert_eq!(first, second);
        assert!(first.starts_with("+++\ntitle = \"Guide 3: "));
        for (i, _) in first.match_indices("#section-") {
            let n: String = first[i + 9..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            assert!(
                n.parse::<usize>().is_ok_and(|n| (1..=7).contains(&n)),
                "{n}"
            );
        }
    }
}
