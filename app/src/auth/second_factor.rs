//! The second factor's pages: the code step of signing in, and setting up an
//! authenticator app with recovery codes. Staff only (see
//! `domain::second_factor::required`); the rules are in
//! `ssr::services::second_factor`.

use super::{is_local_path, FormData};
use crate::domain::second_factor::{SecondFactorAction, SecondFactorView};
use crate::error::AppError;
use crate::forms::{form_page, Rejected};
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, Field};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use crate::ui::StepIndicator;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A code as typed, and where to go afterwards.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    pub kode: String,
    pub neste: String,
    /// On the set-up page: "confirm", "kept" or "new-codes".
    pub action: String,
}

impl FormData for CodeForm {
    // A code is a secret for its 30 seconds: never written back into a page.
    fn scrubbed(self) -> Self {
        CodeForm { kode: String::new(), ..self }
    }
}

fn with_next(path: &str, next: &str) -> String {
    if is_local_path(next) {
        format!("{path}?{}", serde_urlencoded::to_string([("neste", next)]).unwrap_or_default())
    } else {
        path.to_string()
    }
}

/// Where sign-in sends staff whose password was right.
pub fn code_step(next: &str) -> String {
    with_next(crate::path::CODE, next)
}

#[server(prefix = "/api", endpoint = "auth/second-factor")]
pub async fn complete_sign_in(form: CodeForm) -> Result<String, AppError> {
    // Open to everyone (access table): the waiting session in the cookie says who.
    let st = crate::ssr::state()?;
    let token = super::session_token().ok_or_else(|| crate::error::FieldErrors::one("kode", Msg::ErrCodeTooLate))?;
    let signed = crate::ssr::services::second_factor::complete_sign_in(&st, &token, &form.kode, &super::client_ip()).await?;
    super::set_session_cookie(Some(&signed.token));
    let next = form.neste.trim();
    Ok(if is_local_path(next) { next.to_string() } else { super::start_page(signed.user.role).to_string() })
}

#[server(prefix = "/api", endpoint = "auth/second-factor/view")]
pub async fn my_second_factor() -> Result<SecondFactorView, AppError> {
    // Staff, with or without a second factor yet (access table and service); their own.
    let me = super::require_user()?;
    crate::ssr::services::second_factor::view(&crate::ssr::state()?, &me).await
}

#[server(prefix = "/api", endpoint = "auth/second-factor/act")]
pub async fn second_factor_act(form: CodeForm) -> Result<String, AppError> {
    // Staff, with or without a second factor yet (access table and service); their own.
    let me = super::require_user()?;
    let st = crate::ssr::state()?;
    let ip = super::client_ip();
    use crate::ssr::services::second_factor as sf;
    match SecondFactorAction::parse(&form.action).ok_or(AppError::BadRequest)? {
        SecondFactorAction::Confirm => {
            sf::confirm(&st, &me, &super::session_token().unwrap_or_default(), &form.kode, &ip).await?;
            // The codes to keep are the set-up's second step ("trin"), which the page shows.
            let to = with_next(crate::path::SET_UP, form.neste.trim());
            return Ok(format!("{to}{}trin=2", if to.contains('?') { '&' } else { '?' }));
        }
        SecondFactorAction::NewCodes => sf::replace_recovery_codes(&st, &me, &form.kode, &ip).await?,
        SecondFactorAction::Kept => {
            sf::codes_kept(&st, &me).await?;
            let next = form.neste.trim();
            return Ok(if is_local_path(next) { next.to_string() } else { format!("{}?gemt=1", crate::path::SET_UP) });
        }
    }
    Ok(with_next(crate::path::SET_UP, form.neste.trim()))
}

fn next_from_query() -> String {
    leptos_router::hooks::use_query_map().with_untracked(|q| q.get("neste")).unwrap_or_default()
}

#[component]
pub fn CodePage() -> impl IntoView {
    form_page(complete_sign_in, |next: &String| next.clone(), |rejected| view! { <CodeFormView rejected/> })
}

#[component]
fn CodeFormView(rejected: Option<Rejected<CodeForm>>) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = crate::forms::state(&rejected);
    let next = if form.neste.is_empty() { next_from_query() } else { form.neste.clone() };
    let title = crate::forms::title(lang, Msg::CodeHeading, rejected.is_some());
    let too_late = errors.get("kode") == Some(Msg::ErrCodeTooLate);
    view! {
        <PageTitle text=title/>
        <h1>{lang.t(Msg::CodeHeading)}</h1>
        {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=vec![("kode", Msg::FieldCode)]/> })}
        <p>{lang.t(Msg::CodeIntro)}</p>
        {too_late.then(|| view! { <p><a href=with_next(crate::path::SIGN_IN, &next)>{lang.t(Msg::NavSignIn)}</a></p> })}
        <form method="post" action=crate::path::CODE novalidate=true>
            <input type="hidden" name="neste" value=next/>
            <Field name="kode" label=Msg::FieldCode hint=Msg::FieldCodeHint value="" error=errors.get("kode")
                required=true autocomplete="one-time-code" width="input-width-s"/>
            <button type="submit" class="button button-primary">{lang.t(Msg::SubmitCode)}</button>
        </form>
    }
}

#[component]
pub fn SetUpPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_second_factor());
    let saved = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("gemt").is_some());
    view! {
        <PageTitle text=lang.t(Msg::SecondFactorHeading).to_string()/>
        <h1>{lang.t(Msg::SecondFactorHeading)}</h1>
        {saved.then(|| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::RecoveryCodesSaved)}</p></div></div>
        })}
        {form_page(second_factor_act, |next: &String| next.clone(), move |rejected: Option<Rejected<CodeForm>>| view! {
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(view) => view! { <SecondFactorDetails view rejected=rejected.clone()/> }.into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
        })}
    }
}

#[component]
fn SecondFactorDetails(view: SecondFactorView, rejected: Option<Rejected<CodeForm>>) -> impl IntoView {
    let lang = use_lang();
    let (form, errors) = crate::forms::state(&rejected);
    let next = if form.neste.is_empty() { next_from_query() } else { form.neste.clone() };
    let summary = rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=vec![("kode", Msg::FieldCode)]/> });
    let code_form = move |action: SecondFactorAction| {
        view! {
            <form method="post" action=crate::path::SET_UP novalidate=true>
                <input type="hidden" name="action" value=action.code()/>
                <input type="hidden" name="neste" value=next.clone()/>
                <Field name="kode" label=Msg::FieldCode hint=Msg::FieldAppCodeHint value="" error=errors.get("kode")
                    required=true autocomplete="one-time-code" width="input-width-s"/>
                <button type="submit" class="button button-primary">{lang.t(action.label())}</button>
            </form>
        }
    };
    let steps = move |current| view! { <StepIndicator steps=vec![Msg::SecondFactorStepConnect, Msg::SecondFactorStepKeep] current/> };
    if !view.new_codes.is_empty() {
        // New codes after the first set-up end its two steps; asked for later, they stand alone.
        let first = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("trin").is_some());
        return view! {
            {first.then(|| steps(1))}
            {summary}
            <h2>{lang.t(Msg::RecoveryCodesHeading)}</h2>
            <p>{lang.t(Msg::RecoveryCodesIntro)}</p>
            <ul class="recovery-codes">
                {view.new_codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            <form method="post" action=crate::path::SET_UP>
                <input type="hidden" name="action" value=SecondFactorAction::Kept.code()/>
                <input type="hidden" name="neste" value=next_from_query()/>
                <button type="submit" class="button button-primary">{lang.t(SecondFactorAction::Kept.label())}</button>
            </form>
        }
        .into_any();
    }
    if view.enrolled {
        return view! {
            {summary}
            <p>{lang.t(Msg::SecondFactorOn)}</p>
            <p class="recovery-codes-left">{crate::i18n::recovery_codes_left(lang, view.codes_left)}</p>
            <h2>{lang.t(Msg::NewRecoveryCodesHeading)}</h2>
            <p>{lang.t(Msg::NewRecoveryCodesIntro)}</p>
            {code_form(SecondFactorAction::NewCodes)}
        }
        .into_any();
    }
    // The QR code is made on the server from our own address (no outside input).
    let qr = view.qr_svg.unwrap_or_default();
    let qr = qr.find("<svg").map(|i| qr[i..].to_string()).unwrap_or_default();
    view! {
        {steps(0)}
        {summary}
        <p>{lang.t(Msg::SecondFactorIntro)}</p>
        <ol class="second-factor-steps">
            <li>{lang.t(Msg::SecondFactorStepApp)}</li>
            <li>
                {lang.t(Msg::SecondFactorStepScan)}
                <div class="qr-code" role="img" aria-label=lang.t(Msg::SecondFactorQrLabel) inner_html=qr></div>
                <p>{lang.t(Msg::SecondFactorKeyLabel)} " " <code class="second-factor-key">{view.key.unwrap_or_default()}</code></p>
                {view.uri.map(|uri| view! { <p><a href=uri>{lang.t(Msg::SecondFactorOpenApp)}</a></p> })}
            </li>
            <li>{lang.t(Msg::SecondFactorStepCode)}</li>
        </ol>
        {code_form(SecondFactorAction::Confirm)}
    }
    .into_any()
}
