//! Job agents: the person's saved searches, with e-mail on or off, and deleting.
//! Created from the search page ("Gem søgningen som jobagent").

use super::{JobseekerNav, SavedNote};
pub use crate::domain::agents::AgentDone;
use crate::domain::agents::{self, Agent, AgentForm};
use crate::error::AppError;
use crate::forms::{form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::{ButtonForm, ErrorSummary};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "jobseeker/agents")]
pub async fn my_agents() -> Result<Vec<Agent>, AppError> {
    // Jobseekers (access table), their own agents only.
    let me = crate::auth::require_user()?;
    crate::ssr::services::agents::list(&crate::ssr::state()?, &me).await
}

#[server(prefix = "/api", endpoint = "jobseeker/agents/act")]
pub async fn agent_action(form: AgentForm) -> Result<AgentDone, AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::agents::act(&crate::ssr::state()?, &me, &form).await
}

#[component]
pub fn AgentsPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_agents());
    let next = |done: &AgentDone| match done {
        AgentDone::Created => format!("{}?gemt=1", crate::path::AGENTS),
        AgentDone::Deleted => format!("{}?slettet=1", crate::path::AGENTS),
        AgentDone::Changed => crate::path::AGENTS.to_string(),
    };
    view! {
        <PageTitle text=lang.t(Msg::NavAgents).to_string()/>
        <JobseekerNav current=crate::path::AGENTS/>
        <h1>{lang.t(Msg::NavAgents)}</h1>
        <SavedNote msg=Msg::AgentCreated/>
        {form_page(agent_action, next, move |rejected: Option<Rejected<AgentForm>>| view! {
            {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![("name", Msg::FieldAgentName)]/> })}
            <p>{lang.t(Msg::AgentsIntro)}</p>
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(agents) if agents.is_empty() => view! { <p>{lang.t(Msg::AgentsEmpty)}</p> }.into_any(),
                    Ok(agents) => view! { <AgentList agents/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

#[component]
fn AgentList(agents: Vec<Agent>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="nobullet-list agents">
            {agents.into_iter().map(|a| {
                let id = a.id.to_string();
                let (email_action, email_label) = if a.email_digest { (agents::AgentAction::EmailOff.code(), Msg::EmailOff) } else { (agents::AgentAction::EmailOn.code(), Msg::EmailOn) };
                view! {
                    <li class="agent">
                        <h2 class="h4">{a.name.clone()}</h2>
                        <p>
                            <a href=a.href.clone()>{format!("{}: {}", lang.t(Msg::ShowSearch), a.name)}</a>
                            " · " {i18n::vacancy_count(lang, a.matches)}
                            {a.email_digest.then(|| view! { " · " {lang.t(Msg::EmailIsOn)} })}
                        </p>
                        <ButtonForm action=crate::path::AGENTS.to_string() label=email_label secondary=true detail=a.name.clone()
                            hidden=vec![("action", email_action.to_string()), ("id", id.clone())]/>
                        <ButtonForm action=crate::path::AGENTS.to_string() label=Msg::DeleteAgent secondary=true detail=a.name.clone()
                            hidden=vec![("action", agents::AgentAction::Delete.code().to_string()), ("id", id)]/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// On the search page, for a signed-in jobseeker: save this search as an agent.
#[component]
pub fn SaveAgentForm(query: crate::search::types::SearchQuery) -> impl IntoView {
    let lang = use_lang();
    let me = Resource::new(|| (), |_| crate::auth::my_account());
    let query_string = crate::domain::agents::query_string(&query);
    let name = query.text.clone();
    view! {
        <Suspense>
            {move || me.get().and_then(|r| r.ok().flatten()).filter(|u| u.role == crate::domain::account::Role::Jobseeker).map(|_| view! {
                <form method="post" action=crate::path::AGENTS class="save-agent">
                    <input type="hidden" name="action" value=agents::AgentAction::Create.code()/>
                    <input type="hidden" name="query" value=query_string.clone()/>
                    <div class="form-group">
                        <label class="form-label" for="agent-name">{lang.t(Msg::FieldAgentName)}</label>
                        <input class="form-input input-width-l" type="text" id="agent-name" name="name" value=name.clone()/>
                    </div>
                    <button type="submit" class="button button-secondary">{lang.t(Msg::SaveAsAgent)}</button>
                </form>
            })}
        </Suspense>
    }
}
