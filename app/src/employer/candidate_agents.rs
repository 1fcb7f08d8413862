//! Candidate agents: the company's saved CV searches, what is new for each, and
//! saving one from the candidate search.

use super::candidates::EmployerNav;
use crate::domain::agents::{AgentAction, AgentDone, AgentForm};
use crate::domain::candidate::{CandidateAgent, CandidateMatch};
use crate::domain::search::SearchQuery;
use crate::error::AppError;
use crate::forms::{form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::jobseeker::SavedNote;
use crate::ui::form::{ButtonForm, ErrorSummary};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[server(prefix = "/api", endpoint = "employer/candidate-agents")]
pub async fn my_candidate_agents() -> Result<Vec<CandidateAgent>, AppError> {
    // Employers (access table); their company's agents only.
    let me = crate::auth::require_user()?;
    crate::ssr::services::candidate_agents::list(&crate::ssr::state()?, &me).await
}

#[server(prefix = "/api", endpoint = "employer/candidate-agents/act")]
pub async fn candidate_agent_action(form: AgentForm) -> Result<AgentDone, AppError> {
    // Employers (access table); every query names the caller's company.
    let me = crate::auth::require_user()?;
    crate::ssr::services::candidate_agents::act(&crate::ssr::state()?, &me, &form).await
}

#[server(prefix = "/api", endpoint = "employer/candidate-agents/new")]
pub async fn new_candidates(id: i64) -> Result<Vec<CandidateMatch>, AppError> {
    // Employers (access table); another company's agent is "not found".
    let me = crate::auth::require_user()?;
    crate::ssr::services::candidate_agents::take_new(&crate::ssr::state()?, &me, id).await
}

#[component]
pub fn CandidateAgentsPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_candidate_agents());
    let here = crate::path::CANDIDATE_AGENTS;
    let next = move |done: &AgentDone| match done {
        AgentDone::Created => format!("{here}?gemt=1"),
        _ => here.to_string(),
    };
    view! {
        <PageTitle text=lang.t(Msg::CandidateAgentsHeading).to_string()/>
        <EmployerNav current=crate::path::CANDIDATE_AGENTS/>
        <h1>{lang.t(Msg::CandidateAgentsHeading)}</h1>
        <SavedNote msg=Msg::CandidateAgentCreated/>
        {form_page(candidate_agent_action, next, move |rejected: Option<Rejected<AgentForm>>| view! {
            {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![("name", Msg::FieldAgentName)]/> })}
            <p>{lang.t(Msg::CandidateAgentsIntro)}</p>
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(agents) if agents.is_empty() => view! { <p>{lang.t(Msg::CandidateAgentsEmpty)}</p> }.into_any(),
                    Ok(agents) => view! { <AgentList agents/> }.into_any(),
                    Err(AppError::Forbidden) => view! { <super::company::CompanyPendingNotice/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

#[component]
fn AgentList(agents: Vec<CandidateAgent>) -> impl IntoView {
    let lang = use_lang();
    let here = crate::path::CANDIDATE_AGENTS.to_string();
    view! {
        <ul class="nobullet-list agents">
            {agents.into_iter().map(|a| {
                let id = a.id.to_string();
                let (email_action, email_label) =
                    if a.email_digest { (AgentAction::EmailOff, Msg::EmailOff) } else { (AgentAction::EmailOn, Msg::EmailUsOn) };
                let search = SearchQuery::from_address(&a.query).href_at(crate::path::CANDIDATES);
                view! {
                    <li class="agent">
                        <h2 class="h4">{a.name.clone()}</h2>
                        <p>
                            <a href=search>{format!("{}: {}", lang.t(Msg::ShowSearch), a.name)}</a>
                            " · "
                            <a href=crate::pages::link(crate::path::CANDIDATE_AGENT, &[&a.id])>
                                {format!("{} ({})", lang.t(Msg::CandidateAgentSeeNew), a.unseen)}
                            </a>
                            {a.email_digest.then(|| view! { " · " {lang.t(Msg::EmailIsOn)} })}
                        </p>
                        <ButtonForm action=here.clone() label=email_label secondary=true detail=a.name.clone()
                            hidden=vec![("action", email_action.code().to_string()), ("id", id.clone())]/>
                        <ButtonForm action=here.clone() label=Msg::DeleteCandidateAgent secondary=true detail=a.name.clone()
                            hidden=vec![("action", AgentAction::Delete.code().to_string()), ("id", id)]/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The new candidates of one agent; opening the page shows them once.
#[component]
pub fn CandidateAgentPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let data = Resource::new(move || id, new_candidates);
    view! {
        <PageTitle text=lang.t(Msg::CandidateAgentNewHeading).to_string()/>
        <EmployerNav current=crate::path::CANDIDATE_AGENTS/>
        <h1>{lang.t(Msg::CandidateAgentNewHeading)}</h1>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || data.get().map(|r| match r {
                Ok(found) if found.is_empty() => view! { <p>{lang.t(Msg::CandidateAgentNone)}</p> }.into_any(),
                Ok(found) => view! {
                    <ul class="nobullet-list result-list">
                        {found.into_iter().map(|m| view! {
                            <li class="result-item">
                                <a class="result-title" href=crate::pages::link(crate::path::CANDIDATE, &[&m.candidate])>{m.headline}</a>
                                " · " {i18n::date_time(lang, m.found)}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
        <p><a href=crate::path::CANDIDATE_AGENTS>{lang.t(Msg::CandidateAgentsHeading)}</a></p>
    }
}

/// On the candidate search: save this search as the company's agent.
#[component]
pub fn SaveCandidateAgentForm(query: SearchQuery) -> impl IntoView {
    let lang = use_lang();
    let query_string = crate::domain::agents::query_string(&query);
    view! {
        <form method="post" action=crate::path::CANDIDATE_AGENTS class="save-agent">
            <input type="hidden" name="action" value=AgentAction::Create.code()/>
            <input type="hidden" name="query" value=query_string/>
            <div class="form-group">
                <label class="form-label" for="agent-name">{lang.t(Msg::FieldAgentName)}</label>
                <input class="form-input input-width-l" type="text" id="agent-name" name="name" value=query.text.clone()/>
            </div>
            <div class="form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id="agent-email" name="email" value="on"/>
                <label class="form-label" for="agent-email">{lang.t(Msg::EmailUsOn)}</label>
            </div>
            <button type="submit" class="button button-secondary">{lang.t(Msg::SaveAsCandidateAgent)}</button>
        </form>
    }
}
