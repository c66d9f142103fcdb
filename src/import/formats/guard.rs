//! Running a third-party parser that might panic or never finish.
//!
//! PDF parsers meet every kind of broken file; `pdf-extract` in particular `unwrap`s inside. The
//! parse runs on its own thread: a panic there is caught (`catch_unwind`) and becomes an error,
//! and if it has not finished after the time limit the import gives up with an error. A thread
//! cannot be killed, so a runaway parse keeps its core until it ends on its own; the user gets
//! an answer either way and nothing reaches the project.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;

use super::FormatError;

/// Stack for the parser's thread: generous, because parsers recurse on nested objects.
const STACK_BYTES: usize = 64 * 1024 * 1024;

/// Runs `job` on a worker thread; a panic or a run longer than `limit` becomes an error.
pub fn run_guarded<T, F>(what: &'static str, limit: Duration, job: F) -> Result<T, FormatError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, FormatError> + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    #[expect(
        clippy::disallowed_methods,
        reason = "a time-limited guard around a third-party parser, not window work"
    )]
    let spawned = std::thread::Builder::new()
        .name(format!("normcoder-{what}"))
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(job));
            let _ = tx.send(result);
        });
    if let Err(e) = spawned {
        return Err(FormatError::malformed(
            what,
            format!("could not start the reader: {e}"),
        ));
    }
    match rx.recv_timeout(limit) {
        Ok(Ok(result)) => result,
        Ok(Err(panic)) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(ToString::to_string)
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown failure".to_owned());
            Err(FormatError::malformed(
                what,
                format!("the {what} reader failed on this file ({msg})"),
            ))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(FormatError::Limit(format!(
            "reading this {what} took longer than {} s",
            limit.as_secs()
        ))),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(FormatError::malformed(
            what,
            "the reader stopped without an answer",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error() {
        let r: Result<(), _> = run_guarded("PDF", Duration::from_secs(5), || {
            panic!("boom");
        });
        let e = r.expect_err("panic");
        assert!(e.to_string().contains("boom"), "{e}");
    }

    #[test]
    fn a_runaway_job_times_out() {
        let r: Result<(), _> = run_guarded("PDF", Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(2));
            Ok(())
        });
        assert!(matches!(r, Err(FormatError::Limit(_))));
    }

    #[test]
    fn a_result_comes_back() {
        assert_eq!(
            run_guarded("PDF", Duration::from_secs(5), || Ok(7)).expect("ok"),
            7
        );
    }
}
