//! The indexer: the only owner of an index's tantivy `IndexWriter`, one per index.
//!
//! It runs on its own thread (tantivy's writer and commits are blocking work) and
//! tails the database outbox by id. Changes are applied in batches and committed at
//! most every `commit_interval`, with the last applied outbox id stored in the
//! commit, so a restart continues where the index left off. It reads every outbox
//! row and applies those of its own entity (`Indexed::ENTITY`).

use super::{CommitPayload, Indexed, Opened};
use crate::error::AppError;
use crate::ssr::clock::Clock;
use crate::ssr::db::Db;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tantivy::{IndexWriter, TantivyDocument};
use tokio::runtime::Handle;
use tokio::sync::Notify;

#[derive(Clone, Debug)]
pub struct IndexerConfig {
    /// Least time between two commits; a burst of writes shares one commit.
    pub commit_interval: Duration,
    /// How often to look for changes written by other server nodes.
    pub poll_interval: Duration,
    /// Outbox rows read per batch.
    pub batch: i64,
    /// Memory for the writer's buffers.
    pub writer_heap_bytes: usize,
    /// Outbox rows older than this are deleted; an index further behind rebuilds.
    pub keep_outbox: chrono::Duration,
}

impl Default for IndexerConfig {
    fn default() -> Self {
        IndexerConfig {
            commit_interval: Duration::from_millis(500),
            poll_interval: Duration::from_secs(1),
            batch: 5_000,
            writer_heap_bytes: 64 * 1024 * 1024,
            keep_outbox: chrono::Duration::days(7),
        }
    }
}

#[derive(Default)]
struct Shared {
    ready: AtomicBool,
    stop: AtomicBool,
    applied: AtomicI64,
}

/// Controls the running indexer. Dropping it does not stop the thread; call `stop`.
pub struct IndexerHandle {
    wake: Arc<Notify>,
    shared: Arc<Shared>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl IndexerHandle {
    /// Tells the indexer there is something new in the outbox.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// True once the index has been built or caught up after start.
    pub fn is_ready(&self) -> bool {
        self.shared.ready.load(Ordering::Acquire)
    }

    /// The last outbox id that searchers can see.
    pub fn applied_outbox_id(&self) -> i64 {
        self.shared.applied.load(Ordering::Acquire)
    }

    /// Asks the thread to stop after its current batch, without waiting for it.
    pub fn request_stop(&self) {
        self.shared.stop.store(true, Ordering::Release);
        self.wake.notify_one();
    }

    /// Stops the thread after its current batch and waits for it.
    pub fn stop(&self) {
        self.request_stop();
        let thread = self.thread.lock().map(|mut t| t.take()).unwrap_or(None);
        if let Some(thread) = thread {
            let _ = thread.join();
        }
    }
}

/// Takes the index writer and starts the indexer thread. Fails at once if another
/// process holds the writer (a running server when `reindex` is called, say).
pub fn start<I: Indexed>(db: Db, index: I, opened: Opened, config: IndexerConfig, clock: Clock) -> Result<IndexerHandle, AppError> {
    let writer = open_writer(&index, &config)?;
    let rt = Handle::current();
    let wake = Arc::new(Notify::new());
    let shared = Arc::new(Shared::default());
    let mut worker = Worker { db, index, writer, rt, wake: wake.clone(), shared: shared.clone(), config, clock };
    let thread = std::thread::Builder::new()
        .name(format!("indexer-{}", I::ENTITY))
        .spawn(move || worker.run(opened))
        .map_err(|e| AppError::internal(format_args!("starting indexer thread: {e}")))?;
    Ok(IndexerHandle { wake, shared, thread: Mutex::new(Some(thread)) })
}

fn open_writer<I: Indexed>(index: &I, config: &IndexerConfig) -> Result<IndexWriter, AppError> {
    index.core().index.writer_with_num_threads(1, config.writer_heap_bytes).map_err(|e| match e {
        tantivy::TantivyError::LockFailure(..) => AppError::internal(format_args!(
            "the search index in {} is in use by another process (is a server running?)",
            index.core().dir().display()
        )),
        other => other.into(),
    })
}

/// Rebuilds the whole index from the database, reporting `(done, total)` as it goes.
/// For the `reindex` command; the server rebuilds by itself when it must.
pub async fn rebuild_now<I: Indexed>(db: Db, index: I, progress: impl FnMut(u64, u64) + Send + 'static) -> Result<RebuildStats, AppError> {
    let rt = Handle::current();
    tokio::task::spawn_blocking(move || {
        let config = IndexerConfig::default();
        let mut writer = open_writer(&index, &config)?;
        rebuild(&db, &index, &mut writer, &rt, progress)
    })
    .await
    .map_err(|e| AppError::internal(format_args!("reindex task: {e}")))?
}

/// Loads `rows` into a fresh index with `threads` writer threads, in one commit.
/// For bulk loads outside a running server (the benchmark); blocking.
pub fn bulk_load<I: Indexed>(
    index: &I,
    rows: impl IntoIterator<Item = I::Row>,
    threads: usize,
    heap_bytes: usize,
) -> Result<u64, AppError> {
    let mut writer: IndexWriter = index.core().index.writer_with_num_threads(threads.max(1), heap_bytes)?;
    writer.delete_all_documents()?;
    let mut n = 0;
    for row in rows {
        writer.add_document(index.document(&row))?;
        n += 1;
    }
    commit(&mut writer, index, 0)?;
    Ok(n)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RebuildStats {
    pub documents: u64,
    pub outbox_id: i64,
}

struct Worker<I> {
    db: Db,
    index: I,
    writer: IndexWriter,
    rt: Handle,
    wake: Arc<Notify>,
    shared: Arc<Shared>,
    config: IndexerConfig,
    clock: Clock,
}

impl<I: Indexed> Worker<I> {
    fn run(&mut self, opened: Opened) {
        let mut watermark = loop {
            match self.initial_watermark(opened) {
                Ok(w) => break w,
                Err(e) => {
                    tracing::warn!(index = I::ENTITY, "index start failed, retrying: {e}");
                    if self.pause(Duration::from_secs(2)) {
                        return;
                    }
                }
            }
        };
        self.shared.applied.store(watermark, Ordering::Release);
        let mut last_commit = Instant::now() - self.config.commit_interval;
        let mut last_prune = Instant::now();
        loop {
            if self.shared.stop.load(Ordering::Acquire) {
                break;
            }
            // Mark ready only after the first look at the outbox, so readiness means
            // "caught up", not merely "started".
            match self.apply_next_batch(watermark) {
                Ok(Some(next)) => {
                    watermark = next;
                    last_commit = Instant::now();
                    self.shared.applied.store(watermark, Ordering::Release);
                    self.shared.ready.store(true, Ordering::Release);
                    // Let the next burst gather, then go on at once if more is waiting.
                    if self.pause(self.config.commit_interval.saturating_sub(last_commit.elapsed())) {
                        break;
                    }
                }
                Ok(None) => {
                    self.shared.ready.store(true, Ordering::Release);
                    if last_prune.elapsed() > Duration::from_secs(3600) {
                        self.prune();
                        last_prune = Instant::now();
                    }
                    // The timer must be made inside the runtime, hence the async block.
                    let (wake, poll) = (self.wake.clone(), self.config.poll_interval);
                    let _ = self.rt.block_on(async move { tokio::time::timeout(poll, wake.notified()).await });
                    let since = last_commit.elapsed();
                    if since < self.config.commit_interval && self.pause(self.config.commit_interval - since) {
                        break;
                    }
                }
                Err(e) => {
                    tracing::warn!(index = I::ENTITY, "indexing failed, will retry: {e}");
                    let _ = self.writer.rollback();
                    if self.pause(Duration::from_secs(2)) {
                        break;
                    }
                }
            }
        }
        tracing::info!(index = I::ENTITY, watermark, "indexer stopped");
    }

    /// Sleeps, waking early on stop. True when asked to stop.
    fn pause(&self, d: Duration) -> bool {
        let deadline = Instant::now() + d;
        while Instant::now() < deadline {
            if self.shared.stop.load(Ordering::Acquire) {
                return true;
            }
            std::thread::sleep((deadline - Instant::now()).min(Duration::from_millis(50)));
        }
        self.shared.stop.load(Ordering::Acquire)
    }

    fn initial_watermark(&mut self, opened: Opened) -> Result<i64, AppError> {
        if let Opened::Current(payload) = opened {
            // Rows we never applied may have been pruned: then only a rebuild is safe.
            let oldest = self.rt.block_on(self.db.outbox_min_id())?;
            let gap = oldest.is_some_and(|min| min > payload.outbox_id + 1);
            // An index further on than the database has seen a database that was
            // since put back (a restored backup): it holds changes that are gone.
            let newest = self.rt.block_on(self.db.outbox_max_id())?;
            let ahead = newest > 0 && payload.outbox_id > newest;
            let why = if ahead {
                "search index is ahead of the database (restored from a backup?); rebuilding"
            } else if gap {
                "search index is older than the kept outbox; rebuilding"
            } else {
                tracing::info!(
                    index = I::ENTITY,
                    outbox_id = payload.outbox_id,
                    docs = self.index.core().num_docs(),
                    "search index opened"
                );
                return Ok(payload.outbox_id);
            };
            tracing::warn!(index = I::ENTITY, "{why}");
        } else {
            tracing::info!(index = I::ENTITY, "search index missing or of an older schema; rebuilding");
        }
        let started = Instant::now();
        let stats = rebuild(&self.db, &self.index, &mut self.writer, &self.rt, |_, _| {})?;
        tracing::info!(index = I::ENTITY, documents = stats.documents, ms = started.elapsed().as_millis() as u64, "search index rebuilt");
        Ok(stats.outbox_id)
    }

    /// Applies the next batch of outbox rows after `watermark`. `None` when there
    /// were none; else the new watermark, already committed and visible.
    fn apply_next_batch(&mut self, watermark: i64) -> Result<Option<i64>, AppError> {
        let rows = self.rt.block_on(self.db.outbox_after(watermark, self.config.batch))?;
        let Some(last) = rows.last().map(|r| r.id) else {
            return Ok(None);
        };
        let ids: Vec<i64> =
            rows.iter().filter(|r| r.entity == I::ENTITY).map(|r| r.entity_id).collect::<BTreeSet<_>>().into_iter().collect();
        let mut current = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            current.extend(self.rt.block_on(I::current(&self.db, chunk))?);
        }
        // Delete every touched id first, then add back the ones that still belong:
        // deletes only hit documents added before them.
        for id in &ids {
            self.writer.delete_term(self.index.id_term(*id));
        }
        for row in &current {
            self.writer.add_document(self.index.document(row))?;
        }
        commit(&mut self.writer, &self.index, last)?;
        tracing::debug!(changes = rows.len(), watermark = last, "index batch committed");
        Ok(Some(last))
    }

    fn prune(&self) {
        let before = self.clock.now() - self.config.keep_outbox;
        match self.rt.block_on(self.db.outbox_prune(before)) {
            Ok(n) if n > 0 => tracing::info!(rows = n, "old outbox rows pruned"),
            Ok(_) => {}
            Err(e) => tracing::warn!("outbox prune failed: {e}"),
        }
    }
}

fn commit<I: Indexed>(writer: &mut IndexWriter, index: &I, outbox_id: i64) -> Result<(), AppError> {
    let payload = CommitPayload { schema: I::VERSION, outbox_id };
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(&payload).map_err(|e| AppError::internal(format_args!("commit payload: {e}")))?);
    prepared.commit()?;
    index.core().reader.reload()?;
    Ok(())
}

fn rebuild<I: Indexed>(
    db: &Db,
    index: &I,
    writer: &mut IndexWriter,
    rt: &Handle,
    mut progress: impl FnMut(u64, u64),
) -> Result<RebuildStats, AppError> {
    // Read the watermark first: changes made during the scan are replayed after it,
    // and replaying a change is harmless because the indexer reloads current rows.
    let outbox_id = rt.block_on(db.outbox_max_id())?;
    let total = rt.block_on(I::count(db))?.max(0) as u64;
    writer.delete_all_documents()?;
    let mut after = 0;
    let mut done = 0u64;
    progress(0, total);
    loop {
        let rows = rt.block_on(I::all_after(db, after, 2_000))?;
        let Some(last) = rows.last() else { break };
        after = I::row_id(last);
        for row in &rows {
            let doc: TantivyDocument = index.document(row);
            writer.add_document(doc)?;
        }
        done += rows.len() as u64;
        progress(done, total.max(done));
    }
    commit(writer, index, outbox_id)?;
    Ok(RebuildStats { documents: done, outbox_id })
}
