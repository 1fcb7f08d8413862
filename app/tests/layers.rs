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

/// The first sentence of a module's `//!` documentation.
fn first_sentence(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let doc: Vec<&str> = text.lines().take_while(|l| l.starts_with("//!")).map(|l| l.trim_start_matches("//!").trim()).collect();
    let doc = doc.join(" ");
    let end = doc.find(". ").map_or(doc.len(), |i| i + 1);
    doc[..end].trim().to_string()
}

/// Every module a newcomer looks for, with what its own documentation says it is.
fn architecture() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let mut rows = Vec::new();
    // (folder, whether its subfolders are modules listed by their mod.rs)
    for (dir, folders) in [
        ("app/domain/src", false),
        ("app/src", true),
        ("app/src/ssr", true),
        ("app/src/ssr/services", true),
        ("app/testing/src", false),
        ("server/src", true),
        ("frontend/src", false),
    ] {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            let (shown, file) = if path.is_dir() {
                let module = path.join("mod.rs");
                if !folders || !module.exists() {
                    continue;
                }
                (format!("{}/", path.strip_prefix(&root).unwrap().display()), module)
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("mod.rs") && !path.ends_with("main.rs") {
                (path.strip_prefix(&root).unwrap().display().to_string(), path.clone())
            } else {
                continue;
            };
            rows.push(format!("| `{shown}` | {} |", first_sentence(&file).replace('|', "\\|")));
        }
    }
    format!("| Where | What it is (the module's own first line) |\n|---|---|\n{}\n", rows.join("\n"))
}

#[test]
fn the_readme_s_architecture_is_what_the_code_is() {
    const BEGIN: &str = "<!-- architecture: generated by app/tests/layers.rs; UPDATE_README=1 cargo test -p app --test layers -->\n";
    const END: &str = "<!-- end of architecture -->";
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let start = readme.find(BEGIN).expect("README has the architecture markers") + BEGIN.len();
    let end = readme[start..].find(END).expect("README has the end marker") + start;
    let want = architecture();
    if readme[start..end] != want {
        if std::env::var("UPDATE_README").is_ok() {
            std::fs::write(&readme_path, format!("{}{want}{}", &readme[..start], &readme[end..])).unwrap();
        } else {
            panic!("README's architecture table is out of date; run UPDATE_README=1 cargo test -p app --test layers\n\n{want}");
        }
    }
}

#[test]
fn pages_link_to_each_other_through_the_registry() {
    // A page's address is written once, in `pages.rs`; links use `path::` and
    // `pages::link`. (Server code under `ssr/` knows no pages.)
    let addresses = [
        "\"/job",
        "\"/min-side",
        "\"/mine-data",
        "\"/jobcenter",
        "\"/admin/",
        "\"/konto",
        "\"/log-",
        "\"/opret/",
        "\"/arbejdsgiver",
        "\"/tilgaengelighed",
    ];
    let found: Vec<String> = uses("src", &addresses).into_iter().filter(|l| !l.contains("pages.rs:") && !l.contains("/src/ssr/")).collect();
    assert!(found.is_empty(), "a page's address written outside the registry:\n{}", found.join("\n"));
}
