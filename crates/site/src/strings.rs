//! The words of the guide's own frame (navigation, pager, embed box, device pages) and
//! of everything else the generator writes come from core's catalogs, the one i18n
//! mechanism of the project: [`Text`] names the frame's `site.*` keys, so a misspelt key
//! is a compile error here rather than a key shown on the page.

use smarthost_core::i18n::{self, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Text {
    /// The language's own name, as the switcher shows it.
    LanguageName,
    SiteName,
    GuidesNav,
    LanguageNav,
    OpenPlanner,
    Updated,
    Previous,
    Next,
    PagerNav,
    EmbedSummary,
    TocNav,
    TocAllGuides,
    EmbedHelp,
    EmbedHelpNoBase,
    DeviceCards,
    DeviceCardsLede,
    DeviceNotes,
    PrintHint,
    FootnoteBack,
    Source,
    MethodsOnPage,
    ChooserTitle,
    ChooserLede,
    GeneratedIndexSummary,
    SettingsCaption,
    NoDevices,
    PrintAll,
    PrintAllTitle,
    PrintAllLede,
    PrintAllBack,
}

impl Text {
    #[cfg(test)]
    pub(crate) const ALL: [Text; 30] = [
        Text::LanguageName,
        Text::SiteName,
        Text::GuidesNav,
        Text::LanguageNav,
        Text::OpenPlanner,
        Text::Updated,
        Text::Previous,
        Text::Next,
        Text::PagerNav,
        Text::EmbedSummary,
        Text::TocNav,
        Text::TocAllGuides,
        Text::EmbedHelp,
        Text::EmbedHelpNoBase,
        Text::DeviceCards,
        Text::DeviceCardsLede,
        Text::DeviceNotes,
        Text::PrintHint,
        Text::FootnoteBack,
        Text::Source,
        Text::MethodsOnPage,
        Text::ChooserTitle,
        Text::ChooserLede,
        Text::GeneratedIndexSummary,
        Text::SettingsCaption,
        Text::NoDevices,
        Text::PrintAll,
        Text::PrintAllTitle,
        Text::PrintAllLede,
        Text::PrintAllBack,
    ];

    /// Its key in core's catalogs (`crates/core/messages/*.txt`), where translators
    /// edit it beside the app's and the CLI's words.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Text::LanguageName => "site.language-name",
            Text::SiteName => "site.name",
            Text::GuidesNav => "site.nav.guides",
            Text::LanguageNav => "site.nav.language",
            Text::OpenPlanner => "site.open-planner",
            Text::Updated => "site.updated",
            Text::Previous => "site.pager.previous",
            Text::Next => "site.pager.next",
            Text::PagerNav => "site.pager.nav",
            Text::EmbedSummary => "site.embed.summary",
            Text::TocNav => "site.toc.nav",
            Text::TocAllGuides => "site.toc.all-guides",
            Text::EmbedHelp => "site.embed.help",
            Text::EmbedHelpNoBase => "site.embed.help-no-base",
            Text::DeviceCards => "site.devices.title",
            Text::DeviceCardsLede => "site.devices.lede",
            Text::DeviceNotes => "site.devices.notes",
            Text::PrintHint => "site.devices.print-hint",
            Text::FootnoteBack => "site.footnote.back",
            Text::Source => "site.source",
            Text::MethodsOnPage => "site.methods-on-page",
            Text::ChooserTitle => "site.chooser.title",
            Text::ChooserLede => "site.chooser.lede",
            Text::GeneratedIndexSummary => "site.index.summary",
            Text::SettingsCaption => "site.settings.caption",
            Text::NoDevices => "site.devices.none",
            Text::PrintAll => "site.devices.print-all",
            Text::PrintAllTitle => "site.devices.print-all-title",
            Text::PrintAllLede => "site.devices.print-all-lede",
            Text::PrintAllBack => "site.devices.print-all-back",
        }
    }
}

/// The text in `lang`.
pub(crate) fn t(lang: Lang, text: Text) -> String {
    i18n::text(lang, text.key())
}

/// A text from core's shared catalog (method names, card labels, connector headings).
pub(crate) fn catalog(lang: Lang, key: &str) -> String {
    i18n::text(lang, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_keys_the_guide_uses_exist_in_both_languages() {
        for key in [
            "ui.skip",
            "ui.footer",
            "ui.compare.title",
            "ui.connector.eac",
            "ui.connector.powershell",
            "ui.connector.after",
            "fact.dated",
            "card.label.device",
            "question.cloud.gcc-high",
        ] {
            for lang in Lang::ALL {
                assert!(i18n::has(lang, key), "{key} in {}", lang.code());
            }
        }
    }

    #[test]
    fn every_frame_text_is_in_both_catalogs() {
        let mut keys: Vec<&str> = Text::ALL.iter().map(|text| text.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Text::ALL.len(), "two texts share a key");
        for text in Text::ALL {
            assert!(text.key().starts_with("site."), "{text:?}");
            for lang in Lang::ALL {
                assert!(
                    i18n::has(lang, text.key()),
                    "{} in {}",
                    text.key(),
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn both_languages_differ_where_they_should() {
        assert_ne!(
            t(Lang::En, Text::OpenPlanner),
            t(Lang::Vi, Text::OpenPlanner)
        );
        assert_eq!(t(Lang::Vi, Text::LanguageName), "Tiếng Việt");
    }
}
