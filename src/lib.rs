//! Normcoder: hand-coding of governance texts against the Paris Call principles and actor types.
//!
//! The library holds everything but the window: the data model ([`model`]), the only way to change
//! it ([`edit`]), an open project with its history ([`session`]), project files on disk
//! ([`store`]), document import ([`import`]), several coders' files ([`team`]), whole operations on
//! project files that the command line and the window both run ([`workflow`]) and the headless
//! command line ([`cli`]). The arrows point down: `cli` → `session` → `edit`/`store`/`import` →
//! `model`, with `workflow` between `cli` and `store`/`import`/`team`.
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
