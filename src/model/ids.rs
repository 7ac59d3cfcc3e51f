//! Ids: stable slugs that files use to refer to each other.
//!
//! Every id is a newtype over a checked slug (lower-case ASCII letters, digits and single dashes), so an
//! id can never hold a path separator or `..` and can be used as a folder name in the output safely.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

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

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Checks `s` and wraps it.
            pub fn new(s: &str) -> Result<Self, BadId> {
                check_slug(s).map(|()| Self(s.to_owned()))
            }
            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn inline_schema() -> bool {
                true
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": SLUG_PATTERN,
                    "description": "An id: lower-case letters, digits and dashes, such as `ana-lopez`."
                })
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::new(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

slug_id!(
    /// A person's id, from `people.yaml`.
    PersonId
);
slug_id!(
    /// A pair's id: the name of its file under `content/pairs/`.
    PairId
);

impl PairId {
    /// Names a pair cannot have: the PDF files of the handbook and of the blank workbook sit beside
    /// the pairs' own in the site's `pdf/` folder (`pdf/handbook.pdf`, `pdf/workbook.pdf`).
    pub const RESERVED: [&'static str; 2] = ["handbook", "workbook"];
}
slug_id!(
    /// A checklist item's id, unique across all phases.
    ItemId
);
slug_id!(
    /// A goal's id, unique within its pair.
    GoalId
);
slug_id!(
    /// A guide chapter's id: the name of its file under `content/guide/`.
    ChapterId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_checked() {
        assert!(PersonId::new("ana-lopez").is_ok());
        assert!(PersonId::new("a1").is_ok());
        for bad in ["", "Ana", "../x", "a--b", "-a", "a-", "a/b", "a b", "a.b"] {
            assert!(PersonId::new(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(
            PersonId::new("Ana López")
                .unwrap_err()
                .suggestion
                .as_deref(),
            Some("ana-lopez")
        );
    }

    #[test]
    fn long_ids_are_refused_for_their_length() {
        let long = "a".repeat(MAX_ID_LEN + 1);
        let err = PersonId::new(&long).unwrap_err();
        let shown = err.to_string();
        assert!(shown.contains("too long"), "{shown}");
        assert!(shown.contains("at most 100 characters"), "{shown}");
        assert!(!shown.contains("lower-case"), "{shown}");
        assert_eq!(err.suggestion.as_deref(), Some(&long[..MAX_ID_LEN]));
        assert!(PersonId::new(&long[..MAX_ID_LEN]).is_ok());
        // A slug cut at the limit does not end with a dash.
        let dashed = format!("{}-b", "a".repeat(MAX_ID_LEN - 1));
        assert!(PersonId::new(&slugify(&dashed)).is_ok());
    }
}
