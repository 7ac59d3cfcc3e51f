//! Fuzz target: any bytes as any kind of program file. Loading must return a value or located
//! problems, never panic or hang. Run it with `RUSTC_BOOTSTRAP=1 cargo fuzz run load -s none`
//! (see fuzz/README.md).
#![no_main]

use std::path::Path;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use mentorbook::load::yaml::parse_str;
use mentorbook::model::person::{PeopleFile, Person};
use mentorbook::model::{PairFile, PhaseFile, ProgramInfo};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let whole: Arc<str> = Arc::from(text);
    let file = Path::new("content/pairs/x.yaml");
    let _ = parse_str::<PairFile>(file, text, 0, &whole);
    let _ = parse_str::<PeopleFile>(file, text, 0, &whole);
    let _ = parse_str::<Person>(file, text, 0, &whole);
    let _ = parse_str::<PhaseFile>(file, text, 0, &whole);
    let _ = parse_str::<ProgramInfo>(file, text, 0, &whole);
    let _ = mentorbook::load::key_path::key_path(text, 2, 3);
    let _ = mentorbook::markdown::Markdown::new(text);
});
