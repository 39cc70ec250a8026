//! What the CLI's integration tests share.

use std::process::{Command, Output, Stdio};

/// Runs `smarthost` with `args` and a standard output whose reader is already gone, as
/// after `smarthost … | head` has read its lines: every write meets a closed pipe.
pub fn run_with_closed_stdout(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap_or_else(|e| panic!("pipe: {e}"));
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|child| child.wait_with_output())
        .unwrap_or_else(|e| panic!("running smarthost: {e}"))
}
