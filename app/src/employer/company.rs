//! The company page: who acts for the company. Its administrator approves those
//! who asked to join and removes those who should not act for it; anyone waiting
//! sees that they wait.

use crate::domain::account::CompanyRole;
use crate::domain::company::{CompanyView, UserAction};
use crate::error::AppError;
use crate::forms::{form_page, ButtonData, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ButtonForm, ErrorSummary};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "employer/company")]
pub async fn my_company() -> Result<Option<CompanyView>, AppError> {
    // Employers (access table); their own company only, its users only for its administrator.
    let me = crate::auth::require_user()?;
    crate::ssr::services::companies::mine(&crate::ssr::state()?, &me).await
}

#[server(prefix = "/api", endpoint = "employer/company/act")]
pub async fn company_action(form: ButtonData) -> Result<UserAction, AppError> {
    // Employers (access table); the service acts only within the company the caller administers.
    let me = crate::auth::require_user()?;
    let action = UserAction::parse(&form.action).ok_or(AppError::BadRequest)?;
    let user_id = form.id.trim().parse::<i64>().map_err(|_| AppError::BadRequest)?;
    crate::ssr::services::companies::act(&crate::ssr::state()?, &me, action, user_id, &crate::auth::client_ip()).await?;
    Ok(action)
}

#[component]
pub fn CompanyPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_company());
    let query = leptos_router::hooks::use_query_map();
    let next = |a: &UserAction| match a {
        UserAction::Approve => format!("{}?godkendt=1", crate::path::COMPANY),
        UserAction::Remove => format!("{}?fjernet=1", crate::path::COMPANY),
    };
    view! {
        <PageTitle text=lang.t(Msg::CompanyHeading).to_string()/>
        <h1>{lang.t(Msg::CompanyHeading)}</h1>
        {move || {
            let q = query.read();
            let done = if q.get("godkendt").is_some() { Some(Msg::CompanyUserApproved) } else if q.get("fjernet").is_some() { Some(Msg::CompanyUserRemoved) } else { None };
            done.map(|msg| view! {
                <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(msg)}</p></div></div>
            })
        }}
        {form_page(company_action, next, move |rejected: Option<Rejected<ButtonData>>| view! {
            {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![]/> })}
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(Some(company)) => view! { <CompanyDetails company/> }.into_any(),
                    Ok(None) => view! { <p>{lang.t(Msg::CompanyNone)}</p> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

#[component]
fn CompanyDetails(company: CompanyView) -> impl IntoView {
    let lang = use_lang();
    let waiting = company.my_role == Some(CompanyRole::Pending);
    view! {
        <dl class="vacancy-facts">
            <dt>{lang.t(Msg::FieldCompany)}</dt><dd>{format!("{} (CVR {})", company.name, company.cvr)}</dd>
            <dt>{lang.t(Msg::CompanyYourRole)}</dt><dd>{company.my_role.map(|r| lang.t(r.label())).unwrap_or("-")}</dd>
        </dl>
        {waiting.then(|| view! { <CompanyPendingNotice/> })}
        {(!company.users.is_empty()).then(|| view! {
            <h2>{lang.t(Msg::CompanyUsersHeading)}</h2>
            <p>{lang.t(Msg::CompanyUsersIntro)}</p>
            <CompanyUsers users=company.users.clone() action=crate::path::COMPANY.to_string()/>
        })}
    }
}

/// Shown to someone who asked to join a company and is not yet approved.
#[component]
pub fn CompanyPendingNotice() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::CompanyPendingNotice)}</p></div></div>
    }
}

/// A company's users with what its administrator may do to each: approve those
/// waiting, remove anyone but the administrator.
#[component]
fn CompanyUsers(users: Vec<crate::domain::company::CompanyUser>, action: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <crate::ui::TableScroll label=lang.t(Msg::CompanyUsersHeading).to_string()>
            <table class="table table--compact company-users">
                <thead><tr>
                    <th scope="col">{lang.t(Msg::FieldName)}</th>
                    <th scope="col">{lang.t(Msg::FieldEmail)}</th>
                    <th scope="col">{lang.t(Msg::CompanyRoleColumn)}</th>
                    <th scope="col"><span class="sr-only">{lang.t(Msg::Actions)}</span></th>
                </tr></thead>
                <tbody>
                    {users.into_iter().map(|u| {
                        let id = u.id.to_string();
                        let act = |kind: &'static str, label: Msg| view! {
                            <ButtonForm action=action.clone() label secondary=true detail=u.name.clone()
                                hidden=vec![("action", kind.to_string()), ("id", id.clone())]/>
                        };
                        view! { <tr>
                            <td>{u.name.clone()}</td>
                            <td>{u.email.clone()}</td>
                            <td>{lang.t(u.role.label())}</td>
                            <td>
                                {(u.role == CompanyRole::Pending).then(|| act("approve", Msg::ApproveUser))}
                                {(u.role != CompanyRole::Admin).then(|| act("remove", Msg::RemoveUser))}
                            </td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </crate::ui::TableScroll>
    }
}
