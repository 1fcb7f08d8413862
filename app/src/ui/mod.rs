//! Shared pieces of the user interface: the page frame, form fields, language.

pub mod about;
pub mod clock;
pub mod form;
pub mod lang;
pub mod layout;

/// A table that may be wider than a narrow screen scrolls inside its own box, so
/// the page never scrolls sideways (WCAG 1.4.10 allows a table to need two
/// dimensions, not the page). The design system's wrapper; it takes the focus so
/// a keyboard can scroll it, and is named after the table for a screen reader.
#[leptos::component]
pub fn TableScroll(#[prop(into)] label: String, children: leptos::children::Children) -> impl leptos::IntoView {
    use leptos::prelude::*;
    // "Historik (tabel)": not the name of the section around it, which is a landmark too.
    let name = format!("{label} ({})", lang::use_lang().t(crate::i18n::Msg::TableWord));
    view! { <div class="table--responsive-scroll" tabindex="0" role="region" aria-label=name>{children()}</div> }
}

/// Where a person is in a flow of several pages: Det Fælles Designsystem's step
/// indicator. Departure: the system shows it from medium screens up and a button
/// that opens it in a dialog below; that dialog needs its script, so here the list
/// shows on every screen, after a line saying "Step 1 of 2". Steps are not links: a
/// step done cannot be gone back to (e.g. a confirmed second factor).
#[leptos::component]
pub fn StepIndicator(steps: Vec<crate::i18n::Msg>, current: usize) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let lang = lang::use_lang();
    let total = steps.len();
    view! {
        <p class="step-subheading">{crate::i18n::step_of(lang, current + 1, total)}</p>
        <nav aria-label=lang.t(crate::i18n::Msg::StepsLabel)>
            <ol class="step-indicator">
                {steps.into_iter().enumerate().map(|(i, step)| {
                    let state = match i.cmp(&current) {
                        std::cmp::Ordering::Less => "",
                        std::cmp::Ordering::Equal => "current",
                        std::cmp::Ordering::Greater => "disabled",
                    };
                    view! {
                        <li class=state>
                            <div class="step" aria-current=(i == current).then_some("step")>
                                <span class="step-number"><span>{i + 1}</span></span>
                                <div>
                                    <span class="step-title">{lang.t(step)}</span>
                                    {(i < current).then(|| view! { <span class="sr-only">{format!(" ({})", lang.t(crate::i18n::Msg::StepDone))}</span> })}
                                </div>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// Text made safe to write between HTML tags or inside a quoted attribute, for the
/// few places that write HTML as a string rather than through `view!`.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            super::escape_html(r#"</title><meta http-equiv="refresh">&'"#),
            "&lt;/title&gt;&lt;meta http-equiv=&quot;refresh&quot;&gt;&amp;&#39;"
        );
        assert_eq!(super::escape_html("Pædagog – Aarhus"), "Pædagog – Aarhus");
    }
}
