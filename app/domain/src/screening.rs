//! The short self-assessment at registration. Its answers route the citizen to
//! self-service or straight to a caseworker, by rules, with the reasons recorded.

use crate::error::FieldErrors;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

code_enum!(
    /// How soon the citizen expects to be in work.
    TimeToJob {
        Soon => "under-3-mdr", TimeToJobSoon;
        Months => "3-6-mdr", TimeToJobMonths;
        Long => "over-6-mdr", TimeToJobLong;
        Unsure => "ved-ikke", TimeToJobUnsure;
    }
);

code_enum!(
    /// Whether health limits the work they can do.
    Health {
        NoLimits => "ingen", HealthNone;
        Some => "nogle", HealthSome;
        Much => "meget", HealthMuch;
    }
);

code_enum!(
    /// How well they read and write Danish.
    Language {
        Good => "godt", LanguageGood;
        Some => "noget", LanguageSome;
        Little => "lidt", LanguageLittle;
    }
);

code_enum!(
    /// How confident they are using a computer and the internet.
    Digital {
        Confident => "sikker", DigitalConfident;
        Some => "nogenlunde", DigitalSome;
        NotConfident => "usikker", DigitalNotConfident;
    }
);

code_enum!(
    /// Why the screening points to a caseworker; recorded with the answers.
    Flag {
        WantsHelp => "oensker-hjaelp", FlagWantsHelp;
        HealthLimits => "helbred", FlagHealth;
        LongWay => "lang-vej", FlagLongWay;
        LanguageAndDigital => "sprog-og-it", FlagLanguageDigital;
        NotDigital => "it", FlagDigital;
    }
);

/// The answers as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScreeningForm {
    pub time_to_job: String,
    pub health: String,
    pub wants_help: String,
    pub language: String,
    pub digital: String,
}

/// The answers, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    pub time_to_job: TimeToJob,
    pub health: Health,
    pub wants_help: bool,
    pub language: Language,
    pub digital: Digital,
}

pub mod field {
    pub const TIME_TO_JOB: &str = "time_to_job";
    pub const HEALTH: &str = "health";
    pub const WANTS_HELP: &str = "wants_help";
    pub const LANGUAGE: &str = "language";
    pub const DIGITAL: &str = "digital";
}

/// Every question must be answered; each unanswered one is reported on its field.
pub fn validate(form: &ScreeningForm) -> Result<Answers, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut need = |name: &str, v: Option<()>| {
        if v.is_none() {
            errors.add(name, Msg::ErrChooseOne);
        }
    };
    let time_to_job = TimeToJob::parse(&form.time_to_job);
    need(field::TIME_TO_JOB, time_to_job.map(|_| ()));
    let health = Health::parse(&form.health);
    need(field::HEALTH, health.map(|_| ()));
    let wants_help = match form.wants_help.trim() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => None,
    };
    need(field::WANTS_HELP, wants_help.map(|_| ()));
    let language = Language::parse(&form.language);
    need(field::LANGUAGE, language.map(|_| ()));
    let digital = Digital::parse(&form.digital);
    need(field::DIGITAL, digital.map(|_| ()));
    match (time_to_job, health, wants_help, language, digital) {
        (Some(time_to_job), Some(health), Some(wants_help), Some(language), Some(digital)) => {
            Ok(Answers { time_to_job, health, wants_help, language, digital })
        }
        _ => Err(errors),
    }
}

/// Why a caseworker should take over; empty: self-service.
pub fn flags(a: &Answers) -> Vec<Flag> {
    let mut out = Vec::new();
    if a.wants_help {
        out.push(Flag::WantsHelp);
    }
    if a.health == Health::Much {
        out.push(Flag::HealthLimits);
    }
    if a.time_to_job == TimeToJob::Long {
        out.push(Flag::LongWay);
    }
    match (a.language, a.digital) {
        (_, Digital::NotConfident) => out.push(Flag::NotDigital),
        (Language::Little, Digital::Some) => out.push(Flag::LanguageAndDigital),
        _ => {}
    }
    out
}

/// A screening as stored and shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub answers: Answers,
    pub flags: Vec<Flag>,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl Screening {
    pub fn to_caseworker(&self) -> bool {
        !self.flags.is_empty()
    }
}

impl crate::forms::FormData for ScreeningForm {}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> Answers {
        Answers {
            time_to_job: TimeToJob::Soon,
            health: Health::NoLimits,
            wants_help: false,
            language: Language::Good,
            digital: Digital::Confident,
        }
    }

    #[test]
    fn answers_route_to_self_service_or_a_caseworker() {
        type Change = fn(&mut Answers);
        let table: Vec<(&str, Change, Vec<Flag>)> = vec![
            ("job-ready and confident", |_| {}, vec![]),
            (
                "some health limits and unsure when: still self-service",
                |a| {
                    a.health = Health::Some;
                    a.time_to_job = TimeToJob::Unsure;
                },
                vec![],
            ),
            ("asks for help", |a| a.wants_help = true, vec![Flag::WantsHelp]),
            ("much limited by health", |a| a.health = Health::Much, vec![Flag::HealthLimits]),
            ("a long way to a job", |a| a.time_to_job = TimeToJob::Long, vec![Flag::LongWay]),
            ("not confident online", |a| a.digital = Digital::NotConfident, vec![Flag::NotDigital]),
            (
                "little Danish and only some IT",
                |a| {
                    a.language = Language::Little;
                    a.digital = Digital::Some;
                },
                vec![Flag::LanguageAndDigital],
            ),
            ("little Danish but confident online: self-service (in English)", |a| a.language = Language::Little, vec![]),
            (
                "several",
                |a| {
                    a.wants_help = true;
                    a.health = Health::Much;
                },
                vec![Flag::WantsHelp, Flag::HealthLimits],
            ),
        ];
        for (name, change, expected) in table {
            let mut a = answers();
            change(&mut a);
            assert_eq!(flags(&a), expected, "{name}");
        }
    }

    #[test]
    fn every_question_needs_an_answer() {
        let errors = validate(&ScreeningForm::default()).unwrap_err();
        assert_eq!(errors.len(), 5);
        let form = ScreeningForm {
            time_to_job: "3-6-mdr".into(),
            health: "nogle".into(),
            wants_help: "nej".into(),
            language: "godt".into(),
            digital: "sikker".into(),
        };
        assert_eq!(validate(&form).unwrap().time_to_job, TimeToJob::Months);
        let bad = ScreeningForm { wants_help: "måske".into(), ..form };
        assert_eq!(validate(&bad).unwrap_err().get(field::WANTS_HELP), Some(Msg::ErrChooseOne));
    }
}
