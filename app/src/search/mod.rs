//! Job search: the front page, the search page and the vacancy page.

pub mod types;

use crate::domain::vacancy::{apply_channel, ApplyChannel, Vacancy};
use crate::error::AppError;
use crate::i18n::{self, Msg};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};
use types::{SearchQuery, SearchResults, VacancyHit};

#[server(prefix = "/api", endpoint = "job/search")]
pub async fn search_jobs(query: SearchQuery) -> Result<SearchResults, AppError> {
    // Public: anyone may search vacancies.
    let st = crate::ssr::state()?;
    crate::ssr::services::vacancies::search(&st, query).await
}

#[server(prefix = "/api", endpoint = "job/get")]
pub async fn get_vacancy(id: i64) -> Result<Vacancy, AppError> {
    // Public: open vacancies are public.
    let st = crate::ssr::state()?;
    crate::ssr::services::vacancies::get(&st, id).await
}

/// The search box, a plain GET form: the search lives in the address.
#[component]
fn SearchBox(#[prop(into)] value: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Form action="/job" method="get" attr:class="search-box" attr:role="search">
            <div class="form-group">
                <label class="form-label" for="q">{lang.t(Msg::SearchLabel)}</label>
                <span class="form-hint" id="q-hint">{lang.t(Msg::SearchHint)}</span>
                <div class="search-row">
                    <input class="form-input" type="search" id="q" name="q" value=value aria-describedby="q-hint"/>
                    <button type="submit" class="button button-primary">{lang.t(Msg::SearchButton)}</button>
                </div>
            </div>
        </Form>
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Msg::HomeHeading).to_string()/>
        <h1>{lang.t(Msg::HomeHeading)}</h1>
        <p class="font-lead">{lang.t(Msg::HomeIntro)}</p>
        <SearchBox value=""/>
        <section class="home-employer" aria-labelledby="employer-heading">
            <h2 id="employer-heading">{lang.t(Msg::HomeEmployerHeading)}</h2>
            <p>{lang.t(Msg::HomeEmployerText)}</p>
            <a class="button button-secondary" href=crate::employer::NEW_VACANCY_PATH>{lang.t(Msg::HomeEmployerLink)}</a>
        </section>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| SearchQuery::from_params(p.get("q"), p.get("side"))));
    let results = Resource::new(move || query.get(), search_jobs);
    let title = Signal::derive(move || {
        let q = query.get();
        if q.text.is_empty() { lang.t(Msg::SearchHeading).to_string() } else { i18n::search_title(lang, &q.text) }
    });
    view! {
        <PageTitle text=title/>
        <h1>{lang.t(Msg::SearchHeading)}</h1>
        {move || view! { <SearchBox value=query.get().text/> }}
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || {
                results.get().map(|r| match r {
                    Ok(results) => view! { <ResultList results query=query.get()/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })
            }}
        </Suspense>
    }
}

#[component]
fn ResultList(results: SearchResults, query: SearchQuery) -> impl IntoView {
    let lang = use_lang();
    let pages = results.pages();
    let count = i18n::vacancy_count(lang, results.total);
    let empty = results.hits.is_empty();
    view! {
        <section aria-labelledby="results-heading" class="search-results">
            <h2 id="results-heading" class="sr-only">{lang.t(Msg::SearchResultsHeading)}</h2>
            <p class="result-count" role="status">{count}</p>
            {empty.then(|| view! { <p>{lang.t(Msg::SearchNoResults)}</p> })}
            <ul class="result-list nobullet-list">
                {results.hits.into_iter().map(|hit| view! { <ResultItem hit/> }).collect_view()}
            </ul>
            {(pages > 1).then(|| view! { <Paging query page=results.page pages/> })}
        </section>
    }
}

#[component]
fn ResultItem(hit: VacancyHit) -> impl IntoView {
    let lang = use_lang();
    view! {
        <li class="result-item">
            <h3 class="h4 result-title"><a href=format!("/job/{}", hit.id)>{hit.title}</a></h3>
            <p class="result-meta">
                <span class="result-employer">{hit.employer_name}</span>
                " · "
                <span class="result-place">{format!("{} {}", hit.postcode, hit.city)}</span>
            </p>
            <p class="result-teaser">{hit.teaser}</p>
            <p class="result-facts">
                <span>{lang.t(Msg::ApplicationDeadline)} ": " <strong>{i18n::date(lang, hit.deadline)}</strong></span>
                " · "
                <span>{i18n::hours(lang, hit.weekly_hours)}</span>
            </p>
        </li>
    }
}

#[component]
fn Paging(query: SearchQuery, page: u32, pages: u32) -> impl IntoView {
    let lang = use_lang();
    let prev = (page > 1).then(|| query.with_page(page - 1).href());
    let next = (page < pages).then(|| query.with_page(page + 1).href());
    view! {
        <nav class="pagination" aria-label=lang.t(Msg::PagingLabel)>
            {prev.map(|href| view! { <a class="button button-secondary" rel="prev" href=href>{lang.t(Msg::PagePrevious)}</a> })}
            <span class="pagination-status" aria-current="page">{i18n::page_of(lang, page, pages)}</span>
            {next.map(|href| view! { <a class="button button-secondary" rel="next" href=href>{lang.t(Msg::PageNext)}</a> })}
        </nav>
    }
}

#[component]
pub fn VacancyPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok())));
    let just_created = move || query.with(|q| q.get("oprettet").is_some());
    let vacancy = Resource::new(move || id.get(), |id| async move {
        match id {
            Some(id) => get_vacancy(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || {
                vacancy.get().map(|r| match r {
                    Ok(v) => view! { <VacancyView v just_created=just_created()/> }.into_any(),
                    Err(AppError::NotFound) => {
                        crate::ui::layout::set_status(404);
                        view! {
                            <PageTitle text=lang.t(Msg::VacancyNotFound).to_string()/>
                            <h1>{lang.t(Msg::VacancyNotFound)}</h1>
                            <p><a href="/job">{lang.t(Msg::BackToSearch)}</a></p>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })
            }}
        </Suspense>
    }
}

#[component]
fn VacancyView(v: Vacancy, just_created: bool) -> impl IntoView {
    let lang = use_lang();
    let posted = v.posted;
    let id = v.id;
    let v = v.details;
    let apply = match apply_channel(&v.how_to_apply) {
        ApplyChannel::Link(url) => view! { <a href=url.clone() rel="noopener noreferrer">{url.clone()}</a> }.into_any(),
        ApplyChannel::Email(mail) => view! { <a href=format!("mailto:{mail}")>{mail.clone()}</a> }.into_any(),
        ApplyChannel::Text(text) => view! { <span>{text}</span> }.into_any(),
    };
    let paragraphs = v
        .description
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p>{p.trim().to_string()}</p> })
        .collect_view();
    view! {
        <PageTitle text=v.title.clone()/>
        {just_created.then(|| view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{lang.t(Msg::VacancyCreated)}</p></div>
            </div>
        })}
        <p><a href="/job" class="back-link">{lang.t(Msg::BackToSearch)}</a></p>
        <article class="vacancy">
            <h1>{v.title.clone()}</h1>
            <dl class="vacancy-facts">
                <dt>{lang.t(Msg::Employer)}</dt>
                <dd>{v.employer_name.clone()}</dd>
                <dt>{lang.t(Msg::Workplace)}</dt>
                <dd>{format!("{} {}", v.postcode, v.city)}</dd>
                <dt>{lang.t(Msg::WeeklyHours)}</dt>
                <dd>{i18n::hours(lang, v.weekly_hours)}</dd>
                <dt>{lang.t(Msg::ApplicationDeadline)}</dt>
                <dd>{i18n::date(lang, v.deadline)}</dd>
                <dt>{lang.t(Msg::Posted)}</dt>
                <dd>{i18n::date(lang, posted)}</dd>
            </dl>
            <h2>{lang.t(Msg::AboutTheJob)}</h2>
            <div class="vacancy-description">{paragraphs}</div>
            <h2>{lang.t(Msg::HowToApply)}</h2>
            <p class="vacancy-apply">{apply}</p>
            <JoblogButtons vacancy_id=id/>
        </article>
    }
}

/// For a signed-in jobseeker: log an application for this vacancy, or save it, in
/// one click (plain forms; the joblog fills in employer, title and date).
#[component]
fn JoblogButtons(vacancy_id: i64) -> impl IntoView {
    use crate::jobseeker::joblog::ENTRY_PATH;
    let me = Resource::new(|| (), |_| crate::auth::my_account());
    let button = move |kind: &'static str, label: Msg| {
        view! { <crate::ui::form::ButtonForm action=ENTRY_PATH.to_string() label secondary=kind == "gemt"
            hidden=vec![("vacancy", vacancy_id.to_string()), ("kind", kind.to_string())]/> }
    };
    view! {
        <Suspense>
            {move || me.get().and_then(|r| r.ok().flatten()).filter(|u| u.role == crate::domain::account::Role::Jobseeker).map(|_| view! {
                <div class="joblog-buttons">
                    {button("ansoegning", Msg::LogApplication)}
                    {button("gemt", Msg::SaveVacancy)}
                </div>
            })}
        </Suspense>
    }
}
