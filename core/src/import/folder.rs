//! Folders: every file underneath, in name order, hidden files and folders
//! left out; symbolic links to folders are not followed (they could loop).

use std::fs;
use std::path::{Path, PathBuf};

use super::detect;

/// How deep a folder tree is followed.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Default)]
pub struct Walk {
    /// Files of formats Clio imports.
    pub files: Vec<PathBuf>,
    /// Files and folders left out, with why.
    pub skipped: Vec<(String, String)>,
    /// Folders that could not be read, with what to do.
    pub problems: Vec<(String, String)>,
}

pub fn walk(root: &Path) -> Walk {
    let mut walk = Walk::default();
    visit(root, 0, &mut walk);
    walk
}

fn visit(dir: &Path, depth: usize, walk: &mut Walk) {
    let shown = dir.display().to_string();
    if depth > MAX_DEPTH {
        walk.skipped.push((
            shown,
            format!("skipped: folders nested deeper than {MAX_DEPTH} levels are not followed."),
        ));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            walk.problems.push((
                shown,
                format!("this folder could not be read ({e}); nothing in it was imported. Check that you may open it."),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(&path) else {
            walk.problems.push((
                path.display().to_string(),
                "could not be read; check that it exists and that you may read it.".into(),
            ));
            continue;
        };
        if meta.file_type().is_symlink() && path.is_dir() {
            walk.skipped.push((
                path.display().to_string(),
                "skipped: a link to a folder is not followed; import that folder itself.".into(),
            ));
        } else if meta.is_dir() {
            visit(&path, depth + 1, walk);
        } else if !meta.is_file() && !meta.file_type().is_symlink() {
            walk.skipped.push((
                path.display().to_string(),
                format!("skipped: it {}", super::decode::NOT_A_FILE),
            ));
        } else if detect::by_extension(&path).is_some() {
            walk.files.push(path);
        } else {
            walk.skipped
                .push((path.display().to_string(), detect::unknown_kind_note(&path)));
        }
    }
}
