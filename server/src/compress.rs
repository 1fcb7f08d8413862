//! Compression: which encoding a browser takes, the encoders, and the layer that
//! compresses pages and server functions' answers on their way out.
//!
//! An answer is compressed in one piece, once it is complete. Our pages are at most
//! some tens of kilobytes, and knowing the size lets brotli size its window to the
//! answer: with its default window (4 MB) brotli cleared a 4 MB buffer for every
//! answer, which was a sixth of a search page's time under load (perf,
//! BENCHMARKS.md). Leptos's streamed pages lose nothing: the encoder held their
//! parts back until its block was full anyway.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, Response, StatusCode};
use axum::middleware::Next;
use futures_util::StreamExt;
use http_body_util::BodyExt;
use std::io::Write;

/// An encoding a browser accepts, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// How hard to work: once for a static file, or for every answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// Static files, compressed once at start. The best in the release build; a
    /// debug build (tests, `make run`) uses a quick level, as the best took 15
    /// seconds of every debug server's start.
    Once,
    /// Every page. At brotli 4 compression was a fifth of a search page's time; at
    /// 2 the 43 KB search page goes out as 7.5 KB (6.9 KB at 4).
    EveryAnswer,
}

/// Answers larger than this go out uncompressed, as a stream: nothing we render is
/// near it, and holding more per request would let a few requests fill the memory.
const MAX_COMPRESSED_ANSWER: usize = 8 * 1024 * 1024;
/// Smaller answers gain nothing from compression (a redirect, an empty list).
const MIN_COMPRESSED_ANSWER: usize = 512;

/// Text, scripts, styles, vector images and WebAssembly shrink; fonts in woff2 and
/// pictures are compressed already.
pub fn is_compressible(mime: &str) -> bool {
    mime.starts_with("text/")
        || matches!(mime, "application/javascript" | "application/json" | "application/wasm" | "image/svg+xml" | "application/xml")
}

/// The best encoding the request accepts: brotli, then gzip, else none.
pub fn accepted(headers: &HeaderMap) -> Encoding {
    if accepts(headers, "br") {
        Encoding::Brotli
    } else if accepts(headers, "gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// Whether `Accept-Encoding` names `coding` without refusing it (`;q=0`).
pub fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|p| p.strip_prefix("q=").is_some_and(|q| q.parse::<f32>().map(|q| q <= 0.0).unwrap_or(false)));
        (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
    })
}

pub fn gzip(data: &[u8], effort: Effort) -> Option<Vec<u8>> {
    let level = match effort {
        Effort::Once => flate2::Compression::best(),
        Effort::EveryAnswer => flate2::Compression::new(2),
    };
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(data.len() / 4), level);
    encoder.write_all(data).ok()?;
    encoder.finish().ok()
}

pub fn brotli(data: &[u8], effort: Effort) -> Option<Vec<u8>> {
    let quality = match effort {
        Effort::Once if cfg!(debug_assertions) => 5,
        Effort::Once => 11,
        Effort::EveryAnswer => 2,
    };
    let params = brotli::enc::BrotliEncoderParams { quality, lgwin: window_bits(data.len()), size_hint: data.len(), ..Default::default() };
    let mut out = Vec::with_capacity(data.len() / 4);
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).ok()?;
    Some(out)
}

/// Brotli's window for `len` bytes: the smallest that holds them all (a larger one
/// finds nothing more and costs its memory), between brotli's bounds 2^10 and 2^22.
fn window_bits(len: usize) -> i32 {
    let bits = usize::BITS - len.saturating_sub(1).leading_zeros();
    bits.clamp(10, 22) as i32
}

/// The layer: pages and server functions' answers compressed for a browser that
/// takes it (static files come compressed from memory and never reach it).
pub async fn compress_layer(req: Request<Body>, next: Next) -> Response<Body> {
    let encoding = accepted(req.headers());
    let head = req.method() == Method::HEAD;
    let res = next.run(req).await;
    if encoding == Encoding::Identity || head || !worth_compressing(&res) {
        return res;
    }
    let (mut parts, mut body) = res.into_parts();
    let mut collected = Vec::new();
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(frame) => {
                // None of our answers carries trailers; data is all there is.
                let Ok(data) = frame.into_data() else { continue };
                if collected.len() + data.len() > MAX_COMPRESSED_ANSWER {
                    collected.extend_from_slice(&data);
                    return Response::from_parts(parts, resumed(collected, body));
                }
                collected.extend_from_slice(&data);
            }
            Err(e) => {
                // Send what came, then end the answer as broken, as it would have.
                let stream = futures_util::stream::iter([Ok(Bytes::from(collected)), Err(e)]);
                return Response::from_parts(parts, Body::from_stream(stream));
            }
        }
    }
    let compressed = if collected.len() < MIN_COMPRESSED_ANSWER {
        None
    } else {
        match encoding {
            Encoding::Brotli => brotli(&collected, Effort::EveryAnswer).map(|b| (b, "br")),
            Encoding::Gzip => gzip(&collected, Effort::EveryAnswer).map(|b| (b, "gzip")),
            Encoding::Identity => None,
        }
    };
    parts.headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let bytes = match compressed {
        Some((bytes, name)) => {
            parts.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
            parts.headers.remove(header::ACCEPT_RANGES);
            bytes
        }
        None => collected,
    };
    parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    Response::from_parts(parts, Body::from(bytes))
}

/// Whether an answer is text that is not compressed yet and has a body.
fn worth_compressing(res: &Response<Body>) -> bool {
    let status = res.status();
    let text = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| is_compressible(v.split(';').next().unwrap_or_default().trim()));
    text && !res.headers().contains_key(header::CONTENT_ENCODING)
        && !matches!(status, StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED)
        && !status.is_informational()
        && res
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
            .is_none_or(|n| n <= MAX_COMPRESSED_ANSWER)
}

/// The part already read, then the rest of the body as it comes.
fn resumed(head: Vec<u8>, rest: Body) -> Body {
    let head = futures_util::stream::once(std::future::ready(Ok::<_, axum::Error>(Bytes::from(head))));
    Body::from_stream(head.chain(rest.into_data_stream()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use tower::ServiceExt;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(accept).unwrap());
        h
    }

    #[test]
    fn the_best_accepted_encoding() {
        assert_eq!(accepted(&headers("gzip, deflate, br, zstd")), Encoding::Brotli);
        assert_eq!(accepted(&headers("gzip")), Encoding::Gzip);
        assert_eq!(accepted(&headers("br;q=0, gzip;q=0.5")), Encoding::Gzip);
        assert_eq!(accepted(&headers("identity")), Encoding::Identity);
        assert_eq!(accepted(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(accepted(&headers("*")), Encoding::Brotli);
    }

    #[test]
    fn the_window_holds_the_answer() {
        assert_eq!(window_bits(0), 10);
        assert_eq!(window_bits(1024), 10);
        assert_eq!(window_bits(1025), 11);
        assert_eq!(window_bits(43_000), 16);
        assert_eq!(window_bits(usize::MAX), 22);
    }

    fn decoded(encoding: &str, body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        match encoding {
            "br" => brotli::BrotliDecompress(&mut &body[..], &mut out).unwrap(),
            "gzip" => std::io::copy(&mut flate2::read::GzDecoder::new(body), &mut out).map(|_| ()).unwrap(),
            _ => out.extend_from_slice(body),
        }
        out
    }

    async fn get_with(app: &axum::Router, path: &str, accept: &str) -> (HeaderMap, Vec<u8>) {
        let req = Request::builder().uri(path).header(header::ACCEPT_ENCODING, accept).body(Body::empty()).unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        let headers = res.headers().clone();
        (headers, res.into_body().collect().await.unwrap().to_bytes().to_vec())
    }

    #[tokio::test]
    async fn answers_come_back_whole_in_every_encoding() {
        let page = "<p>Pædagog søges i Roskilde</p>\n".repeat(2_000);
        let streamed = page.clone();
        let app = axum::Router::new()
            .route("/page", get(move || std::future::ready(axum::response::Html(page.clone()))))
            // A page in parts, as leptos streams one.
            .route(
                "/streamed",
                get(move || {
                    let parts: Vec<Result<String, axum::Error>> = streamed.lines().map(|l| Ok(format!("{l}\n"))).collect();
                    std::future::ready(([(header::CONTENT_TYPE, "text/html")], Body::from_stream(futures_util::stream::iter(parts))))
                }),
            )
            .route("/small", get(|| std::future::ready(axum::response::Html("<p>ok</p>"))))
            .route("/font", get(|| std::future::ready(([(header::CONTENT_TYPE, "font/woff2")], vec![7u8; 4096]))))
            .layer(axum::middleware::from_fn(compress_layer));
        let whole = "<p>Pædagog søges i Roskilde</p>\n".repeat(2_000).into_bytes();
        for path in ["/page", "/streamed"] {
            for (accept, expected) in [("gzip, br", "br"), ("gzip", "gzip"), ("identity", "")] {
                let (headers, body) = get_with(&app, path, accept).await;
                let encoding = headers.get(header::CONTENT_ENCODING).map_or("", |v| v.to_str().unwrap());
                assert_eq!(encoding, expected, "{path} for {accept}");
                assert_eq!(decoded(encoding, &body), whole, "{path} for {accept}");
                if !expected.is_empty() {
                    assert!(body.len() < whole.len() / 10, "{path} is compressed");
                    assert_eq!(headers[header::CONTENT_LENGTH], body.len().to_string());
                    assert_eq!(headers[header::VARY], "accept-encoding");
                }
            }
        }
        let (headers, body) = get_with(&app, "/small", "br").await;
        assert!(headers.get(header::CONTENT_ENCODING).is_none(), "a small answer is sent as it is");
        assert_eq!(body, b"<p>ok</p>");
        let (headers, body) = get_with(&app, "/font", "br").await;
        assert!(headers.get(header::CONTENT_ENCODING).is_none(), "a font is compressed already");
        assert_eq!(body.len(), 4096);
    }

    #[tokio::test]
    async fn an_answer_too_large_to_hold_goes_out_as_it_comes() {
        let chunk = "x".repeat(1024 * 1024);
        let app = axum::Router::new()
            .route(
                "/export",
                get(move || {
                    let parts: Vec<Result<String, axum::Error>> = (0..10).map(|_| Ok(chunk.clone())).collect();
                    std::future::ready(([(header::CONTENT_TYPE, "text/csv")], Body::from_stream(futures_util::stream::iter(parts))))
                }),
            )
            .layer(axum::middleware::from_fn(compress_layer));
        let (headers, body) = get_with(&app, "/export", "br").await;
        assert!(headers.get(header::CONTENT_ENCODING).is_none());
        assert_eq!(body.len(), 10 * 1024 * 1024);
        assert!(body.iter().all(|b| *b == b'x'));
    }
}
