//! Signing in and out, and who is calling.
//!
//! The server's session layer reads the session cookie once per request and puts
//! a [`CurrentUser`] into the request; server functions and pages read it from
//! there. The identity step itself is `ssr::services::auth`.

pub mod access;
pub mod second_factor;
pub mod signup;

use crate::domain::account::{Role, User};
use crate::error::AppError;
pub use crate::forms::FormData;
use crate::forms::{use_form_post, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, Field, Kind};
use crate::ui::lang::use_lang;
use crate::ui::layout::{set_status, PageTitle};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The caller of this request, as the server's session layer found it.
#[derive(Clone, Debug, Default)]
pub struct CurrentUser {
    pub user: Option<User>,
    /// The raw session token, kept only to end this session on sign-out.
    pub token: Option<String>,
}

#[cfg(feature = "ssr")]
fn request() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The signed-in user of this request, if any.
#[cfg(feature = "ssr")]
pub fn current_user() -> Option<User> {
    request()?.extensions.get::<CurrentUser>()?.user.clone()
}

/// The signed-in user, or 401.
#[cfg(feature = "ssr")]
pub fn require_user() -> Result<User, AppError> {
    current_user().ok_or(AppError::Unauthenticated)
}

/// The raw session token of this request (the waiting one, on the code step).
#[cfg(feature = "ssr")]
fn session_token() -> Option<String> {
    request()?.extensions.get::<CurrentUser>()?.token.clone()
}

/// The caller's network address, as the server determined it (see `ClientIp`).
#[derive(Clone, Debug)]
pub struct ClientIp(pub String);

/// The caller's network address, for throttling and the security log.
#[cfg(feature = "ssr")]
pub fn client_ip() -> String {
    request().and_then(|p| p.extensions.get::<ClientIp>().map(|c| c.0.clone())).unwrap_or_else(|| "unknown".into())
}

/// Sets (or with `None`, deletes) the session cookie on the response.
#[cfg(feature = "ssr")]
fn set_session_cookie(token: Option<&str>) {
    let secure = request().is_some_and(|p| crate::cookies::over_tls(p.headers.get("x-forwarded-proto").map(|v| v.as_bytes())));
    let name = crate::cookies::session_name(secure);
    // No Max-Age: the cookie ends with the browser; the server ends it sooner.
    let cookie = match token {
        Some(t) => crate::cookies::set(name, t, None, secure),
        None => crate::cookies::set(name, "", Some(0), secure),
    };
    if let (Some(res), Ok(value)) = (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&cookie)) {
        res.append_header(http::header::SET_COOKIE, value);
    }
}

/// Only paths on this site, so a link cannot send anyone elsewhere after sign-in.
pub fn is_local_path(p: &str) -> bool {
    p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') && !p.chars().any(char::is_control)
}

/// Where a person lands after signing in: their own start page.
pub fn start_page(role: Role) -> &'static str {
    match role {
        Role::Jobseeker => crate::path::OVERVIEW,
        Role::Employer => crate::path::EMPLOYER_HOME,
        Role::Caseworker => crate::path::QUEUE,
        Role::Admin => crate::path::USERS,
    }
}

pub fn role_name(role: Role) -> Msg {
    match role {
        Role::Jobseeker => Msg::RoleJobseeker,
        Role::Employer => Msg::RoleEmployer,
        Role::Caseworker => Msg::RoleCaseworker,
        Role::Admin => Msg::RoleAdmin,
    }
}

#[server(prefix = "/api", endpoint = "auth/me")]
pub async fn my_account() -> Result<Option<User>, AppError> {
    // Anyone may ask who they are; the answer is only ever about themselves.
    Ok(current_user())
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SignInForm {
    pub email: String,
    pub password: String,
    /// Where to go afterwards (a path on this site), when sign-in was asked for.
    #[serde(default)]
    pub neste: String,
}

impl FormData for SignInForm {
    fn scrubbed(self) -> Self {
        SignInForm { password: String::new(), ..self }
    }
}

#[server(prefix = "/api", endpoint = "auth/sign-in")]
pub async fn sign_in(form: SignInForm) -> Result<String, AppError> {
    // Open to everyone: this is how a person becomes someone.
    let st = crate::ssr::state()?;
    let signed = crate::ssr::services::auth::sign_in(&st, &form.email, &form.password, &client_ip()).await?;
    set_session_cookie(Some(&signed.token));
    let next = form.neste.trim();
    if signed.second_factor_pending {
        Ok(second_factor::code_step(next))
    } else if is_local_path(next) {
        Ok(next.to_string())
    } else {
        Ok(start_page(signed.user.role).to_string())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SignOutForm {
    /// A checked checkbox sends "on"; an unchecked one sends nothing.
    #[serde(default)]
    pub everywhere: Option<String>,
}

impl FormData for SignOutForm {}

#[server(prefix = "/api", endpoint = "auth/sign-out")]
pub async fn sign_out(form: SignOutForm) -> Result<String, AppError> {
    // Anyone may sign out; without a session there is nothing to end.
    let st = crate::ssr::state()?;
    let current = request().and_then(|p| p.extensions.get::<CurrentUser>().cloned()).unwrap_or_default();
    match (&current.user, &current.token) {
        (Some(user), _) if form.everywhere.is_some() => {
            crate::ssr::services::auth::sign_out_everywhere(&st, user.id).await?;
        }
        (_, Some(token)) => crate::ssr::services::auth::sign_out(&st, token).await?,
        _ => {}
    }
    set_session_cookie(None);
    Ok("/".to_string())
}

#[component]
pub fn SignInPage() -> impl IntoView {
    crate::forms::form_page(sign_in, |next: &String| next.clone(), |rejected| view! { <SignInFormView rejected/> })
}

#[component]
fn SignInFormView(rejected: Option<Rejected<SignInForm>>) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = crate::forms::state(&rejected);
    let query = leptos_router::hooks::use_query_map();
    let next = if form.neste.is_empty() { query.with_untracked(|q| q.get("neste")).unwrap_or_default() } else { form.neste.clone() };
    let err = |name: &str| errors.get(name);
    let title = crate::forms::title(lang, Msg::SignInHeading, rejected.is_some());
    view! {
        <PageTitle text=title/>
        <h1>{lang.t(Msg::SignInHeading)}</h1>
        {rejected.as_ref().map(|r| view! {
            <ErrorSummary error=r.error.clone() fields=vec![("email", Msg::FieldEmail), ("password", Msg::FieldPassword)]/>
        })}
        <p>{lang.t(Msg::SignInIntro)}</p>
        <p><a href=crate::path::JOBSEEKER_SIGN_UP>{lang.t(Msg::SignUpLink)}</a> " · " <a href=crate::path::EMPLOYER_SIGN_UP>{lang.t(Msg::SignUpEmployerLink)}</a></p>
        <form method="post" action=crate::path::SIGN_IN novalidate=true>
            <input type="hidden" name="neste" value=next/>
            <Field name="email" label=Msg::FieldEmail value=form.email error=err("email") kind=Kind::Email
                required=true autocomplete="username" width="input-width-xl"/>
            <Field name="password" label=Msg::FieldPassword value="" error=err("password") kind=Kind::Password
                required=true autocomplete="current-password" width="input-width-xl"/>
            <button type="submit" class="button button-primary">{lang.t(Msg::SubmitSignIn)}</button>
        </form>
    }
}

#[component]
pub fn SignOutPage() -> impl IntoView {
    let lang = use_lang();
    let outcome = use_form_post(sign_out, |next: &String| next.clone());
    let me = Resource::new(|| (), |_| my_account());
    view! {
        <PageTitle text=lang.t(Msg::SignOutHeading).to_string()/>
        <h1>{lang.t(Msg::SignOutHeading)}</h1>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || {
                outcome.get().map(|rejected| {
                    let error = rejected.map(|r| view! { <crate::ui::layout::ErrorAlert error=r.error/> });
                    let form = me.get().map(|me| match me {
                        Ok(Some(_)) => view! {
                            <form method="post" action=crate::path::SIGN_OUT>
                                <div class="form-group">
                                    <input class="form-checkbox" type="checkbox" id="everywhere" name="everywhere"/>
                                    <label for="everywhere">{lang.t(Msg::SignOutEverywhere)}</label>
                                </div>
                                <button type="submit" class="button button-primary">{lang.t(Msg::SubmitSignOut)}</button>
                            </form>
                        }.into_any(),
                        _ => view! {
                            <p>{lang.t(Msg::NotSignedIn)} " " <a href=crate::path::SIGN_IN>{lang.t(Msg::NavSignIn)}</a></p>
                        }.into_any(),
                    });
                    view! { {error} {form} }
                })
            }}
        </Suspense>
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub current: String,
    pub new: String,
}

impl FormData for PasswordForm {
    // Passwords are never written back into a page.
    fn scrubbed(self) -> Self {
        PasswordForm::default()
    }
}

#[server(prefix = "/api", endpoint = "auth/password")]
pub async fn change_password(form: PasswordForm) -> Result<(), AppError> {
    // Any signed-in person, for their own account; the current password is checked.
    let me = require_user()?;
    let token = session_token().unwrap_or_default();
    let st = crate::ssr::state()?;
    crate::ssr::services::auth::change_password(&st, &me, &token, &form.current, &form.new, &client_ip()).await
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    let me = Resource::new(|| (), |_| my_account());
    let query = leptos_router::hooks::use_query_map();
    view! {
        <PageTitle text=lang.t(Msg::AccountHeading).to_string()/>
        <h1>{lang.t(Msg::AccountHeading)}</h1>
        {move || query.read().get("skiftet").map(|_| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::PasswordChanged)}</p></div></div>
        })}
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || me.get().map(|me| match me {
                Ok(Some(user)) => {
                    let municipality = user
                        .municipality_code
                        .and_then(crate::domain::municipality::by_code)
                        .map(|m| m.official_name(lang));
                    view! {
                        <dl class="vacancy-facts account-facts">
                            <dt>{lang.t(Msg::FieldName)}</dt><dd>{user.name.clone()}</dd>
                            <dt>{lang.t(Msg::FieldEmail)}</dt><dd>{user.email.clone()}</dd>
                            <dt>{lang.t(Msg::FieldRole)}</dt><dd class="account-role">{lang.t(role_name(user.role))}</dd>
                            {municipality.map(|m| view! { <dt>{lang.t(Msg::FieldMunicipality)}</dt><dd>{m}</dd> })}
                        </dl>
                        {match user.role {
                            Role::Employer => Some(view! { <p><a href=crate::path::EMPLOYER_HOME>{lang.t(Msg::EmployerHomeHeading)}</a></p> }.into_any()),
                            Role::Jobseeker => Some(view! { <p><a href=crate::path::ACCESS_LOG>{lang.t(Msg::AccessLogHeading)}</a></p> }.into_any()),
                            Role::Caseworker => Some(view! { <p><a href=crate::path::QUEUE>{lang.t(Msg::NavQueue)}</a></p> }.into_any()),
                            Role::Admin => Some(view! {
                                <p><a href=crate::path::USERS>{lang.t(Msg::AdminUsersHeading)}</a></p>
                                <p><a href=crate::path::RULES>{lang.t(Msg::NavRules)}</a></p>
                            }.into_any()),
                        }}
                        {user.role.is_staff().then(|| view! { <p><a href=crate::path::SET_UP>{lang.t(Msg::NavSecondFactor)}</a></p> })}
                        <p><a href=crate::path::SIGN_OUT>{lang.t(Msg::NavSignOut)}</a></p>
                        {crate::forms::form_page(change_password, |_: &()| format!("{}?skiftet=1", crate::path::ACCOUNT), |rejected| view! {
                            <PasswordFormView rejected/>
                        })}
                    }.into_any()
                }
                Ok(None) => {
                    set_status(401);
                    view! { <p>{lang.t(Msg::ErrUnauthenticated)} " " <a href=crate::path::SIGN_IN>{lang.t(Msg::NavSignIn)}</a></p> }.into_any()
                }
                Err(error) => view! { <crate::ui::layout::ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn PasswordFormView(rejected: Option<Rejected<PasswordForm>>) -> impl IntoView {
    let lang = use_lang();
    let (_, errors) = crate::forms::state(&rejected);
    let fields = vec![("current", Msg::FieldCurrentPassword), ("new", Msg::FieldNewPassword)];
    view! {
        <h2>{lang.t(Msg::ChangePasswordHeading)}</h2>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=fields.clone()/> })}
        <form method="post" action=crate::path::ACCOUNT novalidate=true>
            <Field name="current" label=Msg::FieldCurrentPassword value="" error=errors.get("current") kind=Kind::Password
                required=true autocomplete="current-password" width="input-width-xl"/>
            <Field name="new" label=Msg::FieldNewPassword hint=Msg::FieldPasswordHint value="" error=errors.get("new")
                kind=Kind::Password required=true autocomplete="new-password" width="input-width-xl"/>
            <button type="submit" class="button button-secondary">{lang.t(Msg::ChangePassword)}</button>
        </form>
    }
}
