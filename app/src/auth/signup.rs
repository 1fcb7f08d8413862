//! Signing up: jobseekers (with CPR number) and employers (with CVR number).
//! Caseworkers and administrators are created by an administrator instead.

use super::FormData;
#[cfg(feature = "ssr")]
use crate::domain::account::Role;
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, Field, Kind, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::PageTitle;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JobseekerSignUp {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub postcode: String,
    pub municipality: String,
    pub cpr: String,
    pub password: String,
}

impl FormData for JobseekerSignUp {
    // The CPR number and the password are never written back into a page.
    fn scrubbed(self) -> Self {
        JobseekerSignUp { cpr: String::new(), password: String::new(), ..self }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EmployerSignUp {
    pub company: String,
    pub cvr: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub password: String,
}

impl FormData for EmployerSignUp {
    fn scrubbed(self) -> Self {
        EmployerSignUp { password: String::new(), ..self }
    }
}

/// Creates the account, then signs the new person in.
#[cfg(feature = "ssr")]
async fn create_and_sign_in(new: crate::ssr::services::auth::NewAccount) -> Result<String, AppError> {
    let st = crate::ssr::state()?;
    let signed = crate::ssr::services::auth::sign_up(&st, new, &super::client_ip()).await?;
    super::set_session_cookie(Some(&signed.token));
    Ok(super::start_page(signed.user.role).to_string())
}

#[server(prefix = "/api", endpoint = "auth/sign-up/jobseeker")]
pub async fn sign_up_jobseeker(form: JobseekerSignUp) -> Result<String, AppError> {
    // Open to everyone: this is how a citizen gets an account.
    create_and_sign_in(crate::ssr::services::auth::NewAccount {
        role: Role::Jobseeker,
        email: form.email,
        name: form.name,
        phone: Some(form.phone),
        password: form.password,
        municipality_code: form.municipality.trim().parse().ok(),
        company: None,
        postcode: Some(form.postcode),
        cpr: Some(form.cpr),
        lang: crate::ui::lang::detect(),
    })
    .await
}

#[server(prefix = "/api", endpoint = "auth/sign-up/employer")]
pub async fn sign_up_employer(form: EmployerSignUp) -> Result<String, AppError> {
    // Open to everyone: this is how a company gets its first user.
    create_and_sign_in(crate::ssr::services::auth::NewAccount {
        role: Role::Employer,
        email: form.email,
        name: form.name,
        phone: Some(form.phone),
        password: form.password,
        municipality_code: None,
        company: Some((form.cvr, form.company)),
        postcode: None,
        cpr: None,
        lang: crate::ui::lang::detect(),
    })
    .await
}

#[component]
pub fn JobseekerSignUpPage() -> impl IntoView {
    form_page(sign_up_jobseeker, |next: &String| next.clone(), |rejected| view! { <JobseekerForm rejected/> })
}

#[component]
fn JobseekerForm(rejected: Option<Rejected<JobseekerSignUp>>) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = forms::state(&rejected);
    let err = |name: &str| errors.get(name);
    let municipalities = crate::domain::municipality::options(lang);
    let fields = vec![
        ("name", Msg::FieldName),
        ("email", Msg::FieldEmail),
        ("postcode", Msg::FieldPostcode),
        ("municipality", Msg::FieldHomeMunicipality),
        ("cpr", Msg::FieldCpr),
        ("password", Msg::FieldPasswordNew),
    ];
    view! {
        <PageTitle text=forms::title(lang, Msg::SignUpJobseekerHeading, rejected.is_some())/>
        <h1>{lang.t(Msg::SignUpJobseekerHeading)}</h1>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=fields.clone()/> })}
        <form method="post" action=crate::path::JOBSEEKER_SIGN_UP novalidate=true>
            <Field name="name" label=Msg::FieldName value=form.name error=err("name") required=true autocomplete="name" width="input-width-xl"/>
            <Field name="email" label=Msg::FieldEmail value=form.email error=err("email") kind=Kind::Email required=true autocomplete="email" width="input-width-xl"/>
            <Field name="phone" label=Msg::FieldPhone value=form.phone error=err("phone") autocomplete="tel" inputmode="tel" width="input-width-m"/>
            <Field name="postcode" label=Msg::FieldPostcode value=form.postcode error=err("postcode") required=true inputmode="numeric"
                autocomplete="postal-code" width="input-width-xs" check=|v: String| crate::domain::parse::postcode(&v).err()/>
            <SelectField name="municipality" label=Msg::FieldHomeMunicipality options=municipalities selected=form.municipality
                error=err("municipality") placeholder=Msg::ChooseMunicipality/>
            <Field name="cpr" label=Msg::FieldCpr hint=Msg::FieldCprHint value="" error=err("cpr") required=true inputmode="numeric"
                autocomplete="off" width="input-width-s"/>
            <Field name="password" label=Msg::FieldPasswordNew hint=Msg::FieldPasswordHint value="" error=err("password")
                kind=Kind::Password required=true autocomplete="new-password" width="input-width-xl"/>
            <button type="submit" class="button button-primary">{lang.t(Msg::SubmitSignUp)}</button>
        </form>
    }
}

#[component]
pub fn EmployerSignUpPage() -> impl IntoView {
    form_page(sign_up_employer, |next: &String| next.clone(), |rejected| view! { <EmployerForm rejected/> })
}

#[component]
fn EmployerForm(rejected: Option<Rejected<EmployerSignUp>>) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = forms::state(&rejected);
    let err = |name: &str| errors.get(name);
    let fields = vec![
        ("company", Msg::FieldCompany),
        ("cvr", Msg::FieldCvr),
        ("name", Msg::FieldContactName),
        ("email", Msg::FieldEmail),
        ("password", Msg::FieldPasswordNew),
    ];
    view! {
        <PageTitle text=forms::title(lang, Msg::SignUpEmployerHeading, rejected.is_some())/>
        <h1>{lang.t(Msg::SignUpEmployerHeading)}</h1>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=fields.clone()/> })}
        <form method="post" action=crate::path::EMPLOYER_SIGN_UP novalidate=true>
            <Field name="company" label=Msg::FieldCompany value=form.company error=err("company") required=true autocomplete="organization" width="input-width-xl"/>
            <Field name="cvr" label=Msg::FieldCvr value=form.cvr error=err("cvr") required=true inputmode="numeric" width="input-width-s"/>
            <Field name="name" label=Msg::FieldContactName value=form.name error=err("name") required=true autocomplete="name" width="input-width-xl"/>
            <Field name="email" label=Msg::FieldEmail value=form.email error=err("email") kind=Kind::Email required=true autocomplete="email" width="input-width-xl"/>
            <Field name="phone" label=Msg::FieldPhone value=form.phone error=err("phone") autocomplete="tel" inputmode="tel" width="input-width-m"/>
            <Field name="password" label=Msg::FieldPasswordNew hint=Msg::FieldPasswordHint value="" error=err("password")
                kind=Kind::Password required=true autocomplete="new-password" width="input-width-xl"/>
            <button type="submit" class="button button-primary">{lang.t(Msg::SubmitSignUp)}</button>
        </form>
    }
}
