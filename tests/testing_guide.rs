//! docs/TESTING.md's worked example is real: the application it shows is the one
//! `examples/testing_app.rs` serves, word for word, and the example's test, played by its `main`,
//! passes.

use std::fs;

#[path = "../examples/testing_app.rs"]
mod testing_app;

/// The lines of `text` between the line holding `start` and the next holding `end`, both excluded.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|line| line.contains(start)).unwrap_or_else(|| panic!("no `{start}`"));
    let last = first
        + lines[first..].iter().position(|line| line.contains(end)).unwrap_or_else(|| panic!("no `{end}`"));
    lines[first + 1..last].to_vec()
}

#[test]
fn the_guides_application_is_the_examples_word_for_word() {
    let example = fs::read_to_string("examples/testing_app.rs").unwrap();
    let guide = fs::read_to_string("docs/TESTING.md").unwrap();
    let application = between(&example, "// guide: the application", "// guide: end");
    assert!(application.len() > 100, "the application is in the example: {application:?}");
    let shown = between(&guide, "## The application", "# fn main() {}");
    let code = shown.iter().position(|line| *line == "```rust").expect("the application's code block");
    assert_eq!(
        shown[code + 1..],
        application[..],
        "docs/TESTING.md shows the application of examples/testing_app.rs"
    );
}

#[test]
fn the_examples_test_passes() {
    testing_app::main().unwrap();
}
