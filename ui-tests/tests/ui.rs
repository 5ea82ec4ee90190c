//! Compile-fail and compile-pass cases of `#[twilio_endpoint]`, each `.stderr` reviewed by a person.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("fail/**/*.rs");
    cases.pass("pass/*.rs");
}
