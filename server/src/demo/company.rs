//! The demo company, Marstal Havn ApS, as a company in use: three users (the
//! administrator, an approved colleague, one waiting to be approved), vacancies
//! in every state with their history and a month of statistics, and a report of
//! a vacancy waiting for an administrator.

use super::DEMO_PASSWORD;
use app::domain::account::{CompanyRole, Role};
use app::domain::vacancy::{CloseReason, NewVacancy};
use app::error::AppError;
use app::ssr::clock::Clock;
use app::ssr::db::{Actor, Counter, Db, Posting};
use app::ssr::secrets::Sealer;
use app::ssr::services::auth::{create_account, NewAccount};
use chrono::Duration;

/// Adds it once (skipped when the colleague exists). Returns the vacancies added.
pub async fn seed(db: &Db, sealer: &Sealer, clock: &Clock) -> Result<usize, AppError> {
    if db.user_by_email("kollega@demo.example").await?.is_some() {
        return Ok(0);
    }
    let Some(admin) = db.user_by_email("arbejdsgiver@demo.example").await? else { return Ok(0) };
    let Some(company_id) = admin.company_id else { return Ok(0) };
    let (now, today) = (clock.now(), clock.today());
    let join = |email: &str, name: &str| NewAccount {
        role: Role::Employer,
        email: email.into(),
        name: name.into(),
        phone: None,
        password: DEMO_PASSWORD.into(),
        municipality_code: None,
        company: Some(("13748136".into(), "Marstal Havn ApS".into())),
        postcode: None,
        cpr: None,
        lang: app::Lang::Da,
    };
    let eva = create_account(db, sealer, join("kollega@demo.example", "Eva Holm"), now).await?;
    db.change_company_role(company_id, eva, CompanyRole::Pending, CompanyRole::Member).await?;
    // Asks to join and waits for the administrator.
    create_account(db, sealer, join("ny.kollega@demo.example", "Jonas Dam"), now).await?;

    let peter = Actor { id: Some(admin.id), name: &admin.name };
    let eva = Actor { id: Some(eva), name: "Eva Holm" };
    let post = |by| Posting { company_id, by, reposted_from: None };
    let vacancy = |title: &str, days: i64| NewVacancy {
        title: title.into(),
        employer_name: "Marstal Havn".into(),
        description: format!("Marstal Havn søger en {} til havnen, bådpladserne og de mange sejlere om sommeren.", title.to_lowercase()),
        postcode: "5960".into(),
        city: "Marstal".into(),
        municipality_code: Some(492),
        weekly_hours: 37.0,
        deadline: today + Duration::days(days),
        how_to_apply: "job@marstalhavn.example".into(),
        employment_type: Default::default(),
        occupation_code: None,
    };
    // Open, edited by a colleague and extended.
    let open = db.insert_company_vacancy(&vacancy("Havnefoged", 14), post(peter), now - Duration::days(20)).await?;
    db.update_company_vacancy(open, company_id, &vacancy("Havnefoged med sans for sejlere", 14), eva, now - Duration::days(12)).await?;
    db.extend_company_vacancy(open, company_id, today + Duration::days(30), peter, now - Duration::days(2)).await?;
    // Its deadline passed, not closed yet.
    db.insert_company_vacancy(&vacancy("Sommerhjælp på havnen", -5), post(eva), now - Duration::days(40)).await?;
    // Filled.
    let filled = db.insert_company_vacancy(&vacancy("Bådebygger", 10), post(peter), now - Duration::days(30)).await?;
    db.close_vacancy_for(filled, Some(company_id), CloseReason::Filled, eva, CloseReason::Filled.code(), now - Duration::days(3)).await?;
    // A month of how the open one did: more views on weekdays, a few saves and applications.
    for back in 0..20i64 {
        let day = today - Duration::days(back);
        for _ in 0..(3 + (back * 7) % 9) {
            db.count_vacancy(open, day, Counter::View).await?;
        }
        if back % 4 == 1 {
            db.count_vacancy(open, day, Counter::Save).await?;
        }
        if back % 6 == 2 {
            db.count_vacancy(open, day, Counter::Applied).await?;
        }
    }
    // A report waiting: the demo jobseeker found something wrong with a vacancy.
    if let (Some(citizen), Some(reported)) = (db.user_by_email("borger@demo.example").await?, db.open_vacancies_after(0, 1).await?.first())
    {
        let details = "Adressen i opslaget findes ikke, og telefonnummeret er lukket.";
        db.insert_report(reported.id, citizen.id, ("forkerte-oplysninger", details), now).await?;
    }
    Ok(3)
}

/// The demo company's candidate agent (with new candidates), and its
/// conversations with candidates, one in each state: answered
/// by the demo jobseeker (the company has not read the answer), declined, and
/// waiting for the candidate to read it. Each candidate's CV was opened first, as
/// the citizen's access log shows. Added once; run after the citizens exist.
pub async fn seed_contacts(db: &Db, clock: &Clock) -> Result<usize, AppError> {
    use app::ssr::db::Side;
    let Some(admin) = db.user_by_email("arbejdsgiver@demo.example").await? else { return Ok(0) };
    let Some(company_id) = admin.company_id else { return Ok(0) };
    if !db.contacts(Side::Company(company_id), None, 1).await?.is_empty() {
        return Ok(0);
    }
    let Some(company) = db.company(company_id).await? else { return Ok(0) };
    let peter = admin.to_user()?;
    let now = clock.now();
    let vacancy = db.vacancies_of_company(company_id).await?.into_iter().find(|v| v.status == "open").map(|v| v.id);
    let mut people = Vec::new();
    if let Some(demo) = db.user_by_email("borger@demo.example").await? {
        people.push(demo.id);
    }
    let others: Vec<i64> =
        db.findable_cvs_after(0, 50).await?.into_iter().map(|r| r.user_id).filter(|id| !people.contains(id)).take(2).collect();
    people.extend(others);
    let texts = [
        "Hej\n\nVi har en stilling som havnefoged, hvor dit CV passer godt. Vil du høre mere? Ring eller skriv, så finder vi en tid.\n\nPeter Holm, Marstal Havn",
        "Hej\n\nVi søger sommerhjælp på havnen. Kunne det være noget for dig?\n\nPeter Holm, Marstal Havn",
        "Hej\n\nVi ansætter i løbet af foråret og vil gerne kende dig. Må vi ringe en dag i næste uge?\n\nPeter Holm, Marstal Havn",
    ];
    // A candidate agent for pædagoger in København, with new candidates to see.
    let pedagogues: Vec<(i64, String)> = db
        .findable_cvs_after(0, 200)
        .await?
        .into_iter()
        .filter(|r| r.municipality_code == Some(101) && r.cv.contains("\"234210\""))
        .map(|r| (r.user_id, "Pædagog".to_string()))
        .collect();
    if let app::ssr::db::Quota::Stored(agent) = db
        .insert_candidate_agent(
            company_id,
            admin.id,
            "Pædagoger i København",
            "q=p%C3%A6dagog&kommune=101",
            true,
            &[],
            now - Duration::days(7),
            50,
        )
        .await?
    {
        db.record_candidate_matches(agent, &pedagogues[..pedagogues.len().min(3)], now - Duration::days(1)).await?;
    }
    let mut made = 0;
    for (i, (person, text)) in people.into_iter().zip(texts).enumerate() {
        let at = now - Duration::days(3 - i as i64);
        db.insert_audit_as(&peter, Some(&company.name), app::domain::audit::AuditAction::Read, person, "cv", "rekruttering", at).await?;
        let about = if i == 0 { vacancy } else { None };
        let Some(thread) = db.start_contact(company_id, person, about, &admin.name, text, at).await? else { continue };
        made += 1;
        match i {
            0 => {
                let answer = "Tak for beskeden! Jeg vil meget gerne høre mere. I kan ringe efter kl. 10.";
                db.add_contact_message(Side::Citizen(person), thread, "", answer, at + Duration::hours(5)).await?;
            }
            1 => {
                db.decline_contact(person, thread, at + Duration::hours(2)).await?;
            }
            _ => {}
        }
    }
    Ok(made)
}

/// A request from the demo company to København's jobcentre for help recruiting
/// pædagoger for a nature kindergarten in 2100, waiting in the queue. Added once.
pub async fn seed_business_task(db: &Db, clock: &Clock) -> Result<usize, AppError> {
    use app::ssr::db::Desk;
    let Some(admin) = db.user_by_email("arbejdsgiver@demo.example").await? else { return Ok(0) };
    let Some(company_id) = admin.company_id else { return Ok(0) };
    let (now, today) = (clock.now(), clock.today());
    let since = now - Duration::days(3650);
    if !db.business_tasks(Desk::Company(company_id), since, 1).await?.is_empty() {
        return Ok(0);
    }
    let details = NewVacancy {
        title: "Pædagog til naturbørnehaven Myretuen".into(),
        employer_name: "Marstal Havn".into(),
        description: "Vores nye naturbørnehave på Østerbro søger en pædagog, der elsker at være ude med børnene hele året. \
                      Du planlægger ture, bål og naturformidling sammen med dine kolleger."
            .into(),
        postcode: "2100".into(),
        city: "København Ø".into(),
        municipality_code: Some(101),
        weekly_hours: 37.0,
        deadline: today + Duration::days(30),
        how_to_apply: "job@marstalhavn.example".into(),
        employment_type: Default::default(),
        occupation_code: Some("234210".into()),
    };
    let peter = Actor { id: Some(admin.id), name: &admin.name };
    let posted = now - Duration::days(6);
    let vacancy = db.insert_company_vacancy(&details, Posting { company_id, by: peter, reposted_from: None }, posted).await?;
    let need = "Vi åbner en naturbørnehave i foråret og mangler to pædagoger, gerne med erfaring i naturformidling. \
                Vi vil også gerne tage en kandidat i virksomhedspraktik først.";
    db.insert_business_task(company_id, vacancy, admin.id, need, today + Duration::days(21), now - Duration::days(2)).await?;
    Ok(1)
}
