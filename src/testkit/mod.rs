//! Fixtures for tests, benchmarks and examples: the demo project builder ([`demo`]) and
//! deterministic synthetic projects ([`synth`], [`synth_team`]).
//!
//! They are not part of the library's public API: nothing in the application uses them, and
//! they would otherwise have to stay stable for users who only want to open, code and export
//! projects. So the module is compiled only for the library's own unit tests (`cfg(test)`) or
//! with the `testkit` feature, which the integration tests, benchmarks and examples get through
//! a dev-dependency of the crate on itself (see `Cargo.toml`). A release build of the binary
//! never has the feature.

pub mod demo;
pub mod synth;
pub mod synth_team;
