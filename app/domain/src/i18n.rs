//! One translation layer for every text a person reads. Danish first, English second.
//!
//! Each text is one line of the `messages!` table with both languages, so a text
//! cannot be added in one language only. Texts with numbers in them are small
//! functions at the bottom.

use serde::{Deserialize, Serialize};

code_enum!(
    /// The language a page is shown in. Danish unless the person chose English.
    #[derive(Default)]
    Lang {
        #[default]
        Da => "da";
        En => "en";
    }
);

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "sprog";

impl Lang {
    /// The other language, offered by the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
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
        /// Every fixed text in the app. It travels (in an error to the browser) by
        /// its name; see `key`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub fn da(self) -> &'static str { match self { $(Msg::$key => $da),* } }
            pub fn en(self) -> &'static str { match self { $(Msg::$key => $en),* } }
            /// Every text with its name, in the table's order.
            const KEYS: &'static [(&'static str, Msg)] = &[$((stringify!($key), Msg::$key)),*];
        }
    };
}

impl Msg {
    /// The text's name as the table writes it ("SearchHeading").
    pub fn key(self) -> &'static str {
        // The table lists the texts in the enum's order.
        Msg::KEYS.get(self as usize).map_or("", |(k, _)| k)
    }

    /// The text of a name, if there is one.
    pub fn from_key(key: &str) -> Option<Msg> {
        Msg::KEYS.iter().find(|(k, _)| *k == key).map(|(_, m)| *m)
    }
}

// By hand rather than derived: serde's derived reader for a thousand names was a
// sixth of the browser's WebAssembly (twiggy); a lookup in the table is a few bytes.
impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Msg {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = String::deserialize(d)?;
        Msg::from_key(&key).ok_or_else(|| serde::de::Error::custom(format_args!("no text is named {key:?}")))
    }
}

messages! {
    // Frame
    SiteName => "Jobunivers", "Jobunivers";
    StepsLabel => "Trinindikator", "Steps";
    StepDone => "gennemført", "done";
    SecondFactorStepConnect => "Forbind din app", "Connect your app";
    SecondFactorStepKeep => "Gem dine gendannelseskoder", "Keep your recovery codes";
    AuthorityName => "Kommunernes jobcentre", "The municipalities' jobcentres";
    AuthorityContact => "Spørgsmål? Skriv til jobcentret i din kommune.", "Questions? Write to the jobcentre of your municipality.";
    SiteTagline => "Find job, og få hjælp når du har brug for det", "Find a job, and get help when you need it";
    SkipToContent => "Gå til indhold", "Skip to content";
    SwitchLanguage => "English", "Dansk";
    SwitchLanguageLabel => "skift til engelsk", "switch to Danish";
    NavSearch => "Find job", "Find a job";
    NavEmployer => "Til arbejdsgivere", "For employers";
    MainNavigation => "Hovednavigation", "Main navigation";
    FooterAbout => "Jobunivers er kommunernes digitale jobunivers for ledige, arbejdsgivere og jobcentre.", "Jobunivers is the municipalities' digital job universe for jobseekers, employers and jobcentres.";
    FooterAccessibility => "Tilgængelighedserklæring", "Accessibility statement";
    FooterPrivacy => "Privatlivspolitik", "Privacy policy";
    FooterCookies => "Cookies", "Cookies";
    TableWord => "tabel", "table";

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
    SearchDidYouMean => "Mente du", "Did you mean";
    SearchResultsHeading => "Søgeresultater", "Search results";
    ApplicationDeadline => "Ansøgningsfrist", "Application deadline";
    Employer => "Arbejdsgiver", "Employer";
    PostedByCompany => "Opslået af virksomheden", "Posted by the company";
    CompanyRoleAdmin => "Administrator", "Administrator";
    CompanyRoleMember => "Bruger", "User";
    CompanyRolePending => "Venter på godkendelse", "Waiting for approval";
    ErrVacancyLimit => "Jeres virksomhed har slået mange stillinger op i dag. Prøv igen i morgen, eller kontakt os, hvis I har brug for at slå flere op.", "Your company has posted many vacancies today. Try again tomorrow, or contact us if you need to post more.";
    ErrJoblogFull => "Din joblog er fuld. Slet nogle gamle aktiviteter, før du tilføjer nye.", "Your joblog is full. Delete some old activities before you add new ones.";
    ErrFilesFull => "Der er ikke plads til flere filer. Slet en fil fra en anden aktivitet, eller vælg en mindre fil.", "There is no room for more files. Delete a file from another activity, or choose a smaller file.";
    ErrMessagesFull => "Du har sendt mange beskeder i dag. Din tekst er ikke sendt; prøv igen i morgen, eller ring til jobcentret.", "You have sent many messages today. Your text was not sent; try again tomorrow, or call the jobcentre.";
    ErrRecoveryReason => "Skriv kort, hvordan du har kontrolleret, at personen må repræsentere virksomheden (10–500 tegn).", "Say briefly how you checked that the person may represent the company (10–500 characters).";
    CompanyHeading => "Virksomhed og brugere", "Company and users";
    CompanyNone => "Din konto er ikke knyttet til en virksomhed.", "Your account is not linked to a company.";
    CompanyPendingNotice => "Du har bedt om at måtte handle for virksomheden. Virksomhedens administrator skal godkende dig, før du kan se og slå stillinger op.", "You have asked to act for the company. The company's administrator must approve you before you can see and post vacancies.";
    CompanyUsersHeading => "Virksomhedens brugere", "The company's users";
    CompanyUsersIntro => "Godkend dem, der arbejder for virksomheden. Fjern dem, der ikke skal kunne handle for den.", "Approve those who work for the company. Remove those who should not act for it.";
    CompanyYourRole => "Din rolle", "Your role";
    Actions => "Handlinger", "Actions";
    CompanyRoleColumn => "Rolle", "Role";
    ApproveUser => "Godkend", "Approve";
    RemoveUser => "Fjern", "Remove";
    CompanyUserApproved => "Brugeren er godkendt.", "The user is approved.";
    CompanyUserRemoved => "Brugeren er fjernet fra virksomheden.", "The user was removed from the company.";
    NavCompany => "Virksomhed og brugere", "Company and users";
    AdminCompaniesHeading => "Virksomheder: flyt administrationen", "Companies: move the administration";
    AdminCompaniesIntro => "Har en anden end virksomheden oprettet sig med dens CVR-nummer, kan du flytte administrationen til den rette person. Kontrollér det først ad anden vej, fx ved at ringe til virksomheden via CVR-registret. Handlingen logges.", "If someone other than the company signed up with its CVR number, you can move the administration to the right person. Check it by other means first, for example by calling the company through the CVR register. The action is logged.";
    FieldRecoveryReason => "Hvordan har du kontrolleret det?", "How did you check it?";
    FieldNewCompanyAdmin => "Hvem skal være virksomhedens administrator?", "Who is to be the company's administrator?";
    ErrChooseUser => "Vælg den bruger, der skal være administrator.", "Choose the user who is to be administrator.";
    MakeCompanyAdmin => "Gør til administrator", "Make administrator";
    CompanyNotFound => "Der er ingen virksomhed med det CVR-nummer.", "There is no company with that CVR number.";
    CompanyAdminMoved => "Administrationen er flyttet.", "The administration was moved.";
    FindCompany => "Find virksomhed", "Find company";
    SecurityLogHeading => "Sikkerhedslog", "Security log";
    SecUnauthenticated => "Ikke logget ind", "Not signed in";
    SecForbidden => "Ingen adgang (forkert rolle)", "No access (wrong role)";
    SecCrossSite => "Afvist: fra et andet websted", "Refused: from another site";
    SecSignInPaused => "Log ind sat på pause", "Sign-in paused";
    SecSignUpPaused => "Oprettelse sat på pause", "Sign-up paused";
    SecCompanyUserApproved => "Virksomhedsbruger godkendt", "Company user approved";
    SecCompanyUserRemoved => "Virksomhedsbruger fjernet", "Company user removed";
    SecCompanyAdminMoved => "Virksomhedens administration flyttet", "Company administration moved";
    SecStaffDeactivated => "Medarbejder deaktiveret", "Staff deactivated";
    SecStaffReactivated => "Medarbejder genaktiveret", "Staff reactivated";
    SecSecondFactorSetUp => "Totrinsbekræftelse sat op", "Two-step verification set up";
    SecSecondFactorPaused => "Koder sat på pause efter for mange forsøg", "Codes paused after too many attempts";
    SecRecoveryCodeUsed => "Gendannelseskode brugt", "Recovery code used";
    SecRecoveryCodesReplaced => "Nye gendannelseskoder lavet", "New recovery codes made";
    SecSecondFactorReset => "Totrinsbekræftelse nulstillet", "Two-step verification reset";
    SecOther => "Anden hændelse", "Other event";
    SecurityLogIntro => "Afviste forsøg (manglende adgang, forkert rolle, forespørgsler fra andre websteder, pauser ved log ind og oprettelse) og ændringer af rettigheder. Nyeste først.", "Refused attempts (no access, wrong role, requests from other sites, paused sign-ins and sign-ups) and changes of rights. Newest first.";
    SecurityWhat => "Hændelse", "Event";
    SecurityWhere => "Adresse", "Address";
    SecurityFrom => "Fra", "From";
    OlderEvents => "Ældre hændelser", "Older events";
    NavSecurityLog => "Sikkerhedslog", "Security log";
    NavCompanies => "Virksomheder", "Companies";
    NavStaff => "Medarbejdere", "Staff";
    StaffHeading => "Medarbejderkonti", "Staff accounts";
    StaffActive => "Aktiv", "Active";
    StaffDeactivated => "Deaktiveret", "Deactivated";
    Deactivate => "Deaktivér", "Deactivate";
    ResetSecondFactor => "Nulstil totrin", "Reset two-step";
    StaffSecondFactor => "Totrin", "Two-step";
    StaffSecondFactorOn => "Sat op", "Set up";
    StaffSecondFactorOff => "Ikke sat op", "Not set up";
    Reactivate => "Genaktivér", "Reactivate";
    StaffChanged => "Kontoen er ændret. En deaktiveret medarbejder er logget ud overalt.", "The account was changed. A deactivated member of staff is signed out everywhere.";
    ChangePasswordHeading => "Skift adgangskode", "Change password";
    FieldCurrentPassword => "Nuværende adgangskode", "Current password";
    FieldNewPassword => "Ny adgangskode", "New password";
    ChangePassword => "Skift adgangskode", "Change password";
    PasswordChanged => "Din adgangskode er skiftet. Du er logget ud alle andre steder.", "Your password was changed. You were signed out everywhere else.";
    ErrCurrentPassword => "Den nuværende adgangskode er forkert.", "The current password is wrong.";
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

    // Employer: candidates
    NavCandidates => "Find kandidater", "Find candidates";
    NavEmployerVacancies => "Stillingsopslag", "Vacancies";
    EmployerNavLabel => "Arbejdsgiver", "Employer";
    CandidatesHeading => "Find kandidater", "Find candidates";
    CandidatesIntro => "Søg blandt CV'er fra ledige, der gerne vil findes. Navn og kontaktoplysninger ser I, når I åbner et CV, og borgeren kan se, at I har åbnet det.", "Search the CVs of jobseekers who want to be found. You see the name and contact details when you open a CV, and the citizen can see that you did.";
    CandidateSearchLabel => "Søg efter fag, uddannelse eller kompetence", "Search for occupation, education or skill";
    CandidateSearchHint => "For eksempel: tømrer, social- og sundhedsassistent eller truckcertifikat", "For example: tømrer, social- og sundhedsassistent or truckcertifikat";
    CandidateNearPlace => "Arbejdsstedet (postnummer eller kommune)", "The workplace (postcode or municipality)";
    CandidateNearHint => "Kandidater, der bor inden for afstanden. Vi regner fra postnummerets midte, aldrig fra en adresse.", "Candidates who live within the distance. We measure from the postcode's centre, never from an address.";
    CandidatesNone => "Ingen kandidater matcher søgningen. Prøv med færre ord eller et større område.", "No candidates match the search. Try fewer words or a larger area.";
    CandidateSeeks => "Søger job som", "Seeks work as";
    CandidateLivesIn => "Bor i", "Lives in";
    CandidateUpdated => "CV opdateret", "CV updated";
    CandidateOpen => "Se CV", "View CV";
    CandidateResultsHeading => "Kandidater", "Candidates";
    ShowCandidates => "Vis kandidater", "Show candidates";
    NavCandidateAgents => "Kandidatagenter", "Candidate agents";
    CandidateAgentsHeading => "Kandidatagenter", "Candidate agents";
    CandidateAgentsIntro => "En kandidatagent holder øje med nye CV'er, der passer til en søgning, og viser dem her – og hvis I vil, i en daglig e-mail. Alle virksomhedens brugere deler agenterne.", "A candidate agent watches for new CVs that match a search and shows them here – and, if you like, in a daily e-mail. All the company's users share the agents.";
    CandidateAgentsEmpty => "I har ingen kandidatagenter. Søg efter kandidater, og vælg »Gem søgningen som kandidatagent«.", "You have no candidate agents. Search for candidates and choose \"Save the search as a candidate agent\".";
    SaveAsCandidateAgent => "Gem søgningen som kandidatagent", "Save the search as a candidate agent";
    CandidateAgentCreated => "Kandidatagenten er gemt. I får besked, når nye kandidater passer til søgningen.", "The candidate agent is saved. You will be told when new candidates match the search.";
    DeleteCandidateAgent => "Slet kandidatagenten", "Delete the candidate agent";
    CandidateAgentSeeNew => "Se nye kandidater", "See new candidates";
    CandidateAgentNone => "Ingen nye kandidater siden sidst.", "No new candidates since last time.";
    CandidateAgentNewHeading => "Nye kandidater", "New candidates";
    EmailUsOn => "Send os en daglig e-mail", "Send us a daily e-mail";
    CandidateTravel => "Vil køre op til", "Will travel up to";
    CandidateNoContact => "Kandidaten viser ikke e-mail eller telefon. Skriv til kandidaten her.", "The candidate shows no e-mail or phone. Write to the candidate here.";
    CandidateContactHeading => "Skriv til kandidaten", "Write to the candidate";
    CandidateContactIntro => "Skriv kort, hvad I kan tilbyde. Kandidaten får beskeden på Min side og kan svare eller takke nej.", "Write briefly what you can offer. The candidate gets the message on their page and can answer or decline.";
    FieldContactVacancy => "Om stillingen (valgfri)", "About the vacancy (optional)";
    NoVacancyChosen => "Ingen bestemt stilling", "No particular vacancy";
    FieldContactMessage => "Besked", "Message";
    SendContact => "Send beskeden", "Send the message";
    ContactSent => "Beskeden er sendt.", "The message is sent.";
    ErrContactMessageMissing => "Skriv en besked.", "Write a message.";
    ErrContactMessageLong => "Beskeden er for lang. Den må højst være 2.000 tegn.", "The message is too long. It may be at most 2,000 characters.";
    ErrContactLimit => "I har skrevet til mange kandidater i dag. Jeres besked er ikke sendt; prøv igen i morgen.", "You have written to many candidates today. Your message was not sent; try again tomorrow.";
    NavContacts => "Kontakt med kandidater", "Contact with candidates";
    ContactsHeading => "Kontakt med kandidater", "Contact with candidates";
    ContactsEmpty => "I har ikke skrevet til nogen kandidater endnu.", "You have not written to any candidates yet.";
    ContactOpen => "Åben", "Open";
    ContactDeclined => "Takket nej", "Declined";
    ContactAbout => "Om", "About";
    ContactWith => "Samtale med", "Conversation with";
    ContactThreadHeading => "Samtale", "Conversation";
    ContactYou => "Dig", "You";
    FieldReply => "Dit svar", "Your answer";
    SendReply => "Send svaret", "Send the answer";
    ReplySent => "Svaret er sendt.", "The answer is sent.";
    DeclineContact => "Tak nej", "Decline";
    ContactDeclinedDone => "Du har takket nej. Virksomheden kan ikke skrive mere i denne samtale.", "You have declined. The company cannot write more in this conversation.";
    ContactDeclinedByYou => "Du har takket nej til denne samtale.", "You have declined this conversation.";
    ContactClosedForCompany => "Kandidaten har takket nej. I kan ikke skrive mere i denne samtale.", "The candidate has declined. You cannot write more in this conversation.";
    EmployerMessagesHeading => "Beskeder fra arbejdsgivere", "Messages from employers";
    EmployerMessagesIntro => "Arbejdsgivere, der har fundet dit CV, kan skrive til dig her. Du kan svare eller takke nej.", "Employers who found your CV can write to you here. You can answer or decline.";
    EmployerMessagesEmpty => "Ingen arbejdsgivere har skrevet til dig endnu.", "No employers have written to you yet.";
    NavEmployerMessages => "Arbejdsgivere", "Employers";
    NavVisibility => "Synlighed", "Visibility";
    VisibilityHeading => "Findes af arbejdsgivere", "Found by employers";
    VisibilityIntro => "Når dit CV er udfyldt, kan arbejdsgivere finde det i kandidatsøgningen. De ser dit navn, først når de åbner CV'et, og du kan se hvem der har åbnet det under »Hvem har set mine oplysninger«.", "When your CV is complete, employers can find it in the candidate search. They see your name only when they open the CV, and you can see who opened it under \"Who has seen my data\".";
    VisibilityShown => "Arbejdsgivere kan finde dit CV.", "Employers can find your CV.";
    VisibilityHiddenByYou => "Du har valgt, at arbejdsgivere ikke kan finde dit CV.", "You have chosen that employers cannot find your CV.";
    VisibilityNotSearchable => "Arbejdsgivere kan ikke finde dit CV lige nu: det er ikke udfyldt, eller du er meldt syg.", "Employers cannot find your CV now: it is not complete, or you are reported sick.";
    HideCv => "Skjul mit CV for arbejdsgivere", "Hide my CV from employers";
    ShowCv => "Lad arbejdsgivere finde mit CV", "Let employers find my CV";
    BlockHeading => "Blokerede virksomheder", "Blocked companies";
    BlockIntro => "En virksomhed, du blokerer, kan hverken finde eller åbne dit CV – for eksempel din nuværende arbejdsgiver.", "A company you block can neither find nor open your CV – your current employer, for example.";
    BlockNone => "Du har ikke blokeret nogen virksomheder.", "You have not blocked any companies.";
    BlockCompany => "Bloker virksomheden", "Block the company";
    UnblockCompany => "Fjern blokeringen", "Unblock";
    ErrCompanyUnknown => "Vi kender ingen virksomhed med det CVR-nummer.", "We know no company with that CVR number.";
    VisibilitySaved => "Dit valg er gemt.", "Your choice is saved.";

    ImportFormatJson => "JSON med schema.org JobPosting", "JSON of schema.org JobPosting";
    ImportFormatFeed => "RSS- eller Atom-feed med links til stillinger", "RSS or Atom feed linking to vacancies";
    ImportFormatPage => "Side med links til stillinger (karriereside)", "Page linking to vacancies (career site)";
    ImportFormatJobunivers => "Et andet Jobunivers' åbne feed", "Another Jobunivers's open feed";
    ErrImportName => "Giv kilden et navn på højst 100 tegn.", "Give the source a name of at most 100 characters.";
    ErrImportUrl => "Skriv en adresse, der begynder med http:// eller https://.", "Enter an address that starts with http:// or https://.";
    ErrImportEvery => "Skriv antal minutter mellem kørslerne, fx 60.", "Enter the minutes between runs, e.g. 60.";
    ErrImportBusy => "Kilden hentes allerede lige nu. Prøv igen om lidt.", "The source is being fetched right now. Try again shortly.";
    NavImports => "Import", "Import";
    ImportsHeading => "Import af stillinger", "Importing vacancies";
    ImportsIntro => "Stillinger fra andre sider og jobbanker. Hver kilde hentes så ofte, som der står; en stilling, der forsvinder fra kilden, lukkes kun efter en hentning, der lykkedes helt.", "Vacancies from other sites and job banks. Each source is fetched as often as it says; a vacancy that leaves its source is closed only after a fetch that fully succeeded.";
    ImportsEmpty => "Der er ingen kilder endnu.", "There are no sources yet.";
    ImportAddHeading => "Tilføj en kilde", "Add a source";
    FieldImportName => "Navn", "Name";
    FieldImportUrl => "Adresse", "Address";
    FieldImportFormat => "Format", "Format";
    FieldImportCvr => "Slå op som virksomhed (CVR-nummer, valgfrit)", "Post as company (CVR number, optional)";
    FieldImportCvrHint => "Tomt: arbejdsgiveren, som hver stilling nævner.", "Empty: the employer each vacancy names.";
    FieldImportEvery => "Minutter mellem hentninger", "Minutes between fetches";
    AddImportSource => "Tilføj kilden", "Add the source";
    RunImportNow => "Hent nu", "Fetch now";
    ImportSaved => "Gemt. Se resultatet under kilden.", "Saved. See the result under the source.";
    ImportNeverRun => "Ikke hentet endnu.", "Not fetched yet.";
    ImportRunsHeading => "Seneste hentninger", "Latest fetches";
    ImportStarted => "Startet", "Started";
    ImportSeconds => "Sekunder", "Seconds";
    ImportOutcome => "Resultat", "Outcome";
    ImportAdded => "Nye", "New";
    ImportUpdated => "Ændrede", "Changed";
    ImportUnchanged => "Uændrede", "Unchanged";
    ImportClosed => "Lukkede", "Closed";
    ImportSkipped => "Sprunget over", "Skipped";
    ImportSkipsHeading => "Sprunget over i seneste hentning", "Skipped in the latest fetch";
    FollowSearchFeed => "Følg søgningen i en feedlæser (Atom)", "Follow the search in a feed reader (Atom)";

    // Virksomhedsservice: the employer asks the jobcentre for help recruiting
    NavBusiness => "Hjælp fra jobcentret", "Help from the jobcentre";
    BusinessHeading => "Hjælp fra jobcentret til at rekruttere", "Help from the jobcentre to recruit";
    BusinessIntro => "Jobcentret i den kommune, hvor stillingen er, kan hjælpe jer med at finde kandidater. Fortæl, hvad I har brug for, og hvornår. En medarbejder i jobcentret svarer her, og I får besked på e-mail.", "The jobcentre of the municipality where the job is can help you find candidates. Tell them what you need and by when. Someone at the jobcentre answers here, and you are told by e-mail.";
    BusinessRequestHeading => "Bed jobcentret om hjælp", "Ask the jobcentre for help";
    BusinessNoVacancies => "I har ingen åbne stillinger med et arbejdssted. Opret en stilling først; så kan I bede om hjælp til den.", "You have no open vacancies with a workplace. Post a vacancy first; then you can ask for help with it.";
    FieldBusinessVacancy => "Stilling", "Vacancy";
    FieldBusinessNeed => "Hvad har I brug for?", "What do you need?";
    FieldBusinessNeedHint => "Fx hvor mange I søger, hvad der er vigtigst, og om en kandidat kan starte i praktik.", "E.g. how many people you seek, what matters most, and whether a candidate may start with a work placement.";
    FieldBusinessDue => "Hvornår skal I bruge hjælpen?", "When do you need the help by?";
    SendBusinessRequest => "Send til jobcentret", "Send to the jobcentre";
    BusinessRequested => "Jeres forespørgsel er sendt til jobcentret.", "Your request has been sent to the jobcentre.";
    BusinessListHeading => "Jeres forespørgsler", "Your requests";
    BusinessEmpty => "I har ikke bedt jobcentret om hjælp endnu.", "You have not asked the jobcentre for help yet.";
    BusinessOpen => "Venter på jobcentret", "Waiting for the jobcentre";
    BusinessTaken => "Under behandling", "In progress";
    BusinessClosed => "Afsluttet", "Closed";
    BusinessAbout => "Rekruttering til", "Recruitment for";
    BusinessNeed => "Behov", "Need";
    BusinessDue => "Frist", "Due";
    BusinessStatusLabel => "Status", "Status";
    BusinessCompany => "Virksomhed", "Company";
    BusinessRequestedBy => "Spurgt af", "Asked by";
    BusinessCaseworker => "Medarbejder i jobcentret", "Jobcentre officer";
    BusinessNobody => "Ingen endnu", "Nobody yet";
    BusinessJobcentre => "Jobcentret", "The jobcentre";
    BusinessSuggestionsHeading => "Foreslåede kandidater", "Suggested candidates";
    BusinessSuggestionsNone => "Jobcentret har ikke foreslået kandidater endnu.", "The jobcentre has not suggested any candidates yet.";
    BusinessSuggestedBy => "Foreslået af", "Suggested by";
    BusinessThreadHeading => "Beskeder", "Messages";
    BusinessThreadEmpty => "Ingen beskeder endnu.", "No messages yet.";
    BusinessClosedNotice => "Opgaven er afsluttet, og der kan ikke skrives mere i den. Bed om hjælp igen, hvis I har brug for mere.", "The task is closed, and nothing more can be written in it. Ask for help again if you need more.";
    BusinessWaitTake => "Tag opgaven for at skrive til virksomheden og foreslå kandidater.", "Take the task to write to the company and suggest candidates.";
    NavBusinessTasks => "Virksomhedsservice", "Business service";
    BusinessQueueHeading => "Virksomhedsservice", "Business service";
    BusinessQueueIntro => "Virksomheder, der har bedt jobcentret om hjælp til at rekruttere til en stilling i kommunen. Den tidligste frist står først.", "Companies that asked the jobcentre for help recruiting for a vacancy in the municipality. The earliest due date comes first.";
    BusinessQueueEmpty => "Ingen virksomheder venter på hjælp.", "No companies are waiting for help.";
    BusinessCandidatesHeading => "Find kandidater i CV-banken", "Find candidates in the CV bank";
    BusinessCandidatesIntro => "Kandidater, som virksomheden må finde. Vi begynder med stillingens fag omkring arbejdsstedet. Når du foreslår en kandidat, kan borgeren se det under »Hvem har set mine oplysninger«.", "Candidates the company may find. We start from the vacancy's occupation around the workplace. When you suggest a candidate, the citizen can see it under \"Who has seen my data\".";
    FieldBusinessSearch => "Søg efter kandidater", "Search for candidates";
    FieldBusinessKm => "Afstand fra arbejdsstedet (km)", "Distance from the workplace (km)";
    SuggestCandidate => "Foreslå til virksomheden", "Suggest to the company";
    BusinessAlreadySuggested => "Foreslået", "Suggested";
    FieldBusinessNote => "Besked til virksomheden (valgfri)", "Message to the company (optional)";
    CloseBusinessTask => "Afslut opgaven", "Close the task";
    BusinessTakeDone => "Opgaven er din.", "The task is yours.";
    BusinessSuggestDone => "Kandidaten er foreslået, og virksomheden har fået besked.", "The candidate is suggested, and the company has been told.";
    BusinessCloseDone => "Opgaven er afsluttet.", "The task is closed.";
    ErrBusinessNeedMissing => "Skriv, hvad I har brug for.", "Write what you need.";
    ErrBusinessDueMissing => "Skriv, hvornår I skal bruge hjælpen.", "Enter when you need the help by.";
    ErrBusinessDueRange => "Datoen skal ligge fra i dag og højst et år frem.", "The date must be from today and at most one year ahead.";
    ErrBusinessVacancy => "Vælg en af jeres åbne stillinger.", "Choose one of your open vacancies.";
    ErrBusinessAlreadyAsked => "I har allerede bedt om hjælp til denne stilling. Skriv til jobcentret i den forespørgsel.", "You have already asked for help with this vacancy. Write to the jobcentre in that request.";
    ErrBusinessLimit => "I har sendt mange forespørgsler i dag. Jeres forespørgsel er ikke sendt; prøv igen i morgen.", "You have sent many requests today. Your request was not sent; try again tomorrow.";
    ErrBusinessTaken => "En kollega har allerede taget opgaven.", "A colleague has already taken the task.";

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
    DateHint => "For eksempel: 31 12 2026", "For example: 31 12 2026";
    DateDay => "Dag", "Day";
    DateMonth => "Måned", "Month";
    DateYear => "År", "Year";
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
    ErrPostcodeUnknown => "Det postnummer findes ikke i Danmark. Tjek det, fx 8000 for Aarhus C.", "That postcode does not exist in Denmark. Check it, e.g. 8000 for Aarhus C.";
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
    CloseFilled => "Stillingen er besat", "The position is filled";
    CloseWithdrawn => "Opslaget er trukket tilbage", "The vacancy was withdrawn";
    CloseHidden => "Skjult af Jobunivers", "Hidden by Jobunivers";
    HistoryCreated => "Slået op", "Posted";
    HistoryReposted => "Slået op igen som nyt", "Posted again as new";
    HistoryEdited => "Rettet", "Edited";
    HistoryExtended => "Fristen er forlænget", "Deadline extended";
    HistoryClosed => "Lukket", "Closed";
    HistoryWhen => "Hvornår", "When";
    HistoryWhat => "Hvad", "What";
    HistoryWho => "Hvem", "Who";
    HistoryBySystem => "Jobunivers", "Jobunivers";
    TabOpen => "Åbne", "Open";
    TabExpired => "Fristen er udløbet", "Deadline passed";
    TabClosed => "Lukkede", "Closed";
    VacancyTabsLabel => "Vis opslag", "Show vacancies";
    VacancyTabEmpty => "Ingen opslag her.", "No vacancies here.";
    VacancyStatus => "Status", "Status";
    ManageVacancyHeading => "Stillingsopslag", "Vacancy";
    EditVacancyHeading => "Ret stillingsopslaget", "Edit the vacancy";
    SaveVacancyChanges => "Gem ændringerne", "Save the changes";
    EditVacancy => "Ret opslaget", "Edit the vacancy";
    ExtendDeadline => "Forlæng fristen", "Extend the deadline";
    CloseVacancy => "Luk opslaget", "Close the vacancy";
    RepostVacancy => "Slå op igen som nyt opslag", "Post again as a new vacancy";
    SeeAsJobseekers => "Se opslaget, som jobsøgende ser det", "See the vacancy as jobseekers see it";
    VacancyHistoryHeading => "Historik", "History";
    FieldNewDeadline => "Ny ansøgningsfrist", "New application deadline";
    FieldCloseReason => "Hvorfor lukker I opslaget?", "Why are you closing the vacancy?";
    VacancySavedNotice => "Ændringerne er gemt. Søgningen viser dem om et øjeblik.", "The changes are saved. Search shows them in a moment.";
    VacancyExtendedNotice => "Fristen er forlænget.", "The deadline is extended.";
    VacancyClosedNotice => "Opslaget er lukket og vises ikke længere i søgningen.", "The vacancy is closed and no longer shown in search.";
    RepostIntro => "Her er det lukkede opslag udfyldt som et nyt. Vælg en ny frist, ret det, der skal rettes, og slå det op.", "Here is the closed vacancy filled in as a new one. Choose a new deadline, change what needs changing, and post it.";
    ErrDeadlineNotLater => "Den nye frist skal ligge efter den nuværende.", "The new deadline must be after the current one.";
    ReportScam => "Svindel eller forsøg på at få penge eller oplysninger", "A scam, or an attempt to get money or personal details";
    ReportDiscrimination => "Diskrimination", "Discrimination";
    ReportNotReal => "Ikke et rigtigt job", "Not a real job";
    ReportWrongInformation => "Forkerte oplysninger", "Wrong information";
    ReportVacancyLink => "Anmeld opslaget", "Report this vacancy";
    ReportHeading => "Anmeld et stillingsopslag", "Report a vacancy";
    BackToVacancy => "Tilbage til opslaget", "Back to the vacancy";
    StatsHeading => "Sådan går det", "How it is doing";
    StatsIntro => "Visninger, gemte og ansøgninger pr. dag de sidste fire uger. Vi tæller kun; vi gemmer ikke, hvem der så opslaget.", "Views, saves and applications per day over the last four weeks. We only count; we do not store who saw the vacancy.";
    StatsChartLabel => "Kurve over visninger, gemte og ansøgninger pr. dag; tallene står i tabellen nedenfor.", "Chart of views, saves and applications per day; the numbers are in the table below.";
    StatsDay => "Dag", "Day";
    StatsViews => "Visninger", "Views";
    StatsSaves => "Gemt", "Saved";
    StatsApplied => "Søgt", "Applied";
    StatsTotal => "I alt", "Total";
    ReportIntro => "Fortæl os, hvis et opslag er svindel, diskriminerer eller ikke er et rigtigt job. En medarbejder ser på det, og arbejdsgiveren får ikke at vide, hvem du er.", "Tell us if a vacancy is a scam, discriminates or is not a real job. A member of staff looks at it, and the employer is not told who you are.";
    FieldReportReason => "Hvad er der galt?", "What is wrong?";
    FieldReportDetails => "Uddyb gerne (valgfri)", "Tell us more (optional)";
    SubmitReport => "Send anmeldelsen", "Send the report";
    ReportThanks => "Tak. Din anmeldelse er modtaget, og en medarbejder ser på den.", "Thank you. Your report has been received, and a member of staff will look at it.";
    ReportsHeading => "Anmeldte stillingsopslag", "Reported vacancies";
    ReportsEmpty => "Ingen anmeldelser venter.", "No reports are waiting.";
    FieldHideNote => "Besked til arbejdsgiveren om hvorfor", "Message to the employer about why";
    HideVacancy => "Skjul opslaget", "Hide the vacancy";
    DismissReports => "Afvis anmeldelserne", "Dismiss the reports";
    ReportsHandled => "Anmeldelserne er behandlet.", "The reports have been handled.";
    ErrHideNoteMissing => "Skriv til arbejdsgiveren, hvorfor opslaget skjules.", "Tell the employer why the vacancy is hidden.";
    ErrAlreadyReported => "Du har allerede anmeldt dette opslag.", "You have already reported this vacancy.";
    ErrReportLimit => "Du har anmeldt mange opslag i dag. Prøv igen i morgen.", "You have reported many vacancies today. Try again tomorrow.";
    NavReports => "Anmeldelser", "Reports";
    AdminUsersHeading => "Opret medarbejder", "Create a staff account";
    AdminUsersIntro => "Opret jobkonsulenter og administratorer. Giv dem adgangskoden på en sikker måde; de kan logge ud alle steder fra deres konto.", "Create caseworkers and administrators. Hand over the password safely; they can sign out everywhere from their account.";
    FieldStaffRole => "Rolle", "Role";
    FieldWorkMunicipality => "Kommune (for jobkonsulenter)", "Municipality (for caseworkers)";
    FieldInitialPassword => "Første adgangskode", "First password";
    SubmitCreateUser => "Opret medarbejder", "Create staff account";
    UserCreated => "Medarbejderen er oprettet.", "The staff account has been created.";
    ErrRoleMissing => "Vælg en rolle.", "Choose a role.";
    ErrSignInFailed => "E-mailadressen eller adgangskoden er forkert.", "The e-mail address or the password is wrong.";
    ErrCodeFormat => "Skriv de 6 cifre, som din app viser, eller en af dine gendannelseskoder.", "Type the 6 digits your app shows, or one of your recovery codes.";
    ErrCodeWrong => "Koden er forkert eller for gammel. Skriv den kode, din app viser nu.", "The code is wrong or too old. Type the code your app shows now.";
    ErrCodeUsed => "Koden er allerede brugt. Vent på den næste kode fra din app.", "That code has been used. Wait for the next code from your app.";
    ErrCodeNotRecovery => "Skriv de 6 cifre, som din app viser. En gendannelseskode bruges kun, når du logger ind.", "Type the 6 digits your app shows. A recovery code is only for signing in.";
    ErrCodeTooLate => "Der gik for lang tid. Log ind med din adgangskode igen.", "It took too long. Sign in with your password again.";
    CodeHeading => "Log ind: kode fra din app", "Sign in: code from your app";
    CodeIntro => "Du ser borgeres oplysninger, så du logger ind med både adgangskode og en kode fra godkendelsesappen på din telefon. Har du ikke telefonen, kan du bruge en af dine gendannelseskoder.", "You see citizens' data, so you sign in with both your password and a code from the authenticator app on your phone. Without your phone, you can use one of your recovery codes.";
    FieldCode => "Kode", "Code";
    FieldCodeHint => "6 cifre fra appen, eller en gendannelseskode", "6 digits from the app, or a recovery code";
    FieldAppCodeHint => "De 6 cifre, som appen viser lige nu", "The 6 digits the app shows right now";
    SubmitCode => "Fortsæt", "Continue";
    SecondFactorHeading => "Totrinsbekræftelse", "Two-step verification";
    SecondFactorIntro => "Som medarbejder ser du borgeres oplysninger. Derfor logger du ind med både adgangskode og en kode fra en godkendelsesapp på din telefon. Sæt den op, før du går videre.", "As staff you see citizens' data, so you sign in with both your password and a code from an authenticator app on your phone. Set it up before you go on.";
    SecondFactorStepApp => "Hent en godkendelsesapp til din telefon, hvis du ikke har en (fx Microsoft Authenticator, Google Authenticator eller FreeOTP).", "Get an authenticator app for your phone if you have none (for example Microsoft Authenticator, Google Authenticator or FreeOTP).";
    SecondFactorStepScan => "Tilføj en konto i appen: scan QR-koden, eller skriv nøglen ind.", "Add an account in the app: scan the QR code, or type in the key.";
    SecondFactorStepCode => "Skriv den kode på 6 cifre, som appen nu viser.", "Type the 6-digit code the app now shows.";
    SecondFactorQrLabel => "QR-kode med nøglen til din godkendelsesapp", "QR code with the key for your authenticator app";
    SecondFactorKeyLabel => "Nøgle:", "Key:";
    SecondFactorOpenApp => "Åbn i godkendelsesappen (på telefonen)", "Open in the authenticator app (on the phone)";
    SubmitConfirmCode => "Slå totrinsbekræftelse til", "Turn on two-step verification";
    SecondFactorOn => "Totrinsbekræftelse er slået til. Du logger ind med adgangskode og en kode fra din app.", "Two-step verification is on. You sign in with your password and a code from your app.";
    RecoveryCodesHeading => "Dine gendannelseskoder", "Your recovery codes";
    RecoveryCodesIntro => "Gem kodene et sikkert sted, fx udskrevet og låst inde. Hver kode kan bruges én gang i stedet for koden fra appen, hvis du mister din telefon. Kodene vises kun, indtil du bekræfter, at du har gemt dem.", "Keep the codes somewhere safe, for example printed and locked away. Each code can be used once instead of the app's code if you lose your phone. The codes are shown only until you confirm that you have kept them.";
    RecoveryCodesKept => "Jeg har gemt kodene", "I have kept the codes";
    RecoveryCodesSaved => "Dine gendannelseskoder er gemt.", "Your recovery codes are kept.";
    NewRecoveryCodesHeading => "Nye gendannelseskoder", "New recovery codes";
    NewRecoveryCodesIntro => "Har du brugt eller mistet dine gendannelseskoder, kan du få nye. De gamle holder op med at virke.", "If you have used or lost your recovery codes, you can get new ones. The old ones stop working.";
    NewRecoveryCodes => "Lav nye gendannelseskoder", "Make new recovery codes";
    NavSecondFactor => "Totrinsbekræftelse", "Two-step verification";
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
    PurposeRecruitment => "Rekruttering: en arbejdsgiver leder efter medarbejdere", "Recruitment: an employer looking for staff";
    AccessLogHeading => "Hvem har set mine oplysninger", "Who has seen my data";
    AccessLogIntro => "Her kan du se, hvornår medarbejdere i jobcentret har set eller ændret dine oplysninger, og hvorfor, og hvilke arbejdsgivere der har åbnet dit CV.", "Here you can see when jobcentre staff have viewed or changed your data, and why, and which employers opened your CV.";
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
    // Jobseeker self-service: navigation and Min side
    NavOverview => "Min side", "My page";
    NavCv => "Mit CV", "My CV";
    NavJoblog => "Joblog", "Job log";
    NavAvailability => "Rådighed", "Availability";
    NavCheck => "Tjek jobforslag", "Check job suggestions";
    JobseekerNav => "Dine sider", "Your pages";
    OverviewIntro => "Her kan du se, hvor du står, og hvad du skal gøre nu.", "Here you can see where you stand and what to do next.";
    CvStatusHeading => "Dit CV", "Your CV";
    CvSearchableYes => "Dit CV er synligt for arbejdsgivere.", "Your CV is visible to employers.";
    CvSearchableNo => "Dit CV er ikke synligt for arbejdsgivere, før det er udfyldt.", "Your CV is not visible to employers until it is complete.";
    CvHiddenSick => "Dit CV er skjult for arbejdsgivere, mens du er meldt syg.", "Your CV is hidden from employers while you are reported sick.";
    CvMissingLabel => "Mangler", "Missing";
    CvDeadlineLabel => "Frist for at gøre dit CV færdigt", "Deadline for completing your CV";
    CvDeadlinePassed => "Fristen er overskredet. Udfyld det, der mangler, så hurtigt du kan.", "The deadline has passed. Fill in what is missing as soon as you can.";
    GoToCv => "Gå til dit CV", "Go to your CV";
    JoblogOnTrack => "Du lever op til kravet.", "You meet the requirement.";
    JoblogInactive => "Du har ikke registreret aktiviteter i over 30 dage. Jobcentret kan kontakte dig.", "You have not logged any activity for over 30 days. The jobcentre may contact you.";
    GoToJoblog => "Gå til din joblog", "Go to your job log";
    CheckDueLabel => "Næste frist for at tjekke jobforslag", "Next deadline for checking job suggestions";
    CheckDueToday => "Fristen er i dag.", "The deadline is today.";
    GoToCheck => "Se dine jobforslag", "See your job suggestions";
    StatusAvailable => "Du står til rådighed", "You are available";
    GoToAvailability => "Gå til rådighed", "Go to availability";
    NotificationsHeading => "Beskeder", "Messages";
    NotificationsEmpty => "Du har ingen beskeder.", "You have no messages.";
    MarkAllRead => "Markér alle som læst", "Mark all as read";
    Unread => "Ny", "New";
    SuggestionsHeading => "Job til dig", "Jobs for you";
    SuggestionsEmpty => "Tilføj de job, du søger, til dit CV, så finder vi forslag til dig.", "Add the jobs you are looking for to your CV, and we will find suggestions for you.";
    MatchesYourWish => "matcher dit ønske", "matches your wish";
    MeetingsHeading => "Møder", "Meetings";
    MeetingsNone => "Du har ingen planlagte møder med jobcentret.", "You have no meetings planned with the jobcentre.";
    NoticeCheckReminder => "Husk at tjekke dine jobforslag. Fristen er", "Remember to check your job suggestions. The deadline is";
    NoticeCheckMissed => "Du nåede ikke at tjekke dine jobforslag. Du har fået ny frist", "You did not check your job suggestions in time. Your new deadline is";
    NoticeCheckEscalated => "Du har ikke tjekket dine jobforslag tre gange inden for 12 måneder. En jobkonsulent ser på din sag og kontakter dig. Der sker ikke noget automatisk med din ydelse.", "You have missed checking your job suggestions three times within 12 months. A caseworker will look at your case and contact you. Nothing happens to your benefits automatically.";
    NoticeCvSearchable => "Dit CV er nu udfyldt og synligt for arbejdsgivere.", "Your CV is now complete and visible to employers.";
    // CV
    CvIntro => "Udfyld de dele, der er markeret som påkrævet. Så bliver dit CV synligt for arbejdsgivere.", "Fill in the parts marked as required. Then your CV becomes visible to employers.";
    CvContact => "Kontaktoplysninger", "Contact details";
    CvEducation => "Uddannelse", "Education";
    CvExperience => "Erhvervserfaring", "Work experience";
    CvSkills => "Kompetencer, sprog og kørekort", "Skills, languages and driving licence";
    CvOccupations => "Job jeg søger", "Jobs I am looking for";
    CvTerms => "Ansættelsesvilkår", "Terms of employment";
    CvRequiredPart => "påkrævet", "required";
    CvOptionalPart => "valgfri", "optional";
    CvNotFilled => "Ikke udfyldt endnu.", "Not filled in yet.";
    CvPrint => "Vis CV til udskrift", "Show CV for printing";
    PrintHint => "Brug browserens udskriv-funktion (Ctrl+P) for at udskrive eller gemme som PDF.", "Use your browser's print function (Ctrl+P) to print or save as PDF.";
    BackToCv => "Tilbage til dit CV", "Back to your CV";
    Edit => "Rediger", "Edit";
    Add => "Tilføj", "Add";
    Remove => "Slet", "Delete";
    Save => "Gem", "Save";
    Saved => "Dine ændringer er gemt.", "Your changes are saved.";
    Ongoing => "nu", "now";
    FieldShowEmail => "Vis min e-mailadresse på CV'et", "Show my e-mail address on the CV";
    FieldShowPhone => "Vis mit telefonnummer på CV'et", "Show my phone number on the CV";
    FieldSummary => "Kort om dig", "About you";
    FieldSummaryHint => "Et par linjer om, hvem du er, og hvad du kan.", "A few lines about who you are and what you can do.";
    FieldEducationTitle => "Uddannelse", "Education";
    FieldEducationPlace => "Skole eller uddannelsessted", "School or institution";
    FieldJobTitle => "Stilling", "Job title";
    FieldJobPlace => "Arbejdsgiver", "Employer";
    FieldFromYear => "Fra år", "From year";
    FieldToYear => "Til år", "To year";
    FieldToYearHint => "Lad feltet være tomt, hvis du stadig er i gang.", "Leave empty if it is ongoing.";
    FieldItemDescription => "Beskrivelse", "Description";
    FieldSkills => "Kompetencer", "Skills";
    FieldOneAPerLine => "Én pr. linje.", "One per line.";
    FieldLanguages => "Sprog", "Languages";
    FieldLicences => "Kørekort", "Driving licence";
    FieldLicencesHint => "Kategorier, fx B eller B, CE.", "Categories, e.g. B or B, CE.";
    FieldOccupation => "Job du søger", "Job you are looking for";
    FieldOccupationHint => "Skriv fx pædagog, og vælg fra listen.", "Type e.g. nurse, and choose from the list.";
    FieldHasEducation => "Jeg har en uddannelse inden for jobbet", "I have an education in this job";
    FieldLastWorked => "Sidste år, du arbejdede i jobbet", "Last year you worked in this job";
    FieldHoursPerWeek => "Timer om ugen", "Hours per week";
    FieldWorkTime => "Fuldtid eller deltid", "Full time or part time";
    FieldArea => "Område (kommune)", "Area (municipality)";
    FieldMaxTravel => "Højst transport hver vej (km)", "Longest travel each way (km)";
    WorkTimeFull => "Fuldtid", "Full time";
    WorkTimePart => "Deltid", "Part time";
    WorkTimeEither => "Fuldtid eller deltid", "Full or part time";
    DidYouMean => "Mente du", "Did you mean";
    Educated => "uddannet", "educated";
    LastWorkedIn => "sidst", "last";
    ErrPhoneInvalid => "Skriv et dansk telefonnummer med 8 cifre.", "Enter a Danish phone number of 8 digits.";
    ErrPhoneMissing => "Skriv dit telefonnummer, hvis det skal vises.", "Enter your phone number if it is to be shown.";
    ErrContactHidden => "Vælg mindst én måde, arbejdsgivere kan kontakte dig på.", "Choose at least one way employers can contact you.";
    ErrYearInvalid => "Skriv et årstal med 4 cifre, fx 2019.", "Enter a year with 4 digits, e.g. 2019.";
    ErrYearOrder => "Slutåret kan ikke ligge før startåret.", "The end year cannot be before the start year.";
    ErrTooLong => "Teksten er for lang. Gør den kortere.", "The text is too long. Make it shorter.";
    ErrItemTitleMissing => "Skriv navnet på uddannelsen eller stillingen.", "Enter the name of the education or job.";
    ErrItemPlaceMissing => "Skriv, hvor det var.", "Enter where it was.";
    ErrTooMany => "Du har nået det største antal. Slet en, før du tilføjer en ny.", "You have reached the maximum. Delete one before adding another.";
    ErrListTooLong => "Listen er for lang, eller en linje er over 80 tegn.", "The list is too long, or a line is over 80 characters.";
    ErrLicenceUnknown => "Skriv kørekortkategorier som B, C, CE eller D.", "Enter licence categories such as B, C, CE or D.";
    ErrOccupationMissing => "Skriv det job, du søger.", "Enter the job you are looking for.";
    ErrOccupationUnknown => "Vi kender ikke det job. Vælg et fra listen.", "We do not know that job. Choose one from the list.";
    ErrOccupationTwice => "Det job står allerede på din liste.", "That job is already on your list.";
    ErrHoursPerWeek => "Skriv et antal timer mellem 1 og 48.", "Enter a number of hours between 1 and 48.";
    ErrChooseOne => "Vælg en af mulighederne.", "Choose one of the options.";
    ErrTravelKm => "Skriv et antal kilometer mellem 0 og 500.", "Enter a number of kilometres between 0 and 500.";
    // Joblog
    JoblogIntro => "Skriv de job ned, du søger, og de aktiviteter, du deltager i. Jobcentret og din a-kasse kan se din joblog.", "Write down the jobs you apply for and the activities you take part in. The jobcentre and your unemployment fund can see your job log.";
    JoblogEmpty => "Du har ikke registreret noget endnu.", "You have not logged anything yet.";
    NewEntry => "Registrér ny aktivitet", "Log a new activity";
    EditEntry => "Ret aktivitet", "Edit activity";
    DeleteEntry => "Slet aktiviteten", "Delete the activity";
    EntrySaved => "Aktiviteten er gemt i din joblog.", "The activity is saved in your job log.";
    EntryDeleted => "Aktiviteten er slettet.", "The activity is deleted.";
    WeeksHeading => "Uge for uge", "Week by week";
    ActivitiesHeading => "Dine aktiviteter", "Your activities";
    Applications => "Ansøgninger", "Applications";
    Activities => "Aktiviteter i alt", "Activities in all";
    Week => "Uge", "Week";
    FieldKind => "Type", "Type";
    FieldDate => "Dato", "Date";
    FieldChannel => "Hvordan søgte du", "How you applied";
    FieldStatus => "Status", "Status";
    FieldNotes => "Noter", "Notes";
    FieldApplicationText => "Din ansøgning (tekst)", "Your application (text)";
    FieldFile => "Vedhæft ansøgning som fil", "Attach the application as a file";
    FieldFileHint => "PDF eller Word (.docx), højst 5 MB.", "PDF or Word (.docx), at most 5 MB.";
    Attach => "Vedhæft fil", "Attach file";
    Attachment => "Vedhæftet", "Attached";
    AttachmentSaved => "Filen er vedhæftet.", "The file is attached.";
    ChooseOption => "Vælg", "Choose";
    NotGiven => "Ikke angivet", "Not given";
    LogApplication => "Jeg har søgt jobbet", "I have applied for this job";
    SaveVacancy => "Gem jobbet i min joblog", "Save the job in my job log";
    FromVacancy => "Fra jobopslag", "From the vacancy";
    KindApplication => "Ansøgning", "Application";
    KindUnsolicited => "Uopfordret ansøgning", "Unsolicited application";
    KindSaved => "Gemt job", "Saved job";
    KindPlanned => "Planlagt ansøgning", "Planned application";
    KindNetwork => "Netværksmøde", "Network meeting";
    KindJobFair => "Jobmesse", "Job fair";
    KindInterview => "Jobsamtale", "Job interview";
    KindOther => "Andet", "Other";
    ChannelOnline => "Online", "Online";
    ChannelEmail => "E-mail", "E-mail";
    ChannelInPerson => "Personligt", "In person";
    ChannelPhone => "Telefon", "Phone";
    StatusPlanned => "Planlagt", "Planned";
    StatusSent => "Sendt", "Sent";
    StatusInterview => "Til samtale", "Interview";
    StatusRejected => "Afslag", "Rejected";
    StatusOffered => "Tilbudt job", "Offered";
    StatusHired => "Ansat", "Hired";
    ErrDateMissing => "Skriv en dato.", "Enter a date.";
    ErrDateInvalid => "Skriv datoen som dd-mm-åååå, fx 24-11-2026.", "Enter the date as dd-mm-yyyy, e.g. 24-11-2026.";
    ErrDateOutOfRange => "Datoen skal ligge inden for et år fra i dag.", "The date must be within a year of today.";
    ErrDateInFuture => "En sendt ansøgning kan ikke have en dato i fremtiden. Vælg status Planlagt, eller ret datoen.", "A sent application cannot be dated in the future. Choose status Planned, or correct the date.";
    ErrJobTitleMissing => "Skriv stillingens titel.", "Enter the job title.";
    ErrFileMissing => "Vælg en fil.", "Choose a file.";
    ErrFileTooBig => "Filen er for stor. Den må højst være 5 MB.", "The file is too large. It can be at most 5 MB.";
    ErrFileType => "Filen skal være en PDF eller et Word-dokument (.docx).", "The file must be a PDF or a Word document (.docx).";
    // Availability
    AvailabilityIntro => "Fortæl os, hvis du bliver syg, skal holde ferie eller kun kan arbejde deltid.", "Tell us if you fall ill, go on holiday, or can only work part time.";
    ReportSick => "Meld dig syg fra i dag", "Report sick from today";
    ReportWell => "Meld dig rask", "Report well";
    SickHeading => "Sygdom", "Sickness";
    SickNote => "Mens du er syg, er dit CV skjult, og du skal ikke tjekke jobforslag.", "While you are sick, your CV is hidden and you do not need to check job suggestions.";
    SickSince => "Du er meldt syg fra", "You are reported sick from";
    NotSick => "Du er ikke meldt syg.", "You are not reported sick.";
    HolidayHeading => "Ferie", "Holiday";
    FieldHolidayFrom => "Første feriedag", "First day of holiday";
    FieldHolidayTo => "Sidste feriedag", "Last day of holiday";
    RegisterHoliday => "Registrér ferie", "Register holiday";
    HolidaysPlanned => "Registreret ferie", "Registered holiday";
    HoursHeading => "Timer om ugen", "Hours per week";
    FieldAvailableHours => "Hvor mange timer om ugen står du til rådighed", "How many hours a week you are available";
    HistoryHeading => "Historik", "History";
    ReportedAt => "Registreret", "Reported";
    EventSick => "Meldt syg", "Reported sick";
    EventWell => "Meldt rask", "Reported well";
    EventHoliday => "Ferie registreret", "Holiday registered";
    EventHours => "Timer om ugen", "Hours per week";
    ErrHoursChoice => "Vælg 37 eller 30 timer.", "Choose 37 or 30 hours.";
    ErrHolidayNotice => "Ferie skal registreres mindst 14 dage før første feriedag.", "Holiday must be registered at least 14 days before the first day.";
    ErrHolidayTooLong => "Du kan højst registrere 6 ugers ferie ad gangen.", "You can register at most 6 weeks of holiday at a time.";
    ErrHolidayOverlap => "Du har allerede registreret ferie i den periode.", "You have already registered holiday in that period.";
    ErrDateOrder => "Sidste dag kan ikke ligge før første dag.", "The last day cannot be before the first day.";
    ErrAlreadySick => "Du er allerede meldt syg.", "You are already reported sick.";
    ErrNotSick => "Du er ikke meldt syg.", "You are not reported sick.";
    // Search filters
    FilterHeading => "Afgræns og sortér", "Filter and sort";
    FilterRegion => "Region", "Region";
    AllOfDenmark => "Hele Danmark", "All of Denmark";
    FilterMunicipality => "Kommune", "Municipality";
    FilterTime => "Arbejdstid", "Working hours";
    FilterPosted => "Slået op", "Posted";
    PostedAnyTime => "Når som helst", "Any time";
    FilterNear => "Afstand", "Distance";
    FilterNearPlace => "Nær ved", "Near";
    FilterNearHint => "Postnummer, by eller kommune, fx 8000 Aarhus C", "Postcode, town or municipality, e.g. 8000 Aarhus C";
    ErrPlaceUnknown => "Vi kender ikke det sted. Skriv et postnummer (fx 8000) eller navnet på en by eller kommune.", "We do not know that place. Enter a postcode (e.g. 8000) or the name of a town or municipality.";
    FilterRadius => "Inden for", "Within";
    SortLabel => "Sortér efter", "Sort by";
    SortRelevance => "Bedste match", "Best match";
    SortNewest => "Nyeste først", "Newest first";
    SortDeadline => "Ansøgningsfrist", "Application deadline";
    SortDistance => "Afstand", "Distance";
    ApplyFilters => "Vis job", "Show jobs";
    ClearFilters => "Nulstil filtre", "Clear filters";
    EmploymentPermanent => "Fast ansættelse", "Permanent";
    EmploymentTemporary => "Tidsbegrænset", "Temporary";
    EmploymentApprenticeship => "Elev eller lærling", "Apprenticeship";
    EmploymentStudent => "Studiejob", "Student job";
    FieldEmploymentType => "Ansættelsesform", "Type of employment";
    FieldVacancyMunicipality => "Kommune, hvor arbejdet er", "Municipality of the workplace";
    FieldVacancyMunicipalityHint => "Vælg kun, hvis den ikke følger af postnummeret.", "Choose only if it does not follow from the postcode.";
    MunicipalityFromPostcode => "Ud fra postnummeret", "From the postcode";
    FieldVacancyOccupation => "Fag (valgfrit)", "Occupation (optional)";
    FieldVacancyOccupationHint => "Hjælper jobsøgende med at finde stillingen. Skriv og vælg fra listen.", "Helps jobseekers find the vacancy. Type and choose from the list.";
    FilterEmployment => "Ansættelsesform", "Type of employment";
    FilterOccupation => "Fag", "Occupation";
    MapCaption => "Kort over jobbene på denne side,", "Map of the jobs on this page,";
    // Job agents
    NavAgents => "Jobagenter", "Job agents";
    AgentsIntro => "En jobagent holder øje med nye job, der passer til en søgning, og giver dig besked her på siden – og hvis du vil, i en daglig e-mail.", "A job agent watches for new jobs that match a search and tells you here – and, if you like, in a daily e-mail.";
    AgentsEmpty => "Du har ingen jobagenter. Søg efter job, og vælg \"Gem søgningen som jobagent\".", "You have no job agents. Search for jobs and choose \"Save the search as a job agent\".";
    SaveAsAgent => "Gem søgningen som jobagent", "Save the search as a job agent";
    FieldAgentName => "Navn på jobagenten", "Name of the job agent";
    AgentCreated => "Jobagenten er gemt. Du får besked, når der kommer nye job.", "The job agent is saved. You will be told when new jobs arrive.";
    AgentDeleted => "Jobagenten er slettet.", "The job agent is deleted.";
    DeleteAgent => "Slet jobagenten", "Delete the job agent";
    EmailOn => "Send mig en daglig e-mail", "Send me a daily e-mail";
    EmailOff => "Stop den daglige e-mail", "Stop the daily e-mail";
    EmailIsOn => "Daglig e-mail: til", "Daily e-mail: on";
    ShowSearch => "Vis søgningen", "Show the search";
    ReadMessage => "Læs beskeden", "Read the message";
    ErrAgentEmpty => "Søg efter noget først: skriv et ord eller vælg et filter.", "Search for something first: type a word or choose a filter.";
    // The 7-day check
    CheckIntro => "Hver 7. dag ser du de job, vi har fundet til dig, og bekræfter, at du søger job. Fristen springer weekender, helligdage og din ferie over.", "Every 7 days you look at the jobs we found for you and confirm that you are looking for work. The deadline skips weekends, public holidays and your holiday.";
    CheckGrace => "Hvis du glemmer fristen, får du en påmindelse og 7 dage mere. Ingen mister automatisk sin ydelse: ved tredje gang inden for 12 måneder ser en jobkonsulent på sagen.", "If you miss the deadline, you get a reminder and 7 more days. Nobody loses benefits automatically: the third time within 12 months, a caseworker looks at the case.";
    ConfirmCheck => "Jeg har set mine jobforslag og søger job", "I have seen my job suggestions and I am looking for work";
    CheckDone => "Tak. Du har set dine jobforslag og bekræftet, at du søger job.", "Thank you. You have seen your job suggestions and confirmed that you are looking for work.";
    CheckLastConfirmed => "Sidst bekræftet", "Last confirmed";
    CheckSickNote => "Du er meldt syg, så du skal ikke tjekke jobforslag nu.", "You are reported sick, so you do not need to check job suggestions now.";
    CheckConfirmedEvent => "Bekræftet", "Confirmed";
    CheckMissedEvent => "Frist overskredet", "Deadline missed";
    CheckEscalatedEvent => "Sendt til jobkonsulent", "Passed to a caseworker";
    // Escalations: reasons, states and what happens next
    ReasonHelpRequested => "Bad selv om hjælp", "Asked for help";
    ReasonChecksMissed => "Tre missede tjek af jobforslag inden for 12 måneder", "Three missed checks of job suggestions within 12 months";
    ReasonJoblogBehind => "Færre ansøgninger end kravet to uger i træk", "Fewer applications than required two weeks in a row";
    ReasonJoblogInactive => "Ingen aktivitet i jobloggen i 30 dage", "No joblog activity for 30 days";
    ReasonCvIncomplete => "CV ikke færdigt 14 dage efter tilmelding", "CV not complete 14 days after registration";
    ReasonPeriodEnded => "Perioden med selvbetjening er slut", "The self-service period has ended";
    ReasonScreening => "Screening ved tilmelding", "Screening at registration";
    EscalationOpen => "Venter på jobkonsulent", "Waiting for a caseworker";
    EscalationResolved => "Afsluttet – tilbage til selvbetjening", "Closed – back to self-service";
    EscalationCaseworkerTrack => "Afsluttet – forløb med jobkonsulent", "Closed – caseworker-led track";
    TrackSelfService => "Selvbetjening", "Self-service";
    TrackCaseworker => "Forløb med jobkonsulent", "Caseworker-led track";
    NextHelpRequested => "En jobkonsulent kontakter dig, normalt inden for 2 arbejdsdage. Du kan skrive til jobcentret imens.", "A caseworker will contact you, usually within 2 working days. You can write to the jobcentre meanwhile.";
    NextChecksMissed => "En jobkonsulent ser på din sag og kontakter dig. Der sker ikke noget automatisk med din ydelse.", "A caseworker will look at your case and contact you. Nothing happens to your benefits automatically.";
    NextJoblog => "En jobkonsulent kontakter dig for at hjælpe med din jobsøgning. Der sker ikke noget automatisk med din ydelse.", "A caseworker will contact you to help with your job search. Nothing happens to your benefits automatically.";
    NextCv => "En jobkonsulent kontakter dig og kan hjælpe dig med at gøre dit CV færdigt.", "A caseworker will contact you and can help you finish your CV.";
    NextPeriodEnded => "En jobkonsulent kontakter dig, så I sammen kan planlægge den næste tid.", "A caseworker will contact you so that you can plan the time ahead together.";
    NextScreening => "En jobkonsulent kontakter dig, så du får den hjælp, du har brug for.", "A caseworker will contact you so that you get the help you need.";
    NoticeEscalated => "Jobcentret er sat på din sag. Årsag:", "The jobcentre is looking at your case. Reason:";
    NoticeEscalationClosed => "Jobkonsulenten har afsluttet din sag", "The caseworker has closed your case";
    NoticeMessage => "Du har fået en besked fra jobcentret.", "You have a message from the jobcentre.";
    NoticeMeeting => "Jobcentret har booket et møde med dig", "The jobcentre has booked a meeting with you";
    NoticeMeetingCancelled => "Jobcentret har aflyst mødet", "The jobcentre has cancelled the meeting on";
    CancelMeeting => "Aflys mødet", "Cancel the meeting";
    ScreeningHeading => "Et par spørgsmål om dig", "A few questions about you";
    ScreeningIntro => "Dine svar hjælper jobcentret med at give dig den rette hjælp. Det tager et minut, og svarene ses kun af dig og jobcentret.", "Your answers help the jobcentre give you the right help. It takes a minute, and only you and the jobcentre see the answers.";
    ScreeningPrompt => "Start her: svar på 5 korte spørgsmål, så vi kan give dig den rette hjælp.", "Start here: answer 5 short questions so that we can give you the right help.";
    QTimeToJob => "Hvornår regner du med at være i job?", "When do you expect to be in work?";
    TimeToJobSoon => "Inden for 3 måneder", "Within 3 months";
    TimeToJobMonths => "Om 3 til 6 måneder", "In 3 to 6 months";
    TimeToJobLong => "Om mere end 6 måneder", "In more than 6 months";
    TimeToJobUnsure => "Ved ikke", "Don't know";
    QHealth => "Begrænser dit helbred, hvilket arbejde du kan tage?", "Does your health limit the work you can take?";
    HealthNone => "Nej", "No";
    HealthSome => "Lidt", "A little";
    HealthMuch => "Meget", "A lot";
    QWantsHelp => "Vil du gerne tale med en jobkonsulent nu?", "Would you like to talk to a caseworker now?";
    AnswerYes => "Ja", "Yes";
    AnswerNo => "Nej", "No";
    QLanguage => "Hvor godt læser og skriver du dansk?", "How well do you read and write Danish?";
    LanguageGood => "Godt", "Well";
    LanguageSome => "Nogenlunde", "Fairly well";
    LanguageLittle => "Lidt", "A little";
    QDigital => "Hvor sikker er du på at bruge computer og internet?", "How confident are you using a computer and the internet?";
    DigitalConfident => "Sikker", "Confident";
    DigitalSome => "Nogenlunde", "Fairly";
    DigitalNotConfident => "Usikker", "Not confident";
    FlagWantsHelp => "ønsker at tale med en jobkonsulent", "wants to talk to a caseworker";
    FlagHealth => "helbredet begrænser meget", "health limits a lot";
    FlagLongWay => "forventer mere end 6 måneder til job", "expects more than 6 months to a job";
    FlagLanguageDigital => "lidt dansk og nogenlunde IT", "little Danish and fair IT skills";
    FlagDigital => "usikker på IT", "not confident with IT";
    SendAnswers => "Send svar", "Send answers";
    ScreeningSelfService => "Tak. Du klarer din jobsøgning her i Jobunivers, og du kan altid bede om hjælp.", "Thank you. You handle your job search here in Jobunivers, and you can always ask for help.";
    ScreeningCaseworker => "Tak. Ud fra dine svar kontakter en jobkonsulent dig, normalt inden for 2 arbejdsdage.", "Thank you. Based on your answers, a caseworker will contact you, usually within 2 working days.";
    ScreeningAnswersHeading => "Svar ved tilmelding", "Answers at registration";
    ScreeningNotAnswered => "Ikke besvaret endnu.", "Not answered yet.";
    ScreeningRoute => "Vurdering", "Assessment";
    NavRules => "Regler for eskalering", "Escalation rules";
    RulesHeading => "Regler for eskalering", "Escalation rules";
    RulesIntro => "Hvornår en borger sendes fra selvbetjening til en jobkonsulent. Hver ændring gemmes som en ny version med hvem, hvornår og hvorfor.", "When a citizen is passed from self-service to a caseworker. Every change is kept as a new version with who, when and why.";
    RulesDefaultsApply => "Standardreglerne gælder.", "The default rules apply.";
    RulesVersionLabel => "Version", "Version";
    RulesChangedBy => "Ændret af", "Changed by";
    RulesChangedAt => "Tidspunkt", "When";
    RulesNote => "Begrundelse", "Reason";
    RuleMissedChecks => "Missede tjek inden for 12 måneder, der eskalerer", "Missed checks within 12 months that escalate";
    RuleBehindWeeks => "Uger i træk under joblogkravet, der eskalerer", "Weeks in a row below the joblog requirement that escalate";
    RuleSelfServiceWeeks => "Længde af selvbetjeningsperioden (uger)", "Length of the self-service period (weeks)";
    RuleServiceLevel => "Frist for jobkonsulenten (arbejdsdage)", "Caseworker's deadline (working days)";
    RuleQuietDays => "Dage før samme årsag kan eskalere igen efter afslutning", "Days before the same reason may escalate again after closing";
    SaveRules => "Gem ny version", "Save new version";
    RulesSaved => "Reglerne er gemt som en ny version.", "The rules are saved as a new version.";
    ShowMunicipality => "Vis kommune", "Show municipality";
    ErrRuleRange => "Skriv et helt tal inden for det tilladte interval.", "Enter a whole number within the allowed range.";
    ErrRuleNoteMissing => "Skriv, hvorfor reglerne ændres.", "Write why the rules change.";
    JobcentreHeading => "Jobcentret", "The jobcentre";
    JobcentreOnCase => "Jobcentret er sat på din sag", "The jobcentre is looking at your case";
    WhyLabel => "Hvorfor", "Why";
    WhatNextLabel => "Hvad sker der nu", "What happens next";
    ClosedWith => "Jobkonsulentens besked", "The caseworker's message";
    // Help and messages (citizen)
    NavHelp => "Få hjælp", "Get help";
    HelpHeading => "Få hjælp fra jobcentret", "Get help from the jobcentre";
    HelpIntro => "Har du brug for hjælp til din jobsøgning, kan du bede jobcentret om at kontakte dig. Skriv gerne, hvad det drejer sig om.", "If you need help with your job search, you can ask the jobcentre to contact you. Feel free to write what it is about.";
    FieldHelpMessage => "Besked til jobcentret (valgfri)", "Message to the jobcentre (optional)";
    AskForHelp => "Bed om hjælp", "Ask for help";
    HelpSent => "Vi har givet jobcentret besked. En jobkonsulent kontakter dig normalt inden for 2 arbejdsdage.", "We have told the jobcentre. A caseworker will usually contact you within 2 working days.";
    NavMessages => "Beskeder", "Messages";
    MessagesIntro => "Her skriver du med jobcentret. Du får svar her på siden.", "Here you write with the jobcentre. You get answers here on this page.";
    MessagesEmpty => "Ingen beskeder endnu.", "No messages yet.";
    FieldMessage => "Besked", "Message";
    SendMessage => "Send besked", "Send message";
    MessageSent => "Din besked er sendt.", "Your message has been sent.";
    UnreadCount => "ulæste", "unread";
    FromJobcentre => "Jobcentret", "The jobcentre";
    FromYou => "Dig", "You";
    ErrMessageMissing => "Skriv en besked.", "Write a message.";
    ErrMessageTooLong => "Teksten er for lang. Den må højst være 4.000 tegn.", "The text is too long. It can be at most 4,000 characters.";
    // Meetings
    MeetingsEmpty => "Ingen møder.", "No meetings.";
    MeetingInPerson => "Fremmøde", "In person";
    MeetingPhone => "Telefon", "Phone";
    MeetingVideo => "Video", "Video";
    MeetingBooked => "Venter på din bekræftelse", "Waiting for your confirmation";
    MeetingConfirmed => "Bekræftet", "Confirmed";
    MeetingCancelled => "Aflyst", "Cancelled";
    ConfirmMeeting => "Bekræft mødet", "Confirm the meeting";
    MeetingConfirmedNote => "Mødet er bekræftet.", "The meeting is confirmed.";
    MeetingWith => "med", "with";
    MeetingPhoneNote => "Jobkonsulenten ringer til dig.", "The caseworker will call you.";
    FieldMeetingKind => "Mødeform", "Kind of meeting";
    FieldMeetingDate => "Dato", "Date";
    FieldMeetingTime => "Klokkeslæt", "Time";
    FieldMeetingTimeHint => "Fx 10.00", "E.g. 10.00";
    FieldMeetingPlace => "Sted, link eller telefonnummer", "Place, link or phone number";
    FieldMeetingPlaceHint => "Adresse ved fremmøde, https-link ved video. Ved telefon: tomt ringer til borgerens nummer.", "An address in person, an https link for video. For phone: empty calls the citizen's number.";
    ChooseOne => "Vælg", "Choose";
    BookMeeting => "Book møde", "Book meeting";
    ErrTimeMissing => "Skriv et klokkeslæt.", "Enter a time.";
    ErrTimeInvalid => "Skriv klokkeslættet som tt.mm, fx 10.00.", "Enter the time as hh.mm, e.g. 10.00.";
    ErrMeetingInPast => "Mødet skal ligge ude i fremtiden.", "The meeting must be in the future.";
    ErrMeetingPlaceMissing => "Skriv adressen på mødestedet.", "Enter the address of the meeting place.";
    ErrMeetingLinkInvalid => "Skriv et link til videomødet, der starter med https://.", "Enter a link to the video meeting starting with https://.";
    // The caseworker's workspace
    NavQueue => "Opgaver", "Work queue";
    NavCitizens => "Find borger", "Find citizen";
    NavDashboard => "Overblik", "Overview";
    QueueHeading => "Opgaver: borgere, der har brug for en jobkonsulent", "Work queue: citizens who need a caseworker";
    QueueEmpty => "Ingen åbne opgaver her.", "No open tasks here.";
    QueueCitizen => "Borger", "Citizen";
    QueueReason => "Årsag", "Reason";
    QueueAge => "Ventet", "Waiting";
    QueueDue => "Frist", "Due";
    QueueAssigned => "Ansvarlig", "Assigned to";
    QueueOverdue => "overskredet", "overdue";
    QueueNobody => "Ingen", "Nobody";
    QueueAnyReason => "Alle årsager", "All reasons";
    QueueWho => "Vis", "Show";
    QueueWhoAll => "Alle opgaver", "All tasks";
    QueueWhoMine => "Mine opgaver", "My tasks";
    QueueWhoUnassigned => "Opgaver uden ansvarlig", "Unassigned tasks";
    QueueSortDue => "Frist først", "Due first";
    QueueSortAge => "Ældste først", "Oldest first";
    ShowTasks => "Vis opgaver", "Show tasks";
    ClaimTask => "Tag opgaven", "Take the task";
    AssignTo => "Giv opgaven til", "Assign the task to";
    Assign => "Giv videre", "Assign";
    OpenCase => "Åbn borgerens sag", "Open the citizen's case";
    CaseworkerOpen => "Åbne opgaver", "Open tasks";
    CaseworkerEarlier => "Tidligere", "Earlier";
    JournalHeading => "Journal", "Journal";
    JournalEmpty => "Ingen notater.", "No notes.";
    FieldNote => "Notat", "Note";
    AddNote => "Gem notat", "Save note";
    ResolveHeading => "Afslut opgaverne", "Close the tasks";
    FieldResolution => "Besked til borgeren om, hvad der er aftalt", "Message to the citizen about what was agreed";
    ResolveToSelfService => "Afslut og send tilbage til selvbetjening", "Close and hand back to self-service";
    MoveToCaseworkerTrack => "Flyt til forløb med jobkonsulent", "Move to a caseworker-led track";
    ErrResolutionMissing => "Skriv, hvad der er aftalt. Borgeren ser beskeden.", "Write what was agreed. The citizen sees the message.";
    NothingOpen => "Der er ingen åbne opgaver for borgeren.", "The citizen has no open tasks.";
    CaseSaved => "Gemt.", "Saved.";
    TrackLabel => "Forløb", "Track";
    CvHeadingShort => "CV", "CV";
    JoblogHeadingShort => "Joblog", "Joblog";
    ChecksHeading => "Tjek af jobforslag", "Checks of job suggestions";
    AvailabilityHeadingShort => "Rådighed", "Availability";
    ApplicationsLastWeeks => "ansøgninger de sidste 4 uger, krav", "applications in the last 4 weeks, required";
    DaysWord => "dage", "days";
    MedianToClose => "Mediantid fra eskalering til afslutning, dage", "Median time from escalation to closing, days";
    ClosedCount => "afsluttede", "closed";
    ChartTracks => "Borgere: selvbetjening og forløb med jobkonsulent", "Citizens: self-service and caseworker-led";
    ChartOpenByReason => "Åbne eskaleringer efter årsag", "Open escalations by reason";
    ChartOpenByAge => "Åbne eskaleringer efter alder", "Open escalations by age";
    DashboardHeading => "Overblik over jobcentrets borgere", "Overview of the jobcentre's citizens";
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

/// One decimal the reader's way: "2,5" in Danish, "2.5" in English.
pub fn decimal(lang: Lang, x: f64) -> String {
    let s = format!("{x:.1}");
    if lang == Lang::Da {
        s.replace('.', ",")
    } else {
        s
    }
}

/// "1 ulæst besked" / "3 ulæste beskeder".
pub fn unread_messages(lang: Lang, n: i64) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 ulæst besked".to_string(),
        (Lang::Da, _) => format!("{n} ulæste beskeder"),
        (Lang::En, 1) => "1 unread message".to_string(),
        (Lang::En, _) => format!("{n} unread messages"),
    }
}

/// "1 dag" / "3 dage".
pub fn days(lang: Lang, n: i64) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 dag".to_string(),
        (Lang::Da, _) => format!("{n} dage"),
        (Lang::En, 1) => "1 day".to_string(),
        (Lang::En, _) => format!("{n} days"),
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
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

const MONTHS_DA: [&str; 12] =
    ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

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
    let local = at + chrono::Duration::hours(crate::time::danish_offset_hours(at));
    match lang {
        Lang::Da => format!("{} kl. {:02}.{:02}", date(lang, local.date_naive()), local.hour(), local.minute()),
        Lang::En => format!("{} at {:02}:{:02}", date(lang, local.date_naive()), local.hour(), local.minute()),
    }
}

/// "12 kandidater".
pub fn candidate_count(lang: Lang, n: u64) -> String {
    let num = format_number(lang, n);
    match (lang, n) {
        (Lang::Da, 1) => format!("{num} kandidat"),
        (Lang::Da, _) => format!("{num} kandidater"),
        (Lang::En, 1) => format!("{num} candidate"),
        (Lang::En, _) => format!("{num} candidates"),
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
/// "Trin 1 af 2": where a person is in a flow of several pages.
pub fn step_of(lang: Lang, n: usize, total: usize) -> String {
    match lang {
        Lang::Da => format!("Trin {n} af {total}"),
        Lang::En => format!("Step {n} of {total}"),
    }
}

pub fn error_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "Der er 1 fejl i formularen.".into(),
        (Lang::Da, n) => format!("Der er {n} fejl i formularen."),
        (Lang::En, 1) => "There is 1 error in the form.".into(),
        (Lang::En, n) => format!("There are {n} errors in the form."),
    }
}

/// "2 ansøgninger mangler" in a sentence: the progress against the requirement.
pub fn joblog_progress(lang: Lang, applications: u32, weeks: u32, per_week: f64) -> String {
    let per = format!("{per_week}");
    match lang {
        Lang::Da => format!(
            "Du har registreret {applications} {} de seneste {weeks} uger. Kravet er i gennemsnit {} om ugen.",
            if applications == 1 { "ansøgning" } else { "ansøgninger" },
            per.replace('.', ",")
        ),
        Lang::En => format!(
            "You have logged {applications} {} in the last {weeks} weeks. The requirement is {per} a week on average.",
            if applications == 1 { "application" } else { "applications" }
        ),
    }
}

/// "Du mangler 2 ansøgninger for at leve op til kravet."
pub fn joblog_missing(lang: Lang, missing: u32) -> String {
    match (lang, missing) {
        (Lang::Da, 1) => "Du mangler 1 ansøgning for at leve op til kravet.".into(),
        (Lang::Da, n) => format!("Du mangler {n} ansøgninger for at leve op til kravet."),
        (Lang::En, 1) => "You need 1 more application to meet the requirement.".into(),
        (Lang::En, n) => format!("You need {n} more applications to meet the requirement."),
    }
}

/// "Dit CV er 60 % udfyldt."
pub fn cv_percent(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::Da => format!("Dit CV er {percent} % udfyldt."),
        Lang::En => format!("Your CV is {percent}% complete."),
    }
}

/// "37 timer om ugen".
pub fn hours_a_week(lang: Lang, h: u8) -> String {
    match lang {
        Lang::Da => format!("{h} timer om ugen"),
        Lang::En => format!("{h} hours a week"),
    }
}

/// "1. december 2026 – 4. december 2026".
pub fn period(lang: Lang, from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    format!("{} – {}", date(lang, from), date(lang, to))
}

/// "Det seneste døgn", "De seneste 7 dage".
pub fn posted_within(lang: Lang, days: u32) -> String {
    match (lang, days) {
        (Lang::Da, 1) => "Det seneste døgn".into(),
        (Lang::Da, d) => format!("De seneste {d} dage"),
        (Lang::En, 1) => "The last 24 hours".into(),
        (Lang::En, d) => format!("The last {d} days"),
    }
}

/// "inden for 50 km af Aarhus".
pub fn within_km_of(lang: Lang, km: u32, place: &str) -> String {
    match lang {
        Lang::Da => format!("inden for {km} km af {place}"),
        Lang::En => format!("within {km} km of {place}"),
    }
}

/// "ca. 12 km" — between postcode centres, so never more precise than that.
pub fn distance(lang: Lang, km: f64) -> String {
    let km = km.round() as u64;
    match lang {
        Lang::Da => format!("ca. {km} km"),
        Lang::En => format!("about {km} km"),
    }
}

/// "Jobagenten »Kok i Aarhus« har fundet 3 nye job."
/// The notice that a saved search now names the region its old ones became.
pub fn agent_region_moved(
    lang: Lang,
    agent: &str,
    from: &[crate::region::Region],
    to: crate::region::Region,
    on: chrono::NaiveDate,
) -> String {
    let names: Vec<&str> = from.iter().map(|r| r.name(lang)).collect();
    let joined = names.join(if lang == Lang::Da { " og " } else { " and " });
    match lang {
        Lang::Da => format!(
            "Din jobagent »{agent}« søger nu i {}: {joined} blev en del af den {}. Du finder de samme job som før.",
            to.name(lang),
            date(lang, on)
        ),
        Lang::En => format!(
            "Your job agent \"{agent}\" now searches {}: {joined} became part of it on {}. You will find the same jobs as before.",
            to.name(lang),
            date(lang, on)
        ),
    }
}

pub fn agent_matches(lang: Lang, agent: &str, n: u64) -> String {
    match (lang, n) {
        (Lang::Da, 1) => format!("Jobagenten »{agent}« har fundet 1 nyt job."),
        (Lang::Da, n) => format!("Jobagenten »{agent}« har fundet {n} nye job."),
        (Lang::En, 1) => format!("The job agent \"{agent}\" found 1 new job."),
        (Lang::En, n) => format!("The job agent \"{agent}\" found {n} new jobs."),
    }
}

pub fn recovery_codes_left(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "Du har 1 ubrugt gendannelseskode.".to_string(),
        (Lang::Da, n) => format!("Du har {n} ubrugte gendannelseskoder."),
        (Lang::En, 1) => "You have 1 unused recovery code.".to_string(),
        (Lang::En, n) => format!("You have {n} unused recovery codes."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for (_, msg) in Msg::KEYS {
            assert!(!msg.da().trim().is_empty(), "{msg:?} has no Danish text");
            assert!(!msg.en().trim().is_empty(), "{msg:?} has no English text");
        }
    }

    #[test]
    fn a_text_travels_by_its_name_and_comes_back() {
        for (i, (key, msg)) in Msg::KEYS.iter().enumerate() {
            assert_eq!(*msg as usize, i, "the table and the enum agree");
            assert_eq!(msg.key(), *key);
            let json = serde_json::to_string(msg).unwrap();
            assert_eq!(json, format!("\"{key}\""));
            assert_eq!(serde_json::from_str::<Msg>(&json).unwrap(), *msg);
        }
        assert!(serde_json::from_str::<Msg>("\"NoSuchText\"").is_err());
        assert!(serde_json::from_str::<Msg>("7").is_err());
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
