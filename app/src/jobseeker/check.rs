//! The 7-day check: the suggestions to look at, the deadline, and one button to
//! confirm. Reminders, grace and escalation happen in the sweep (services).

use super::{JobseekerNav, SavedNote, SuggestionList};
use crate::domain::jobseeker::CheckView;
use crate::error::AppError;
use crate::forms::{form_page, ButtonData};
use crate::i18n::{self, Msg};
use crate::ui::form::ButtonForm;
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "jobseeker/check")]
pub async fn my_check() -> Result<CheckView, AppError> {
    // Jobseekers (access table), their own check only.
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::checks::view(&crate::ssr::state()?, &me, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "jobseeker/check/confirm")]
pub async fn confirm_check(form: ButtonData) -> Result<chrono::NaiveDate, AppError> {
    let _ = form;
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::checks::confirm(&crate::ssr::state()?, &me, crate::ssr::today()?).await
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_check());
    view! {
        <PageTitle text=lang.t(Msg::NavCheck).to_string()/>
        <JobseekerNav current=crate::path::CHECK/>
        <h1>{lang.t(Msg::NavCheck)}</h1>
        {form_page(confirm_check, |_: &chrono::NaiveDate| format!("{}?gemt=1", crate::path::CHECK), move |rejected| view! {
            {rejected.map(|r| view! { <ErrorAlert error=r.error/> })}
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(v) => view! { <CheckViewPart v/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

#[component]
fn CheckViewPart(v: CheckView) -> impl IntoView {
    let lang = use_lang();
    let due_text = if v.due == v.today {
        lang.t(Msg::CheckDueToday).to_string()
    } else {
        format!("{}: {}", lang.t(Msg::CheckDueLabel), i18n::date(lang, v.due))
    };
    view! {
        <SavedNote msg=Msg::CheckDone/>
        <p class="lead">{lang.t(Msg::CheckIntro)}</p>
        {if v.sick {
            view! { <p class="check-due">{lang.t(Msg::CheckSickNote)}</p> }.into_any()
        } else {
            view! { <p class="check-due"><strong>{due_text}</strong></p> }.into_any()
        }}
        {v.last_confirmed.map(|d| view! { <p class="check-last">{format!("{}: {}", lang.t(Msg::CheckLastConfirmed), i18n::date(lang, d))}</p> })}
        <p>{lang.t(Msg::CheckGrace)}</p>
        <h2>{lang.t(Msg::SuggestionsHeading)}</h2>
        <SuggestionList suggestions=v.suggestions/>
        <ButtonForm action=crate::path::CHECK.to_string() label=Msg::ConfirmCheck hidden=vec![("action", "confirm".to_string())]/>
        {(!v.history.is_empty()).then(|| view! {
            <h2>{lang.t(Msg::HistoryHeading)}</h2>
            <ul class="check-history">
                {v.history.iter().take(20).map(|(d, k)| view! { <li>{format!("{}: {}", i18n::date(lang, *d), lang.t(k.label()))}</li> }).collect_view()}
            </ul>
        })}
    }
}
