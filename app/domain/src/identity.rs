//! Danish identifiers: CVR numbers (companies) and CPR numbers (people).

use chrono::NaiveDate;

/// Why a CVR or CPR number was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdError {
    Missing,
    /// Not the right number of digits, or other characters.
    Format,
    /// CVR: the control digit does not match (modulus 11).
    Checksum,
    /// CPR: the first six digits are not a real date.
    Date,
}

impl IdError {
    /// What a person is told about a CVR number not accepted.
    pub fn cvr_message(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            IdError::Missing => Msg::ErrCvrMissing,
            IdError::Checksum => Msg::ErrCvrChecksum,
            IdError::Format | IdError::Date => Msg::ErrCvrInvalid,
        }
    }
}

/// Keeps the digits of `input`, allowing the spaces, dashes and "DK" prefix people
/// type; `None` if anything else is there.
fn digits(input: &str) -> Option<String> {
    let t = input.trim();
    let t = t.strip_prefix("DK").or_else(|| t.strip_prefix("dk")).unwrap_or(t);
    let mut out = String::with_capacity(10);
    for c in t.chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '-' | '\u{a0}' => {}
            _ => return None,
        }
    }
    Some(out)
}

/// A CVR number: 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11.
/// Not for P-numbers, which follow no such rule.
pub fn cvr(input: &str) -> Result<String, IdError> {
    if input.trim().is_empty() {
        return Err(IdError::Missing);
    }
    let d = digits(input).ok_or(IdError::Format)?;
    if d.len() != 8 || d.starts_with('0') {
        return Err(IdError::Format);
    }
    const WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];
    let sum: u32 = d.bytes().zip(WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
    if sum.is_multiple_of(11) {
        Ok(d)
    } else {
        Err(IdError::Checksum)
    }
}

/// A checked CPR number. Only the date part is checked: numbers issued since 2007
/// may fail the old modulus-11 test and are still valid.
#[derive(Clone, PartialEq, Eq)]
pub struct Cpr {
    digits: String,
    pub birth_date: NaiveDate,
}

impl std::fmt::Debug for Cpr {
    // Never print the whole number, not even in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cpr({})", self.masked())
    }
}

impl Cpr {
    /// DDMMYY-XXXX: how a CPR number is shown after entry.
    pub fn masked(&self) -> String {
        format!("{}-XXXX", &self.digits[..6])
    }

    /// The ten digits, for storing encrypted. Handle with care.
    pub fn digits(&self) -> &str {
        &self.digits
    }
}

/// The year of birth from the two-digit year and the 7th digit (the CPR office's
/// century table).
fn century_year(yy: i32, seventh: u8) -> i32 {
    match seventh {
        0..=3 => 1900 + yy,
        4 | 9 => {
            if yy <= 36 {
                2000 + yy
            } else {
                1900 + yy
            }
        }
        _ => {
            if yy <= 57 {
                2000 + yy
            } else {
                1800 + yy
            }
        }
    }
}

/// Reads a CPR number (DDMMYY-SSSS, DDMMYYSSSS or with spaces) and checks its date.
pub fn cpr(input: &str) -> Result<Cpr, IdError> {
    if input.trim().is_empty() {
        return Err(IdError::Missing);
    }
    let d = digits(input).ok_or(IdError::Format)?;
    if d.len() != 10 {
        return Err(IdError::Format);
    }
    let n = |range: std::ops::Range<usize>| d[range].parse::<u32>().map_err(|_| IdError::Format);
    let (day, month, yy) = (n(0..2)?, n(2..4)?, n(4..6)? as i32);
    let seventh = d.as_bytes()[6] - b'0';
    let year = century_year(yy, seventh);
    let birth_date = NaiveDate::from_ymd_opt(year, month, day).ok_or(IdError::Date)?;
    Ok(Cpr { digits: d, birth_date })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn cvr_numbers() {
        assert_eq!(cvr("13748136"), Ok("13748136".into()));
        assert_eq!(cvr(" DK 1374 8136 "), Ok("13748136".into()));
        assert_eq!(cvr("13748137"), Err(IdError::Checksum));
        assert_eq!(cvr("1374813"), Err(IdError::Format));
        assert_eq!(cvr("137481366"), Err(IdError::Format));
        assert_eq!(cvr("1374813a"), Err(IdError::Format));
        assert_eq!(cvr("03748136"), Err(IdError::Format));
        assert_eq!(cvr(""), Err(IdError::Missing));
    }

    #[test]
    fn cpr_numbers_check_the_date_and_century_only() {
        let c = cpr("010190-1234").unwrap();
        assert_eq!(c.birth_date, NaiveDate::from_ymd_opt(1990, 1, 1).unwrap());
        assert_eq!(c.masked(), "010190-XXXX");
        assert_eq!(format!("{c:?}"), "Cpr(010190-XXXX)", "debug output never shows the number");
        // Fails modulus 11 but is a valid number issued after 2007.
        assert!(cpr("0101901235").is_ok());
        for (input, year) in [
            ("0101054000", 2005),
            ("0101404000", 1940),
            ("0101105000", 2010),
            ("0101605000", 1860),
            ("0101109000", 2010),
            ("0101509000", 1950),
            ("0101993000", 1999),
        ] {
            assert_eq!(cpr(input).unwrap().birth_date.year_ce().1 as i32, year, "{input}");
        }
        assert_eq!(cpr("310290-1234"), Err(IdError::Date), "no 31 February");
        assert_eq!(cpr("290200-4000").unwrap().birth_date, NaiveDate::from_ymd_opt(2000, 2, 29).unwrap());
        assert_eq!(cpr("290200-1234"), Err(IdError::Date), "1900 was no leap year");
        assert_eq!(cpr("011390-1234"), Err(IdError::Date));
        assert_eq!(cpr("0101901"), Err(IdError::Format));
        assert_eq!(cpr("01019O-1234"), Err(IdError::Format));
        assert_eq!(cpr(" "), Err(IdError::Missing));
    }
}
