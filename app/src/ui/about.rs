//! The pages every public self-service links from its footer besides the
//! accessibility statement: how personal data is handled, and which cookies the
//! site sets. Plain text per language; the facts here follow the code (the
//! cookies in `cookies.rs`, the access log, the retention of the audit log).

use super::lang::use_lang;
use super::layout::PageTitle;
use crate::i18n::Msg;
use crate::Lang;
use leptos::prelude::*;

/// A heading and its paragraphs.
type Section = (&'static str, &'static [&'static str]);

fn sections(sections: &'static [Section]) -> impl IntoView {
    sections
        .iter()
        .map(|(heading, paragraphs)| {
            view! {
                <h2>{*heading}</h2>
                {paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            }
        })
        .collect_view()
}

const PRIVACY_DA: &[Section] = &[
    ("Hvem er ansvarlig", &[
        "Din bopælskommune er dataansvarlig for oplysningerne om dig som jobsøgende. Er du arbejdsgiver, er kommunen, der driver Jobunivers, dataansvarlig for oplysningerne om din virksomhed og dine brugere.",
        "Har du spørgsmål, så skriv til dit jobcenter fra Min side, eller kontakt kommunens databeskyttelsesrådgiver.",
    ]),
    ("Hvad vi behandler, og hvorfor", &[
        "Som jobsøgende: dit navn, din e-mailadresse, dit postnummer og din bopælskommune, dit CPR-nummer (krypteret, kun til at finde dig igen), dit CV, din joblog, din rådighed og dine 7-dages tjek. Formålet er at du kan søge job selv og opfylde kravene til jobsøgning (lov om en aktiv beskæftigelsesindsats), og at jobcentret kan hjælpe, når du har brug for det.",
        "Dit CV kan findes af arbejdsgivere, når det er udfyldt, og kun med det, du selv har valgt at vise. Du kan slå det fra og blokere virksomheder under Synlighed.",
        "Som arbejdsgiver: dit navn, din e-mailadresse, virksomhedens CVR-nummer og de stillinger og beskeder, I opretter.",
    ]),
    ("Hvem der ser dine oplysninger", &[
        "Medarbejdere i dit jobcenter, når de har en grund, som de skal angive. Arbejdsgivere, der åbner dit CV. Hver gang bliver det logget, og du kan selv se hvem, hvornår og hvorfor under \u{201c}Hvem har set mine oplysninger\u{201d}.",
    ]),
    ("Hvor længe", &[
        "Dine oplysninger gemmes, så længe du bruger Jobunivers. Loggen over, hvem der har set dine oplysninger, gemmes i den periode, loven kræver, og kan ikke ændres.",
    ]),
    ("Dine rettigheder", &[
        "Du har ret til indsigt i, rettelse af og i visse tilfælde sletning af dine oplysninger, og ret til at gøre indsigelse og til at få dine oplysninger udleveret (databeskyttelsesforordningen, artikel 15–21). Du kan klage til Datatilsynet.",
    ]),
];

const PRIVACY_EN: &[Section] = &[
    ("Who is responsible", &[
        "The municipality you live in is the data controller for what is held about you as a jobseeker. If you are an employer, the municipality that runs Jobunivers is the controller for what is held about your company and its users.",
        "If you have questions, write to your jobcentre from My page, or contact the municipality's data protection officer.",
    ]),
    ("What we process, and why", &[
        "As a jobseeker: your name, e-mail address, postcode and municipality, your CPR number (encrypted, used only to find you again), your CV, job log, availability and 7-day checks. The purpose is that you can look for work yourself and meet the job-search requirements (the Danish Active Employment Act), and that the jobcentre can help when you need it.",
        "Employers can find your CV once it is complete, showing only what you chose to show. You can turn this off and block companies under Visibility.",
        "As an employer: your name, e-mail address, your company's CVR number, and the vacancies and messages you create.",
    ]),
    ("Who sees your data", &[
        "Staff at your jobcentre, when they have a reason, which they must give. Employers who open your CV. Each time is logged, and you can see who, when and why under \u{201c}Who has seen my data\u{201d}.",
    ]),
    ("For how long", &[
        "Your data is kept while you use Jobunivers. The log of who has seen your data is kept for the period the law requires, and cannot be changed.",
    ]),
    ("Your rights", &[
        "You have the right of access, to rectification and, in some cases, to erasure of your data, the right to object, and to data portability (GDPR, articles 15–21). You can complain to the Danish Data Protection Agency (Datatilsynet).",
    ]),
];

const COOKIES_DA: &[Section] = &[
    ("Kun nødvendige cookies", &[
        "Jobunivers sætter kun de cookies, siden ikke kan fungere uden. Derfor beder vi ikke om dit samtykke. Der er ingen cookies til statistik, markedsføring eller fra andre websteder.",
    ]),
    ("De cookies, vi sætter", &[
        "session (__Host-session over en sikker forbindelse): holder dig logget ind. Den slettes, når du logger ud eller lukker browseren, og holder op med at virke efter 30 minutter uden brug og senest efter 12 timer (kommunen kan ændre tiderne).",
        "sprog: husker om du har valgt dansk eller engelsk. Den gemmes i et år.",
    ]),
];

const COOKIES_EN: &[Section] = &[
    ("Only necessary cookies", &[
        "Jobunivers sets only the cookies the site cannot work without, so it does not ask for your consent. There are no cookies for statistics, marketing or from other sites.",
    ]),
    ("The cookies we set", &[
        "session (__Host-session over a secure connection): keeps you signed in. It is removed when you sign out or close the browser, and stops working after 30 minutes unused and at the latest after 12 hours (the municipality can change these times).",
        "sprog: remembers whether you chose Danish or English. It is kept for a year.",
    ]),
];

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Msg::FooterPrivacy).to_string()/>
        <h1>{lang.t(Msg::FooterPrivacy)}</h1>
        {sections(if lang == Lang::Da { PRIVACY_DA } else { PRIVACY_EN })}
    }
}

#[component]
pub fn CookiesPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Msg::FooterCookies).to_string()/>
        <h1>{lang.t(Msg::FooterCookies)}</h1>
        {sections(if lang == Lang::Da { COOKIES_DA } else { COOKIES_EN })}
    }
}
