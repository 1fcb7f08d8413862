//! Files attached to joblog entries: upload (a plain multipart form, so it works
//! without JavaScript) and download. Both act on the caller's own entries only.

use crate::http::refusal_for;
use app::auth::CurrentUser;
use app::error::AppError;
use app::ssr::AppState;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;

/// The body limit of an upload: the largest file the rules allow, plus room for
/// the form around it.
pub fn body_limit(state: &AppState) -> usize {
    state.rules.joblog.max_attachment_bytes + 64 * 1024
}

#[derive(Deserialize)]
pub struct EntryId {
    id: i64,
}

fn see_other(to: &str) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

fn back_with_error(id: i64, msg: app::Msg) -> Response {
    see_other(&format!("{}?id={id}&bilagfejl={}", app::path::ENTRY, app::domain::joblog::upload_error_code(msg)))
}

pub async fn upload(
    State(app): State<AppState>,
    Extension(current): Extension<CurrentUser>,
    headers: HeaderMap,
    Query(EntryId { id }): Query<EntryId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let Some(me) = current.user else { return refusal_for(AppError::Unauthenticated, &headers) };
    let Ok(mut multipart) = multipart else { return refusal_for(AppError::BadRequest, &headers) };
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or_default().to_string();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes.to_vec())),
                    // The only likely cause is a file over the limit.
                    Err(_) => return back_with_error(id, app::Msg::ErrFileTooBig),
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => return back_with_error(id, app::Msg::ErrFileTooBig),
        }
    }
    let (name, bytes) = file.unwrap_or_default();
    match app::ssr::services::jobseeker::joblog::attach(&app, &me, id, &name, &bytes).await {
        Ok(()) => see_other(&format!("{}?id={id}&bilag=1", app::path::ENTRY)),
        Err(AppError::Invalid(errs)) => back_with_error(id, errs.get(app::domain::joblog::field::FILE).unwrap_or(app::Msg::ErrFileType)),
        Err(e) => refusal_for(e, &headers),
    }
}

pub async fn download(
    State(app): State<AppState>,
    Extension(current): Extension<CurrentUser>,
    headers: HeaderMap,
    Query(EntryId { id }): Query<EntryId>,
) -> Response {
    let Some(me) = current.user else { return refusal_for(AppError::Unauthenticated, &headers) };
    match app::ssr::services::jobseeker::joblog::attachment(&app, &me, id).await {
        Ok(file) => {
            let disposition = content_disposition(&file.file_name);
            let mut res = file.content.into_response();
            let h = res.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&file.content_type) {
                h.insert(header::CONTENT_TYPE, v);
            }
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            res
        }
        Err(e) => refusal_for(e, &headers),
    }
}

/// `attachment` with an ASCII name for old clients and the UTF-8 name (RFC 5987).
pub fn content_disposition(name: &str) -> String {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_in_headers_are_safe() {
        assert_eq!(
            super::content_disposition("Ansøgning 1.pdf"),
            "attachment; filename=\"Ans_gning 1.pdf\"; filename*=UTF-8''Ans%C3%B8gning%201.pdf"
        );
    }
}
