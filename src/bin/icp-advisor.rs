//! The `icp-advisor` command-line tool; see `src/cli/`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    icp_advisor::cli::main()
}

/// The CLI is native only; on wasm32 this binary does nothing (so `cargo test` for wasm builds).
#[cfg(target_arch = "wasm32")]
fn main() {}
