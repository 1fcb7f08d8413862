//! The administrator's pages: creating staff accounts, and the escalation rules.

pub mod imports;
pub mod reports;
pub mod rules;
pub mod security;

use crate::auth::FormData;
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, Field, Kind, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StaffForm {
    pub role: String,
    pub name: String,
    pub email: String,
    pub municipality: String,
    pub password: String,
}

impl FormData for StaffForm {
    fn scrubbed(self) -> Self {
        StaffForm { password: String::new(), ..self }
    }
}

#[server(prefix = "/api", endpoint = "admin/users/create")]
pub async fn create_staff(form: StaffForm) -> Result<String, AppError> {
    // Administrators only (access table).
    use crate::domain::account::Role;
    let admin = crate::auth::require_user()?;
    let role = match form.role.as_str() {
        "caseworker" => Role::Caseworker,
        "admin" => Role::Admin,
        _ => {
            let mut e = crate::error::FieldErrors::default();
            e.add("role", Msg::ErrRoleMissing);
            return Err(AppError::Invalid(e));
        }
    };
    let st = crate::ssr::state()?;
    let new = crate::ssr::services::auth::NewAccount {
        role,
        email: form.email,
        name: form.name,
        phone: None,
        password: form.password,
        municipality_code: form.municipality.trim().parse().ok(),
        company: None,
        postcode: None,
        cpr: None,
        lang: crate::ui::lang::detect(),
    };
    let id = crate::ssr::services::auth::create_account(&st.db, &st.sealer, new, st.clock.now()).await?;
    tracing::info!(admin = admin.id, created = id, role = role.as_str(), "staff account created");
    Ok(format!("{}?oprettet=1", crate::path::USERS))
}

#[component]
pub fn UsersPage() -> impl IntoView {
    form_page(create_staff, |next: &String| next.clone(), |rejected| view! { <StaffFormView rejected/> })
}

#[component]
fn StaffFormView(rejected: Option<Rejected<StaffForm>>) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let created = query.with_untracked(|q| q.get("oprettet").is_some()) && rejected.is_none();
    let (form, errors) = forms::state(&rejected);
    let err = |name: &str| errors.get(name);
    let roles = vec![
        ("caseworker".to_string(), lang.t(Msg::RoleCaseworker).to_string()),
        ("admin".to_string(), lang.t(Msg::RoleAdmin).to_string()),
    ];
    let municipalities = crate::domain::municipality::options(lang);
    let fields = vec![
        ("role", Msg::FieldStaffRole),
        ("name", Msg::FieldName),
        ("email", Msg::FieldEmail),
        ("municipality", Msg::FieldWorkMunicipality),
        ("password", Msg::FieldInitialPassword),
    ];
    view! {
        <PageTitle text=forms::title(lang, Msg::AdminUsersHeading, rejected.is_some())/>
        <security::AdminNav current=crate::path::USERS/>
        <h1>{lang.t(Msg::AdminUsersHeading)}</h1>
        {created.then(|| view! {
            <div class="alert alert-success" role="status"><p class="alert-text">{lang.t(Msg::UserCreated)}</p></div>
        })}
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=fields.clone()/> })}
        <p>{lang.t(Msg::AdminUsersIntro)}</p>
        <form method="post" action=crate::path::USERS novalidate=true>
            <SelectField name="role" label=Msg::FieldStaffRole options=roles selected=form.role error=err("role")/>
            <Field name="name" label=Msg::FieldName value=form.name error=err("name") required=true width="input-width-xl"/>
            <Field name="email" label=Msg::FieldEmail value=form.email error=err("email") kind=Kind::Email required=true width="input-width-xl"/>
            <SelectField name="municipality" label=Msg::FieldWorkMunicipality options=municipalities selected=form.municipality
                error=err("municipality") placeholder=Msg::ChooseMunicipality/>
            <Field name="password" label=Msg::FieldInitialPassword hint=Msg::FieldPasswordHint value="" error=err("password")
                kind=Kind::Password required=true autocomplete="new-password" width="input-width-xl"/>
            <button type="submit" class="button button-primary">{lang.t(Msg::SubmitCreateUser)}</button>
        </form>
    }
}
