//! The interface language: read from the URL (`?lang=vi`, so shared links open in the
//! sender's language), else the remembered choice, else the browser's preference.
//! Texts come from core's catalog, shared with the CLI and the guides.

use crate::storage;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use smarthost_core::i18n::{self, Lang};

/// The current language, provided by the shell: the one asked for once its catalog is
/// here (English until then), and whether fetching it failed.
#[derive(Clone, Copy)]
pub struct Locale {
    pub lang: Memo<Lang>,
    pub failed: RwSignal<Option<Lang>>,
}

const STORAGE_KEY: &str = "smarthost.lang";

/// Provides [`Locale`]; call once inside the router.
pub fn provide_locale() -> Locale {
    let query = use_query_map();
    let requested = Memo::new(move |_| {
        query
            .read()
            .get("lang")
            .and_then(|code| Lang::parse(&code))
            .unwrap_or_else(remembered_or_browser_lang)
    });
    // Bumped when a fetched catalog is installed, so the language memo looks again.
    let installed = RwSignal::new(0_u32);
    let failed = RwSignal::new(None);
    let lang = Memo::new(move |_| {
        installed.track();
        let wanted = requested.get();
        if wanted.is_available() {
            wanted
        } else {
            Lang::En
        }
    });
    Effect::new(move |_| {
        let wanted = requested.get();
        if !wanted.is_available() {
            leptos::task::spawn_local(async move {
                if load_catalog(wanted).await {
                    failed.set(None);
                    installed.update(|n| *n += 1);
                } else {
                    failed.set(Some(wanted));
                }
            });
        }
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
    let locale = Locale { lang, failed };
    provide_context(locale);
    locale
}

/// Fetches the catalog of the language the page opens in before the app mounts, so a
/// shared Vietnamese link never flashes English. Other languages load when chosen.
pub async fn preload() {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let from_url = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|params| params.get("lang"))
        .and_then(|code| Lang::parse(&code));
    let lang = from_url.unwrap_or_else(remembered_or_browser_lang);
    if !lang.is_available() {
        load_catalog(lang).await;
    }
}

/// Fetches `i18n/<code>.txt` (beside the app, so it works under any sub-path and from
/// the offline cache) and installs it.
async fn load_catalog(lang: Lang) -> bool {
    let url = format!("i18n/{}.txt", lang.code());
    match crate::fetch_text::fetch_text(&url).await {
        Some(text) => i18n::install_catalog(lang, text) || lang.is_available(),
        None => false,
    }
}

fn remembered_or_browser_lang() -> Lang {
    storage::get(STORAGE_KEY)
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_else(browser_lang)
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

/// The locale the shell provided.
pub fn locale() -> Option<Locale> {
    use_context::<Locale>()
}

/// The current language (reactive).
pub fn lang() -> Lang {
    use_context::<Locale>().map_or(Lang::En, |l| l.lang.get())
}

/// A reactive text: re-renders when the language changes.
pub fn t(key: &'static str) -> impl Fn() -> String + Copy + 'static {
    move || i18n::text(lang(), key)
}

/// A text with placeholders, for the current language.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    i18n::format(lang(), key, args)
}

// Only the check counts things in its words.
#[cfg(any(feature = "check", not(target_family = "wasm")))]
/// [`tf`] for a text about `count` things (`<key>.one` when it is 1).
pub fn tn(key: &str, count: usize) -> String {
    i18n::format_count(lang(), key, count, &[])
}

/// The text for a key built at run time (method names, question labels).
pub fn text(key: &str) -> String {
    i18n::text(lang(), key)
}
