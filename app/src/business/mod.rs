//! Virksomhedsservice: an employer asks the jobcentre of a vacancy's municipality
//! for help recruiting; the jobcentre's caseworkers see those requests as a queue,
//! take one, write back, suggest candidates and close it. One task looks the same
//! to both sides, with what each may do.

use crate::domain::business::{BusinessAction, BusinessDone, BusinessForm, TaskList, TaskStatus, TaskSummary, TaskView};
use crate::domain::search::SearchQuery;
use crate::error::AppError;
use crate::forms::{form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::{ButtonForm, ErrorSummary, Field, Kind, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[server(prefix = "/api", endpoint = "business/tasks")]
pub async fn business_tasks() -> Result<TaskList, AppError> {
    // Employers (their company's) and staff (their municipality's): the service picks the desk.
    let me = crate::auth::require_user()?;
    crate::ssr::services::business::list(&crate::ssr::state()?, &me).await
}

/// One task; for the jobcentre with the candidate search of `address` (the part
/// after `?`; empty for the one the task starts from).
#[server(prefix = "/api", endpoint = "business/task")]
pub async fn business_task(id: i64, address: String) -> Result<TaskView, AppError> {
    // Employers and staff; another desk's task is "not found" (the query names the desk).
    let me = crate::auth::require_user()?;
    crate::ssr::services::business::open(&crate::ssr::state()?, &me, id, &address).await
}

#[server(prefix = "/api", endpoint = "business/act")]
pub async fn business_act(form: BusinessForm) -> Result<BusinessDone, AppError> {
    // Employers ask and write; caseworkers take, write, suggest and close: the service checks which.
    let me = crate::auth::require_user()?;
    crate::ssr::services::business::act(&crate::ssr::state()?, &me, &form).await
}

/// Where a form goes when it worked: the task's page, saying what was done.
fn after(at: &'static str) -> impl Fn(&BusinessDone) -> String + Clone + Send + Sync + 'static {
    move |done: &BusinessDone| format!("{}?gjort={}", crate::pages::link(at, &[&done.task]), done.action.code())
}

fn done_message(action: BusinessAction) -> Msg {
    match action {
        BusinessAction::Request => Msg::BusinessRequested,
        BusinessAction::Reply => Msg::ContactSent,
        BusinessAction::Take => Msg::BusinessTakeDone,
        BusinessAction::Suggest => Msg::BusinessSuggestDone,
        BusinessAction::Close => Msg::BusinessCloseDone,
    }
}

/// The employer's page: ask for help with a vacancy, and the requests sent.
#[component]
pub fn EmployerBusinessPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| business_tasks());
    // A vacancy's page links here with the vacancy chosen.
    let chosen = use_query_map().with_untracked(|q| q.get("stilling").unwrap_or_default());
    view! {
        <crate::employer::candidates::EmployerNav current=crate::path::EMPLOYER_BUSINESS/>
        {form_page(business_act, after(crate::path::EMPLOYER_TASK), move |rejected: Option<Rejected<BusinessForm>>| {
            let (form, errors) = crate::forms::state(&rejected);
            let chosen = if form.vacancy.is_empty() { chosen.clone() } else { form.vacancy.clone() };
            view! {
                <PageTitle text=crate::forms::title(lang, Msg::BusinessHeading, rejected.is_some())/>
                <h1>{lang.t(Msg::BusinessHeading)}</h1>
                <p>{lang.t(Msg::BusinessIntro)}</p>
                {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![
                    ("vacancy", Msg::FieldBusinessVacancy), ("need", Msg::FieldBusinessNeed), ("due", Msg::FieldBusinessDue)]/> })}
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || data.get().map(|r| match r {
                        Ok(list) => {
                            let (form, errors, chosen) = (form.clone(), errors.clone(), chosen.clone());
                            view! {
                                <section aria-labelledby="request-heading" class="business-request">
                                    <h2 id="request-heading">{lang.t(Msg::BusinessRequestHeading)}</h2>
                                    {if list.vacancies.is_empty() {
                                        view! { <p>{lang.t(Msg::BusinessNoVacancies)}</p> }.into_any()
                                    } else {
                                        view! {
                                            <form method="post" action=crate::path::EMPLOYER_BUSINESS novalidate=true>
                                                <input type="hidden" name="action" value=BusinessAction::Request.code()/>
                                                <SelectField name="vacancy" label=Msg::FieldBusinessVacancy
                                                    options=list.vacancies.iter().map(|(id, t)| (id.to_string(), t.clone())).collect()
                                                    selected=chosen error=errors.get("vacancy") placeholder=Msg::ChooseOne/>
                                                <Field name="need" label=Msg::FieldBusinessNeed hint=Msg::FieldBusinessNeedHint value=form.need.clone()
                                                    kind=Kind::Multiline required=true error=errors.get("need")/>
                                                <Field name="due" label=Msg::FieldBusinessDue value=form.due.clone()
                                                    kind=Kind::Date required=true error=errors.get("due")/>
                                                <button type="submit" class="button button-primary">{lang.t(Msg::SendBusinessRequest)}</button>
                                            </form>
                                        }.into_any()
                                    }}
                                </section>
                                <section aria-labelledby="list-heading">
                                    <h2 id="list-heading">{lang.t(Msg::BusinessListHeading)}</h2>
                                    {if list.tasks.is_empty() {
                                        view! { <p>{lang.t(Msg::BusinessEmpty)}</p> }.into_any()
                                    } else {
                                        view! { <TaskTable list at=crate::path::EMPLOYER_TASK jobcentre=false/> }.into_any()
                                    }}
                                </section>
                            }.into_any()
                        }
                        Err(AppError::Forbidden) => view! { <crate::employer::company::CompanyPendingNotice/> }.into_any(),
                        Err(error) => view! { <ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
            }
        })}
    }
}

/// The jobcentre's queue of business tasks in its municipality.
#[component]
pub fn BusinessQueuePage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| business_tasks());
    view! {
        <PageTitle text=lang.t(Msg::BusinessQueueHeading).to_string()/>
        <crate::caseworker::CaseworkerNav current=crate::path::BUSINESS_QUEUE/>
        <h1>{lang.t(Msg::BusinessQueueHeading)}</h1>
        <p>{lang.t(Msg::BusinessQueueIntro)}</p>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || data.get().map(|r| match r {
                Ok(list) if list.tasks.is_empty() => view! { <p>{lang.t(Msg::BusinessQueueEmpty)}</p> }.into_any(),
                Ok(list) => view! { <TaskTable list at=crate::path::BUSINESS_TASK jobcentre=true/> }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

/// Tasks as a table, each a link to its page `at`.
#[component]
fn TaskTable(list: TaskList, at: &'static str, jobcentre: bool) -> impl IntoView {
    let lang = use_lang();
    let today = list.today;
    view! {
        <crate::ui::TableScroll label=lang.t(if jobcentre { Msg::BusinessQueueHeading } else { Msg::BusinessListHeading }).to_string()>
            <table class="table table--zebra business-tasks">
                <caption class="sr-only">{lang.t(if jobcentre { Msg::BusinessQueueHeading } else { Msg::BusinessListHeading })}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Msg::FieldBusinessVacancy)}</th>
                        {jobcentre.then(|| view! { <th scope="col">{lang.t(Msg::BusinessCompany)}</th> })}
                        <th scope="col">{lang.t(Msg::BusinessDue)}</th>
                        <th scope="col">{lang.t(Msg::BusinessStatusLabel)}</th>
                        <th scope="col">{lang.t(Msg::BusinessCaseworker)}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.tasks.into_iter().map(|t| {
                        let overdue = t.overdue(today);
                        view! {
                            <tr class="business-task">
                                <th scope="row">
                                    <a href=crate::pages::link(at, &[&t.id])>{t.vacancy_title.clone()}</a>
                                    {(t.unread > 0).then(|| view! { <br/><span class="badge badge-info">{i18n::unread_messages(lang, i64::from(t.unread))}</span> })}
                                </th>
                                {jobcentre.then(|| view! { <td>{t.company.clone()}</td> })}
                                <td class:text-error=overdue>
                                    {i18n::date(lang, t.due_on)}
                                    {overdue.then(|| view! { " " <strong>{format!("({})", lang.t(Msg::QueueOverdue))}</strong> })}
                                </td>
                                <td>{lang.t(t.status.label())}</td>
                                <td>{t.caseworker.map(|c| c.1).unwrap_or_else(|| lang.t(Msg::BusinessNobody).to_string())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </crate::ui::TableScroll>
    }
}

#[component]
pub fn EmployerTaskPage() -> impl IntoView {
    view! {
        <crate::employer::candidates::EmployerNav current=crate::path::EMPLOYER_BUSINESS/>
        <TaskPage at=crate::path::EMPLOYER_TASK/>
    }
}

#[component]
pub fn JobcentreTaskPage() -> impl IntoView {
    view! {
        <crate::caseworker::CaseworkerNav current=crate::path::BUSINESS_QUEUE/>
        <TaskPage at=crate::path::BUSINESS_TASK/>
    }
}

/// One task at `at` (the employer's or the jobcentre's address for it).
#[component]
fn TaskPage(at: &'static str) -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let query = use_query_map();
    // The candidate search's part of the address; "gjort" only says what was just done.
    let address = Memo::new(move |_| {
        query.with(|q| {
            let searched = q.clone().into_iter().any(|(k, _)| k != "gjort");
            if searched {
                SearchQuery::from_params(|k| q.get_all(k).unwrap_or_default()).address_query()
            } else {
                String::new()
            }
        })
    });
    let data = Resource::new(move || address.get(), move |address| business_task(id, address));
    let here = crate::pages::link(at, &[&id]);
    view! {
        {move || query.read().get("gjort").and_then(|a| BusinessAction::parse(&a)).map(|a| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(done_message(a))}</p></div></div>
        })}
        {form_page(business_act, after(at), move |rejected: Option<Rejected<BusinessForm>>| {
            let (form, errors) = crate::forms::state(&rejected);
            let here = here.clone();
            view! {
                {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![("message", Msg::FieldReply), ("id", Msg::ClaimTask)]/> })}
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || data.get().map(|r| match r {
                        Ok(task) => view! { <TaskDetails task here=here.clone() message=form.message.clone() error=errors.get("message")/> }.into_any(),
                        Err(error) => view! { <PageTitle text=lang.t(Msg::NavBusiness).to_string()/><ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
            }
        })}
    }
}

#[component]
fn TaskDetails(task: TaskView, here: String, message: String, error: Option<Msg>) -> impl IntoView {
    let lang = use_lang();
    let s: TaskSummary = task.summary.clone();
    let heading = format!("{} {}", lang.t(Msg::BusinessAbout), s.vacancy_title);
    let (jobcentre, status) = (task.jobcentre, s.status);
    let acts = task.may_act && status == TaskStatus::Taken;
    // The company writes until the task is closed; the jobcentre once it has it.
    let writes = if jobcentre { acts } else { status != TaskStatus::Closed };
    let hidden = |action: BusinessAction| vec![("action", action.code().to_string()), ("id", s.id.to_string())];
    let suggested: Vec<i64> = task.suggestions.iter().map(|x| x.candidate).collect();
    view! {
        <PageTitle text=heading.clone()/>
        <h1>{heading}</h1>
        <dl class="vacancy-facts business-facts">
            {jobcentre.then(|| view! { <dt>{lang.t(Msg::BusinessCompany)}</dt><dd>{s.company.clone()}</dd> })}
            <dt>{lang.t(Msg::FieldBusinessVacancy)}</dt>
            <dd><a href=crate::pages::link(crate::path::VACANCY, &[&s.vacancy_id])>{s.vacancy_title.clone()}</a></dd>
            <dt>{lang.t(Msg::BusinessNeed)}</dt><dd class="business-need">{s.need.clone()}</dd>
            <dt>{lang.t(Msg::BusinessDue)}</dt><dd>{i18n::date(lang, s.due_on)}</dd>
            <dt>{lang.t(Msg::BusinessStatusLabel)}</dt><dd class="business-status">{lang.t(status.label())}</dd>
            <dt>{lang.t(Msg::BusinessCaseworker)}</dt>
            <dd>{s.caseworker.clone().map(|c| c.1).unwrap_or_else(|| lang.t(Msg::BusinessNobody).to_string())}</dd>
            <dt>{lang.t(Msg::BusinessRequestedBy)}</dt><dd>{s.requested_by.clone()}</dd>
        </dl>
        {(task.may_act && status == TaskStatus::Open).then(|| view! {
            <p>{lang.t(Msg::BusinessWaitTake)}</p>
            <ButtonForm action=here.clone() label=Msg::ClaimTask hidden=hidden(BusinessAction::Take)/>
        })}
        <section aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">{lang.t(Msg::BusinessSuggestionsHeading)}</h2>
            {if task.suggestions.is_empty() {
                view! { <p>{lang.t(Msg::BusinessSuggestionsNone)}</p> }.into_any()
            } else {
                view! {
                    <ul class="nobullet-list suggestion-list">
                        {task.suggestions.iter().cloned().map(|x| view! {
                            <li class="suggestion">
                                {if jobcentre {
                                    view! { <strong>{x.headline}</strong> }.into_any()
                                } else {
                                    view! { <a href=crate::pages::link(crate::path::CANDIDATE, &[&x.candidate])>{x.headline}</a> }.into_any()
                                }}
                                {(!x.note.is_empty()).then(|| view! { <br/><span>{x.note}</span> })}
                                <br/><span class="form-hint">{lang.t(Msg::BusinessSuggestedBy)} " " {x.by} " · " {i18n::date_time(lang, x.at)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="thread-heading">
            <h2 id="thread-heading">{lang.t(Msg::BusinessThreadHeading)}</h2>
            {if task.messages.is_empty() {
                view! { <p>{lang.t(Msg::BusinessThreadEmpty)}</p> }.into_any()
            } else {
                view! { <crate::employer::candidates::MessageList messages=task.messages.clone() company_side=!jobcentre/> }.into_any()
            }}
            {writes.then(|| view! {
                <form method="post" action=here.clone() novalidate=true class="message-form">
                    <input type="hidden" name="action" value=BusinessAction::Reply.code()/>
                    <input type="hidden" name="id" value=s.id.to_string()/>
                    <Field name="message" label=Msg::FieldReply value=message.clone() kind=Kind::Multiline required=true error/>
                    <button type="submit" class="button button-primary">{lang.t(Msg::SendReply)}</button>
                </form>
            })}
            {(status == TaskStatus::Closed).then(|| view! {
                <div class="alert alert-info"><div class="alert-body"><p class="alert-text">{lang.t(Msg::BusinessClosedNotice)}</p></div></div>
            })}
            {acts.then(|| view! { <ButtonForm action=here.clone() label=Msg::CloseBusinessTask secondary=true hidden=hidden(BusinessAction::Close)/> })}
        </section>
        {task.search.clone().map(|(address, results)| view! {
            <section aria-labelledby="candidates-heading" class="business-candidates">
                <h2 id="candidates-heading">{lang.t(Msg::BusinessCandidatesHeading)}</h2>
                <p>{lang.t(Msg::BusinessCandidatesIntro)}</p>
                <crate::search::FilterForm kind=crate::employer::candidates::CANDIDATE_FORM query=SearchQuery::from_address(&address) facets=results.facets.clone() action=here.clone()/>
                <p class="result-count" role="status">{i18n::candidate_count(lang, results.total)}</p>
                <ul class="result-list nobullet-list">
                    {results.hits.into_iter().map(|card| {
                        let (candidate, done) = (card.id, suggested.contains(&card.id));
                        let mut fields = hidden(BusinessAction::Suggest);
                        fields.push(("candidate", candidate.to_string()));
                        let (detail, here) = (card.occupations.join(", "), here.clone());
                        view! {
                            <crate::employer::candidates::CandidateItem card>
                                {if done {
                                    view! { <p><strong>{lang.t(Msg::BusinessAlreadySuggested)}</strong></p> }.into_any()
                                } else if acts {
                                    view! { <ButtonForm action=here.clone() label=Msg::SuggestCandidate secondary=true hidden=fields.clone() detail=detail.clone()/> }.into_any()
                                } else {
                                    ().into_any()
                                }}
                            </crate::employer::candidates::CandidateItem>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
