//! `Private<T>`: content that never reaches the public site.
//!
//! A `Private` value can be read from YAML but deliberately does not implement `Serialize`, so it
//! cannot be handed to a template, written to a search index or turned into JSON by accident. The
//! only way to it is [`Private::reveal`], which asks the audience of the build.
//!
//! A load for the public site, or only for checking, need not keep private values at all: read
//! under [`reading`] with [`PrivateValues::Dropped`], each is read and checked like any other value
//! and then dropped, so it is never in memory past its own parsing (at 10,000 pairs the meeting
//! notes alone are about 100 MB).

use std::cell::Cell;

use serde::{Deserialize, Deserializer};

use super::{Audience, PairId, Visibility};

/// A private value (meeting notes, concerns, contact details, reflections): visible to the pair
/// and the coordinators at the widest, or to fewer when its entry or file says so.
#[derive(Clone)]
pub struct Private<T>(Option<T>);

/// What a load keeps of private values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PrivateValues {
    /// Kept, for an edition that may show them.
    #[default]
    Kept,
    /// Read and checked, then dropped: for the public site and for checking, which never show
    /// them. [`Private::reveal`] then gives nothing, whoever asks.
    Dropped,
}

thread_local! {
    /// Whether the deserializing on this thread drops private values: see [`reading`].
    static DROPPING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `read` (which deserializes) on this thread with private values kept or dropped as `values`
/// says.
pub fn reading<R>(values: PrivateValues, read: impl FnOnce() -> R) -> R {
    /// Puts the flag back as it was, even if `read` panics.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            DROPPING.set(self.0);
        }
    }
    let _restore = Restore(DROPPING.replace(values == PrivateValues::Dropped));
    read()
}

impl<T> Private<T> {
    /// A private value made in code from one just read (a profile's field, whose visibility is
    /// known only once the whole profile is read): dropped, as [`Deserialize`] would drop it, when
    /// the reading on this thread drops private values.
    pub(crate) fn read(value: T) -> Self {
        Private((!DROPPING.get()).then_some(value))
    }

    /// A private value kept whatever the reading drops: for the few small values that checks
    /// across files need (a profile's tags, languages, exclusions), which a load only for checking
    /// must still hold. It is reached only through [`Private::reveal`], like any other.
    pub(crate) fn kept(value: T) -> Self {
        Private(Some(value))
    }

    /// A private value as a load for the public site leaves it: dropped, never revealed. What the
    /// build's cache of parsed pairs reads back in place of any private value
    /// ([`crate::model::stored`]).
    pub(crate) const fn dropped() -> Self {
        Private(None)
    }

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
            .then_some(self.0.as_ref())
            .flatten()
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
        let value = T::deserialize(d)?;
        Ok(Private((!DROPPING.get()).then_some(value)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Note {
        notes: Private<String>,
    }

    fn read(values: PrivateValues, yaml: &str) -> Result<Note, serde_saphyr::Error> {
        reading(values, || serde_saphyr::from_str(yaml))
    }

    #[test]
    fn dropped_values_are_checked_but_never_revealed() {
        let coordinators = Audience::Coordinators;
        let kept = read(PrivateValues::Kept, "notes: canary").unwrap();
        let revealed = kept.notes.reveal(&coordinators, None, Visibility::Pair);
        assert_eq!(revealed.map(String::as_str), Some("canary"));
        let dropped = read(PrivateValues::Dropped, "notes: canary").unwrap();
        assert_eq!(
            dropped.notes.reveal(&coordinators, None, Visibility::Pair),
            None
        );
        // Still read as what they must be.
        assert!(read(PrivateValues::Dropped, "notes: [a, b]").is_err());
        // And only while reading.
        let after = serde_saphyr::from_str::<Note>("notes: canary").unwrap();
        assert!(
            after
                .notes
                .reveal(&coordinators, None, Visibility::Pair)
                .is_some()
        );
    }
}
