//! The joblog: progress against the requirement, week by week, the entries, and
//! the form to add or edit one (also reached in one click from a vacancy).

use super::{JobseekerNav, SavedNote};
use crate::domain::joblog::{field, Channel, Entry, JoblogForm, Kind, Status};
use crate::domain::jobseeker::JoblogView;
use crate::error::AppError;
use crate::forms::{self, form_page, ButtonData, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::{ButtonForm, ErrorSummary, Field, Kind as FieldKind, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(prefix = "/api", endpoint = "jobseeker/joblog")]
pub async fn my_joblog() -> Result<JoblogView, AppError> {
    // Jobseekers (access table), their own joblog only.
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::joblog::view(&crate::ssr::state()?, &me, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "jobseeker/joblog/entry")]
pub async fn my_entry(id: i64) -> Result<Entry, AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::joblog::get(&crate::ssr::state()?, &me, id, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "jobseeker/joblog/save")]
pub async fn save_entry(form: JoblogForm) -> Result<i64, AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::joblog::save(&crate::ssr::state()?, &me, form, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "jobseeker/joblog/delete")]
pub async fn delete_entry(form: ButtonData) -> Result<(), AppError> {
    let me = crate::auth::require_user()?;
    let id = form.id.trim().parse().map_err(|_| AppError::BadRequest)?;
    crate::ssr::services::jobseeker::joblog::delete(&crate::ssr::state()?, &me, id).await
}

#[component]
pub fn JoblogPage() -> impl IntoView {
    let lang = use_lang();
    let deleted = forms::use_form_post(delete_entry, |_: &()| format!("{}?slettet=1", crate::path::JOBLOG));
    let data = Resource::new(|| (), |_| my_joblog());
    let query = use_query_map();
    view! {
        <PageTitle text=lang.t(Msg::NavJoblog).to_string()/>
        <JobseekerNav current=crate::path::JOBLOG/>
        <h1>{lang.t(Msg::NavJoblog)}</h1>
        <SavedNote msg=Msg::EntrySaved/>
        {move || query.read().get("slettet").map(|_| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::EntryDeleted)}</p></div></div>
        })}
        <p>{lang.t(Msg::JoblogIntro)}</p>
        <p><a class="button button-primary" href=crate::path::ENTRY>{lang.t(Msg::NewEntry)}</a></p>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || deleted.get().flatten().map(|r| view! { <ErrorAlert error=r.error/> })}
            {move || data.get().map(|r| match r {
                Ok(v) => view! { <JoblogView v/> }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn JoblogView(v: JoblogView) -> impl IntoView {
    let lang = use_lang();
    let p = v.progress.clone();
    view! {
        <div class="joblog-status" class:behind=!p.on_track>
            <p class="joblog-progress">{i18n::joblog_progress(lang, p.applications, v.weeks, v.applications_per_week)}</p>
            <p class="joblog-verdict"><strong>{if p.on_track { lang.t(Msg::JoblogOnTrack).to_string() } else { i18n::joblog_missing(lang, p.missing) }}</strong></p>
            {p.inactive.then(|| view! { <p class="text-error">{lang.t(Msg::JoblogInactive)}</p> })}
        </div>
        <h2>{lang.t(Msg::WeeksHeading)}</h2>
        <crate::ui::TableScroll label=lang.t(Msg::WeeksHeading).to_string()>
            <table class="table joblog-weeks">
                <thead><tr>
                    <th scope="col">{lang.t(Msg::Week)}</th>
                    <th scope="col">{lang.t(Msg::Applications)}</th>
                    <th scope="col">{lang.t(Msg::Activities)}</th>
                </tr></thead>
                <tbody>
                    {p.weeks.iter().map(|w| view! { <tr>
                        <th scope="row">{format!("{} {} ({})", lang.t(Msg::Week), w.iso_week, i18n::date(lang, w.monday))}</th>
                        <td>{w.applications}</td>
                        <td>{w.activities}</td>
                    </tr> }).collect_view()}
                </tbody>
            </table>
        </crate::ui::TableScroll>
        <h2>{lang.t(Msg::ActivitiesHeading)}</h2>
        {if v.entries.is_empty() {
            view! { <p>{lang.t(Msg::JoblogEmpty)}</p> }.into_any()
        } else {
            view! {
                <ul class="nobullet-list joblog-entries">
                    {v.entries.into_iter().map(|entry| { let (id, e) = (entry.id, entry.data.clone()); view! {
                        <li class="joblog-entry">
                            <h3 class="h5">{format!("{}: {}", lang.t(e.kind.label()), if e.job_title.is_empty() { e.employer.clone() } else { e.job_title.clone() })}</h3>
                            <p class="result-facts">
                                {i18n::date(lang, e.date)} " · " {e.employer.clone()} " · " {lang.t(e.status.label())}
                                {e.channel.map(|c| format!(" · {}", lang.t(c.label())))}
                                {entry.attachment.as_ref().map(|a| format!(" · {}: {}", lang.t(Msg::Attachment), a.file_name))}
                            </p>
                            <p class="entry-actions">
                                <a href=format!("{}?id={id}", crate::path::ENTRY)>{format!("{}: {}", lang.t(Msg::EditEntry), e.employer)}</a>
                            </p>
                            <ButtonForm action=crate::path::JOBLOG.to_string() label=Msg::DeleteEntry secondary=true detail=e.employer.clone() hidden=vec![("id", id.to_string())]/>
                        </li>
                    }}).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

const FIELDS: [(&str, Msg); 8] = [
    (field::KIND, Msg::FieldKind),
    (field::DATE, Msg::FieldDate),
    (field::EMPLOYER, Msg::FieldJobPlace),
    (field::JOB_TITLE, Msg::FieldJobTitle),
    (field::CHANNEL, Msg::FieldChannel),
    (field::STATUS, Msg::FieldStatus),
    (field::NOTES, Msg::FieldNotes),
    (field::APPLICATION_TEXT, Msg::FieldApplicationText),
];

/// Adds an entry, or edits one (`?id=`).
#[component]
pub fn EntryPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let id = query.read_untracked().get("id").and_then(|s| s.trim().parse::<i64>().ok());
    let existing = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => my_entry(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <JobseekerNav current=crate::path::JOBLOG/>
        {form_page(save_entry, |_: &i64| format!("{}?gemt=1", crate::path::JOBLOG), move |rejected| view! {
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || existing.get().map(|r| match r {
                    Ok(entry) => view! { <EntryForm entry rejected=rejected.clone()/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

fn options<T: Copy>(all: &[T], code: fn(T) -> &'static str, label: fn(T) -> Msg, lang: crate::Lang) -> Vec<(String, String)> {
    all.iter().map(|x| (code(*x).to_string(), lang.t(label(*x)).to_string())).collect()
}

#[component]
fn EntryForm(entry: Option<Entry>, rejected: Option<Rejected<JoblogForm>>) -> impl IntoView {
    let lang = use_lang();
    let heading = if entry.is_some() { Msg::EditEntry } else { Msg::NewEntry };
    let title = forms::title(lang, heading, rejected.is_some());
    let (form, errors) = match (&rejected, &entry) {
        (Some(_), _) => forms::state(&rejected),
        (None, Some(e)) => (JoblogForm::from_entry(e), Default::default()),
        (None, None) => (JoblogForm { date: crate::ui::clock::today().to_string(), ..Default::default() }, Default::default()),
    };
    let err = |name: &str| errors.get(name);
    let query = use_query_map();
    let upload_error = query.read_untracked().get("bilagfejl").and_then(|c| crate::domain::joblog::upload_error(&c));
    view! {
        <PageTitle text=title/>
        <p><a href=crate::path::JOBLOG>{lang.t(Msg::NavJoblog)}</a></p>
        <h1>{lang.t(heading)}</h1>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=FIELDS.to_vec()/> })}
        <form method="post" action=crate::path::ENTRY novalidate=true class="joblog-form">
            <input type="hidden" name="id" value=form.id.clone()/>
            <input type="hidden" name="vacancy" value=form.vacancy.clone()/>
            <SelectField name=field::KIND label=Msg::FieldKind options=options(Kind::ALL, Kind::code, Kind::label, lang)
                selected=form.kind.clone() error=err(field::KIND) placeholder=Msg::ChooseOption/>
            <Field name=field::DATE label=Msg::FieldDate value=form.date.clone() error=err(field::DATE) kind=FieldKind::Date
                required=true/>
            <Field name=field::EMPLOYER label=Msg::FieldJobPlace value=form.employer.clone() error=err(field::EMPLOYER) required=true
                autocomplete="organization"/>
            <Field name=field::JOB_TITLE label=Msg::FieldJobTitle value=form.job_title.clone() error=err(field::JOB_TITLE)/>
            <SelectField name=field::CHANNEL label=Msg::FieldChannel options=options(Channel::ALL, Channel::code, Channel::label, lang)
                selected=form.channel.clone() error=err(field::CHANNEL) placeholder=Msg::NotGiven optional=true/>
            <SelectField name=field::STATUS label=Msg::FieldStatus options=options(Status::ALL, Status::code, Status::label, lang)
                selected=form.status.clone() error=err(field::STATUS) placeholder=Msg::ChooseOption/>
            <Field name=field::NOTES label=Msg::FieldNotes value=form.notes.clone() error=err(field::NOTES) kind=FieldKind::Multiline/>
            <Field name=field::APPLICATION_TEXT label=Msg::FieldApplicationText value=form.application_text.clone()
                error=err(field::APPLICATION_TEXT) kind=FieldKind::Multiline/>
            <button type="submit" class="button button-primary">{lang.t(Msg::Save)}</button>
        </form>
        {entry.map(|e| {
            let error_id = "field-file-error";
            view! {
                <section class="attachment" aria-labelledby="attachment-heading">
                    <h2 class="h3" id="attachment-heading">{lang.t(Msg::FieldFile)}</h2>
                    {e.attachment.as_ref().map(|a| view! {
                        <p>{lang.t(Msg::Attachment)} ": " <a href=format!("{}?id={}", crate::pages::ATTACHMENT_PATH, e.id)>{a.file_name.clone()}</a>
                            {format!(" ({} kB)", a.size.div_ceil(1024))}</p>
                    })}
                    {query.read_untracked().get("bilag").map(|_| view! {
                        <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::AttachmentSaved)}</p></div></div>
                    })}
                    <form method="post" action=format!("{}?id={}", crate::pages::ATTACHMENT_PATH, e.id) enctype="multipart/form-data">
                        <div class="form-group" class:form-error=upload_error.is_some()>
                            <label class="form-label" for="field-file">{lang.t(Msg::FieldFile)}</label>
                            <span class="form-hint" id="field-file-hint">{lang.t(Msg::FieldFileHint)}</span>
                            {upload_error.map(|m| view! {
                                <span class="form-error-message" id=error_id><span class="sr-only">{lang.t(Msg::ErrorPrefix)} " "</span>{lang.t(m)}</span>
                            })}
                            <input class="form-file-input" type="file" id="field-file" name="file"
                                accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                                aria-invalid=upload_error.is_some().to_string()
                                aria-describedby=if upload_error.is_some() { "field-file-hint field-file-error" } else { "field-file-hint" }/>
                        </div>
                        <button type="submit" class="button button-secondary">{lang.t(Msg::Attach)}</button>
                    </form>
                </section>
            }
        })}
    }
}
