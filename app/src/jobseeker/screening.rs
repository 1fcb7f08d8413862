//! The self-assessment at registration: five questions, answered once. The
//! answers route the citizen to self-service or to a caseworker (see
//! `domain::screening`), and the page says which.

use super::JobseekerNav;
use crate::domain::screening::{field, Digital, Health, Language, Screening, ScreeningForm, TimeToJob};
use crate::error::AppError;
use crate::forms::{form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, RadioGroup};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "jobseeker/screening")]
pub async fn my_screening() -> Result<Option<Screening>, AppError> {
    // Jobseekers (access table), their own answers.
    let me = crate::auth::require_user()?;
    crate::ssr::services::caseworker::screening_of(&crate::ssr::state()?, me.id).await
}

#[server(prefix = "/api", endpoint = "jobseeker/screening/answer")]
pub async fn answer_screening(form: ScreeningForm) -> Result<Screening, AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::contact::screen(&crate::ssr::state()?, &me, &form, crate::ssr::today()?).await
}

/// (value, text) pairs of a question's answers.
fn choices<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str, label: impl Fn(T) -> Msg, lang: crate::Lang) -> Vec<(String, String)> {
    all.iter().map(|x| (code(*x).to_string(), lang.t(label(*x)).to_string())).collect()
}

#[component]
pub fn ScreeningPage() -> impl IntoView {
    let lang = use_lang();
    let done = Resource::new(|| (), |_| my_screening());
    view! {
        <PageTitle text=lang.t(Msg::ScreeningHeading).to_string()/>
        <JobseekerNav current=crate::path::SCREENING/>
        <h1>{lang.t(Msg::ScreeningHeading)}</h1>
        {form_page(answer_screening, |_: &Screening| crate::path::SCREENING.to_string(), move |rejected: Option<Rejected<ScreeningForm>>| {
            let rejected = rejected.clone();
            view! {
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || done.get().map(|r| match r {
                        Ok(Some(s)) => view! { <ScreeningResult s/> }.into_any(),
                        Ok(None) => view! { <ScreeningQuestions rejected=rejected.clone()/> }.into_any(),
                        Err(error) => view! { <ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
            }
        })}
    }
}

#[component]
fn ScreeningResult(s: Screening) -> impl IntoView {
    let lang = use_lang();
    let text = if s.to_caseworker() { Msg::ScreeningCaseworker } else { Msg::ScreeningSelfService };
    view! {
        <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(text)}</p></div></div>
        <p><a href=crate::path::OVERVIEW>{lang.t(Msg::NavOverview)}</a></p>
    }
}

#[component]
fn ScreeningQuestions(rejected: Option<Rejected<ScreeningForm>>) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = crate::forms::state(&rejected);
    let questions = vec![
        (field::TIME_TO_JOB, Msg::QTimeToJob),
        (field::HEALTH, Msg::QHealth),
        (field::WANTS_HELP, Msg::QWantsHelp),
        (field::LANGUAGE, Msg::QLanguage),
        (field::DIGITAL, Msg::QDigital),
    ];
    let yes_no = vec![("ja".to_string(), lang.t(Msg::AnswerYes).to_string()), ("nej".to_string(), lang.t(Msg::AnswerNo).to_string())];
    view! {
        {rejected.map(|r| view! { <ErrorSummary error=r.error fields=questions.clone()/> })}
        <p class="lead">{lang.t(Msg::ScreeningIntro)}</p>
        <form method="post" action=crate::path::SCREENING novalidate=true>
            <RadioGroup name=field::TIME_TO_JOB label=Msg::QTimeToJob options=choices(TimeToJob::ALL, TimeToJob::code, TimeToJob::label, lang)
                selected=form.time_to_job.clone() error=errors.get(field::TIME_TO_JOB)/>
            <RadioGroup name=field::HEALTH label=Msg::QHealth options=choices(Health::ALL, Health::code, Health::label, lang)
                selected=form.health.clone() error=errors.get(field::HEALTH)/>
            <RadioGroup name=field::WANTS_HELP label=Msg::QWantsHelp options=yes_no selected=form.wants_help.clone() error=errors.get(field::WANTS_HELP)/>
            <RadioGroup name=field::LANGUAGE label=Msg::QLanguage options=choices(Language::ALL, Language::code, Language::label, lang)
                selected=form.language.clone() error=errors.get(field::LANGUAGE)/>
            <RadioGroup name=field::DIGITAL label=Msg::QDigital options=choices(Digital::ALL, Digital::code, Digital::label, lang)
                selected=form.digital.clone() error=errors.get(field::DIGITAL)/>
            <button type="submit" class="button button-primary">{lang.t(Msg::SendAnswers)}</button>
        </form>
    }
}
