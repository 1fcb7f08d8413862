//! Sealing personal identifiers (CPR numbers) with the server's key, so that a
//! database dump alone does not reveal them. XChaCha20-Poly1305 with a random
//! nonce per value; the stored form is hex(nonce || ciphertext).

use crate::error::AppError;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use std::path::Path;

/// The text sealed in the database's key check.
const KEY_CHECK: &str = "jobunivers key check";

pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

impl Sealer {
    /// From 64 hex characters (32 bytes).
    pub fn from_hex_key(key: &str) -> Result<Sealer, AppError> {
        let bytes =
            unhex(key.trim()).filter(|b| b.len() == 32).ok_or_else(|| AppError::internal("the secret key must be 64 hex characters"))?;
        Ok(Sealer { cipher: XChaCha20Poly1305::new(Key::from_slice(&bytes)) })
    }

    /// A key that lives only as long as this process: for tests. One key for the
    /// whole process, so what one part seals (demo data) another can open.
    pub fn ephemeral() -> Sealer {
        static KEY: std::sync::OnceLock<Key> = std::sync::OnceLock::new();
        Sealer { cipher: XChaCha20Poly1305::new(KEY.get_or_init(|| XChaCha20Poly1305::generate_key(&mut OsRng))) }
    }

    /// The key from `JOBUNIVERS_SECRET_KEY` if given; else from `file`, which is
    /// created (readable by the owner only) on first start. Keep that file out of
    /// database backups: without it, sealed values cannot be read.
    pub fn load_or_create(env_key: Option<&str>, file: &Path) -> Result<Sealer, AppError> {
        if let Some(key) = env_key.filter(|k| !k.trim().is_empty()) {
            return Sealer::from_hex_key(key);
        }
        if let Ok(key) = std::fs::read_to_string(file) {
            return Sealer::from_hex_key(&key);
        }
        let key = hex(&XChaCha20Poly1305::generate_key(&mut OsRng));
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| AppError::internal(format_args!("creating {}: {e}", dir.display())))?;
        }
        write_private(file, &key)?;
        tracing::info!(file = %file.display(), "created a new secret key");
        Sealer::from_hex_key(&key)
    }

    /// Whether this is the key the database's sealed values were made with: it
    /// opens the check value the first node stored (or stores one, on a new
    /// database). A node given another key must not start.
    pub async fn check_database(&self, db: &crate::ssr::db::Db) -> Result<bool, AppError> {
        let stored = db.key_check(&self.seal(KEY_CHECK)?).await?;
        Ok(self.open(&stored).is_ok_and(|text| text == KEY_CHECK))
    }

    pub fn seal(&self, plain: &str) -> Result<String, AppError> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self.cipher.encrypt(&nonce, plain.as_bytes()).map_err(|_| AppError::internal("sealing failed"))?;
        Ok(format!("{}{}", hex(&nonce), hex(&sealed)))
    }

    pub fn open(&self, sealed: &str) -> Result<String, AppError> {
        let bytes = unhex(sealed).filter(|b| b.len() > 24).ok_or_else(|| AppError::internal("sealed value is malformed"))?;
        let (nonce, body) = bytes.split_at(24);
        let plain = self
            .cipher
            .decrypt(XNonce::from_slice(nonce), body)
            .map_err(|_| AppError::internal("sealed value does not open with this key"))?;
        String::from_utf8(plain).map_err(|_| AppError::internal("sealed value is not text"))
    }
}

#[cfg(unix)]
fn write_private(file: &Path, contents: &str) -> Result<(), AppError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)
        .map_err(|e| AppError::internal(format_args!("creating {}: {e}", file.display())))?;
    f.write_all(contents.as_bytes()).map_err(|e| AppError::internal(format_args!("writing {}: {e}", file.display())))
}

#[cfg(not(unix))]
fn write_private(file: &Path, contents: &str) -> Result<(), AppError> {
    std::fs::write(file, contents).map_err(|e| AppError::internal(format_args!("writing {}: {e}", file.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_with_the_same_key() {
        let dir = std::env::temp_dir().join(format!("jobunivers-key-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let file = dir.join("secret.key");
        let a = Sealer::load_or_create(None, &file).unwrap();
        let sealed = a.seal("0101901234").unwrap();
        assert!(!sealed.contains("0101901234"));
        assert_ne!(sealed, a.seal("0101901234").unwrap(), "a fresh nonce each time");
        let again = Sealer::load_or_create(None, &file).unwrap();
        assert_eq!(again.open(&sealed).unwrap(), "0101901234", "the key file is reused");
        assert!(Sealer::ephemeral().open(&sealed).is_err());
        assert!(a.open("zz").is_err());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
