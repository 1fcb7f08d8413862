//! The site's static files (the design system, the app's script, WebAssembly and
//! stylesheet, icons), read into memory at start with their compressed forms. A
//! request for one costs a map lookup: no disk read, no compression.
//!
//! The release build names the app's files after their content (`make release`,
//! `hash.txt` beside the binary) and compresses them once; those may be kept by a
//! browser for a year. Files without a content name are kept an hour, and the
//! debug build's app files not at all (they change with every build).

use crate::compress::{accepted, accepts, brotli, gzip, is_compressible, Effort, Encoding};
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, Response, StatusCode};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Files larger than this are not compressed at start; the release build brings
/// its own compressed forms.
const COMPRESS_AT_START_MAX: usize = 4 * 1024 * 1024;
/// Most files the site may hold, and most bytes: a site folder is ours, but a
/// wrong `JOBUNIVERS_SITE_ROOT` must not fill the memory.
const MAX_FILES: usize = 10_000;
const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// How long a browser may keep a file.
const FOREVER: &str = "public, max-age=31536000, immutable";
const AN_HOUR: &str = "public, max-age=3600";
const REVALIDATE: &str = "no-cache";

struct Asset {
    content_type: HeaderValue,
    cache: &'static str,
    etag: HeaderValue,
    plain: bytes::Bytes,
    gzip: Option<bytes::Bytes>,
    br: Option<bytes::Bytes>,
}

/// The site's files by address ("/pkg/jobunivers.css").
pub struct Assets {
    files: HashMap<String, Asset>,
}

impl Assets {
    /// Reads every file under `root`. `hashed`: the app's files (under `/pkg/`)
    /// are named after their content.
    pub fn load(root: &Path, hashed: bool) -> anyhow::Result<Assets> {
        let mut files = HashMap::new();
        let mut total = 0u64;
        for path in walk(root)? {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            // A compressed copy belongs to its file; it is read with it.
            if name.ends_with(".br") || name.ends_with(".gz") {
                continue;
            }
            let Some(address) = address_of(root, &path) else { continue };
            let plain = std::fs::read(&path)?;
            total += plain.len() as u64;
            anyhow::ensure!(files.len() < MAX_FILES && total <= MAX_BYTES, "the site folder {} is too large to serve", root.display());
            let content_type = mime_guess::from_path(&path).first_or_octet_stream();
            let compressible = is_compressible(content_type.essence_str());
            let sibling = |ext: &str| std::fs::read(format!("{}.{ext}", path.display())).ok();
            // The debug build's WebAssembly (hundreds of parts, rebuilt often) is
            // served as it is: compressing it all at start took minutes.
            let debug_wasm = address.starts_with("/pkg/") && address.ends_with(".wasm") && !hashed;
            let small = plain.len() <= COMPRESS_AT_START_MAX && !debug_wasm;
            let (gzip, br) = if compressible {
                (
                    sibling("gz").or_else(|| small.then(|| gzip(&plain, Effort::Once)).flatten()),
                    sibling("br").or_else(|| small.then(|| brotli(&plain, Effort::Once)).flatten()),
                )
            } else {
                (None, None)
            };
            let cache = match (address.starts_with("/pkg/"), hashed) {
                (true, true) => FOREVER,
                (true, false) => REVALIDATE,
                (false, _) => AN_HOUR,
            };
            let etag = HeaderValue::from_str(&format!("\"{:016x}\"", content_hash(&plain)))?;
            let content_type = HeaderValue::from_str(content_type.as_ref())?;
            let keep = |b: Option<Vec<u8>>| b.filter(|c| c.len() < plain.len()).map(bytes::Bytes::from);
            let (gzip, br) = (keep(gzip), keep(br));
            files.insert(address, Asset { content_type, cache, etag, plain: plain.into(), gzip, br });
        }
        Ok(Assets { files })
    }

    /// The files under `root`, read once per process (tests start many routers).
    pub fn shared(root: &Path, hashed: bool) -> anyhow::Result<std::sync::Arc<Assets>> {
        type Loaded = std::sync::Mutex<HashMap<(PathBuf, bool), std::sync::Arc<Assets>>>;
        static LOADED: std::sync::OnceLock<Loaded> = std::sync::OnceLock::new();
        let mut loaded = LOADED.get_or_init(Default::default).lock().map_err(|_| anyhow::anyhow!("static files lock poisoned"))?;
        let key = (root.to_path_buf(), hashed);
        if let Some(assets) = loaded.get(&key) {
            return Ok(assets.clone());
        }
        let assets = std::sync::Arc::new(Assets::load(root, hashed)?);
        loaded.insert(key, assets.clone());
        Ok(assets)
    }

    /// No files (a site folder that could not be read).
    pub fn empty() -> Assets {
        Assets { files: HashMap::new() }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The answer for a GET or HEAD of a static file, or `None` when there is no
    /// such file (the request goes on to the pages).
    pub fn answer<B>(&self, req: &Request<B>) -> Option<Response<Body>> {
        if req.method() != Method::GET && req.method() != Method::HEAD {
            return None;
        }
        let asset = self.files.get(req.uri().path())?;
        let mut res = Response::builder()
            .header(header::CONTENT_TYPE, asset.content_type.clone())
            .header(header::CACHE_CONTROL, asset.cache)
            .header(header::ETAG, asset.etag.clone())
            .header(header::VARY, "accept-encoding");
        if if_none_match(req.headers(), &asset.etag) {
            return res.status(StatusCode::NOT_MODIFIED).body(Body::empty()).ok();
        }
        let (body, encoding) = match (accepted(req.headers()), &asset.br, &asset.gzip) {
            (Encoding::Brotli, Some(br), _) => (br.clone(), Some("br")),
            (Encoding::Brotli | Encoding::Gzip, _, Some(gz)) if accepts(req.headers(), "gzip") => (gz.clone(), Some("gzip")),
            _ => (asset.plain.clone(), None),
        };
        if let Some(encoding) = encoding {
            res = res.header(header::CONTENT_ENCODING, encoding);
        }
        res = res.header(header::CONTENT_LENGTH, body.len());
        let body = if req.method() == Method::HEAD { Body::empty() } else { Body::from(body) };
        res.body(body).ok()
    }
}

/// Every file under `root`, bounded in depth and count.
fn walk(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut dirs = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() && depth < 8 {
                dirs.push((path, depth + 1));
            } else if kind.is_file() {
                out.push(path);
            }
            anyhow::ensure!(out.len() <= MAX_FILES * 3, "the site folder {} has too many files", root.display());
        }
    }
    Ok(out)
}

/// "/dkfds/css/x.css" for `root/dkfds/css/x.css`; `None` for a name that is not
/// plain UTF-8.
fn address_of(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = relative.components().map(|c| c.as_os_str().to_str()).collect();
    Some(format!("/{}", parts?.join("/")))
}

/// The same for the same bytes on every node of one build (for the ETag).
fn content_hash(data: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut h);
    h.finish()
}

fn if_none_match(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|v| v.to_str().ok()).any(|v| {
        let etag = etag.to_str().unwrap_or_default();
        v.split(',').map(str::trim).any(|t| t == "*" || t == etag || t.strip_prefix("W/") == Some(etag))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_served_compressed_cached_and_revalidated() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("pkg")).unwrap();
        let css = "body { color: #1a1a1a; }\n".repeat(200);
        std::fs::write(dir.path().join("pkg/app.css"), &css).unwrap();
        std::fs::write(dir.path().join("font.woff2"), [7u8; 300]).unwrap();
        let assets = Assets::load(dir.path(), true).unwrap();
        assert_eq!(assets.len(), 2);
        let get = |path: &str, accept: &str| {
            let req = Request::builder().uri(path).header(header::ACCEPT_ENCODING, accept).body(()).unwrap();
            assets.answer(&req)
        };
        let res = get("/pkg/app.css", "gzip, br").unwrap();
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(res.headers()[header::CACHE_CONTROL], FOREVER);
        assert_eq!(res.headers()[header::CONTENT_TYPE], "text/css");
        let etag = res.headers()[header::ETAG].clone();
        assert_eq!(get("/pkg/app.css", "gzip").unwrap().headers()[header::CONTENT_ENCODING], "gzip");
        assert!(get("/pkg/app.css", "").unwrap().headers().get(header::CONTENT_ENCODING).is_none());
        let font = get("/font.woff2", "br").unwrap();
        assert!(font.headers().get(header::CONTENT_ENCODING).is_none(), "a font is not compressed again");
        assert_eq!(font.headers()[header::CACHE_CONTROL], AN_HOUR);
        let again = Request::builder().uri("/pkg/app.css").header(header::IF_NONE_MATCH, etag).body(()).unwrap();
        assert_eq!(assets.answer(&again).unwrap().status(), StatusCode::NOT_MODIFIED);
        assert!(get("/nothing.css", "br").is_none());
        let post = Request::builder().method(Method::POST).uri("/pkg/app.css").body(()).unwrap();
        assert!(assets.answer(&post).is_none());
    }
}
