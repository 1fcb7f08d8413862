//! The citizen and their jobcentre: asking for help (linked from every page of
//! theirs), why the jobcentre is on their case and what happens next, meetings to
//! confirm, and the message thread.

use super::{JobseekerNav, SavedNote};
use crate::domain::case::MyJobcentre;
use crate::domain::contact::{Meeting, MeetingKind, MeetingStatus, Message};
use crate::domain::escalation::{CitizenEscalation, Status};
use crate::error::AppError;
use crate::forms::{form_page, FormData, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::{ButtonForm, ErrorSummary, Field, Kind, TextForm};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelpForm {
    pub message: String,
}
impl FormData for HelpForm {}

/// Sending a message, or confirming a meeting (`action`: a `ContactAction`'s code).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub action: String,
    pub body: String,
    pub id: String,
}
impl FormData for ContactForm {}

/// The page and its thread, for the citizen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactView {
    pub mine: MyJobcentre,
    pub messages: Vec<Message>,
}

#[server(prefix = "/api", endpoint = "jobseeker/help")]
pub async fn ask_for_help(form: HelpForm) -> Result<(), AppError> {
    // Jobseekers (access table), for themselves.
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::contact::ask_help(&crate::ssr::state()?, &me, &form.message, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "jobseeker/contact")]
pub async fn my_contact() -> Result<ContactView, AppError> {
    let me = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    use crate::ssr::services::jobseeker::contact;
    // The thread first: reading it marks the jobcentre's messages read.
    let messages = contact::messages(&st, &me).await?;
    Ok(ContactView { mine: contact::mine(&st, &me).await?, messages })
}

#[server(prefix = "/api", endpoint = "jobseeker/contact/act")]
pub async fn contact_action(form: ContactForm) -> Result<String, AppError> {
    let me = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    use crate::domain::contact::ContactAction;
    use crate::ssr::services::jobseeker::contact;
    match ContactAction::parse(&form.action).ok_or(AppError::BadRequest)? {
        ContactAction::Send => contact::send(&st, &me, &form.body).await.map(|_| "sendt".to_string()),
        ContactAction::Confirm => {
            let id = form.id.trim().parse().map_err(|_| AppError::BadRequest)?;
            contact::confirm_meeting(&st, &me, id).await.map(|_| "bekraeftet".to_string())
        }
    }
}

#[component]
pub fn HelpPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Msg::HelpHeading).to_string()/>
        <JobseekerNav current=crate::path::HELP/>
        <h1>{lang.t(Msg::HelpHeading)}</h1>
        {form_page(ask_for_help, |_: &()| format!("{}?hjaelp=1", crate::path::CONTACT), move |rejected: Option<Rejected<HelpForm>>| {
            let (form, errors) = crate::forms::state(&rejected);
            view! {
                {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![("message", Msg::FieldHelpMessage)]/> })}
                <p class="lead">{lang.t(Msg::HelpIntro)}</p>
                <form method="post" action=crate::path::HELP novalidate=true>
                    <Field name="message" label=Msg::FieldHelpMessage value=form.message kind=Kind::Multiline error=errors.get("message")/>
                    <button type="submit" class="button button-primary">{lang.t(Msg::AskForHelp)}</button>
                </form>
            }
        })}
    }
}

#[component]
pub fn ContactPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_contact());
    let query = leptos_router::hooks::use_query_map();
    view! {
        <PageTitle text=lang.t(Msg::JobcentreHeading).to_string()/>
        <JobseekerNav current=crate::path::CONTACT/>
        <h1>{lang.t(Msg::JobcentreHeading)}</h1>
        {move || query.read().get("hjaelp").map(|_| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::HelpSent)}</p></div></div>
        })}
        <SavedNote msg=Msg::MessageSent/>
        {form_page(contact_action, |done: &String| format!("{}?{done}=1", crate::path::CONTACT), move |rejected: Option<Rejected<ContactForm>>| {
            let (form, errors) = crate::forms::state(&rejected);
            view! {
                {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![("body", Msg::FieldMessage)]/> })}
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || data.get().map(|r| match r {
                        Ok(v) => view! {
                            <EscalationList escalations=v.mine.escalations.clone()/>
                            <section aria-labelledby="meetings-heading">
                                <h2 id="meetings-heading">{lang.t(Msg::MeetingsHeading)}</h2>
                                <MeetingList meetings=v.mine.meetings.clone() confirm_at=Some(crate::path::CONTACT)/>
                            </section>
                            <section aria-labelledby="messages-heading">
                                <h2 id="messages-heading">{lang.t(Msg::NavMessages)}</h2>
                                <p>{lang.t(Msg::MessagesIntro)}</p>
                                <Thread messages=v.messages.clone() citizen_view=true/>
                            </section>
                        }.into_any(),
                        Err(error) => view! { <ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
                <TextForm action=crate::path::CONTACT.to_string() act=crate::domain::contact::ContactAction::Send.code() name="body" label=Msg::FieldMessage value=form.body.clone()
                    error=errors.get("body") button=Msg::SendMessage class="message-form"/>
            }
        })}
    }
}

/// Why the jobcentre is on the case and what happens next; then closed ones.
#[component]
pub fn EscalationList(escalations: Vec<CitizenEscalation>) -> impl IntoView {
    let lang = use_lang();
    let any_open = escalations.iter().any(|e| e.status == Status::Open);
    view! {
        <section aria-labelledby="escalations-heading" class="escalations">
            <h2 id="escalations-heading">{lang.t(if any_open { Msg::JobcentreOnCase } else { Msg::JobcentreHeading })}</h2>
            {escalations.is_empty().then(|| view! { <p>{lang.t(Msg::NothingOpen)}</p> })}
            <ul class="nobullet-list">
                {escalations.into_iter().map(|e| view! {
                    <li class="escalation" class:escalation-open=e.status == Status::Open>
                        <p><strong>{lang.t(e.status.label())}</strong> " · " {i18n::date_time(lang, e.raised_at)}</p>
                        <p>{format!("{}: {}", lang.t(Msg::WhyLabel), lang.t(e.reason.label()))}</p>
                        {if e.status == Status::Open {
                            view! { <p>{format!("{}: {}", lang.t(Msg::WhatNextLabel), lang.t(e.reason.next_step()))}</p> }.into_any()
                        } else {
                            view! { <p class="escalation-resolution">{format!("{}: {}", lang.t(Msg::ClosedWith), e.resolution)}</p> }.into_any()
                        }}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Meetings, soonest first; with a confirm button for the citizen.
#[component]
pub fn MeetingList(
    meetings: Vec<Meeting>,
    /// Where the citizen confirms a meeting; `None` in the caseworker's view.
    confirm_at: Option<&'static str>,
    /// Where the caseworker cancels one (their view only).
    #[prop(optional)]
    cancel_at: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    if meetings.is_empty() {
        let none = if confirm_at.is_some() { Msg::MeetingsNone } else { Msg::MeetingsEmpty };
        return view! { <p>{lang.t(none)}</p> }.into_any();
    }
    view! {
        <ul class="nobullet-list meetings">
            {meetings.into_iter().map(|m| {
                let when = format!("{} {}", i18n::date(lang, m.starts_at.date()), m.starts_at.format("%H.%M"));
                let place = match m.kind {
                    MeetingKind::Phone if m.place.is_empty() => lang.t(Msg::MeetingPhoneNote).to_string(),
                    _ => m.place.clone(),
                };
                view! {
                    <li class="meeting">
                        <p><strong>{format!("{}: {when}", lang.t(m.kind.label()))}</strong> " " {format!("{} {}", lang.t(Msg::MeetingWith), m.caseworker)}</p>
                        <p class="meeting-place">{place}</p>
                        <p class="meeting-status">{lang.t(m.status.label())}</p>
                        {(m.status == MeetingStatus::Booked).then_some(confirm_at).flatten().map(|at| view! {
                            <ButtonForm action=at.to_string() label=Msg::ConfirmMeeting detail=when.clone()
                                hidden=vec![("action", crate::domain::contact::ContactAction::Confirm.code().to_string()), ("id", m.id.to_string())]/>
                        })}
                        {(m.status != MeetingStatus::Cancelled).then(|| cancel_at.clone()).flatten().map(|at| view! {
                            <ButtonForm action=at label=Msg::CancelMeeting secondary=true detail=when.clone()
                                hidden=vec![("action", crate::domain::case::CaseAction::CancelMeeting.code().to_string()), ("meeting_id", m.id.to_string())]/>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The messages between a citizen and the jobcentre, oldest first.
#[component]
pub fn Thread(messages: Vec<Message>, citizen_view: bool) -> impl IntoView {
    let lang = use_lang();
    if messages.is_empty() {
        return view! { <p>{lang.t(Msg::MessagesEmpty)}</p> }.into_any();
    }
    view! {
        <ol class="nobullet-list thread">
            {messages.into_iter().map(|m| {
                let mine = m.from_citizen == citizen_view;
                let who = match (citizen_view, m.from_citizen) {
                    (true, true) => lang.t(Msg::FromYou).to_string(),
                    (true, false) => format!("{} ({})", lang.t(Msg::FromJobcentre), m.author),
                    (false, _) => m.author.clone(),
                };
                view! {
                    <li class="message" class:message-mine=mine>
                        <p class="message-meta">
                            <strong>{who}</strong> " · " {i18n::date_time(lang, m.at)}
                            {(!mine && !m.read).then(|| view! { " " <strong class="badge badge-info">{lang.t(Msg::Unread)}</strong> })}
                        </p>
                        <p class="message-body">{m.body}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}
