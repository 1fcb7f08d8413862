//! Employers: their company's vacancies (posting, and each one over its life),
//! and the company's users.

pub mod candidate_agents;
pub mod candidates;
pub mod company;
pub mod vacancies;

use crate::domain::vacancy::{self, field, Vacancy, VacancyForm, VacancyTab};
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, Field, Kind, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The new-vacancy page's query part naming a closed vacancy to post again.
pub const REPOST: &str = "fra";

#[server(prefix = "/api", endpoint = "employer/vacancy/create")]
pub async fn create_vacancy(form: VacancyForm) -> Result<i64, AppError> {
    // Employers (access table); the vacancy belongs to their company.
    let me = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    crate::ssr::services::vacancies::create(&st, &me, &form).await
}

/// The fields of the form in page order, for the error summary.
const FIELDS: [(&str, Msg); 11] = [
    (field::TITLE, Msg::FieldTitle),
    (field::EMPLOYER_NAME, Msg::FieldEmployerName),
    (field::DESCRIPTION, Msg::FieldDescription),
    (field::POSTCODE, Msg::FieldPostcode),
    (field::CITY, Msg::FieldCity),
    (field::WEEKLY_HOURS, Msg::FieldWeeklyHours),
    (field::DEADLINE, Msg::FieldDeadline),
    (field::HOW_TO_APPLY, Msg::FieldHowToApply),
    (field::MUNICIPALITY, Msg::FieldVacancyMunicipality),
    (field::EMPLOYMENT_TYPE, Msg::FieldEmploymentType),
    (field::OCCUPATION, Msg::FieldVacancyOccupation),
];

/// Posting a vacancy; with `?fra=ID`, filled in from one of the company's closed
/// vacancies to post it again as new.
#[component]
pub fn NewVacancyPage() -> impl IntoView {
    let lang = use_lang();
    let from = use_query_map().with_untracked(|q| q.get(REPOST).and_then(|s| s.parse::<i64>().ok()));
    let source = Resource::new(
        move || from,
        |from| async move {
            match from {
                Some(id) => vacancies::my_vacancy(id).await.map(|m| {
                    let mut form = VacancyForm::from_details(&m.vacancy.details);
                    (form.deadline, form.fra) = (String::new(), id.to_string());
                    Some(form)
                }),
                None => Ok(None),
            }
        },
    );
    form_page(
        create_vacancy,
        |id: &i64| format!("{}?oprettet=1", crate::pages::link(crate::path::VACANCY, &[id])),
        move |rejected: Option<Rejected<VacancyForm>>| {
            view! {
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || source.get().map(|r| match r {
                        Ok(initial) => {
                            let intro = if initial.is_some() { Msg::RepostIntro } else { Msg::NewVacancyIntro };
                            view! {
                                <VacancyFormView rejected=rejected.clone() initial=initial.unwrap_or_default()
                                    action=crate::path::NEW_VACANCY.to_string() heading=Msg::NewVacancyHeading intro
                                    submit=Msg::SubmitVacancy/>
                            }.into_any()
                        }
                        Err(error) => view! { <h1>{lang.t(Msg::NewVacancyHeading)}</h1><ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
            }
        },
    )
}

/// The vacancy form, filled in from `initial` unless a rejected submission is
/// shown again; posts to `action`.
#[component]
pub(crate) fn VacancyFormView(
    rejected: Option<Rejected<VacancyForm>>,
    initial: VacancyForm,
    action: String,
    heading: Msg,
    intro: Msg,
    submit: Msg,
) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = match &rejected {
        Some(_) => forms::state(&rejected),
        None => (initial, Default::default()),
    };
    let err = |name: &str| errors.get(name);
    let title = forms::title(lang, heading, rejected.is_some());
    let today = crate::ui::clock::today();
    view! {
        <PageTitle text=title/>
        <h1>{lang.t(heading)}</h1>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=FIELDS.to_vec()/> })}
        <p>{lang.t(intro)}</p>
        <form method="post" action=action novalidate=true class="vacancy-form">
            {(!form.fra.is_empty()).then(|| view! { <input type="hidden" name="fra" value=form.fra.clone()/> })}
            <Field name=field::TITLE label=Msg::FieldTitle hint=Msg::FieldTitleHint value=form.title required=true
                error=err(field::TITLE) check=|v: String| vacancy::check_title(&v).err()/>
            <Field name=field::EMPLOYER_NAME label=Msg::FieldEmployerName value=form.employer_name required=true
                error=err(field::EMPLOYER_NAME) autocomplete="organization"
                check=|v: String| vacancy::check_employer_name(&v).err()/>
            <Field name=field::DESCRIPTION label=Msg::FieldDescription hint=Msg::FieldDescriptionHint
                value=form.description error=err(field::DESCRIPTION) kind=Kind::Multiline required=true
                check=|v: String| vacancy::check_description(&v).err()/>
            <Field name=field::POSTCODE label=Msg::FieldPostcode value=form.postcode required=true
                error=err(field::POSTCODE) width="input-width-xs" inputmode="numeric" autocomplete="postal-code"
                check=|v: String| vacancy::check_postcode(&v).err()/>
            <Field name=field::CITY label=Msg::FieldCity value=form.city required=true error=err(field::CITY)
                width="input-width-l" autocomplete="address-level2" check=|v: String| vacancy::check_city(&v).err()/>
            <SelectField name=field::MUNICIPALITY label=Msg::FieldVacancyMunicipality options=crate::domain::municipality::options(lang)
                selected=form.municipality.clone() error=err(field::MUNICIPALITY) placeholder=Msg::MunicipalityFromPostcode
                hint=Msg::FieldVacancyMunicipalityHint optional=true/>
            <SelectField name=field::EMPLOYMENT_TYPE label=Msg::FieldEmploymentType options=employment_types(lang)
                selected=if form.employment_type.is_empty() { "fast".to_string() } else { form.employment_type.clone() }
                error=err(field::EMPLOYMENT_TYPE)/>
            <Field name=field::OCCUPATION label=Msg::FieldVacancyOccupation hint=Msg::FieldVacancyOccupationHint
                value=form.occupation.clone() error=err(field::OCCUPATION) list="vacancy-occupations" autocomplete="off"
                check=|v: String| vacancy::check_occupation(&v).err()/>
            <datalist id="vacancy-occupations">
                {crate::domain::occupation::all().iter().map(|o| view! { <option value=o.label(lang)></option> }).collect_view()}
            </datalist>
            <Field name=field::WEEKLY_HOURS label=Msg::FieldWeeklyHours hint=Msg::FieldWeeklyHoursHint
                value=form.weekly_hours error=err(field::WEEKLY_HOURS) required=true width="input-width-xs"
                inputmode="decimal" check=|v: String| vacancy::check_weekly_hours(&v).err()/>
            <Field name=field::DEADLINE label=Msg::FieldDeadline
                value=form.deadline error=err(field::DEADLINE) kind=Kind::Date required=true
                check=move |v: String| vacancy::check_deadline(&v, today).err()/>
            <Field name=field::HOW_TO_APPLY label=Msg::FieldHowToApply hint=Msg::FieldHowToApplyHint
                value=form.how_to_apply error=err(field::HOW_TO_APPLY) required=true
                check=|v: String| vacancy::check_how_to_apply(&v).err()/>
            <button type="submit" class="button button-primary">{lang.t(submit)}</button>
        </form>
    }
}

fn employment_types(lang: crate::Lang) -> Vec<(String, String)> {
    vacancy::EmploymentType::ALL.iter().map(|e| (e.code().to_string(), lang.t(e.label()).to_string())).collect()
}

#[server(prefix = "/api", endpoint = "employer/vacancies")]
pub async fn my_vacancies() -> Result<Vec<crate::domain::vacancy::Vacancy>, AppError> {
    // Employers (access table), and only their own company's vacancies.
    let me = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    crate::ssr::services::vacancies::of_my_company(&st, &me).await
}

/// An employer's start page: their company's vacancies in three tabs (open, past
/// their deadline, closed) and a way to post another.
#[component]
pub fn EmployerHomePage() -> impl IntoView {
    let lang = use_lang();
    let tab = use_query_map().with_untracked(|q| q.get("vis").and_then(|t| VacancyTab::parse(&t))).unwrap_or_default();
    let list = Resource::new(|| (), |_| my_vacancies());
    view! {
        <PageTitle text=lang.t(Msg::EmployerHomeHeading).to_string()/>
        <candidates::EmployerNav current=crate::path::EMPLOYER_HOME/>
        <h1>{lang.t(Msg::EmployerHomeHeading)}</h1>
        <p>
            <a class="button button-primary" href=crate::path::NEW_VACANCY>{lang.t(Msg::HomeEmployerLink)}</a>
        </p>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || list.get().map(|r| match r {
                // Waiting for the company's administrator: say so, plainly.
                Err(AppError::Forbidden) => view! { <company::CompanyPendingNotice/> }.into_any(),
                Ok(vs) if vs.is_empty() => view! { <p>{lang.t(Msg::EmployerHomeEmpty)}</p> }.into_any(),
                Ok(vs) => view! { <VacancyTabs vs tab/> }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn VacancyTabs(vs: Vec<Vacancy>, tab: VacancyTab) -> impl IntoView {
    let lang = use_lang();
    let today = crate::ui::clock::today();
    let count = |t: VacancyTab| vs.iter().filter(|v| v.tab(today) == t).count();
    let tabs: Vec<_> = VacancyTab::ALL.iter().map(|t| (*t, count(*t))).collect();
    let shown: Vec<Vacancy> = vs.iter().filter(|v| v.tab(today) == tab).cloned().collect();
    view! {
        <nav aria-label=lang.t(Msg::VacancyTabsLabel) class="vacancy-tabs">
            <ul class="nobullet-list">
                {tabs.into_iter().map(|(t, n)| view! {
                    <li><a href=format!("{}?vis={}", crate::path::EMPLOYER_HOME, t.code()) aria-current=(t == tab).then_some("page")>
                        {format!("{} ({n})", lang.t(t.label()))}
                    </a></li>
                }).collect_view()}
            </ul>
        </nav>
        {if shown.is_empty() {
            view! { <p>{lang.t(Msg::VacancyTabEmpty)}</p> }.into_any()
        } else {
            view! {
                <ul class="nobullet-list result-list employer-vacancies">
                    {shown.into_iter().map(|v| view! {
                        <li class="result-item">
                            <h2 class="h4 result-title">
                                <a href=crate::pages::link(crate::path::EMPLOYER_VACANCY, &[&v.id])>{v.details.title.clone()}</a>
                            </h2>
                            <p class="result-facts">
                                {lang.t(Msg::VacancyOpen)} " " {crate::i18n::date(lang, v.posted)} " · "
                                {lang.t(Msg::ApplicationDeadline)} ": " {crate::i18n::date(lang, v.details.deadline)}
                                {v.close_reason.map(|r| format!(" · {}", lang.t(r.label())))}
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
