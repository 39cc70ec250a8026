//! Stage 7: write the site without ever leaving a half-built one. Files go into a
//! temporary directory next to `--out` (same file system, so the final rename is
//! atomic) as soon as each is ready ([`Staging::write`], from any thread); only when the
//! whole site is written and checked does it replace `--out` ([`Staging::swap`]). Any
//! failure, or a [`Staging`] dropped without a swap, removes the temporary directory
//! (and any parent directory it had to create) and leaves an existing `--out` exactly
//! as it was.
//!
//! A rebuild writes only what changed: a file whose bytes are those of the same file in
//! the previous build becomes a hard link to it. Creating thousands of new inodes (and
//! freeing as many with the old build) is most of a rebuild's time on ext4, while the
//! comparison reads files the page cache usually holds. The previous build is never
//! written to, so it stays intact until the swap; where links cannot be made (another
//! file system, one without hard links), the file is written as usual.

use super::error::{BuildError, SiteError};
use super::output::OutputFile;
use std::path::{Path, PathBuf};

/// The temporary directory a build writes into, swapped into `--out` at the end.
#[derive(Debug)]
pub(crate) struct Staging {
    out: PathBuf,
    /// `--out` as shown in errors.
    shown: String,
    temp: PathBuf,
    old: PathBuf,
    /// The previous build, whose unchanged files are linked instead of written.
    previous: Option<PathBuf>,
    /// Parent directories of `--out` this build created, deepest first: removed again
    /// (while empty) if the build fails.
    created: Vec<PathBuf>,
    swapped: bool,
}

impl Staging {
    /// Checks `out` and creates the empty temporary directory next to it.
    pub(crate) fn prepare(out: &Path) -> Result<Staging, BuildError> {
        let shown = out.display().to_string();
        let name = out
            .file_name()
            .ok_or_else(|| {
                SiteError::file(&shown, "--out must name a directory, such as guide-site")
            })?
            .to_string_lossy()
            .into_owned();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if out.exists() && !out.is_dir() {
            return Err(SiteError::file(&shown, "exists and is not a directory").into());
        }
        let created: Vec<PathBuf> = parent
            .ancestors()
            .take_while(|dir| !dir.as_os_str().is_empty() && !dir.exists())
            .map(Path::to_path_buf)
            .collect();
        std::fs::create_dir_all(&parent).map_err(|e| {
            SiteError::file(&parent.display().to_string(), format!("cannot create: {e}"))
        })?;
        let pid = std::process::id();
        let staging = Staging {
            out: out.to_path_buf(),
            shown,
            temp: parent.join(format!(".{name}.tmp-{pid}")),
            old: parent.join(format!(".{name}.old-{pid}")),
            previous: out.is_dir().then(|| out.to_path_buf()),
            created,
            swapped: false,
        };
        // A leftover from a build that was killed half-way.
        let _ = std::fs::remove_dir_all(&staging.temp);
        if let Err(e) = std::fs::create_dir(&staging.temp) {
            let shown = staging.temp.display().to_string();
            return Err(SiteError::file(&shown, format!("cannot create: {e}")).into());
        }
        Ok(staging)
    }

    /// Writes `files` into the temporary directory, creating their directories as
    /// needed; every file that could not be written is an error.
    pub(crate) fn write(&self, files: &[OutputFile]) -> Vec<SiteError> {
        files
            .iter()
            .filter_map(|file| self.write_file(file).err())
            .collect()
    }

    fn write_file(&self, file: &OutputFile) -> Result<(), SiteError> {
        let path = self.temp.join(&file.path);
        match self.place(file, &path) {
            Ok(()) => Ok(()),
            // Most files go into a directory made for an earlier one; make it only when
            // it is missing.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        SiteError::file(&dir.display().to_string(), format!("cannot create: {e}"))
                    })?;
                }
                self.place(file, &path).map_err(|e| cannot_write(&path, e))
            }
            Err(e) => Err(cannot_write(&path, e)),
        }
    }

    /// Links `file` from the previous build when it is unchanged there, else writes it.
    fn place(&self, file: &OutputFile, path: &Path) -> std::io::Result<()> {
        if let Some(old) = self.unchanged(file) {
            match std::fs::hard_link(&old, path) {
                Ok(()) => return Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(e),
                // No links here: write it.
                Err(_) => {}
            }
        }
        std::fs::write(path, &file.bytes)
    }

    /// The previous build's copy of `file`, when it is a plain file with the same bytes.
    fn unchanged(&self, file: &OutputFile) -> Option<PathBuf> {
        let old = self.previous.as_ref()?.join(&file.path);
        let meta = std::fs::symlink_metadata(&old).ok()?;
        if !meta.is_file() || meta.len() != file.bytes.len() as u64 {
            return None;
        }
        let bytes = std::fs::read(&old).ok()?;
        (bytes == file.bytes).then_some(old)
    }

    /// Replaces `--out` with the temporary directory.
    pub(crate) fn swap(mut self) -> Result<(), BuildError> {
        let (out, old, shown) = (&self.out, &self.old, &self.shown);
        let replacing = out.exists();
        if replacing {
            let _ = std::fs::remove_dir_all(old);
            if let Err(e) = std::fs::rename(out, old) {
                return Err(SiteError::file(
                    shown,
                    format!("cannot move the previous build aside: {e}"),
                )
                .into());
            }
        }
        if let Err(e) = std::fs::rename(&self.temp, out) {
            if replacing {
                // Put the previous build back; the new one is lost, the old one is intact.
                let _ = std::fs::rename(old, out);
            }
            return Err(SiteError::file(
                shown,
                format!("cannot move the new build into place: {e}"),
            )
            .into());
        }
        self.swapped = true;
        if replacing {
            let _ = std::fs::remove_dir_all(old);
        }
        Ok(())
    }
}

fn cannot_write(path: &Path, e: std::io::Error) -> SiteError {
    SiteError::file(&path.display().to_string(), format!("cannot write: {e}"))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.swapped {
            return;
        }
        let _ = std::fs::remove_dir_all(&self.temp);
        // Only while empty: whatever else is there now is not this build's.
        for dir in &self.created {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Writes `files` into `out`, replacing whatever `out` held.
#[cfg(test)]
pub(crate) fn swap_into(out: &Path, files: &[OutputFile]) -> Result<(), BuildError> {
    let staging = Staging::prepare(out)?;
    BuildError::check(staging.write(files))?;
    staging.swap()
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
