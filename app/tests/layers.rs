//! The layers hold by construction: the domain crate uses nothing outside itself
//! (no web, database or index crate, nor the app), and the server-only code under
//! `ssr/` never reaches into a page module. Read from the sources, so a new file
//! is checked as soon as it exists.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Lines that use one of `paths`, outside comments.
fn uses(dir: &str, paths: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    for file in rust_files(&root) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if let Some(p) = paths.iter().find(|p| code.contains(*p)) {
                found.push(format!("{}:{}: {p}", file.display(), n + 1));
            }
        }
    }
    found
}

#[test]
fn the_domain_uses_nothing_outside_itself() {
    let outside = ["app::", "leptos", "axum", "sqlx::", "tantivy::", "tokio", "reqwest", "crate::ssr", "crate::ui", "crate::auth"];
    let found = uses("domain/src", &outside);
    // The only exceptions are the optional adapters in error.rs, behind features.
    let found: Vec<_> =
        found.into_iter().filter(|l| !(l.contains("error.rs") && (l.contains("sqlx::") || l.contains("tantivy::")))).collect();
    assert!(found.is_empty(), "the domain reaches out of itself:\n{}", found.join("\n"));
}

#[test]
fn server_code_never_imports_a_page_module() {
    let pages = [
        "crate::search::",
        "crate::jobseeker::",
        "crate::caseworker::",
        "crate::employer::",
        "crate::admin::",
        "crate::auth::",
        "crate::ui::",
        "crate::forms::",
    ];
    let found = uses("src/ssr", &pages);
    assert!(found.is_empty(), "ssr/ imports a page module (move the shared type to `domain`):\n{}", found.join("\n"));
}

#[test]
fn test_support_stays_out_of_the_binary() {
    // `testing` may only be a dev-dependency: nothing of it reaches a build for users.
    for manifest in ["Cargo.toml", "../server/Cargo.toml"] {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(manifest)).unwrap();
        let mut section = "";
        for line in text.lines() {
            if line.starts_with('[') {
                section = line;
            } else if line.trim_start().starts_with("testing") {
                assert_eq!(section, "[dev-dependencies]", "{manifest}: `testing` outside [dev-dependencies]");
            }
        }
    }
    let found = uses("src", &["testing::"]);
    assert!(found.is_empty(), "the app's own code uses test support:\n{}", found.join("\n"));
}
