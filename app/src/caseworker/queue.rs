//! The queue: open escalations in the caseworker's municipality, with reason, age
//! and due date; filtered and sorted by the address; taken or handed on.

use super::CaseworkerNav;
use crate::domain::audit::Purpose;
use crate::domain::case::{QueueForm, QueuePage as Page};
use crate::domain::escalation::{age_days, QueueFilter, Reason, Who};
use crate::error::AppError;
use crate::forms::{form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::ButtonForm;
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(prefix = "/api", endpoint = "caseworker/queue")]
pub async fn my_queue(filter: QueueFilter) -> Result<Page, AppError> {
    // Staff (access table); the municipality scope is the service's.
    let me = crate::auth::require_user()?;
    crate::ssr::services::caseworker::cases::queue(&crate::ssr::state()?, &me, filter, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "caseworker/queue/act")]
pub async fn queue_action(form: QueueForm) -> Result<(), AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::caseworker::cases::assign(&crate::ssr::state()?, &me, &form).await
}

fn filter_from(q: &leptos_router::params::ParamsMap) -> QueueFilter {
    QueueFilter {
        reason: q.get("aarsag").and_then(|r| Reason::parse(&r)),
        who: q.get("hvem").and_then(|w| Who::parse(&w)).unwrap_or_default(),
        oldest_first: q.get("sorter").as_deref() == Some("alder"),
    }
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(filter_from));
    let data = Resource::new(move || filter.get(), my_queue);
    view! {
        <PageTitle text=lang.t(Msg::NavQueue).to_string()/>
        <CaseworkerNav current=crate::path::QUEUE/>
        <h1>{lang.t(Msg::QueueHeading)}</h1>
        {form_page(queue_action, |_: &()| crate::path::QUEUE.to_string(), move |rejected: Option<Rejected<QueueForm>>| view! {
            {rejected.map(|r| view! { <ErrorAlert error=r.error/> })}
            <FilterForm filter=filter.get_untracked()/>
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(page) => view! { <QueueTable page/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

#[component]
fn FilterForm(filter: QueueFilter) -> impl IntoView {
    let lang = use_lang();
    let whos = [(Who::All, Msg::QueueWhoAll), (Who::Mine, Msg::QueueWhoMine), (Who::Unassigned, Msg::QueueWhoUnassigned)];
    view! {
        <form method="get" action=crate::path::QUEUE class="queue-filter">
            <div class="form-group">
                <label class="form-label" for="aarsag">{lang.t(Msg::QueueReason)}</label>
                <select class="form-select" id="aarsag" name="aarsag">
                    <option value="">{lang.t(Msg::QueueAnyReason)}</option>
                    {Reason::ALL.iter().map(|r| view! { <option value=r.code() selected=filter.reason == Some(*r)>{lang.t(r.label())}</option> }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="form-label" for="hvem">{lang.t(Msg::QueueWho)}</label>
                <select class="form-select" id="hvem" name="hvem">
                    {whos.into_iter().map(|(w, m)| view! { <option value=w.code() selected=filter.who == w>{lang.t(m)}</option> }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="form-label" for="sorter">{lang.t(Msg::SortLabel)}</label>
                <select class="form-select" id="sorter" name="sorter">
                    <option value="frist" selected=!filter.oldest_first>{lang.t(Msg::QueueSortDue)}</option>
                    <option value="alder" selected=filter.oldest_first>{lang.t(Msg::QueueSortAge)}</option>
                </select>
            </div>
            <button type="submit" class="button button-secondary">{lang.t(Msg::ShowTasks)}</button>
        </form>
    }
}

#[component]
fn QueueTable(page: Page) -> impl IntoView {
    let lang = use_lang();
    if page.items.is_empty() {
        return view! { <p class="queue-empty">{lang.t(Msg::QueueEmpty)}</p> }.into_any();
    }
    let today = page.today;
    let colleagues = page.colleagues.clone();
    view! {
        <crate::ui::TableScroll label=lang.t(Msg::NavQueue).to_string()>
            <table class="table table--zebra queue">
                <caption class="sr-only">{lang.t(Msg::NavQueue)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Msg::QueueCitizen)}</th>
                        <th scope="col">{lang.t(Msg::QueueReason)}</th>
                        <th scope="col">{lang.t(Msg::QueueAge)}</th>
                        <th scope="col">{lang.t(Msg::QueueDue)}</th>
                        <th scope="col">{lang.t(Msg::QueueAssigned)}</th>
                    </tr>
                </thead>
                <tbody>
                    {page.items.into_iter().map(|i| {
                        let overdue = i.due_on < today;
                        let id = i.id.to_string();
                        let mine = i.assigned_to.as_ref().is_some_and(|a| a.0 == page.me);
                        // Colleagues to hand it to: not whoever has it, and not me ("Tag opgaven" is mine).
                        let others: Vec<(i64, String)> = colleagues.iter().filter(|(c, _)| *c != page.me && i.assigned_to.as_ref().is_none_or(|a| a.0 != *c)).cloned().collect();
                        let select_id = format!("to-{}", i.id);
                        view! {
                            <tr class="queue-item">
                                <th scope="row">
                                    <a href=format!("{}?formaal={}", crate::pages::link(crate::path::CASE, &[&i.citizen_id]), Purpose::Escalation.code())>{i.citizen_name.clone()}</a>
                                    {(i.unread > 0).then(|| view! { <br/><span class="badge badge-info">{i18n::unread_messages(lang, i.unread)}</span> })}
                                </th>
                                <td>{lang.t(i.reason.label())}<br/><span class="form-hint">{i.detail.clone()}</span></td>
                                <td>{i18n::days(lang, age_days(i.raised_at, today))}</td>
                                <td class:text-error=overdue>
                                    {i18n::date(lang, i.due_on)}
                                    {overdue.then(|| view! { " " <strong>{format!("({})", lang.t(Msg::QueueOverdue))}</strong> })}
                                </td>
                                <td>
                                    <p>{i.assigned_to.as_ref().map(|a| a.1.clone()).unwrap_or_else(|| lang.t(Msg::QueueNobody).to_string())}</p>
                                    {(!mine).then(|| view! {
                                        <ButtonForm action=crate::path::QUEUE.to_string() label=Msg::ClaimTask secondary=true detail=i.citizen_name.clone()
                                            hidden=vec![("action", crate::domain::case::QueueAction::Claim.code().to_string()), ("id", id.clone())]/>
                                    })}
                                    {(!others.is_empty()).then(|| view! {
                                        <form method="post" action=crate::path::QUEUE class="assign-form">
                                            <input type="hidden" name="action" value=crate::domain::case::QueueAction::Assign.code()/>
                                            <input type="hidden" name="id" value=id.clone()/>
                                            <label class="form-label" for=select_id.clone()>{format!("{} ({})", lang.t(Msg::AssignTo), i.citizen_name)}</label>
                                            <select class="form-select" id=select_id name="to">
                                                {others.into_iter().map(|(c, n)| view! { <option value=c.to_string()>{n}</option> }).collect_view()}
                                            </select>
                                            <button type="submit" class="button button-secondary">{lang.t(Msg::Assign)}</button>
                                        </form>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </crate::ui::TableScroll>
    }
    .into_any()
}
