//! `mentorbook pdf`: the site with a PDF file of every workbook and of the handbook, as
//! `mentorbook build --pdf`.

use std::path::Path;

use super::{Exit, build};

/// Builds the site of the program in `dir` into `dest`, with its PDF files under `pdf/`.
pub fn pdf(dir: &Path, dest: Option<&Path>, options: &crate::pdf::Options) -> Exit {
    build(dir, dest, Some(options))
}
