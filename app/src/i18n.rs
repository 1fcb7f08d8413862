//! One translation layer for every text a person reads. Danish first, English second.
//!
//! Each text is one line of the `messages!` table with both languages, so a text
//! cannot be added in one language only. Texts with numbers in them are small
//! functions at the bottom.

use serde::{Deserialize, Serialize};

/// The language a page is shown in. Danish unless the person chose English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Da,
    En,
}

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "sprog";

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, offered by the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }

    /// Reads the language from a `Cookie` header value.
    pub fn from_cookie_header(header: &str) -> Lang {
        crate::cookies::value(header, LANG_COOKIE).and_then(Lang::from_code).unwrap_or_default()
    }

    pub fn t(self, msg: Msg) -> &'static str {
        match self {
            Lang::Da => msg.da(),
            Lang::En => msg.en(),
        }
    }
}

macro_rules! messages {
    ($($key:ident => $da:expr, $en:expr;)*) => {
        /// Every fixed text in the app.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub fn da(self) -> &'static str { match self { $(Msg::$key => $da),* } }
            pub fn en(self) -> &'static str { match self { $(Msg::$key => $en),* } }
            #[cfg(test)]
            pub(crate) const ALL: &'static [Msg] = &[$(Msg::$key),*];
        }
    };
}

messages! {
    // Frame
    SiteName => "Jobunivers", "Jobunivers";
    SiteTagline => "Find job, og få hjælp når du har brug for det", "Find a job, and get help when you need it";
    SkipToContent => "Gå til indhold", "Skip to content";
    SwitchLanguage => "English", "Dansk";
    SwitchLanguageLabel => "Skift til engelsk", "Switch to Danish";
    NavSearch => "Find job", "Find a job";
    NavEmployer => "Til arbejdsgivere", "For employers";
    MainNavigation => "Hovednavigation", "Main navigation";
    FooterAbout => "Jobunivers er kommunernes digitale jobunivers for ledige, arbejdsgivere og jobcentre.", "Jobunivers is the municipalities' digital job universe for jobseekers, employers and jobcentres.";
    FooterAccessibility => "Tilgængelighedserklæring", "Accessibility statement";

    // Front page
    HomeHeading => "Find dit næste job", "Find your next job";
    HomeIntro => "Søg blandt ledige stillinger i hele Danmark. Du kan søge uden at logge ind.", "Search vacancies all over Denmark. You can search without signing in.";
    HomeEmployerHeading => "Har du en ledig stilling?", "Do you have a vacancy?";
    HomeEmployerText => "Slå stillingen op, så jobsøgende i hele landet kan finde den med det samme.", "Post the vacancy so jobseekers all over the country can find it right away.";
    HomeEmployerLink => "Opret stillingsopslag", "Post a vacancy";

    // Search
    SearchHeading => "Find job", "Find a job";
    SearchLabel => "Søg efter stilling, arbejdsgiver eller by", "Search for job title, employer or town";
    SearchHint => "For eksempel: pædagog, sygeplejerske Aarhus eller lager", "For example: pædagog, sygeplejerske Aarhus or lager";
    SearchButton => "Søg", "Search";
    SearchNoResults => "Ingen stillinger matcher din søgning. Prøv med færre eller andre ord.", "No vacancies match your search. Try fewer or other words.";
    SearchResultsHeading => "Søgeresultater", "Search results";
    ApplicationDeadline => "Ansøgningsfrist", "Application deadline";
    Employer => "Arbejdsgiver", "Employer";
    Workplace => "Arbejdssted", "Workplace";
    WeeklyHours => "Timer pr. uge", "Hours per week";
    Posted => "Slået op", "Posted";
    PagingLabel => "Sider med søgeresultater", "Search result pages";
    PagePrevious => "Forrige", "Previous";
    PageNext => "Næste", "Next";
    Loading => "Henter …", "Loading …";

    // Vacancy page
    VacancyNotFound => "Stillingen findes ikke, eller den er ikke længere slået op.", "The vacancy does not exist, or it is no longer posted.";
    HowToApply => "Sådan søger du", "How to apply";
    AboutTheJob => "Om stillingen", "About the job";
    BackToSearch => "Tilbage til søgningen", "Back to the search";
    VacancyCreated => "Stillingen er oprettet. Den kan nu findes i jobsøgningen.", "The vacancy has been posted. It can now be found in the job search.";
    VacancyExpired => "Ansøgningsfristen er overskredet.", "The application deadline has passed.";

    // Employer: new vacancy
    NewVacancyHeading => "Opret stillingsopslag", "Post a vacancy";
    NewVacancyIntro => "Felter markeret med * skal udfyldes. Stillingen kan findes i jobsøgningen, så snart du har oprettet den.", "Fields marked * are required. The vacancy can be found in the job search as soon as you post it.";
    FieldTitle => "Stillingsbetegnelse", "Job title";
    FieldTitleHint => "Fx pædagog, lagermedarbejder eller softwareudvikler", "E.g. pædagog, lagermedarbejder or softwareudvikler";
    FieldEmployerName => "Arbejdsgiverens navn", "Employer name";
    FieldDescription => "Beskrivelse af stillingen", "Description of the job";
    FieldDescriptionHint => "Opgaver, hvem I søger, og hvad I tilbyder", "Tasks, who you are looking for, and what you offer";
    FieldPostcode => "Postnummer", "Postcode";
    FieldCity => "By", "Town";
    FieldWeeklyHours => "Timer pr. uge", "Hours per week";
    FieldWeeklyHoursHint => "Fuld tid er 37 timer", "Full time is 37 hours";
    FieldDeadline => "Ansøgningsfrist", "Application deadline";
    FieldDeadlineHint => "Dato, fx 31-12-2026", "Date, e.g. 31-12-2026";
    FieldHowToApply => "Sådan søger man", "How to apply";
    FieldHowToApplyHint => "Et link til ansøgningsskemaet, en e-mailadresse eller en kort vejledning", "A link to the application form, an e-mail address or short instructions";
    SubmitVacancy => "Opret stillingen", "Post the vacancy";
    FormHasErrors => "Det, du har skrevet, er ikke gemt endnu. Ret det, der er markeret nedenfor.", "What you entered has not been saved yet. Correct what is marked below.";
    ErrorPrefix => "Fejl:", "Error:";
    Required => "skal udfyldes", "required";

    // Field errors
    ErrTitleMissing => "Skriv stillingsbetegnelsen.", "Enter the job title.";
    ErrTitleLength => "Stillingsbetegnelsen skal være mellem 3 og 150 tegn.", "The job title must be between 3 and 150 characters.";
    ErrEmployerMissing => "Skriv arbejdsgiverens navn.", "Enter the employer's name.";
    ErrEmployerLength => "Arbejdsgiverens navn må højst være 150 tegn.", "The employer's name can be at most 150 characters.";
    ErrDescriptionMissing => "Skriv en beskrivelse af stillingen.", "Enter a description of the job.";
    ErrDescriptionShort => "Beskrivelsen skal være på mindst 30 tegn, så jobsøgende ved, hvad stillingen går ud på.", "The description must be at least 30 characters so jobseekers know what the job is about.";
    ErrDescriptionLong => "Beskrivelsen må højst være 20.000 tegn.", "The description can be at most 20,000 characters.";
    ErrPostcodeMissing => "Skriv postnummeret.", "Enter the postcode.";
    ErrPostcodeInvalid => "Et postnummer består af 4 cifre, fx 8000.", "A postcode is 4 digits, e.g. 8000.";
    ErrCityMissing => "Skriv byen.", "Enter the town.";
    ErrCityLength => "Bynavnet må højst være 80 tegn.", "The town name can be at most 80 characters.";
    ErrHoursMissing => "Skriv antal timer pr. uge.", "Enter the hours per week.";
    ErrHoursInvalid => "Skriv timer pr. uge som et tal, fx 37 eller 32,5.", "Enter hours per week as a number, e.g. 37 or 32.5.";
    ErrHoursRange => "Timer pr. uge skal være mellem 1 og 48.", "Hours per week must be between 1 and 48.";
    ErrDeadlineMissing => "Skriv ansøgningsfristen.", "Enter the application deadline.";
    ErrDeadlineInvalid => "Skriv datoen som dag-måned-år, fx 31-12-2026.", "Enter the date as day-month-year, e.g. 31-12-2026.";
    ErrDeadlinePast => "Ansøgningsfristen kan ikke ligge før i dag.", "The application deadline cannot be before today.";
    ErrDeadlineFar => "Ansøgningsfristen kan højst ligge et år ude i fremtiden.", "The application deadline can be at most one year ahead.";
    ErrHowToApplyMissing => "Skriv, hvordan man søger stillingen.", "Enter how to apply for the job.";
    ErrHowToApplyLength => "Vejledningen skal være mellem 5 og 2.000 tegn.", "The instructions must be between 5 and 2,000 characters.";

    // Accounts
    NavSignIn => "Log ind", "Sign in";
    NavSignOut => "Log ud", "Sign out";
    NavAccount => "Min konto", "My account";
    SignInHeading => "Log ind", "Sign in";
    SignInIntro => "Log ind med din e-mailadresse og adgangskode.", "Sign in with your e-mail address and password.";
    FieldEmail => "E-mailadresse", "E-mail address";
    FieldPassword => "Adgangskode", "Password";
    SubmitSignIn => "Log ind", "Sign in";
    SignOutHeading => "Log ud", "Sign out";
    SignOutEverywhere => "Log også ud på alle andre enheder, hvor jeg er logget ind", "Also sign out on every other device where I am signed in";
    SubmitSignOut => "Log ud", "Sign out";
    NotSignedIn => "Du er ikke logget ind.", "You are not signed in.";
    AccountHeading => "Min konto", "My account";
    FieldName => "Navn", "Name";
    FieldRole => "Rolle", "Role";
    FieldMunicipality => "Kommune", "Municipality";
    RoleJobseeker => "Borger (jobsøgende)", "Citizen (jobseeker)";
    RoleEmployer => "Arbejdsgiver", "Employer";
    RoleCaseworker => "Jobkonsulent", "Caseworker";
    RoleAdmin => "Administrator", "Administrator";
    ErrEmailInvalid => "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.", "Enter a valid e-mail address, e.g. name@example.com.";
    ErrEmailTaken => "Der findes allerede en bruger med denne e-mailadresse. Log ind i stedet.", "A user with this e-mail address already exists. Sign in instead.";
    ErrNameMissing => "Skriv dit navn.", "Enter your name.";
    ErrPasswordShort => "Adgangskoden skal være på mindst 10 tegn. Brug gerne flere ord.", "The password must be at least 10 characters. Several words work well.";
    ErrPasswordLong => "Adgangskoden må højst være 128 tegn.", "The password can be at most 128 characters.";
    ErrPasswordCommon => "Adgangskoden er for almindelig og let at gætte. Vælg en anden.", "The password is too common and easy to guess. Choose another.";
    ErrPasswordEmail => "Adgangskoden må ikke indeholde din e-mailadresse.", "The password must not contain your e-mail address.";
    ErrCvrMissing => "Skriv virksomhedens CVR-nummer.", "Enter the company's CVR number.";
    ErrCvrInvalid => "Et CVR-nummer består af 8 cifre.", "A CVR number is 8 digits.";
    ErrCvrChecksum => "CVR-nummeret findes ikke. Tjek, at alle cifre er rigtige.", "This CVR number does not exist. Check that every digit is right.";
    ErrCompanyMissing => "Skriv virksomhedens navn.", "Enter the company's name.";
    ErrMunicipalityMissing => "Vælg en kommune.", "Choose a municipality.";
    ErrCprMissing => "Skriv dit CPR-nummer.", "Enter your CPR number.";
    ErrCprFormat => "Et CPR-nummer består af 10 cifre, fx 010190-1234.", "A CPR number is 10 digits, e.g. 010190-1234.";
    ErrCprDate => "De første 6 cifre i CPR-nummeret skal være din fødselsdato (DDMMÅÅ).", "The first 6 digits of the CPR number must be your date of birth (DDMMYY).";
    SignUpJobseekerHeading => "Opret dig som jobsøgende", "Register as a jobseeker";
    SignUpEmployerHeading => "Opret virksomhed", "Register your company";
    SignUpLink => "Ny bruger? Opret dig som jobsøgende", "New here? Register as a jobseeker";
    SignUpEmployerLink => "Opret en virksomhed", "Register a company";
    FieldPhone => "Telefonnummer", "Phone number";
    FieldCpr => "CPR-nummer", "CPR number";
    FieldCprHint => "DDMMÅÅ-XXXX. Efter du har oprettet dig, vises kun fødselsdatoen.", "DDMMYY-XXXX. Once registered, only the date of birth is shown.";
    FieldHomeMunicipality => "Bopælskommune", "Municipality you live in";
    FieldPasswordNew => "Vælg en adgangskode", "Choose a password";
    FieldPasswordHint => "Mindst 10 tegn. Flere ord er lette at huske og svære at gætte.", "At least 10 characters. Several words are easy to remember and hard to guess.";
    FieldCompany => "Virksomhedens navn", "Company name";
    FieldCvr => "CVR-nummer", "CVR number";
    FieldContactName => "Dit navn (kontaktperson)", "Your name (contact person)";
    SubmitSignUp => "Opret", "Register";
    ChooseMunicipality => "Vælg kommune", "Choose municipality";
    EmployerHomeHeading => "Jeres stillingsopslag", "Your vacancies";
    EmployerHomeEmpty => "I har ikke slået nogen stillinger op endnu.", "You have not posted any vacancies yet.";
    VacancyOpen => "Slået op", "Posted";
    VacancyClosed => "Lukket", "Closed";
    AdminUsersHeading => "Opret medarbejder", "Create a staff account";
    AdminUsersIntro => "Opret jobkonsulenter og administratorer. Giv dem adgangskoden på en sikker måde; de kan logge ud alle steder fra deres konto.", "Create caseworkers and administrators. Hand over the password safely; they can sign out everywhere from their account.";
    FieldStaffRole => "Rolle", "Role";
    FieldWorkMunicipality => "Kommune (for jobkonsulenter)", "Municipality (for caseworkers)";
    FieldInitialPassword => "Første adgangskode", "First password";
    SubmitCreateUser => "Opret medarbejder", "Create staff account";
    UserCreated => "Medarbejderen er oprettet.", "The staff account has been created.";
    ErrRoleMissing => "Vælg en rolle.", "Choose a role.";
    ErrSignInFailed => "E-mailadressen eller adgangskoden er forkert.", "The e-mail address or the password is wrong.";
    ErrTooManyAttempts => "Der har været for mange forkerte forsøg på at logge ind. Vent 15 minutter, og prøv igen.", "There have been too many failed sign-in attempts. Wait 15 minutes and try again.";

    // Audit and the citizen view
    AuditRead => "Så dine oplysninger", "Viewed your data";
    AuditSearch => "Søgte dig frem", "Looked you up";
    AuditChange => "Ændrede dine oplysninger", "Changed your data";
    AuditExport => "Hentede dine oplysninger ud", "Exported your data";
    AuditDelete => "Slettede oplysninger", "Deleted data";
    PurposeFollowUp => "Opfølgning på din jobsøgning", "Follow-up on your job search";
    PurposeEscalation => "Du havde brug for hjælp fra jobcentret", "You needed help from the jobcentre";
    PurposeCitizenRequest => "Du kontaktede jobcentret", "You contacted the jobcentre";
    PurposeMeeting => "Forberedelse af en samtale med dig", "Preparing a meeting with you";
    AccessLogHeading => "Hvem har set mine oplysninger", "Who has seen my data";
    AccessLogIntro => "Her kan du se, hvornår medarbejdere i jobcentret har set eller ændret dine oplysninger, og hvorfor.", "Here you can see when jobcentre staff have viewed or changed your data, and why.";
    AccessLogEmpty => "Ingen medarbejdere har set dine oplysninger endnu.", "No staff member has seen your data yet.";
    AccessWhen => "Tidspunkt", "When";
    AccessWho => "Hvem", "Who";
    AccessWhat => "Hvad", "What";
    AccessWhy => "Hvorfor", "Why";
    CitizensHeading => "Find en borger", "Find a citizen";
    CitizensIntro => "Søg på borgerens e-mailadresse. Din søgning bliver logget, og borgeren kan se den.", "Search by the citizen's e-mail address. Your search is logged, and the citizen can see it.";
    CitizenNotFound => "Der er ingen borger med den e-mailadresse i din kommune.", "There is no citizen with that e-mail address in your municipality.";
    FieldPurpose => "Formål", "Purpose";
    FieldPurposeHint => "Borgeren kan se, hvornår og hvorfor du har set oplysningerne.", "The citizen can see when and why you viewed their data.";
    OpenCitizen => "Se borgerens oplysninger", "View the citizen's data";
    SearchCitizen => "Søg", "Search";
    CitizenHeading => "Borger", "Citizen";
    MunicipalityOf => "kommune", "municipality";

    // Errors shown as pages or banners
    ErrNotFound => "Siden findes ikke.", "The page does not exist.";
    ErrUnauthenticated => "Du skal logge ind for at se denne side.", "You need to sign in to see this page.";
    ErrForbidden => "Du har ikke adgang til denne side.", "You do not have access to this page.";
    ErrUnavailable => "Tjenesten er midlertidigt utilgængelig. Prøv igen om lidt.", "The service is temporarily unavailable. Please try again shortly.";
    ErrInternal => "Der skete en fejl hos os. Det du har gemt, er ikke gået tabt. Prøv igen om lidt.", "Something went wrong on our side. Nothing you saved has been lost. Please try again shortly.";
    ErrConnection => "Vi kunne ikke få forbindelse til Jobunivers. Tjek din internetforbindelse, og prøv igen.", "We could not reach Jobunivers. Check your internet connection and try again.";
    ErrBadRequest => "Forespørgslen kunne ikke forstås. Prøv igen fra forsiden.", "The request could not be understood. Please try again from the front page.";
    ErrorReference => "Fejlreference", "Error reference";
    GoToFrontPage => "Gå til forsiden", "Go to the front page";
}

/// "1 stilling" / "2.345 stillinger".
pub fn vacancy_count(lang: Lang, n: u64) -> String {
    let num = format_number(lang, n);
    match (lang, n) {
        (Lang::Da, 1) => format!("{num} stilling"),
        (Lang::Da, _) => format!("{num} stillinger"),
        (Lang::En, 1) => format!("{num} vacancy"),
        (Lang::En, _) => format!("{num} vacancies"),
    }
}

/// "Side 2 af 14".
pub fn page_of(lang: Lang, page: u32, pages: u32) -> String {
    match lang {
        Lang::Da => format!("Side {page} af {pages}"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// "37 timer" / "32,5 timer".
pub fn hours(lang: Lang, h: f64) -> String {
    let n = if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        let s = format!("{h:.1}");
        if lang == Lang::Da {
            s.replace('.', ",")
        } else {
            s
        }
    };
    match lang {
        Lang::Da => format!("{n} timer"),
        Lang::En => format!("{n} hours"),
    }
}

/// Thousands separated the way the reader expects: 12.345 in Danish, 12,345 in English.
pub fn format_number(lang: Lang, n: u64) -> String {
    let sep = if lang == Lang::Da { '.' } else { ',' };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

const MONTHS_DA: [&str; 12] = [
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// "3. marts 2027" / "3 March 2027".
pub fn date(lang: Lang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let m = d.month0() as usize;
    match lang {
        Lang::Da => format!("{}. {} {}", d.day(), MONTHS_DA[m], d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

/// "3. marts 2027 kl. 14.05" in Danish time.
pub fn date_time(lang: Lang, at: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::Timelike;
    let local = at + chrono::Duration::hours(crate::domain::time::danish_offset_hours(at));
    match lang {
        Lang::Da => format!("{} kl. {:02}.{:02}", date(lang, local.date_naive()), local.hour(), local.minute()),
        Lang::En => format!("{} at {:02}:{:02}", date(lang, local.date_naive()), local.hour(), local.minute()),
    }
}

/// "Søgning efter pædagog" as a page title.
pub fn search_title(lang: Lang, query: &str) -> String {
    match lang {
        Lang::Da => format!("Søgning efter {query}"),
        Lang::En => format!("Search for {query}"),
    }
}

/// A number of errors, as announced at the top of a form.
pub fn error_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "Der er 1 fejl i formularen.".into(),
        (Lang::Da, n) => format!("Der er {n} fejl i formularen."),
        (Lang::En, 1) => "There is 1 error in the form.".into(),
        (Lang::En, n) => format!("There are {n} errors in the form."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for msg in Msg::ALL {
            assert!(!msg.da().trim().is_empty(), "{msg:?} has no Danish text");
            assert!(!msg.en().trim().is_empty(), "{msg:?} has no English text");
        }
    }

    #[test]
    fn language_comes_from_the_cookie_and_defaults_to_danish() {
        assert_eq!(Lang::from_cookie_header("a=b; sprog=en; c=d"), Lang::En);
        assert_eq!(Lang::from_cookie_header("sprog=da"), Lang::Da);
        assert_eq!(Lang::from_cookie_header("sprog=fr"), Lang::Da);
        assert_eq!(Lang::from_cookie_header(""), Lang::Da);
    }

    #[test]
    fn numbers_dates_and_hours_read_naturally() {
        assert_eq!(format_number(Lang::Da, 1234567), "1.234.567");
        assert_eq!(format_number(Lang::En, 1234), "1,234");
        assert_eq!(format_number(Lang::Da, 999), "999");
        assert_eq!(vacancy_count(Lang::Da, 1), "1 stilling");
        assert_eq!(vacancy_count(Lang::Da, 2000), "2.000 stillinger");
        assert_eq!(hours(Lang::Da, 32.5), "32,5 timer");
        assert_eq!(hours(Lang::En, 37.0), "37 hours");
        let d = chrono::NaiveDate::from_ymd_opt(2027, 3, 3).unwrap();
        assert_eq!(date(Lang::Da, d), "3. marts 2027");
        assert_eq!(date(Lang::En, d), "3 March 2027");
    }
}
