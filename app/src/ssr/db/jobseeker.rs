//! The jobseeker's own data: profile and CV, joblog, availability, the 7-day
//! check and notifications. SQL only; rules live in `domain`.

use super::outbox::{self, with_outbox};
use super::{on_pool, Db, Quota};
use crate::domain::availability::Event;
use crate::domain::joblog::EntryData;
use crate::domain::jobseeker::CheckEventKind;
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct JobseekerRow {
    pub user_id: i64,
    pub registered_on: NaiveDate,
    pub cv: String,
    pub cv_complete: bool,
    pub cv_searchable: bool,
    pub check_due_on: NaiveDate,
    pub last_check_on: Option<NaiveDate>,
    pub reminded_for: Option<NaiveDate>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EntryRow {
    pub id: i64,
    pub kind: String,
    pub on_date: NaiveDate,
    pub employer: String,
    pub job_title: String,
    pub channel: Option<String>,
    pub status: String,
    pub notes: String,
    pub application_text: String,
    pub vacancy_id: Option<i64>,
    pub file_name: Option<String>,
    pub size: Option<i32>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AttachmentRow {
    pub file_name: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
struct EventRow {
    kind: String,
    from_on: NaiveDate,
    to_on: Option<NaiveDate>,
    hours: Option<i32>,
    created_at: DateTime<Utc>,
}

impl EventRow {
    fn event(&self) -> Option<Event> {
        Some(match self.kind.as_str() {
            "sick" => Event::Sick { from: self.from_on },
            "well" => Event::Well { on: self.from_on },
            "holiday" => Event::Holiday { from: self.from_on, to: self.to_on? },
            "hours" => Event::Hours { hours: u8::try_from(self.hours?).ok()?, from: self.from_on },
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub payload: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

/// What a missed check leads to, stored in one transaction.
#[derive(Clone, Debug)]
pub struct MissRecord {
    pub missed_on: NaiveDate,
    pub new_due: NaiveDate,
    /// Notification payload for the person.
    pub notice: String,
    /// (municipality, reason, detail) when a caseworker must look.
    pub escalation: Option<(Option<i32>, String, String)>,
}

const JOBSEEKER_COLUMNS: &str = "user_id, registered_on, cv, cv_complete, cv_searchable, check_due_on, last_check_on, reminded_for";

impl Db {
    /// Creates the jobseeker's profile if it does not exist yet.
    pub async fn ensure_jobseeker(&self, user_id: i64, registered_on: NaiveDate, check_due_on: NaiveDate) -> Result<(), AppError> {
        let sql = "INSERT INTO jobseekers (user_id, registered_on, check_due_on) VALUES ($1, $2, $3) \
                   ON CONFLICT (user_id) DO NOTHING";
        on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(registered_on).bind(check_due_on).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn jobseeker(&self, user_id: i64) -> Result<Option<JobseekerRow>, AppError> {
        let sql = format!("SELECT {JOBSEEKER_COLUMNS} FROM jobseekers WHERE user_id = $1");
        Ok(on_pool!(self, pool => sqlx::query_as::<_, JobseekerRow>(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_optional(pool).await)?)
    }

    pub async fn save_cv(&self, user_id: i64, cv_json: &str, complete: bool, searchable: bool, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "UPDATE jobseekers SET cv = $2, cv_complete = $3, cv_searchable = $4, cv_updated_at = $5 WHERE user_id = $1";
        with_outbox!(
            self,
            sqlx::query(sql).bind(user_id).bind(cv_json).bind(complete).bind(searchable).bind(now),
            outbox::CV,
            user_id,
            now
        )?;
        Ok(())
    }

    /// Only a change reaches the outbox (sickness reported twice changes nothing).
    pub async fn set_cv_searchable(&self, user_id: i64, searchable: bool, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "UPDATE jobseekers SET cv_searchable = $2 WHERE user_id = $1 AND cv_searchable <> $2";
        with_outbox!(self, sqlx::query(sql).bind(user_id).bind(searchable), outbox::CV, user_id, now)?;
        Ok(())
    }

    /// How many CVs employers may find (for tests and the dashboard).
    pub async fn count_searchable_cvs(&self) -> Result<i64, AppError> {
        let sql = "SELECT COUNT(*) FROM jobseekers WHERE cv_searchable";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await)?)
    }

    // Joblog

    /// Stores a joblog entry unless the person already keeps `max`; checked and
    /// written under a lock on the person.
    pub async fn insert_entry(&self, user_id: i64, e: &EntryData, now: DateTime<Utc>, max: u32) -> Result<Quota<i64>, AppError> {
        let lock = super::lock_user_sql(self);
        let sql = "INSERT INTO joblog_entries (user_id, kind, on_date, employer, job_title, channel, status, notes, \
                   application_text, vacancy_id, created_at, updated_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id";
        Ok(on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query(lock).bind(user_id).execute(&mut *tx).await?;
            let have = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM joblog_entries WHERE user_id = $1").bind(user_id).fetch_one(&mut *tx).await?;
            if have >= i64::from(max) {
                return Ok::<_, sqlx::Error>(Quota::Full);
            }
            let id = sqlx::query_scalar::<_, i64>(sql)
                .bind(user_id).bind(e.kind.code()).bind(e.date).bind(&e.employer).bind(&e.job_title)
                .bind(e.channel.map(|c| c.code())).bind(e.status.code()).bind(&e.notes).bind(&e.application_text)
                .bind(e.vacancy_id).bind(now)
                .fetch_one(&mut *tx).await?;
            tx.commit().await?;
            Ok(Quota::Stored(id))
        }.await)?)
    }

    /// Updates one of the person's own entries; `false` when there is no such entry of theirs.
    pub async fn update_entry(&self, user_id: i64, id: i64, e: &EntryData, now: DateTime<Utc>) -> Result<bool, AppError> {
        let sql = "UPDATE joblog_entries SET kind = $3, on_date = $4, employer = $5, job_title = $6, channel = $7, \
                   status = $8, notes = $9, application_text = $10, updated_at = $11 WHERE id = $1 AND user_id = $2";
        let n = on_pool!(self, pool => sqlx::query(sql)
            .bind(id).bind(user_id).bind(e.kind.code()).bind(e.date).bind(&e.employer).bind(&e.job_title)
            .bind(e.channel.map(|c| c.code())).bind(e.status.code()).bind(&e.notes).bind(&e.application_text).bind(now)
            .execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn delete_entry(&self, user_id: i64, id: i64) -> Result<bool, AppError> {
        let sql = "DELETE FROM joblog_entries WHERE id = $1 AND user_id = $2";
        let n = on_pool!(self, pool => sqlx::query(sql).bind(id).bind(user_id).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// The person's entries, newest first, with attachment names (not contents).
    pub async fn entries(&self, user_id: i64) -> Result<Vec<EntryRow>, AppError> {
        let sql = "SELECT e.id, e.kind, e.on_date, e.employer, e.job_title, e.channel, e.status, e.notes, e.application_text, \
                   e.vacancy_id, a.file_name, a.size FROM joblog_entries e LEFT JOIN joblog_attachments a ON a.entry_id = e.id \
                   WHERE e.user_id = $1 ORDER BY e.on_date DESC, e.id DESC";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, EntryRow>(sql).bind(user_id).fetch_all(pool).await)?)
    }

    /// Stores or replaces the file attached to one of the person's own entries,
    /// unless their files together would pass `max_bytes`; checked and written
    /// under a lock on the person.
    pub async fn put_attachment(
        &self,
        user_id: i64,
        entry_id: i64,
        file_name: &str,
        content_type: &str,
        content: &[u8],
        max_bytes: u64,
    ) -> Result<Quota<()>, AppError> {
        let size = i32::try_from(content.len()).map_err(|_| AppError::BadRequest)?;
        let lock = super::lock_user_sql(self);
        let others = "SELECT COALESCE(SUM(a.size), 0) FROM joblog_attachments a JOIN joblog_entries e ON e.id = a.entry_id \
                      WHERE e.user_id = $1 AND a.entry_id <> $2";
        Ok(on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query(lock).bind(user_id).execute(&mut *tx).await?;
            let owned = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM joblog_entries WHERE id = $1 AND user_id = $2")
                .bind(entry_id).bind(user_id).fetch_one(&mut *tx).await?;
            if owned != 1 {
                return Ok::<_, sqlx::Error>(Quota::NotFound);
            }
            let stored = sqlx::query_scalar::<_, i64>(others).bind(user_id).bind(entry_id).fetch_one(&mut *tx).await?;
            let total = u64::try_from(stored).unwrap_or(u64::MAX).saturating_add(content.len() as u64);
            if total > max_bytes {
                return Ok(Quota::Full);
            }
            sqlx::query("DELETE FROM joblog_attachments WHERE entry_id = $1").bind(entry_id).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO joblog_attachments (entry_id, file_name, content_type, size, content) VALUES ($1, $2, $3, $4, $5)")
                .bind(entry_id).bind(file_name).bind(content_type).bind(size).bind(content).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(Quota::Stored(()))
        }.await)?)
    }

    pub async fn attachment(&self, user_id: i64, entry_id: i64) -> Result<Option<AttachmentRow>, AppError> {
        let sql = "SELECT a.file_name, a.content_type, a.content FROM joblog_attachments a \
                   JOIN joblog_entries e ON e.id = a.entry_id WHERE a.entry_id = $1 AND e.user_id = $2";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, AttachmentRow>(sql).bind(entry_id).bind(user_id).fetch_optional(pool).await)?)
    }

    // Availability

    pub async fn insert_availability(&self, user_id: i64, e: &Event, now: DateTime<Utc>) -> Result<(), AppError> {
        let (from, to, hours) = match *e {
            Event::Sick { from } => (from, None, None),
            Event::Well { on } => (on, None, None),
            Event::Holiday { from, to } => (from, Some(to), None),
            Event::Hours { hours, from } => (from, None, Some(i32::from(hours))),
        };
        let sql = "INSERT INTO availability_events (user_id, kind, from_on, to_on, hours, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
        on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(e.kind()).bind(from).bind(to).bind(hours).bind(now)
            .execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// The person's availability history, oldest first.
    pub async fn availability(&self, user_id: i64) -> Result<Vec<(DateTime<Utc>, Event)>, AppError> {
        let sql = "SELECT kind, from_on, to_on, hours, created_at FROM availability_events WHERE user_id = $1 ORDER BY id";
        let rows = on_pool!(self, pool => sqlx::query_as::<_, EventRow>(sql).bind(user_id).fetch_all(pool).await)?;
        Ok(rows.iter().filter_map(|r| Some((r.created_at, r.event()?))).collect())
    }

    // The 7-day check

    pub async fn set_check_due(&self, user_id: i64, due: NaiveDate) -> Result<(), AppError> {
        let sql = "UPDATE jobseekers SET check_due_on = $2 WHERE user_id = $1";
        on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(due).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn confirm_check(&self, user_id: i64, on: NaiveDate, next_due: NaiveDate, now: DateTime<Utc>) -> Result<(), AppError> {
        on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE jobseekers SET last_check_on = $2, check_due_on = $3 WHERE user_id = $1")
                .bind(user_id).bind(on).bind(next_due).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO check_events (user_id, kind, on_date, created_at) VALUES ($1, $2, $3, $4)")
                .bind(user_id).bind(CheckEventKind::Confirmed.code()).bind(on).bind(now).execute(&mut *tx).await?;
            tx.commit().await
        }.await)?;
        Ok(())
    }

    /// Records a missed check: the miss, the new deadline, the notification, and
    /// the escalation if any, together or not at all. `false` when the deadline had
    /// already moved (another sweep got there first).
    pub async fn record_miss(&self, user_id: i64, m: &MissRecord, now: DateTime<Utc>) -> Result<bool, AppError> {
        let done = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let moved = sqlx::query("UPDATE jobseekers SET check_due_on = $3 WHERE user_id = $1 AND check_due_on = $2")
                .bind(user_id).bind(m.missed_on).bind(m.new_due).execute(&mut *tx).await?.rows_affected();
            if moved == 1 {
                sqlx::query("INSERT INTO check_events (user_id, kind, on_date, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(user_id).bind(CheckEventKind::Missed.code()).bind(m.missed_on).bind(now).execute(&mut *tx).await?;
                sqlx::query("INSERT INTO notifications (user_id, payload, created_at) VALUES ($1, $2, $3)")
                    .bind(user_id).bind(&m.notice).bind(now).execute(&mut *tx).await?;
                if let Some((municipality, reason, detail)) = &m.escalation {
                    sqlx::query("INSERT INTO check_events (user_id, kind, on_date, created_at) VALUES ($1, $2, $3, $4)")
                        .bind(user_id).bind(CheckEventKind::Escalated.code()).bind(m.missed_on).bind(now).execute(&mut *tx).await?;
                    sqlx::query("INSERT INTO escalations (user_id, municipality_code, reason, detail, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
                        .bind(user_id).bind(municipality).bind(reason).bind(detail).bind(now).execute(&mut *tx).await?;
                }
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(moved == 1)
        }.await)?;
        Ok(done)
    }

    /// Notes that the reminder for `due` was sent, with its notification.
    pub async fn record_reminder(&self, user_id: i64, due: NaiveDate, notice: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let n = sqlx::query("UPDATE jobseekers SET reminded_for = $2 WHERE user_id = $1 AND (reminded_for IS NULL OR reminded_for <> $2)")
                .bind(user_id).bind(due).execute(&mut *tx).await?.rows_affected();
            if n == 1 {
                sqlx::query("INSERT INTO notifications (user_id, payload, created_at) VALUES ($1, $2, $3)")
                    .bind(user_id).bind(notice).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await
        }.await)?;
        Ok(())
    }

    /// The person's check history, newest first.
    pub async fn check_events(&self, user_id: i64) -> Result<Vec<(NaiveDate, CheckEventKind)>, AppError> {
        let sql = "SELECT on_date, kind FROM check_events WHERE user_id = $1 ORDER BY on_date DESC, id DESC";
        let rows = on_pool!(self, pool => sqlx::query_as::<_, (NaiveDate, String)>(sql).bind(user_id).fetch_all(pool).await)?;
        Ok(rows.into_iter().filter_map(|(d, k)| Some((d, CheckEventKind::parse(&k)?))).collect())
    }

    /// Jobseekers whose check is due on or before `by` (the sweep's work list).
    /// Keyset-paged by user id: pass the last id of the previous page as `after`.
    pub async fn checks_due_by(&self, by: NaiveDate, after: i64, limit: i64) -> Result<Vec<i64>, AppError> {
        let sql = "SELECT user_id FROM jobseekers WHERE check_due_on <= $1 AND user_id > $2 ORDER BY user_id LIMIT $3";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).bind(by).bind(after).bind(limit).fetch_all(pool).await)?)
    }

    // Notifications and escalations

    pub async fn insert_notification(&self, user_id: i64, payload: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "INSERT INTO notifications (user_id, payload, created_at) VALUES ($1, $2, $3)";
        on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(payload).bind(now).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn notifications(&self, user_id: i64, limit: i64) -> Result<Vec<NotificationRow>, AppError> {
        let sql = "SELECT id, payload, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT $2";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, NotificationRow>(sql).bind(user_id).bind(limit).fetch_all(pool).await)?)
    }

    pub async fn mark_notifications_read(&self, user_id: i64, now: DateTime<Utc>) -> Result<u64, AppError> {
        let sql = "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL";
        Ok(on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(now).execute(pool).await.map(|r| r.rows_affected()))?)
    }
}
