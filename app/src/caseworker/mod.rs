//! The jobcentre caseworker's workspace: finding a citizen and seeing their data,
//! always within their municipality, with a stated purpose, and audit-logged.

use crate::domain::account::CitizenCard;
use crate::domain::audit::Purpose;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

pub const CITIZENS_PATH: &str = "/jobcenter/borgere";

#[cfg(feature = "ssr")]
fn purpose(code: &str) -> Result<Purpose, AppError> {
    Purpose::parse(code).ok_or(AppError::BadRequest)
}

#[server(prefix = "/api", endpoint = "caseworker/citizen/find")]
pub async fn find_citizen(email: String, purpose_code: String) -> Result<Option<CitizenCard>, AppError> {
    // Caseworkers and administrators (access table); scope is checked by the service.
    let viewer = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    crate::ssr::services::citizens::find_by_email(&st, &viewer, &email, purpose(&purpose_code)?).await
}

#[server(prefix = "/api", endpoint = "caseworker/citizen/view")]
pub async fn citizen_view(id: i64, purpose_code: String) -> Result<CitizenCard, AppError> {
    // Caseworkers and administrators (access table); scope is checked by the service.
    let viewer = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    crate::ssr::services::citizens::view(&st, &viewer, id, purpose(&purpose_code)?).await
}

/// Choose why you are looking: a select that every lookup and view must carry.
#[component]
fn PurposeSelect(#[prop(into)] selected: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="form-group">
            <label class="form-label" for="formaal">{lang.t(Msg::FieldPurpose)}</label>
            <span class="form-hint" id="formaal-hint">{lang.t(Msg::FieldPurposeHint)}</span>
            <select class="form-select" id="formaal" name="formaal" aria-describedby="formaal-hint">
                {Purpose::ALL.into_iter().map(|p| view! {
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
    let found = Resource::new(move || asked.get(), |asked| async move {
        match asked {
            // Outer None: nothing asked yet; inner None: no such citizen in scope.
            Some((email, code)) if !email.trim().is_empty() => find_citizen(email, code).await.map(Some),
            _ => Ok(None),
        }
    });
    view! {
        <PageTitle text=lang.t(Msg::CitizensHeading).to_string()/>
        <h1>{lang.t(Msg::CitizensHeading)}</h1>
        <p>{lang.t(Msg::CitizensIntro)}</p>
        <form method="get" action=CITIZENS_PATH>
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
                            <a href=format!("{CITIZENS_PATH}/{}?formaal={code}", c.id)>{c.name.clone()}</a>
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

#[component]
pub fn CitizenPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok())));
    let code = Memo::new(move |_| query.with(|q| q.get("formaal")).filter(|c| Purpose::parse(c).is_some()));
    let citizen = Resource::new(move || (id.get(), code.get()), |(id, code)| async move {
        match (id, code) {
            (Some(id), Some(code)) => citizen_view(id, code).await.map(Some),
            (None, _) => Err(AppError::NotFound),
            (Some(_), None) => Ok(None),
        }
    });
    view! {
        <PageTitle text=lang.t(Msg::CitizenHeading).to_string()/>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || citizen.get().map(|r| match r {
                Ok(Some(c)) => view! { <CitizenCardView c/> }.into_any(),
                // No purpose yet: ask for one before anything is shown.
                Ok(None) => view! {
                    <h1>{lang.t(Msg::CitizenHeading)}</h1>
                    <form method="get">
                        <PurposeSelect selected=""/>
                        <button type="submit" class="button button-primary">{lang.t(Msg::OpenCitizen)}</button>
                    </form>
                }.into_any(),
                Err(error) => view! { <h1>{lang.t(Msg::CitizenHeading)}</h1><ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn CitizenCardView(c: CitizenCard) -> impl IntoView {
    let lang = use_lang();
    let municipality = c.municipality_code.and_then(crate::domain::municipality::by_code).map(|m| m.name.to_string());
    view! {
        <h1>{c.name.clone()}</h1>
        <dl class="vacancy-facts citizen-facts">
            <dt>{lang.t(Msg::FieldEmail)}</dt><dd>{c.email.clone()}</dd>
            {c.phone.clone().map(|p| view! { <dt>"Telefon"</dt><dd>{p}</dd> })}
            {municipality.map(|m| view! { <dt>{lang.t(Msg::FieldMunicipality)}</dt><dd>{m}</dd> })}
        </dl>
    }
}
