//! A compact binary form for values a build keeps on disk between runs (the cache of parsed and
//! checked pairs, [`crate::build`]), a leaf.
//!
//! The model's serde implementations are those of YAML (positions read from the parser) and of the
//! templates (a [`Located`](crate::model::Located) value as its bare value, Markdown as HTML), so a
//! second serde form would need a mirror of every type. A [`Stored`] implementation is one line per
//! struct instead (`stored_struct!`): it names every field, so a field added to a type and not to
//! its stored form does not compile. Reading never panics and never trusts a length: bytes that end
//! early or do not decode give `None`, which the caller takes as "no cache". The format has no
//! version of its own: whoever writes it puts a version, and a hash of the bytes, in front.

use std::collections::BTreeMap;
use std::sync::Arc;

/// A value with a binary form: [`Stored::put`] appends it to a buffer, [`Stored::take`] reads it
/// back (`None` when the bytes are not one).
pub trait Stored: Sized {
    /// Appends the value's bytes to `out`.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value from the front of `input`.
    fn take(input: &mut Input<'_>) -> Option<Self>;
}

/// Bytes being read, front first.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    bytes: &'a [u8],
}

impl<'a> Input<'a> {
    /// Reads `bytes` from the start.
    pub fn new(bytes: &'a [u8]) -> Self {
        Input { bytes }
    }

    /// The next `n` bytes, or `None` when fewer are left.
    pub fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (front, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(front)
    }

    /// How many bytes are left.
    pub fn left(&self) -> usize {
        self.bytes.len()
    }

    /// A length written by [`put_len`]: never more than the bytes left, since each item takes one
    /// byte at least, so a damaged length cannot ask for memory the input does not hold.
    pub fn take_len(&mut self) -> Option<usize> {
        let n = usize::try_from(u64::take(self)?).ok()?;
        (n <= self.left()).then_some(n)
    }
}

/// Appends the length of a list, for [`Input::take_len`].
pub fn put_len(n: usize, out: &mut Vec<u8>) {
    (n as u64).put(out);
}

/// Reads one value from the whole of `bytes`, `None` unless they are exactly one.
pub fn decode<T: Stored>(bytes: &[u8]) -> Option<T> {
    let mut input = Input::new(bytes);
    let value = T::take(&mut input)?;
    (input.left() == 0).then_some(value)
}

/// The bytes of `value`.
pub fn encode<T: Stored>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.put(&mut out);
    out
}

macro_rules! stored_int {
    ($($t:ty),*) => {$(
        impl Stored for $t {
            fn put(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn take(input: &mut Input<'_>) -> Option<Self> {
                let bytes = input.bytes(std::mem::size_of::<$t>())?;
                Some(<$t>::from_le_bytes(bytes.try_into().ok()?))
            }
        }
    )*};
}
stored_int!(u8, i8, u16, i16, u32, u64, u128);

impl Stored for usize {
    fn put(&self, out: &mut Vec<u8>) {
        (*self as u64).put(out);
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        usize::try_from(u64::take(input)?).ok()
    }
}

impl Stored for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        match u8::take(input)? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Stored for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_len(self.len(), out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        let n = input.take_len()?;
        let bytes = input.bytes(n)?;
        std::str::from_utf8(bytes).ok().map(str::to_owned)
    }
}

impl<T: Stored> Stored for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        match u8::take(input)? {
            0 => Some(None),
            1 => Some(Some(T::take(input)?)),
            _ => None,
        }
    }
}

impl<T: Stored> Stored for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_len(self.len(), out);
        for v in self {
            v.put(out);
        }
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        let n = input.take_len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::take(input)?);
        }
        Some(out)
    }
}

impl<K: Stored + Ord, V: Stored> Stored for BTreeMap<K, V> {
    fn put(&self, out: &mut Vec<u8>) {
        put_len(self.len(), out);
        for (k, v) in self {
            k.put(out);
            v.put(out);
        }
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        let n = input.take_len()?;
        let mut out = BTreeMap::new();
        for _ in 0..n {
            let k = K::take(input)?;
            out.insert(k, V::take(input)?);
        }
        // Keys written twice would make a map of fewer entries than the file had.
        (out.len() == n).then_some(out)
    }
}

impl<T: Stored> Stored for Arc<T> {
    fn put(&self, out: &mut Vec<u8>) {
        T::put(self, out);
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        T::take(input).map(Arc::new)
    }
}

impl<A: Stored, B: Stored> Stored for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        Some((A::take(input)?, B::take(input)?))
    }
}

impl<T: Stored, const N: usize> Stored for [T; N] {
    fn put(&self, out: &mut Vec<u8>) {
        for v in self {
            v.put(out);
        }
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        let mut items = Vec::with_capacity(N);
        for _ in 0..N {
            items.push(T::take(input)?);
        }
        items.try_into().ok()
    }
}

/// Implements [`Stored`] for a struct by its fields, in the order given: every field must be named
/// (the struct is taken apart and put together whole), so a new field cannot be forgotten.
macro_rules! stored_struct {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl $crate::codec::Stored for $name {
            fn put(&self, out: &mut Vec<u8>) {
                let $name { $($field),* } = self;
                $( $crate::codec::Stored::put($field, out); )*
            }
            fn take(input: &mut $crate::codec::Input<'_>) -> Option<Self> {
                // Fields are read in the order they are written here.
                Some($name { $($field: $crate::codec::Stored::take(input)?),* })
            }
        }
    };
}
pub(crate) use stored_struct;

/// Implements [`Stored`] for an enum of unit variants, each as the number given: every variant
/// must be named (the match is exhaustive), and a number read that names none is not a value.
macro_rules! stored_enum {
    ($name:ident { $($variant:ident = $n:literal),* $(,)? }) => {
        impl $crate::codec::Stored for $name {
            fn put(&self, out: &mut Vec<u8>) {
                let n: u8 = match self { $($name::$variant => $n),* };
                out.push(n);
            }
            fn take(input: &mut $crate::codec::Input<'_>) -> Option<Self> {
                match <u8 as $crate::codec::Stored>::take(input)? {
                    $($n => Some($name::$variant),)*
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use stored_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Sample {
        name: String,
        tags: Vec<String>,
        when: Option<u32>,
        marks: BTreeMap<String, (u8, bool)>,
    }
    stored_struct!(Sample {
        name,
        tags,
        when,
        marks
    });

    fn sample() -> Sample {
        Sample {
            name: "ana".into(),
            tags: vec!["a".into(), "bé".into()],
            when: Some(7),
            marks: [("x".to_owned(), (3, true))].into(),
        }
    }

    #[test]
    fn values_come_back_as_they_went() {
        let bytes = encode(&sample());
        assert_eq!(decode::<Sample>(&bytes), Some(sample()));
        assert_eq!(decode::<[u16; 3]>(&encode(&[1u16, 2, 3])), Some([1, 2, 3]));
    }

    #[test]
    fn bytes_cut_short_or_damaged_are_no_value() {
        let bytes = encode(&sample());
        for cut in 0..bytes.len() {
            assert_eq!(decode::<Sample>(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode::<Sample>(&longer), None, "a byte too many");
        // A length far past the end asks for nothing.
        let mut huge = Vec::new();
        u64::MAX.put(&mut huge);
        assert_eq!(decode::<Vec<u8>>(&huge), None);
        assert_eq!(decode::<bool>(&[2]), None);
        assert_eq!(decode::<Option<u8>>(&[5, 0]), None);
        // Not UTF-8.
        let mut bad = Vec::new();
        put_len(2, &mut bad);
        bad.extend_from_slice(&[0xff, 0xfe]);
        assert_eq!(decode::<String>(&bad), None);
    }
}
