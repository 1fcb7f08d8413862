//! Reading and writing cookies, the same way everywhere.

/// The value of cookie `name` in a `Cookie` header.
pub fn value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').filter_map(|pair| pair.trim().split_once('=')).find(|(n, _)| *n == name).map(|(_, v)| v.trim())
}

/// The language chosen in a `Cookie` header; Danish unless it says otherwise.
pub fn lang(header: &str) -> crate::Lang {
    value(header, crate::i18n::LANG_COOKIE).and_then(crate::Lang::parse).unwrap_or_default()
}

/// The session cookie's name. Over TLS it is `__Host-session`: browsers then take
/// it only with `Secure`, from this very host and for the whole site, so neither a
/// sibling subdomain nor a plain-HTTP answer can plant or shadow it. Over plain HTTP
/// (development) browsers refuse that prefix, so it is `session`.
pub fn session_name(tls: bool) -> &'static str {
    if tls {
        "__Host-session"
    } else {
        "session"
    }
}

/// Whether the request came over TLS, as the reverse proxy says
/// (`X-Forwarded-Proto: https`).
pub fn over_tls(forwarded_proto: Option<&[u8]>) -> bool {
    forwarded_proto == Some(b"https")
}

/// A `Set-Cookie` value: HttpOnly and SameSite=Lax always, Secure when the site is
/// served over TLS. `max_age` 0 deletes the cookie; `None` lasts for the browser
/// session.
pub fn set(name: &str, value: &str, max_age_secs: Option<u64>, secure: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_secs {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_the_cookie_and_defaults_to_danish() {
        assert_eq!(lang("a=b; sprog=en; c=d"), crate::Lang::En);
        assert_eq!(lang("sprog=da"), crate::Lang::Da);
        assert_eq!(lang("sprog=fr"), crate::Lang::Da);
        assert_eq!(lang(""), crate::Lang::Da);
    }

    #[test]
    fn read_and_write() {
        assert_eq!(value("a=1; session=abc ; b=2", "session"), Some("abc"));
        assert_eq!(value("sessionx=1", "session"), None);
        assert_eq!(set("sprog", "en", Some(60), true), "sprog=en; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure");
        assert_eq!(set("session", "", Some(0), false), "session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
        assert_eq!(session_name(true), "__Host-session");
        assert_eq!(set(session_name(true), "t", None, true), "__Host-session=t; Path=/; HttpOnly; SameSite=Lax; Secure");
        assert!(over_tls(Some(b"https")) && !over_tls(Some(b"http")) && !over_tls(None));
    }
}
