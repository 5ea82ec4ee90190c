//! The generated code names everything by absolute path: it compiles in a module that shadows the
//! prelude and the crate's own name, and passes clippy's pedantic lints (`.ci/run` runs clippy on tests).

#![deny(warnings, unused_qualifications, clippy::pedantic)]
#![allow(dead_code, non_camel_case_types, clippy::struct_field_names)]

mod shadowed {
    // Everything a careless expansion might name without a path.
    struct Result;
    struct Ok;
    struct Err;
    struct Option;
    struct Some;
    struct None;
    struct String;
    struct Vec;
    struct Default;
    struct Into;
    struct Debug;
    struct Formatter;
    mod twilio_endpoint {}
    mod core {}
    mod std {}

    /// An endpoint declared where all of the above shadow the prelude.
    #[::twilio_endpoint::twilio_endpoint(
        POST,
        "/2010-04-01/Accounts/{AccountSid}/Things/{Sid}.json",
        response = (),
        crate = ::twilio_endpoint,
    )]
    pub struct UpdateThing {
        #[twilio(path)]
        pub sid: ::twilio_endpoint::values::CallSid,
        /// A name.
        #[twilio(len = 1..=64)]
        pub friendly_name: ::std::option::Option<::std::string::String>,
        #[twilio(range = 1..=10, rename = "Level")]
        pub level: ::std::option::Option<u32>,
        #[twilio(sensitive)]
        pub secret: ::std::option::Option<::std::string::String>,
        pub tags: ::std::vec::Vec<::std::string::String>,
    }

    pub fn body() -> ::std::string::String {
        UpdateThing::new(::twilio_endpoint::values::CallSid::from_static(
            "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ))
        .friendly_name("x y")
        .level(3)
        .tags([::std::string::String::from("a")])
        .to_form()
    }
}

#[test]
fn expands_where_the_prelude_is_shadowed() {
    assert_eq!(shadowed::body(), "FriendlyName=x+y&Level=3&Tags=a");
}
