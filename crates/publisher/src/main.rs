//! `portal-publisher`: see `portal_publisher::cli` for the commands.

use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: a publish allocates and frees
/// millions of small strings (every checked article's fields, every path of
/// the tree's manifest), and glibc spent about a third of an edit's CPU time
/// on it, more with its heaps limited to one per core to keep a full build's
/// peak down (ARCHITECTURE.md, "Scale": an edit of the 100,000 archive 5.8 to
/// 6.2 s of CPU with glibc, 4.0 to 4.6 s with mimalloc; the full build's peak
/// within a few per cent).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = portal_publisher::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code)
}
