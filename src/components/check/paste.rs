//! Paste mode: when no resolver can be reached (corporate networks block DNS-over-HTTPS),
//! the admin pastes the records from nslookup or dig and they are evaluated instead.
//! Names that were not pasted stay "could not check", never "missing"; the ones the
//! check asked for (an include's TXT, an `a:` name's A) are listed with the commands
//! that print them and a box each, and the check runs again on everything pasted.

use crate::check_run::PastedTexts;
use crate::components::code_block::CodeBlock;
use crate::i18n::{lang, t, tf};
use leptos::prelude::*;
use smarthost_core::dns::pasted::NeededRecord;
use smarthost_core::dns::DomainName;
use smarthost_core::report::Arg;

/// A check's pasted records: the texts, and where the lines core could not read go.
pub struct Pasted {
    pub texts: PastedTexts,
    pub ignored: RwSignal<Vec<String>>,
}

/// What was pasted, kept by the page across runs (the form is drawn again after each
/// one) so a re-run checks the whole pasted set.
#[derive(Clone, Copy)]
pub struct PasteState {
    txt: RwSignal<String>,
    mx: RwSignal<String>,
    dmarc: RwSignal<String>,
    /// Output pasted for a still-needed question, by name and type code.
    extra: RwSignal<Vec<((String, u16), String)>>,
    ignored: RwSignal<Vec<String>>,
    /// The domain the text was pasted for.
    domain: RwSignal<Option<DomainName>>,
    /// The pasted records have been checked (the page is in paste mode).
    checked: RwSignal<bool>,
}

impl PasteState {
    pub fn new() -> Self {
        PasteState {
            txt: RwSignal::new(String::new()),
            mx: RwSignal::new(String::new()),
            dmarc: RwSignal::new(String::new()),
            extra: RwSignal::new(Vec::new()),
            ignored: RwSignal::new(Vec::new()),
            domain: RwSignal::new(None),
            checked: RwSignal::new(false),
        }
    }

    /// True when the page is checking pasted records for `domain`.
    pub fn is_checking(&self, domain: &DomainName) -> bool {
        self.checked.get_untracked() && self.domain.get_untracked().as_ref() == Some(domain)
    }

    /// Keeps what was pasted while the page checks the same domain; forgets it when
    /// another domain is checked, since those records say nothing about it.
    pub fn follow(&self, domain: &DomainName) {
        if self.domain.get_untracked().as_ref() == Some(domain) {
            return;
        }
        for text in [self.txt, self.mx, self.dmarc] {
            text.set(String::new());
        }
        self.extra.set(Vec::new());
        self.ignored.set(Vec::new());
        self.checked.set(false);
        self.domain.set(Some(domain.clone()));
    }

    /// What a run of `domain` checks: the pasted set while the page is checking the
    /// records pasted for it, else nothing (the network answers).
    pub fn for_run(&self, domain: &DomainName) -> Option<Pasted> {
        self.is_checking(domain).then(|| self.pasted(domain))
    }

    /// The pasted set for a check of `domain`: the three boxes and every extra answer,
    /// which core reads when the check starts; the lines it could not read come back to
    /// be pointed at.
    pub fn pasted(&self, domain: &DomainName) -> Pasted {
        self.domain.set(Some(domain.clone()));
        self.checked.set(true);
        Pasted {
            texts: PastedTexts {
                txt: self.txt.get_untracked(),
                mx: self.mx.get_untracked(),
                dmarc: self.dmarc.get_untracked(),
                extra: self.extra.get_untracked(),
            },
            ignored: self.ignored,
        }
    }

    fn extra_text(&self, key: &(String, u16)) -> String {
        self.extra
            .get_untracked()
            .into_iter()
            .find_map(|(k, text)| (k == *key).then_some(text))
            .unwrap_or_default()
    }

    fn set_extra(&self, key: (String, u16), text: String) {
        self.extra
            .update(|extra| match extra.iter_mut().find(|(k, _)| *k == key) {
                Some((_, old)) => *old = text,
                None => extra.push((key, text)),
            });
    }
}

impl Default for PasteState {
    fn default() -> Self {
        PasteState::new()
    }
}

/// The paste form. `unreachable` says no resolver answered (the notice, with `why`: each
/// distinct reason the lookups failed); `needed` are the questions the last pasted
/// check asked and nothing pasted answers.
#[component]
pub fn PasteRecords<F>(
    domain: DomainName,
    state: PasteState,
    open: bool,
    unreachable: bool,
    #[prop(optional)] why: Vec<Arg>,
    needed: Vec<NeededRecord>,
    on_records: F,
) -> impl IntoView
where
    F: Fn(Pasted) + Copy + 'static,
{
    let name = domain.as_str().to_owned();
    let stored_domain = StoredValue::new(domain);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_records(state.pasted(&stored_domain.get_value()));
    };
    // Labels are closures: a language switch re-words them and keeps what was pasted.
    let area_domain = name.clone();
    let area = move |id: &'static str, key: &'static str, value: RwSignal<String>| {
        let domain = area_domain.clone();
        view! {
            <div class="field">
                <label for=id>{move || tf(key, &[("domain", &domain)])}</label>
                <textarea
                    id=id
                    rows="4"
                    spellcheck="false"
                    prop:value=value
                    on:input=move |ev| value.set(event_target_value(&ev))
                ></textarea>
            </div>
        }
    };
    view! {
        <details class="check-card paste" open=open>
            <summary>{t("ui.check.paste")}</summary>
            {unreachable.then(|| view! {
                <div class="notice" data-testid="unreachable" role="alert">
                    <p>{t("ui.check.unreachable")}</p>
                    {(!why.is_empty()).then(|| view! {
                        <ul class="lookup-failures">
                            {why.into_iter().map(|reason| view! { <li>{move || reason.render(lang())}</li> }).collect_view()}
                        </ul>
                    })}
                    <p><super::SettingsLink /></p>
                </div>
            })}
            <CodeBlock code=format!(
                "nslookup -type=txt {name}\nnslookup -type=mx {name}\nnslookup -type=txt _dmarc.{name}"
            ) />
            <form on:submit=submit>
                {area("paste-txt", "ui.check.paste-txt", state.txt)}
                {area("paste-mx", "ui.check.paste-mx", state.mx)}
                {area("paste-dmarc", "ui.check.paste-dmarc", state.dmarc)}
                {(!needed.is_empty()).then(|| view! { <StillNeeded needed=needed state=state /> })}
                <button type="submit">{t("ui.check.paste-run")}</button>
                <p class="help" aria-live="polite">
                    {move || {
                        let lines = state.ignored.get();
                        (!lines.is_empty()).then(|| tf("ui.check.paste-ignored", &[("lines", &lines.join(" | "))]))
                    }}
                </p>
            </form>
        </details>
    }
}

/// The records the check asked for beyond the three boxes: each with why it is still
/// unknown, the two commands that print it, and a box for what they print.
#[component]
fn StillNeeded(needed: Vec<NeededRecord>, state: PasteState) -> impl IntoView {
    view! {
        <section class="still-needed" data-testid="still-needed" aria-labelledby="still-needed-heading">
            <h3 id="still-needed-heading">{t("ui.check.still-needed")}</h3>
            <p class="help">{t("ui.check.still-needed-help")}</p>
            <ul>
                {needed.into_iter().enumerate().map(|(index, needed)| {
                    let name = needed.name.as_str().to_owned();
                    let rtype = needed.rtype.mnemonic();
                    let key = (name.clone(), needed.rtype.code());
                    let id = format!("paste-needed-{index}");
                    let initial = state.extra_text(&key);
                    let failure = needed.failure.clone();
                    let why = move || match &failure {
                        Some(error) => tf("ui.check.needed-failed", &[("error", &error.message(lang()))]),
                        None => tf("ui.check.needed-not-pasted", &[]),
                    };
                    let status = if needed.failure.is_some() { "failed" } else { "not-pasted" };
                    let label_name = name.clone();
                    let label = move || tf("ui.check.paste-needed", &[("type", rtype), ("name", &label_name)]);
                    view! {
                        <li class="needed-record" data-name=name.clone() data-type=rtype data-status=status>
                            <p><strong><code>{name.clone()} " " {rtype}</code></strong> ": " {why}</p>
                            <CodeBlock code=needed.dig_command() />
                            <CodeBlock code=needed.nslookup_command() />
                            <div class="field">
                                <label for=id.clone()>{label}</label>
                                <textarea
                                    id=id
                                    rows="3"
                                    spellcheck="false"
                                    prop:value=initial
                                    on:input=move |ev| state.set_extra(key.clone(), event_target_value(&ev))
                                ></textarea>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
