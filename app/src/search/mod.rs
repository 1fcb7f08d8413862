//! Job search: the front page, the search page and the vacancy page.

pub mod map;
mod projection;
pub mod report;
/// The search query and its results, shared with the server (in `domain`).
pub use domain::search as types;

use crate::domain::postcode::Place;
use crate::domain::vacancy::{apply_channel, ApplyChannel, Vacancy};
use crate::domain::{municipality, occupation};
use crate::error::AppError;
use crate::i18n::{self, Msg};
use crate::ui::form::Field;
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};
use types::{Facets, SearchQuery, SearchResults, Sort, TimeFilter, VacancyHit, RADII_KM, WITHIN_DAYS};

/// Takes the search as its address (`q=kok&kommune=751`), read by the one
/// constructor that bounds every part, never as a structure from the client.
#[server(prefix = "/api", endpoint = "job/search")]
pub async fn search_jobs(address: String) -> Result<SearchResults, AppError> {
    // Public: anyone may search vacancies.
    let st = crate::ssr::state()?;
    crate::ssr::services::vacancies::search(&st, SearchQuery::from_address(&address)).await
}

#[server(prefix = "/api", endpoint = "job/get")]
pub async fn get_vacancy(id: i64) -> Result<Vacancy, AppError> {
    // Public: open vacancies are public.
    let st = crate::ssr::state()?;
    crate::ssr::services::vacancies::view(&st, id).await
}

/// The search box, a plain GET form: the search lives in the address.
#[component]
fn SearchBox(#[prop(into)] value: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Form action=crate::path::SEARCH method="get" attr:class="search-box" attr:role="search">
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
            <a class="button button-secondary" href=crate::path::NEW_VACANCY>{lang.t(Msg::HomeEmployerLink)}</a>
        </section>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| SearchQuery::from_params(|k| p.get_all(k).unwrap_or_default())));
    let results = Resource::new(move || query.get(), |q| search_jobs(q.address_query()));
    let title = Signal::derive(move || {
        let q = query.get();
        if q.text.is_empty() {
            lang.t(Msg::SearchHeading).to_string()
        } else {
            i18n::search_title(lang, &q.text)
        }
    });
    view! {
        <PageTitle text=move || title.try_get().unwrap_or_default()/>
        <h1>{lang.t(Msg::SearchHeading)}</h1>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || {
                results.get().map(|r| match r {
                    // On a wide screen the search and its filters stand beside the results (style/main.css).
                    Ok(results) => view! {
                        <div class="search-layout">
                            <SearchForm query=query.get() facets=results.facets.clone()/>
                            <crate::jobseeker::agents::SaveAgentForm query=query.get()/>
                            <ResultList results query=query.get()/>
                        </div>
                    }.into_any(),
                    Err(error) => view! { <SearchBox value=query.get().text/><ErrorAlert error/> }.into_any(),
                })
            }}
        </Suspense>
    }
}

/// One checkbox of a filter group, with how many results it would give.
#[component]
pub(crate) fn FilterBox(name: &'static str, value: String, label: String, count: u64, checked: bool) -> impl IntoView {
    let id = format!("filter-{name}-{}", value.replace(' ', "-"));
    view! {
        <div class="form-group-checkbox">
            <input class="form-checkbox" type="checkbox" id=id.clone() name=name value=value checked=checked/>
            <label class="form-label" for=id>{label} " " <span class="facet-count">{format!("({count})")}</span></label>
        </div>
    }
}

/// Type-ahead for the place field: the municipalities. (All 600 postcodes would
/// double the page's size; people know their postcode's number.)
#[component]
pub(crate) fn PlaceList() -> impl IntoView {
    let lang = use_lang();
    let municipalities = municipality::all().iter().map(|m| view! { <option value=m.official_name(lang)/> });
    view! { <datalist id="places">{municipalities.collect_view()}</datalist> }
}

/// What differs between the searches that share the filter form: vacancies, and
/// candidates (the employer's CV search).
#[derive(Clone, Copy, Debug)]
pub struct FormKind {
    /// The page the form is on, and gets.
    pub action: &'static str,
    pub label: Msg,
    pub hint: Msg,
    pub near_label: Msg,
    pub near_hint: Msg,
    pub submit: Msg,
    /// Kinds of employment and "posted within": vacancies only.
    pub vacancy_filters: bool,
    pub sorts: &'static [(Sort, Msg)],
}

const VACANCY_FORM: FormKind = FormKind {
    action: crate::path::SEARCH,
    label: Msg::SearchLabel,
    hint: Msg::SearchHint,
    near_label: Msg::FilterNearPlace,
    near_hint: Msg::FilterNearHint,
    submit: Msg::ApplyFilters,
    vacancy_filters: true,
    sorts: &[
        (Sort::Relevance, Msg::SortRelevance),
        (Sort::Newest, Msg::SortNewest),
        (Sort::Deadline, Msg::SortDeadline),
        (Sort::Distance, Msg::SortDistance),
    ],
};

/// The vacancy search box with its filters and sorting.
#[component]
fn SearchForm(query: SearchQuery, facets: Facets) -> impl IntoView {
    view! { <FilterForm kind=VACANCY_FORM query facets/> }
}

/// A search box with its filters (each choice with its count) and sorting: one
/// plain GET form, so every search has an address and works without JavaScript.
#[component]
pub fn FilterForm(
    kind: FormKind,
    query: SearchQuery,
    facets: Facets,
    /// Another address to get than the kind's own (a page with an id in it).
    #[prop(optional, into)]
    action: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let action = action.unwrap_or_else(|| kind.action.to_string());
    let clear = SearchQuery::text(&query.text).href_at(&action);
    let q = query.clone();
    // The municipalities offered: those chosen, then those with most results.
    let mut offered: Vec<(u16, u64)> =
        q.municipalities.iter().map(|m| (*m, facets.municipalities.iter().find(|(c, _)| c == m).map_or(0, |x| x.1))).collect();
    offered.extend(facets.municipalities.iter().filter(|(m, _)| !q.municipalities.contains(m)).take(12).copied());
    let within = facets.within.clone();
    // Occupations offered: those chosen, then those with most results.
    let mut occupations: Vec<(String, u64)> =
        q.occupations.iter().map(|c| (c.clone(), facets.occupations.iter().find(|(x, _)| x == c).map_or(0, |x| x.1))).collect();
    occupations.extend(facets.occupations.iter().filter(|(c, _)| !q.occupations.contains(c)).take(10).cloned());
    let count_within = move |d: u32| within.iter().find(|(x, _)| *x == d).map_or(0, |x| x.1);
    view! {
        <Form action method="get" attr:class="search-form" attr:role="search">
            <div class="form-group">
                <label class="form-label" for="q">{lang.t(kind.label)}</label>
                <span class="form-hint" id="q-hint">{lang.t(kind.hint)}</span>
                <div class="search-row">
                    <input class="form-input" type="search" id="q" name="q" value=q.text.clone() aria-describedby="q-hint"/>
                    <button type="submit" class="button button-primary">{lang.t(Msg::SearchButton)}</button>
                </div>
            </div>
            <details class="search-filters" open=q.is_filtered() || q.sort != Sort::Relevance || q.near_unknown.is_some()>
                <summary>{lang.t(Msg::FilterHeading)}</summary>
                <div class="filter-groups">
                    <fieldset>
                        <legend>{lang.t(Msg::FilterRegion)}</legend>
                        // An old region in the address (before a merger) ticks what it became.
                        {facets.regions.iter().map(|(r, n)| view! {
                            <FilterBox name="region" value=r.code().to_string() label=r.name(lang).to_string() count=*n
                                checked=q.regions.iter().any(|x| x.covers(*r))/>
                        }).collect_view()}
                    </fieldset>
                    <fieldset>
                        <legend>{lang.t(Msg::FilterMunicipality)}</legend>
                        {offered.into_iter().filter_map(|(m, n)| municipality::by_code(m).map(|x| (x, n))).map(|(m, n)| view! {
                            <FilterBox name="kommune" value=m.code.to_string() label=m.official_name(lang) count=n checked=q.municipalities.contains(&m.code)/>
                        }).collect_view()}
                    </fieldset>
                    <fieldset>
                        <legend>{lang.t(Msg::FilterTime)}</legend>
                        <FilterBox name="tid" value=TimeFilter::Full.code().to_string() label=lang.t(Msg::WorkTimeFull).to_string()
                            count=facets.full_time checked=q.time.contains(&TimeFilter::Full)/>
                        <FilterBox name="tid" value=TimeFilter::Part.code().to_string() label=lang.t(Msg::WorkTimePart).to_string()
                            count=facets.part_time checked=q.time.contains(&TimeFilter::Part)/>
                    </fieldset>
                    {kind.vacancy_filters.then(|| view! {
                        <fieldset>
                            <legend>{lang.t(Msg::FilterEmployment)}</legend>
                            {facets.employment.iter().map(|(e, n)| view! {
                                <FilterBox name="ansaettelse" value=e.code().to_string() label=lang.t(e.label()).to_string() count=*n
                                    checked=q.employment.contains(e)/>
                            }).collect_view()}
                        </fieldset>
                    })}
                    <fieldset>
                        <legend>{lang.t(Msg::FilterOccupation)}</legend>
                        {occupations.into_iter().filter_map(|(c, n)| occupation::by_code(&c).map(|o| (o, n))).map(|(o, n)| view! {
                            <FilterBox name="fag" value=o.code.to_string() label=o.title(lang).to_string() count=n
                                checked=q.occupations.iter().any(|c| c == o.code)/>
                        }).collect_view()}
                    </fieldset>
                    {kind.vacancy_filters.then(|| view! { <fieldset>
                        <legend>{lang.t(Msg::FilterPosted)}</legend>
                        <div class="form-group-radio">
                            <input class="form-radio" type="radio" id="nye-alle" name="nye" value="" checked=q.within_days.is_none()/>
                            <label class="form-label" for="nye-alle">{lang.t(Msg::PostedAnyTime)}</label>
                        </div>
                        {WITHIN_DAYS.iter().map(|d| {
                            let id = format!("nye-{d}");
                            view! {
                                <div class="form-group-radio">
                                    <input class="form-radio" type="radio" id=id.clone() name="nye" value=d.to_string() checked=q.within_days == Some(*d)/>
                                    <label class="form-label" for=id>{i18n::posted_within(lang, *d)} " " <span class="facet-count">{format!("({})", count_within(*d))}</span></label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset> })}
                    <fieldset>
                        <legend>{lang.t(Msg::FilterNear)}</legend>
                        <Field name="naer" label=kind.near_label hint=kind.near_hint list="places"
                            value=q.near.map(|p| p.label(lang)).or(q.near_unknown.clone()).unwrap_or_default()
                            error=q.near_unknown.as_ref().map(|_| Msg::ErrPlaceUnknown)
                            check=Callback::new(|t: String| (!t.trim().is_empty() && Place::parse(&t).is_none()).then_some(Msg::ErrPlaceUnknown))/>
                        <PlaceList/>
                        <div class="form-group">
                            <label class="form-label" for="km">{lang.t(Msg::FilterRadius)}</label>
                            <select class="form-select input-width-xs" id="km" name="km">
                                {RADII_KM.iter().map(|k| view! { <option value=k.to_string() selected=q.km == *k>{format!("{k} km")}</option> }).collect_view()}
                            </select>
                        </div>
                    </fieldset>
                    <div class="form-group">
                        <label class="form-label" for="sorter">{lang.t(Msg::SortLabel)}</label>
                        <select class="form-select" id="sorter" name="sorter">
                            {kind.sorts.iter().map(|(s, m)| view! { <option value=s.code() selected=q.sort == *s>{lang.t(*m)}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <p class="filter-actions">
                    <button type="submit" class="button button-primary">{lang.t(kind.submit)}</button>
                    " "
                    <a href=clear>{lang.t(Msg::ClearFilters)}</a>
                </p>
            </details>
        </Form>
    }
}

#[component]
fn ResultList(results: SearchResults, query: SearchQuery) -> impl IntoView {
    let lang = use_lang();
    let pages = results.pages();
    let mut count = i18n::vacancy_count(lang, results.total);
    if let Some(place) = query.near {
        count = format!("{count} {}", i18n::within_km_of(lang, query.km, &place.label(lang)));
    }
    let empty = results.hits.is_empty();
    view! {
        <section aria-labelledby="results-heading" class="search-results">
            <h2 id="results-heading" class="sr-only">{lang.t(Msg::SearchResultsHeading)}</h2>
            <p class="result-count" role="status">{count}</p>
            {empty.then(|| view! { <p>{lang.t(Msg::SearchNoResults)}</p> })}
            {results.suggestion.clone().map(|meant| {
                let href = SearchQuery { text: meant.clone(), page: 1, ..query.clone() }.href();
                view! { <p class="did-you-mean">{lang.t(Msg::SearchDidYouMean)}" "<a href=href>{meant}</a>"?"</p> }
            })}
            // With a map, on a wide screen the map stands beside the list.
            <div class=if query.near.is_some() && !empty { "results-with-map" } else { "results" }>
                {query.near.filter(|_| !empty).map(|near| view! { <map::ResultMap hits=results.hits.clone() near km=query.km
                    regions=results.facets.regions.iter().map(|(r, _)| *r).collect()/> })}
                <ul class="result-list nobullet-list">
                    {results.hits.into_iter().map(|hit| view! { <ResultItem hit/> }).collect_view()}
                </ul>
            </div>
            {(pages > 1).then(|| view! { <Paging query=query.clone() page=results.page pages/> })}
            <p class="search-feed"><a href=format!("{}?{}", crate::pages::SEARCH_FEED_PATH, query.address_query()) type="application/atom+xml">{lang.t(Msg::FollowSearchFeed)}</a></p>
        </section>
    }
}

#[component]
fn ResultItem(hit: VacancyHit) -> impl IntoView {
    let lang = use_lang();
    view! {
        <li class="result-item">
            <h3 class="h4 result-title"><a href=crate::pages::link(crate::path::VACANCY, &[&hit.id])>{hit.title}</a></h3>
            <p class="result-meta">
                <span class="result-employer">{hit.employer_name}</span>
                " · "
                <span class="result-place">{format!("{} {}", hit.postcode, hit.city)}</span>
                {hit.distance_km.map(|km| view! { " · " <span class="result-distance">{i18n::distance(lang, km)}</span> })}
            </p>
            <p class="result-teaser">{hit.teaser}</p>
            <p class="result-facts">
                <span>{lang.t(Msg::ApplicationDeadline)} ": " <strong>{i18n::date(lang, hit.deadline)}</strong></span>
                " · "
                <span>{i18n::hours(lang, hit.weekly_hours)}</span>
                {hit.employment.map(|e| view! { " · " <span>{lang.t(e.label())}</span> })}
            </p>
        </li>
    }
}

#[component]
pub(crate) fn Paging(
    query: SearchQuery,
    page: u32,
    pages: u32,
    /// The page the search is on.
    #[prop(default = crate::path::SEARCH)]
    at: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let prev = (page > 1).then(|| query.with_page(page - 1).href_at(at));
    let next = (page < pages).then(|| query.with_page(page + 1).href_at(at));
    let arrow = move |href: Option<String>, rel: &'static str, icon: &'static str, text: Msg| {
        // The system's arrow buttons: the word is hidden on a phone, where the
        // chevron and the name (the same word) remain.
        href.map(|href| {
            view! {
                <a class="button button-arrow" rel=rel href=href aria-label=lang.t(text)>
                    {(rel == "next").then(|| view! { <span class="pagination-nav-link">{lang.t(text)}</span> })}
                    <svg class="icon-svg" focusable="false" aria-hidden="true"><use href=format!("/dkfds/img/all-svg-icons.svg#{icon}")></use></svg>
                    {(rel == "prev").then(|| view! { <span class="pagination-nav-link">{lang.t(text)}</span> })}
                </a>
            }
        })
    };
    view! {
        // Det Fælles Designsystem's pagination: arrows, the page numbers around this
        // one with the first and the last, and "Side 2 af 9" where numbers do not fit.
        <nav class="pagination" aria-label=lang.t(Msg::PagingLabel)>
            {arrow(prev, "prev", "chevron-left", Msg::PagePrevious)}
            <span class="pagination-mobile pagination-status">{i18n::page_of(lang, page, pages)}</span>
            <ul class="pagination__items">
                {page_items(page, pages).into_iter().map(|item| match item {
                    Some(n) if n == page => view! {
                        <li class="pagination-item pagination-number">
                            <a class="current-page" href=query.with_page(n).href_at(at) aria-current="page"
                                aria-label=i18n::page_of(lang, n, pages)>{n}</a>
                        </li>
                    }.into_any(),
                    Some(n) => view! {
                        <li class="pagination-item pagination-number">
                            <a href=query.with_page(n).href_at(at) aria-label=i18n::page_of(lang, n, pages)>{n}</a>
                        </li>
                    }.into_any(),
                    None => view! { <li class="pagination-item pagination-overflow" aria-hidden="true"><span>"…"</span></li> }.into_any(),
                }).collect_view()}
            </ul>
            {arrow(next, "next", "chevron-right", Msg::PageNext)}
        </nav>
    }
}

/// The page numbers a pagination shows: the first, the last, this one and its
/// neighbours, with `None` for the gaps (shown as "…"). At most seven items.
fn page_items(page: u32, pages: u32) -> Vec<Option<u32>> {
    let (page, pages) = (page.max(1), pages.max(1));
    let mut items = Vec::with_capacity(7);
    let mut last = 0;
    for n in [1, page.saturating_sub(1), page, page.saturating_add(1), pages] {
        if n < 1 || n > pages || n <= last {
            continue;
        }
        let gap = u64::from(n) - u64::from(last);
        if gap > 2 {
            items.push(None);
        } else if gap == 2 {
            // A gap of one page shows the page, not "…".
            items.push(Some(last + 1));
        }
        items.push(Some(n));
        last = n;
    }
    items
}

#[component]
pub fn VacancyPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok())));
    let just_created = move || query.with(|q| q.get("oprettet").is_some());
    let reported = move || query.with(|q| q.get(report::REPORTED).is_some());
    let vacancy = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_vacancy(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || {
                vacancy.get().map(|r| match r {
                    Ok(v) => view! { <VacancyView v just_created=just_created() reported=reported()/> }.into_any(),
                    Err(AppError::NotFound) => {
                        crate::ui::layout::set_status(404);
                        view! {
                            <PageTitle text=lang.t(Msg::VacancyNotFound).to_string()/>
                            <h1>{lang.t(Msg::VacancyNotFound)}</h1>
                            <p><a href=crate::path::SEARCH>{lang.t(Msg::BackToSearch)}</a></p>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })
            }}
        </Suspense>
    }
}

#[component]
fn VacancyView(v: Vacancy, just_created: bool, reported: bool) -> impl IntoView {
    let lang = use_lang();
    // For search engines: the same data as the page, as schema.org reads it.
    let posting = crate::domain::publish::script_json(&crate::domain::publish::job_posting(&v, ""));
    let posted = v.posted;
    let id = v.id;
    let company = v.company.clone();
    let v = v.details;
    let apply = match apply_channel(&v.how_to_apply) {
        ApplyChannel::Link(url) => view! { <a href=url.clone() rel="noopener noreferrer">{url.clone()}</a> }.into_any(),
        ApplyChannel::Email(mail) => view! { <a href=format!("mailto:{mail}")>{mail.clone()}</a> }.into_any(),
        ApplyChannel::Text(text) => view! { <span>{text}</span> }.into_any(),
    };
    let paragraphs =
        v.description.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| view! { <p>{p.trim().to_string()}</p> }).collect_view();
    view! {
        <PageTitle text=v.title.clone()/>
        {just_created.then_some(Msg::VacancyCreated).or(reported.then_some(Msg::ReportThanks)).map(|m| view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{lang.t(m)}</p></div>
            </div>
        })}
        <script type="application/ld+json" inner_html=posting></script>
        <p><a href=crate::path::SEARCH class="back-link">{lang.t(Msg::BackToSearch)}</a></p>
        <article class="vacancy">
            <h1>{v.title.clone()}</h1>
            <dl class="vacancy-facts">
                <dt>{lang.t(Msg::Employer)}</dt>
                <dd>{v.employer_name.clone()}</dd>
                // Who posted it, as registered: the employer field is free text.
                {company.map(|(name, cvr)| view! {
                    <dt>{lang.t(Msg::PostedByCompany)}</dt>
                    <dd class="vacancy-company">{format!("{name} (CVR {cvr})")}</dd>
                })}
                <dt>{lang.t(Msg::Workplace)}</dt>
                <dd>{format!("{} {}", v.postcode, v.city)}</dd>
                <dt>{lang.t(Msg::WeeklyHours)}</dt>
                <dd>{i18n::hours(lang, v.weekly_hours)}</dd>
                <dt>{lang.t(Msg::FieldEmploymentType)}</dt>
                <dd>{lang.t(v.employment_type.label())}</dd>
                {v.occupation_code.as_deref().and_then(occupation::by_code).map(|o| view! {
                    <dt>{lang.t(Msg::FilterOccupation)}</dt>
                    <dd>{o.title(lang)}</dd>
                })}
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
            <p class="vacancy-report"><a href=crate::pages::link(crate::path::REPORT_VACANCY, &[&id])>{lang.t(Msg::ReportVacancyLink)}</a></p>
        </article>
    }
}

/// For a signed-in jobseeker: log an application for this vacancy, or save it, in
/// one click (plain forms; the joblog fills in employer, title and date).
#[component]
fn JoblogButtons(vacancy_id: i64) -> impl IntoView {
    let me = Resource::new(|| (), |_| crate::auth::my_account());
    let button = move |kind: &'static str, label: Msg| {
        view! { <crate::ui::form::ButtonForm action=crate::path::ENTRY.to_string() label secondary=kind == "gemt"
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

#[cfg(test)]
mod tests {
    use super::page_items;

    #[test]
    fn the_pages_a_pagination_shows() {
        assert_eq!(page_items(1, 1), vec![Some(1)]);
        assert_eq!(page_items(1, 2), vec![Some(1), Some(2)]);
        assert_eq!(page_items(1, 9), vec![Some(1), Some(2), None, Some(9)]);
        assert_eq!(page_items(5, 9), vec![Some(1), None, Some(4), Some(5), Some(6), None, Some(9)]);
        assert_eq!(page_items(3, 9), vec![Some(1), Some(2), Some(3), Some(4), None, Some(9)]);
        assert_eq!(page_items(4, 9), vec![Some(1), Some(2), Some(3), Some(4), Some(5), None, Some(9)], "a gap of one is the page");
        assert_eq!(page_items(9, 9), vec![Some(1), None, Some(8), Some(9)]);
        assert_eq!(page_items(0, 0), vec![Some(1)]);
        assert_eq!(page_items(u32::MAX, u32::MAX), vec![Some(1), None, Some(u32::MAX - 1), Some(u32::MAX)]);
        for pages in 1..40 {
            for page in 1..=pages {
                let items = page_items(page, pages);
                assert!(items.len() <= 7 && items.contains(&Some(page)) && items.first() == Some(&Some(1)), "{page}/{pages}");
            }
        }
    }
}
