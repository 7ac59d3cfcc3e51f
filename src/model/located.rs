//! `Located<T>`: a value with the line and column it was written at, for messages about it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value read from YAML together with where it was written (1-based line and column).
///
/// Only the YAML loader fills in the position; values made in code have line 0.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// 1-based line, or 0 when unknown.
    pub line: u32,
    /// 1-based column, or 0 when unknown.
    pub column: u32,
}

impl<T> Located<T> {
    /// A value with no known position.
    pub fn unplaced(value: T) -> Self {
        Located {
            value,
            line: 0,
            column: 0,
        }
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(Located {
            value: s.value,
            line: clamp(s.referenced.line()),
            column: clamp(s.referenced.column()),
        })
    }
}

/// Serialises as the bare value: templates never see positions.
impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// The schema of the bare value: positions are not written by people.
impl<T: schemars::JsonSchema> schemars::JsonSchema for Located<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}
