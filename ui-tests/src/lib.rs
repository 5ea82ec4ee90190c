//! This crate holds only the trybuild cases under `fail/` and `pass/`.
