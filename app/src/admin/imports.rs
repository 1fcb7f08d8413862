//! The administrators' import sources: register one, fetch it now, and read what
//! each of its latest runs did (added, changed, unchanged, closed, skipped and why).

use super::security::AdminNav;
use crate::domain::import::{ImportAction, ImportForm, SourceFormat, SourceView};
use crate::error::AppError;
use crate::forms::{self, form_page, Rejected};
use crate::i18n::{self, Msg};
use crate::ui::form::{ButtonForm, ErrorSummary, Field, SelectField};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(prefix = "/api", endpoint = "admin/imports")]
pub async fn import_sources() -> Result<Vec<SourceView>, AppError> {
    // Administrators (access table; the service checks again).
    let me = crate::auth::require_user()?;
    crate::ssr::services::imports::sources(&crate::ssr::state()?, &me).await
}

#[server(prefix = "/api", endpoint = "admin/imports/act")]
pub async fn import_act(form: ImportForm) -> Result<(), AppError> {
    let me = crate::auth::require_user()?;
    crate::ssr::services::imports::act(&crate::ssr::state()?, &me, &form).await
}

#[component]
pub fn ImportsPage() -> impl IntoView {
    let lang = use_lang();
    let done = use_query_map().with_untracked(|q| q.get("gemt").is_some());
    let list = Resource::new(|| (), |_| import_sources());
    let next = |_: &()| format!("{}?gemt=1", crate::path::IMPORTS);
    let fields = vec![
        ("name", Msg::FieldImportName),
        ("url", Msg::FieldImportUrl),
        ("format", Msg::FieldImportFormat),
        ("cvr", Msg::FieldImportCvr),
        ("every", Msg::FieldImportEvery),
        ("id", Msg::RunImportNow),
    ];
    form_page(import_act, next, move |rejected: Option<Rejected<ImportForm>>| {
        let (form, errors) = forms::state(&rejected);
        let every = if form.every.is_empty() { "60".to_string() } else { form.every.clone() };
        let formats = SourceFormat::ALL.iter().map(|f| (f.code().to_string(), lang.t(f.label()).to_string())).collect();
        view! {
            <PageTitle text=forms::title(lang, Msg::ImportsHeading, rejected.is_some())/>
            <AdminNav current=crate::path::IMPORTS/>
            <h1>{lang.t(Msg::ImportsHeading)}</h1>
            <p>{lang.t(Msg::ImportsIntro)}</p>
            {(done && rejected.is_none()).then(|| view! {
                <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{lang.t(Msg::ImportSaved)}</p></div></div>
            })}
            {rejected.as_ref().map(|r| view! { <ErrorSummary error=r.error.clone() fields=fields.clone()/> })}
            <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
                {move || list.get().map(|r| match r {
                    Ok(sources) if sources.is_empty() => view! { <p>{lang.t(Msg::ImportsEmpty)}</p> }.into_any(),
                    Ok(sources) => sources.into_iter().map(|s| view! { <Source s/> }).collect_view().into_any(),
                    Err(error) => view! { <ErrorAlert error/> }.into_any(),
                })}
            </Suspense>
            <h2>{lang.t(Msg::ImportAddHeading)}</h2>
            <form method="post" action=crate::path::IMPORTS novalidate=true>
                <input type="hidden" name="action" value=ImportAction::Add.code()/>
                <Field name="name" label=Msg::FieldImportName value=form.name.clone() error=errors.get("name") required=true width="input-width-xl"/>
                <Field name="url" label=Msg::FieldImportUrl value=form.url.clone() error=errors.get("url") required=true width="input-width-xl"/>
                <SelectField name="format" label=Msg::FieldImportFormat options=formats selected=form.format.clone() error=errors.get("format")/>
                <Field name="cvr" label=Msg::FieldImportCvr hint=Msg::FieldImportCvrHint value=form.cvr.clone() error=errors.get("cvr") width="input-width-s"/>
                <Field name="every" label=Msg::FieldImportEvery value=every error=errors.get("every") inputmode="numeric" required=true width="input-width-xs"/>
                <button type="submit" class="button button-primary">{lang.t(Msg::AddImportSource)}</button>
            </form>
        }
    })
}

#[component]
fn Source(s: SourceView) -> impl IntoView {
    let lang = use_lang();
    let (heading_id, labelled_by) = (format!("source-{}", s.id), format!("source-{}", s.id));
    let latest_skips = s.runs.first().map(|r| r.skips.clone()).unwrap_or_default();
    view! {
        <section class="import-source" aria-labelledby=labelled_by>
            <h2 id=heading_id>{s.name.clone()}</h2>
            <p class="import-facts">
                {lang.t(s.format.label())} " · " <code>{s.url.clone()}</code>
                {s.company.clone().map(|c| format!(" · {c}"))}
                " · " {format!("{} min", s.every_minutes)}
            </p>
            <ButtonForm action=crate::path::IMPORTS.to_string() label=Msg::RunImportNow secondary=true detail=s.name.clone()
                hidden=vec![("action", ImportAction::Run.code().to_string()), ("id", s.id.to_string())]/>
            {if s.runs.is_empty() {
                view! { <p>{lang.t(Msg::ImportNeverRun)}</p> }.into_any()
            } else {
                view! {
                    <crate::ui::TableScroll label=lang.t(Msg::ImportRunsHeading).to_string()>
                        <table class="table table--zebra import-runs">
                            <caption>{lang.t(Msg::ImportRunsHeading)}</caption>
                            <thead><tr>
                                {[Msg::ImportStarted, Msg::ImportSeconds, Msg::ImportOutcome, Msg::ImportAdded, Msg::ImportUpdated,
                                  Msg::ImportUnchanged, Msg::ImportClosed, Msg::ImportSkipped]
                                    .into_iter().map(|m| view! { <th scope="col">{lang.t(m)}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {s.runs.iter().map(|r| view! {
                                    <tr class="import-run">
                                        <td>{i18n::date_time(lang, r.started)}</td>
                                        <td>{r.seconds.map(|x| x.to_string()).unwrap_or_default()}</td>
                                        <td class="import-outcome">{r.outcome.clone()} {r.error.clone().map(|e| format!(": {e}"))}</td>
                                        <td>{r.added}</td><td>{r.updated}</td><td>{r.unchanged}</td><td>{r.closed}</td><td>{r.skipped}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </crate::ui::TableScroll>
                }.into_any()
            }}
            {(!latest_skips.is_empty()).then(|| view! {
                <h3>{lang.t(Msg::ImportSkipsHeading)}</h3>
                <ul class="import-skips">
                    {latest_skips.into_iter().map(|(item, why)| view! { <li><code>{item}</code> ": " {why}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}
