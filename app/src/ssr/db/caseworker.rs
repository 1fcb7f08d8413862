//! The jobcentre's side: escalations and their queue, the citizen's track,
//! messages, meetings, journal notes, and leases for cluster-wide jobs. SQL only;
//! rules live in `domain::escalation` and `domain::contact`.

use super::{on_pool, Db};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EscalationRow {
    pub id: i64,
    pub user_id: i64,
    pub municipality_code: Option<i32>,
    pub reason: String,
    pub detail: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub due_on: Option<NaiveDate>,
    pub closed_at: Option<DateTime<Utc>>,
    pub resolution: String,
}

/// An open escalation with the names the queue shows.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueueRow {
    pub id: i64,
    pub user_id: i64,
    pub citizen_name: String,
    pub reason: String,
    pub detail: String,
    pub created_at: DateTime<Utc>,
    pub due_on: Option<NaiveDate>,
    pub assigned_to: Option<i64>,
    pub assigned_name: Option<String>,
    /// The citizen's messages the jobcentre has not read.
    pub unread: i64,
}

/// A citizen on self-service, as the escalation scan starts from.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ScanRow {
    pub user_id: i64,
    pub municipality_code: Option<i32>,
    pub registered_on: NaiveDate,
    pub cv_complete: bool,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub from_citizen: bool,
    pub author: Option<String>,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MeetingRow {
    pub id: i64,
    pub kind: String,
    pub starts_at: NaiveDateTime,
    pub place: String,
    pub status: String,
    pub caseworker: Option<String>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct NoteRow {
    pub created_at: DateTime<Utc>,
    pub author: Option<String>,
    pub body: String,
}

/// Counts for the dashboard.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// (track, citizens)
    pub tracks: Vec<(String, i64)>,
    /// (reason, created_at) of open escalations.
    pub open: Vec<(String, DateTime<Utc>)>,
    /// (created_at, closed_at) of closed escalations.
    pub closed: Vec<(DateTime<Utc>, DateTime<Utc>)>,
}

const ESCALATION_COLUMNS: &str = "id, user_id, municipality_code, reason, detail, status, created_at, due_on, closed_at, resolution";

impl Db {
    // Escalations

    /// Raises an escalation with its notification to the citizen, unless one with
    /// the same reason is open already. `Some(id)` when raised.
    pub async fn raise_escalation(
        &self,
        user_id: i64,
        municipality: Option<i32>,
        (reason, detail): (&str, &str),
        due_on: NaiveDate,
        notice: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, AppError> {
        let id = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let id = sqlx::query_scalar::<_, i64>(
                "INSERT INTO escalations (user_id, municipality_code, reason, detail, due_on, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
            )
            .bind(user_id).bind(municipality).bind(reason).bind(detail).bind(due_on).bind(now)
            .fetch_optional(&mut *tx).await?;
            if id.is_some() {
                sqlx::query("INSERT INTO notifications (user_id, payload, created_at) VALUES ($1, $2, $3)")
                    .bind(user_id).bind(notice).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(id)
        }.await)?;
        Ok(id)
    }

    /// Every escalation of the citizen, oldest first.
    pub async fn escalations_for(&self, user_id: i64) -> Result<Vec<EscalationRow>, AppError> {
        let sql = format!("SELECT {ESCALATION_COLUMNS} FROM escalations WHERE user_id = $1 ORDER BY id");
        Ok(on_pool!(self, pool => sqlx::query_as::<_, EscalationRow>(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_all(pool).await)?)
    }

    pub async fn escalation(&self, id: i64) -> Result<Option<EscalationRow>, AppError> {
        let sql = format!("SELECT {ESCALATION_COLUMNS} FROM escalations WHERE id = $1");
        Ok(on_pool!(self, pool => sqlx::query_as::<_, EscalationRow>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await)?)
    }

    /// Open escalations of citizens in `municipality` (all municipalities: `None`),
    /// or of one citizen.
    pub async fn open_escalations(&self, municipality: Option<i32>, citizen: Option<i64>) -> Result<Vec<QueueRow>, AppError> {
        let sql = "SELECT e.id, e.user_id, c.name AS citizen_name, e.reason, e.detail, e.created_at, e.due_on, \
                   e.assigned_to, a.name AS assigned_name, \
                   (SELECT COUNT(*) FROM messages m WHERE m.citizen_id = e.user_id AND m.from_citizen AND m.read_at IS NULL) AS unread \
                   FROM escalations e JOIN users c ON c.id = e.user_id LEFT JOIN users a ON a.id = e.assigned_to \
                   WHERE e.status = 'open' AND ($1 IS NULL OR c.municipality_code = $1) AND ($2 IS NULL OR e.user_id = $2) ORDER BY e.id";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, QueueRow>(sql).bind(municipality).bind(citizen).fetch_all(pool).await)?)
    }

    /// Gives an open escalation to a caseworker; `false` when it is not open.
    pub async fn assign_escalation(&self, id: i64, to: i64) -> Result<bool, AppError> {
        let sql = "UPDATE escalations SET assigned_to = $2 WHERE id = $1 AND status = 'open'";
        let n = on_pool!(self, pool => sqlx::query(sql).bind(id).bind(to).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Closes every open escalation of the citizen with `status` and the message
    /// the citizen sees, sets their track, and notifies them, together.
    pub async fn close_escalations(
        &self,
        user_id: i64,
        (status, track): (&str, &str),
        resolution: &str,
        by: i64,
        notice: &str,
        now: DateTime<Utc>,
    ) -> Result<u64, AppError> {
        let n = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(
                "UPDATE escalations SET status = $2, resolution = $3, closed_by = $4, closed_at = $5 WHERE user_id = $1 AND status = 'open'",
            )
            .bind(user_id).bind(status).bind(resolution).bind(by).bind(now).execute(&mut *tx).await?.rows_affected();
            sqlx::query("UPDATE jobseekers SET track = $2 WHERE user_id = $1").bind(user_id).bind(track).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO notifications (user_id, payload, created_at) VALUES ($1, $2, $3)")
                .bind(user_id).bind(notice).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(n)
        }.await)?;
        Ok(n)
    }

    pub async fn track(&self, user_id: i64) -> Result<Option<String>, AppError> {
        let sql = "SELECT track FROM jobseekers WHERE user_id = $1";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, String>(sql).bind(user_id).fetch_optional(pool).await)?)
    }

    /// Citizens on self-service, keyset-paged by user id (the scan's work list).
    pub async fn self_service_citizens(&self, after: i64, limit: i64) -> Result<Vec<ScanRow>, AppError> {
        let sql = "SELECT j.user_id, u.municipality_code, j.registered_on, j.cv_complete FROM jobseekers j \
                   JOIN users u ON u.id = j.user_id WHERE j.track = 'self' AND j.user_id > $1 ORDER BY j.user_id LIMIT $2";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, ScanRow>(sql).bind(after).bind(limit).fetch_all(pool).await)?)
    }

    /// The joblog as (date, kind, status) for the rules.
    pub async fn joblog_facts(&self, user_id: i64) -> Result<Vec<(NaiveDate, String, String)>, AppError> {
        let sql = "SELECT on_date, kind, status FROM joblog_entries WHERE user_id = $1";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, (NaiveDate, String, String)>(sql).bind(user_id).fetch_all(pool).await)?)
    }

    /// Figures for the dashboard, for one municipality or all.
    pub async fn tally(&self, municipality: Option<i32>) -> Result<Tally, AppError> {
        let tracks = "SELECT j.track, COUNT(*) FROM jobseekers j JOIN users u ON u.id = j.user_id \
                      WHERE ($1 IS NULL OR u.municipality_code = $1) GROUP BY j.track";
        let open = "SELECT e.reason, e.created_at FROM escalations e JOIN users u ON u.id = e.user_id \
                    WHERE e.status = 'open' AND ($1 IS NULL OR u.municipality_code = $1)";
        let closed = "SELECT e.created_at, e.closed_at FROM escalations e JOIN users u ON u.id = e.user_id \
                      WHERE e.status <> 'open' AND e.closed_at IS NOT NULL AND ($1 IS NULL OR u.municipality_code = $1)";
        on_pool!(self, pool => async {
            Ok::<_, AppError>(Tally {
                tracks: sqlx::query_as::<_, (String, i64)>(tracks).bind(municipality).fetch_all(pool).await?,
                open: sqlx::query_as::<_, (String, DateTime<Utc>)>(open).bind(municipality).fetch_all(pool).await?,
                closed: sqlx::query_as::<_, (DateTime<Utc>, DateTime<Utc>)>(closed).bind(municipality).fetch_all(pool).await?,
            })
        }.await)
    }

    // Messages

    pub async fn insert_message(
        &self,
        citizen_id: i64,
        author_id: i64,
        from_citizen: bool,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        let sql = "INSERT INTO messages (citizen_id, author_id, from_citizen, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";
        Ok(
            on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).bind(citizen_id).bind(author_id).bind(from_citizen).bind(body).bind(now)
            .fetch_one(pool).await)?,
        )
    }

    /// The citizen's thread with the jobcentre, oldest first.
    pub async fn messages(&self, citizen_id: i64) -> Result<Vec<MessageRow>, AppError> {
        let sql = "SELECT m.id, m.from_citizen, u.name AS author, m.body, m.created_at, m.read_at FROM messages m \
                   LEFT JOIN users u ON u.id = m.author_id WHERE m.citizen_id = $1 ORDER BY m.id";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, MessageRow>(sql).bind(citizen_id).fetch_all(pool).await)?)
    }

    /// Marks what the other side wrote as read by this side (`citizen`: the citizen reads).
    pub async fn mark_messages_read(&self, citizen_id: i64, citizen: bool, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "UPDATE messages SET read_at = $3 WHERE citizen_id = $1 AND from_citizen <> $2 AND read_at IS NULL";
        on_pool!(self, pool => sqlx::query(sql).bind(citizen_id).bind(citizen).bind(now).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Messages not yet read by this side.
    pub async fn unread_messages(&self, citizen_id: i64, citizen: bool) -> Result<i64, AppError> {
        let sql = "SELECT COUNT(*) FROM messages WHERE citizen_id = $1 AND from_citizen <> $2 AND read_at IS NULL";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).bind(citizen_id).bind(citizen).fetch_one(pool).await)?)
    }

    // Meetings

    pub async fn insert_meeting(
        &self,
        citizen_id: i64,
        caseworker_id: i64,
        (kind, starts_at, place): (&str, NaiveDateTime, &str),
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        let sql = "INSERT INTO meetings (citizen_id, caseworker_id, kind, starts_at, place, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).bind(citizen_id).bind(caseworker_id).bind(kind).bind(starts_at)
            .bind(place).bind(now).fetch_one(pool).await)?)
    }

    /// The citizen's meetings, soonest first.
    pub async fn meetings(&self, citizen_id: i64) -> Result<Vec<MeetingRow>, AppError> {
        let sql = "SELECT m.id, m.kind, m.starts_at, m.place, m.status, u.name AS caseworker FROM meetings m \
                   LEFT JOIN users u ON u.id = m.caseworker_id WHERE m.citizen_id = $1 ORDER BY m.starts_at";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, MeetingRow>(sql).bind(citizen_id).fetch_all(pool).await)?)
    }

    /// The citizen confirms one of their own booked meetings.
    pub async fn confirm_meeting(&self, citizen_id: i64, id: i64, now: DateTime<Utc>) -> Result<bool, AppError> {
        let sql = "UPDATE meetings SET status = 'bekraeftet', confirmed_at = $3 WHERE id = $1 AND citizen_id = $2 AND status = 'booket'";
        let n =
            on_pool!(self, pool => sqlx::query(sql).bind(id).bind(citizen_id).bind(now).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Cancels one of the citizen's meetings that is not cancelled yet; its time when it was.
    pub async fn cancel_meeting(&self, citizen_id: i64, id: i64) -> Result<Option<NaiveDateTime>, AppError> {
        let sql = "UPDATE meetings SET status = 'aflyst' WHERE id = $1 AND citizen_id = $2 AND status <> 'aflyst' RETURNING starts_at";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, NaiveDateTime>(sql).bind(id).bind(citizen_id).fetch_optional(pool).await)?)
    }

    // Journal

    pub async fn insert_note(&self, citizen_id: i64, author_id: i64, body: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let sql = "INSERT INTO journal_notes (citizen_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)";
        on_pool!(self, pool => sqlx::query(sql).bind(citizen_id).bind(author_id).bind(body).bind(now).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// The caseworkers' notes on a citizen, newest first.
    pub async fn notes(&self, citizen_id: i64) -> Result<Vec<NoteRow>, AppError> {
        let sql = "SELECT n.created_at, u.name AS author, n.body FROM journal_notes n LEFT JOIN users u ON u.id = n.author_id \
                   WHERE n.citizen_id = $1 ORDER BY n.id DESC";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, NoteRow>(sql).bind(citizen_id).fetch_all(pool).await)?)
    }

    // Escalation rules per municipality

    /// Stores a new version of a municipality's rules; its version number.
    pub async fn insert_escalation_rules(
        &self,
        municipality: i32,
        rules: &str,
        note: &str,
        by: i64,
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        let version = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            let next = sqlx::query_scalar::<_, i64>("SELECT COALESCE(MAX(version), 0) + 1 FROM escalation_rules WHERE municipality_code = $1")
                .bind(municipality).fetch_one(&mut *tx).await?;
            // Two administrators at once: the unique (municipality, version) lets one win.
            sqlx::query("INSERT INTO escalation_rules (municipality_code, version, rules, note, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(municipality).bind(next).bind(rules).bind(note).bind(by).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(next)
        }.await)?;
        Ok(version)
    }

    /// A municipality's rule versions, newest first: (version, rules, note, changed by, when).
    pub async fn escalation_rules_history(
        &self,
        municipality: i32,
    ) -> Result<Vec<(i64, String, String, Option<String>, DateTime<Utc>)>, AppError> {
        let sql =
            "SELECT r.version, r.rules, r.note, u.name, r.changed_at FROM escalation_rules r LEFT JOIN users u ON u.id = r.changed_by \
                   WHERE r.municipality_code = $1 ORDER BY r.version DESC";
        Ok(
            on_pool!(self, pool => sqlx::query_as::<_, (i64, String, String, Option<String>, DateTime<Utc>)>(sql).bind(municipality).fetch_all(pool).await)?,
        )
    }

    /// The newest rules of every municipality that has its own: (municipality, rules).
    pub async fn current_escalation_rules(&self) -> Result<Vec<(i32, String)>, AppError> {
        let sql = "SELECT r.municipality_code, r.rules FROM escalation_rules r WHERE r.version = \
                   (SELECT MAX(x.version) FROM escalation_rules x WHERE x.municipality_code = r.municipality_code)";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, (i32, String)>(sql).fetch_all(pool).await)?)
    }

    // Screening

    /// Stores the citizen's screening; `false` when they had answered already.
    pub async fn save_screening(&self, user_id: i64, answers: &str, flags: &str, now: DateTime<Utc>) -> Result<bool, AppError> {
        let sql = "INSERT INTO screenings (user_id, answers, flags, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO NOTHING";
        let n = on_pool!(self, pool => sqlx::query(sql).bind(user_id).bind(answers).bind(flags).bind(now).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// (answers, flags, when) as stored.
    pub async fn screening(&self, user_id: i64) -> Result<Option<(String, String, DateTime<Utc>)>, AppError> {
        let sql = "SELECT answers, flags, created_at FROM screenings WHERE user_id = $1";
        Ok(on_pool!(self, pool => sqlx::query_as::<_, (String, String, DateTime<Utc>)>(sql).bind(user_id).fetch_optional(pool).await)?)
    }

    /// Caseworkers of a municipality, in Danish order of name, as (id, name).
    pub async fn caseworkers(&self, municipality: i32) -> Result<Vec<(i64, String)>, AppError> {
        let sql = "SELECT id, name FROM users WHERE role = 'caseworker' AND municipality_code = $1 ORDER BY id";
        let mut rows: Vec<(i64, String)> = on_pool!(self, pool => sqlx::query_as(sql).bind(municipality).fetch_all(pool).await)?;
        crate::ssr::collate::sort_by(&mut rows, |r| &r.1);
        Ok(rows)
    }
}
