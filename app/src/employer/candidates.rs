//! Finding candidates: the search over CVs that may be found, a candidate's CV
//! (opening it is logged where the citizen sees it), writing to them, and the
//! company's conversations with candidates.

use crate::domain::candidate::{
    CandidateCard, CandidateProfile, CandidateResults, ContactAction, ContactDone, ContactForm, ContactMessage, ContactSummary,
    ContactThread,
};
use crate::domain::cv::CvItem;
use crate::domain::municipality;
use crate::domain::search::{SearchQuery, Sort};
use crate::error::AppError;
use crate::forms::{form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::search::{FilterForm, FormKind, Paging};
use crate::ui::form::{ErrorSummary, Field, Kind, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The search as its address, read by the one constructor that bounds every part.
#[server(prefix = "/api", endpoint = "employer/candidates")]
pub async fn search_candidates(address: String) -> Result<CandidateResults, AppError> {
    // Employers (access table), acting for an approved company: the service checks.
    let me = crate::auth::require_user()?;
    crate::ssr::services::candidates::search(&crate::ssr::state()?, &me, SearchQuery::from_address(&address)).await
}

/// A candidate's CV, and the company's open vacancies to write about.
#[server(prefix = "/api", endpoint = "employer/candidate")]
pub async fn open_candidate(id: i64) -> Result<(CandidateProfile, Vec<(i64, String)>), AppError> {
    // Employers (access table); the service checks the candidate may be found by this company, and logs the opening.
    let me = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    let profile = crate::ssr::services::candidates::open(&st, &me, id).await?;
    let open = crate::ssr::services::vacancies::of_my_company(&st, &me).await?;
    let vacancies = open.into_iter().filter(|v| v.open).map(|v| (v.id, v.details.title)).collect();
    Ok((profile, vacancies))
}

/// Writes to a candidate, answers in a thread, or (the citizen) declines one.
#[server(prefix = "/api", endpoint = "contact")]
pub async fn contact(form: ContactForm) -> Result<ContactDone, AppError> {
    // Employers and jobseekers (access table); every query is bound to the caller's company or to the citizen.
    let me = crate::auth::require_user()?;
    crate::ssr::services::candidates::contact(&crate::ssr::state()?, &me, &form).await
}

#[server(prefix = "/api", endpoint = "contact/threads")]
pub async fn my_threads() -> Result<Vec<ContactSummary>, AppError> {
    // Employers (their company's) and jobseekers (their own).
    let me = crate::auth::require_user()?;
    crate::ssr::services::candidates::threads(&crate::ssr::state()?, &me).await
}

#[server(prefix = "/api", endpoint = "contact/thread")]
pub async fn my_thread(id: i64) -> Result<ContactThread, AppError> {
    // Employers (their company's) and jobseekers (their own); another's is "not found".
    let me = crate::auth::require_user()?;
    crate::ssr::services::candidates::thread(&crate::ssr::state()?, &me, id).await
}

/// The links between the employer's pages, the current one marked.
#[component]
pub fn EmployerNav(current: &'static str) -> impl IntoView {
    let links = vec![
        (crate::path::EMPLOYER_HOME, Msg::NavEmployerVacancies),
        (crate::path::CANDIDATES, Msg::NavCandidates),
        (crate::path::CANDIDATE_AGENTS, Msg::NavCandidateAgents),
        (crate::path::CONTACTS, Msg::NavContacts),
        (crate::path::EMPLOYER_BUSINESS, Msg::NavBusiness),
        (crate::path::COMPANY, Msg::NavCompany),
    ];
    view! { <crate::ui::layout::AreaNav label=Msg::EmployerNavLabel links current/> }
}

#[component]
pub fn CandidateSearchPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| SearchQuery::from_params(|k| p.get_all(k).unwrap_or_default())));
    let results = Resource::new(move || query.get(), |q| search_candidates(q.address_query()));
    view! {
        <PageTitle text=lang.t(Msg::CandidatesHeading).to_string()/>
        <EmployerNav current=crate::path::CANDIDATES/>
        <h1>{lang.t(Msg::CandidatesHeading)}</h1>
        <p>{lang.t(Msg::CandidatesIntro)}</p>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || results.get().map(|r| match r {
                Ok(results) => view! {
                    <div class="search-layout">
                        <FilterForm kind=CANDIDATE_FORM query=query.get() facets=results.facets.clone()/>
                        <super::candidate_agents::SaveCandidateAgentForm query=query.get()/>
                        <CandidateList results query=query.get()/>
                    </div>
                }.into_any(),
                Err(AppError::Forbidden) => view! { <super::company::CompanyPendingNotice/> }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

/// Words, place, time, occupation and a radius around the workplace: the
/// vacancy search's form, without its vacancy-only filters.
pub(crate) const CANDIDATE_FORM: FormKind = FormKind {
    action: crate::path::CANDIDATES,
    label: Msg::CandidateSearchLabel,
    hint: Msg::CandidateSearchHint,
    near_label: Msg::CandidateNearPlace,
    near_hint: Msg::CandidateNearHint,
    submit: Msg::ShowCandidates,
    vacancy_filters: false,
    sorts: &[(Sort::Relevance, Msg::SortRelevance), (Sort::Newest, Msg::SortNewest), (Sort::Distance, Msg::SortDistance)],
};

#[component]
fn CandidateList(results: CandidateResults, query: SearchQuery) -> impl IntoView {
    let lang = use_lang();
    let pages = results.pages();
    let mut count = i18n::candidate_count(lang, results.total);
    if let Some(place) = query.near {
        count = format!("{count} {}", i18n::within_km_of(lang, query.km, &place.label(lang)));
    }
    let empty = results.hits.is_empty();
    view! {
        <section aria-labelledby="results-heading" class="search-results">
            <h2 id="results-heading" class="sr-only">{lang.t(Msg::CandidateResultsHeading)}</h2>
            <p class="result-count" role="status">{count}</p>
            {empty.then(|| view! { <p>{lang.t(Msg::CandidatesNone)}</p> })}
            <ul class="result-list nobullet-list">
                {results.hits.into_iter().map(|card| view! { <CandidateItem card/> }).collect_view()}
            </ul>
            {(pages > 1).then(|| view! { <Paging query page=results.page pages at=crate::path::CANDIDATES/> })}
        </section>
    }
}

/// The facts of a card: where they live, how much they want to work.
fn card_facts(lang: crate::Lang, card: &CandidateCard) -> Vec<String> {
    let place = card.municipality.and_then(municipality::by_code).map(|m| m.official_name(lang)).unwrap_or_default();
    let mut facts = vec![format!("{} {}", lang.t(Msg::CandidateLivesIn), if card.area.is_empty() { place } else { card.area.clone() })];
    if let Some(time) = card.time {
        facts.push(lang.t(time.label()).to_string());
    }
    if let Some(h) = card.hours {
        facts.push(i18n::hours(lang, f64::from(h)));
    }
    if let Some(km) = card.distance_km {
        facts.push(i18n::distance(lang, km));
    }
    facts
}

/// A candidate's card. An employer's links to the CV; with `children` (the
/// jobcentre's, which suggests rather than opens) it shows those instead.
#[component]
pub fn CandidateItem(card: CandidateCard, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let lang = use_lang();
    let heading = if card.occupations.is_empty() { lang.t(Msg::CandidateOpen).to_string() } else { card.occupations.join(", ") };
    let title = if children.is_some() {
        view! { <span>{heading}</span> }.into_any()
    } else {
        view! { <a href=crate::pages::link(crate::path::CANDIDATE, &[&card.id])>{heading}</a> }.into_any()
    };
    let facts = card_facts(lang, &card).join(" · ");
    let lists =
        [(Msg::CvExperience, card.experience.clone()), (Msg::CvEducation, card.education.clone()), (Msg::CvSkills, card.skills.clone())];
    view! {
        <li class="result-item candidate-item">
            <h3 class="h4 result-title">{title}</h3>
            <p class="result-meta">{facts}</p>
            <dl class="candidate-facts">
                {lists.into_iter().filter(|(_, l)| !l.is_empty()).map(|(m, l)| view! {
                    <dt>{lang.t(m)}</dt><dd>{l.join(", ")}</dd>
                }).collect_view()}
            </dl>
            {card.updated.map(|d| view! { <p class="result-facts">{lang.t(Msg::CandidateUpdated)} ": " {i18n::date(lang, d)}</p> })}
            {children.map(|c| c())}
        </li>
    }
}

/// A candidate's CV, the company's conversations with them, and the form to write.
#[component]
pub fn CandidatePage() -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let data = Resource::new(move || id, open_candidate);
    let here = crate::pages::link(crate::path::CANDIDATE, &[&id]);
    view! {
        <EmployerNav current=crate::path::CANDIDATES/>
        {form_page(contact, |done: &ContactDone| format!("{}?sendt=1", crate::pages::link(crate::path::CONTACT_THREAD, &[&done.thread()])), move |rejected: Option<Rejected<ContactForm>>| {
            let (form, errors) = crate::forms::state(&rejected);
            let here = here.clone();
            view! {
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || data.get().map(|r| match r {
                        Ok((profile, vacancies)) => {
                            let (form, errors, here) = (form.clone(), errors.clone(), here.clone());
                            view! {
                                <PageTitle text=profile.name.clone()/>
                                {rejected.clone().map(|r| view! { <ErrorSummary error=r.error fields=vec![("message", Msg::FieldContactMessage)]/> })}
                                <Profile profile=profile.clone()/>
                                <section aria-labelledby="write-heading" class="candidate-contact">
                                    <h2 id="write-heading">{lang.t(Msg::CandidateContactHeading)}</h2>
                                    <p>{lang.t(Msg::CandidateContactIntro)}</p>
                                    <form method="post" action=here novalidate=true>
                                        <input type="hidden" name="action" value=ContactAction::Start.code()/>
                                        <input type="hidden" name="id" value=profile.id.to_string()/>
                                        <SelectField name="vacancy" label=Msg::FieldContactVacancy optional=true
                                            options=vacancies.iter().map(|(id, t)| (id.to_string(), t.clone())).collect()
                                            selected=form.vacancy.clone() error=errors.get("vacancy") placeholder=Msg::NoVacancyChosen/>
                                        <Field name="message" label=Msg::FieldContactMessage value=form.message.clone() kind=Kind::Multiline
                                            required=true error=errors.get("message")/>
                                        <button type="submit" class="button button-primary">{lang.t(Msg::SendContact)}</button>
                                    </form>
                                </section>
                            }.into_any()
                        }
                        Err(error) => view! { <PageTitle text=lang.t(Msg::CandidatesHeading).to_string()/><ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
            }
        })}
    }
}

#[component]
fn Profile(profile: CandidateProfile) -> impl IntoView {
    let lang = use_lang();
    let facts = card_facts(lang, &profile.card).join(" · ");
    let items = |heading: Msg, list: Vec<CvItem>| {
        (!list.is_empty()).then(|| {
            view! {
                <h2>{lang.t(heading)}</h2>
                <ul class="cv-items">
                    {list.into_iter().map(|i| view! {
                        <li>
                            <strong>{i.title}</strong> {(!i.place.is_empty()).then(|| format!(", {}", i.place))}
                            " (" {i.from_year} "–" {i.to_year.map(|y| y.to_string()).unwrap_or_default()} ")"
                            {(!i.description.is_empty()).then(|| view! { <br/><span>{i.description}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    };
    let extras: Vec<String> = profile.card.skills.iter().chain(&profile.languages).chain(&profile.driving_licences).cloned().collect();
    view! {
        <h1>{profile.name.clone()}</h1>
        <p class="font-lead">{lang.t(Msg::CandidateSeeks)} " " {profile.card.occupations.join(", ")}</p>
        <p>{facts}</p>
        {profile.max_travel_km.map(|km| view! { <p>{lang.t(Msg::CandidateTravel)} " " {format!("{km} km")}</p> })}
        {if profile.email.is_none() && profile.phone.is_none() {
            view! { <p>{lang.t(Msg::CandidateNoContact)}</p> }.into_any()
        } else {
            view! {
                <dl class="vacancy-facts">
                    {profile.email.clone().map(|e| view! { <dt>{lang.t(Msg::FieldEmail)}</dt><dd><a href=format!("mailto:{e}")>{e.clone()}</a></dd> })}
                    {profile.phone.clone().map(|p| view! { <dt>{lang.t(Msg::FieldPhone)}</dt><dd>{p}</dd> })}
                </dl>
            }.into_any()
        }}
        {(!profile.summary.is_empty()).then(|| view! { <p class="cv-summary">{profile.summary.clone()}</p> })}
        {items(Msg::CvExperience, profile.experience.clone())}
        {items(Msg::CvEducation, profile.education.clone())}
        {(!extras.is_empty()).then(|| view! { <h2>{lang.t(Msg::CvSkills)}</h2><p>{extras.join(", ")}</p> })}
        {(!profile.contacts.is_empty()).then(|| view! {
            <h2>{lang.t(Msg::ContactsHeading)}</h2>
            <ThreadList threads=profile.contacts.clone() at=crate::path::CONTACT_THREAD company_side=true/>
        })}
    }
}

/// Conversations, newest first, each a link to its page `at`.
#[component]
pub fn ThreadList(threads: Vec<ContactSummary>, at: &'static str, company_side: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="nobullet-list thread-list">
            {threads.into_iter().map(|t| {
                let who = if company_side { t.candidate.clone() } else { t.company.clone() };
                view! {
                    <li class="thread-item">
                        <a href=crate::pages::link(at, &[&t.id])>{format!("{} {who}", lang.t(Msg::ContactWith))}</a>
                        {t.vacancy.map(|(_, title)| view! { " · " {lang.t(Msg::ContactAbout)} " " {title} })}
                        " · " {i18n::date_time(lang, t.updated)}
                        " · " <span>{lang.t(t.status.label())}</span>
                        {(t.unread > 0).then(|| view! { " " <strong class="badge badge-info">{format!("{} {}", t.unread, lang.t(Msg::UnreadCount))}</strong> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    let lang = use_lang();
    let list = Resource::new(|| (), |_| my_threads());
    view! {
        <PageTitle text=lang.t(Msg::ContactsHeading).to_string()/>
        <EmployerNav current=crate::path::CONTACTS/>
        <h1>{lang.t(Msg::ContactsHeading)}</h1>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || list.get().map(|r| match r {
                Ok(threads) if threads.is_empty() => view! { <p>{lang.t(Msg::ContactsEmpty)}</p> }.into_any(),
                Ok(threads) => view! { <ThreadList threads at=crate::path::CONTACT_THREAD company_side=true/> }.into_any(),
                Err(AppError::Forbidden) => view! { <super::company::CompanyPendingNotice/> }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

/// One conversation, for the company (`at` is this page, `company_side` true) or
/// for the citizen, who may also decline it.
#[component]
pub fn ThreadView(at: &'static str, company_side: bool) -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let data = Resource::new(move || id, my_thread);
    let here = crate::pages::link(at, &[&id]);
    let query = use_query_map();
    let next = move |done: &ContactDone| {
        let what = if matches!(done, ContactDone::Declined(_)) { "afvist" } else { "sendt" };
        format!("{}?{what}=1", crate::pages::link(at, &[&done.thread()]))
    };
    view! {
        {move || {
            let q = query.read();
            let done = if q.get("sendt").is_some() { Some(Msg::ContactSent) } else if q.get("afvist").is_some() { Some(Msg::ContactDeclinedDone) } else { None };
            done.map(|msg| view! {
                <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(msg)}</p></div></div>
            })
        }}
        {form_page(contact, next, move |rejected: Option<Rejected<ContactForm>>| {
            let (form, errors) = crate::forms::state(&rejected);
            let here = here.clone();
            view! {
                {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![("message", Msg::FieldReply)]/> })}
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || data.get().map(|r| match r {
                        Ok(thread) => {
                            let s = &thread.summary;
                            let who = if company_side { s.candidate.clone() } else { s.company.clone() };
                            let heading = format!("{} {who}", lang.t(Msg::ContactWith));
                            let open = s.status == crate::domain::candidate::ContactStatus::Open;
                            let (form, errors, here) = (form.clone(), errors.clone(), here.clone());
                            view! {
                                <PageTitle text=heading.clone()/>
                                <h1>{heading}</h1>
                                {s.vacancy.clone().map(|(v, title)| view! {
                                    <p>{lang.t(Msg::ContactAbout)} " " <a href=crate::pages::link(crate::path::VACANCY, &[&v])>{title}</a></p>
                                })}
                                {company_side.then(|| view! {
                                    <p><a href=crate::pages::link(crate::path::CANDIDATE, &[&thread.summary.candidate_id])>{lang.t(Msg::CandidateOpen)}</a></p>
                                })}
                                <MessageList messages=thread.messages.clone() company_side/>
                                {if open {
                                    view! {
                                        <form method="post" action=here.clone() novalidate=true class="message-form">
                                            <input type="hidden" name="action" value=ContactAction::Reply.code()/>
                                            <input type="hidden" name="id" value=thread.summary.id.to_string()/>
                                            <Field name="message" label=Msg::FieldReply value=form.message.clone() kind=Kind::Multiline
                                                required=true error=errors.get("message")/>
                                            <button type="submit" class="button button-primary">{lang.t(Msg::SendReply)}</button>
                                        </form>
                                        {(!company_side).then(|| view! {
                                            <crate::ui::form::ButtonForm action=here.clone() label=Msg::DeclineContact secondary=true
                                                hidden=vec![("action", ContactAction::Decline.code().to_string()), ("id", thread.summary.id.to_string())]/>
                                        })}
                                    }.into_any()
                                } else {
                                    let msg = if company_side { Msg::ContactClosedForCompany } else { Msg::ContactDeclinedByYou };
                                    view! { <div class="alert alert-info"><div class="alert-body"><p class="alert-text">{lang.t(msg)}</p></div></div> }.into_any()
                                }}
                            }.into_any()
                        }
                        Err(error) => view! { <PageTitle text=lang.t(Msg::ContactThreadHeading).to_string()/><ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
            }
        })}
    }
}

/// A conversation's messages, oldest first; the reader's own (the company's when
/// `company_side`) marked as theirs.
#[component]
pub fn MessageList(messages: Vec<ContactMessage>, company_side: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ol class="nobullet-list message-list">
            {messages.into_iter().map(|m| {
                let mine = m.from_company == company_side;
                view! {
                    <li class="message" class:message-mine=mine>
                        <p class="message-meta"><strong>{if mine { lang.t(Msg::ContactYou).to_string() } else { m.author }}</strong>
                            " · " {i18n::date_time(lang, m.at)}</p>
                        <p class="message-body">{m.body}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[component]
pub fn CompanyThreadPage() -> impl IntoView {
    view! {
        <EmployerNav current=crate::path::CONTACTS/>
        <ThreadView at=crate::path::CONTACT_THREAD company_side=true/>
    }
}
