//! The `redline` binary: a thin wrapper over the library's command line.

/// mimalloc instead of the system allocator: the suggestion pipeline makes many small, short-lived
/// allocations per document, and `redline batch` frees on one thread what another made.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    redline::cli::main()
}
