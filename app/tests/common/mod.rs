//! Shared by the integration tests.

use app::domain::vacancy::NewVacancy;
use chrono::{Duration, Utc};

/// A valid vacancy in `city`, at the postcode of that name (8000 Aarhus C if
/// none), with a deadline two weeks ahead.
#[allow(dead_code)] // not every test binary needs it
pub fn vacancy(title: &str, city: &str) -> NewVacancy {
    let place = app::domain::postcode::all().iter().find(|p| p.name == city).or_else(|| app::domain::postcode::lookup(8000)).expect("8000");
    NewVacancy {
        title: title.into(),
        employer_name: "Testkommunen".into(),
        description: format!("Vi søger en {title} til et spændende job med gode kolleger."),
        postcode: format!("{:04}", place.number),
        city: city.into(),
        municipality_code: Some(place.municipality),
        weekly_hours: 37.0,
        deadline: Utc::now().date_naive() + Duration::days(14),
        how_to_apply: "job@test.example".into(),
        employment_type: Default::default(),
        occupation_code: None,
    }
}

/// A signed-up employer user of the company with CVR 13748136.
#[allow(dead_code)] // not every test binary needs it
pub async fn employer(st: &app::ssr::AppState, email: &str) -> app::domain::account::User {
    use app::ssr::services::auth::{create_account, NewAccount};
    let new = NewAccount {
        role: app::domain::account::Role::Employer,
        email: email.into(),
        name: "Peter Holm".into(),
        phone: None,
        password: "grøn hest på cykel".into(),
        municipality_code: None,
        company: Some(("13748136".into(), "Marstal Havn ApS".into())),
        postcode: None,
        cpr: None,
    };
    let id = create_account(&st.db, &st.sealer, new).await.unwrap();
    st.db.user_by_id(id).await.unwrap().unwrap().to_user().unwrap()
}

/// A signed-up jobseeker living in `municipality`.
#[allow(dead_code)] // not every test binary needs it
pub async fn jobseeker(st: &app::ssr::AppState, email: &str, municipality: u16) -> app::domain::account::User {
    use app::ssr::services::auth::{create_account, NewAccount};
    let new = NewAccount {
        role: app::domain::account::Role::Jobseeker,
        email: email.into(),
        name: "Anne Jensen".into(),
        phone: None,
        password: "grøn hest på cykel".into(),
        municipality_code: Some(municipality),
        company: None,
        postcode: Some("8000".into()),
        cpr: Some("010190-1234".into()),
    };
    let id = create_account(&st.db, &st.sealer, new).await.unwrap();
    st.db.user_by_id(id).await.unwrap().unwrap().to_user().unwrap()
}

/// Waits until the indexer has applied everything written so far. Generous: this
/// checks behaviour, not speed (the speed is measured and printed, not asserted).
#[allow(dead_code)] // not every test binary needs it
pub async fn settle(st: &app::ssr::AppState) {
    let target = st.db.outbox_max_id().await.unwrap();
    let started = std::time::Instant::now();
    while st.indexer.applied_outbox_id() < target || !st.indexer.is_ready() {
        assert!(started.elapsed().as_secs() < 30, "indexer did not catch up");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
