//! Random sequences of changes.
