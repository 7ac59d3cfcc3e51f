//! `mentorbook pdf`: the site with a PDF file of every workbook and of the handbook, as
//! `mentorbook build --pdf`.

use std::path::Path;

use super::{Exit, build};
use crate::model::Audience;

/// Builds the site of the program in `dir` for `audience` into `dest`, with its PDF files under
/// `pdf/`. A private edition's PDFs go into that edition's folder, with its pages.
pub fn pdf(
    dir: &Path,
    dest: Option<&Path>,
    audience: &Audience,
    overrides: &crate::config::Overrides,
    options: &crate::pdf::Options,
) -> Exit {
    build(dir, dest, audience, overrides, Some(options))
}
