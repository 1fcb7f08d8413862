//! "Who has seen my data": every staff access to the person's data.

use crate::domain::audit::Access;
use crate::error::AppError;
use crate::i18n::{self, Msg};
use crate::ui::lang::use_lang;
use crate::ui::layout::{ErrorAlert, PageTitle};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "jobseeker/access-log")]
pub async fn my_access_log() -> Result<Vec<Access>, AppError> {
    // Jobseekers (access table), and only their own log.
    let me = crate::auth::require_user()?;
    let st = crate::ssr::state()?;
    crate::ssr::services::citizens::accesses(&st, &me).await
}

#[component]
pub fn AccessLogPage() -> impl IntoView {
    let lang = use_lang();
    let log = Resource::new(|| (), |_| my_access_log());
    view! {
        <PageTitle text=lang.t(Msg::AccessLogHeading).to_string()/>
        <super::JobseekerNav current=crate::path::ACCESS_LOG/>
        <h1>{lang.t(Msg::AccessLogHeading)}</h1>
        <p>{lang.t(Msg::AccessLogIntro)}</p>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || log.get().map(|r| match r {
                Ok(rows) if rows.is_empty() => view! { <p>{lang.t(Msg::AccessLogEmpty)}</p> }.into_any(),
                Ok(rows) => view! {
                    <crate::ui::TableScroll label=lang.t(Msg::AccessLogHeading).to_string()>
                        <table class="table access-log">
                            <thead><tr>
                                <th scope="col">{lang.t(Msg::AccessWhen)}</th>
                                <th scope="col">{lang.t(Msg::AccessWho)}</th>
                                <th scope="col">{lang.t(Msg::AccessWhat)}</th>
                                <th scope="col">{lang.t(Msg::AccessWhy)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|a| {
                                    // Staff by their municipality, an employer by their company.
                                    let place = a.actor_company.clone().or_else(|| a.actor_municipality
                                        .and_then(crate::domain::municipality::by_code)
                                        .map(|m| m.official_name(lang)))
                                        .map(|p| format!(", {p}"))
                                        .unwrap_or_default();
                                    view! { <tr>
                                        <td>{i18n::date_time(lang, a.at)}</td>
                                        <td>{format!("{}{place}", lang.t(crate::auth::role_name(a.actor_role)))}</td>
                                        <td>{lang.t(a.action.label())}</td>
                                        <td>{a.purpose.map(|p| lang.t(p.label())).unwrap_or("-")}</td>
                                    </tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </crate::ui::TableScroll>
                }.into_any(),
                Err(error) => view! { <ErrorAlert error/> }.into_any(),
            })}
        </Suspense>
    }
}
