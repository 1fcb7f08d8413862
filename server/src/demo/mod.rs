//! Realistic Danish demo vacancies, spread over the 98 municipalities by population.
//! All employers, people and web addresses are made up (addresses use the reserved
//! `.example` domain); the same seed always gives the same data.

use app::domain::account::Role;
use app::domain::municipality::{self, Municipality};
use app::domain::postcode;
use app::domain::vacancy::NewVacancy;
use app::error::AppError;
use app::ssr::clock::Clock;
use app::ssr::db::Db;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::distr::weighted::WeightedIndex;
use rand::distr::Distribution;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

pub mod citizens;
pub mod company;

pub const DEFAULT_COUNT: usize = 2_500;
pub const DEFAULT_SEED: u64 = 20_261_123;

/// A line of work: titles people search for, who employs them, and what the
/// adverts say.
struct Trade {
    titles: &'static [&'static str],
    employers: &'static [&'static str],
    tasks: &'static [&'static str],
    profile: &'static [&'static str],
    hours: &'static [f64],
}

pub(crate) const SURNAMES: &[&str] = &[
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Lund",
    "Holm",
    "Iversen",
    "Berg",
    "Dam",
];
pub(crate) const FIRST_NAMES: &[&str] = &[
    "Anne", "Mette", "Hanne", "Lise", "Maria", "Camilla", "Sofie", "Peter", "Jens", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Mads",
    "Ahmad", "Fatima", "Jonas", "Ida", "Emil",
];
const NATURE: &[&str] = &[
    "Solsikken",
    "Mælkebøtten",
    "Egetræet",
    "Regnbuen",
    "Spiren",
    "Lærkereden",
    "Skovbrynet",
    "Kastanjen",
    "Troldehøj",
    "Bølgen",
    "Fyrtårnet",
    "Engen",
];

const TRADES: &[Trade] = &[
    Trade {
        titles: &["Pædagog", "Pædagog til vuggestue", "Pædagog til børnehave", "Pædagog til SFO", "Pædagogmedhjælper"],
        employers: &["Børnehuset {nature}", "Vuggestuen {nature}", "{kommune}, Dagtilbud {nature}", "Den integrerede institution {nature}"],
        tasks: &[
            "Du bliver en del af et engageret team, der arbejder med leg, læring og trivsel for børn i alderen 0-6 år.",
            "Vi arbejder med den styrkede pædagogiske læreplan og lægger vægt på udeliv, sprog og nærvær.",
            "Du skal skabe trygge rammer for børnene og have et tæt samarbejde med forældrene.",
        ],
        profile: &[
            "Du er uddannet pædagog eller har erfaring fra dagtilbud.",
            "Du er glad, rummelig og god til at samarbejde med kolleger og forældre.",
            "Du kan lide at være ude i al slags vejr.",
        ],
        hours: &[37.0, 37.0, 32.0, 30.0, 25.0],
    },
    Trade {
        titles: &[
            "Sygeplejerske",
            "Sygeplejerske til akutmodtagelsen",
            "Sygeplejerske til hjemmesygeplejen",
            "Social- og sundhedsassistent",
            "Social- og sundhedshjælper",
        ],
        employers: &["{region}, {town} Sygehus", "{kommune}, Hjemmeplejen", "Plejecentret {nature}", "{kommune}, Sundhed og Omsorg"],
        tasks: &[
            "Du får ansvar for pleje og behandling af borgere og patienter med komplekse forløb.",
            "Vi arbejder i tværfaglige teams med læger, terapeuter og social- og sundhedsassistenter.",
            "Du dokumenterer i vores elektroniske omsorgsjournal og deltager i vagtplanlægningen.",
        ],
        profile: &[
            "Du har en dansk autorisation eller er tæt på at få den.",
            "Du er faglig stærk, rolig og har et godt overblik i travle situationer.",
            "Du har kørekort, hvis stillingen er i hjemmeplejen.",
        ],
        hours: &[37.0, 32.0, 30.0, 28.0],
    },
    Trade {
        titles: &["Lagermedarbejder", "Lagermedarbejder til nathold", "Truckfører", "Pakkemedarbejder", "Lagerchef"],
        employers: &["{town} Lager & Logistik A/S", "Nordisk Fragt {town} ApS", "{surname} Transport & Lager A/S", "Centrallageret {town}"],
        tasks: &[
            "Du plukker og pakker ordrer, modtager varer og holder orden på lageret.",
            "Arbejdet foregår i skiftende vagter, og du kører med truck og håndscanner.",
            "Du sørger for, at varerne kommer rigtigt og til tiden ud til vores kunder.",
        ],
        profile: &[
            "Du har truckcertifikat eller er klar til at tage det hos os.",
            "Du er mødestabil, arbejder struktureret og kan lide fysisk arbejde.",
            "Erfaring fra lager eller logistik er en fordel, men ikke et krav.",
        ],
        hours: &[37.0, 37.0, 30.0, 20.0],
    },
    Trade {
        titles: &["Tømrer", "Tømrersvend", "Tømrerlærling", "Murer", "Maler", "Elektriker", "VVS-montør", "Smed"],
        employers: &[
            "{surname} Tømrer & Snedker ApS",
            "{surname}s El-service A/S",
            "{town} VVS og Blik ApS",
            "{surname}s Malerfirma",
            "{town} Byg A/S",
            "{surname} Murerfirma ApS",
        ],
        tasks: &[
            "Du kommer til at arbejde med renovering, tilbygninger og nybyggeri hos private og erhverv.",
            "Opgaverne spænder fra service og reparation til større entrepriser.",
            "Du kører ud fra vores værksted i egen firmabil og planlægger dagen sammen med kunden.",
        ],
        profile: &[
            "Du er faglært eller i gang med din uddannelse.",
            "Du er selvstændig, kvalitetsbevidst og god til at tale med kunderne.",
            "Du har kørekort til almindelig bil.",
        ],
        hours: &[37.0, 37.0, 37.0],
    },
    Trade {
        titles: &["Softwareudvikler", "Backend-udvikler", "Frontend-udvikler", "IT-supporter", "Dataanalytiker", "Systemadministrator"],
        employers: &["{town} Software A/S", "Datahuset {town} ApS", "{kommune}, Digitalisering og IT", "{surname} & Co. IT-rådgivning"],
        tasks: &[
            "Du udvikler og vedligeholder løsninger, der bruges af tusindvis af borgere og kunder hver dag.",
            "Vi arbejder agilt i små teams med kodegennemgang, automatiske test og hyppige udgivelser.",
            "Du hjælper kolleger med hardware, software og netværk og deltager i driftsvagten.",
        ],
        profile: &[
            "Du har erfaring med et moderne programmeringssprog, gerne Rust, C#, Java eller Python.",
            "Du er nysgerrig, kommunikerer klart og deler gerne din viden.",
            "Du har en relevant uddannelse eller tilsvarende erfaring.",
        ],
        hours: &[37.0, 37.0, 32.0, 15.0],
    },
    Trade {
        titles: &["Butiksassistent", "Salgsassistent", "Kassemedarbejder", "Butikschef", "Bager", "Slagter"],
        employers: &["Købmanden i {town}", "Supermarkedet {town}", "{surname}s Bageri", "Slagter {surname}", "{town} Byggemarked"],
        tasks: &[
            "Du betjener kunderne, fylder varer op og sørger for, at butikken altid står indbydende.",
            "Du er med til at skabe en god kundeoplevelse og hjælper med bestilling og varemodtagelse.",
            "Arbejdstiden ligger i dag- og aftentimer samt hver anden weekend.",
        ],
        profile: &[
            "Du er serviceminded, smilende og god til at have mange bolde i luften.",
            "Erfaring fra detailhandel er en fordel.",
            "Du taler og forstår dansk.",
        ],
        hours: &[37.0, 30.0, 25.0, 20.0, 15.0],
    },
    Trade {
        titles: &["Kok", "Køkkenmedhjælper", "Tjener", "Opvasker", "Receptionist"],
        employers: &["Restaurant {nature}", "Hotel {town}", "Kantinen {surname} & Søn", "{town} Kro", "Café {nature}"],
        tasks: &[
            "Du laver mad fra bunden med sæsonens råvarer og er med til at udvikle menuen.",
            "Du tager dig af vores gæster og sørger for en god stemning i restauranten.",
            "Vagterne ligger primært i aften- og weekendtimer.",
        ],
        profile: &[
            "Du har gerne en uddannelse som kok, tjener eller erfaring fra branchen.",
            "Du trives med et højt tempo og holder hygiejnen i top.",
            "Du er en god kollega, der tager ansvar.",
        ],
        hours: &[37.0, 30.0, 25.0, 15.0],
    },
    Trade {
        titles: &[
            "Bogholder",
            "Regnskabsmedarbejder",
            "Lønbogholder",
            "Administrativ medarbejder",
            "HR-konsulent",
            "Projektleder",
            "Sagsbehandler",
            "Jobkonsulent",
        ],
        employers: &[
            "{surname} & Partnere Revision",
            "{town} Boligselskab",
            "{kommune}, Borgerservice",
            "{kommune}, Jobcenter",
            "{town} Forsyning A/S",
        ],
        tasks: &[
            "Du får ansvar for bogføring, afstemninger og månedsafslutninger i tæt samarbejde med økonomichefen.",
            "Du behandler sager, rådgiver borgere og kunder og sikrer, at reglerne overholdes.",
            "Du koordinerer projekter på tværs af afdelinger og følger op på mål og økonomi.",
        ],
        profile: &[
            "Du har en kontoruddannelse, en merkonom eller en relevant videregående uddannelse.",
            "Du er omhyggelig, struktureret og god til IT.",
            "Du kan formulere dig klart på skrift og i tale.",
        ],
        hours: &[37.0, 37.0, 32.0, 30.0],
    },
    Trade {
        titles: &["Produktionsmedarbejder", "Maskinoperatør", "Procesoperatør", "Industritekniker", "Ingeniør"],
        employers: &["{town} Metal A/S", "{surname} Plast A/S", "{town} Fødevarer A/S", "Vestdansk Emballage A/S", "{town} Maskinfabrik"],
        tasks: &[
            "Du betjener og overvåger vores produktionsanlæg og sikrer kvaliteten af de færdige produkter.",
            "Arbejdet foregår i treholdsskift med gode tillæg.",
            "Du er med til at forbedre processer, så vi producerer sikkert og effektivt.",
        ],
        profile: &[
            "Du har erfaring fra produktion eller en relevant uddannelse.",
            "Du er stabil, sikkerhedsbevidst og kan lide at arbejde med maskiner.",
            "Du taler dansk eller engelsk.",
        ],
        hours: &[37.0, 37.0, 34.0],
    },
    Trade {
        titles: &["Chauffør", "Lastbilchauffør", "Buschauffør", "Taxichauffør", "Budchauffør"],
        employers: &["{surname} Transport ApS", "{town} Busser A/S", "Nordisk Fragt {town} ApS", "{town} Taxa"],
        tasks: &[
            "Du kører faste ruter i lokalområdet og har kontakt med vores kunder hver dag.",
            "Du sørger for sikker levering af varer og passagerer til tiden.",
            "Du starter tidligt og har fri om eftermiddagen.",
        ],
        profile: &[
            "Du har det rigtige kørekort (B, C eller D) og gerne chaufføruddannelsesbevis.",
            "Du er serviceminded og kører sikkert.",
            "Du har en ren straffeattest.",
        ],
        hours: &[37.0, 37.0, 30.0, 20.0],
    },
    Trade {
        titles: &["Rengøringsassistent", "Servicemedarbejder", "Pedel", "Gartner", "Landbrugsmedhjælper"],
        employers: &["{town} Rengøring ApS", "{kommune}, Ejendomsservice", "{surname}s Planteskole", "Gården {nature}"],
        tasks: &[
            "Du holder vores bygninger og udearealer rene og i god stand.",
            "Du arbejder selvstændigt efter en fast plan og er med til at løse akutte opgaver.",
            "Opgaverne skifter med årstiderne.",
        ],
        profile: &[
            "Du er grundig, pålidelig og kan arbejde selvstændigt.",
            "Erfaring er en fordel, men vi lærer dig op.",
            "Du har kørekort til almindelig bil.",
        ],
        hours: &[37.0, 30.0, 25.0, 20.0],
    },
    Trade {
        titles: &["Folkeskolelærer", "Lærer i matematik og natur/teknologi", "Dansklærer", "Underviser i dansk som andetsprog"],
        employers: &["{town} Skole", "{kommune}, {nature}skolen", "{town} Sprogcenter", "{town} Gymnasium"],
        tasks: &[
            "Du underviser i dine fag og er en del af et stærkt teamsamarbejde omkring årgangen.",
            "Vi lægger vægt på inkluderende undervisning og et godt samarbejde med forældrene.",
            "Du får mulighed for at præge skolens udvikling.",
        ],
        profile: &[
            "Du er uddannet lærer eller har tilsvarende kompetencer.",
            "Du er tydelig, engageret og god til at skabe ro og relationer.",
            "Du tager ansvar for egen og fælles læring.",
        ],
        hours: &[37.0, 37.0, 30.0],
    },
];

const OFFERS: &[&str] = &[
    "Vi tilbyder en god arbejdsplads med søde kolleger, frokostordning og gode muligheder for efteruddannelse.",
    "Løn og ansættelsesvilkår efter gældende overenskomst.",
    "Du får en grundig introduktion og en fast kollega, der hjælper dig godt i gang.",
    "Vi har fleksible arbejdstider, pensionsordning og en aktiv personaleforening.",
];

fn fill(template: &str, m: &Municipality, today: NaiveDate, rng: &mut StdRng) -> String {
    template
        .replace("{town}", m.town.trim_end_matches(" C").trim_end_matches(" V"))
        .replace("{kommune}", &m.official_name(app::Lang::Da))
        .replace("{region}", m.region_on(today).name(app::Lang::Da))
        .replace("{surname}", SURNAMES.choose(rng).expect("non-empty"))
        .replace("{nature}", NATURE.choose(rng).expect("non-empty"))
}

fn slug(s: &str) -> String {
    s.to_lowercase()
        .replace('æ', "ae")
        .replace('ø', "oe")
        .replace('å', "aa")
        .chars()
        .filter_map(|c| {
            if c.is_ascii_alphanumeric() {
                Some(c)
            } else if c == ' ' || c == '-' {
                Some('-')
            } else {
                None
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// One demo vacancy with the time it was posted.
/// Mostly permanent jobs; apprentices where the title says so; some temporary and
/// student jobs.
fn employment_for(title: &str, rng: &mut StdRng) -> app::domain::vacancy::EmploymentType {
    use app::domain::vacancy::EmploymentType;
    if title.contains("lærling") || title.contains("elev") {
        EmploymentType::Apprenticeship
    } else if rng.random_ratio(1, 6) {
        EmploymentType::Temporary
    } else if rng.random_ratio(1, 12) {
        EmploymentType::StudentJob
    } else {
        EmploymentType::Permanent
    }
}

/// The occupation a demo title belongs to, from the bundled list, if it is there.
fn occupation_for(title: &str) -> Option<String> {
    use app::domain::occupation;
    let first = title.split_whitespace().next().unwrap_or(title);
    occupation::find(title)
        .or_else(|| occupation::find(first))
        .or_else(|| occupation::suggest(first, 1).into_iter().next())
        .map(|o| o.code.to_string())
}

pub fn generate(count: usize, seed: u64, today: NaiveDate) -> Vec<(NewVacancy, DateTime<Utc>)> {
    let mut rng = StdRng::seed_from_u64(seed);
    let all = municipality::all();
    let weights = WeightedIndex::new(all.iter().map(|m| m.population_thousands + 5)).expect("positive weights");
    (0..count)
        .map(|i| {
            // Every municipality gets some, then the rest follow population.
            let m = if i < all.len() * 2 { &all[i % all.len()] } else { &all[weights.sample(&mut rng)] };
            let trade = TRADES.choose(&mut rng).expect("non-empty");
            let title = trade.titles.choose(&mut rng).expect("non-empty").to_string();
            let employer = fill(trade.employers.choose(&mut rng).expect("non-empty"), m, today, &mut rng);
            // Half in the main town, the rest anywhere in the municipality.
            let towns: Vec<&postcode::Postcode> = postcode::all().iter().filter(|p| p.municipality == m.code).collect();
            let (postcode, city) = match towns.choose(&mut rng).filter(|_| rng.random_bool(0.5)) {
                Some(p) => (format!("{:04}", p.number), p.name.to_string()),
                None => (m.postcode.to_string(), m.town.to_string()),
            };
            let description = describe(trade, &title, &employer, &city, &mut rng);
            let contact = format!("{} {}", FIRST_NAMES.choose(&mut rng).expect("non-empty"), SURNAMES.choose(&mut rng).expect("non-empty"));
            let how_to_apply = match rng.random_range(0..3) {
                0 => format!("https://{}.example/job/{}", slug(&employer), 1000 + i),
                1 => format!("job@{}.example", slug(&employer)),
                _ => format!(
                    "Send din ansøgning og dit CV til {contact}. Har du spørgsmål, så ring på {} {}.",
                    rng.random_range(20..99),
                    rng.random_range(100000..999999)
                ),
            };
            let posted_days_ago = rng.random_range(0..28);
            // A few have already passed their deadline: the search must leave them out.
            let deadline = if rng.random_ratio(1, 30) {
                today - Duration::days(rng.random_range(1..10))
            } else {
                today + Duration::days(rng.random_range(3..60))
            };
            let posted = (today - Duration::days(posted_days_ago))
                .and_hms_opt(rng.random_range(6..16), rng.random_range(0..60), 0)
                .expect("valid time")
                .and_utc();
            let vacancy = NewVacancy {
                title: title.clone(),
                employer_name: employer,
                description,
                postcode,
                city,
                municipality_code: Some(m.code),
                weekly_hours: *trade.hours.choose(&mut rng).expect("non-empty"),
                deadline,
                how_to_apply,
                employment_type: employment_for(&title, &mut rng),
                occupation_code: occupation_for(&title),
            };
            (vacancy, posted)
        })
        .collect()
}

fn describe(trade: &Trade, title: &str, employer: &str, city: &str, rng: &mut StdRng) -> String {
    let mut parts = vec![format!("{employer} søger en {} i {city}.", title.to_lowercase())];
    let mut tasks: Vec<&str> = trade.tasks.to_vec();
    let mut profile: Vec<&str> = trade.profile.to_vec();
    let n_tasks = rng.random_range(1..=tasks.len());
    let n_profile = rng.random_range(1..=profile.len());
    shuffle(&mut tasks, rng);
    shuffle(&mut profile, rng);
    parts.push(tasks[..n_tasks].join(" "));
    parts.push(format!("Om dig: {}", profile[..n_profile].join(" ")));
    parts.push(OFFERS.choose(rng).expect("non-empty").to_string());
    parts.join("\n\n")
}

fn shuffle<T>(items: &mut [T], rng: &mut StdRng) {
    use rand::seq::SliceRandom;
    items.shuffle(rng);
}

/// Adds `count` demo vacancies in batches, posted in the weeks before `clock`'s
/// today, reporting `(done, count)`.
pub async fn seed(db: &Db, clock: &Clock, count: usize, seed: u64, mut progress: impl FnMut(usize, usize)) -> Result<usize, AppError> {
    let today = clock.today();
    let items = generate(count, seed, today);
    let mut done = 0;
    for batch in items.chunks(500) {
        let vacancies: Vec<NewVacancy> = batch.iter().map(|(v, _)| v.clone()).collect();
        db.insert_vacancies(&vacancies, |i| batch[i].1, clock.now()).await?;
        done += batch.len();
        progress(done, count);
    }
    Ok(done)
}

/// The demo accounts, one per role (and a caseworker in Aarhus as well as
/// København, to show municipality scope). Documented in README.
pub const DEMO_PASSWORD: &str = "demo-jobunivers-2026";
pub const DEMO_ACCOUNTS: &[(Role, &str, &str, Option<u16>)] = &[
    (Role::Jobseeker, "borger@demo.example", "Mette Hansen", Some(101)),
    (Role::Employer, "arbejdsgiver@demo.example", "Peter Holm", None),
    (Role::Caseworker, "jobkonsulent.kbh@demo.example", "Karen Lund", Some(101)),
    (Role::Caseworker, "jobkonsulent.aarhus@demo.example", "Ahmad Berg", Some(751)),
    (Role::Admin, "admin@demo.example", "Sofie Dam", None),
];

/// The demo staff's second-factor key (base32), published in README so anyone
/// trying the demo can add it to an authenticator app. Never use it elsewhere.
pub const DEMO_TOTP_KEY: &str = "NJXWE5LONF3GK4TTFVSGK3LPFVVWK6JB";

/// Adds the demo accounts that are missing.
pub async fn seed_accounts(db: &Db, sealer: &app::ssr::secrets::Sealer, clock: &Clock) -> Result<(), AppError> {
    for (role, email, name, municipality) in DEMO_ACCOUNTS {
        let new = app::ssr::services::auth::NewAccount {
            role: *role,
            email: email.to_string(),
            name: name.to_string(),
            phone: None,
            password: DEMO_PASSWORD.to_string(),
            municipality_code: *municipality,
            company: (*role == Role::Employer).then(|| ("13748136".to_string(), "Marstal Havn ApS".to_string())),
            // A made-up number: only its date part is checked.
            postcode: (*role == Role::Jobseeker).then(|| "2100".to_string()),
            cpr: (*role == Role::Jobseeker).then(|| "150388-0000".to_string()),
            lang: app::Lang::Da,
        };
        match app::ssr::services::auth::create_account(db, sealer, new, clock.now()).await {
            Ok(id) if *role == Role::Jobseeker => seed_jobseeker(db, id, clock).await?,
            Ok(id) if role.is_staff() => app::ssr::services::second_factor::install_key(db, sealer, id, DEMO_TOTP_KEY).await?,
            Ok(_) => {}
            Err(AppError::Invalid(e)) if e.get("email") == Some(app::Msg::ErrEmailTaken) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The demo jobseeker's self-service data, showing each state at once: a complete
/// CV (searchable), a joblog behind the requirement, and a check due tomorrow.
pub async fn seed_jobseeker(db: &Db, user_id: i64, clock: &Clock) -> Result<(), AppError> {
    use app::domain::joblog::{self, JoblogForm};
    let today = clock.today();
    let due = app::domain::calendar::next_deadline_day(today + chrono::Duration::days(1), &[]);
    db.ensure_jobseeker(user_id, today - chrono::Duration::days(20), due).await?;
    let cv = complete_cv(&CvPerson::METTE, 101, today)?;
    save_cv(db, user_id, &cv, clock.now()).await?;
    // Three applications in four weeks: behind the 1.5-a-week requirement.
    for (days_ago, employer, title, kind, status) in [
        (3, "Københavns Kommune", "Pædagog til vuggestue", "ansoegning", "sendt"),
        (10, "Frederiksberg Kommune", "Pædagog til SFO", "ansoegning", "afslag"),
        (17, "Børnehuset Regnbuen", "Pædagogmedhjælper", "uopfordret", "sendt"),
        (2, "Jobcenter København", "", "jobmesse", "planlagt"),
    ] {
        let f = JoblogForm {
            kind: kind.into(),
            status: status.into(),
            date: (today - chrono::Duration::days(days_ago)).to_string(),
            employer: employer.into(),
            job_title: title.into(),
            channel: if kind == "jobmesse" { String::new() } else { "online".into() },
            ..Default::default()
        };
        db.insert_entry(user_id, &joblog::validate(&f, today)?, clock.now(), app::domain::limits::JOBLOG_ENTRIES).await?;
    }
    Ok(())
}

/// What a demo CV says about its person.
pub struct CvPerson {
    pub occupation: &'static str,
    pub summary: &'static str,
    pub education: (&'static str, &'static str),
    pub experience: (&'static str, &'static str),
    pub skills: &'static str,
}

impl CvPerson {
    /// The demo jobseeker: a pædagog like several demo citizens, and the only one
    /// who teaches nature (the candidate search finds her by it).
    pub const METTE: CvPerson = CvPerson {
        occupation: "234210",
        summary: "Uddannet pædagog med 6 års erfaring fra naturbørnehave og SFO. Glad for udeliv og musik.",
        education: ("Professionsbachelor som pædagog", "Københavns Professionshøjskole"),
        experience: ("Pædagog", "Naturbørnehaven Mælkebøtten, Østerbro"),
        skills: "Naturformidling\nFørstehjælp\nSprogvurdering",
    };
    pub const PAEDAGOG: CvPerson = CvPerson {
        occupation: "234210",
        summary: "Uddannet pædagog med 6 års erfaring fra børnehave og SFO. Glad for udeliv og musik.",
        education: ("Professionsbachelor som pædagog", "Københavns Professionshøjskole"),
        experience: ("Pædagog", "Børnehuset Mælkebøtten, Østerbro"),
        skills: "Førstehjælp\nMusik og bevægelse\nSprogvurdering",
    };
}

/// A complete CV for `p`, living in `municipality`, built through the same edits a
/// person makes (so it passes the same checks).
pub fn complete_cv(p: &CvPerson, municipality: u16, today: NaiveDate) -> Result<app::domain::cv::Cv, AppError> {
    use app::domain::cv::{self, Cv, CvForm, CvRules};
    use chrono::Datelike;
    let mut cv = Cv::default();
    let form = |section: &str, f: &dyn Fn(&mut CvForm)| {
        let mut form = CvForm { section: section.into(), action: "add".into(), ..Default::default() };
        f(&mut form);
        form
    };
    let edits = [
        form("kontakt", &|f| {
            f.show_email = "on".into();
            f.summary = p.summary.into();
        }),
        form("job", &|f| {
            f.occupation = p.occupation.into();
            f.has_education = "on".into();
            f.last_worked = (today.year() - 1).to_string();
        }),
        form("uddannelse", &|f| {
            f.item_title = p.education.0.into();
            f.item_place = p.education.1.into();
            f.item_from = "2014".into();
            f.item_to = "2018".into();
        }),
        form("erfaring", &|f| {
            f.item_title = p.experience.0.into();
            f.item_place = p.experience.1.into();
            f.item_from = "2018".into();
            f.item_to = (today.year() - 1).to_string();
        }),
        form("kompetencer", &|f| {
            f.skills = p.skills.into();
            f.languages = "Dansk\nEngelsk".into();
            f.licences = "B".into();
        }),
        form("vilkaar", &|f| {
            f.hours = "37".into();
            f.time = "fuld".into();
            f.municipality = municipality.to_string();
            f.max_travel = "25".into();
        }),
    ];
    for edit in &edits {
        cv::apply(&mut cv, edit, today, &CvRules::default())?;
    }
    Ok(cv)
}

pub async fn save_cv(db: &Db, user_id: i64, cv: &app::domain::cv::Cv, now: DateTime<Utc>) -> Result<(), AppError> {
    let json = serde_json::to_string(cv).map_err(|e| AppError::internal(format_args!("demo CV: {e}")))?;
    db.save_cv(user_id, &json, cv.is_complete(), app::domain::cv::searchable(cv, false), now).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_data_covers_the_country_and_the_common_trades() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let items = generate(2_500, DEFAULT_SEED, today);
        assert_eq!(items.len(), 2_500);
        let municipalities: HashSet<u16> = items.iter().filter_map(|(v, _)| v.municipality_code).collect();
        assert_eq!(municipalities.len(), 98);
        for word in ["Pædagog", "Sygeplejerske", "Lagermedarbejder", "Tømrer", "Softwareudvikler"] {
            let n = items.iter().filter(|(v, _)| v.title.starts_with(word)).count();
            assert!(n >= 20, "{word}: {n}");
        }
        let open = items.iter().filter(|(v, _)| v.deadline >= today).count();
        assert!(open > 2_300 && open < 2_500, "most are open, a few expired: {open}");
        let hours: HashSet<u64> = items.iter().map(|(v, _)| v.weekly_hours as u64).collect();
        assert!(hours.len() >= 5);
        assert_eq!(generate(50, 7, today), generate(50, 7, today), "same seed, same data");
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("Børnehuset Mælkebøtten"), "boernehuset-maelkeboetten");
        assert_eq!(slug("Jensen & Partnere Revision"), "jensen-partnere-revision");
    }
}
