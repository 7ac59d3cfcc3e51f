//! `mentorbook match` and `[matching]` in book.toml.

use crate::harness::Program;

#[test]
fn an_unknown_matching_weight_is_a_located_error_with_a_suggestion() {
    let program = Program::fixture("minimal");
    program.patch(
        "book.toml",
        "[public]",
        "[matching]\nshared-tag = 3\n\n[public]",
    );
    program
        .check()
        .code(1)
        .stderr_has("book.toml:12:1")
        .stderr_has("unknown field `shared-tag`")
        .stderr_has("did you mean `shared-tags`?");
}

#[test]
fn a_weight_out_of_range_is_a_located_error() {
    let program = Program::fixture("minimal");
    program.patch(
        "book.toml",
        "[public]",
        "[matching]\nwishes = 500\n\n[public]",
    );
    program
        .check()
        .code(1)
        .stderr_has("book.toml:12:10")
        .stderr_has("`wishes = 500` is out of range")
        .stderr_has("from 0 (not counted) to 100");
}

#[test]
fn weights_written_with_underscores_are_read_too() {
    let program = Program::fixture("minimal");
    program.patch(
        "book.toml",
        "[public]",
        "[matching]\nshared_tags = 5\ntime_zone = 0\n\n[public]",
    );
    program.check().success();
}
