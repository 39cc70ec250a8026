//! The few words of the guide's own frame (navigation, pager, embed box) in each
//! language. Everything about sending mail comes from core's catalog instead; these are
//! site furniture that neither the app nor the CLI shows, so they live with the generator.

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
}

/// The text in `lang`.
pub(crate) fn t(lang: Lang, text: Text) -> &'static str {
    match lang {
        Lang::En => en(text),
        Lang::Vi => vi(text),
    }
}

fn en(text: Text) -> &'static str {
    match text {
        Text::LanguageName => "English",
        Text::SiteName => "smarthost setup guides",
        Text::GuidesNav => "Guides",
        Text::LanguageNav => "Language",
        Text::OpenPlanner => "Open the planner",
        Text::Updated => "Updated",
        Text::Previous => "Previous",
        Text::Next => "Next",
        Text::PagerNav => "Previous and next page",
        Text::EmbedSummary => "Embed this page in a wiki",
        Text::EmbedHelp => "Copy this HTML into a wiki page or intranet site that allows iframes:",
        Text::EmbedHelpNoBase => "Copy this HTML into a wiki page or intranet site that allows iframes, with the address where these guides are hosted in front of the path:",
        Text::DeviceCards => "Device config cards",
        Text::DeviceCardsLede => "One card per device in the team's inventory (devices.toml): what to type into it. Open a device and print the page to get its card on one A6 page.",
        Text::DeviceNotes => "Notes",
        Text::PrintHint => "Print this page to get the card on one A6 page (148 × 105 mm), to keep next to the device.",
        Text::FootnoteBack => "Back to the text",
        Text::Source => "Source",
        Text::MethodsOnPage => "Methods on this page",
        Text::ChooserTitle => "smarthost setup guides",
        Text::ChooserLede => "How to make printers, scanners and applications send email through Microsoft 365. Choose a language:",
        Text::GeneratedIndexSummary => "Every guide in this language.",
        Text::SettingsCaption => "Settings",
        Text::NoDevices => "No devices are listed yet.",
    }
}

fn vi(text: Text) -> &'static str {
    match text {
        Text::LanguageName => "Tiếng Việt",
        Text::SiteName => "Hướng dẫn cài đặt smarthost",
        Text::GuidesNav => "Các hướng dẫn",
        Text::LanguageNav => "Ngôn ngữ",
        Text::OpenPlanner => "Mở công cụ lập kế hoạch",
        Text::Updated => "Cập nhật",
        Text::Previous => "Trang trước",
        Text::Next => "Trang sau",
        Text::PagerNav => "Trang trước và trang sau",
        Text::EmbedSummary => "Nhúng trang này vào wiki",
        Text::EmbedHelp => "Sao chép đoạn HTML này vào trang wiki hoặc trang nội bộ cho phép iframe:",
        Text::EmbedHelpNoBase => "Sao chép đoạn HTML này vào trang wiki hoặc trang nội bộ cho phép iframe, thêm địa chỉ nơi đặt các hướng dẫn này vào trước đường dẫn:",
        Text::DeviceCards => "Thẻ cấu hình thiết bị",
        Text::DeviceCardsLede => "Mỗi thiết bị trong danh sách của nhóm (devices.toml) có một thẻ: những gì cần nhập vào thiết bị. Mở một thiết bị và in trang để có thẻ trên một trang A6.",
        Text::DeviceNotes => "Ghi chú",
        Text::PrintHint => "In trang này để có thẻ trên một trang A6 (148 × 105 mm), đặt cạnh thiết bị.",
        Text::FootnoteBack => "Quay lại nội dung",
        Text::Source => "Nguồn",
        Text::MethodsOnPage => "Các phương thức trong trang này",
        Text::ChooserTitle => "Hướng dẫn cài đặt smarthost",
        Text::ChooserLede => "Cách để máy in, máy quét và ứng dụng gửi email qua Microsoft 365. Chọn ngôn ngữ:",
        Text::GeneratedIndexSummary => "Tất cả hướng dẫn bằng ngôn ngữ này.",
        Text::SettingsCaption => "Thiết lập",
        Text::NoDevices => "Chưa có thiết bị nào.",
    }
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
    fn both_languages_differ_where_they_should() {
        assert_ne!(
            t(Lang::En, Text::OpenPlanner),
            t(Lang::Vi, Text::OpenPlanner)
        );
        assert_eq!(t(Lang::Vi, Text::LanguageName), "Tiếng Việt");
    }
}
