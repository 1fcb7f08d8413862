//! The page frame: skip link, header with language switch, main area, footer.

use super::lang::use_lang;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

/// The id of the design system's stylesheet in the page's head.
pub const THEME_ID: &str = "theme";

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    // The server wrote the look of the first page; moving between the citizen's
    // and the employer's pages in the browser swaps the stylesheet to match.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let href = crate::pages::Theme::of(&location.pathname.get()).stylesheet();
        let link = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(THEME_ID));
        if let Some(link) = link.filter(|l| l.get_attribute("href").as_deref() != Some(href)) {
            let _ = link.set_attribute("href", href);
        }
    });
    let portal = move || crate::pages::Theme::of(&location.pathname.get()).portal();
    // The switch is a plain link to the server, which sets the cookie and sends the
    // person back to where they were: it works without JavaScript.
    let switch_href = move || {
        let search = location.search.get();
        let back = if search.is_empty() { location.pathname.get() } else { format!("{}?{search}", location.pathname.get()) };
        let query = serde_urlencoded::to_string([("til", lang.other().code()), ("tilbage", back.as_str())]);
        format!("/sprog?{}", query.unwrap_or_default())
    };
    view! {
        // rel="external": the browser, not the router, follows it, and so moves the focus.
        <a class="skipnav" href="#main-content" rel="external">{lang.t(Msg::SkipToContent)}</a>
        // Det Fælles Designsystem's header: the portal's logo (borger.dk or virk.dk, by
        // the theme), then this solution's name with the authority behind it.
        // Departure: the system moves the account and language links into a menu
        // drawer on a narrow screen, which needs its script; here they wrap instead,
        // and the authority's name shows under the solution's (its mobile block).
        <header class="header">
            <div class="portal-info">
                <div class="container portal-info-inner">
                    <a href=move || portal().1 class="logo" aria-label=move || portal().0><span>{move || portal().0}</span></a>
                    <AccountLinks/>
                    // The name read out starts with the words shown (WCAG 2.5.3), each
                    // part in its own language: "English" in English, the hint in Danish.
                    <a href=switch_href rel="external" class="function-link language-link">
                        <span lang=lang.other().code()>{lang.t(Msg::SwitchLanguage)}</span>
                        <span class="sr-only">{format!(" – {}", lang.t(Msg::SwitchLanguageLabel))}</span>
                    </a>
                </div>
            </div>
            <div class="solution-info">
                <div class="container solution-info-inner">
                    <div class="solution-heading"><a href="/">{lang.t(Msg::SiteName)}</a></div>
                    <div class="additional-info">
                        <p><strong class="authority-name">{lang.t(Msg::AuthorityName)}</strong></p>
                        <p>{lang.t(Msg::AuthorityContact)}</p>
                    </div>
                </div>
            </div>
            <div class="solution-info-mobile">
                <p><strong class="authority-name">{lang.t(Msg::AuthorityName)}</strong></p>
                <p>{lang.t(Msg::AuthorityContact)}</p>
            </div>
            <nav class="navigation-menu" aria-label=lang.t(Msg::MainNavigation)>
                <div class="container">
                    <ul class="site-nav nobullet-list">
                        <li><a href=crate::path::SEARCH>{lang.t(Msg::NavSearch)}</a></li>
                        <li><a href=crate::path::NEW_VACANCY>{lang.t(Msg::NavEmployer)}</a></li>
                    </ul>
                </div>
            </nav>
        </header>
        <main id="main-content" class="container page-main" tabindex="-1">
            {children()}
        </main>
        <footer class="footer">
            <div class="container">
                <p>{lang.t(Msg::FooterAbout)}</p>
                <ul class="footer-links-list nobullet-list">
                    <li><a href=crate::path::ACCESSIBILITY>{lang.t(Msg::FooterAccessibility)}</a></li>
                    <li><a href=crate::path::PRIVACY>{lang.t(Msg::FooterPrivacy)}</a></li>
                    <li><a href=crate::path::COOKIES>{lang.t(Msg::FooterCookies)}</a></li>
                </ul>
            </div>
        </footer>
    }
}

/// "Log ind", or the signed-in person's name and "Log ud".
#[component]
fn AccountLinks() -> impl IntoView {
    use crate::auth;
    let lang = use_lang();
    let me = Resource::new(|| (), |_| auth::my_account());
    view! {
        <Suspense>
            {move || me.get().map(|me| match me.ok().flatten() {
                Some(user) => view! {
                    <span class="account-links">
                        {(user.role == crate::domain::account::Role::Jobseeker).then(|| view! {
                            <a href=crate::path::OVERVIEW>{lang.t(Msg::NavOverview)}</a>
                        })}
                        <a href=crate::path::ACCOUNT class="account-name">{user.name}</a>
                        <a href=crate::path::SIGN_OUT>{lang.t(Msg::NavSignOut)}</a>
                    </span>
                }.into_any(),
                None => view! {
                    <span class="account-links"><a href=crate::path::SIGN_IN>{lang.t(Msg::NavSignIn)}</a></span>
                }.into_any(),
            })}
        </Suspense>
    }
}

/// A page title with the site name after it.
///
/// A plain string stays plain (not a signal): the head is written after the body
/// has streamed, when a form page's inner views (and any signal they owned) may
/// already be gone. A title that follows the page (the search) passes a closure
/// over state that lives as long as the page.
#[component]
pub fn PageTitle(#[prop(into)] text: leptos::text_prop::TextProp) -> impl IntoView {
    let site = use_lang().t(Msg::SiteName);
    view! { <Title text=move || title_text(&format!("{} – {site}", text.get()))/> }
}

/// The title as written into the page. leptos_meta writes `<title>` into the
/// server's HTML as it is given, so on the server it must be escaped here: a title
/// holds what people type (a search, a vacancy's title), and `</title><meta …>`
/// would otherwise become markup. In the browser it is set as plain text.
fn title_text(text: &str) -> String {
    if cfg!(feature = "ssr") {
        crate::ui::escape_html(text)
    } else {
        text.to_string()
    }
}

/// The links between the pages of one area (the caseworker's, the
/// administrator's), the current one marked for screen readers and the eye.
#[component]
pub fn AreaNav(label: Msg, links: Vec<(&'static str, Msg)>, current: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="jobseeker-nav" aria-label=lang.t(label)>
            <ul class="nobullet-list">
                {links.into_iter().map(|(href, msg)| view! {
                    <li><a href=href aria-current=(href == current).then_some("page")>{lang.t(msg)}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Sets the HTTP status of the page being rendered on the server.
pub fn set_status(_status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(code)) = (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(_status)) {
        res.set_status(code);
    }
}

/// Shows an error as an alert, with the right HTTP status on the server.
#[component]
pub fn ErrorAlert(error: crate::error::AppError) -> impl IntoView {
    let lang = use_lang();
    set_status(error.status());
    view! {
        <div class="alert alert-error" role="alert">
            <div class="alert-body">
                <p class="alert-text">{error.describe(lang)}</p>
                <p><a href="/">{lang.t(Msg::GoToFrontPage)}</a></p>
            </div>
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    set_status(404);
    view! {
        <PageTitle text=lang.t(Msg::ErrNotFound).to_string()/>
        <h1>{lang.t(Msg::ErrNotFound)}</h1>
        <p><a href="/">{lang.t(Msg::GoToFrontPage)}</a></p>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let lang = use_lang();
    let (intro, body) = match lang {
        crate::Lang::Da => (
            "Jobunivers skal kunne bruges af alle. Løsningen er bygget til at overholde WCAG 2.1 niveau A og AA.",
            "Oplever du problemer med tilgængeligheden, så kontakt dit jobcenter. Vi svarer inden for 5 arbejdsdage. Du kan klage til Digitaliseringsstyrelsen.",
        ),
        crate::Lang::En => (
            "Jobunivers must be usable by everyone. It is built to meet WCAG 2.1 levels A and AA.",
            "If you meet an accessibility problem, contact your jobcentre. We answer within 5 working days. You can complain to the Agency for Digital Government.",
        ),
    };
    view! {
        <PageTitle text=lang.t(Msg::FooterAccessibility).to_string()/>
        <h1>{lang.t(Msg::FooterAccessibility)}</h1>
        <p class="font-lead">{intro}</p>
        <p>{body}</p>
    }
}
