//! What every form's data is: typed fields that the browser and the server read
//! the same way.

use serde::{de::DeserializeOwned, Serialize};

/// What a form page's fields are, as typed.
pub trait FormData: Clone + Default + Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The form as it may be shown again: secrets (passwords) removed, because a
    /// rejected form is written back into the page.
    fn scrubbed(self) -> Self {
        self
    }
}

/// The names a date field's three boxes are posted under: `deadline-day`,
/// `deadline-month` and `deadline-year` for the field `deadline`.
pub const DATE_BOXES: [&str; 3] = ["-day", "-month", "-year"];

/// A posted form's fields with each date field's three boxes joined into one value
/// under the field's own name ([`crate::parse::join_date`]), so every form's data
/// and rules see one date. A plain field of the same name gives way to the boxes.
pub fn join_date_boxes(fields: Vec<(String, String)>) -> Vec<(String, String)> {
    let box_of =
        |name: &str| DATE_BOXES.iter().enumerate().find_map(|(i, suffix)| name.strip_suffix(suffix).map(|base| (base.to_string(), i)));
    let mut dates: Vec<(String, [String; 3])> = Vec::new();
    let mut rest = Vec::with_capacity(fields.len());
    for (name, value) in fields {
        match box_of(&name) {
            Some((base, i)) if !base.is_empty() => {
                let at = match dates.iter().position(|(b, _)| *b == base) {
                    Some(at) => at,
                    None => {
                        dates.push((base, Default::default()));
                        dates.len() - 1
                    }
                };
                // A box sent twice keeps its last value, as a plain field would be refused.
                dates[at].1[i] = value;
            }
            _ => rest.push((name, value)),
        }
    }
    rest.retain(|(name, _)| !dates.iter().any(|(base, _)| base == name));
    rest.extend(dates.into_iter().map(|(base, [d, m, y])| (base, crate::parse::join_date(&d, &m, &y))));
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn date_boxes_become_one_field() {
        let posted = pairs(&[
            ("title", "Kok"),
            ("deadline-day", "5"),
            ("deadline-month", "1"),
            ("deadline-year", "2027"),
            ("from-year", "2026"),
            ("deadline", "2020-01-01"),
        ]);
        let joined = join_date_boxes(posted);
        assert_eq!(joined, pairs(&[("title", "Kok"), ("deadline", "5-1-2027"), ("from", "--2026")]));
        assert_eq!(join_date_boxes(pairs(&[("deadline", "2027-01-05")])), pairs(&[("deadline", "2027-01-05")]), "a plain date still reads");
        assert_eq!(join_date_boxes(pairs(&[("-day", "5")])), pairs(&[("-day", "5")]), "a box of no field is just a field");
        assert_eq!(join_date_boxes(pairs(&[("d-day", ""), ("d-month", ""), ("d-year", "")])), pairs(&[("d", "")]));
    }
}
