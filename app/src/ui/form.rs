//! Form fields in the style of Det Fælles Designsystem, with the error tied to its
//! field (aria-describedby, aria-invalid) and checked live once hydrated.

use super::lang::use_lang;
use crate::error::AppError;
use crate::i18n::{self, Msg};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    #[default]
    Text,
    Multiline,
    Date,
    Number,
    Email,
    /// Never filled in from what was sent before.
    Password,
}

#[component]
pub fn Field(
    name: &'static str,
    label: Msg,
    #[prop(optional)] hint: Option<Msg>,
    /// The value to show: what the person typed before, or empty.
    #[prop(into)]
    value: String,
    /// The server's verdict on this field, if it was rejected.
    error: Option<Msg>,
    #[prop(optional)] kind: Kind,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// The id of a `<datalist>` to offer as type-ahead (works without JavaScript).
    #[prop(optional)]
    list: Option<&'static str>,
    /// Width class from the design system, e.g. "input-width-xs".
    #[prop(optional)]
    width: Option<&'static str>,
    /// How the field checks its value in the browser; the server checks again.
    #[prop(optional, into)]
    check: Option<Callback<String, Option<Msg>>>,
    /// Tells apart the same field in several forms of one page (ids must be
    /// unique). Leave it out where the error summary should link to the field.
    #[prop(optional_no_strip)]
    instance: Option<String>,
) -> impl IntoView {
    let id = match instance {
        Some(i) => format!("field-{name}-{i}"),
        None => format!("field-{name}"),
    };
    if kind == Kind::Date {
        return view! { <DateField name label hint value error required check id/> }.into_any();
    }
    let lang = use_lang();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = RwSignal::new(error);
    let run_check = move |value: String| {
        if let Some(check) = check {
            error.set(check.run(value));
        }
    };
    // Check when the person leaves the field, and again while they fix a problem.
    let on_blur = move |ev: leptos::ev::FocusEvent| {
        // Leaving for a button (e.g. submit): no live message, as it would push the
        // button away under the pointer; the submission is checked anyway.
        if !to_button(&ev) {
            run_check(event_target_value(&ev))
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        if error.get_untracked().is_some() {
            run_check(event_target_value(&ev));
        }
    };
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let class = match width {
        Some(w) => format!("form-input {w}"),
        None => "form-input".to_string(),
    };
    let input = match kind {
        Kind::Multiline => view! {
            <textarea
                class=class
                id=id.clone()
                name=name
                rows="10"
                required=required
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by.clone()
                on:blur=on_blur
                on:input=on_input
            >
                {value}
            </textarea>
        }
        .into_any(),
        other => {
            let input_type = match other {
                Kind::Number => "text",
                Kind::Email => "email",
                Kind::Password => "password",
                _ => "text",
            };
            view! {
                <input
                    class=class
                    type=input_type
                    id=id.clone()
                    name=name
                    value=(other != Kind::Password).then_some(value)
                    required=required
                    autocomplete=autocomplete
                    inputmode=inputmode
                    list=list
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=described_by.clone()
                    on:blur=on_blur
                    on:input=on_input
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="form-group" class:form-error=move || error.get().is_some()>
            <label class="form-label" for=id.clone()>{lang.t(label)}<RequiredMark required/></label>
            {hint.map(|h| view! { <span class="form-hint" id=hint_id.clone()>{lang.t(h)}</span> })}
            <ErrorMessage id=error_id error/>
            {input}
        </div>
    }
    .into_any()
}

/// The mark of a field that must be filled in: a star for the eye, words for a
/// screen reader.
#[component]
fn RequiredMark(required: bool) -> impl IntoView {
    let lang = use_lang();
    required.then(|| view! { <span aria-hidden="true">" *"</span><span class="sr-only">{format!(" ({})", lang.t(Msg::Required))}</span> })
}

/// A field's error, shown while there is one.
#[component]
fn ErrorMessage(id: String, error: RwSignal<Option<Msg>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Show when=move || error.get().is_some()>
            <span class="form-error-message" id=id.clone()>
                <span class="sr-only">{lang.t(Msg::ErrorPrefix)} " "</span>
                {move || error.get().map(|m| lang.t(m))}
            </span>
        </Show>
    }
}

/// A date as Det Fælles Designsystem asks for one: three boxes (day, month, year,
/// in Danish order) in a fieldset whose legend is the question, with the format
/// as its hint. The boxes post as `{name}-day`, `{name}-month` and `{name}-year`;
/// the server joins them into `{name}` (`domain::forms::join_date_boxes`), so a
/// form's data and rules see one date. The day box has the field's id, so the
/// error summary's link lands in it.
///
/// Departure: the boxes are text with a numeric keyboard, not `type="number"` as in
/// the system's example: a number box silently drops what is not a number, and a
/// rejected form must show what was typed (the system's guidance points to
/// GOV.UK's, which says the same). The system's input mask needs its script,
/// which the app does not load; the server checks the date either way.
#[component]
fn DateField(
    name: &'static str,
    label: Msg,
    hint: Option<Msg>,
    value: String,
    error: Option<Msg>,
    required: bool,
    check: Option<Callback<String, Option<Msg>>>,
    id: String,
) -> impl IntoView {
    use crate::domain::{forms::DATE_BOXES, parse};
    let lang = use_lang();
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let error = RwSignal::new(error);
    let typed = parse::split_date(&value).map(RwSignal::new);
    let run_check = move || {
        if let Some(check) = check {
            let [d, m, y] = typed.map(|b| b.get_untracked());
            error.set(check.run(parse::join_date(&d, &m, &y)));
        }
    };
    // Checked when the focus leaves the whole date (not on moving from day to
    // month), and again while a problem is being fixed.
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        if leaves_group(&ev) && !to_button(&ev) {
            run_check()
        }
    };
    let described_by = {
        let error_id = error_id.clone();
        move || if error.get().is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    let boxes = [(Msg::DateDay, "form-group-day"), (Msg::DateMonth, "form-group-month"), (Msg::DateYear, "form-group-year")];
    view! {
        <div class="form-group" class:form-error=move || error.get().is_some()>
            <fieldset aria-describedby=described_by.clone() on:focusout=on_focusout>
                <legend class="form-label">{lang.t(label)}<RequiredMark required/></legend>
                <span class="form-hint" id=format!("{id}-hint")>{lang.t(hint.unwrap_or(Msg::DateHint))}</span>
                <ErrorMessage id=error_id error/>
                <div class="date-group mt-3">
                    {boxes.into_iter().zip(DATE_BOXES).zip(typed).enumerate().map(|(i, (((label, class), suffix), typed))| {
                        let box_id = if i == 0 { id.clone() } else { format!("{id}{suffix}") };
                        view! {
                            <div class=format!("form-group {class}")>
                                <label class="form-label" for=box_id.clone()>{lang.t(label)}</label>
                                <input class="form-input" type="text" inputmode="numeric" id=box_id name=format!("{name}{suffix}")
                                    value=typed.get_untracked() required=required
                                    aria-invalid=move || error.get().is_some().to_string()
                                    on:input=move |ev| {
                                        typed.set(event_target_value(&ev));
                                        if error.get_untracked().is_some() {
                                            run_check()
                                        }
                                    }/>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// Whether focus is leaving the element the handler sits on (not moving inside it).
fn leaves_group(_ev: &leptos::ev::FocusEvent) -> bool {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let inside = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        match (inside(_ev.current_target()), inside(_ev.related_target())) {
            (Some(group), Some(to)) => !group.contains(Some(&to)),
            _ => true,
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        true
    }
}

/// Whether focus is moving to a button.
fn to_button(_ev: &leptos::ev::FocusEvent) -> bool {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        _ev.related_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| e.tag_name() == "BUTTON")
    }
    #[cfg(not(feature = "hydrate"))]
    {
        false
    }
}

/// The box at the top of a rejected form: what went wrong, with links to each field.
#[component]
pub fn ErrorSummary(error: AppError, fields: Vec<(&'static str, Msg)>) -> impl IntoView {
    let lang = use_lang();
    let items: Vec<_> = match error.field_errors() {
        Some(errs) => fields
            .iter()
            .filter_map(|(name, _)| errs.get(name).map(|m| (*name, m)))
            .map(|(name, m)| view! { <li><a class="function-link" href=format!("#field-{name}")>{lang.t(m)}</a></li> })
            .collect(),
        None => Vec::new(),
    };
    let count = error.field_errors().map(|e| e.len()).unwrap_or(0);
    // The system's error summary, with one departure: its heading is a heading
    // (h2), not a paragraph, so a screen reader's list of headings finds it.
    view! {
        <div class="alert alert-error error-summary mt-0 mb-8" role="alert" aria-atomic="true" tabindex="-1" id="error-summary">
            <div class="alert-body">
                <h2 class="alert-heading">{error.describe(lang)}</h2>
                {(count > 0).then(|| view! { <p class="alert-text">{i18n::error_count(lang, count)}</p> })}
                <ul class="alert-text nobullet-list">{items}</ul>
            </div>
        </div>
    }
}

/// A choice from a list, with its error tied to it like [`Field`]'s.
#[component]
pub fn SelectField(
    name: &'static str,
    label: Msg,
    /// (value, text) pairs.
    options: Vec<(String, String)>,
    #[prop(into)] selected: String,
    error: Option<Msg>,
    #[prop(optional)] placeholder: Option<Msg>,
    /// Not required: no required mark.
    #[prop(optional)]
    optional: bool,
    #[prop(optional)] hint: Option<Msg>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by: Vec<String> = hint.map(|_| hint_id.clone()).into_iter().chain(error.map(|_| error_id.clone())).collect();
    let described_by = (!described_by.is_empty()).then(|| described_by.join(" "));
    view! {
        <div class="form-group" class:form-error=error.is_some()>
            <label class="form-label" for=id.clone()>
                {lang.t(label)}
                <RequiredMark required=!optional/>
            </label>
            {hint.map(|h| view! { <span class="form-hint" id=hint_id.clone()>{lang.t(h)}</span> })}
            {error.map(|m| view! {
                <span class="form-error-message" id=error_id.clone()>
                    <span class="sr-only">{lang.t(Msg::ErrorPrefix)} " "</span>{lang.t(m)}
                </span>
            })}
            <select class="form-select" id=id name=name aria-invalid=error.is_some().to_string()
                aria-describedby=described_by>
                {placeholder.map(|p| view! { <option value="">{lang.t(p)}</option> })}
                {options.into_iter().map(|(value, text)| {
                    let is = value == selected;
                    view! { <option value=value selected=is>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// One choice among a few, as radio buttons in a fieldset, with its error tied to
/// the group. The first button has the id `field-{name}`, so an error summary's
/// link lands on the group.
#[component]
pub fn RadioGroup(
    name: &'static str,
    label: Msg,
    /// (value, text) pairs.
    options: Vec<(String, String)>,
    #[prop(into)] selected: String,
    error: Option<Msg>,
) -> impl IntoView {
    let lang = use_lang();
    let error_id = format!("field-{name}-error");
    view! {
        <fieldset class="form-group" class:form-error=error.is_some() aria-describedby=error.map(|_| error_id.clone())>
            <legend class="form-label">
                {lang.t(label)}
                <RequiredMark required=true/>
            </legend>
            {error.map(|m| view! {
                <span class="form-error-message" id=error_id.clone()>
                    <span class="sr-only">{lang.t(Msg::ErrorPrefix)} " "</span>{lang.t(m)}
                </span>
            })}
            {options.into_iter().enumerate().map(|(i, (value, text))| {
                let id = if i == 0 { format!("field-{name}") } else { format!("field-{name}-{i}") };
                let checked = value == selected;
                view! {
                    <div class="form-group-radio">
                        <input class="form-radio" type="radio" id=id.clone() name=name value=value checked=checked/>
                        <label class="form-label" for=id>{text}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A form to write one text (a message, a note): which `act` it is, the text
/// field with its error tied to it, and the button. Checked on the server only, so
/// the message is the same with and without JavaScript.
#[component]
pub fn TextForm(
    action: String,
    act: &'static str,
    name: &'static str,
    label: Msg,
    #[prop(into)] value: String,
    error: Option<Msg>,
    button: Msg,
    #[prop(optional)] secondary: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let button_class = if secondary { "button button-secondary" } else { "button button-primary" };
    view! {
        <form method="post" action=action class=class novalidate=true>
            <input type="hidden" name="action" value=act/>
            <Field name label value kind=Kind::Multiline required=true error/>
            <button type="submit" class=button_class>{lang.t(button)}</button>
        </form>
    }
}

/// A single checkbox, posted as `on` when ticked, with its error tied to it.
#[component]
pub fn CheckboxField(name: &'static str, label: Msg, checked: bool, #[prop(optional_no_strip)] error: Option<Msg>) -> impl IntoView {
    let lang = use_lang();
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="form-group" class:form-error=error.is_some()>
            {error.map(|m| view! {
                <span class="form-error-message" id=error_id.clone()>
                    <span class="sr-only">{lang.t(Msg::ErrorPrefix)} " "</span>{lang.t(m)}
                </span>
            })}
            <div class="form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id=id.clone() name=name value="on" checked=checked
                    aria-invalid=error.is_some().to_string() aria-describedby=error.map(|_| error_id.clone())/>
                <label class="form-label" for=id>{lang.t(label)}</label>
            </div>
        </div>
    }
}

/// A button that posts one small form (delete, confirm, mark as read) to `action`,
/// with hidden fields.
#[component]
pub fn ButtonForm(
    action: String,
    label: Msg,
    #[prop(optional)] hidden: Vec<(&'static str, String)>,
    #[prop(optional)] secondary: bool,
    /// What the button acts on, read out after the label ("Slet: Netto"), so that
    /// many "Slet" buttons can be told apart. The name starts with the visible
    /// label, so speech control works.
    #[prop(optional, into)]
    detail: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let class = if secondary { "button button-secondary" } else { "button button-primary" };
    view! {
        <form method="post" action=action class="button-form">
            {hidden.into_iter().map(|(n, v)| view! { <input type="hidden" name=n value=v/> }).collect_view()}
            <button type="submit" class=class aria-label=detail.map(|d| format!("{}: {d}", lang.t(label)))>{lang.t(label)}</button>
        </form>
    }
}
