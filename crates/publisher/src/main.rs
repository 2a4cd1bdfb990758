//! `portal-publisher`: see `portal_publisher::cli` for the commands.

use std::process::ExitCode;

fn main() -> ExitCode {
    limit_malloc_arenas();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = portal_publisher::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code)
}

/// glibc gives each thread that allocates its own heap ("arena", up to
/// eight per core), and memory freed in one is not reused by another: the
/// languages' jobs each make and drop lists of 100,000 items, so their
/// arenas' high-water marks add up. One arena per core measured a quarter
/// less peak memory for the 10,000-article archive in proportion
/// (ARCHITECTURE.md, "Scale"; its CPU time within the noise of a shared
/// machine). `MALLOC_ARENA_MAX` in the environment still decides when set.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let arenas = libc::c_int::try_from(cores).unwrap_or(libc::c_int::MAX);
    // SAFETY: mallopt only sets a tunable of the allocator; it is called
    // before any other thread exists. A refusal (0) leaves glibc's default.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
