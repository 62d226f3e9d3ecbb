//! The `redline` binary: a thin wrapper over the library's command line.

fn main() -> std::process::ExitCode {
    redline::cli::main()
}
