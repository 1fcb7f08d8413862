//! The CV editor: an overview with the completeness meter, one page per section
//! (each a plain form), and a printable CV.

use super::{JobseekerNav, SavedNote};
use crate::domain::cv::{self, field, CvAction, CvForm, CvItem, Section, WorkTime};
use crate::domain::jobseeker::CvView;
use crate::domain::{municipality, occupation};
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::{ButtonForm, CheckboxField, ErrorSummary, Field, Kind, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use crate::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

pub fn section_path(s: Section) -> String {
    crate::pages::link(crate::path::CV_SECTION, &[&s.code()])
}

#[server(prefix = "/api", endpoint = "jobseeker/cv")]
pub async fn my_cv() -> Result<CvView, AppError> {
    // Jobseekers (access table), their own CV only.
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::cv::view(&crate::ssr::state()?, &me, crate::ssr::today()?).await
}

#[server(prefix = "/api", endpoint = "jobseeker/cv/edit")]
pub async fn edit_cv(form: CvForm) -> Result<Section, AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::jobseeker::cv::edit(&crate::ssr::state()?, &me, &form, crate::ssr::today()?).await
}

fn years(i: &CvItem, lang: Lang) -> String {
    match i.to_year {
        Some(t) if t == i.from_year => t.to_string(),
        Some(t) => format!("{}–{t}", i.from_year),
        None => format!("{}–{}", i.from_year, lang.t(Msg::Ongoing)),
    }
}

/// What a section holds, in a line or a list, for the overview and the print.
fn section_summary(v: &CvView, s: Section, lang: Lang) -> AnyView {
    let c = &v.cv;
    if !c.is_filled(s) {
        return view! { <p class="cv-empty">{lang.t(Msg::CvNotFilled)}</p> }.into_any();
    }
    let items = |list: &[CvItem]| {
        list.iter()
            .map(|i| {
                view! { <li><strong>{i.title.clone()}</strong>", " {i.place.clone()} " (" {years(i, lang)} ")"
                {(!i.description.is_empty()).then(|| view! { <br/><span class="cv-item-text">{i.description.clone()}</span> })}</li> }
            })
            .collect_view()
    };
    match s {
        Section::Contact => view! {
            <ul class="nobullet-list">
                {c.show_email.then(|| view! { <li>{format!("{}: {}", lang.t(Msg::FieldEmail), v.email)}</li> })}
                {c.show_phone.then(|| view! { <li>{format!("{}: {}", lang.t(Msg::FieldPhone), c.phone)}</li> })}
                {(!c.summary.is_empty()).then(|| view! { <li class="cv-summary">{c.summary.clone()}</li> })}
            </ul>
        }
        .into_any(),
        Section::Education => view! { <ul>{items(&c.education)}</ul> }.into_any(),
        Section::Experience => view! { <ul>{items(&c.experience)}</ul> }.into_any(),
        Section::Skills => view! {
            <ul class="nobullet-list">
                {(!c.skills.is_empty()).then(|| view! { <li>{format!("{}: {}", lang.t(Msg::FieldSkills), c.skills.join(", "))}</li> })}
                {(!c.languages.is_empty()).then(|| view! { <li>{format!("{}: {}", lang.t(Msg::FieldLanguages), c.languages.join(", "))}</li> })}
                {(!c.driving_licences.is_empty()).then(|| view! { <li>{format!("{}: {}", lang.t(Msg::FieldLicences), c.driving_licences.join(", "))}</li> })}
            </ul>
        }
        .into_any(),
        Section::Occupations => view! {
            <ul>{c.occupations.iter().map(|o| view! { <li>{occupation_line(o, lang)}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Section::Terms => {
            let Some(t) = c.terms.clone() else { return ().into_any() };
            let place = municipality::by_code(t.municipality).map(|m| m.official_name(lang)).unwrap_or_else(|| "-".into());
            view! {
                <p>{format!("{}, {}, {}, {} km", i18n::hours_a_week(lang, t.hours), lang.t(t.time.label()), place, t.max_travel_km)}</p>
            }
            .into_any()
        }
    }
}

fn occupation_line(o: &cv::SoughtOccupation, lang: Lang) -> String {
    let title = occupation::by_code(&o.code).map(|x| x.title(lang)).unwrap_or(&o.title);
    let mut s = format!("{title} ({})", o.code);
    if o.has_education {
        s.push_str(&format!(", {}", lang.t(Msg::Educated)));
    }
    if let Some(y) = o.last_worked {
        s.push_str(&format!(", {} {y}", lang.t(Msg::LastWorkedIn)));
    }
    s
}

/// Loads the CV and shows it with `render`, or the error.
fn with_cv<V: IntoView + 'static>(render: impl Fn(CvView) -> V + Clone + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_cv());
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || data.get().map(|r| match r {
                Ok(v) => render(v).into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
pub fn CvPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Msg::NavCv).to_string()/>
        <JobseekerNav current=crate::path::CV/>
        <h1>{lang.t(Msg::NavCv)}</h1>
        <SavedNote msg=Msg::Saved/>
        {with_cv(move |v| {
            let missing: Vec<String> = v.missing.iter().map(|s| lang.t(s.heading()).to_string()).collect();
            view! {
                <p class="lead">{lang.t(Msg::CvIntro)}</p>
                <div class="cv-status">
                    <p class="cv-percent">{i18n::cv_percent(lang, v.percent)}</p>
                    <meter min="0" max="100" value=v.percent.to_string() aria-label=lang.t(Msg::CvStatusHeading)></meter>
                    <p class="cv-visibility">{lang.t(if v.searchable { Msg::CvSearchableYes } else if v.sick && missing.is_empty() { Msg::CvHiddenSick } else { Msg::CvSearchableNo })}</p>
                    {(!missing.is_empty()).then(|| view! { <p class="cv-missing">{format!("{}: {}", lang.t(Msg::CvMissingLabel), missing.join(", "))}</p> })}
                    {v.deadline.map(|d| view! { <p class="cv-deadline">{format!("{}: {}", lang.t(Msg::CvDeadlineLabel), i18n::date(lang, d))}</p> })}
                </div>
                {Section::ALL.iter().copied().map(|s| view! {
                    <section class="cv-section" aria-labelledby=format!("cv-{}", s.code())>
                        <h2 class="h3" id=format!("cv-{}", s.code())>
                            {lang.t(s.heading())} " "
                            <span class="cv-part-kind">{format!("({})", lang.t(if s.mandatory() { Msg::CvRequiredPart } else { Msg::CvOptionalPart }))}</span>
                        </h2>
                        {section_summary(&v, s, lang)}
                        <p><a href=section_path(s) class="cv-edit-link">{format!("{}: {}", lang.t(Msg::Edit), lang.t(s.heading()))}</a></p>
                    </section>
                }).collect_view()}
                <p><a href=crate::path::CV_PRINT class="button button-secondary">{lang.t(Msg::CvPrint)}</a></p>
            }
        })}
    }
}

/// The CV as one printable page.
#[component]
pub fn CvPrintPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Msg::NavCv).to_string()/>
        <p class="no-print"><a href=crate::path::CV>{lang.t(Msg::BackToCv)}</a>" · "{lang.t(Msg::PrintHint)}</p>
        {with_cv(move |v| view! {
            <article class="cv-print">
                <h1>{v.name.clone()}</h1>
                {Section::ALL.iter().copied().filter(|s| v.cv.is_filled(*s)).map(|s| view! {
                    <section><h2 class="h3">{lang.t(s.heading())}</h2>{section_summary(&v, s, lang)}</section>
                }).collect_view()}
            </article>
        })}
    }
}

#[component]
pub fn CvSectionPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let section = params.read_untracked().get("afsnit").and_then(|s| Section::parse(&s));
    let Some(section) = section else {
        return view! { <crate::ui::layout::NotFound/> }.into_any();
    };
    let data = Resource::new(|| (), |_| my_cv());
    let next = |s: &Section| match s {
        Section::Education | Section::Experience | Section::Occupations => format!("{}?gemt=1", section_path(*s)),
        _ => format!("{}?gemt=1", crate::path::CV),
    };
    view! {
        <JobseekerNav current=crate::path::CV/>
        {form_page(edit_cv, next, move |rejected| view! {
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(v) => view! { <SectionForm v section rejected=rejected.clone()/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
    .into_any()
}

/// The fields of each section in page order, for the error summary.
fn fields(section: Section) -> Vec<(&'static str, Msg)> {
    match section {
        Section::Contact => {
            vec![(field::SHOW_EMAIL, Msg::FieldShowEmail), (field::PHONE, Msg::FieldPhone), (field::SUMMARY, Msg::FieldSummary)]
        }
        Section::Education | Section::Experience => vec![
            (field::ITEM_TITLE, Msg::FieldItemDescription),
            (field::ITEM_PLACE, Msg::FieldItemDescription),
            (field::ITEM_FROM, Msg::FieldFromYear),
            (field::ITEM_TO, Msg::FieldToYear),
            (field::ITEM_DESCRIPTION, Msg::FieldItemDescription),
        ],
        Section::Skills => {
            vec![(field::SKILLS, Msg::FieldSkills), (field::LANGUAGES, Msg::FieldLanguages), (field::LICENCES, Msg::FieldLicences)]
        }
        Section::Occupations => vec![(field::OCCUPATION, Msg::FieldOccupation), (field::LAST_WORKED, Msg::FieldLastWorked)],
        Section::Terms => vec![
            (field::HOURS, Msg::FieldHoursPerWeek),
            (field::TIME, Msg::FieldWorkTime),
            (field::MUNICIPALITY, Msg::FieldArea),
            (field::MAX_TRAVEL, Msg::FieldMaxTravel),
        ],
    }
}

#[component]
fn SectionForm(v: CvView, section: Section, rejected: Option<Rejected<CvForm>>) -> impl IntoView {
    let lang = use_lang();
    let heading = section.heading();
    let title = forms::title(lang, heading, rejected.is_some());
    // A rejected form shows what was typed; otherwise the saved values.
    let (form, errors) = match &rejected {
        Some(_) => forms::state(&rejected),
        None => (cv::form_for(&v.cv, section), Default::default()),
    };
    let err = |name: &str| errors.get(name);
    let action = section_path(section);
    let slug = section.code();
    let hidden = |action: CvAction| {
        view! {
            <input type="hidden" name="section" value=slug/>
            <input type="hidden" name="action" value=action.code()/>
        }
    };
    let remove_button = move |i: usize, what: String| {
        view! { <ButtonForm action=section_path(section) label=Msg::Remove secondary=true detail=what
        hidden=vec![("section", slug.to_string()), ("action", CvAction::Remove.code().to_string()), ("index", i.to_string())]/> }
    };
    let list = match section {
        Section::Education | Section::Experience => {
            let items = if section == Section::Education { v.cv.education.clone() } else { v.cv.experience.clone() };
            view! {
                <ul class="nobullet-list cv-list">
                    {items.into_iter().enumerate().map(|(i, item)| view! {
                        <li class="cv-list-item">
                            <span><strong>{item.title.clone()}</strong>", " {item.place.clone()} " (" {years(&item, lang)} ")"</span>
                            {remove_button(i, item.title.clone())}
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
        Section::Occupations => view! {
            <ul class="nobullet-list cv-list">
                {v.cv.occupations.iter().enumerate().map(|(i, o)| view! {
                    <li class="cv-list-item"><span>{occupation_line(o, lang)}</span>{remove_button(i, o.title.clone())}</li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
        _ => ().into_any(),
    };
    let today = crate::ui::clock::today();
    let body = match section {
        Section::Contact => view! {
            {hidden(CvAction::Save)}
            <CheckboxField name=field::SHOW_EMAIL label=Msg::FieldShowEmail checked=!form.show_email.is_empty() error=err(field::SHOW_EMAIL)/>
            <p class="form-hint">{v.email.clone()}</p>
            <CheckboxField name="show_phone" label=Msg::FieldShowPhone checked=!form.show_phone.is_empty()/>
            <Field name=field::PHONE label=Msg::FieldPhone value=form.phone.clone() error=err(field::PHONE) kind=Kind::Text
                width="input-width-s" inputmode="tel" autocomplete="tel"
                check=|v: String| if v.trim().is_empty() { None } else { cv::check_phone(&v).err() }/>
            <Field name=field::SUMMARY label=Msg::FieldSummary hint=Msg::FieldSummaryHint value=form.summary.clone()
                error=err(field::SUMMARY) kind=Kind::Multiline/>
        }
        .into_any(),
        Section::Education | Section::Experience => {
            let (t, p) = if section == Section::Education {
                (Msg::FieldEducationTitle, Msg::FieldEducationPlace)
            } else {
                (Msg::FieldJobTitle, Msg::FieldJobPlace)
            };
            view! {
                {hidden(CvAction::Add)}
                <h2 class="h3">{lang.t(Msg::Add)}</h2>
                <Field name=field::ITEM_TITLE label=t value=form.item_title.clone() error=err(field::ITEM_TITLE) required=true/>
                <Field name=field::ITEM_PLACE label=p value=form.item_place.clone() error=err(field::ITEM_PLACE) required=true/>
                <Field name=field::ITEM_FROM label=Msg::FieldFromYear value=form.item_from.clone() error=err(field::ITEM_FROM)
                    required=true width="input-width-xs" inputmode="numeric"
                    check=move |v: String| cv::check_year(&v, today, 0).err()/>
                <Field name=field::ITEM_TO label=Msg::FieldToYear hint=Msg::FieldToYearHint value=form.item_to.clone()
                    error=err(field::ITEM_TO) width="input-width-xs" inputmode="numeric"
                    check=move |v: String| if v.trim().is_empty() { None } else { cv::check_year(&v, today, 6).err() }/>
                <Field name=field::ITEM_DESCRIPTION label=Msg::FieldItemDescription value=form.item_description.clone()
                    error=err(field::ITEM_DESCRIPTION) kind=Kind::Multiline/>
            }
            .into_any()
        }
        Section::Skills => view! {
            {hidden(CvAction::Save)}
            <Field name=field::SKILLS label=Msg::FieldSkills hint=Msg::FieldOneAPerLine value=form.skills.clone()
                error=err(field::SKILLS) kind=Kind::Multiline/>
            <Field name=field::LANGUAGES label=Msg::FieldLanguages hint=Msg::FieldOneAPerLine value=form.languages.clone()
                error=err(field::LANGUAGES) kind=Kind::Multiline/>
            <Field name=field::LICENCES label=Msg::FieldLicences hint=Msg::FieldLicencesHint value=form.licences.clone()
                error=err(field::LICENCES) width="input-width-s"/>
        }
        .into_any(),
        Section::Occupations => {
            let unknown = err(field::OCCUPATION) == Some(Msg::ErrOccupationUnknown);
            let suggestions = if unknown { occupation::suggest(&form.occupation, 6) } else { Vec::new() };
            view! {
                {hidden(CvAction::Add)}
                <h2 class="h3">{lang.t(Msg::Add)}</h2>
                <Field name=field::OCCUPATION label=Msg::FieldOccupation hint=Msg::FieldOccupationHint value=form.occupation.clone()
                    error=err(field::OCCUPATION) required=true list="occupation-list" autocomplete="off"
                    check=|v: String| if v.trim().is_empty() { Some(Msg::ErrOccupationMissing) } else if occupation::find(&v).is_none() { Some(Msg::ErrOccupationUnknown) } else { None }/>
                <datalist id="occupation-list">
                    {occupation::all().iter().map(|o| view! { <option value=o.label(lang)></option> }).collect_view()}
                </datalist>
                <CheckboxField name="has_education" label=Msg::FieldHasEducation checked=!form.has_education.is_empty()/>
                <Field name=field::LAST_WORKED label=Msg::FieldLastWorked value=form.last_worked.clone() error=err(field::LAST_WORKED)
                    width="input-width-xs" inputmode="numeric"
                    check=move |v: String| if v.trim().is_empty() { None } else { cv::check_year(&v, today, 0).err() }/>
                {(!suggestions.is_empty()).then(|| view! {
                    <p class="did-you-mean">{lang.t(Msg::DidYouMean)} ":"</p>
                    <ul class="nobullet-list did-you-mean-list">
                        {suggestions.into_iter().map(|o| view! { <li><button type="submit" name="occupation_pick" value=o.label(lang) class="button button-tertiary">{o.label(lang)}</button></li> }).collect_view()}
                    </ul>
                })}
            }
            .into_any()
        }
        Section::Terms => {
            let times: Vec<(String, String)> = WorkTime::ALL.iter().map(|w| (w.code().to_string(), lang.t(w.label()).to_string())).collect();
            view! {
                {hidden(CvAction::Save)}
                <Field name=field::HOURS label=Msg::FieldHoursPerWeek value=form.hours.clone() error=err(field::HOURS)
                    required=true width="input-width-xs" inputmode="numeric"/>
                <SelectField name=field::TIME label=Msg::FieldWorkTime options=times selected=form.time.clone()
                    error=err(field::TIME) placeholder=Msg::ChooseOption/>
                <SelectField name=field::MUNICIPALITY label=Msg::FieldArea options=municipality::options(lang)
                    selected=form.municipality.clone() error=err(field::MUNICIPALITY) placeholder=Msg::ChooseMunicipality/>
                <Field name=field::MAX_TRAVEL label=Msg::FieldMaxTravel value=form.max_travel.clone() error=err(field::MAX_TRAVEL)
                    required=true width="input-width-xs" inputmode="numeric"/>
            }
            .into_any()
        }
    };
    let is_list = matches!(section, Section::Education | Section::Experience | Section::Occupations);
    view! {
        <PageTitle text=title/>
        <p><a href=crate::path::CV>{lang.t(Msg::BackToCv)}</a></p>
        <h1>{lang.t(heading)}</h1>
        <SavedNote msg=Msg::Saved/>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=fields(section)/> })}
        {list}
        <form method="post" action=action novalidate=true class="cv-form">
            {body}
            <button type="submit" class="button button-primary">{lang.t(if is_list { Msg::Add } else { Msg::Save })}</button>
        </form>
    }
}
