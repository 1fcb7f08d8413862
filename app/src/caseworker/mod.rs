//! The jobcentre caseworker's workspace: the queue of citizens whose self-service
//! stalled, one citizen's case, finding a citizen, and the dashboard. Always within
//! their municipality; every look at a citizen has a stated purpose and is logged.

pub mod case;
pub mod dashboard;
pub mod queue;

pub use case::CitizenPage;
pub use dashboard::DashboardPage;
pub use queue::QueuePage;

use crate::domain::account::CitizenCard;
use crate::domain::audit::Purpose;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The links between the caseworker's pages, the current one marked.
#[component]
pub fn CaseworkerNav(current: &'static str) -> impl IntoView {
    let links = vec![
        (crate::path::QUEUE, Msg::NavQueue),
        (crate::path::BUSINESS_QUEUE, Msg::NavBusinessTasks),
        (crate::path::CITIZENS, Msg::NavCitizens),
        (crate::path::DASHBOARD, Msg::NavDashboard),
    ];
    view! { <crate::ui::layout::AreaNav label=Msg::NavQueue links current/> }
}

#[cfg(feature = "ssr")]
pub(crate) fn purpose(code: &str) -> Result<Purpose, AppError> {
    Purpose::parse(code).ok_or(AppError::BadRequest)
}

#[server(prefix = "/api", endpoint = "caseworker/citizen/find")]
pub async fn find_citizen(email: String, purpose_code: String) -> Result<Option<CitizenCard>, AppError> {
    // Caseworkers and administrators (access table); scope is checked by the service.
    let viewer = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    crate::ssr::services::citizens::find_by_email(&st, &viewer, &email, purpose(&purpose_code)?).await
}

/// Choose why you are looking: a select that every lookup and view must carry.
#[component]
pub(crate) fn PurposeSelect(#[prop(into)] selected: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="form-group">
            <label class="form-label" for="formaal">{lang.t(Msg::FieldPurpose)}</label>
            <span class="form-hint" id="formaal-hint">{lang.t(Msg::FieldPurposeHint)}</span>
            <select class="form-select" id="formaal" name="formaal" aria-describedby="formaal-hint">
                {Purpose::ALL.iter().copied().map(|p| view! {
                    <option value=p.code() selected=selected == p.code()>{lang.t(p.label())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn CitizensPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let asked = Memo::new(move |_| query.with(|q| q.get("email").zip(q.get("formaal"))));
    let found = Resource::new(
        move || asked.get(),
        |asked| async move {
            match asked {
                // Outer None: nothing asked yet; inner None: no such citizen in scope.
                Some((email, code)) if !email.trim().is_empty() => find_citizen(email, code).await.map(Some),
                _ => Ok(None),
            }
        },
    );
    view! {
        <PageTitle text=lang.t(Msg::CitizensHeading).to_string()/>
        <CaseworkerNav current=crate::path::CITIZENS/>
        <h1>{lang.t(Msg::CitizensHeading)}</h1>
        <p>{lang.t(Msg::CitizensIntro)}</p>
        <form method="get" action=crate::path::CITIZENS>
            <div class="form-group">
                <label class="form-label" for="email">{lang.t(Msg::FieldEmail)}</label>
                <input class="form-input input-width-xl" type="email" id="email" name="email"
                    value=move || asked.get().map(|a| a.0).unwrap_or_default()/>
            </div>
            <PurposeSelect selected=asked.get_untracked().map(|a| a.1).unwrap_or_default()/>
            <button type="submit" class="button button-primary">{lang.t(Msg::SearchCitizen)}</button>
        </form>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || found.get().map(|r| match r {
                Ok(Some(Some(c))) => {
                    let code = asked.get().map(|a| a.1).unwrap_or_default();
                    view! {
                        <p class="citizen-found">
                            <a href=format!("{}?formaal={code}", crate::pages::link(crate::path::CASE, &[&c.id]))>{c.name.clone()}</a>
                        </p>
                    }.into_any()
                }
                Ok(Some(None)) => view! { <p class="citizen-not-found" role="status">{lang.t(Msg::CitizenNotFound)}</p> }.into_any(),
                Ok(None) => ().into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

/// Asks why before anything of a citizen is shown.
pub(crate) fn ask_purpose(lang: crate::Lang) -> impl IntoView {
    view! {
        <h1>{lang.t(Msg::CitizenHeading)}</h1>
        <form method="get">
            <PurposeSelect selected=""/>
            <button type="submit" class="button button-primary">{lang.t(Msg::OpenCitizen)}</button>
        </form>
    }
}
