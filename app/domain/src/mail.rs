//! E-mail that goes out once: how long a node holds a message it is sending, how
//! often a failed one is tried again, and what names a message.

use chrono::{Duration, NaiveDate};

/// How long a node holds the messages it claimed: longer than any SMTP exchange
/// takes, so a message is not sent twice, short enough that a node that died
/// leaves its messages to another soon.
pub const CLAIM: Duration = Duration::minutes(5);

/// Messages one node claims at a time.
pub const BATCH: i64 = 50;

/// After this many failed attempts a message is left with its last error (and the
/// operator is told in the log); it is not tried again.
pub const MAX_ATTEMPTS: i32 = 10;

/// The pause before the next attempt after `attempts` failed ones: one minute,
/// doubling each time, at most six hours.
pub fn retry_after(attempts: i32) -> Duration {
    let minutes = 1i64 << attempts.clamp(0, 9);
    Duration::minutes(minutes.min(6 * 60))
}

/// The name of a person's job-agent digest of a day: queued once per day.
pub fn digest_key(user_id: i64, on: NaiveDate) -> String {
    format!("agent-digest:{user_id}:{on}")
}

/// The name of an employer's candidate-agent digest of a day.
pub fn candidate_digest_key(user_id: i64, on: NaiveDate) -> String {
    format!("candidate-digest:{user_id}:{on}")
}

/// The SMTP Message-ID of a message, from its name: a receiving server that sees
/// it twice can tell it is the same message.
pub fn message_id(key: &str, domain: &str) -> String {
    let safe: String = key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '.' }).collect();
    format!("<{safe}@{domain}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_six_hours() {
        let waits: Vec<i64> = (0..12).map(|a| retry_after(a).num_minutes()).collect();
        assert_eq!(&waits[..5], [1, 2, 4, 8, 16]);
        assert!(waits.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(*waits.last().unwrap(), 6 * 60);
        assert_eq!(retry_after(-3).num_minutes(), 1);
    }

    #[test]
    fn a_digest_has_one_name_a_day_and_a_safe_message_id() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        assert_eq!(digest_key(42, day), "agent-digest:42:2027-01-04");
        assert_eq!(message_id(&digest_key(42, day), "job.example"), "<agent-digest.42.2027-01-04@job.example>");
    }
}
