//! The escalation rules of a municipality: the numbers in force, a form that saves
//! a new version, and every earlier version with who, when and why.

use crate::domain::escalation::{RulesForm, RulesPage, RULE_RANGES};
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::{ErrorSummary, Field, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(prefix = "/api", endpoint = "admin/rules")]
pub async fn rules_of(municipality: u16) -> Result<RulesPage, AppError> {
    // Administrators only (access table, and the service).
    let me = crate::auth::require_user()?;
    crate::ssr::services::caseworker::rules::page(&crate::ssr::state()?, &me, municipality).await
}

#[server(prefix = "/api", endpoint = "admin/rules/save")]
pub async fn save_rules(form: RulesForm) -> Result<u16, AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::caseworker::rules::change(&crate::ssr::state()?, &me, &form).await
}

/// (field name, label) of each number, in `RULE_RANGES` order.
const LABELS: [Msg; 5] =
    [Msg::RuleMissedChecks, Msg::RuleBehindWeeks, Msg::RuleSelfServiceWeeks, Msg::RuleServiceLevel, Msg::RuleQuietDays];

#[component]
pub fn RulesAdminPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let municipality = Memo::new(move |_| {
        query
            .with(|q| q.get("kommune").and_then(|k| k.parse::<u16>().ok()))
            .filter(|m| crate::domain::municipality::by_code(*m).is_some())
            .unwrap_or(101)
    });
    let data = Resource::new(move || municipality.get(), rules_of);
    view! {
        <PageTitle text=lang.t(Msg::RulesHeading).to_string()/>
        <super::security::AdminNav current=crate::path::RULES/>
        <h1>{lang.t(Msg::RulesHeading)}</h1>
        <p>{lang.t(Msg::RulesIntro)}</p>
        {move || query.read().get("gemt").map(|_| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::RulesSaved)}</p></div></div>
        })}
        <form method="get" action=crate::path::RULES class="queue-filter">
            <SelectField name="kommune" label=Msg::FieldMunicipality options=crate::domain::municipality::options(lang)
                selected=municipality.get_untracked().to_string() error=None/>
            <button type="submit" class="button button-secondary">{lang.t(Msg::ShowMunicipality)}</button>
        </form>
        {form_page(save_rules, |m: &u16| format!("{}?kommune={m}&gemt=1", crate::path::RULES), move |rejected: Option<Rejected<RulesForm>>| view! {
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(page) => view! { <RulesView page rejected=rejected.clone()/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

#[component]
fn RulesView(page: RulesPage, rejected: Option<Rejected<RulesForm>>) -> impl IntoView {
    let lang = use_lang();
    let form = match &rejected {
        Some(r) => r.form.clone(),
        None => RulesForm::from_rules(page.municipality, &page.current),
    };
    let (_, errors) = forms::state(&rejected);
    let values = [
        form.missed_checks.clone(),
        form.joblog_behind_weeks.clone(),
        form.self_service_weeks.clone(),
        form.service_level_days.clone(),
        form.quiet_days.clone(),
    ];
    let mut fields: Vec<(&'static str, Msg)> = RULE_RANGES.iter().zip(LABELS).map(|((n, ..), l)| (*n, l)).collect();
    fields.push(("note", Msg::RulesNote));
    let name = crate::domain::municipality::by_code(page.municipality).map(|m| m.official_name(lang)).unwrap_or_default();
    view! {
        {rejected.map(|r| view! { <ErrorSummary error=r.error fields/> })}
        <h2>{name}</h2>
        {page.history.is_empty().then(|| view! { <p>{lang.t(Msg::RulesDefaultsApply)}</p> })}
        <form method="post" action=format!("{}?kommune={}", crate::path::RULES, page.municipality) novalidate=true>
            <input type="hidden" name="municipality" value=page.municipality.to_string()/>
            {RULE_RANGES.iter().zip(LABELS).zip(values).map(|(((field, lo, hi), label), value)| view! {
                <RuleField field=*field label range=format!("{lo}–{hi}") value error=errors.get(field)/>
            }).collect_view()}
            <Field name="note" label=Msg::RulesNote value=form.note.clone() required=true width="input-width-xl" error=errors.get("note")/>
            <button type="submit" class="button button-primary">{lang.t(Msg::SaveRules)}</button>
        </form>
        {(!page.history.is_empty()).then(|| view! {
            <crate::ui::TableScroll label=lang.t(Msg::HistoryHeading).to_string()>
                <table class="table table--zebra rules-history">
                    <caption>{lang.t(Msg::HistoryHeading)}</caption>
                    <thead><tr>
                        <th scope="col">{lang.t(Msg::RulesVersionLabel)}</th>
                        <th scope="col">{lang.t(Msg::RulesChangedAt)}</th>
                        <th scope="col">{lang.t(Msg::RulesChangedBy)}</th>
                        <th scope="col">{lang.t(Msg::RulesNote)}</th>
                        {LABELS.iter().map(|l| view! { <th scope="col">{lang.t(*l)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {page.history.into_iter().map(|v| view! {
                            <tr>
                                <td>{v.version}</td>
                                <td>{i18n::date_time(lang, v.changed_at)}</td>
                                <td>{v.changed_by}</td>
                                <td>{v.note}</td>
                                <td>{v.rules.missed_checks}</td>
                                <td>{v.rules.joblog_behind_weeks}</td>
                                <td>{v.rules.self_service_weeks}</td>
                                <td>{v.rules.service_level_days}</td>
                                <td>{v.rules.quiet_days}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </crate::ui::TableScroll>
        })}
    }
}

/// One number of the rules, with its allowed range as the hint.
#[component]
fn RuleField(field: &'static str, label: Msg, range: String, value: String, error: Option<Msg>) -> impl IntoView {
    let lang = use_lang();
    let id = format!("field-{field}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = if error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    view! {
        <div class="form-group" class:form-error=error.is_some()>
            <label class="form-label" for=id.clone()>{lang.t(label)}</label>
            <span class="form-hint" id=hint_id>{range}</span>
            {error.map(|m| view! {
                <span class="form-error-message" id=error_id.clone()><span class="sr-only">{lang.t(Msg::ErrorPrefix)} " "</span>{lang.t(m)}</span>
            })}
            <input class="form-input input-width-xs" type="text" inputmode="numeric" id=id name=field value=value
                aria-invalid=error.is_some().to_string() aria-describedby=described/>
        </div>
    }
}
