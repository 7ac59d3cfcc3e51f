//! Ids: stable slugs that files use to refer to each other.
//!
//! Every id is a newtype over a checked slug (lower-case ASCII letters, digits and single dashes), so an
//! id can never hold a path separator or `..` and can be used as a folder name in the output safely.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

pub use crate::slug::{BadId, MAX_ID_LEN, SLUG_PATTERN, check_slug, slugify};

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
slug_id!(
    /// A tag's id, from `tags` in `program.yaml`: an area of expertise or interest.
    TagId
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
