//! CVs made through the CV editor's own service, one section at a time.

use app::domain::account::User;
use app::domain::cv::{CvForm, Section};
use app::ssr::services::jobseeker::cv;
use app::ssr::AppState;

/// One edit of a section as the editor posts it ("add"), changed by `f`.
pub fn cv_form(section: Section, f: impl FnOnce(&mut CvForm)) -> CvForm {
    let mut form = CvForm { section: section.code().into(), action: "add".into(), ..Default::default() };
    f(&mut form);
    form
}

/// What a complete CV says: the occupation sought (as the occupation field takes
/// it, "Pædagog (234210)"), the latest job and education, and the terms.
#[derive(Clone, Debug)]
pub struct CvFacts {
    pub occupation: &'static str,
    pub job: &'static str,
    pub education: &'static str,
    pub skill: &'static str,
    /// "fuld", "deltid" or "begge".
    pub time: &'static str,
}

impl Default for CvFacts {
    fn default() -> Self {
        CvFacts { occupation: "Pædagog (234210)", job: "Pædagog", education: "Pædagoguddannelsen", skill: "", time: "fuld" }
    }
}

/// Fills every mandatory part of the CV (and skills when given), as the editor does.
pub async fn complete_cv(st: &AppState, me: &User, facts: CvFacts) {
    let today = st.clock.today();
    let mut forms = vec![
        cv_form(Section::Contact, |f| f.show_email = "on".into()),
        cv_form(Section::Occupations, |f| f.occupation = facts.occupation.into()),
        cv_form(Section::Education, |f| {
            f.item_title = facts.education.into();
            f.item_place = "VIA".into();
            f.item_from = "2015".into();
            f.item_to = "2019".into();
        }),
        cv_form(Section::Experience, |f| {
            f.item_title = facts.job.into();
            f.item_place = "Børnehuset".into();
            f.item_from = "2019".into();
        }),
        cv_form(Section::Terms, |f| {
            f.hours = "37".into();
            f.time = facts.time.into();
            f.municipality = "751".into();
            f.max_travel = "30".into();
        }),
    ];
    if !facts.skill.is_empty() {
        forms.push(cv_form(Section::Skills, |f| f.skills = facts.skill.into()));
    }
    for f in forms {
        cv::edit(st, me, &f, today).await.unwrap_or_else(|e| panic!("CV edit {:?}: {e:?}", f.section));
    }
}
