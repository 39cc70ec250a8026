//! Running child processes: echoing the command, checking status, and streaming output
//! while scanning it for test-runner summary lines.

use crate::summary::Tally;
use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader, PipeReader};
use std::process::{Child, Command, Stdio};

/// Runs a command with inherited output; fails with the command line on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<()> {
    println!("$ {}", display(cmd));
    let status = cmd
        .status()
        .with_context(|| format!("could not start `{}`", display(cmd)))?;
    if !status.success() {
        bail!("`{}` failed with {status}", display(cmd));
    }
    Ok(())
}

/// Runs a command and returns its standard output, or None when it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs a test runner, echoing its output (stdout and stderr merged line by line) and
/// adding the pass/fail counts it prints to `tally`. Returns whether it exited 0.
pub fn run_tallied(cmd: &mut Command, tally: &mut Tally) -> Result<bool> {
    println!("$ {}", display(cmd));
    let (mut child, reader) = spawn_merged(cmd)?;
    for line in BufReader::new(reader).lines() {
        let line = line.unwrap_or_default();
        println!("{line}");
        tally.scan(&line);
    }
    let status = child.wait().context("waiting for a test runner")?;
    Ok(status.success())
}

/// Starts `cmd` with its stdout and stderr merged into one pipe, for reading line by
/// line in the order the child wrote them.
pub fn spawn_merged(cmd: &mut Command) -> Result<(Child, PipeReader)> {
    let (reader, writer) = std::io::pipe().context("creating a pipe")?;
    let writer_err = writer.try_clone().context("cloning a pipe")?;
    let child = cmd
        .stdout(writer)
        .stderr(writer_err)
        .spawn()
        .with_context(|| format!("could not start `{}`", display(cmd)))?;
    // `cmd` still owns the parent's copies of the write ends; replacing them closes those
    // copies, so reading reaches end-of-file when the child exits.
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    Ok((child, reader))
}

pub fn display(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}
