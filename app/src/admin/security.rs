//! The administrators' security work: the security log, moving a company's
//! administration to the right person, and switching staff accounts off.

use crate::domain::account::Role;
use crate::domain::company::CompanyView;
use crate::domain::security::{self, SecurityEvent, StaffAccount};
use crate::error::AppError;
use crate::forms::{self, form_page, ButtonData, FormData, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::{ButtonForm, ErrorSummary, Field, Kind};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[server(prefix = "/api", endpoint = "admin/security-log")]
pub async fn security_log(before: Option<i64>) -> Result<Vec<SecurityEvent>, AppError> {
    // Administrators only (access table and service).
    let me = crate::auth::require_user()?;
    crate::ssr::services::security::log(&crate::ssr::state()?, &me, before).await
}

#[server(prefix = "/api", endpoint = "admin/companies/find")]
pub async fn find_company(cvr: String) -> Result<Option<CompanyView>, AppError> {
    // Administrators only (access table and service).
    let me = crate::auth::require_user()?;
    let cvr: String = cvr.chars().take(20).collect();
    crate::ssr::services::companies::find(&crate::ssr::state()?, &me, &cvr).await
}

/// Moving a company's administration: to whom, and how it was checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecoveryForm {
    pub cvr: String,
    pub id: String,
    pub reason: String,
}

impl FormData for RecoveryForm {}

#[server(prefix = "/api", endpoint = "admin/companies/move-admin")]
pub async fn move_company_admin(form: RecoveryForm) -> Result<String, AppError> {
    // Administrators only (access table and service); logged as a security event.
    let me = crate::auth::require_user()?;
    let user_id = form.id.trim().parse::<i64>().map_err(|_| crate::error::FieldErrors::one("id", Msg::ErrChooseUser))?;
    let st = crate::ssr::state()?;
    crate::ssr::services::companies::move_admin(&st, &me, &form.cvr, user_id, &form.reason, &crate::auth::client_ip()).await?;
    let query = serde_urlencoded::to_string([("cvr", form.cvr.trim()), ("flyttet", "1")]).unwrap_or_default();
    Ok(format!("{}?{query}", crate::path::COMPANIES))
}

#[server(prefix = "/api", endpoint = "admin/staff")]
pub async fn staff_accounts() -> Result<Vec<StaffAccount>, AppError> {
    // Administrators only (access table and service).
    let me = crate::auth::require_user()?;
    crate::ssr::services::security::staff(&crate::ssr::state()?, &me).await
}

#[server(prefix = "/api", endpoint = "admin/staff/act")]
pub async fn staff_action(form: ButtonData) -> Result<(), AppError> {
    // Administrators only (access table and service); logged as a security event.
    let me = crate::auth::require_user()?;
    let id = form.id.trim().parse::<i64>().map_err(|_| AppError::BadRequest)?;
    let (st, ip) = (crate::ssr::state()?, crate::auth::client_ip());
    match security::StaffAction::parse(&form.action).ok_or(AppError::BadRequest)? {
        security::StaffAction::Deactivate => crate::ssr::services::security::set_active(&st, &me, id, false, &ip).await,
        security::StaffAction::Reactivate => crate::ssr::services::security::set_active(&st, &me, id, true, &ip).await,
        security::StaffAction::ResetSecondFactor => crate::ssr::services::second_factor::reset(&st, &me, id, &ip).await,
    }
}

/// The links between the administrator's pages, the current one marked.
#[component]
pub fn AdminNav(current: &'static str) -> impl IntoView {
    let links = vec![
        (crate::path::USERS, Msg::AdminUsersHeading),
        (crate::path::STAFF, Msg::NavStaff),
        (crate::path::RULES, Msg::RulesHeading),
        (crate::path::COMPANIES, Msg::NavCompanies),
        (crate::path::SECURITY_LOG, Msg::NavSecurityLog),
        (crate::path::REPORTS, Msg::NavReports),
        (crate::path::IMPORTS, Msg::NavImports),
    ];
    view! { <crate::ui::layout::AreaNav label=Msg::RoleAdmin links current/> }
}

#[component]
pub fn SecurityLogPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let before = Memo::new(move |_| query.read().get("foer").and_then(|v| v.trim().parse::<i64>().ok()));
    let events = Resource::new(move || before.get(), security_log);
    view! {
        <PageTitle text=lang.t(Msg::SecurityLogHeading).to_string()/>
        <AdminNav current=crate::path::SECURITY_LOG/>
        <h1>{lang.t(Msg::SecurityLogHeading)}</h1>
        <p>{lang.t(Msg::SecurityLogIntro)}</p>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || events.get().map(|r| match r {
                Ok(rows) => {
                    let older = (rows.len() as i64 == security::EVENTS_PER_PAGE).then(|| rows.last().map(|e| e.id)).flatten();
                    view! {
                        <crate::ui::TableScroll label=lang.t(Msg::SecurityLogHeading).to_string()>
                            <table class="table table--compact security-log">
                                <thead><tr>
                                    <th scope="col">{lang.t(Msg::AccessWhen)}</th>
                                    <th scope="col">{lang.t(Msg::SecurityWhat)}</th>
                                    <th scope="col">{lang.t(Msg::AccessWho)}</th>
                                    <th scope="col">{lang.t(Msg::SecurityFrom)}</th>
                                    <th scope="col">{lang.t(Msg::SecurityWhere)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|e| view! { <tr>
                                        <td>{i18n::date_time(lang, e.at)}</td>
                                        <td>{lang.t(security::kind_label(&e.kind))}</td>
                                        <td>{e.who.unwrap_or_else(|| "-".into())}</td>
                                        <td>{e.ip}</td>
                                        <td class="break-word">{e.what}</td>
                                    </tr> }).collect_view()}
                                </tbody>
                            </table>
                        </crate::ui::TableScroll>
                        {older.map(|id| view! { <p><a href=format!("{}?foer={id}", crate::path::SECURITY_LOG)>{lang.t(Msg::OlderEvents)}</a></p> })}
                    }.into_any()
                }
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
pub fn CompaniesPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let cvr = Memo::new(move |_| query.read().get("cvr").unwrap_or_default());
    let moved = move || query.read().get("flyttet").is_some();
    let found = Resource::new(
        move || cvr.get(),
        |cvr| async move {
            if cvr.trim().is_empty() {
                Ok(None)
            } else {
                find_company(cvr).await
            }
        },
    );
    view! {
        <PageTitle text=lang.t(Msg::AdminCompaniesHeading).to_string()/>
        <AdminNav current=crate::path::COMPANIES/>
        <h1>{lang.t(Msg::AdminCompaniesHeading)}</h1>
        <p>{lang.t(Msg::AdminCompaniesIntro)}</p>
        {move || moved().then(|| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::CompanyAdminMoved)}</p></div></div>
        })}
        <Form action=crate::path::COMPANIES method="get" attr:class="company-find">
            <div class="form-group">
                <label class="form-label" for="cvr">{lang.t(Msg::FieldCvr)}</label>
                <div class="search-row">
                    <input class="form-input input-width-s" type="text" id="cvr" name="cvr" inputmode="numeric" value=move || cvr.get()/>
                    <button type="submit" class="button button-secondary">{lang.t(Msg::FindCompany)}</button>
                </div>
            </div>
        </Form>
        {form_page(move_company_admin, |next: &String| next.clone(), move |rejected: Option<Rejected<RecoveryForm>>| view! {
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || {
                    let rejected = rejected.clone();
                    found.get().map(move |r| match r {
                        Ok(Some(company)) => view! { <RecoveryFormView company rejected/> }.into_any(),
                        Ok(None) if cvr.get().trim().is_empty() => ().into_any(),
                        Ok(None) => view! { <p>{lang.t(Msg::CompanyNotFound)}</p> }.into_any(),
                        Err(error) => view! { <ErrorAlert error/> }.into_any(),
                    })
                }}
            </Suspense>
        })}
    }
}

#[component]
fn RecoveryFormView(company: CompanyView, rejected: Option<Rejected<RecoveryForm>>) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = forms::state(&rejected);
    let fields = vec![("id", Msg::FieldNewCompanyAdmin), ("reason", Msg::FieldRecoveryReason)];
    let id_error = errors.get("id");
    // Posted back to this company's address, so a rejected form is shown with it.
    let action = format!("{}?{}", crate::path::COMPANIES, serde_urlencoded::to_string([("cvr", company.cvr.as_str())]).unwrap_or_default());
    view! {
        <h2>{format!("{} (CVR {})", company.name, company.cvr)}</h2>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=fields.clone()/> })}
        <form method="post" action=action novalidate=true>
            <input type="hidden" name="cvr" value=company.cvr.clone()/>
            <fieldset class=if id_error.is_some() { "form-group form-error" } else { "form-group" }
                aria-describedby=id_error.map(|_| "field-id-error")>
                <legend class="form-label" id="field-id">{lang.t(Msg::FieldNewCompanyAdmin)}</legend>
                {id_error.map(|m| view! { <span class="form-error-message" id="field-id-error">{lang.t(m)}</span> })}
                {company.users.into_iter().map(|u| {
                    let id = format!("user-{}", u.id);
                    let checked = form.id == u.id.to_string();
                    view! {
                        <div class="form-group-radio">
                            <input class="form-radio" type="radio" id=id.clone() name="id" value=u.id.to_string() checked=checked/>
                            <label class="form-label" for=id>{format!("{} ({}), {}", u.name, u.email, lang.t(u.role.label()))}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <Field name="reason" label=Msg::FieldRecoveryReason value=form.reason.clone() error=errors.get("reason")
                kind=Kind::Multiline required=true/>
            <button type="submit" class="button button-primary">{lang.t(Msg::MakeCompanyAdmin)}</button>
        </form>
    }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| staff_accounts());
    let query = use_query_map();
    view! {
        <PageTitle text=lang.t(Msg::StaffHeading).to_string()/>
        <AdminNav current=crate::path::STAFF/>
        <h1>{lang.t(Msg::StaffHeading)}</h1>
        {move || query.read().get("gemt").map(|_| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::StaffChanged)}</p></div></div>
        })}
        {form_page(staff_action, |_: &()| format!("{}?gemt=1", crate::path::STAFF), move |rejected: Option<Rejected<ButtonData>>| view! {
            {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![]/> })}
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(rows) => view! { <StaffTable rows/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

#[component]
fn StaffTable(rows: Vec<StaffAccount>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <crate::ui::TableScroll label=lang.t(Msg::StaffHeading).to_string()>
            <table class="table table--compact staff">
                <thead><tr>
                    <th scope="col">{lang.t(Msg::FieldName)}</th>
                    <th scope="col">{lang.t(Msg::FieldEmail)}</th>
                    <th scope="col">{lang.t(Msg::FieldRole)}</th>
                    <th scope="col">{lang.t(Msg::FieldMunicipality)}</th>
                    <th scope="col">{lang.t(Msg::StaffActive)}</th>
                    <th scope="col">{lang.t(Msg::StaffSecondFactor)}</th>
                    <th scope="col"><span class="sr-only">{lang.t(Msg::Actions)}</span></th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|s| {
                        let action = if s.active { security::StaffAction::Deactivate } else { security::StaffAction::Reactivate };
                        let place = s.municipality.and_then(crate::domain::municipality::by_code).map(|m| m.official_name(lang)).unwrap_or_else(|| "-".into());
                        view! { <tr>
                            <td>{s.name.clone()}</td>
                            <td>{s.email.clone()}</td>
                            <td>{lang.t(if s.role == Role::Admin { Msg::RoleAdmin } else { Msg::RoleCaseworker })}</td>
                            <td>{place}</td>
                            <td>{lang.t(if s.active { Msg::StaffActive } else { Msg::StaffDeactivated })}</td>
                            <td>{lang.t(if s.second_factor { Msg::StaffSecondFactorOn } else { Msg::StaffSecondFactorOff })}</td>
                            <td>
                                <ButtonForm action=crate::path::STAFF.to_string() label=action.label() secondary=true detail=s.name.clone()
                                    hidden=vec![("action", action.code().to_string()), ("id", s.id.to_string())]/>
                                {s.second_factor.then(|| view! {
                                    <ButtonForm action=crate::path::STAFF.to_string() label=security::StaffAction::ResetSecondFactor.label() secondary=true detail=s.name.clone()
                                        hidden=vec![("action", security::StaffAction::ResetSecondFactor.code().to_string()), ("id", s.id.to_string())]/>
                                })}
                            </td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </crate::ui::TableScroll>
    }
}
