//! The words of a theme in the book's language: the strings files laid one over another, from the
//! default theme's English to the program's own `i18n/<language>.toml`.

use std::path::{Path, PathBuf};

use super::{link, not_a_file, whole};
use crate::config::Config;
use crate::diagnostic::{Code, Problem, Span};

/// The words of the pages in the book's language, in layers, each key from the last that sets it:
/// the default theme's English, its file of the language (`i18n/es.toml`), the theme's
/// `strings.toml`, the theme's `i18n/<language>.toml`, then the program's own
/// `i18n/<language>.toml`. A language tag with a region (`pt-BR`) reads `pt` then `pt-BR`.
/// With the words, the warnings of [`Layers::warnings`](crate::render::strings::Layers::warnings).
pub fn strings(
    config: &Config,
) -> Result<(crate::render::strings::Strings, Vec<Problem>), Problem> {
    let rel_dir = PathBuf::from("themes").join(&config.build.theme);
    let tag = &config.book.language;
    let mut layers = crate::render::strings::Layers::new(tag);
    for (name, text) in crate::render::strings::shipped(tag) {
        layers.apply(
            &Path::new("themes/default/i18n").join(format!("{name}.toml")),
            text,
        )?;
    }
    let mut files = vec![rel_dir.join("strings.toml")];
    for dir in [rel_dir.join("i18n"), PathBuf::from("i18n")] {
        files.extend(
            crate::render::strings::tag_prefixes(tag)
                .into_iter()
                .map(|p| dir.join(format!("{p}.toml"))),
        );
    }
    for rel in files {
        if let Some(text) = read_optional(config, &rel)? {
            layers.apply(&rel, &text)?;
        }
    }
    let warnings = layers.warnings(|| language_place(config));
    Ok((layers.finish()?, warnings))
}

/// Where `book.toml` sets `language`, and its text to show; the whole file when it cannot say.
fn language_place(config: &Config) -> (Span, Option<std::sync::Arc<str>>) {
    let file = PathBuf::from("book.toml");
    let Ok(text) = std::fs::read_to_string(config.root.join(&file)) else {
        return (
            Span {
                file,
                line: 0,
                column: 0,
            },
            None,
        );
    };
    let (mut line, mut column) = (0, 0);
    let mut offset = 0;
    for l in text.split_inclusive('\n') {
        let trimmed = l.trim_start();
        let rest = trimmed.strip_prefix("language").map(str::trim_start);
        if rest.is_some_and(|r| r.starts_with('=')) {
            let at = offset + (l.len() - trimmed.len());
            (line, column) = crate::config::line_column(&text, at);
            break;
        }
        offset += l.len();
    }
    (
        Span { file, line, column },
        Some(std::sync::Arc::from(text)),
    )
}

/// The text of the program's file `rel`, or `None` when there is none. A link or something that
/// is not a file is a problem, as in the theme.
fn read_optional(config: &Config, rel: &Path) -> Result<Option<String>, Problem> {
    let path = config.root.join(rel);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Ok(None);
    };
    if meta.file_type().is_symlink() {
        return Err(link(&path, rel));
    }
    if !meta.is_file() {
        return Err(not_a_file(rel, &meta.file_type()));
    }
    std::fs::read_to_string(&path)
        .map(Some)
        .map_err(|e| whole(rel, &format!("cannot read the file: {e}")).with_code(Code::Strings))
}
