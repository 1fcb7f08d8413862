//! The joblog: entries, their attachments, and progress against the requirement.

use super::profile;
use crate::domain::account::User;
use crate::domain::joblog::{self, AttachmentInfo, Channel, Entry, EntryData, JoblogForm, Kind, Status};
use crate::domain::jobseeker::JoblogView;
use crate::domain::limits;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::ssr::db::{AttachmentRow, EntryRow, Quota};
use crate::ssr::AppState;
use chrono::NaiveDate;

fn entry(r: EntryRow) -> Option<Entry> {
    Some(Entry {
        id: r.id,
        data: EntryData {
            kind: Kind::parse(&r.kind)?,
            date: r.on_date,
            employer: r.employer,
            job_title: r.job_title,
            channel: r.channel.as_deref().and_then(Channel::parse),
            status: Status::parse(&r.status)?,
            notes: r.notes,
            application_text: r.application_text,
            vacancy_id: r.vacancy_id,
        },
        attachment: r.file_name.map(|file_name| AttachmentInfo { file_name, size: r.size.unwrap_or(0).max(0) as usize }),
    })
}

#[tracing::instrument(skip_all)]
pub async fn entries(st: &AppState, user_id: i64) -> Result<Vec<Entry>, AppError> {
    Ok(st.db.entries(user_id).await?.into_iter().filter_map(entry).collect())
}

pub fn progress_of(entries: &[Entry], today: NaiveDate, rules: &joblog::JoblogRules) -> joblog::Progress {
    let facts: Vec<_> = entries.iter().map(|e| (e.data.date, e.data.kind, e.data.status)).collect();
    joblog::progress(&facts, today, rules)
}

#[tracing::instrument(skip_all)]
pub async fn view(st: &AppState, me: &User, today: NaiveDate) -> Result<JoblogView, AppError> {
    profile(st, me, today).await?;
    let entries = entries(st, me.id).await?;
    let rules = &st.rules.joblog;
    Ok(JoblogView {
        progress: progress_of(&entries, today, rules),
        entries,
        applications_per_week: rules.applications_per_week,
        weeks: rules.weeks,
    })
}

/// One of the person's own entries.
#[tracing::instrument(skip_all)]
pub async fn get(st: &AppState, me: &User, id: i64, today: NaiveDate) -> Result<Entry, AppError> {
    profile(st, me, today).await?;
    entries(st, me.id).await?.into_iter().find(|e| e.id == id).ok_or(AppError::NotFound)
}

/// Adds or (with `id`) updates an entry. Logged from a vacancy, blanks are filled
/// from the vacancy.
#[tracing::instrument(skip_all)]
pub async fn save(st: &AppState, me: &User, form: JoblogForm, today: NaiveDate) -> Result<i64, AppError> {
    profile(st, me, today).await?;
    let form = match form.vacancy.trim().parse::<i64>() {
        Ok(vacancy_id) if form.id.trim().is_empty() => {
            let v = crate::ssr::services::vacancies::get(st, vacancy_id).await?;
            form.prefilled(&v.details.employer_name, &v.details.title, today)
        }
        _ => form,
    };
    let data = joblog::validate(&form, today)?;
    let now = st.clock.now();
    match form.id.trim() {
        "" => match st.db.insert_entry(me.id, &data, now, limits::JOBLOG_ENTRIES).await? {
            Quota::Stored(id) => {
                count_for_vacancy(st, &data, today).await;
                Ok(id)
            }
            Quota::Full => Err(FieldErrors::one(joblog::field::KIND, Msg::ErrJoblogFull)),
            Quota::NotFound => Err(AppError::NotFound),
        },
        id => {
            let id: i64 = id.parse().map_err(|_| AppError::BadRequest)?;
            if st.db.update_entry(me.id, id, &data, now).await? {
                Ok(id)
            } else {
                Err(AppError::NotFound)
            }
        }
    }
}

/// A new entry made from a vacancy counts for it: saved, or applied for. Only the
/// number is kept, never who.
async fn count_for_vacancy(st: &AppState, data: &joblog::EntryData, today: NaiveDate) {
    use crate::ssr::db::Counter;
    let counter = match data.kind {
        joblog::Kind::SavedVacancy => Counter::Save,
        joblog::Kind::Application => Counter::Applied,
        _ => return,
    };
    if let Some(vacancy_id) = data.vacancy_id {
        if let Err(e) = st.db.count_vacancy(vacancy_id, today, counter).await {
            tracing::warn!(vacancy = vacancy_id, error = %e, "joblog entry not counted for its vacancy");
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn delete(st: &AppState, me: &User, id: i64) -> Result<(), AppError> {
    if st.db.delete_entry(me.id, id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Attaches a file to one of the person's own entries, after checking its size
/// and content; a problem with the file is a field error on `file`.
#[tracing::instrument(skip_all)]
pub async fn attach(st: &AppState, me: &User, entry_id: i64, file_name: &str, bytes: &[u8]) -> Result<(), AppError> {
    let kind = joblog::check_attachment(file_name, bytes, &st.rules.joblog).map_err(|msg| FieldErrors::one(joblog::field::FILE, msg))?;
    let name = joblog::safe_file_name(file_name);
    match st.db.put_attachment(me.id, entry_id, &name, kind.content_type(), bytes, limits::STORED_BYTES).await? {
        Quota::Stored(()) => Ok(()),
        Quota::Full => Err(FieldErrors::one(joblog::field::FILE, Msg::ErrFilesFull)),
        Quota::NotFound => Err(AppError::NotFound),
    }
}

#[tracing::instrument(skip_all)]
pub async fn attachment(st: &AppState, me: &User, entry_id: i64) -> Result<AttachmentRow, AppError> {
    st.db.attachment(me.id, entry_id).await?.ok_or(AppError::NotFound)
}
