//! Who may see what: every piece of personal content has a [`Visibility`], every build has an
//! [`Audience`], and a value reaches a page only when the audience may see it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::PairId;

/// Who may see a field, an entry or a whole pair. Ordered from the widest to the narrowest.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Anyone with the site's address.
    #[default]
    Public,
    /// The pair's mentor and mentee, and the coordinators.
    Pair,
    /// The coordinators only.
    Coordinators,
}

impl Visibility {
    /// The name files use (`pair`).
    pub fn id(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Pair => "pair",
            Visibility::Coordinators => "coordinators",
        }
    }
}

/// Who a build is for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Audience {
    /// The hosted site: anyone.
    #[default]
    Public,
    /// The coordinators' edition: everything.
    Coordinators,
    /// One pair's edition: public content, plus that pair's own `pair` content.
    Pair(PairId),
}

impl Audience {
    /// Parses `public`, `coordinators` or `pair:<pair-id>`.
    pub fn parse(s: &str) -> Result<Audience, String> {
        match s {
            "public" => Ok(Audience::Public),
            "coordinators" => Ok(Audience::Coordinators),
            _ => match s.strip_prefix("pair:") {
                Some(id) => PairId::new(id)
                    .map(Audience::Pair)
                    .map_err(|e| format!("in `{s}`, {e}")),
                None => Err(format!(
                    "`{s}` is not an audience: use public, coordinators or pair:<pair-id>"
                )),
            },
        }
    }

    /// Whether this audience may see content of visibility `v` that belongs to `pair` (or to no
    /// pair, for a person's contact details outside any pair).
    pub fn sees(&self, v: Visibility, pair: Option<&PairId>) -> bool {
        match (self, v) {
            (_, Visibility::Public) | (Audience::Coordinators, _) => true,
            (Audience::Pair(mine), Visibility::Pair) => pair == Some(mine),
            _ => false,
        }
    }

    /// Whether a build for this audience keeps private values when it loads the program: only a
    /// private edition does.
    pub fn private_values(&self) -> super::PrivateValues {
        if self.is_public() {
            super::PrivateValues::Dropped
        } else {
            super::PrivateValues::Kept
        }
    }

    /// Whether this is the public site.
    pub fn is_public(&self) -> bool {
        *self == Audience::Public
    }

    /// The folder name of the edition, `coordinators` or `pair-ana-ben`.
    pub fn folder(&self) -> String {
        match self {
            Audience::Public => "public".to_owned(),
            Audience::Coordinators => "coordinators".to_owned(),
            Audience::Pair(id) => format!("pair-{id}"),
        }
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Audience::Public => f.write_str("public"),
            Audience::Coordinators => f.write_str("coordinators"),
            Audience::Pair(id) => write!(f, "pair:{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_sees_what() {
        let ab = PairId::new("a-b").unwrap();
        let cd = PairId::new("c-d").unwrap();
        let pair = Audience::parse("pair:a-b").unwrap();
        assert!(Audience::Public.sees(Visibility::Public, Some(&ab)));
        assert!(!Audience::Public.sees(Visibility::Pair, Some(&ab)));
        assert!(pair.sees(Visibility::Pair, Some(&ab)));
        assert!(!pair.sees(Visibility::Pair, Some(&cd)));
        assert!(!pair.sees(Visibility::Coordinators, Some(&ab)));
        assert!(Audience::Coordinators.sees(Visibility::Coordinators, None));
        assert!(Audience::parse("pair:../x").is_err());
        assert!(Audience::parse("everyone").is_err());
    }
}
