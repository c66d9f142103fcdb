//! Normcoder: hand-coding of governance texts against the Paris Call principles and actor types.
//!
//! The library is the whole program; the binary only starts the command line or the window. The
//! data model ([`model`]), the only way to change it ([`edit`]), an open project with its history
//! ([`session`]), project files on disk ([`store`]), document import ([`import`]), exports
//! ([`export`]), counts and agreement ([`analysis`]), several coders' files ([`team`]), whole
//! operations on project files that the command line and the window both run ([`workflow`]), the
//! headless command line ([`cli`]) and the window ([`ui`]), whose views read a context and return
//! commands that `ui::app` alone carries out. `ARCHITECTURE.md` draws who uses what.
//!
//! The fixtures of tests, benchmarks and examples (demo project builder, synthetic projects) are
//! in `testkit`, compiled only for tests or with the `testkit` feature.

pub mod analysis;
pub mod cli;
pub mod edit;
pub mod export;
pub mod import;
pub mod model;
pub mod session;
pub mod store;
pub mod team;
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;
pub mod ui;
pub mod workflow;
