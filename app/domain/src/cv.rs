//! The CV: what it holds, how a form edits it, when it is complete and when
//! employers may find it. Numbers come from `CvRules`.

use super::parse::non_empty;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CvRules {
    /// Days from registration until the CV must be complete.
    pub deadline_days: i64,
    pub max_occupations: usize,
    /// Education and experience entries each.
    pub max_items: usize,
}

impl Default for CvRules {
    fn default() -> Self {
        CvRules { deadline_days: 14, max_occupations: 200, max_items: 50 }
    }
}

/// An education or a job held: the same shape, different labels.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvItem {
    /// The education, or the job title.
    pub title: String,
    /// The school, or the employer.
    pub place: String,
    pub from_year: i32,
    /// `None` while ongoing.
    pub to_year: Option<i32>,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoughtOccupation {
    pub code: String,
    pub title: String,
    pub has_education: bool,
    pub last_worked: Option<i32>,
}

code_enum!(
    /// Full or part time, as the jobseeker wants it.
    #[derive(Default)]
    WorkTime {
        #[default]
        Full => "fuld", WorkTimeFull;
        Part => "deltid", WorkTimePart;
        Either => "begge", WorkTimeEither;
    }
);

/// Terms of employment: how much, full or part time, where, and how far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    pub hours: u8,
    pub time: WorkTime,
    pub municipality: u16,
    pub max_travel_km: u16,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cv {
    pub phone: String,
    pub show_email: bool,
    pub show_phone: bool,
    pub summary: String,
    pub education: Vec<CvItem>,
    pub experience: Vec<CvItem>,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub driving_licences: Vec<String>,
    pub occupations: Vec<SoughtOccupation>,
    pub terms: Option<Terms>,
}

code_enum!(
    /// The parts that make a CV complete, in the order the editor shows them. The
    /// code is the last part of the editor's address and the form's `section`.
    Section {
        Contact => "kontakt";
        Occupations => "job";
        Education => "uddannelse";
        Experience => "erfaring";
        Skills => "kompetencer";
        Terms => "vilkaar";
    }
);

impl Section {
    pub fn heading(self) -> Msg {
        match self {
            Section::Contact => Msg::CvContact,
            Section::Education => Msg::CvEducation,
            Section::Experience => Msg::CvExperience,
            Section::Skills => Msg::CvSkills,
            Section::Occupations => Msg::CvOccupations,
            Section::Terms => Msg::CvTerms,
        }
    }

    /// Whether the section must be filled before employers may find the CV.
    pub fn mandatory(self) -> bool {
        !matches!(self, Section::Skills)
    }
}

impl Cv {
    pub fn is_filled(&self, s: Section) -> bool {
        match s {
            Section::Contact => self.show_email || (self.show_phone && !self.phone.trim().is_empty()),
            Section::Education => !self.education.is_empty(),
            Section::Experience => !self.experience.is_empty(),
            Section::Skills => !self.skills.is_empty() || !self.languages.is_empty(),
            Section::Occupations => !self.occupations.is_empty(),
            Section::Terms => self.terms.is_some(),
        }
    }

    /// Mandatory sections not yet filled, in editor order.
    pub fn missing(&self) -> Vec<Section> {
        Section::ALL.iter().copied().filter(|s| s.mandatory() && !self.is_filled(*s)).collect()
    }

    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// Percent of mandatory sections filled, for the meter.
    pub fn percent_complete(&self) -> u8 {
        let total = Section::ALL.iter().filter(|s| s.mandatory()).count();
        let done = total - self.missing().len();
        (done * 100 / total) as u8
    }
}

/// Employers may find the CV when it is complete, and never while the person is
/// reported sick.
pub fn searchable(cv: &Cv, sick: bool) -> bool {
    cv.is_complete() && !sick
}

/// The date the CV must be complete by.
pub fn deadline(registered_on: NaiveDate, rules: &CvRules) -> NaiveDate {
    registered_on + Duration::days(rules.deadline_days)
}

/// Categories of Danish driving licences.
pub const LICENCES: [&str; 14] = ["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"];

/// One edit of one section, as posted. Every field is text, as typed, so a rejected
/// form can be shown again exactly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CvForm {
    pub section: String,
    /// "save" (contact, skills, terms), "add" or "remove" (lists).
    pub action: String,
    /// Which entry to remove.
    pub index: String,
    pub phone: String,
    pub show_email: String,
    pub show_phone: String,
    pub summary: String,
    pub item_title: String,
    pub item_place: String,
    pub item_from: String,
    pub item_to: String,
    pub item_description: String,
    pub skills: String,
    pub languages: String,
    pub licences: String,
    pub occupation: String,
    /// A "did you mean" choice, which wins over what was typed.
    pub occupation_pick: String,
    pub has_education: String,
    pub last_worked: String,
    pub hours: String,
    pub time: String,
    pub municipality: String,
    pub max_travel: String,
}

impl crate::forms::FormData for CvForm {}

pub mod field {
    pub const PHONE: &str = "phone";
    pub const SHOW_EMAIL: &str = "show_email";
    pub const SUMMARY: &str = "summary";
    pub const ITEM_TITLE: &str = "item_title";
    pub const ITEM_PLACE: &str = "item_place";
    pub const ITEM_FROM: &str = "item_from";
    pub const ITEM_TO: &str = "item_to";
    pub const ITEM_DESCRIPTION: &str = "item_description";
    pub const SKILLS: &str = "skills";
    pub const LANGUAGES: &str = "languages";
    pub const LICENCES: &str = "licences";
    pub const OCCUPATION: &str = "occupation";
    pub const LAST_WORKED: &str = "last_worked";
    pub const HOURS: &str = "hours";
    pub const TIME: &str = "time";
    pub const MUNICIPALITY: &str = "municipality";
    pub const MAX_TRAVEL: &str = "max_travel";
}

fn checked(s: &str) -> bool {
    matches!(s.trim(), "on" | "true" | "1" | "ja")
}

/// A phone number: 8 digits, optionally with +45 and spaces.
pub fn check_phone(input: &str) -> Result<String, Msg> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    let national = digits.strip_prefix("+45").or_else(|| digits.strip_prefix("0045")).unwrap_or(&digits);
    if national.len() == 8 && national.bytes().all(|b| b.is_ascii_digit()) {
        Ok(national.to_string())
    } else {
        Err(Msg::ErrPhoneInvalid)
    }
}

/// A year in a CV: not before 1950, not after `today`'s year (plus `ahead`).
pub fn check_year(input: &str, today: NaiveDate, ahead: i32) -> Result<i32, Msg> {
    let y: i32 = input.trim().parse().map_err(|_| Msg::ErrYearInvalid)?;
    if (1950..=today.year() + ahead).contains(&y) {
        Ok(y)
    } else {
        Err(Msg::ErrYearInvalid)
    }
}

fn text(input: &str, max: usize, missing: Msg, errs: &mut FieldErrors, field: &str) -> String {
    match non_empty(input) {
        None => {
            errs.add(field, missing);
            String::new()
        }
        Some(t) if t.chars().count() > max => {
            errs.add(field, Msg::ErrTooLong);
            String::new()
        }
        Some(t) => t.to_string(),
    }
}

/// Lines (or commas) to a clean list, each entry at most 80 characters.
fn list(input: &str, max_entries: usize) -> Option<Vec<String>> {
    let items: Vec<String> = input.split(['\n', ',', ';']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    (items.len() <= max_entries && items.iter().all(|s| s.chars().count() <= 80)).then_some(items)
}

code_enum!(
    /// What a CV form does: save a section edited as a whole, add an entry to a
    /// list, or remove one.
    CvAction {
        Save => "save";
        Add => "add";
        Remove => "remove";
    }
);

/// The lists of a CV whose entries are added and removed one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CvList {
    Education,
    Experience,
    Occupations,
}

impl CvList {
    fn of(section: Section) -> Option<CvList> {
        match section {
            Section::Education => Some(CvList::Education),
            Section::Experience => Some(CvList::Experience),
            Section::Occupations => Some(CvList::Occupations),
            Section::Contact | Section::Skills | Section::Terms => None,
        }
    }
}

/// One edit of the CV, read from its form: one kind per section, each with values
/// that passed their field's checks.
#[derive(Clone, Debug, PartialEq)]
pub enum CvEdit {
    Contact { phone: String, show_email: bool, show_phone: bool, summary: String },
    Education(CvItem),
    Experience(CvItem),
    Skills { skills: Vec<String>, languages: Vec<String>, licences: Vec<String> },
    Occupation(SoughtOccupation),
    Terms(Terms),
    Remove { list: CvList, index: usize },
}

impl CvEdit {
    /// Reads a form. A field's own problems come back tied to it; a section or
    /// action the editor never posts is a bad request.
    pub fn parse(form: &CvForm, today: NaiveDate) -> Result<CvEdit, AppError> {
        let section = Section::parse(&form.section).ok_or(AppError::BadRequest)?;
        let action = CvAction::parse(&form.action).ok_or(AppError::BadRequest)?;
        if action == CvAction::Remove {
            let list = CvList::of(section).ok_or(AppError::BadRequest)?;
            let index = form.index.trim().parse().map_err(|_| AppError::BadRequest)?;
            return Ok(CvEdit::Remove { list, index });
        }
        match section {
            Section::Contact => contact(form),
            Section::Education => item(form, today).map(CvEdit::Education),
            Section::Experience => item(form, today).map(CvEdit::Experience),
            Section::Skills => skills(form),
            Section::Occupations => occupation(form, today),
            Section::Terms => terms(form),
        }
    }

    /// The section the edit belongs to.
    pub fn section(&self) -> Section {
        match self {
            CvEdit::Contact { .. } => Section::Contact,
            CvEdit::Education(_) | CvEdit::Remove { list: CvList::Education, .. } => Section::Education,
            CvEdit::Experience(_) | CvEdit::Remove { list: CvList::Experience, .. } => Section::Experience,
            CvEdit::Skills { .. } => Section::Skills,
            CvEdit::Occupation(_) | CvEdit::Remove { list: CvList::Occupations, .. } => Section::Occupations,
            CvEdit::Terms(_) => Section::Terms,
        }
    }

    /// Applies the edit to `cv`, checking what depends on what the CV already
    /// holds (how many entries, an occupation twice). On any problem nothing changes.
    pub fn apply_to(self, cv: &mut Cv, rules: &CvRules) -> Result<Section, AppError> {
        let section = self.section();
        match self {
            CvEdit::Contact { phone, show_email, show_phone, summary } => {
                (cv.phone, cv.show_email, cv.show_phone, cv.summary) = (phone, show_email, show_phone, summary);
            }
            CvEdit::Education(item) => add_item(&mut cv.education, item, rules)?,
            CvEdit::Experience(item) => add_item(&mut cv.experience, item, rules)?,
            CvEdit::Skills { skills, languages, licences } => {
                (cv.skills, cv.languages, cv.driving_licences) = (skills, languages, licences);
            }
            CvEdit::Occupation(o) => {
                if cv.occupations.iter().any(|x| x.code == o.code) {
                    return Err(FieldErrors::one(field::OCCUPATION, Msg::ErrOccupationTwice));
                }
                if cv.occupations.len() >= rules.max_occupations {
                    return Err(FieldErrors::one(field::OCCUPATION, Msg::ErrTooMany));
                }
                cv.occupations.push(o);
            }
            CvEdit::Terms(terms) => cv.terms = Some(terms),
            CvEdit::Remove { list, index } => {
                let len = match list {
                    CvList::Education => cv.education.len(),
                    CvList::Experience => cv.experience.len(),
                    CvList::Occupations => cv.occupations.len(),
                };
                if index >= len {
                    return Err(AppError::NotFound);
                }
                match list {
                    CvList::Education => drop(cv.education.remove(index)),
                    CvList::Experience => drop(cv.experience.remove(index)),
                    CvList::Occupations => drop(cv.occupations.remove(index)),
                }
            }
        }
        Ok(section)
    }
}

/// Applies one edit to the CV. On any problem nothing changes and the errors name
/// their fields.
pub fn apply(cv: &mut Cv, form: &CvForm, today: NaiveDate, rules: &CvRules) -> Result<Section, AppError> {
    CvEdit::parse(form, today)?.apply_to(cv, rules)
}

fn add_item(list: &mut Vec<CvItem>, item: CvItem, rules: &CvRules) -> Result<(), AppError> {
    if list.len() >= rules.max_items {
        return Err(FieldErrors::one(field::ITEM_TITLE, Msg::ErrTooMany));
    }
    list.push(item);
    // Newest first, as a CV reads.
    list.sort_by_key(|i| std::cmp::Reverse((i.to_year.unwrap_or(i32::MAX), i.from_year)));
    Ok(())
}

fn contact(form: &CvForm) -> Result<CvEdit, AppError> {
    let mut errs = FieldErrors::default();
    let show_phone = checked(&form.show_phone);
    let phone = match non_empty(&form.phone) {
        Some(p) => check_phone(p).unwrap_or_else(|m| {
            errs.add(field::PHONE, m);
            String::new()
        }),
        None if show_phone => {
            errs.add(field::PHONE, Msg::ErrPhoneMissing);
            String::new()
        }
        None => String::new(),
    };
    let show_email = checked(&form.show_email);
    if !show_email && !show_phone {
        errs.add(field::SHOW_EMAIL, Msg::ErrContactHidden);
    }
    let summary = form.summary.trim().to_string();
    if summary.chars().count() > 2000 {
        errs.add(field::SUMMARY, Msg::ErrTooLong);
    }
    errs.into_result(CvEdit::Contact { phone, show_email, show_phone, summary })
}

fn item(form: &CvForm, today: NaiveDate) -> Result<CvItem, AppError> {
    let mut errs = FieldErrors::default();
    let title = text(&form.item_title, 120, Msg::ErrItemTitleMissing, &mut errs, field::ITEM_TITLE);
    let place = text(&form.item_place, 120, Msg::ErrItemPlaceMissing, &mut errs, field::ITEM_PLACE);
    let from = check_year(&form.item_from, today, 0).map_err(|m| errs.add(field::ITEM_FROM, m)).ok();
    let to = match non_empty(&form.item_to) {
        None => None,
        Some(t) => check_year(t, today, 6).map_err(|m| errs.add(field::ITEM_TO, m)).ok(),
    };
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            errs.add(field::ITEM_TO, Msg::ErrYearOrder);
        }
    }
    let description = form.item_description.trim().to_string();
    if description.chars().count() > 2000 {
        errs.add(field::ITEM_DESCRIPTION, Msg::ErrTooLong);
    }
    errs.into_result(CvItem { title, place, from_year: from.unwrap_or_default(), to_year: to, description })
}

fn skills(form: &CvForm) -> Result<CvEdit, AppError> {
    let mut errs = FieldErrors::default();
    let skills = list(&form.skills, 50).unwrap_or_else(|| {
        errs.add(field::SKILLS, Msg::ErrListTooLong);
        Vec::new()
    });
    let languages = list(&form.languages, 20).unwrap_or_else(|| {
        errs.add(field::LANGUAGES, Msg::ErrListTooLong);
        Vec::new()
    });
    let mut licences: Vec<String> = Vec::new();
    for l in form.licences.split([',', ' ', ';']).map(|s| s.trim().to_uppercase()).filter(|s| !s.is_empty()) {
        match LICENCES.iter().find(|x| **x == l) {
            Some(x) if !licences.iter().any(|have| have == x) => licences.push(x.to_string()),
            Some(_) => {}
            None => {
                errs.add(field::LICENCES, Msg::ErrLicenceUnknown);
                break;
            }
        }
    }
    errs.into_result(CvEdit::Skills { skills, languages, licences })
}

fn occupation(form: &CvForm, today: NaiveDate) -> Result<CvEdit, AppError> {
    let Some(o) = super::occupation::find(non_empty(&form.occupation_pick).unwrap_or(&form.occupation)) else {
        let missing = form.occupation.trim().is_empty();
        return Err(FieldErrors::one(field::OCCUPATION, if missing { Msg::ErrOccupationMissing } else { Msg::ErrOccupationUnknown }));
    };
    let last_worked = match non_empty(&form.last_worked) {
        None => None,
        Some(t) => Some(check_year(t, today, 0).map_err(|m| FieldErrors::one(field::LAST_WORKED, m))?),
    };
    Ok(CvEdit::Occupation(SoughtOccupation {
        code: o.code.to_string(),
        title: o.da.to_string(),
        has_education: checked(&form.has_education),
        last_worked,
    }))
}

fn terms(form: &CvForm) -> Result<CvEdit, AppError> {
    let mut errs = FieldErrors::default();
    let hours = match form.hours.trim().parse::<u8>() {
        Ok(h) if (1..=48).contains(&h) => h,
        _ => {
            errs.add(field::HOURS, Msg::ErrHoursPerWeek);
            0
        }
    };
    let time = WorkTime::parse(&form.time).unwrap_or_else(|| {
        errs.add(field::TIME, Msg::ErrChooseOne);
        WorkTime::Full
    });
    let municipality = match form.municipality.trim().parse::<u16>().ok().and_then(super::municipality::by_code) {
        Some(m) => m.code,
        None => {
            errs.add(field::MUNICIPALITY, Msg::ErrMunicipalityMissing);
            0
        }
    };
    let max_travel_km = match form.max_travel.trim().parse::<u16>() {
        Ok(km) if km <= 500 => km,
        _ => {
            errs.add(field::MAX_TRAVEL, Msg::ErrTravelKm);
            0
        }
    };
    errs.into_result(CvEdit::Terms(Terms { hours, time, municipality, max_travel_km }))
}

/// The form pre-filled from the saved CV, for sections edited as a whole.
pub fn form_for(cv: &Cv, section: Section) -> CvForm {
    let on = |b: bool| if b { "on".to_string() } else { String::new() };
    let mut f = CvForm { section: section.code().into(), ..CvForm::default() };
    match section {
        Section::Contact => {
            f.phone = cv.phone.clone();
            f.show_email = on(cv.show_email);
            f.show_phone = on(cv.show_phone);
            f.summary = cv.summary.clone();
        }
        Section::Skills => {
            f.skills = cv.skills.join("\n");
            f.languages = cv.languages.join("\n");
            f.licences = cv.driving_licences.join(", ");
        }
        Section::Terms => {
            if let Some(t) = &cv.terms {
                f.hours = t.hours.to_string();
                f.time = t.time.code().into();
                f.municipality = t.municipality.to_string();
                f.max_travel = t.max_travel_km.to_string();
            }
        }
        _ => {}
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn form(section: Section, f: impl FnOnce(&mut CvForm)) -> CvForm {
        let mut form = CvForm { section: section.code().into(), action: "add".into(), ..Default::default() };
        f(&mut form);
        form
    }

    fn errors(r: Result<Section, AppError>) -> Vec<(String, Msg)> {
        match r {
            Err(AppError::Invalid(e)) => e.0.into_iter().map(|e| (e.field, e.msg)).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    /// A CV with every mandatory section, built through the same edits a person makes.
    pub(crate) fn complete_cv() -> Cv {
        let today = d("2026-11-23");
        let rules = CvRules::default();
        let mut cv = Cv::default();
        for f in [
            form(Section::Contact, |f| f.show_email = "on".into()),
            form(Section::Education, |f| {
                f.item_title = "Pædagoguddannelsen".into();
                f.item_place = "VIA University College".into();
                f.item_from = "2015".into();
                f.item_to = "2019".into();
            }),
            form(Section::Experience, |f| {
                f.item_title = "Pædagog".into();
                f.item_place = "Børnehuset Solsikken".into();
                f.item_from = "2019".into();
            }),
            form(Section::Occupations, |f| f.occupation = "Pædagog (234210)".into()),
            form(Section::Terms, |f| {
                f.hours = "37".into();
                f.time = "fuld".into();
                f.municipality = "751".into();
                f.max_travel = "30".into();
            }),
        ] {
            apply(&mut cv, &f, today, &rules).unwrap();
        }
        cv
    }

    #[test]
    fn completeness_names_what_is_missing_in_order() {
        let mut cv = Cv::default();
        assert_eq!(cv.missing(), vec![Section::Contact, Section::Occupations, Section::Education, Section::Experience, Section::Terms]);
        assert_eq!(cv.percent_complete(), 0);
        cv.show_email = true;
        assert_eq!(cv.percent_complete(), 20);
        let cv = complete_cv();
        assert!(cv.is_complete());
        assert_eq!(cv.percent_complete(), 100);
        // Skills are welcome but not required.
        assert!(!cv.is_filled(Section::Skills));
    }

    #[test]
    fn searchable_only_when_complete_and_not_sick() {
        let cv = complete_cv();
        assert!(searchable(&cv, false));
        assert!(!searchable(&cv, true));
        assert!(!searchable(&Cv::default(), false));
    }

    #[test]
    fn deadline_is_fourteen_days_after_registration() {
        assert_eq!(deadline(d("2026-11-23"), &CvRules::default()), d("2026-12-07"));
        assert_eq!(deadline(d("2026-11-23"), &CvRules { deadline_days: 10, ..Default::default() }), d("2026-12-03"));
    }

    #[test]
    fn contact_needs_a_visible_channel_and_a_real_phone_number() {
        let today = d("2026-11-23");
        let rules = CvRules::default();
        let mut cv = Cv::default();
        let e = errors(apply(&mut cv, &form(Section::Contact, |_| {}), today, &rules));
        assert_eq!(e, vec![(field::SHOW_EMAIL.into(), Msg::ErrContactHidden)]);
        let e = errors(apply(&mut cv, &form(Section::Contact, |f| f.show_phone = "on".into()), today, &rules));
        assert_eq!(e, vec![(field::PHONE.into(), Msg::ErrPhoneMissing)]);
        let e = errors(apply(
            &mut cv,
            &form(Section::Contact, |f| {
                f.show_email = "on".into();
                f.phone = "12 34".into();
            }),
            today,
            &rules,
        ));
        assert_eq!(e, vec![(field::PHONE.into(), Msg::ErrPhoneInvalid)]);
        assert_eq!(cv, Cv::default(), "nothing changes on a rejected edit");
        apply(
            &mut cv,
            &form(Section::Contact, |f| {
                f.show_phone = "on".into();
                f.phone = "+45 20 30 40 50".into();
            }),
            today,
            &rules,
        )
        .unwrap();
        assert_eq!(cv.phone, "20304050");
        assert!(cv.is_filled(Section::Contact));
    }

    #[test]
    fn items_check_years_and_read_newest_first() {
        let today = d("2026-11-23");
        let rules = CvRules::default();
        let mut cv = Cv::default();
        let e = errors(apply(
            &mut cv,
            &form(Section::Experience, |f| {
                f.item_from = "2020".into();
                f.item_to = "2019".into();
            }),
            today,
            &rules,
        ));
        assert_eq!(
            e,
            vec![
                (field::ITEM_TITLE.into(), Msg::ErrItemTitleMissing),
                (field::ITEM_PLACE.into(), Msg::ErrItemPlaceMissing),
                (field::ITEM_TO.into(), Msg::ErrYearOrder)
            ]
        );
        let e = errors(apply(
            &mut cv,
            &form(Section::Experience, |f| {
                f.item_title = "Kok".into();
                f.item_place = "Kro".into();
                f.item_from = "2027".into();
            }),
            today,
            &rules,
        ));
        assert_eq!(e, vec![(field::ITEM_FROM.into(), Msg::ErrYearInvalid)]);
        for (title, from, to) in [("A", "2010", "2012"), ("B", "2018", ""), ("C", "2013", "2017")] {
            apply(
                &mut cv,
                &form(Section::Experience, |f| {
                    f.item_title = title.into();
                    f.item_place = "X".into();
                    f.item_from = from.into();
                    f.item_to = to.into();
                }),
                today,
                &rules,
            )
            .unwrap();
        }
        let order: Vec<_> = cv.experience.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(order, ["B", "C", "A"]);
        let remove = CvForm { section: "erfaring".into(), action: "remove".into(), index: "1".into(), ..Default::default() };
        apply(&mut cv, &remove, today, &rules).unwrap();
        assert_eq!(cv.experience.len(), 2);
        let gone = CvForm { index: "7".into(), ..remove };
        assert_eq!(apply(&mut cv, &gone, today, &rules), Err(AppError::NotFound));
    }

    #[test]
    fn occupations_come_from_the_list_once_each_up_to_the_limit() {
        let today = d("2026-11-23");
        let rules = CvRules { max_occupations: 2, ..Default::default() };
        let mut cv = Cv::default();
        let add = |o: &str| form(Section::Occupations, |f| f.occupation = o.into());
        assert_eq!(errors(apply(&mut cv, &add(""), today, &rules)), vec![(field::OCCUPATION.into(), Msg::ErrOccupationMissing)]);
        assert_eq!(errors(apply(&mut cv, &add("Astronaut"), today, &rules)), vec![(field::OCCUPATION.into(), Msg::ErrOccupationUnknown)]);
        apply(&mut cv, &add("pædagog"), today, &rules).unwrap();
        assert_eq!(errors(apply(&mut cv, &add("234210"), today, &rules)), vec![(field::OCCUPATION.into(), Msg::ErrOccupationTwice)]);
        let picked = CvForm { occupation_pick: "Kok (512010)".into(), ..add("kokken") };
        apply(&mut cv, &picked, today, &rules).unwrap();
        assert_eq!(errors(apply(&mut cv, &add("Tømrer"), today, &rules)), vec![(field::OCCUPATION.into(), Msg::ErrTooMany)]);
        assert_eq!(
            cv.occupations[1],
            SoughtOccupation { code: "512010".into(), title: "Kok".into(), has_education: false, last_worked: None }
        );
    }

    #[test]
    fn skills_languages_licences_and_terms() {
        let today = d("2026-11-23");
        let rules = CvRules::default();
        let mut cv = Cv::default();
        let e = errors(apply(&mut cv, &form(Section::Skills, |f| f.licences = "B, Q".into()), today, &rules));
        assert_eq!(e, vec![(field::LICENCES.into(), Msg::ErrLicenceUnknown)]);
        apply(
            &mut cv,
            &form(Section::Skills, |f| {
                f.skills = "Truckcertifikat\nExcel, Førstehjælp".into();
                f.languages = "Dansk\nEngelsk".into();
                f.licences = "b ce B".into();
            }),
            today,
            &rules,
        )
        .unwrap();
        assert_eq!(cv.skills, ["Truckcertifikat", "Excel", "Førstehjælp"]);
        assert_eq!(cv.driving_licences, ["B", "CE"]);
        let e = errors(apply(
            &mut cv,
            &form(Section::Terms, |f| {
                f.hours = "90".into();
                f.municipality = "999".into();
                f.max_travel = "-3".into();
            }),
            today,
            &rules,
        ));
        let fields: Vec<_> = e.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, [field::HOURS, field::TIME, field::MUNICIPALITY, field::MAX_TRAVEL]);
        assert_eq!(form_for(&cv, Section::Skills).licences, "B, CE");
    }

    #[test]
    fn each_form_is_read_into_its_section_s_edit_once() {
        let today = d("2026-11-23");
        let terms = form(Section::Terms, |f| {
            f.hours = "30".into();
            f.time = "deltid".into();
            f.municipality = "751".into();
            f.max_travel = "20".into();
        });
        let want = Terms { hours: 30, time: WorkTime::Part, municipality: 751, max_travel_km: 20 };
        assert_eq!(CvEdit::parse(&terms, today), Ok(CvEdit::Terms(want)));
        let remove = CvForm { section: "job".into(), action: "remove".into(), index: "2".into(), ..Default::default() };
        assert_eq!(CvEdit::parse(&remove, today), Ok(CvEdit::Remove { list: CvList::Occupations, index: 2 }));
        assert_eq!(CvEdit::parse(&remove, today).map(|e| e.section()), Ok(Section::Occupations));
        // What the editor never posts is a bad request, not a field error.
        let odd = [
            CvForm { section: "kontakt".into(), action: "remove".into(), index: "0".into(), ..Default::default() },
            CvForm { action: "replace".into(), ..terms.clone() },
            CvForm { section: "hobbyer".into(), ..terms.clone() },
            CvForm { index: "-1".into(), ..remove },
        ];
        for f in odd {
            assert_eq!(CvEdit::parse(&f, today), Err(AppError::BadRequest), "{f:?}");
        }
    }
}
