//! Accounts by role, made through the same sign-up rules as a person's.

use app::domain::account::{Role, User};
use app::ssr::services::auth::{create_account, NewAccount};
use app::ssr::AppState;

/// The password of every account made here.
pub const PASSWORD: &str = "grøn hest på cykel";

/// An account to make: a role's usual details, changed where a test needs it.
#[derive(Clone, Debug)]
pub struct Account(NewAccount);

impl Account {
    fn new(role: Role, email: &str, name: &str) -> Account {
        Account(NewAccount {
            role,
            email: email.into(),
            name: name.into(),
            phone: None,
            password: PASSWORD.into(),
            municipality_code: None,
            company: None,
            postcode: None,
            cpr: None,
            lang: app::Lang::Da,
        })
    }

    /// A jobseeker living in Aarhus (751), with a CPR number.
    pub fn jobseeker(email: &str) -> Account {
        let mut a = Account::new(Role::Jobseeker, email, "Anne Jensen");
        a.0.municipality_code = Some(751);
        a.0.postcode = Some("8000".into());
        a.0.cpr = Some("010190-1234".into());
        a
    }

    /// An employer of Marstal Havn ApS (CVR 13748136).
    pub fn employer(email: &str) -> Account {
        Account::new(Role::Employer, email, "Peter Holm").company("13748136", "Marstal Havn ApS")
    }

    /// A caseworker of `municipality`.
    pub fn caseworker(email: &str, municipality: u16) -> Account {
        let name = format!("Konsulent {}", email.split('@').next().unwrap_or(email));
        Account::new(Role::Caseworker, email, &name).municipality(municipality)
    }

    /// An administrator.
    pub fn admin(email: &str) -> Account {
        Account::new(Role::Admin, email, "Sofie Dam")
    }

    pub fn name(mut self, name: &str) -> Account {
        self.0.name = name.into();
        self
    }

    pub fn phone(mut self, phone: &str) -> Account {
        self.0.phone = Some(phone.into());
        self
    }

    pub fn password(mut self, password: &str) -> Account {
        self.0.password = password.into();
        self
    }

    /// Where a jobseeker lives or a caseworker works; `None` leaves it out.
    pub fn municipality(mut self, code: impl Into<Option<u16>>) -> Account {
        self.0.municipality_code = code.into();
        self
    }

    pub fn postcode(mut self, postcode: &str) -> Account {
        self.0.postcode = Some(postcode.into());
        self
    }

    pub fn cpr(mut self, cpr: &str) -> Account {
        self.0.cpr = Some(cpr.into());
        self
    }

    pub fn company(mut self, cvr: &str, name: &str) -> Account {
        self.0.company = Some((cvr.into(), name.into()));
        self
    }

    /// The language they signed up in.
    pub fn lang(mut self, lang: app::Lang) -> Account {
        self.0.lang = lang;
        self
    }

    /// The sign-up as the service receives it (for tests of its checks).
    pub fn sign_up(self) -> NewAccount {
        self.0
    }

    /// Makes the account at the state's clock; panics if sign-up refuses it.
    pub async fn create(self, st: &AppState) -> User {
        let email = self.0.email.clone();
        let id = create_account(&st.db, &st.sealer, self.0, st.clock.now()).await.unwrap_or_else(|e| panic!("sign-up of {email}: {e:?}"));
        st.db.user_by_id(id).await.unwrap().unwrap().to_user().unwrap()
    }
}
