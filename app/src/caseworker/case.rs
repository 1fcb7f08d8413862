//! One citizen's case for a caseworker: why they were escalated, their CV, joblog,
//! availability and checks, the messages, meetings and journal, and the actions.
//! Opening it needs a purpose and writes an audit row the citizen can see.

use super::{ask_purpose, CaseworkerNav};
use crate::domain::audit::Purpose;
use crate::domain::case::{CaseForm, CaseView};
use crate::domain::contact::{field as meeting_field, MeetingKind};
use crate::error::AppError;
use crate::forms::{form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::jobseeker::contact::{MeetingList, Thread};
use crate::ui::form::{ErrorSummary, Field, Kind, SelectField, TextForm};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[server(prefix = "/api", endpoint = "caseworker/citizen/view")]
pub async fn citizen_view(id: i64, purpose_code: String) -> Result<CaseView, AppError> {
    // Staff (access table); the municipality scope and the audit row are the service's.
    let viewer = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    crate::ssr::services::caseworker::cases::case(&st, &viewer, id, super::purpose(&purpose_code)?, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "caseworker/case/act")]
pub async fn case_action(id: i64, form: CaseForm) -> Result<(), AppError> {
    let viewer = crate::auth::require_user()?;
    crate::ssr::services::caseworker::cases::act(&crate::ssr::state()?, &viewer, id, &form).await
}

#[component]
pub fn CitizenPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok())));
    let code = Memo::new(move |_| query.with(|q| q.get("formaal")).filter(|c| Purpose::parse(c).is_some()));
    let citizen = Resource::new(
        move || (id.get(), code.get()),
        |(id, code)| async move {
            match (id, code) {
                (Some(id), Some(code)) => citizen_view(id, code).await.map(Some),
                (None, _) => Err(AppError::NotFound),
                (Some(_), None) => Ok(None),
            }
        },
    );
    let (id0, code0) = (id.get_untracked().unwrap_or_default(), code.get_untracked().unwrap_or_default());
    let here = format!("{}?formaal={code0}", crate::pages::link(crate::path::CASE, &[&id0]));
    let next = {
        let here = here.clone();
        move |_: &()| format!("{here}&gemt=1")
    };
    view! {
        <PageTitle text=lang.t(Msg::CitizenHeading).to_string()/>
        <CaseworkerNav current=crate::path::CITIZENS/>
        {form_page(move |f: CaseForm| case_action(id0, f), next, move |rejected: Option<Rejected<CaseForm>>| {
            let here = here.clone();
            view! {
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || citizen.get().map(|r| match r {
                        Ok(Some(c)) => view! { <CaseViewPart c here=here.clone() rejected=rejected.clone()/> }.into_any(),
                        // No purpose yet: ask for one before anything is shown.
                        Ok(None) => ask_purpose(lang).into_any(),
                        Err(error) => view! { <h1>{lang.t(Msg::CitizenHeading)}</h1><ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
            }
        })}
    }
}

#[component]
fn CaseViewPart(c: CaseView, here: String, rejected: Option<Rejected<CaseForm>>) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = crate::forms::state(&rejected);
    let err = move |name: &str| errors.get(name);
    let municipality = c.card.municipality_code.and_then(crate::domain::municipality::by_code).map(|m| m.official_name(lang));
    let kinds: Vec<(String, String)> = MeetingKind::ALL.iter().map(|k| (k.code().to_string(), lang.t(k.label()).to_string())).collect();
    let fields = vec![
        ("body", Msg::FieldMessage),
        ("note", Msg::FieldNote),
        (meeting_field::KIND, Msg::FieldMeetingKind),
        (meeting_field::DATE, Msg::FieldMeetingDate),
        (meeting_field::TIME, Msg::FieldMeetingTime),
        (meeting_field::PLACE, Msg::FieldMeetingPlace),
        ("resolution", Msg::FieldResolution),
    ];
    let p = &c.progress;
    view! {
        <h1>{c.card.name.clone()}</h1>
        {rejected.map(|r| view! { <ErrorSummary error=r.error fields/> })}
        {move || use_query_map().read().get("gemt").map(|_| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::CaseSaved)}</p></div></div>
        })}
        <dl class="vacancy-facts citizen-facts">
            <dt>{lang.t(Msg::FieldEmail)}</dt><dd>{c.card.email.clone()}</dd>
            {c.card.phone.clone().map(|p| view! { <dt>{lang.t(Msg::MeetingPhone)}</dt><dd>{p}</dd> })}
            {municipality.map(|m| view! { <dt>{lang.t(Msg::FieldMunicipality)}</dt><dd>{m}</dd> })}
            <dt>{lang.t(Msg::TrackLabel)}</dt><dd class="case-track">{lang.t(c.track.label())}</dd>
        </dl>
        <section aria-labelledby="case-screening" class="case-screening">
            <h2 id="case-screening" class="h3">{lang.t(Msg::ScreeningAnswersHeading)}</h2>
            {match c.screening.clone() {
                None => view! { <p>{lang.t(Msg::ScreeningNotAnswered)}</p> }.into_any(),
                Some(s) => {
                    let a = s.answers;
                    let rows = vec![
                        (Msg::QTimeToJob, lang.t(a.time_to_job.label())),
                        (Msg::QHealth, lang.t(a.health.label())),
                        (Msg::QWantsHelp, lang.t(if a.wants_help { Msg::AnswerYes } else { Msg::AnswerNo })),
                        (Msg::QLanguage, lang.t(a.language.label())),
                        (Msg::QDigital, lang.t(a.digital.label())),
                    ];
                    let route = if s.flags.is_empty() {
                        lang.t(Msg::TrackSelfService).to_string()
                    } else {
                        format!("{}: {}", lang.t(Msg::TrackCaseworker), s.flags.iter().map(|f| lang.t(f.label())).collect::<Vec<_>>().join(", "))
                    };
                    view! {
                        <dl class="vacancy-facts">
                            {rows.into_iter().map(|(q, answer)| view! { <dt>{lang.t(q)}</dt><dd>{answer}</dd> }).collect_view()}
                            <dt>{lang.t(Msg::ScreeningRoute)}</dt><dd>{route}</dd>
                        </dl>
                    }.into_any()
                }
            }}
        </section>
        <section aria-labelledby="case-open" class="case-open">
            <h2 id="case-open">{lang.t(Msg::CaseworkerOpen)}</h2>
            {c.open.is_empty().then(|| view! { <p>{lang.t(Msg::NothingOpen)}</p> })}
            <ul class="nobullet-list">
                {c.open.iter().map(|i| view! {
                    <li class="escalation escalation-open">
                        <strong>{lang.t(i.reason.label())}</strong> " · " {i.detail.clone()} " · "
                        {format!("{}: {}", lang.t(Msg::QueueDue), i18n::date(lang, i.due_on))} " · "
                        {format!("{}: {}", lang.t(Msg::QueueAssigned), i.assigned_to.as_ref().map(|a| a.1.clone()).unwrap_or_else(|| lang.t(Msg::QueueNobody).to_string()))}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <div class="overview-grid">
            <section class="overview-card" aria-labelledby="case-cv">
                <h2 id="case-cv" class="h3">{lang.t(Msg::CvHeadingShort)}</h2>
                <p>{i18n::cv_percent(lang, c.cv_percent)}</p>
                {(!c.cv_missing.is_empty()).then(|| view! {
                    <p>{format!("{}: {}", lang.t(Msg::CvMissingLabel), c.cv_missing.iter().map(|s| lang.t(s.heading())).collect::<Vec<_>>().join(", "))}</p>
                })}
            </section>
            <section class="overview-card" aria-labelledby="case-joblog">
                <h2 id="case-joblog" class="h3">{lang.t(Msg::JoblogHeadingShort)}</h2>
                <p>{i18n::joblog_progress(lang, p.applications, p.weeks.len() as u32, c.applications_per_week)}</p>
                <p>{if p.on_track { lang.t(Msg::JoblogOnTrack).to_string() } else { i18n::joblog_missing(lang, p.missing) }}</p>
                <ul class="case-entries">
                    {c.recent_entries.iter().map(|e| view! {
                        <li>{format!("{}: {} – {}, {}", i18n::date(lang, e.data.date), lang.t(e.data.kind.label()), e.data.employer, e.data.job_title)}</li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="overview-card" aria-labelledby="case-availability">
                <h2 id="case-availability" class="h3">{lang.t(Msg::AvailabilityHeadingShort)}</h2>
                <p>{match c.availability.sick_since {
                    Some(d) => format!("{} {}.", lang.t(Msg::SickSince), i18n::date(lang, d)),
                    None => format!("{}: {}.", lang.t(Msg::StatusAvailable), i18n::hours_a_week(lang, c.availability.hours)),
                }}</p>
                <h3 class="h5">{lang.t(Msg::ChecksHeading)}</h3>
                <ul>{c.checks.iter().take(8).map(|(d, k)| view! { <li>{format!("{}: {}", i18n::date(lang, *d), lang.t(k.label()))}</li> }).collect_view()}</ul>
            </section>
        </div>
        <section aria-labelledby="case-messages">
            <h2 id="case-messages">{lang.t(Msg::NavMessages)}</h2>
            <Thread messages=c.messages.clone() citizen_view=false/>
            <TextForm action=here.clone() act="message" name="body" label=Msg::FieldMessage value=form.body.clone() error=err("body")
                button=Msg::SendMessage class="message-form"/>
        </section>
        <section aria-labelledby="case-meetings">
            <h2 id="case-meetings">{lang.t(Msg::MeetingsHeading)}</h2>
            <MeetingList meetings=c.meetings.clone() confirm_at=None cancel_at=here.clone()/>
            <form method="post" action=here.clone() class="meeting-form" novalidate=true>
                <input type="hidden" name="action" value=crate::domain::case::CaseAction::Meeting.code()/>
                <SelectField name=meeting_field::KIND label=Msg::FieldMeetingKind options=kinds selected=form.meeting_kind.clone()
                    error=err(meeting_field::KIND) placeholder=Msg::ChooseOne/>
                <Field name=meeting_field::DATE label=Msg::FieldMeetingDate value=form.meeting_date.clone() kind=Kind::Date
                    required=true error=err(meeting_field::DATE)/>
                <Field name=meeting_field::TIME label=Msg::FieldMeetingTime hint=Msg::FieldMeetingTimeHint value=form.meeting_time.clone()
                    required=true width="input-width-xs" error=err(meeting_field::TIME)/>
                <Field name=meeting_field::PLACE label=Msg::FieldMeetingPlace hint=Msg::FieldMeetingPlaceHint value=form.meeting_place.clone()
                    error=err(meeting_field::PLACE)/>
                <button type="submit" class="button button-primary">{lang.t(Msg::BookMeeting)}</button>
            </form>
        </section>
        <section aria-labelledby="case-journal">
            <h2 id="case-journal">{lang.t(Msg::JournalHeading)}</h2>
            {c.notes.is_empty().then(|| view! { <p>{lang.t(Msg::JournalEmpty)}</p> })}
            <ul class="nobullet-list journal">
                {c.notes.iter().map(|n| view! {
                    <li><p class="message-meta"><strong>{n.author.clone()}</strong> " · " {i18n::date_time(lang, n.at)}</p><p>{n.body.clone()}</p></li>
                }).collect_view()}
            </ul>
            <TextForm action=here.clone() act="note" name="note" label=Msg::FieldNote value=form.note.clone() error=err("note")
                button=Msg::AddNote secondary=true/>
        </section>
        <section aria-labelledby="case-resolve">
            <h2 id="case-resolve">{lang.t(Msg::ResolveHeading)}</h2>
            <form method="post" action=here.clone() novalidate=true>
                <Field name="resolution" label=Msg::FieldResolution value=form.resolution.clone() kind=Kind::Multiline required=true error=err("resolution")/>
                <button type="submit" name="action" value=crate::domain::case::CaseAction::Resolve.code() class="button button-primary">{lang.t(Msg::ResolveToSelfService)}</button>
                " "
                <button type="submit" name="action" value=crate::domain::case::CaseAction::Track.code() class="button button-secondary">{lang.t(Msg::MoveToCaseworkerTrack)}</button>
            </form>
        </section>
        {(!c.earlier.is_empty()).then(|| view! {
            <section aria-labelledby="case-earlier">
                <h2 id="case-earlier">{lang.t(Msg::CaseworkerEarlier)}</h2>
                <ul class="nobullet-list">
                    {c.earlier.iter().map(|e| view! {
                        <li>{format!("{} · {} · {}: {}", i18n::date_time(lang, e.raised_at), lang.t(e.reason.label()), lang.t(e.status.label()), e.resolution)}</li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
