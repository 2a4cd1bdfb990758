//! Independent pieces of a build run side by side: each language's events,
//! sites, search index and news are made from the same checked content and
//! written to different paths, so the order they finish in changes nothing
//! in the tree. As many threads as cores; the first error stops the rest
//! from starting. Slices of a list are mapped the same way, with more
//! threads than cores where the work waits on reading files.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use crate::progress::Progress;

/// A named piece of work.
pub struct Job<'a> {
    pub name: String,
    pub run: Box<dyn FnOnce() -> Result<(), String> + Send + 'a>,
}

impl<'a> Job<'a> {
    pub fn new(
        name: impl Into<String>,
        run: impl FnOnce() -> Result<(), String> + Send + 'a,
    ) -> Self {
        Self {
            name: name.into(),
            run: Box::new(run),
        }
    }
}

/// Runs every job, `progress` counting them; the first error (in job order)
/// is the result.
pub fn run_all(jobs: Vec<Job<'_>>, progress: &Progress) -> Result<(), String> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, jobs.len().max(1));
    let count = jobs.len();
    let queue: Vec<Mutex<Option<Job<'_>>>> =
        jobs.into_iter().map(|job| Mutex::new(Some(job))).collect();
    let errors: Vec<Mutex<Option<String>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                if failed.load(Ordering::Relaxed) {
                    return;
                }
                let at = next.fetch_add(1, Ordering::Relaxed);
                let Some(slot) = queue.get(at) else {
                    return;
                };
                let Some(job) = slot.lock().ok().and_then(|mut job| job.take()) else {
                    continue;
                };
                let started = Instant::now();
                let result = (job.run)();
                progress.job_done(&job.name, started.elapsed());
                if let Err(error) = result {
                    failed.store(true, Ordering::Relaxed);
                    if let Ok(mut slot) = errors[at].lock() {
                        *slot = Some(error);
                    }
                }
            });
        }
    });
    match errors
        .into_iter()
        .find_map(|slot| slot.into_inner().ok().flatten())
    {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// `work` applied to contiguous slices of `items`, one per core, side by
/// side; the results in the slices' order, so joining them gives what one
/// pass over `items` would.
pub fn map_chunks<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    map_chunks_on(cores(), items, work)
}

/// Threads per core for work that reads files: a thread waiting on the
/// disk leaves its core to another, and the disk serves many requests at
/// once. With the content not in memory (the first build after a
/// checkout or a reboot), reading and checking 100,000 articles' content
/// took 90 s on one thread per core and 34 s on eight (17 s when it is
/// in memory, either way).
const READING_THREADS_PER_CORE: usize = 8;

/// Enough for any disk; more only costs stacks (but never fewer than the
/// cores).
const MAX_READING_THREADS: usize = 64;

/// [`map_chunks`] for work that mostly waits on reading files: more
/// slices than cores, each on its own thread.
pub fn map_chunks_reading<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let threads = (cores() * READING_THREADS_PER_CORE)
        .min(MAX_READING_THREADS)
        .max(cores());
    map_chunks_on(threads, items, work)
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn map_chunks_on<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    work: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 || items.len() < 2 {
        return vec![work(items)];
    }
    let size = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let running: Vec<_> = items
            .chunks(size)
            .map(|chunk| scope.spawn(move || work(chunk)))
            .collect();
        running
            .into_iter()
            .map(|thread| match thread.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_runs_and_the_first_error_is_reported() {
        let done = AtomicUsize::new(0);
        let jobs = (0..20)
            .map(|n| {
                let done = &done;
                Job::new(format!("job {n}"), move || {
                    done.fetch_add(1, Ordering::Relaxed);
                    Ok(())
                })
            })
            .collect();
        run_all(jobs, &Progress::hidden()).unwrap();
        assert_eq!(done.load(Ordering::Relaxed), 20);

        let jobs = vec![
            Job::new("fine", || Ok(())),
            Job::new("broken", || Err("job broke".to_string())),
        ];
        assert_eq!(
            run_all(jobs, &Progress::hidden()),
            Err("job broke".to_string())
        );
        assert_eq!(run_all(Vec::new(), &Progress::hidden()), Ok(()));
    }

    #[test]
    fn chunks_joined_are_one_pass() {
        let double = |chunk: &[usize]| chunk.iter().map(|n| n * 2).collect::<Vec<_>>();
        for len in [0, 1, 2, 3, 10, 101] {
            let items: Vec<usize> = (0..len).collect();
            let expected: Vec<usize> = items.iter().map(|n| n * 2).collect();
            let joined = |parts: Vec<Vec<usize>>| parts.into_iter().flatten().collect::<Vec<_>>();
            assert_eq!(joined(map_chunks(&items, double)), expected);
            assert_eq!(joined(map_chunks_reading(&items, double)), expected);
            // More threads than items, and one thread.
            for threads in [1, 3, 16, 200] {
                assert_eq!(joined(map_chunks_on(threads, &items, double)), expected);
            }
        }
    }
}
