//! Demo data for the jobcentre: København's citizens in a realistic mix. Most serve
//! themselves well; some have stalled for each reason (the scan raises those on
//! start); one asked for help, one was screened to a caseworker, one missed three
//! checks, and two are on a caseworker-led track with a meeting.

use super::{complete_cv, save_cv, CvPerson, FIRST_NAMES, SURNAMES};
use app::domain::account::Role;
use app::domain::escalation::{Reason, Status, Track};
use app::domain::joblog::{Channel, EntryData, Kind, Status as EntryStatus};
use app::domain::jobseeker::Notice;
use app::error::AppError;
use app::ssr::clock::Clock;
use app::ssr::db::{Db, MissRecord, NewUserRow};
use chrono::{DateTime, Duration, NaiveDate, Utc};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Situation {
    Fine,
    CvIncomplete,
    Inactive,
    Behind,
    PeriodEnded,
    AskedHelp,
    Screened,
    MissedChecks,
    CaseworkerTrack,
}

/// (situation, how many, days since registration of the first of them).
const MIX: &[(Situation, usize, i64)] = &[
    (Situation::Fine, 14, 8),
    (Situation::CvIncomplete, 2, 18),
    (Situation::Inactive, 2, 60),
    (Situation::Behind, 2, 50),
    (Situation::PeriodEnded, 1, 95),
    (Situation::AskedHelp, 1, 30),
    (Situation::Screened, 1, 2),
    (Situation::MissedChecks, 1, 70),
    (Situation::CaseworkerTrack, 2, 100),
];

const PEOPLE: [CvPerson; 3] = [
    CvPerson::PAEDAGOG,
    CvPerson {
        occupation: "933310",
        summary: "Erfaren lagermedarbejder med truckcertifikat. Stabil og glad for fysisk arbejde.",
        education: ("Lager- og terminaluddannelsen", "TEC, Hvidovre"),
        experience: ("Lagermedarbejder", "Nordisk Fragt A/S, Avedøre"),
        skills: "Truckcertifikat\nPlukning med scanner\nVarelager i SAP",
    },
    CvPerson {
        occupation: "532210",
        summary: "Social- og sundhedshjælper med erfaring fra hjemmeplejen. Rolig og omsorgsfuld.",
        education: ("Social- og sundhedshjælperuddannelsen", "SOSU H, København"),
        experience: ("Social- og sundhedshjælper", "Hjemmeplejen Amager"),
        skills: "Forflytning\nMedicinhåndtering\nDemens",
    },
];

/// Adds København's demo citizens (once: skipped when the first exists). Their
/// password is the demo password; they sign in as `borger01.kbh@demo.example` ….
pub async fn seed(db: &Db, clock: &Clock) -> Result<usize, AppError> {
    let (today, now) = (clock.today(), clock.now());
    if db.user_by_email("borger01.kbh@demo.example").await?.is_some() {
        return Ok(0);
    }
    // The demo accounts' password hash, reused: hashing 26 passwords would slow start-up.
    let Some(template) = db.user_by_email("borger@demo.example").await? else { return Ok(0) };
    let caseworker = db.user_by_email("jobkonsulent.kbh@demo.example").await?.map(|u| u.id);
    let mut n = 0;
    for (situation, count, first_days) in MIX {
        for k in 0..*count {
            n += 1;
            let name = format!("{} {}", FIRST_NAMES[(n * 7) % FIRST_NAMES.len()], SURNAMES[(n * 11) % SURNAMES.len()]);
            let row = NewUserRow {
                role: Role::Jobseeker,
                email: format!("borger{n:02}.kbh@demo.example"),
                name,
                phone: Some(format!("+45 20 {:02} {:02} {:02}", n, (n * 3) % 100, (n * 7) % 100)),
                password_hash: template.password_hash.clone(),
                municipality_code: Some(101),
                company_id: None,
                company_role: None,
                postcode: Some("2200".into()),
                cpr_sealed: None,
                cpr_masked: None,
                lang: app::Lang::Da,
            };
            let Some(id) = db.insert_user(&row, now).await? else { continue };
            let registered = today - Duration::days(first_days + 3 * k as i64);
            citizen(db, id, *situation, (registered, today, now), caseworker, n).await?;
        }
    }
    Ok(n)
}

async fn citizen(
    db: &Db,
    id: i64,
    situation: Situation,
    (registered, today, now): (NaiveDate, NaiveDate, DateTime<Utc>),
    caseworker: Option<i64>,
    n: usize,
) -> Result<(), AppError> {
    let next_check = app::domain::calendar::next_deadline_day(today + Duration::days(1 + (n % 5) as i64), &[]);
    db.ensure_jobseeker(id, registered, next_check).await?;
    if situation != Situation::CvIncomplete {
        save_cv(db, id, &complete_cv(&PEOPLE[n % PEOPLE.len()], 101, today)?, now).await?;
    }
    // Applications: two a week, one a week when behind, none for 35 days when quiet.
    let per_week = if situation == Situation::Behind { 1 } else { 2 };
    let last = if situation == Situation::Inactive { today - Duration::days(35) } else { today - Duration::days(1) };
    let mut day = last;
    while day >= registered.max(today - Duration::weeks(8)) {
        for j in 0..per_week {
            let entry = EntryData {
                kind: Kind::Application,
                date: day - Duration::days(2 * j),
                employer: ["Københavns Kommune", "Netto", "Region Hovedstaden", "DSV", "Coop"][(n + j as usize) % 5].into(),
                job_title: ["Pædagog", "Lagermedarbejder", "Social- og sundhedshjælper"][n % 3].into(),
                channel: Some(Channel::Online),
                status: EntryStatus::Sent,
                notes: String::new(),
                application_text: String::new(),
                vacancy_id: None,
            };
            db.insert_entry(id, &entry, now, app::domain::limits::JOBLOG_ENTRIES).await?;
        }
        day -= Duration::days(7);
    }
    let notice = |reason: Reason| {
        serde_json::to_string(&Notice::Escalated { reason }).map_err(|e| AppError::internal(format_args!("demo notice: {e}")))
    };
    let due = app::domain::escalation::due_on(today, &Default::default());
    let raise = |reason: Reason, detail: &'static str| {
        let notice = notice(reason);
        async move { db.raise_escalation(id, Some(101), (reason.code(), detail), due, &notice?, now).await }
    };
    match situation {
        Situation::AskedHelp => {
            db.insert_message(id, id, true, "Jeg har søgt mange job uden at komme til samtale. Kan I hjælpe mig med min ansøgning?", now)
                .await?;
            if let (Some(esc), Some(cw)) = (raise(Reason::HelpRequested, "borgeren bad om hjælp").await?, caseworker) {
                db.assign_escalation(esc, cw).await?;
            }
        }
        Situation::Screened => {
            let answers = r#"{"time_to_job":"Long","health":"Much","wants_help":true,"language":"Good","digital":"Some"}"#;
            db.save_screening(id, answers, r#"["WantsHelp","HealthLimits","LongWay"]"#, now).await?;
            raise(Reason::Screening, "ønsker at tale med en jobkonsulent, helbredet begrænser meget, forventer mere end 6 måneder til job")
                .await?;
        }
        Situation::MissedChecks => {
            // Three deadlines missed, each recorded as the sweep does.
            let dates = [today - Duration::days(150), today - Duration::days(60), today - Duration::days(9)];
            db.set_check_due(id, dates[0]).await?;
            for (i, missed_on) in dates.iter().enumerate() {
                let last = i == dates.len() - 1;
                let record = MissRecord {
                    missed_on: *missed_on,
                    new_due: if last { next_check } else { dates[i + 1] },
                    notice: serde_json::to_string(&Notice::CheckMissed { new_due: *missed_on + Duration::days(7) })
                        .map_err(|e| AppError::internal(format_args!("demo notice: {e}")))?,
                    escalation: last
                        .then(|| (Some(101), Reason::ChecksMissed.code().to_string(), "3 missede tjek inden for 12 måneder".to_string())),
                };
                db.record_miss(id, &record, now).await?;
            }
        }
        Situation::CaseworkerTrack => {
            raise(Reason::PeriodEnded, "selvbetjeningsperioden på 13 uger er slut").await?;
            let closed = serde_json::to_string(&Notice::EscalationClosed { status: Status::CaseworkerTrack })
                .map_err(|e| AppError::internal(format_args!("demo notice: {e}")))?;
            let by = caseworker.unwrap_or(id);
            db.close_escalations(
                id,
                (Status::CaseworkerTrack.code(), Track::Caseworker.code()),
                "Vi holder faste samtaler, og du får et forløb med mentor.",
                by,
                &closed,
                now,
            )
            .await?;
            let at = (today + Duration::days(3 + n as i64 % 4)).and_hms_opt(10, 0, 0).expect("valid time");
            db.insert_meeting(id, by, ("fremmoede", at, "Jobcenter København, Gyldenløvesgade 11, 1600 København V"), now).await?;
        }
        // The scan raises these from the facts above.
        Situation::Fine | Situation::CvIncomplete | Situation::Inactive | Situation::Behind | Situation::PeriodEnded => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mix_is_mostly_self_service() {
        let total: usize = MIX.iter().map(|(_, n, _)| n).sum();
        let fine: usize = MIX.iter().filter(|(s, ..)| *s == Situation::Fine).map(|(_, n, _)| n).sum();
        assert!(fine * 2 > total, "{fine} of {total}");
        assert_eq!(MIX.len(), 9, "every situation is there");
    }
}
