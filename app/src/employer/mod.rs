//! Employers: posting vacancies, and the company's users.

pub mod company;

use crate::domain::vacancy::{self, field, VacancyForm};
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, Field, Kind, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::PageTitle;
use leptos::prelude::*;

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

#[component]
pub fn NewVacancyPage() -> impl IntoView {
    form_page(
        create_vacancy,
        |id: &i64| format!("{}?oprettet=1", crate::pages::link(crate::path::VACANCY, &[id])),
        |rejected| view! { <VacancyFormView rejected/> },
    )
}

#[component]
fn VacancyFormView(rejected: Option<Rejected<VacancyForm>>) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = forms::state(&rejected);
    let err = |name: &str| errors.get(name);
    let title = forms::title(lang, Msg::NewVacancyHeading, rejected.is_some());
    let today = crate::ui::clock::today();
    view! {
        <PageTitle text=title/>
        <h1>{lang.t(Msg::NewVacancyHeading)}</h1>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=FIELDS.to_vec()/> })}
        <p>{lang.t(Msg::NewVacancyIntro)}</p>
        <form method="post" action=crate::path::NEW_VACANCY novalidate=true class="vacancy-form">
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
            <Field name=field::DEADLINE label=Msg::FieldDeadline hint=Msg::FieldDeadlineHint
                value=date_value(&form.deadline) error=err(field::DEADLINE) kind=Kind::Date required=true
                width="input-width-s" check=move |v: String| vacancy::check_deadline(&v, today).err()/>
            <Field name=field::HOW_TO_APPLY label=Msg::FieldHowToApply hint=Msg::FieldHowToApplyHint
                value=form.how_to_apply error=err(field::HOW_TO_APPLY) required=true
                check=|v: String| vacancy::check_how_to_apply(&v).err()/>
            <button type="submit" class="button button-primary">{lang.t(Msg::SubmitVacancy)}</button>
        </form>
    }
}

fn employment_types(lang: crate::Lang) -> Vec<(String, String)> {
    vacancy::EmploymentType::ALL.iter().map(|e| (e.code().to_string(), lang.t(e.label()).to_string())).collect()
}

/// A date input only shows ISO dates; turn a Danish-typed date back into one so
/// what the person typed is not lost.
fn date_value(typed: &str) -> String {
    crate::domain::parse::date(typed).map(|d| d.to_string()).unwrap_or_else(|| typed.to_string())
}

#[server(prefix = "/api", endpoint = "employer/vacancies")]
pub async fn my_vacancies() -> Result<Vec<crate::domain::vacancy::Vacancy>, AppError> {
    // Employers (access table), and only their own company's vacancies.
    let me = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    crate::ssr::services::vacancies::of_my_company(&st, &me).await
}

/// An employer's start page: their company's vacancies and a way to post another.
#[component]
pub fn EmployerHomePage() -> impl IntoView {
    let lang = use_lang();
    let list = Resource::new(|| (), |_| my_vacancies());
    view! {
        <PageTitle text=lang.t(Msg::EmployerHomeHeading).to_string()/>
        <h1>{lang.t(Msg::EmployerHomeHeading)}</h1>
        <p>
            <a class="button button-primary" href=crate::path::NEW_VACANCY>{lang.t(Msg::HomeEmployerLink)}</a> " "
            <a class="button button-secondary" href=crate::path::COMPANY>{lang.t(Msg::NavCompany)}</a>
        </p>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || list.get().map(|r| match r {
                // Waiting for the company's administrator: say so, plainly.
                Err(AppError::Forbidden) => view! { <company::CompanyPendingNotice/> }.into_any(),
                Ok(vs) if vs.is_empty() => view! { <p>{lang.t(Msg::EmployerHomeEmpty)}</p> }.into_any(),
                Ok(vs) => view! {
                    <ul class="nobullet-list result-list employer-vacancies">
                        {vs.into_iter().map(|v| view! {
                            <li class="result-item">
                                <h2 class="h4 result-title"><a href=crate::pages::link(crate::path::VACANCY, &[&v.id])>{v.details.title.clone()}</a></h2>
                                <p class="result-facts">
                                    {lang.t(if v.open { Msg::VacancyOpen } else { Msg::VacancyClosed })} " "
                                    {crate::i18n::date(lang, v.posted)} " · " {lang.t(Msg::ApplicationDeadline)} ": "
                                    {crate::i18n::date(lang, v.details.deadline)}
                                </p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(error) => view! { <crate::ui::layout::ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}
