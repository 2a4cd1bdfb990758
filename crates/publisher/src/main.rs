//! `portal-publisher`: see `portal_publisher::cli` for the commands.

use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: a publish allocates and frees
/// millions of small strings (every checked article's fields, every path of
/// the tree's manifest), and glibc spent about a third of an edit's CPU time
/// on it, more with its heaps limited to one per core to keep a full build's
/// peak down (ARCHITECTURE.md, "Scale": an unchanged publish of the 100,000
/// archive 5.8 to 6.2 s of CPU with glibc, 4.0 to 4.6 s with mimalloc).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the `mimalloc.h` that libmimalloc-sys builds
/// (v3; the crate names no constant for it). A test checks that this option
/// has that version's default (`options.c`: 1000 ms).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    give_freed_memory_back_at_once();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = portal_publisher::cli::run(
        &args,
        &mut std::io::BufReader::new(std::io::stdin()),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    ExitCode::from(code)
}

/// By default mimalloc keeps freed pages for a second before returning them;
/// the checked articles and each job's lists are dropped and made again
/// all through a build, so the delay raised the peak (the 100,000 archive's
/// unchanged publish: 0.85 GB with the delay, 0.74 GB without, the same CPU
/// time). `MIMALLOC_PURGE_DELAY` in the environment still decides.
fn give_freed_memory_back_at_once() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: sets one of the allocator's tunables; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_with_its_known_default() {
        // SAFETY: reads a tunable.
        let delay = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(
            delay, 1000,
            "mimalloc v3 options.c: purge_delay defaults to 1000 ms"
        );
    }
}
