//! The interface language: read from the URL (`?lang=vi`, so shared links open in the
//! sender's language), else the remembered choice, else the browser's preference.
//! Texts come from core's catalog, shared with the CLI and the guides.

use crate::storage;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use smarthost_core::i18n::{self, Lang};

/// The current language, provided by the shell.
#[derive(Clone, Copy)]
pub struct Locale(pub Memo<Lang>);

const STORAGE_KEY: &str = "smarthost.lang";

/// Provides [`Locale`]; call once inside the router.
pub fn provide_locale() -> Locale {
    let query = use_query_map();
    let lang = Memo::new(move |_| {
        query
            .read()
            .get("lang")
            .and_then(|code| Lang::parse(&code))
            .or_else(|| storage::get(STORAGE_KEY).and_then(|code| Lang::parse(&code)))
            .unwrap_or_else(browser_lang)
    });
    // Keep <html lang> and the remembered choice in step with the page.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    let locale = Locale(lang);
    provide_context(locale);
    locale
}

/// Remembers a choice made in Settings.
pub fn remember(lang: Lang) {
    storage::set(STORAGE_KEY, lang.code());
}

fn browser_lang() -> Lang {
    let preferred = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if preferred.to_ascii_lowercase().starts_with("vi") {
        Lang::Vi
    } else {
        Lang::En
    }
}

/// The current language (reactive).
pub fn lang() -> Lang {
    use_context::<Locale>().map_or(Lang::En, |l| l.0.get())
}

/// A reactive text: re-renders when the language changes.
pub fn t(key: &'static str) -> impl Fn() -> String + Copy + 'static {
    move || i18n::text(lang(), key)
}

/// A text with placeholders, for the current language.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    i18n::format(lang(), key, args)
}

/// The text for a key built at run time (method names, question labels).
pub fn text(key: &str) -> String {
    i18n::text(lang(), key)
}
