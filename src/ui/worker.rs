//! Slow work off the frame: one helper for every background job of the window (import, export,
//! REFI-QDA import, merge, the bootstrap of α).
//!
//! A [`Job`] runs a closure on a named thread. The closure gets a [`Reporter`] to send progress
//! (each report asks egui for a repaint, so a progress bar moves without input) and to see
//! whether the user cancelled. The frame calls [`Job::poll`]: `None` while the work runs, then
//! its result once. A closure that panics ends as [`WorkerError::Stopped`], never as a hang.
//! `clippy.toml` forbids spawning threads anywhere else in the window.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::Duration;

use egui::Context;

/// How often a running job's frame looks again when nothing was reported.
const POLL: Duration = Duration::from_millis(50);

/// Why a job gave no result.
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error("could not start {name}: {source}")]
    Spawn {
        name: &'static str,
        source: std::io::Error,
    },
    #[error("{0} stopped unexpectedly")]
    Stopped(&'static str),
}

/// What the work sends to the frame.
enum Message<T, P> {
    Progress(P),
    Done(T),
}

/// The work's side: progress reports and the cancel flag.
pub struct Reporter<P> {
    send: Box<dyn Fn(P) + Send>,
    cancel: Arc<AtomicBool>,
}

impl<P> Reporter<P> {
    /// Tells the frame how far the work is (and asks for a repaint).
    pub fn report(&self, progress: P) {
        (self.send)(progress);
    }

    /// Whether the user asked to stop.
    #[must_use]
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

impl<P> std::fmt::Debug for Reporter<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reporter")
            .field("cancelled", &self.cancelled())
            .finish_non_exhaustive()
    }
}

/// A piece of work running on its own thread.
pub struct Job<T, P = ()> {
    name: &'static str,
    rx: Receiver<Message<T, P>>,
    cancel: Arc<AtomicBool>,
    progress: Option<P>,
    ctx: Context,
}

impl<T, P> std::fmt::Debug for Job<T, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("name", &self.name)
            .field("cancelled", &self.cancel.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static, P: Send + 'static> Job<T, P> {
    /// Starts `work` on a thread named `normcoder-{name}`.
    pub fn spawn(
        name: &'static str,
        ctx: &Context,
        work: impl FnOnce(&Reporter<P>) -> T + Send + 'static,
    ) -> Result<Self, WorkerError> {
        let (tx, rx) = mpsc::channel::<Message<T, P>>();
        let cancel = Arc::new(AtomicBool::new(false));
        let reporter = {
            let tx: Sender<Message<T, P>> = tx.clone();
            let ctx = ctx.clone();
            Reporter {
                send: Box::new(move |p| {
                    // The frame may have dropped the job (project closed): nobody to tell.
                    let _ = tx.send(Message::Progress(p));
                    ctx.request_repaint();
                }),
                cancel: Arc::clone(&cancel),
            }
        };
        let repaint = ctx.clone();
        #[expect(
            clippy::disallowed_methods,
            reason = "this is the one place the window starts threads"
        )]
        std::thread::Builder::new()
            .name(format!("normcoder-{name}"))
            .spawn(move || {
                let result = work(&reporter);
                let _ = tx.send(Message::Done(result));
                repaint.request_repaint();
            })
            .map_err(|source| WorkerError::Spawn { name, source })?;
        Ok(Self {
            name,
            rx,
            cancel,
            progress: None,
            ctx: ctx.clone(),
        })
    }

    /// The result once the work is done (`None` while it runs); takes the latest progress.
    pub fn poll(&mut self) -> Option<Result<T, WorkerError>> {
        loop {
            match self.rx.try_recv() {
                Ok(Message::Progress(p)) => self.progress = Some(p),
                Ok(Message::Done(result)) => return Some(Ok(result)),
                Err(TryRecvError::Empty) => {
                    self.ctx.request_repaint_after(POLL);
                    return None;
                }
                Err(TryRecvError::Disconnected) => {
                    return Some(Err(WorkerError::Stopped(self.name)));
                }
            }
        }
    }

    /// Asks the work to stop; it sees [`Reporter::cancelled`] and ends early.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether [`cancel`](Self::cancel) was called.
    #[must_use]
    pub fn cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The latest progress report.
    #[must_use]
    pub fn progress(&self) -> Option<&P> {
        self.progress.as_ref()
    }
}

impl<T, P> Drop for Job<T, P> {
    /// A dropped job (project closed, a newer request) stops at its next check.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::{Job, WorkerError};

    fn wait<T: Send + 'static, P: Send + 'static>(job: &mut Job<T, P>) -> Result<T, WorkerError> {
        for _ in 0..500 {
            if let Some(done) = job.poll() {
                return done;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the job did not finish");
    }

    #[test]
    fn result_and_progress_come_back() {
        let ctx = egui::Context::default();
        let mut job = Job::spawn("test", &ctx, |r| {
            r.report(1_usize);
            r.report(2);
            40 + 2
        })
        .expect("spawn");
        assert_eq!(wait(&mut job).expect("result"), 42);
        assert_eq!(job.progress(), Some(&2));
    }

    #[test]
    fn cancel_is_seen_by_the_work() {
        let ctx = egui::Context::default();
        let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
        let mut job: Job<bool> = Job::spawn("test", &ctx, move |r| {
            let _ = go_rx.recv();
            r.cancelled()
        })
        .expect("spawn");
        job.cancel();
        assert!(job.cancelling());
        go_tx.send(()).expect("send");
        assert!(wait(&mut job).expect("result"));
    }

    #[test]
    fn a_panic_is_an_error_not_a_hang() {
        let ctx = egui::Context::default();
        let mut job: Job<()> = Job::spawn("test", &ctx, |_| panic!("boom")).expect("spawn");
        assert!(matches!(wait(&mut job), Err(WorkerError::Stopped("test"))));
    }
}
