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
