//! mentorbook's integration tests: the `mentorbook` binary run on program folders copied into
//! temporary directories. One test binary (like mdBook's testsuite), a module per feature.
//!
//! Snapshots live in `tests/testsuite/snapshots/`. To update them after an intended change, run
//! `INSTA_UPDATE=always cargo test --test testsuite` and review the diff of every `.snap` file.

mod harness;

mod accessibility;
mod bad_input;
mod browser;
mod build;
mod calendar;
mod cdp;
mod charts_scale;
mod check_formats;
mod dashboard;
mod directory;
mod editions;
mod editor;
mod editor_browser;
mod editor_language;
mod editor_year;
mod export;
mod faithful;
mod hardening_editions;
mod hardening_files;
mod hardening_messages;
mod import;
mod incremental;
mod init;
mod init_language;
#[cfg(unix)]
mod install_step;
mod interface_words;
mod languages;
mod layers;
mod lists;
mod matching;
mod never_panics;
mod no_english;
mod output;
mod phone;
mod print;
mod privacy;
mod privacy_levels;
mod problems_doc;
mod profiles;
mod proposals;
mod publish;
mod right_to_left;
mod rules;
mod schema_and_new;
mod search;
mod search_languages;
mod serve;
mod site;
mod slips;
mod snapshots;
mod theme_strings;
