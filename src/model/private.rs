//! `Private<T>`: content that must never reach the hosted site.
//!
//! A `Private` value can be read from YAML but deliberately does not implement `Serialize`, so it
//! cannot be handed to a template, written to a search index or turned into JSON by accident. The
//! public build has no way to get at it; a future private edition must ask for it explicitly.

use serde::{Deserialize, Deserializer};

/// A private value (meeting notes, concerns, contact details, reflections).
#[derive(Clone)]
pub struct Private<T>(T);

impl<T> Private<T> {
    /// The value, for an edition whose audience is allowed to see it. Never call this while
    /// building the public site.
    pub fn reveal_for_private_edition(&self) -> &T {
        &self.0
    }
}

/// Shows that a value exists without showing it, so debug output cannot leak it either.
impl<T> std::fmt::Debug for Private<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Private(..)")
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Private<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Private)
    }
}

/// The schema of the value, marked private so editors show it.
impl<T: schemars::JsonSchema> schemars::JsonSchema for Private<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Private{}", T::schema_name()).into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = generator.subschema_for::<T>();
        schema.insert(
            "description".into(),
            "Private: never published on the site.".into(),
        );
        schema
    }
}
