//! Stage 7: write the site without ever leaving a half-built one. Files go into a
//! temporary directory next to `--out` (same file system, so the final rename is
//! atomic), which then replaces `--out`. Any failure removes the temporary directory
//! and leaves an existing `--out` exactly as it was.

use super::error::{BuildError, SiteError};
use super::output::OutputFile;
use super::parallel::parallel_map;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Writes `files` into `out`, replacing whatever `out` held.
pub(crate) fn swap_into(out: &Path, files: &[OutputFile]) -> Result<(), BuildError> {
    let shown = out.display().to_string();
    let name = out
        .file_name()
        .ok_or_else(|| SiteError::file(&shown, "--out must name a directory, such as guide-site"))?
        .to_string_lossy()
        .into_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if out.exists() && !out.is_dir() {
        return Err(SiteError::file(&shown, "exists and is not a directory").into());
    }
    std::fs::create_dir_all(&parent).map_err(|e| {
        SiteError::file(&parent.display().to_string(), format!("cannot create: {e}"))
    })?;
    let pid = std::process::id();
    let temp = parent.join(format!(".{name}.tmp-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    // A leftover from a build that was killed half-way.
    let _ = std::fs::remove_dir_all(&temp);
    if let Err(error) = write_tree(&temp, files) {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(error);
    }
    let replacing = out.exists();
    if replacing {
        let _ = std::fs::remove_dir_all(&old);
        if let Err(e) = std::fs::rename(out, &old) {
            let _ = std::fs::remove_dir_all(&temp);
            return Err(SiteError::file(
                &shown,
                format!("cannot move the previous build aside: {e}"),
            )
            .into());
        }
    }
    if let Err(e) = std::fs::rename(&temp, out) {
        if replacing {
            // Put the previous build back; the new one is lost, the old one is intact.
            let _ = std::fs::rename(&old, out);
        }
        let _ = std::fs::remove_dir_all(&temp);
        return Err(
            SiteError::file(&shown, format!("cannot move the new build into place: {e}")).into(),
        );
    }
    if replacing {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(())
}

/// Writes every file under `root`, which must not exist yet.
pub(crate) fn write_tree(root: &Path, files: &[OutputFile]) -> Result<(), BuildError> {
    let dirs: BTreeSet<PathBuf> = std::iter::once(root.to_path_buf())
        .chain(
            files
                .iter()
                .filter_map(|f| Path::new(&f.path).parent().map(|p| root.join(p))),
        )
        .collect();
    for dir in &dirs {
        std::fs::create_dir_all(dir).map_err(|e| {
            SiteError::file(&dir.display().to_string(), format!("cannot create: {e}"))
        })?;
    }
    let results = parallel_map(files, |file| {
        let path = root.join(&file.path);
        std::fs::write(&path, &file.bytes)
            .map_err(|e| SiteError::file(&path.display().to_string(), format!("cannot write: {e}")))
    });
    BuildError::check(results.into_iter().filter_map(Result::err).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.to_owned(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("smarthost-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn replaces_the_previous_build_and_cleans_up() {
        let dir = scratch("replace");
        let out = dir.join("site");
        swap_into(&out, &[file("a.html", "1"), file("en/b.html", "2")])
            .unwrap_or_else(|e| panic!("{e}"));
        swap_into(&out, &[file("en/c.html", "3")]).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !out.join("a.html").exists(),
            "stale files go with the old build"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("en/c.html"))
                .ok()
                .as_deref(),
            Some("3")
        );
        let names: Vec<String> = std::fs::read_dir(&dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(names, ["site"], "no temporary directories are left");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_leaves_the_previous_build() {
        let dir = scratch("fail");
        let out = dir.join("site");
        swap_into(&out, &[file("index.html", "old")]).unwrap_or_else(|e| panic!("{e}"));
        // A file and a directory of the same name cannot both be written.
        let error = swap_into(&out, &[file("x", "file"), file("x/y.html", "dir")]);
        assert!(error.is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html"))
                .ok()
                .as_deref(),
            Some("old")
        );
        let count = std::fs::read_dir(&dir)
            .map(|d| d.count())
            .unwrap_or_default();
        assert_eq!(count, 1, "the temporary directory is removed");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn out_must_be_a_directory() {
        let dir = scratch("notdir");
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let out = dir.join("site");
        std::fs::write(&out, "a file").unwrap_or_else(|e| panic!("{e}"));
        let error = swap_into(&out, &[file("index.html", "x")])
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            error,
            Some(format!("{}: exists and is not a directory", out.display()))
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
