//! `jobunivers backup FILE` and `jobunivers restore FILE`, for the embedded
//! database. PostgreSQL is backed up with its own tools (docs/operations.md).
//!
//! A backup is SQLite's `VACUUM INTO`: a consistent copy made while the server
//! runs, in one transaction of reading, so it never holds half a change. A restore
//! checks the copy (that it is whole, and of this or an older version of
//! Jobunivers), puts it in place of the database and removes the search index,
//! which is rebuilt from the restored data at the next start.

use crate::config::Config;
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};

/// What to do on PostgreSQL instead.
const ON_POSTGRES: &str = "on PostgreSQL, back up and restore with pg_dump and pg_restore \
    (docs/operations.md); each node's index is rebuilt after a restore";

/// Copies the database to `to` (which must not exist yet). Returns its size.
pub async fn backup(config: &Config, to: &Path) -> anyhow::Result<u64> {
    let Some(_) = sqlite_file(config) else { bail!(ON_POSTGRES) };
    if to.exists() {
        bail!("{} exists already: a backup never overwrites a file", to.display());
    }
    let db = crate::serve::open_db(config).await?;
    let target = to.to_str().context("the backup's file name must be text")?;
    db.copy_into(target).await.with_context(|| format!("writing the backup to {}", to.display()))?;
    db.close().await;
    Ok(std::fs::metadata(to)?.len())
}

/// Puts the backup `from` in place of the database. Stop every server first.
pub async fn restore(config: &Config, from: &Path) -> anyhow::Result<()> {
    let Some(file) = sqlite_file(config) else { bail!(ON_POSTGRES) };
    let copy = app::ssr::db::Db::open_backup(from).await.with_context(|| format!("opening the backup {}", from.display()))?;
    let checked = copy.check_backup().await;
    copy.close().await;
    checked.with_context(|| format!("{} is not a whole Jobunivers backup", from.display()))?;
    // A temporary file beside the database, then a rename: the database is the old
    // one or the restored one, never half of either.
    let staged = file.with_extension("restoring");
    std::fs::copy(from, &staged).with_context(|| format!("copying {} to {}", from.display(), staged.display()))?;
    std::fs::File::open(&staged)?.sync_all()?;
    // The old database's write-ahead log belongs to it, not to the restored one.
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", file.display()));
        if side.exists() {
            std::fs::remove_file(&side).with_context(|| format!("removing {}", side.display()))?;
        }
    }
    std::fs::rename(&staged, &file).with_context(|| format!("putting the backup in place of {}", file.display()))?;
    let index = config.index_dir();
    if index.exists() {
        std::fs::remove_dir_all(&index).with_context(|| format!("removing the search index {}", index.display()))?;
    }
    // Brings an older backup up to this version's schema now, not at the next start.
    crate::serve::open_db(config).await?.close().await;
    Ok(())
}

/// The database file, when the database is SQLite.
fn sqlite_file(config: &Config) -> Option<PathBuf> {
    let url = config.database_url();
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    Some(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
}
