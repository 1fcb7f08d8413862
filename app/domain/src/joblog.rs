//! The job search log (joblog): its entries, how a form becomes one, and how the
//! person is doing against the requirement. Numbers come from `JoblogRules`.

use super::parse::{self, non_empty};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JoblogRules {
    /// Average applications a week expected over `weeks` weeks (STAR's rule of thumb).
    pub applications_per_week: f64,
    pub weeks: u32,
    /// Days without any activity that are a warning sign for the jobcentre.
    pub inactivity_days: i64,
    /// Largest attached file accepted.
    pub max_attachment_bytes: usize,
}

impl Default for JoblogRules {
    fn default() -> Self {
        JoblogRules { applications_per_week: 1.5, weeks: 4, inactivity_days: 30, max_attachment_bytes: 5 * 1024 * 1024 }
    }
}

code_enum!(
    /// What kind of activity an entry is.
    Kind {
        Application => "ansoegning", KindApplication;
        Unsolicited => "uopfordret", KindUnsolicited;
        SavedVacancy => "gemt", KindSaved;
        Planned => "planlagt", KindPlanned;
        NetworkMeeting => "netvaerk", KindNetwork;
        JobFair => "jobmesse", KindJobFair;
        Interview => "samtale", KindInterview;
        Other => "andet", KindOther;
    }
);

code_enum!(
    /// How an application was made.
    Channel {
        Online => "online", ChannelOnline;
        Email => "email", ChannelEmail;
        InPerson => "personligt", ChannelInPerson;
        Phone => "telefon", ChannelPhone;
    }
);

code_enum!(
    /// Where an application stands.
    Status {
        Planned => "planlagt", StatusPlanned;
        Sent => "sendt", StatusSent;
        Interview => "samtale", StatusInterview;
        Rejected => "afslag", StatusRejected;
        Offered => "tilbud", StatusOffered;
        Hired => "ansat", StatusHired;
    }
);

/// An attached file, without its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentInfo {
    pub file_name: String,
    pub size: usize,
}

/// A stored entry as the person sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: i64,
    pub data: EntryData,
    pub attachment: Option<AttachmentInfo>,
}

/// What an entry says: checked, ready to store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryData {
    pub kind: Kind,
    pub date: NaiveDate,
    pub employer: String,
    pub job_title: String,
    pub channel: Option<Channel>,
    pub status: Status,
    pub notes: String,
    pub application_text: String,
    pub vacancy_id: Option<i64>,
}

/// Whether an entry counts towards the application requirement.
pub fn counts_as_application(kind: Kind, status: Status) -> bool {
    matches!(kind, Kind::Application | Kind::Unsolicited) && status != Status::Planned
}

/// The entry form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JoblogForm {
    /// Set when editing an entry.
    pub id: String,
    pub kind: String,
    pub date: String,
    pub employer: String,
    pub job_title: String,
    pub channel: String,
    pub status: String,
    pub notes: String,
    pub application_text: String,
    /// Set when logged from a vacancy page.
    pub vacancy: String,
}

impl crate::forms::FormData for JoblogForm {}

pub mod field {
    pub const KIND: &str = "kind";
    pub const DATE: &str = "date";
    pub const EMPLOYER: &str = "employer";
    pub const JOB_TITLE: &str = "job_title";
    pub const CHANNEL: &str = "channel";
    pub const STATUS: &str = "status";
    pub const NOTES: &str = "notes";
    pub const APPLICATION_TEXT: &str = "application_text";
    pub const FILE: &str = "file";
}

impl JoblogForm {
    pub fn from_entry(entry: &Entry) -> JoblogForm {
        let e = &entry.data;
        JoblogForm {
            id: entry.id.to_string(),
            kind: e.kind.code().into(),
            date: e.date.to_string(),
            employer: e.employer.clone(),
            job_title: e.job_title.clone(),
            channel: e.channel.map(|c| c.code().to_string()).unwrap_or_default(),
            status: e.status.code().into(),
            notes: e.notes.clone(),
            application_text: e.application_text.clone(),
            vacancy: e.vacancy_id.map(|v| v.to_string()).unwrap_or_default(),
        }
    }

    /// The form filled from a vacancy, for one-click logging: blanks take the
    /// vacancy's employer and title, today's date, and a status fitting the kind.
    pub fn prefilled(mut self, employer: &str, title: &str, today: NaiveDate) -> JoblogForm {
        let kind = Kind::parse(&self.kind).unwrap_or(Kind::Application);
        self.kind = kind.code().into();
        if self.employer.trim().is_empty() {
            self.employer = employer.into();
        }
        if self.job_title.trim().is_empty() {
            self.job_title = title.into();
        }
        if self.date.trim().is_empty() {
            self.date = today.to_string();
        }
        if self.status.trim().is_empty() {
            self.status = if kind == Kind::SavedVacancy { Status::Planned } else { Status::Sent }.code().into();
        }
        if self.channel.trim().is_empty() && kind != Kind::SavedVacancy {
            self.channel = Channel::Online.code().into();
        }
        self
    }
}

/// Checks the form; the date of a sent application may not lie in the future.
pub fn validate(form: &JoblogForm, today: NaiveDate) -> Result<EntryData, AppError> {
    let mut errs = FieldErrors::default();
    let kind = Kind::parse(&form.kind);
    if kind.is_none() {
        errs.add(field::KIND, Msg::ErrChooseOne);
    }
    let status = Status::parse(&form.status);
    if status.is_none() {
        errs.add(field::STATUS, Msg::ErrChooseOne);
    }
    let date = match non_empty(&form.date) {
        None => {
            errs.add(field::DATE, Msg::ErrDateMissing);
            None
        }
        Some(t) => match parse::date(t) {
            None => {
                errs.add(field::DATE, Msg::ErrDateInvalid);
                None
            }
            Some(d) if d < today - Duration::days(366) || d > today + Duration::days(366) => {
                errs.add(field::DATE, Msg::ErrDateOutOfRange);
                None
            }
            Some(d) => Some(d),
        },
    };
    if let (Some(k), Some(s), Some(d)) = (kind, status, date) {
        if counts_as_application(k, s) && d > today {
            errs.add(field::DATE, Msg::ErrDateInFuture);
        }
    }
    let employer = form.employer.trim().to_string();
    if employer.is_empty() && kind != Some(Kind::Other) && kind != Some(Kind::JobFair) {
        errs.add(field::EMPLOYER, Msg::ErrEmployerMissing);
    } else if employer.chars().count() > 200 {
        errs.add(field::EMPLOYER, Msg::ErrTooLong);
    }
    let job_title = form.job_title.trim().to_string();
    if job_title.is_empty() && matches!(kind, Some(Kind::Application | Kind::SavedVacancy | Kind::Interview)) {
        errs.add(field::JOB_TITLE, Msg::ErrJobTitleMissing);
    } else if job_title.chars().count() > 200 {
        errs.add(field::JOB_TITLE, Msg::ErrTooLong);
    }
    let channel = match non_empty(&form.channel) {
        None => None,
        Some(c) => {
            let parsed = Channel::parse(c);
            if parsed.is_none() {
                errs.add(field::CHANNEL, Msg::ErrChooseOne);
            }
            parsed
        }
    };
    if form.notes.chars().count() > 4000 {
        errs.add(field::NOTES, Msg::ErrTooLong);
    }
    if form.application_text.chars().count() > 20_000 {
        errs.add(field::APPLICATION_TEXT, Msg::ErrTooLong);
    }
    let vacancy_id = non_empty(&form.vacancy).and_then(|v| v.parse::<i64>().ok());
    errs.into_result(())?;
    Ok(EntryData {
        kind: kind.unwrap_or(Kind::Other),
        date: date.unwrap_or(today),
        employer,
        job_title,
        channel,
        status: status.unwrap_or(Status::Planned),
        notes: form.notes.trim().to_string(),
        application_text: form.application_text.trim().to_string(),
        vacancy_id,
    })
}

/// One week of the log, Monday first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Week {
    pub monday: NaiveDate,
    pub iso_week: u32,
    pub applications: u32,
    pub activities: u32,
}

/// Where the person stands against the requirement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Applications in the last `weeks` weeks (today included).
    pub applications: u32,
    /// Applications the requirement asks for in that time.
    pub required: f64,
    pub average_per_week: f64,
    pub on_track: bool,
    /// Applications still missing to be on track, rounded up.
    pub missing: u32,
    /// The last `weeks` weeks, newest first.
    pub weeks: Vec<Week>,
    pub days_since_activity: Option<i64>,
    /// No activity for `inactivity_days`.
    pub inactive: bool,
}

pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// Progress from the entries' (date, kind, status); planned entries in the future
/// are not activity yet.
pub fn progress(entries: &[(NaiveDate, Kind, Status)], today: NaiveDate, rules: &JoblogRules) -> Progress {
    let from = today - Duration::days(7 * rules.weeks as i64 - 1);
    let past = entries.iter().filter(|(d, _, _)| *d <= today);
    let applications = past.clone().filter(|(d, k, s)| *d >= from && counts_as_application(*k, *s)).count() as u32;
    let required = rules.applications_per_week * rules.weeks as f64;
    let last = past.clone().map(|(d, _, _)| *d).max();
    let days_since_activity = last.map(|d| (today - d).num_days());
    let this_monday = monday_of(today);
    let weeks = (0..rules.weeks as i64)
        .map(|i| {
            let monday = this_monday - Duration::days(7 * i);
            let in_week = past.clone().filter(|(d, _, _)| monday_of(*d) == monday);
            Week {
                monday,
                iso_week: monday.iso_week().week(),
                applications: in_week.clone().filter(|(_, k, s)| counts_as_application(*k, *s)).count() as u32,
                activities: in_week.count() as u32,
            }
        })
        .collect();
    Progress {
        applications,
        required,
        average_per_week: applications as f64 / rules.weeks.max(1) as f64,
        on_track: applications as f64 >= required,
        missing: (required - applications as f64).max(0.0).ceil() as u32,
        weeks,
        days_since_activity,
        inactive: days_since_activity.is_none_or(|d| d >= rules.inactivity_days),
    }
}

/// The kinds of file an application may be attached as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Docx,
}

impl FileType {
    pub fn content_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }
}

/// Checks an uploaded file by its content, not only its name: a PDF starts with
/// `%PDF-`; a DOCX is a ZIP holding `word/document.xml`.
pub fn check_attachment(file_name: &str, bytes: &[u8], rules: &JoblogRules) -> Result<FileType, Msg> {
    if bytes.is_empty() {
        return Err(Msg::ErrFileMissing);
    }
    if bytes.len() > rules.max_attachment_bytes {
        return Err(Msg::ErrFileTooBig);
    }
    let lower = file_name.to_lowercase();
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if lower.ends_with(".pdf") && bytes.starts_with(b"%PDF-") {
        Ok(FileType::Pdf)
    } else if lower.ends_with(".docx") && bytes.starts_with(b"PK\x03\x04") && contains(b"word/document.xml") {
        Ok(FileType::Docx)
    } else {
        Err(Msg::ErrFileType)
    }
}

/// Problems with an uploaded file, as short codes for the address the browser is
/// sent back to (the upload is a plain multipart POST, outside the form pages).
const UPLOAD_ERRORS: [(&str, Msg); 3] = [("mangler", Msg::ErrFileMissing), ("stor", Msg::ErrFileTooBig), ("type", Msg::ErrFileType)];

pub fn upload_error(code: &str) -> Option<Msg> {
    UPLOAD_ERRORS.iter().find(|(c, _)| *c == code).map(|(_, m)| *m)
}

pub fn upload_error_code(msg: Msg) -> &'static str {
    UPLOAD_ERRORS.iter().find(|(_, m)| *m == msg).map_or("type", |(c, _)| *c)
}

/// A file name safe to send back in a header: letters, digits and `._- `, at most
/// 100 characters.
pub fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String =
        base.chars().map(|c| if c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ' ') { c } else { '_' }).take(100).collect();
    if clean.trim().is_empty() {
        "bilag".into()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn form(kind: &str, status: &str, date: &str) -> JoblogForm {
        JoblogForm {
            kind: kind.into(),
            status: status.into(),
            date: date.into(),
            employer: "Aarhus Kommune".into(),
            job_title: "Pædagog".into(),
            ..Default::default()
        }
    }

    fn fields(r: Result<EntryData, AppError>) -> Vec<(String, Msg)> {
        match r {
            Err(AppError::Invalid(e)) => e.0.into_iter().map(|e| (e.field, e.msg)).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn validation_names_each_field() {
        let today = d("2026-11-23");
        assert_eq!(
            fields(validate(&JoblogForm::default(), today)),
            vec![
                (field::KIND.into(), Msg::ErrChooseOne),
                (field::STATUS.into(), Msg::ErrChooseOne),
                (field::DATE.into(), Msg::ErrDateMissing),
                (field::EMPLOYER.into(), Msg::ErrEmployerMissing),
            ]
        );
        assert_eq!(fields(validate(&form("ansoegning", "sendt", "1-12-2026"), today)), vec![(field::DATE.into(), Msg::ErrDateInFuture)]);
        assert_eq!(fields(validate(&form("ansoegning", "sendt", "31-02-2026"), today)), vec![(field::DATE.into(), Msg::ErrDateInvalid)]);
        assert_eq!(fields(validate(&form("ansoegning", "sendt", "2020-01-01"), today)), vec![(field::DATE.into(), Msg::ErrDateOutOfRange)]);
        // A planned application may lie ahead.
        let ok = validate(&form("ansoegning", "planlagt", "1-12-2026"), today).unwrap();
        assert_eq!((ok.kind, ok.status, ok.date), (Kind::Application, Status::Planned, d("2026-12-01")));
        let mut f = form("ansoegning", "sendt", "2026-11-20");
        f.job_title = " ".into();
        f.channel = "brevdue".into();
        assert_eq!(
            fields(validate(&f, today)),
            vec![(field::JOB_TITLE.into(), Msg::ErrJobTitleMissing), (field::CHANNEL.into(), Msg::ErrChooseOne)]
        );
    }

    #[test]
    fn prefilled_from_a_vacancy() {
        let today = d("2026-11-23");
        let f = JoblogForm { kind: "gemt".into(), vacancy: "7".into(), ..Default::default() }.prefilled("Lego", "Lagermedarbejder", today);
        let e = validate(&f, today).unwrap();
        assert_eq!(
            (e.kind, e.status, e.channel, e.employer.as_str(), e.job_title.as_str(), e.date, e.vacancy_id),
            (Kind::SavedVacancy, Status::Planned, None, "Lego", "Lagermedarbejder", today, Some(7))
        );
        let f = JoblogForm { vacancy: "7".into(), ..Default::default() }.prefilled("Lego", "Lagermedarbejder", today);
        let e = validate(&f, today).unwrap();
        assert_eq!((e.kind, e.status, e.channel), (Kind::Application, Status::Sent, Some(Channel::Online)));
    }

    #[test]
    fn progress_against_one_and_a_half_a_week_over_four_weeks() {
        let rules = JoblogRules::default();
        let today = d("2026-11-25"); // a Wednesday
        let app = |s: &str| (d(s), Kind::Application, Status::Sent);
        // Nothing logged: behind by 6, and inactive.
        let p = progress(&[], today, &rules);
        assert_eq!((p.applications, p.required, p.on_track, p.missing, p.inactive), (0, 6.0, false, 6, true));
        assert_eq!(p.weeks.len(), 4);
        assert_eq!(p.weeks[0].monday, d("2026-11-23"));
        assert_eq!(p.weeks[0].iso_week, 48);
        // Five in the window, one just outside it (28 days ago), one planned, one future.
        let entries = [
            app("2026-11-25"),
            app("2026-11-20"),
            app("2026-11-10"),
            app("2026-11-03"),
            app("2026-10-29"),
            app("2026-10-28"),
            (d("2026-11-24"), Kind::Application, Status::Planned),
            (d("2026-11-30"), Kind::NetworkMeeting, Status::Planned),
            (d("2026-11-24"), Kind::NetworkMeeting, Status::Planned),
        ];
        let p = progress(&entries, today, &rules);
        assert_eq!((p.applications, p.on_track, p.missing, p.days_since_activity, p.inactive), (5, false, 1, Some(0), false));
        assert!((p.average_per_week - 1.25).abs() < 1e-9);
        assert_eq!(p.weeks.iter().map(|w| (w.applications, w.activities)).collect::<Vec<_>>(), [(1, 3), (1, 1), (1, 1), (1, 1)]);
        // Six: on track. An unsolicited application counts; a rejection still counts.
        let mut more = entries.to_vec();
        more.push((d("2026-11-21"), Kind::Unsolicited, Status::Rejected));
        assert!(progress(&more, today, &rules).on_track);
        // Thirty days since the last activity is a warning sign.
        let p = progress(&[app("2026-10-26")], today, &rules);
        assert_eq!((p.days_since_activity, p.inactive), (Some(30), true));
        // Another rule (2 a week) is configuration, not code.
        let strict = JoblogRules { applications_per_week: 2.0, ..rules };
        assert_eq!(progress(&more, today, &strict).missing, 2);
    }

    #[test]
    fn attachments_are_checked_by_content() {
        let rules = JoblogRules { max_attachment_bytes: 100, ..Default::default() };
        assert_eq!(check_attachment("a.pdf", b"%PDF-1.7 ...", &rules), Ok(FileType::Pdf));
        assert_eq!(check_attachment("A.PDF", b"%PDF-1.4", &rules), Ok(FileType::Pdf));
        assert_eq!(check_attachment("a.docx", b"PK\x03\x04....word/document.xml....", &rules), Ok(FileType::Docx));
        assert_eq!(check_attachment("a.pdf", b"MZ\x90\x00", &rules), Err(Msg::ErrFileType));
        assert_eq!(check_attachment("a.exe", b"%PDF-1.7", &rules), Err(Msg::ErrFileType));
        assert_eq!(check_attachment("a.docx", b"PK\x03\x04 other zip", &rules), Err(Msg::ErrFileType));
        assert_eq!(check_attachment("a.pdf", &[b'%'; 101], &rules), Err(Msg::ErrFileTooBig));
        assert_eq!(check_attachment("a.pdf", b"", &rules), Err(Msg::ErrFileMissing));
        assert_eq!(safe_file_name("C:\\x\\Ansøgning \"ny\".pdf"), "Ansøgning _ny_.pdf");
        assert_eq!(safe_file_name("///"), "bilag");
        for m in [Msg::ErrFileMissing, Msg::ErrFileTooBig, Msg::ErrFileType] {
            assert_eq!(upload_error(upload_error_code(m)), Some(m));
        }
        assert_eq!(upload_error("<script>"), None);
    }
}
