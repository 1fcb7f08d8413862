//! Shared by the integration tests.

use app::domain::vacancy::NewVacancy;
use chrono::{Duration, Utc};

/// A valid vacancy with a deadline two weeks ahead.
pub fn vacancy(title: &str, city: &str) -> NewVacancy {
    NewVacancy {
        title: title.into(),
        employer_name: "Testkommunen".into(),
        description: format!("Vi søger en {title} til et spændende job med gode kolleger."),
        postcode: "8000".into(),
        city: city.into(),
        municipality_code: Some(751),
        weekly_hours: 37.0,
        deadline: Utc::now().date_naive() + Duration::days(14),
        how_to_apply: "job@test.example".into(),
    }
}

