//! Forms that work without JavaScript.
//!
//! A form page's `<form method="post">` posts back to the page's own address. The
//! server renders the page again for that POST with the body attached to the
//! request, and [`use_form_post`] runs the page's server function on it: on success
//! the browser is sent on (303 See Other); on failure the page shows what was typed,
//! with each error next to its field. The same server function, with the same
//! checks, serves both paths; hydration adds checks as the person types.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::future::Future;

/// The raw body of a form posted to a page, put into the request by the server.
#[derive(Clone, Debug)]
pub struct PostedForm(pub std::sync::Arc<[u8]>);

/// The most characters one field of a form or server function may carry: well
/// above the longest text any form takes (20,000), so that each form's own check
/// says at the field what is too long, while anything beyond is refused whole.
pub const MAX_FIELD_CHARS: usize = 50_000;
/// The most fields one form or server function call may carry.
pub const MAX_FIELDS: usize = 500;

/// The bound every form body and server function's arguments pass before anything
/// reads them (the server applies it to every URL-encoded body): at most
/// [`MAX_FIELDS`] fields, none with a name or value over [`MAX_FIELD_CHARS`].
pub fn within_bounds(body: &[u8]) -> bool {
    let mut fields = 0usize;
    for (name, value) in form_urlencoded::parse(body) {
        fields += 1;
        if fields > MAX_FIELDS || name.chars().count() > MAX_FIELD_CHARS || value.chars().count() > MAX_FIELD_CHARS {
            return false;
        }
    }
    true
}

pub use domain::forms::FormData;

/// A submission that was not accepted: what was typed, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rejected<F> {
    pub form: F,
    pub error: AppError,
}

/// On the server, the form posted to the page now being rendered, if any.
fn posted<F: DeserializeOwned>() -> Option<Result<F, AppError>> {
    #[cfg(feature = "ssr")]
    {
        let parts = use_context::<http::request::Parts>()?;
        let body = parts.extensions.get::<PostedForm>()?;
        // A date field posts three boxes; the form's data holds one date.
        let fields = domain::forms::join_date_boxes(form_urlencoded::parse(&body.0).into_owned().collect());
        let joined = serde_urlencoded::to_string(fields).unwrap_or_default();
        Some(serde_urlencoded::from_str(&joined).map_err(|_| AppError::BadRequest))
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// Sends the browser on to `to` after a successful POST.
fn see_other(_to: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(location)) = (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(_to)) {
        res.set_status(http::StatusCode::SEE_OTHER);
        res.insert_header(http::header::LOCATION, location);
    }
}

/// Handles a plain POST of this page's form with `submit`. Resolves to the
/// rejected submission to show again, or `None` (nothing posted, or accepted and
/// redirected to `next(&output)`).
pub fn use_form_post<F, T, Fut>(
    submit: impl Fn(F) -> Fut + Clone + Send + Sync + 'static,
    next: impl Fn(&T) -> String + Clone + Send + Sync + 'static,
) -> Resource<Option<Rejected<F>>>
where
    F: FormData,
    T: 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    Resource::new_blocking(
        || (),
        move |_| {
            let posted = posted::<F>();
            let (submit, next) = (submit.clone(), next.clone());
            async move {
                match posted? {
                    Err(error) => Some(Rejected { form: F::default(), error }),
                    Ok(form) => match submit(form.clone()).await {
                        Ok(output) => {
                            see_other(&next(&output));
                            None
                        }
                        Err(error) => {
                            crate::ui::layout::set_status(error.status());
                            Some(Rejected { form: form.scrubbed(), error })
                        }
                    },
                }
            }
        },
    )
}

/// What a form shows: the values typed before (or defaults), and their errors.
pub fn state<F: Clone + Default>(rejected: &Option<Rejected<F>>) -> (F, crate::error::FieldErrors) {
    match rejected {
        Some(r) => (r.form.clone(), r.error.field_errors().cloned().unwrap_or_default()),
        None => (F::default(), crate::error::FieldErrors::default()),
    }
}

/// The page title of a form, marked as an error when the form was rejected
/// (screen readers announce the title first).
pub fn title(lang: crate::Lang, heading: crate::Msg, rejected: bool) -> String {
    if rejected {
        format!("{} {}", lang.t(crate::Msg::ErrorPrefix), lang.t(heading))
    } else {
        lang.t(heading).to_string()
    }
}

/// A whole form page: handles a plain POST with `submit` (see [`use_form_post`])
/// and renders the form with `render`, given the rejected submission if any.
pub fn form_page<F, T, Fut, V>(
    submit: impl Fn(F) -> Fut + Clone + Send + Sync + 'static,
    next: impl Fn(&T) -> String + Clone + Send + Sync + 'static,
    render: impl Fn(Option<Rejected<F>>) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    F: FormData,
    T: 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    let lang = crate::ui::lang::use_lang();
    let outcome = use_form_post(submit, next);
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(crate::Msg::Loading)}</p> }>
            {move || outcome.get().map(render.clone())}
        </Suspense>
    }
}

/// The form behind a single button: which item it acts on, and what to do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ButtonData {
    pub id: String,
    pub action: String,
}

impl FormData for ButtonData {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_is_bounded_field_by_field() {
        assert!(within_bounds(b""));
        assert!(within_bounds(b"title=Kok&description=Gode+forhold%21"));
        let long_but_allowed = format!("description={}", "%C3%A6".repeat(MAX_FIELD_CHARS));
        assert!(within_bounds(long_but_allowed.as_bytes()), "counted in characters, not bytes");
        assert!(!within_bounds(format!("description={}", "x".repeat(MAX_FIELD_CHARS + 1)).as_bytes()));
        assert!(!within_bounds(format!("{}=1", "x".repeat(MAX_FIELD_CHARS + 1)).as_bytes()));
        assert!(within_bounds("a=1&".repeat(MAX_FIELDS).as_bytes()));
        assert!(!within_bounds("a=1&".repeat(MAX_FIELDS + 1).as_bytes()));
    }
}
