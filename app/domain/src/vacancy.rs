//! What a vacancy is, and the rules for accepting one from an employer.

use super::parse;
use crate::error::FieldErrors;
use crate::i18n::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A vacancy as typed into the form: every field as text, so that nothing the
/// person typed is lost when it is sent back with errors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VacancyForm {
    pub title: String,
    pub employer_name: String,
    pub description: String,
    pub postcode: String,
    pub city: String,
    pub weekly_hours: String,
    pub deadline: String,
    pub how_to_apply: String,
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub employment_type: String,
    /// Optional: an occupation from the bundled list ("Kok (512010)").
    #[serde(default)]
    pub occupation: String,
    /// Posting again: the id of the company's closed vacancy this one repeats.
    #[serde(default)]
    pub fra: String,
}

impl crate::forms::FormData for VacancyForm {}

impl VacancyForm {
    /// The form filled in from a vacancy's details, to edit it or post it again.
    pub fn from_details(v: &NewVacancy) -> VacancyForm {
        VacancyForm {
            title: v.title.clone(),
            employer_name: v.employer_name.clone(),
            description: v.description.clone(),
            postcode: v.postcode.clone(),
            city: v.city.clone(),
            weekly_hours: v.weekly_hours.to_string().replace('.', ","),
            deadline: v.deadline.to_string(),
            how_to_apply: v.how_to_apply.clone(),
            municipality: v.municipality_code.map(|m| m.to_string()).unwrap_or_default(),
            employment_type: v.employment_type.code().to_string(),
            occupation: v
                .occupation_code
                .as_deref()
                .and_then(super::occupation::find)
                .map(|o| o.label(crate::i18n::Lang::Da))
                .unwrap_or_default(),
            fra: String::new(),
        }
    }
}

code_enum!(
    /// The kind of employment a vacancy offers.
    #[derive(Default)]
    EmploymentType {
        #[default]
        Permanent => "fast", EmploymentPermanent;
        Temporary => "tidsbegraenset", EmploymentTemporary;
        Apprenticeship => "elev", EmploymentApprenticeship;
        StudentJob => "studiejob", EmploymentStudent;
    }
);

impl EmploymentType {
    /// A small number for the index.
    pub fn index(self) -> u64 {
        EmploymentType::ALL.iter().position(|e| *e == self).unwrap_or(0) as u64
    }

    pub fn from_index(i: u64) -> Option<EmploymentType> {
        EmploymentType::ALL.get(usize::try_from(i).ok()?).copied()
    }
}

/// A vacancy that passed every rule, ready to be stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewVacancy {
    pub title: String,
    pub employer_name: String,
    pub description: String,
    pub postcode: String,
    pub city: String,
    pub municipality_code: Option<u16>,
    pub weekly_hours: f64,
    pub deadline: NaiveDate,
    pub how_to_apply: String,
    #[serde(default)]
    pub employment_type: EmploymentType,
    /// Occupation code from the bundled list, when given.
    #[serde(default)]
    pub occupation_code: Option<String>,
}

/// A stored vacancy: what the employer posted, plus what the system keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vacancy {
    pub id: i64,
    pub details: NewVacancy,
    pub posted: NaiveDate,
    pub open: bool,
    /// The company that posted it, by its registered name and CVR number (the name
    /// registered first for that number, whatever the form's employer field says).
    #[serde(default)]
    pub company: Option<(String, String)>,
    /// Why it closed, when it did (none for vacancies closed before reasons were kept).
    #[serde(default)]
    pub close_reason: Option<CloseReason>,
}

impl Vacancy {
    /// Still open for applications on `today` (the deadline day included).
    pub fn accepts_applications(&self, today: NaiveDate) -> bool {
        self.open && self.details.deadline >= today
    }
}

/// Field names, shared by the form, the errors and the tests.
pub mod field {
    pub const TITLE: &str = "title";
    pub const EMPLOYER_NAME: &str = "employer_name";
    pub const DESCRIPTION: &str = "description";
    pub const POSTCODE: &str = "postcode";
    pub const CITY: &str = "city";
    pub const WEEKLY_HOURS: &str = "weekly_hours";
    pub const DEADLINE: &str = "deadline";
    pub const HOW_TO_APPLY: &str = "how_to_apply";
    pub const MUNICIPALITY: &str = "municipality";
    pub const EMPLOYMENT_TYPE: &str = "employment_type";
    pub const OCCUPATION: &str = "occupation";
    /// Closing a vacancy: why.
    pub const CLOSE_REASON: &str = "reason";
}

pub const TITLE_LEN: (usize, usize) = (3, 150);
pub const EMPLOYER_MAX: usize = 150;
pub const DESCRIPTION_LEN: (usize, usize) = (30, 20_000);
pub const CITY_MAX: usize = 80;
pub const HOURS_RANGE: (f64, f64) = (1.0, 48.0);
pub const HOW_TO_APPLY_LEN: (usize, usize) = (5, 2_000);
pub const DEADLINE_MAX_DAYS: i64 = 366;

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn text(input: &str, missing: Msg, (min, max): (usize, usize), bad_len: Msg) -> Result<String, Msg> {
    let t = parse::non_empty(input).ok_or(missing)?;
    if (min..=max).contains(&chars(t)) {
        Ok(t.to_string())
    } else {
        Err(bad_len)
    }
}

pub fn check_title(input: &str) -> Result<String, Msg> {
    text(input, Msg::ErrTitleMissing, TITLE_LEN, Msg::ErrTitleLength)
}

pub fn check_employer_name(input: &str) -> Result<String, Msg> {
    text(input, Msg::ErrEmployerMissing, (1, EMPLOYER_MAX), Msg::ErrEmployerLength)
}

pub fn check_description(input: &str) -> Result<String, Msg> {
    let t = parse::non_empty(input).ok_or(Msg::ErrDescriptionMissing)?;
    match chars(t) {
        n if n < DESCRIPTION_LEN.0 => Err(Msg::ErrDescriptionShort),
        n if n > DESCRIPTION_LEN.1 => Err(Msg::ErrDescriptionLong),
        _ => Ok(t.replace("\r\n", "\n")),
    }
}

pub fn check_city(input: &str) -> Result<String, Msg> {
    text(input, Msg::ErrCityMissing, (1, CITY_MAX), Msg::ErrCityLength)
}

pub fn check_weekly_hours(input: &str) -> Result<f64, Msg> {
    parse::non_empty(input).ok_or(Msg::ErrHoursMissing)?;
    let h = parse::decimal(input).ok_or(Msg::ErrHoursInvalid)?;
    if (HOURS_RANGE.0..=HOURS_RANGE.1).contains(&h) {
        // Half hours are the finest grain anyone posts; keep one decimal.
        Ok((h * 10.0).round() / 10.0)
    } else {
        Err(Msg::ErrHoursRange)
    }
}

pub fn check_deadline(input: &str, today: NaiveDate) -> Result<NaiveDate, Msg> {
    parse::non_empty(input).ok_or(Msg::ErrDeadlineMissing)?;
    let d = parse::date(input).ok_or(Msg::ErrDeadlineInvalid)?;
    if d < today {
        Err(Msg::ErrDeadlinePast)
    } else if (d - today).num_days() > DEADLINE_MAX_DAYS {
        Err(Msg::ErrDeadlineFar)
    } else {
        Ok(d)
    }
}

pub fn check_how_to_apply(input: &str) -> Result<String, Msg> {
    text(input, Msg::ErrHowToApplyMissing, HOW_TO_APPLY_LEN, Msg::ErrHowToApplyLength)
}

/// Checks one field by name; the browser uses this to tell a person about a
/// problem as soon as they leave the field, with the same rules as the server.
pub fn check_field(name: &str, value: &str, today: NaiveDate) -> Option<Msg> {
    match name {
        field::TITLE => check_title(value).err(),
        field::EMPLOYER_NAME => check_employer_name(value).err(),
        field::DESCRIPTION => check_description(value).err(),
        field::POSTCODE => check_postcode(value).err(),
        field::CITY => check_city(value).err(),
        field::WEEKLY_HOURS => check_weekly_hours(value).err(),
        field::DEADLINE => check_deadline(value, today).err(),
        field::HOW_TO_APPLY => check_how_to_apply(value).err(),
        field::MUNICIPALITY => check_municipality(value).err(),
        field::EMPLOYMENT_TYPE => check_employment_type(value).err(),
        field::OCCUPATION => check_occupation(value).err(),
        _ => None,
    }
}

/// Four digits, and a postcode that exists.
pub fn check_postcode(value: &str) -> Result<String, Msg> {
    let number = parse::postcode(value)?;
    number.parse().ok().and_then(super::postcode::lookup).map(|_| number).ok_or(Msg::ErrPostcodeUnknown)
}

/// Optional: when left empty, the municipality follows from the postcode.
pub fn check_municipality(value: &str) -> Result<Option<u16>, Msg> {
    match value.trim() {
        "" => Ok(None),
        v => v.parse::<u16>().ok().and_then(super::municipality::by_code).map(|m| Some(m.code)).ok_or(Msg::ErrMunicipalityMissing),
    }
}

pub fn check_employment_type(value: &str) -> Result<EmploymentType, Msg> {
    EmploymentType::parse(value).ok_or(Msg::ErrChooseOne)
}

/// Optional: empty is fine, otherwise it must be on the bundled list.
pub fn check_occupation(value: &str) -> Result<Option<String>, Msg> {
    match value.trim() {
        "" => Ok(None),
        typed => super::occupation::find(typed).map(|o| Some(o.code.to_string())).ok_or(Msg::ErrOccupationUnknown),
    }
}

/// Checks a whole form. Every field is checked, so all problems are shown at once.
pub fn validate(form: &VacancyForm, today: NaiveDate) -> Result<NewVacancy, FieldErrors> {
    let mut errors = FieldErrors::default();
    macro_rules! check {
        ($name:expr, $result:expr) => {
            $result.map_err(|m| errors.add($name, m)).ok()
        };
    }
    let title = check!(field::TITLE, check_title(&form.title));
    let employer_name = check!(field::EMPLOYER_NAME, check_employer_name(&form.employer_name));
    let description = check!(field::DESCRIPTION, check_description(&form.description));
    let postcode = check!(field::POSTCODE, check_postcode(&form.postcode));
    let city = check!(field::CITY, check_city(&form.city));
    let weekly_hours = check!(field::WEEKLY_HOURS, check_weekly_hours(&form.weekly_hours));
    let deadline = check!(field::DEADLINE, check_deadline(&form.deadline, today));
    let how_to_apply = check!(field::HOW_TO_APPLY, check_how_to_apply(&form.how_to_apply));
    let municipality = check!(field::MUNICIPALITY, check_municipality(&form.municipality));
    let employment_type = check!(field::EMPLOYMENT_TYPE, check_employment_type(&form.employment_type));
    let occupation_code = check!(field::OCCUPATION, check_occupation(&form.occupation));
    match (title, employer_name, description, postcode, city, weekly_hours, deadline, how_to_apply) {
        (
            Some(title),
            Some(employer_name),
            Some(description),
            Some(postcode),
            Some(city),
            Some(weekly_hours),
            Some(deadline),
            Some(how_to_apply),
        ) if errors.is_empty() => {
            let postcode_text = postcode.clone();
            Ok(NewVacancy {
                title,
                employer_name,
                description,
                postcode,
                city,
                municipality_code: municipality.flatten().or_else(|| super::postcode::from_text(&postcode_text).map(|p| p.municipality)),
                weekly_hours,
                deadline,
                how_to_apply,
                employment_type: employment_type.unwrap_or_default(),
                occupation_code: occupation_code.flatten(),
            })
        }
        _ => Err(errors),
    }
}

/// How the "how to apply" text should be shown: as a link, a mail address, or text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyChannel {
    Link(String),
    Email(String),
    Text(String),
}

pub fn apply_channel(how: &str) -> ApplyChannel {
    let t = how.trim();
    let single_word = !t.contains(char::is_whitespace);
    if single_word && (t.starts_with("https://") || t.starts_with("http://")) {
        ApplyChannel::Link(t.to_string())
    } else if single_word && t.contains('@') && t.rsplit('@').next().is_some_and(|d| d.contains('.')) {
        ApplyChannel::Email(t.to_string())
    } else {
        ApplyChannel::Text(t.to_string())
    }
}

code_enum!(
    /// Why a vacancy closed. Employers close as filled or withdrawn; only an
    /// administrator hides one (a report found it bad).
    CloseReason {
        Filled => "besat", CloseFilled;
        Withdrawn => "trukket", CloseWithdrawn;
        Hidden => "skjult", CloseHidden;
    }
);

impl CloseReason {
    /// The reasons an employer may give.
    pub const EMPLOYER: [CloseReason; 2] = [CloseReason::Filled, CloseReason::Withdrawn];
}

code_enum!(
    /// What happened to a vacancy, as its history tells it.
    HistoryKind {
        Created => "created", HistoryCreated;
        Reposted => "reposted", HistoryReposted;
        Edited => "edited", HistoryEdited;
        Extended => "extended", HistoryExtended;
        Closed => "closed", HistoryClosed;
    }
);

/// One line of a vacancy's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: chrono::DateTime<chrono::Utc>,
    /// Who did it, by name as it was then; empty for the system.
    pub by: String,
    pub kind: HistoryKind,
    /// A new deadline, a reason, or the vacancy it was posted again from.
    pub detail: String,
}

code_enum!(
    /// The employer's list of their vacancies, in three tabs.
    #[derive(Default)]
    VacancyTab {
        #[default]
        Open => "aabne", TabOpen;
        Expired => "udloebne", TabExpired;
        Closed => "lukkede", TabClosed;
    }
);

impl Vacancy {
    /// Which tab of the employer's list it belongs in on `today`.
    pub fn tab(&self, today: NaiveDate) -> VacancyTab {
        match (self.open, self.details.deadline < today) {
            (false, _) => VacancyTab::Closed,
            (true, true) => VacancyTab::Expired,
            (true, false) => VacancyTab::Open,
        }
    }
}

code_enum!(
    /// What the employer does to a vacancy on its page.
    VacancyAction {
        Extend => "forlaeng";
        Close => "luk";
    }
);

/// The extend and close forms of a vacancy's page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VacancyActionForm {
    /// A `VacancyAction`'s code.
    pub action: String,
    /// Extend: the new deadline.
    pub deadline: String,
    /// Close: a `CloseReason`'s code.
    pub reason: String,
}

impl crate::forms::FormData for VacancyActionForm {}

/// A change to a vacancy, read from its form and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VacancyChange {
    /// A new, later deadline (also for one that has run out).
    Extend(NaiveDate),
    Close(CloseReason),
}

impl VacancyChange {
    /// Reads the form for a vacancy whose deadline is `current`.
    pub fn parse(form: &VacancyActionForm, current: NaiveDate, today: NaiveDate) -> Result<VacancyChange, crate::error::AppError> {
        match VacancyAction::parse(&form.action).ok_or(crate::error::AppError::BadRequest)? {
            VacancyAction::Extend => {
                check_extension(&form.deadline, current, today).map(VacancyChange::Extend).map_err(|m| FieldErrors::one(field::DEADLINE, m))
            }
            VacancyAction::Close => CloseReason::parse(&form.reason)
                .filter(|r| CloseReason::EMPLOYER.contains(r))
                .map(VacancyChange::Close)
                .ok_or_else(|| FieldErrors::one(field::CLOSE_REASON, Msg::ErrChooseOne)),
        }
    }
}

/// A new deadline: a valid one (see `check_deadline`), later than the one it replaces.
pub fn check_extension(input: &str, current: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Msg> {
    let d = check_deadline(input, today)?;
    if d <= current {
        Err(Msg::ErrDeadlineNotLater)
    } else {
        Ok(d)
    }
}

/// A vacancy as its company manages it: the vacancy and its history, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManagedVacancy {
    pub vacancy: Vacancy,
    pub history: Vec<HistoryEntry>,
    /// The last `STATS_DAYS` days, oldest first, every day present.
    pub days: Vec<DayCount>,
}

/// One day of how a vacancy does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCount {
    pub day: NaiveDate,
    pub views: u32,
    pub saves: u32,
    pub applied: u32,
}

/// Days of statistics shown: the last four weeks.
pub const STATS_DAYS: i64 = 28;

/// Every day from `from` to `to`, with the counted days' numbers and zero for the
/// rest, so a chart and its table show each day.
pub fn daily_series(counted: &[DayCount], from: NaiveDate, to: NaiveDate) -> Vec<DayCount> {
    from.iter_days()
        .take_while(|d| *d <= to)
        .map(|day| counted.iter().find(|c| c.day == day).copied().unwrap_or(DayCount { day, ..DayCount::default() }))
        .collect()
}

/// The points of a line for `values` in a `width` × `height` box (y grows down),
/// scaled to the largest value (at least 1, so a week of zeros lies on the floor).
pub fn chart_points(values: &[u32], width: f64, height: f64) -> Vec<(f64, f64)> {
    let max = f64::from(values.iter().copied().max().unwrap_or(0).max(1));
    let step = if values.len() > 1 { width / (values.len() - 1) as f64 } else { 0.0 };
    values.iter().enumerate().map(|(i, v)| (i as f64 * step, height - f64::from(*v) / max * height)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn good() -> VacancyForm {
        VacancyForm {
            title: "Pædagog til børnehave".into(),
            employer_name: "Børnehuset Mælkebøtten".into(),
            description: "Vi søger en glad og engageret pædagog til vores børnehave i Aarhus.".into(),
            postcode: "8000".into(),
            city: "Aarhus C".into(),
            weekly_hours: "32,5".into(),
            deadline: "15-12-2026".into(),
            how_to_apply: "https://example.dk/job/123".into(),
            municipality: "751".into(),
            employment_type: "fast".into(),
            occupation: "Pædagog (234210)".into(),
            fra: String::new(),
        }
    }

    #[test]
    fn a_good_vacancy_is_accepted_and_normalised() {
        let v = validate(&good(), today()).unwrap();
        assert_eq!(v.weekly_hours, 32.5);
        assert_eq!(v.deadline, NaiveDate::from_ymd_opt(2026, 12, 15).unwrap());
        assert_eq!(v.title, "Pædagog til børnehave");
        assert_eq!(
            (v.municipality_code, v.employment_type, v.occupation_code.as_deref()),
            (Some(751), EmploymentType::Permanent, Some("234210"))
        );
        let without = validate(&VacancyForm { occupation: " ".into(), ..good() }, today()).unwrap();
        assert_eq!(without.occupation_code, None, "the occupation is optional");
        let derived = validate(&VacancyForm { municipality: "".into(), postcode: "8600".into(), ..good() }, today()).unwrap();
        assert_eq!(derived.municipality_code, Some(740), "the municipality follows from the postcode when not chosen");
        let chosen = validate(&VacancyForm { municipality: "746".into(), postcode: "8600".into(), ..good() }, today()).unwrap();
        assert_eq!(chosen.municipality_code, Some(746), "a chosen municipality wins (postcodes cross borders)");
    }

    #[test]
    #[allow(clippy::type_complexity)] // a table of cases reads best written out
    fn every_problem_is_reported_on_its_field() {
        let cases: Vec<(fn(&mut VacancyForm), &str, Msg)> = vec![
            (|f| f.title = "  ".into(), field::TITLE, Msg::ErrTitleMissing),
            (|f| f.title = "ab".into(), field::TITLE, Msg::ErrTitleLength),
            (|f| f.title = "x".repeat(151), field::TITLE, Msg::ErrTitleLength),
            (|f| f.employer_name = "".into(), field::EMPLOYER_NAME, Msg::ErrEmployerMissing),
            (|f| f.description = "For kort".into(), field::DESCRIPTION, Msg::ErrDescriptionShort),
            (|f| f.description = "æ".repeat(20_001), field::DESCRIPTION, Msg::ErrDescriptionLong),
            (|f| f.postcode = "12".into(), field::POSTCODE, Msg::ErrPostcodeInvalid),
            (|f| f.city = "".into(), field::CITY, Msg::ErrCityMissing),
            (|f| f.weekly_hours = "".into(), field::WEEKLY_HOURS, Msg::ErrHoursMissing),
            (|f| f.weekly_hours = "fuld tid".into(), field::WEEKLY_HOURS, Msg::ErrHoursInvalid),
            (|f| f.weekly_hours = "60".into(), field::WEEKLY_HOURS, Msg::ErrHoursRange),
            (|f| f.weekly_hours = "0".into(), field::WEEKLY_HOURS, Msg::ErrHoursRange),
            (|f| f.deadline = "".into(), field::DEADLINE, Msg::ErrDeadlineMissing),
            (|f| f.deadline = "snart".into(), field::DEADLINE, Msg::ErrDeadlineInvalid),
            (|f| f.deadline = "22-11-2026".into(), field::DEADLINE, Msg::ErrDeadlinePast),
            (|f| f.deadline = "2028-01-01".into(), field::DEADLINE, Msg::ErrDeadlineFar),
            (|f| f.how_to_apply = "ring".into(), field::HOW_TO_APPLY, Msg::ErrHowToApplyLength),
            (|f| f.postcode = "8001".into(), field::POSTCODE, Msg::ErrPostcodeUnknown),
            (|f| f.municipality = "999".into(), field::MUNICIPALITY, Msg::ErrMunicipalityMissing),
            (|f| f.employment_type = "freelance".into(), field::EMPLOYMENT_TYPE, Msg::ErrChooseOne),
            (|f| f.occupation = "astronaut".into(), field::OCCUPATION, Msg::ErrOccupationUnknown),
        ];
        for (change, name, msg) in cases {
            let mut form = good();
            change(&mut form);
            let errors = validate(&form, today()).unwrap_err();
            assert_eq!(errors.len(), 1, "{name}: {errors:?}");
            assert_eq!(errors.get(name), Some(msg), "{name}");
            let value = serde_json::to_value(&form).unwrap()[name].as_str().unwrap().to_string();
            assert_eq!(check_field(name, &value, today()), Some(msg), "live check agrees for {name}");
        }
    }

    #[test]
    fn an_empty_form_reports_every_required_field() {
        let errors = validate(&VacancyForm::default(), today()).unwrap_err();
        assert_eq!(errors.len(), 9, "all but the optional occupation and municipality");
    }

    #[test]
    fn the_deadline_day_itself_is_open() {
        let mut form = good();
        form.deadline = "2026-11-23".into();
        let v = validate(&form, today()).unwrap();
        let stored = Vacancy { id: 1, details: v, posted: today(), open: true, company: None, close_reason: None };
        assert!(stored.accepts_applications(today()));
        assert!(!stored.accepts_applications(today().succ_opt().unwrap()));
    }

    #[test]
    fn how_to_apply_is_shown_as_link_mail_or_text() {
        assert_eq!(apply_channel(" https://job.dk/1 "), ApplyChannel::Link("https://job.dk/1".into()));
        assert_eq!(apply_channel("job@firma.dk"), ApplyChannel::Email("job@firma.dk".into()));
        assert!(matches!(apply_channel("Ring til Anne på 12345678"), ApplyChannel::Text(_)));
        assert!(matches!(apply_channel("javascript:alert(1)"), ApplyChannel::Text(_)));
    }

    #[test]
    fn a_vacancy_is_extended_only_later_and_closed_only_for_an_employer_s_reason() {
        let (today, current) = (today(), today() + chrono::Duration::days(10));
        let form = |action: &str, deadline: &str, reason: &str| VacancyActionForm {
            action: action.into(),
            deadline: deadline.into(),
            reason: reason.into(),
        };
        let later = (current + chrono::Duration::days(5)).to_string();
        assert_eq!(
            VacancyChange::parse(&form("forlaeng", &later, ""), current, today),
            Ok(VacancyChange::Extend(current + chrono::Duration::days(5)))
        );
        let field = |r: Result<VacancyChange, crate::error::AppError>| match r {
            Err(crate::error::AppError::Invalid(e)) => e.0.first().map(|f| (f.field.clone(), f.msg)),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(VacancyChange::parse(&form("forlaeng", &current.to_string(), ""), current, today)),
            Some((field::DEADLINE.into(), Msg::ErrDeadlineNotLater))
        );
        assert_eq!(
            field(VacancyChange::parse(&form("forlaeng", "2020-01-01", ""), current, today)),
            Some((field::DEADLINE.into(), Msg::ErrDeadlinePast))
        );
        // An expired vacancy (deadline before today) may get any valid new one.
        assert!(VacancyChange::parse(&form("forlaeng", &today.to_string(), ""), today - chrono::Duration::days(3), today).is_ok());
        assert_eq!(VacancyChange::parse(&form("luk", "", "besat"), current, today), Ok(VacancyChange::Close(CloseReason::Filled)));
        assert_eq!(
            field(VacancyChange::parse(&form("luk", "", "skjult"), current, today)),
            Some((field::CLOSE_REASON.into(), Msg::ErrChooseOne))
        );
        assert_eq!(VacancyChange::parse(&form("slet", "", ""), current, today), Err(crate::error::AppError::BadRequest));
    }

    #[test]
    fn the_employer_s_tabs_are_open_expired_and_closed() {
        let v = |open: bool, days: i64| Vacancy {
            id: 1,
            details: NewVacancy { deadline: today() + chrono::Duration::days(days), ..validate(&good(), today()).unwrap() },
            posted: today(),
            open,
            company: None,
            close_reason: None,
        };
        assert_eq!(v(true, 0).tab(today()), VacancyTab::Open, "the deadline day itself is still open");
        assert_eq!(v(true, -1).tab(today()), VacancyTab::Expired);
        assert_eq!(v(false, 5).tab(today()), VacancyTab::Closed);
    }

    #[test]
    fn a_vacancy_fills_its_form_again_as_it_was() {
        let details = validate(&good(), today()).unwrap();
        let again = validate(&VacancyForm::from_details(&details), today()).unwrap();
        assert_eq!(again, details);
    }

    #[test]
    fn statistics_show_every_day_and_scale_to_the_busiest() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let counted = [DayCount { day: d("2026-11-02"), views: 8, saves: 1, applied: 0 }];
        let series = daily_series(&counted, d("2026-11-01"), d("2026-11-03"));
        assert_eq!(
            series.iter().map(|c| (c.day, c.views)).collect::<Vec<_>>(),
            [(d("2026-11-01"), 0), (d("2026-11-02"), 8), (d("2026-11-03"), 0)]
        );
        assert_eq!(chart_points(&[0, 8, 4], 100.0, 50.0), [(0.0, 50.0), (50.0, 0.0), (100.0, 25.0)]);
        assert_eq!(chart_points(&[0, 0], 10.0, 10.0), [(0.0, 10.0), (10.0, 10.0)]);
        assert!(chart_points(&[], 10.0, 10.0).is_empty());
    }
}
