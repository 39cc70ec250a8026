//! Paste mode: when no resolver can be reached (corporate networks block DNS-over-HTTPS),
//! the admin pastes the records from nslookup or dig and they are evaluated instead.
//! Names that were not pasted stay "could not check", never "missing".

use crate::components::code_block::CodeBlock;
use crate::doh::AppResolver;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use smarthost_core::dns::pasted::PastedRecords;
use smarthost_core::dns::DomainName;

#[component]
pub fn PasteRecords<F>(domain: DomainName, open: bool, on_records: F) -> impl IntoView
where
    F: Fn(AppResolver) + Copy + 'static,
{
    let (txt, set_txt) = signal(String::new());
    let (mx, set_mx) = signal(String::new());
    let (dmarc, set_dmarc) = signal(String::new());
    let (ignored, set_ignored) = signal(Vec::<String>::new());
    let name = domain.as_str().to_owned();
    let stored_domain = StoredValue::new(domain);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let domain = stored_domain.get_value();
        let (records, summary) = PastedRecords::parse(
            &domain,
            &txt.get_untracked(),
            &mx.get_untracked(),
            &dmarc.get_untracked(),
        );
        set_ignored.set(summary.ignored);
        on_records(AppResolver::Pasted(records));
    };
    let area = move |id: &'static str,
                     label: String,
                     value: ReadSignal<String>,
                     set: WriteSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <textarea
                    id=id
                    rows="4"
                    spellcheck="false"
                    prop:value=value
                    on:input=move |ev| set.set(event_target_value(&ev))
                ></textarea>
            </div>
        }
    };
    view! {
        <details class="check-card paste" open=open>
            <summary>{t("ui.check.paste")}</summary>
            {open.then(|| view! { <p class="notice" data-testid="unreachable">{t("ui.check.unreachable")}</p> })}
            <CodeBlock code=format!(
                "nslookup -type=txt {name}\nnslookup -type=mx {name}\nnslookup -type=txt _dmarc.{name}"
            ) />
            <form on:submit=submit>
                {area("paste-txt", tf("ui.check.paste-txt", &[("domain", &name)]), txt, set_txt)}
                {area("paste-mx", tf("ui.check.paste-mx", &[("domain", &name)]), mx, set_mx)}
                {area("paste-dmarc", tf("ui.check.paste-dmarc", &[("domain", &name)]), dmarc, set_dmarc)}
                <button type="submit">{t("ui.check.paste-run")}</button>
                <p class="help" aria-live="polite">
                    {move || {
                        let lines = ignored.get();
                        (!lines.is_empty()).then(|| tf("ui.check.paste-ignored", &[("lines", &lines.join(" | "))]))
                    }}
                </p>
            </form>
        </details>
    }
}
