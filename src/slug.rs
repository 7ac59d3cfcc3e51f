//! Slugs: lower-case ASCII letters, digits and single dashes. A leaf: ids (in [`crate::model`]) are
//! checked slugs, and Markdown headings get anchors made by [`slugify`].

use std::fmt;

/// Why a string is not a valid id, with a suggested slug to use instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadId {
    /// The string that was rejected.
    pub given: String,
    /// A slug made from it, when one can be made.
    pub suggestion: Option<String>,
}

/// The most characters an id may have: ids name folders and files of the site, and every file
/// system accepts names of this length.
pub const MAX_ID_LEN: usize = 100;

/// How many characters of a rejected id a message quotes; the rest is cut with `…`.
const QUOTED: usize = 40;

impl fmt::Display for BadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.given.chars().count();
        let quoted: String = if count > QUOTED {
            self.given.chars().take(QUOTED).chain(['…']).collect()
        } else {
            self.given.clone()
        };
        if self.given.is_empty() {
            f.write_str("an id cannot be empty: use lower-case letters, digits and dashes")?;
        } else if count > MAX_ID_LEN {
            write!(
                f,
                "`{quoted}` is too long for an id: at most {MAX_ID_LEN} characters, and it has {count}"
            )?;
        } else {
            write!(
                f,
                "`{quoted}` is not a valid id: use lower-case letters, digits and dashes"
            )?;
        }
        if let Some(s) = &self.suggestion {
            write!(f, ", for example `{s}`")?;
        }
        Ok(())
    }
}

/// The pattern of a valid id, for JSON Schema.
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// Checks that `s` is a slug: `a-z`, `0-9` and dashes, not starting or ending with a dash, no `--`,
/// at most [`MAX_ID_LEN`] characters.
pub fn check_slug(s: &str) -> Result<(), BadId> {
    let ok = !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if ok {
        Ok(())
    } else {
        let suggestion = Some(slugify(s)).filter(|x| !x.is_empty() && x != s);
        Err(BadId {
            given: s.to_owned(),
            suggestion,
        })
    }
}

/// Turns any text into a slug: `"Ana López"` becomes `"ana-lopez"`.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = fold_accent(c).to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(MAX_ID_LEN);
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Maps the common Latin accented letters to their base letter, so names slug nicely.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => c,
    }
}
