//! Expansion checks: a representative endpoint expands to code that parses as Rust and has the
//! expected pieces; misuse expands to `compile_error!` carrying each message.

use quote::quote;

use crate::expand::expand;

fn expand_to_string(args: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> String {
    let tokens = expand(args, item);
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as Rust items");
    prettyplease::unparse(&file)
}

/// Removes white space and trailing commas, so that checks do not depend on where the pretty-printer
/// breaks lines.
fn squash(code: &str) -> String {
    code.split_whitespace().collect::<String>().replace(",)", ")")
}

#[test]
fn expands_a_participant_endpoint() {
    let code = expand_to_string(
        quote!(
            POST,
            "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json",
            response = Participant
        ),
        quote! {
            pub struct CreateParticipant {
                #[twilio(path)] pub conference_sid: ConferenceRef,
                pub from: Address,
                pub to: Address,
                #[twilio(range = 5..=600)] pub timeout: Option<u32>,
                pub status_callback_event: Vec<StatusCallbackEvent>,
                #[twilio(sensitive)] pub sip_auth_password: Option<String>,
            }
        },
    );
    for expected in [
        "__twilio_out.param(__twilio_account);",
        "__twilio::PathParam::check_segment(&self.conference_sid, __twilio_errors, \"ConferenceSid\");",
        "__twilio::RangeField::check_range(&self.timeout, __twilio_errors, \"Timeout\", 5, 600);",
        "__twilio::ParamField::write_param(&self.status_callback_event, &const { __twilio::Key::joined(\"&StatusCallbackEvent=\") }, __twilio_out);",
        "__twilio_debug.field(\"sip_auth_password\", &__twilio::Redacted);",
        "pub fn new(\n",
        "pub fn timeout(mut self, value: u32) -> Self",
        "type Response = Participant;",
        "impl __twilio::DecodeRequest for CreateParticipant",
        "conference_sid: __twilio::PathParam::read_segment(__twilio_path, \"ConferenceSid\")?,",
        "from: <Address as __twilio::ParamField>::read_param(__twilio_form, \"From\", __twilio::Shown::Value)?,",
        // prettyplease breaks the long generic type over lines, with a trailing comma.
        "status_callback_event: <Vec<StatusCallbackEvent,> as __twilio::ParamField>::read_param(__twilio_form, \"StatusCallbackEvent\", __twilio::Shown::Value)?,",
        "sip_auth_password: <Option<String,> as __twilio::ParamField>::read_param(__twilio_form, \"SipAuthPassword\", __twilio::Shown::Hidden)?,",
    ] {
        assert!(squash(&code).contains(&squash(expected)), "missing `{expected}` in:\n{code}");
    }
    assert!(!code.contains("#[twilio("), "helper attributes must be stripped:\n{code}");
}

#[test]
fn expands_an_enum_group_with_its_variants_keys() {
    let tokens = crate::expand::expand_group(quote! {
        pub enum Coaching {
            #[twilio(with(Coaching = false))]
            Off,
            #[twilio(with(Coaching = true))]
            Coach { call_sid_to_coach: CallSid },
            CallSidToCoach(CallSid),
        }
    });
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as Rust items");
    let code = prettyplease::unparse(&file);
    for expected in [
        "impl __twilio::ReadParams for Coaching",
        "__twilio::Variant::new(&[(\"Coaching\", \"false\")], &[], &[], __twilio::Keys::new(&[\"Coaching\"], &[]))",
        "__twilio::Variant::new(&[(\"Coaching\", \"true\")], &[\"CallSidToCoach\"], &[], \
         __twilio::Keys::new(&[\"Coaching\", \"CallSidToCoach\"], &[]))",
        "\"`Coaching=false`; `Coaching=true` with `CallSidToCoach`; `CallSidToCoach`\"",
        "1usize => { ::core::result::Result::Ok(Self::Coach { call_sid_to_coach: <CallSid as __twilio::ParamField>::read_param(__twilio_form, \"CallSidToCoach\", __twilio::Shown::Value)?, }) }",
        "_ => { ::core::result::Result::Ok(Self::CallSidToCoach(<CallSid as __twilio::ParamField>::read_param(__twilio_form, \"CallSidToCoach\", __twilio::Shown::Value)?)) }",
    ] {
        assert!(squash(&code).contains(&squash(expected)), "missing `{expected}` in:\n{code}");
    }
}

#[test]
fn refuses_two_placeholders_in_one_segment() {
    let code = expand_to_string(
        quote!(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}{Part}.json"),
        quote! {
            pub struct FetchPart {
                #[twilio(path)] pub sid: CallSid,
                #[twilio(path)] pub part: String,
            }
        },
    );
    assert!(
        code.contains("the path segment `{Sid}{Part}.json` holds several placeholders"),
        "missing the error in:\n{code}"
    );
}

#[test]
fn reports_every_mistake_in_one_pass() {
    let code = expand_to_string(
        quote!(POST, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json"),
        quote! {
            pub struct Broken {
                #[twilio(range = 600..=5)] pub timeout: Option<u32>,
                #[twilio(rnage = 1..=2)] pub time_limit: Option<u32>,
                #[twilio(path)] pub call_sid: CallSid,
            }
        },
    );
    for expected in [
        "`range = 600..=5` is empty",
        "Did you mean `range`?",
        "path field `call_sid` fills `{CallSid}`",
        "path placeholder `{Sid}` has no matching field",
    ] {
        assert!(code.contains(expected), "missing `{expected}` in:\n{code}");
    }
}

#[test]
fn a_broken_declaration_keeps_its_signatures() {
    let code = expand_to_string(
        quote!(POST, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json", response = Call, retries = 3),
        quote! {
            pub struct UpdateCall {
                #[twilio(path)] pub sid: CallSid,
                #[twilio(range = 600..=5)] pub timeout: Option<u32>,
                pub send: Option<bool>,
            }
        },
    );
    for expected in [
        "Unknown field: `retries`",
        "`range = 600..=5` is empty",
        "collides with the generated method `send`",
        "pub fn new(sid:",
        "pub fn timeout(mut self, value: u32) -> Self",
        "pub const TIMEOUT: __twilio::Bounds<u32>",
        "pub fn validate(&self) -> ::core::result::Result<(), __twilio::ValidationErrors>",
        "Output = ::core::result::Result<Call, __twilio::Error>",
        "type Response = Call;",
        "impl __twilio::DecodeRequest for UpdateCall",
    ] {
        assert!(squash(&code).contains(&squash(expected)), "missing `{expected}` in:\n{code}");
    }
    // A setter named `send` would clash with the method; the mistake is reported instead.
    assert!(!squash(&code).contains("fnsend(mutself"), "setter for `send` in:\n{code}");
}

#[test]
fn a_filled_placeholder_may_also_be_a_parameter() {
    // Update Incoming Phone Number: the path's account, and `AccountSid` in the body (the account the
    // number moves to).
    let code = expand_to_string(
        quote!(POST, "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json"),
        quote! {
            pub struct UpdateIncomingPhoneNumber {
                #[twilio(path)] pub account_sid: Option<AccountSid>,
                #[twilio(path)] pub sid: PhoneNumberSid,
                #[twilio(rename = "AccountSid")] pub account_sid_param: Option<AccountSid>,
            }
        },
    );
    assert!(!code.contains("compile_error"), "unexpected error in:\n{code}");
    assert!(squash(&code).contains(&squash("\"AccountSid\"")), "the parameter is sent:\n{code}");
    // Without the path field, the same parameter is still the mistake it was.
    let code = expand_to_string(
        quote!(POST, "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json"),
        quote! {
            pub struct Forgot {
                #[twilio(path)] pub sid: PhoneNumberSid,
                pub account_sid: Option<AccountSid>,
            }
        },
    );
    assert!(code.contains("is a placeholder of the path"), "missing the error in:\n{code}");
}

#[test]
fn a_host_becomes_the_endpoints_host_constant() {
    let code = expand_to_string(
        quote!(GET, "/v2/Services", host = "verify"),
        quote! { pub struct ListService { pub page_size: Option<u32> } },
    );
    assert!(squash(&code).contains(&squash("const HOST: &'static str = \"verify\";")), "{code}");
    // Without `host`, the trait's default (`api`) is left alone.
    let code = expand_to_string(
        quote!(GET, "/2010-04-01/Accounts/{AccountSid}/Queues.json"),
        quote! { pub struct ListQueue {} },
    );
    assert!(!code.contains("const HOST"), "{code}");
}
