//! Texts about the sender follow the sender: where the catalog has a `<key>.application`
//! form, an application reads "the application" where a device reads "the device". An
//! unknown sender is worded as a device, the product's usual case.

use super::questions::Client;
use crate::i18n::{has, Lang};

/// The suffix of a text's application form.
pub const APPLICATION_SUFFIX: &str = ".application";

/// The catalog key to use for `key` when `client` sends.
pub fn for_sender(key: &str, client: Option<Client>) -> String {
    let application = format!("{key}{APPLICATION_SUFFIX}");
    // Both catalogs have the same keys (a test checks it), so English decides.
    if client == Some(Client::Application) && has(Lang::En, &application) {
        application
    } else {
        key.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applications_get_their_own_text_where_there_is_one() {
        let key = "reason.no-sign-in-needed";
        assert_eq!(
            for_sender(key, Some(Client::Application)),
            "reason.no-sign-in-needed.application"
        );
        assert_eq!(for_sender(key, Some(Client::Device)), key);
        assert_eq!(for_sender(key, None), key);
        // No application form: the one text serves both.
        let neutral = "reason.reaches-external";
        assert_eq!(for_sender(neutral, Some(Client::Application)), neutral);
    }
}
