//! A book: a checked program together with the `book.toml` it was read with. Loading returns one;
//! the model ([`Program`]) knows nothing of the configuration, and the layers that need both
//! (validation, rendering, the build) take a [`Book`] or a [`Config`] explicitly.

use std::ops::{Deref, DerefMut};

use crate::config::Config;
use crate::model::Program;

/// A checked program and its configuration.
#[derive(Debug)]
pub struct Book {
    /// `book.toml`.
    pub config: Config,
    /// The program read from `content/`.
    pub program: Program,
}

/// A book reads as its program: `book.pairs` is `book.program.pairs`.
impl Deref for Book {
    type Target = Program;

    fn deref(&self) -> &Program {
        &self.program
    }
}

impl DerefMut for Book {
    fn deref_mut(&mut self) -> &mut Program {
        &mut self.program
    }
}
