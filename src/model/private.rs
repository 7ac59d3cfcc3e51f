//! `Private<T>`: content that never reaches the public site.
//!
//! A `Private` value can be read from YAML but deliberately does not implement `Serialize`, so it
//! cannot be handed to a template, written to a search index or turned into JSON by accident. The
//! only way to it is [`Private::reveal`], which asks the audience of the build.

use serde::{Deserialize, Deserializer};

use super::{Audience, PairId, Visibility};

/// A private value (meeting notes, concerns, contact details, reflections): visible to the pair
/// and the coordinators at the widest, or to fewer when its entry or file says so.
#[derive(Clone)]
pub struct Private<T>(T);

impl<T> Private<T> {
    /// The value, if `audience` may see it. `at_least` is the visibility of the entry or file that
    /// holds it; the value itself is never wider than [`Visibility::Pair`].
    pub fn reveal(
        &self,
        audience: &Audience,
        pair: Option<&PairId>,
        at_least: Visibility,
    ) -> Option<&T> {
        audience
            .sees(at_least.max(Visibility::Pair), pair)
            .then_some(&self.0)
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
            "Private: never published on the public site.".into(),
        );
        schema
    }
}
