//! Expansion checks of `#[derive(Webhook)]`: a payload expands to code that parses as Rust and reads
//! each field as declared; mistakes expand to `compile_error!` carrying each message, beside stubs.

use quote::quote;

fn expand_to_string(input: proc_macro2::TokenStream) -> String {
    let file: syn::File = syn::parse2(super::expand(input)).expect("the expansion parses as Rust items");
    prettyplease::unparse(&file)
}

/// Removes white space and the commas the pretty-printer adds where it breaks lines, so that checks do
/// not depend on where it breaks them.
fn squash(code: &str) -> String {
    code.split_whitespace().collect::<String>().replace(",)", ")").replace(",>", ">")
}

#[test]
fn expands_a_payload() {
    let code = expand_to_string(quote! {
        #[twilio(crate = ::my::twilio)]
        pub struct IncomingMessage {
            pub message_sid: MessageSid,
            #[twilio(rename = "Body")] pub text: Option<String>,
            #[twilio(indexed, rename = "MediaUrl")] pub media: Vec<Url>,
            #[twilio(other)] pub other: OtherParams,
            #[twilio(sensitive)] pub pin: Option<String>,
        }
    });
    for expected in [
        "use ::my::twilio::__private::webhook as __twilio;",
        "fn from_pairs(mut __twilio_form: __twilio::FormPairs<'_>",
        "message_sid: <MessageSid as __twilio::FromWebhookField>::read_webhook_field(&mut __twilio_form, \"MessageSid\", __twilio::Shown::Value)?,",
        "text: <Option<String> as __twilio::FromWebhookField>::read_webhook_field(&mut __twilio_form, \"Body\", __twilio::Shown::Value)?,",
        "media: <Vec<Url> as __twilio::FromIndexed>::read_indexed(&mut __twilio_form, \"MediaUrl\", __twilio::Shown::Value)?,",
        "pin: <Option<String> as __twilio::FromWebhookField>::read_webhook_field(&mut __twilio_form, \"Pin\", __twilio::Shown::Hidden)?,",
        // Read last, after `pin` although declared before it: it takes what the others left.
        "__twilio::Shown::Hidden)?, other: __twilio::other_params::<OtherParams>(__twilio_form),",
        "__twilio_debug.field(\"pin\", &__twilio::Redacted);",
        "__twilio_debug.field(\"media\", &self.media);",
    ] {
        assert!(squash(&code).contains(&squash(expected)), "missing `{expected}` in:\n{code}");
    }
}

#[test]
fn a_payload_without_fields_to_read_does_not_borrow_the_form() {
    let code = expand_to_string(quote!(
        struct Everything {
            #[twilio(other)]
            all: OtherParams,
        }
    ));
    assert!(squash(&code).contains("fnfrom_pairs(__twilio_form:"), "{code}");
    let code = expand_to_string(quote!(
        struct Nothing {}
    ));
    assert!(squash(&code).contains("fnfrom_pairs(_:"), "{code}");
}

#[test]
fn reports_every_mistake_in_one_pass_beside_stubs() {
    let code = expand_to_string(quote! {
        #[twilio(crate = twilio_endpoint)]
        struct Broken {
            #[twilio(other, rename = "X")] a: OtherParams,
            #[twilio(other)] b: OtherParams,
            #[twilio(range = 1..=2)] c: u32,
            #[twilio(indexed, rename = "MediaUrl")] d: Vec<Url>,
            media_url1: Option<Url>,
            #[twilio(rename = "")] e: String,
        }
    });
    for expected in [
        "`rename` cannot be combined with `other`",
        "fields `a` and `b` are both `#[twilio(other)]`",
        "Unknown field: `range`",
        "fields `d` and `media_url1` both read the key `MediaUrl1`",
        "`rename` needs a non-empty key",
        "`crate` must be an absolute path",
        "impl __twilio::Webhook for Broken",
        "impl ::core::fmt::Debug for Broken",
    ] {
        assert!(code.contains(expected), "missing `{expected}` in:\n{code}");
    }
}

#[test]
fn overlapping_indexed_prefixes_are_one_key() {
    let code = expand_to_string(quote! {
        struct Media {
            #[twilio(indexed)] media: Vec<Url>,
            #[twilio(indexed)] media1: Vec<Url>,
            #[twilio(indexed, rename = "Media")] again: Vec<Url>,
            // `Media01` is never read as an index of `Media` (`take_indexed` writes no leading zero).
            media01: Option<Url>,
        }
    });
    assert!(code.contains("fields `media` and `media1` both read the key `Media10`"), "{code}");
    assert!(code.contains("fields `media` and `again` both read the key `Media0`"), "{code}");
    assert!(!code.contains("`media01`"), "{code}");
}

#[test]
fn only_structs_with_named_fields() {
    for (input, expected) in [
        (
            quote!(
                enum Callback {
                    A,
                }
            ),
            "not an enum",
        ),
        (
            quote!(
                struct Callback(String);
            ),
            "not a struct without named fields",
        ),
        (
            quote!(
                struct Callback<T> {
                    t: T,
                }
            ),
            "does not support generic parameters",
        ),
    ] {
        let code = expand_to_string(input);
        assert!(code.contains(expected), "missing `{expected}` in:\n{code}");
    }
}
