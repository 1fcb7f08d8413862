//! The citizen and employers: whether their CV can be found and by whom, and the
//! conversations employers started with them.

use super::{JobseekerNav, SavedNote};
use crate::domain::candidate::{Visibility, VisibilityAction, VisibilityForm};
use crate::employer::candidates::{my_threads, ThreadList, ThreadView};
use crate::error::AppError;
use crate::forms::{form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ButtonForm, ErrorSummary, Field};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "jobseeker/visibility")]
pub async fn my_visibility() -> Result<Visibility, AppError> {
    // Jobseekers (access table), their own.
    let me = crate::auth::require_user()?;
    crate::ssr::services::candidates::visibility(&crate::ssr::state()?, &me).await
}

#[server(prefix = "/api", endpoint = "jobseeker/visibility/set")]
pub async fn set_visibility(form: VisibilityForm) -> Result<(), AppError> {
    // Jobseekers (access table), their own.
    let me = crate::auth::require_user()?;
    let action = VisibilityAction::parse(&form.action).ok_or(AppError::BadRequest)?;
    let value = if action == VisibilityAction::Unblock { &form.id } else { &form.cvr };
    crate::ssr::services::candidates::set_visibility(&crate::ssr::state()?, &me, action, value).await
}

#[component]
pub fn VisibilityPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_visibility());
    let here = crate::path::VISIBILITY;
    view! {
        <PageTitle text=lang.t(Msg::VisibilityHeading).to_string()/>
        <JobseekerNav current=crate::path::VISIBILITY/>
        <h1>{lang.t(Msg::VisibilityHeading)}</h1>
        <p>{lang.t(Msg::VisibilityIntro)}</p>
        <SavedNote msg=Msg::VisibilitySaved/>
        {form_page(set_visibility, move |_: &()| format!("{here}?gemt=1"), move |rejected: Option<Rejected<VisibilityForm>>| {
            let (form, errors) = crate::forms::state(&rejected);
            view! {
                {rejected.map(|r| view! { <ErrorSummary error=r.error fields=vec![("cvr", Msg::FieldCvr)]/> })}
                <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                    {move || data.get().map(|r| match r {
                        Ok(v) => {
                            let (state, toggle, label) = match (v.hidden, v.searchable) {
                                (true, _) => (Msg::VisibilityHiddenByYou, VisibilityAction::Show, Msg::ShowCv),
                                (false, true) => (Msg::VisibilityShown, VisibilityAction::Hide, Msg::HideCv),
                                (false, false) => (Msg::VisibilityNotSearchable, VisibilityAction::Hide, Msg::HideCv),
                            };
                            let (form, errors) = (form.clone(), errors.clone());
                            view! {
                                <p class="cv-visibility"><strong>{lang.t(state)}</strong></p>
                                <ButtonForm action=here.to_string() label secondary=true hidden=vec![("action", toggle.code().to_string())]/>
                                <h2>{lang.t(Msg::BlockHeading)}</h2>
                                <p>{lang.t(Msg::BlockIntro)}</p>
                                {if v.blocked.is_empty() {
                                    view! { <p>{lang.t(Msg::BlockNone)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="nobullet-list blocked-list">
                                            {v.blocked.iter().map(|(id, name, cvr)| view! {
                                                <li>
                                                    {format!("{name} (CVR {cvr}) ")}
                                                    <ButtonForm action=here.to_string() label=Msg::UnblockCompany secondary=true detail=name.clone()
                                                        hidden=vec![("action", VisibilityAction::Unblock.code().to_string()), ("id", id.to_string())]/>
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                                <form method="post" action=here novalidate=true>
                                    <input type="hidden" name="action" value=VisibilityAction::Block.code()/>
                                    <Field name="cvr" label=Msg::FieldCvr value=form.cvr.clone() error=errors.get("cvr") inputmode="numeric" width="input-width-s"/>
                                    <button type="submit" class="button button-secondary">{lang.t(Msg::BlockCompany)}</button>
                                </form>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorAlert error/> }.into_any(),
                    })}
                </Suspense>
            }
        })}
    }
}

#[component]
pub fn EmployerMessagesPage() -> impl IntoView {
    let lang = use_lang();
    let list = Resource::new(|| (), |_| my_threads());
    view! {
        <PageTitle text=lang.t(Msg::EmployerMessagesHeading).to_string()/>
        <JobseekerNav current=crate::path::EMPLOYER_MESSAGES/>
        <h1>{lang.t(Msg::EmployerMessagesHeading)}</h1>
        <p>{lang.t(Msg::EmployerMessagesIntro)}</p>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || list.get().map(|r| match r {
                Ok(threads) if threads.is_empty() => view! { <p>{lang.t(Msg::EmployerMessagesEmpty)}</p> }.into_any(),
                Ok(threads) => view! { <ThreadList threads at=crate::path::EMPLOYER_THREAD company_side=false/> }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
pub fn EmployerThreadPage() -> impl IntoView {
    view! {
        <JobseekerNav current=crate::path::EMPLOYER_MESSAGES/>
        <ThreadView at=crate::path::EMPLOYER_THREAD company_side=false/>
    }
}
