//! Changes on the bundled program.
