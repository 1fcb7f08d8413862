//! Vacancies: SQL only. Rules live in `domain::vacancy` and `ssr::services`.

use super::{fetch_for_ids, on_pool, outbox, Db};
use crate::domain::vacancy::{CloseReason, HistoryKind, NewVacancy, Vacancy};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct VacancyRow {
    pub id: i64,
    pub title: String,
    pub employer_name: String,
    pub description: String,
    pub postcode: String,
    pub city: String,
    pub municipality_code: Option<i32>,
    pub weekly_hours: f64,
    pub deadline: NaiveDate,
    pub how_to_apply: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub employment_type: String,
    pub occupation_code: Option<String>,
    /// The posting company's registered name and CVR number.
    pub company_name: Option<String>,
    pub company_cvr: Option<String>,
    pub close_reason: Option<String>,
}

impl VacancyRow {
    pub fn into_vacancy(self) -> Vacancy {
        let posted = crate::domain::time::danish_date(self.created_at);
        let open = self.status == "open";
        Vacancy {
            id: self.id,
            details: NewVacancy {
                title: self.title,
                employer_name: self.employer_name,
                description: self.description,
                postcode: self.postcode,
                city: self.city,
                municipality_code: self.municipality_code.and_then(|c| u16::try_from(c).ok()),
                weekly_hours: self.weekly_hours,
                deadline: self.deadline,
                how_to_apply: self.how_to_apply,
                employment_type: crate::domain::vacancy::EmploymentType::parse(&self.employment_type).unwrap_or_default(),
                occupation_code: self.occupation_code,
            },
            posted,
            open,
            company: self.company_name.zip(self.company_cvr),
            close_reason: self.close_reason.as_deref().and_then(CloseReason::parse),
        }
    }
}

/// The columns of `VacancyRow`, as a literal so queries stay static strings.
macro_rules! columns {
    () => {
        "id, title, employer_name, description, postcode, city, municipality_code, \
         weekly_hours, deadline, how_to_apply, status, created_at, employment_type, occupation_code, \
         (SELECT c.name FROM companies c WHERE c.id = vacancies.company_id) AS company_name, \
         (SELECT c.cvr FROM companies c WHERE c.id = vacancies.company_id) AS company_cvr, close_reason"
    };
}

const INSERT_SQL: &str = "INSERT INTO vacancies (title, employer_name, description, postcode, city, \
    municipality_code, weekly_hours, deadline, how_to_apply, status, created_at, updated_at, company_id, \
    employment_type, occupation_code, reposted_from) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $10, $11, $12, $13, $14) RETURNING id";

/// Who changes a vacancy, for its history: a user (by id and their name then), or
/// the system (no one).
#[derive(Clone, Copy, Debug)]
pub struct Actor<'a> {
    pub id: Option<i64>,
    pub name: &'a str,
}

/// A company's vacancy being stored: the company, who posts it, and the closed
/// vacancy it is posted again from, if any.
#[derive(Clone, Copy, Debug)]
pub struct Posting<'a> {
    pub company_id: i64,
    pub by: Actor<'a>,
    pub reposted_from: Option<i64>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct HistoryRow {
    pub at: DateTime<Utc>,
    pub actor_name: String,
    pub kind: String,
    pub detail: String,
}

const HISTORY_SQL: &str =
    "INSERT INTO vacancy_history (vacancy_id, at, actor_id, actor_name, kind, detail) VALUES ($1, $2, $3, $4, $5, $6)";

/// In a transaction that changed vacancy `$id`: its outbox row (in commit order
/// on PostgreSQL) and its history row.
macro_rules! after_change {
    ($tx:expr, $lock:expr, $id:expr, $now:expr, $by:expr, $kind:expr, $detail:expr) => {{
        if let Some(sql) = $lock {
            sqlx::query(sql).execute(&mut *$tx).await?;
        }
        sqlx::query(outbox::INSERT_SQL).bind(outbox::VACANCY).bind($id).bind($now).execute(&mut *$tx).await?;
        sqlx::query(HISTORY_SQL)
            .bind($id)
            .bind($now)
            .bind($by.id)
            .bind($by.name)
            .bind($kind.code())
            .bind($detail)
            .execute(&mut *$tx)
            .await?;
    }};
}

/// Binds a vacancy's details, title to how to apply, in the order both the insert
/// and the update name them.
macro_rules! bind_details {
    ($query:expr, $v:expr) => {
        $query
            .bind(&$v.title)
            .bind(&$v.employer_name)
            .bind(&$v.description)
            .bind(&$v.postcode)
            .bind(&$v.city)
            .bind($v.municipality_code.map(i32::from))
            .bind($v.weekly_hours)
            .bind($v.deadline)
            .bind(&$v.how_to_apply)
    };
}

/// Runs `$update` (a bound query on one vacancy) in a transaction and, when it
/// changed the row, adds the outbox and history rows; yields whether it changed.
macro_rules! change_vacancy {
    ($db:expr, $update:expr, $id:expr, $now:expr, $by:expr, $kind:expr, $detail:expr) => {{
        let lock = outbox::order_lock_sql($db);
        on_pool!($db, pool => {
            let mut tx = pool.begin().await?;
            let n = $update.execute(&mut *tx).await?.rows_affected();
            if n > 0 {
                after_change!(tx, lock, $id, $now, $by, $kind, $detail);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(n > 0)
        })
    }};
}

impl Actor<'_> {
    /// Changes made by the service itself (imports, demo data, tests).
    pub const SYSTEM: Actor<'static> = Actor { id: None, name: "" };
}

impl Db {
    /// Stores a vacancy and its outbox row in one transaction; returns its id.
    pub async fn insert_vacancy(&self, v: &NewVacancy, now: DateTime<Utc>) -> Result<i64, AppError> {
        let ids = self.insert_vacancies(std::slice::from_ref(v), |_| now, now).await?;
        ids.first().copied().ok_or_else(|| AppError::internal("vacancy insert returned no id"))
    }

    /// Stores a vacancy posted by a user of a company, with its first history row.
    pub async fn insert_company_vacancy(&self, v: &NewVacancy, posting: Posting<'_>, now: DateTime<Utc>) -> Result<i64, AppError> {
        let ids = self.insert_rows(std::slice::from_ref(v), |_| now, Some(posting), now).await?;
        ids.first().copied().ok_or_else(|| AppError::internal("vacancy insert returned no id"))
    }

    /// A company's vacancies, open and closed, newest first.
    pub async fn vacancies_of_company(&self, company_id: i64) -> Result<Vec<VacancyRow>, AppError> {
        let sql = concat!("SELECT ", columns!(), " FROM vacancies WHERE company_id = $1 ORDER BY id DESC LIMIT 500");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(company_id).fetch_all(pool).await)?)
    }

    /// Stores many vacancies in one transaction (demo data, imports) at `now`.
    /// `posted_at` gives each its creation time.
    pub async fn insert_vacancies(
        &self,
        items: &[NewVacancy],
        posted_at: impl Fn(usize) -> DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Vec<i64>, AppError> {
        self.insert_rows(items, posted_at, None, now).await
    }

    async fn insert_rows(
        &self,
        items: &[NewVacancy],
        posted_at: impl Fn(usize) -> DateTime<Utc>,
        posting: Option<Posting<'_>>,
        now: DateTime<Utc>,
    ) -> Result<Vec<i64>, AppError> {
        let company_id = posting.map(|p| p.company_id);
        let reposted_from = posting.and_then(|p| p.reposted_from);
        let lock = outbox::order_lock_sql(self);
        let ids = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let mut ids = Vec::with_capacity(items.len());
            for (i, v) in items.iter().enumerate() {
                let at = posted_at(i);
                let id: i64 = bind_details!(sqlx::query_scalar(INSERT_SQL), v)
                    .bind(at)
                    .bind(company_id)
                    .bind(v.employment_type.code())
                    .bind(&v.occupation_code)
                    .bind(reposted_from)
                    .fetch_one(&mut *tx)
                    .await?;
                ids.push(id);
            }
            if let Some(sql) = lock {
                sqlx::query(sql).execute(&mut *tx).await?;
            }
            for id in &ids {
                sqlx::query(outbox::INSERT_SQL).bind(outbox::VACANCY).bind(id).bind(now).execute(&mut *tx).await?;
                if let Some(p) = posting {
                    let (kind, detail) = match p.reposted_from {
                        Some(from) => (HistoryKind::Reposted, from.to_string()),
                        None => (HistoryKind::Created, String::new()),
                    };
                    sqlx::query(HISTORY_SQL)
                        .bind(id)
                        .bind(now)
                        .bind(p.by.id)
                        .bind(p.by.name)
                        .bind(kind.code())
                        .bind(detail)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(ids)
        })?;
        Ok(ids)
    }

    /// Closes a vacancy (it leaves the search at once) as withdrawn by the system;
    /// false when there was none open. With a company, only that company's own.
    pub async fn close_vacancy(&self, id: i64, company_id: Option<i64>, now: DateTime<Utc>) -> Result<bool, AppError> {
        self.close_vacancy_for(id, company_id, CloseReason::Withdrawn, Actor::SYSTEM, CloseReason::Withdrawn.code(), now).await
    }

    /// One of the company's vacancies, in any state; `None` for another company's.
    pub async fn company_vacancy(&self, id: i64, company_id: i64) -> Result<Option<VacancyRow>, AppError> {
        let sql = concat!("SELECT ", columns!(), " FROM vacancies WHERE id = $1 AND company_id = $2");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(id).bind(company_id).fetch_optional(pool).await)?)
    }

    /// A vacancy's history, newest first.
    pub async fn vacancy_history(&self, id: i64) -> Result<Vec<HistoryRow>, AppError> {
        let sql = "SELECT at, actor_name, kind, detail FROM vacancy_history WHERE vacancy_id = $1 ORDER BY id DESC LIMIT 200";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(id).fetch_all(pool).await)?)
    }

    /// Replaces an open vacancy's details. Only the owning company's: false for
    /// another company's, a closed one, or none.
    pub async fn update_company_vacancy(
        &self,
        id: i64,
        company_id: i64,
        v: &NewVacancy,
        by: Actor<'_>,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let sql = "UPDATE vacancies SET title = $3, employer_name = $4, description = $5, postcode = $6, city = $7, \
                   municipality_code = $8, weekly_hours = $9, deadline = $10, how_to_apply = $11, employment_type = $12, \
                   occupation_code = $13, updated_at = $14 WHERE id = $1 AND company_id = $2 AND status = 'open'";
        // The query is written out in the macro call: each backend binds its own.
        Ok(change_vacancy!(
            self,
            bind_details!(sqlx::query(sql).bind(id).bind(company_id), v).bind(v.employment_type.code()).bind(&v.occupation_code).bind(now),
            id,
            now,
            by,
            HistoryKind::Edited,
            ""
        )?)
    }

    /// Moves an open vacancy's deadline later (also one that has run out). Only the
    /// owning company's, and only later: false otherwise.
    pub async fn extend_company_vacancy(
        &self,
        id: i64,
        company_id: i64,
        deadline: NaiveDate,
        by: Actor<'_>,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let sql = "UPDATE vacancies SET deadline = $3, updated_at = $4 \
                   WHERE id = $1 AND company_id = $2 AND status = 'open' AND deadline < $3";
        // The query is written out in the macro call: each backend binds its own.
        Ok(change_vacancy!(
            self,
            sqlx::query(sql).bind(id).bind(company_id).bind(deadline).bind(now),
            id,
            now,
            by,
            HistoryKind::Extended,
            deadline.to_string()
        )?)
    }

    /// Closes an open vacancy for `reason`, recording who did it and `detail` (the
    /// reason's code, or an administrator's note to the employer). With a company,
    /// only that company's own (the owner is part of the query); `None` is an
    /// administrator's or the system's. False when there was none open.
    pub async fn close_vacancy_for(
        &self,
        id: i64,
        company_id: Option<i64>,
        reason: CloseReason,
        by: Actor<'_>,
        detail: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let sql = "UPDATE vacancies SET status = 'closed', close_reason = $4, updated_at = $2 \
                   WHERE id = $1 AND status = 'open' AND ($3 IS NULL OR company_id = $3)";
        // The query is written out in the macro call: each backend binds its own.
        Ok(change_vacancy!(
            self,
            sqlx::query(sql).bind(id).bind(now).bind(company_id).bind(reason.code()),
            id,
            now,
            by,
            HistoryKind::Closed,
            detail
        )?)
    }

    pub async fn vacancy(&self, id: i64) -> Result<Option<VacancyRow>, AppError> {
        let sql = concat!("SELECT ", columns!(), " FROM vacancies WHERE id = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?)
    }

    /// The vacancies with these ids that exist (any status).
    pub async fn vacancies_by_ids(&self, ids: &[i64]) -> Result<Vec<VacancyRow>, AppError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = fetch_for_ids!(self, concat!("SELECT ", columns!(), " FROM vacancies WHERE id IN ({ids})"), ids)?;
        Ok(rows)
    }

    /// Open vacancies with id above `after`, by id, for rebuilding the index in pages.
    pub async fn open_vacancies_after(&self, after: i64, limit: i64) -> Result<Vec<VacancyRow>, AppError> {
        let sql = concat!("SELECT ", columns!(), " FROM vacancies WHERE status = 'open' AND id > $1 ORDER BY id LIMIT $2");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(after).bind(limit).fetch_all(pool).await)?)
    }

    pub async fn count_open_vacancies(&self) -> Result<i64, AppError> {
        let sql = "SELECT COUNT(*) FROM vacancies WHERE status = 'open'";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await)?)
    }
}

/// A vacancy as the open feed gives it: its latest change's position, and the row.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct FeedRow {
    pub seq: i64,
    #[sqlx(flatten)]
    pub vacancy: VacancyRow,
}

impl Db {
    /// The open feed's changes after position `after`, in order: each vacancy at
    /// its latest change, as it is now. (The log and its positions are kept by the
    /// database itself, see migration 0020.)
    pub async fn feed_after(&self, after: i64, limit: i64) -> Result<Vec<FeedRow>, AppError> {
        let sql = concat!(
            "SELECT f.seq, ",
            columns!(),
            " FROM vacancy_feed f JOIN vacancies ON vacancies.id = f.vacancy_id WHERE f.seq > $1 ORDER BY f.seq LIMIT $2"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(after).bind(limit).fetch_all(pool).await)?)
    }

    /// Open vacancies by OFFSET paging, which the feed does not do: kept as the
    /// feed benchmark's baseline (its cost grows with the offset; a cursor's does not).
    pub async fn open_vacancies_by_offset(&self, offset: i64, limit: i64) -> Result<Vec<VacancyRow>, AppError> {
        let sql = concat!("SELECT ", columns!(), " FROM vacancies WHERE status = 'open' ORDER BY id LIMIT $1 OFFSET $2");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(limit).bind(offset).fetch_all(pool).await)?)
    }

    /// Notes in the feed (as a change) up to `limit` open vacancies whose deadline
    /// passed before `today` and that the feed has not yet told of; each once, also
    /// when two nodes do it at once. Returns how many.
    pub async fn note_expired_in_feed(&self, today: NaiveDate, limit: i64, now: DateTime<Utc>) -> Result<usize, AppError> {
        let due = "SELECT f.vacancy_id FROM vacancy_feed f JOIN vacancies v ON v.id = f.vacancy_id \
                   WHERE v.status = 'open' AND v.deadline < $1 AND f.expired_on IS NULL ORDER BY f.vacancy_id LIMIT $2";
        let claim = "UPDATE vacancy_feed SET expired_on = $2 WHERE vacancy_id = $1 AND expired_on IS NULL";
        let ids: Vec<i64> = on_pool!(self, pool => sqlx::query_scalar(due).bind(today).bind(limit).fetch_all(pool).await)?;
        if ids.is_empty() {
            return Ok(0);
        }
        let lock = outbox::order_lock_sql(self);
        let noted = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            if let Some(sql) = lock {
                sqlx::query(sql).execute(&mut *tx).await?;
            }
            let mut noted = 0;
            for id in &ids {
                if sqlx::query(claim).bind(id).bind(today).execute(&mut *tx).await?.rows_affected() == 1 {
                    // The outbox row moves the vacancy to the feed's end (and clears the mark), then the mark is set again.
                    sqlx::query(outbox::INSERT_SQL).bind(outbox::VACANCY).bind(id).bind(now).execute(&mut *tx).await?;
                    sqlx::query(claim).bind(id).bind(today).execute(&mut *tx).await?;
                    noted += 1;
                }
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(noted)
        }.await)?;
        Ok(noted)
    }

    /// Open vacancies still accepting applications on `today`: the `page`th
    /// `per_page` of them by id, with the day each last changed (for a sitemap).
    pub async fn open_vacancy_urls(&self, today: NaiveDate, page: i64, per_page: i64) -> Result<Vec<(i64, DateTime<Utc>)>, AppError> {
        let sql = "SELECT id, updated_at FROM vacancies WHERE status = 'open' AND deadline >= $1 ORDER BY id LIMIT $2 OFFSET $3";
        Ok(
            on_pool!(self, pool => sqlx::query_as(sql).bind(today).bind(per_page).bind(page.saturating_mul(per_page)).fetch_all(pool).await)?,
        )
    }

    /// How many open vacancies accept applications on `today`.
    pub async fn count_accepting(&self, today: NaiveDate) -> Result<i64, AppError> {
        let sql = "SELECT COUNT(*) FROM vacancies WHERE status = 'open' AND deadline >= $1";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).bind(today).fetch_one(pool).await)?)
    }
}

/// What storing one imported item did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    Added(i64),
    Updated(i64),
    Unchanged(i64),
    /// The same job is open from another source (its id): shown once.
    Duplicate(i64),
}

/// One mapped item to store, with the hash of its vacancy as mapped.
pub struct ImportRow<'a> {
    pub identifier: &'a str,
    pub fingerprint: &'a str,
    pub vacancy: &'a NewVacancy,
    pub content: &'a str,
}

impl Db {
    /// Stores a batch of source `source`'s run `run` in one transaction with their
    /// outbox rows: each item new, changed (also one that had left the source and
    /// came back), as it was, or a duplicate of an open vacancy from another source.
    /// Outcomes come back in the order of `items`. One transaction per batch, not
    /// per item: a commit is most of an item's cost.
    pub async fn import_items(
        &self,
        source: i64,
        run: i64,
        company_id: Option<i64>,
        items: &[ImportRow<'_>],
        now: DateTime<Utc>,
    ) -> Result<Vec<ImportOutcome>, AppError> {
        let known = "SELECT vacancy_id, content FROM import_items WHERE source_id = $1 AND identifier = $2";
        let twin = "SELECT i.source_id FROM import_items i JOIN vacancies v ON v.id = i.vacancy_id \
                    WHERE i.fingerprint = $1 AND i.source_id <> $2 AND v.status = 'open' LIMIT 1";
        let update = "UPDATE vacancies SET title = $2, employer_name = $3, description = $4, postcode = $5, city = $6, \
                      municipality_code = $7, weekly_hours = $8, deadline = $9, how_to_apply = $10, employment_type = $11, \
                      occupation_code = $12, updated_at = $13, status = 'open', close_reason = NULL WHERE id = $1";
        let reopen = "UPDATE vacancies SET status = 'open', close_reason = NULL, updated_at = $2 WHERE id = $1 AND status = 'closed'";
        let seen = "UPDATE import_items SET seen_run = $3, content = $4, fingerprint = $5 WHERE source_id = $1 AND identifier = $2";
        let remember =
            "INSERT INTO import_items (source_id, identifier, vacancy_id, fingerprint, content, seen_run) VALUES ($1, $2, $3, $4, $5, $6)";
        let lock = outbox::order_lock_sql(self);
        let same_job = super::lock_fingerprint_sql(self);
        let by = Actor::SYSTEM;
        let mut keys: Vec<i32> = items.iter().map(|i| super::fingerprint_lock_key(i.fingerprint)).collect();
        keys.sort_unstable();
        keys.dedup();
        if matches!(self, Db::Sqlite(_)) {
            keys.truncate(1); // the first takes the one write lock
        }
        let mut outcomes = Vec::with_capacity(items.len());
        on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            for key in &keys {
                sqlx::query(same_job).bind(key).bind(source).execute(&mut *tx).await?;
            }
            for item in items {
                let v = item.vacancy;
                let found: Option<(i64, String)> =
                    sqlx::query_as(known).bind(source).bind(item.identifier).fetch_optional(&mut *tx).await?;
                let outcome = match found {
                    Some((id, old)) if old == item.content => {
                        let back = sqlx::query(reopen).bind(id).bind(now).execute(&mut *tx).await?.rows_affected() > 0;
                        if back {
                            after_change!(tx, lock, id, now, by, HistoryKind::Edited, "import");
                        }
                        if back { ImportOutcome::Updated(id) } else { ImportOutcome::Unchanged(id) }
                    }
                    Some((id, _)) => {
                        bind_details!(sqlx::query(update).bind(id), v)
                            .bind(v.employment_type.code()).bind(&v.occupation_code).bind(now)
                            .execute(&mut *tx).await?;
                        after_change!(tx, lock, id, now, by, HistoryKind::Edited, "import");
                        ImportOutcome::Updated(id)
                    }
                    None => match sqlx::query_scalar::<_, i64>(twin).bind(item.fingerprint).bind(source).fetch_optional(&mut *tx).await? {
                        Some(other) => ImportOutcome::Duplicate(other),
                        None => {
                            let id: i64 = bind_details!(sqlx::query_scalar(INSERT_SQL), v)
                                .bind(now).bind(company_id).bind(v.employment_type.code()).bind(&v.occupation_code).bind(None::<i64>)
                                .fetch_one(&mut *tx).await?;
                            after_change!(tx, lock, id, now, by, HistoryKind::Created, "import");
                            sqlx::query(remember).bind(source).bind(item.identifier).bind(id).bind(item.fingerprint)
                                .bind(item.content).bind(run).execute(&mut *tx).await?;
                            ImportOutcome::Added(id)
                        }
                    },
                };
                if matches!(outcome, ImportOutcome::Updated(_) | ImportOutcome::Unchanged(_)) {
                    sqlx::query(seen).bind(source).bind(item.identifier).bind(run).bind(item.content).bind(item.fingerprint)
                        .execute(&mut *tx).await?;
                }
                outcomes.push(outcome);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(())
        }.await)?;
        Ok(outcomes)
    }

    /// After a complete run: closes the source's open vacancies that the run did
    /// not see (they left the source). Returns how many.
    pub async fn close_unseen_imports(&self, source: i64, run: i64, now: DateTime<Utc>) -> Result<usize, AppError> {
        let gone = "SELECT i.vacancy_id FROM import_items i JOIN vacancies v ON v.id = i.vacancy_id \
                    WHERE i.source_id = $1 AND i.seen_run <> $2 AND v.status = 'open'";
        let ids: Vec<i64> = on_pool!(self, pool => sqlx::query_scalar(gone).bind(source).bind(run).fetch_all(pool).await)?;
        let mut closed = 0;
        for id in ids {
            if self.close_vacancy_for(id, None, CloseReason::Withdrawn, Actor::SYSTEM, "import: ikke længere i kilden", now).await? {
                closed += 1;
            }
        }
        Ok(closed)
    }

    /// Closes the vacancy of one item of the source (another Jobunivers said it is
    /// gone); false when there is none open.
    pub async fn close_import(&self, source: i64, identifier: &str, now: DateTime<Utc>) -> Result<bool, AppError> {
        let sql = "SELECT vacancy_id FROM import_items WHERE source_id = $1 AND identifier = $2";
        let id: Option<i64> = on_pool!(self, pool => sqlx::query_scalar(sql).bind(source).bind(identifier).fetch_optional(pool).await)?;
        match id {
            Some(id) => self.close_vacancy_for(id, None, CloseReason::Withdrawn, Actor::SYSTEM, "import: lukket i kilden", now).await,
            None => Ok(false),
        }
    }
}
