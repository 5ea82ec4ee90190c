//! The errors the mock answers with, in Twilio's JSON shape, and the Twilio error code each refused
//! parameter gets.
//!
//! Every code below is one Twilio documents in its error dictionary
//! (`https://www.twilio.com/docs/api/errors/<code>`); the page each rests on is named beside it. Where
//! no code clearly fits the parameter and the rule, the answer carries the dictionary's general
//! `400` ("Bad Request": the input did not pass validation).

use twilio_endpoint_runtime::{FormDecodeError, Problem, Rule, ValidationErrors, Violation};

use super::reply::Reply;

/// Twilio's dictionary entry for a request that did not pass validation (docs/api/errors/400).
const BAD_REQUEST: u32 = 400;

/// A refusal, as Twilio words it: an HTTP status, a code of Twilio's dictionary and a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TwilioError {
    status: u16,
    code: u32,
    message: String,
}

impl TwilioError {
    /// Credentials missing, wrong, or not allowed to act for the account of the path: 401 with 20003
    /// (docs/api/errors/20003 lists wrong credentials, deleted keys and "subaccount credentials to
    /// access master account" among its causes).
    pub(crate) fn authenticate() -> TwilioError {
        TwilioError { status: 401, code: 20003, message: "Authenticate".to_owned() }
    }

    /// No resource at `path`: 404 with 20404 (docs/api/errors/20404), in the words Twilio's 2010 API
    /// uses.
    pub(crate) fn not_found(path: &str) -> TwilioError {
        TwilioError {
            status: 404,
            code: 20404,
            message: format!("The requested resource {path} was not found"),
        }
    }

    /// A resource the path names exists, but not with this method: 405 with 20004
    /// (docs/api/errors/20004, "Method not allowed").
    pub(crate) fn method_not_allowed(method: &str, allowed: &[&str]) -> TwilioError {
        TwilioError {
            status: 405,
            code: 20004,
            message: format!(
                "Method not allowed: `{method}`; this resource takes `{}`",
                allowed.join("`, `")
            ),
        }
    }

    /// A request the operation cannot carry out in the resource's present state.
    pub(crate) fn conflict(code: u32, message: String) -> TwilioError {
        TwilioError { status: 400, code, message }
    }

    /// A request whose body is not a form.
    pub(crate) fn not_a_form(content_type: &str) -> TwilioError {
        TwilioError {
            status: 400,
            code: BAD_REQUEST,
            message: format!(
                "the body is `{content_type}`, but Twilio reads parameters from an \
                 `application/x-www-form-urlencoded` form"
            ),
        }
    }

    /// A body that is not JSON, sent to an endpoint whose body is (`body = json`).
    pub(crate) fn not_json(content_type: &str) -> TwilioError {
        TwilioError {
            status: 400,
            code: BAD_REQUEST,
            message: format!(
                "the body is `{content_type}`, but this operation reads an `application/json` body"
            ),
        }
    }

    /// A form or path that does not decode into the endpoint's request.
    pub(crate) fn undecodable(codes: ErrorCodes, error: &FormDecodeError) -> TwilioError {
        let mut message = error.to_string();
        if error.problem() == &Problem::UnknownKey {
            // Twilio drops a key it does not know without a word, so a misspelled optional parameter
            // would silently not apply: the one place the mock is stricter than Twilio.
            message.push_str(
                "; Twilio would ignore it, so the mock refuses it to catch a misspelled key \
                 (`MockTwilio::set_strict(false)` accepts it)",
            );
        }
        TwilioError { status: 400, code: codes.for_decoding(error), message }
    }

    /// A decoded request that breaks rules of its declaration.
    pub(crate) fn invalid(codes: ErrorCodes, errors: &ValidationErrors) -> TwilioError {
        let violations = errors.violations();
        let message = violations.iter().map(Violation::to_string).collect::<Vec<_>>().join("; ");
        let code = violations.first().map_or(BAD_REQUEST, |first| codes.for_violation(first));
        TwilioError { status: 400, code, message }
    }

    pub(crate) fn status(&self) -> u16 {
        self.status
    }

    pub(crate) fn code(&self) -> u32 {
        self.code
    }

    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn into_reply(self) -> Reply {
        let reply = Reply::error(self.status, self.code, &self.message);
        if self.status == 401 { reply.with_authenticate() } else { reply }
    }
}

/// Which of Twilio's parameter codes apply to an operation: those of placing a call (Create Call,
/// and Create Participant, which places the participant's call), those of sending a message, or
/// none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ErrorCodes {
    PlaceCall,
    SendMessage,
    General,
}

impl ErrorCodes {
    /// The code for a parameter that is absent, repeated or not a value of its type.
    fn for_decoding(self, error: &FormDecodeError) -> u32 {
        let key = error.key();
        let code = match (self, error.problem()) {
            (Self::PlaceCall, Problem::MissingKey) => match key {
                // docs/api/errors/21201: no `To` number given to an outbound call.
                "To" => Some(21201),
                // docs/api/errors/21213: the caller's `From` is required.
                "From" => Some(21213),
                _ => None,
            },
            (Self::PlaceCall, Problem::InvalidValue { .. }) => match key {
                // docs/api/errors/21211: an invalid `To`.
                "To" => Some(21211),
                // docs/api/errors/21205: the URL that handles the call is not a valid URL.
                "Url" => Some(21205),
                // docs/api/errors/21209: `Method` other than GET or POST.
                "Method" => Some(21209),
                // docs/api/errors/21208: an invalid `Timeout`.
                "Timeout" => Some(21208),
                // docs/api/errors/21218: an invalid `ApplicationSid`.
                "ApplicationSid" => Some(21218),
                // docs/api/errors/21609, which the description's own notification example reports
                // for a call's invalid status callback URL.
                "StatusCallback" => Some(21609),
                // docs/api/errors/21626: an invalid `StatusCallbackEvent`.
                "StatusCallbackEvent" => Some(21626),
                _ => None,
            },
            (Self::SendMessage, Problem::MissingKey) if key == "To" => {
                // docs/api/errors/21604: `To` is required to send a message.
                Some(21604)
            }
            (Self::SendMessage, Problem::NoVariant { group, .. }) if key.is_empty() => match *group {
                // docs/api/errors/21603: `From` or `MessagingServiceSid` is required.
                "MessageSender" => Some(21603),
                // docs/api/errors/21602: `Body` or `MediaUrl` is required.
                "MessageContent" => Some(21602),
                _ => None,
            },
            (Self::SendMessage, Problem::InvalidValue { .. }) => match key {
                // docs/api/errors/21211: an invalid `To`.
                "To" => Some(21211),
                // docs/api/errors/21606, whose causes include a `From` formatted incorrectly.
                "From" => Some(21606),
                // docs/api/errors/21620: a media URL that is malformed.
                "MediaUrl" => Some(21620),
                // docs/api/errors/21609: an invalid `StatusCallback` URL.
                "StatusCallback" => Some(21609),
                _ => None,
            },
            _ => None,
        };
        code.unwrap_or(BAD_REQUEST)
    }

    /// The code for a rule of the declaration that a decoded request breaks.
    fn for_violation(self, violation: &Violation) -> u32 {
        let over_max = || match (violation.rule(), violation.got().and_then(|got| got.parse::<usize>().ok()))
        {
            (Rule::Length { max, .. }, Some(got)) => got > *max,
            _ => false,
        };
        let code = match (self, violation.key()) {
            // The address rules between `To`, `From` and `CallerId` name `To` when it is the one
            // that cannot be called (docs/api/errors/21211).
            (Self::PlaceCall | Self::SendMessage, "To") => Some(21211),
            // docs/api/errors/21208: an invalid `Timeout`.
            (Self::PlaceCall, "Timeout") => Some(21208),
            (Self::PlaceCall | Self::SendMessage, "StatusCallback") => Some(21609),
            // docs/api/errors/21617 for a body over 1600 characters, docs/api/errors/21602 for a
            // message left without content by an empty one.
            (Self::SendMessage, "Body") => Some(if over_max() { 21617 } else { 21602 }),
            // docs/api/errors/21623: more than 10 media files.
            (Self::SendMessage, "MediaUrl") if over_max() => Some(21623),
            _ => None,
        };
        code.unwrap_or(BAD_REQUEST)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn decoding(key: &'static str, problem: Problem) -> FormDecodeError {
        FormDecodeError::new(Cow::Borrowed(key), problem)
    }

    #[test]
    fn the_operation_decides_the_code_of_a_missing_to() {
        let missing = decoding("To", Problem::MissingKey);
        assert_eq!(ErrorCodes::PlaceCall.for_decoding(&missing), 21201);
        assert_eq!(ErrorCodes::SendMessage.for_decoding(&missing), 21604);
        assert_eq!(ErrorCodes::General.for_decoding(&missing), BAD_REQUEST);
    }

    #[test]
    fn a_message_without_sender_or_content_gets_its_own_code() {
        let none = |group| decoding("", Problem::NoVariant { group, allowed: "" });
        assert_eq!(ErrorCodes::SendMessage.for_decoding(&none("MessageSender")), 21603);
        assert_eq!(ErrorCodes::SendMessage.for_decoding(&none("MessageContent")), 21602);
        // Keys of the group that form no variant are a general error.
        let mixed = decoding("Body", Problem::NoVariant { group: "MessageContent", allowed: "" });
        assert_eq!(ErrorCodes::SendMessage.for_decoding(&mixed), BAD_REQUEST);
    }

    #[test]
    fn a_body_too_long_and_one_left_empty_differ() {
        let length = |got: usize| {
            Violation::new(
                "Body",
                Rule::Length { min: 1, max: 1600, unit: twilio_endpoint_runtime::LengthUnit::Characters },
                Some(got.to_string()),
            )
        };
        assert_eq!(ErrorCodes::SendMessage.for_violation(&length(1601)), 21617);
        assert_eq!(ErrorCodes::SendMessage.for_violation(&length(0)), 21602);
        assert_eq!(ErrorCodes::PlaceCall.for_violation(&length(0)), BAD_REQUEST);
    }

    #[test]
    fn an_unknown_key_is_named_and_the_opt_out_given() {
        let error = TwilioError::undecodable(ErrorCodes::General, &decoding("Boddy", Problem::UnknownKey));
        assert_eq!((error.status(), error.code()), (400, BAD_REQUEST));
        assert!(error.message().starts_with("`Boddy`: not a parameter of this request; "), "{error:?}");
        assert!(error.message().contains("set_strict(false)"), "{error:?}");
    }
}
