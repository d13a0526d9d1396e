//! Build-time facts for signpost, nothing else:
//!
//! - Cargo rebuilds signpost when the built-in theme changes: `src/theme.rs` compiles
//!   `themes/default/` into the binary with `include_dir!`, which Cargo does not track by
//!   itself on stable Rust.
//! - `SIGNPOST_COMMIT`: the commit signpost is built from, which the workflows that
//!   `signpost init` writes pin signpost's action to. It comes from the environment
//!   (`SIGNPOST_COMMIT`, else `GITHUB_SHA`, which a release build on GitHub Actions has), else
//!   from `git rev-parse HEAD`, else it is empty.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SIGNPOST_COMMIT");
    println!("cargo:rerun-if-env-changed=GITHUB_SHA");
    let commit = std::env::var("SIGNPOST_COMMIT")
        .or_else(|_| std::env::var("GITHUB_SHA"))
        .ok()
        .or_else(|| {
            let out = Command::new("git")
                .args(["rev-parse", "HEAD"])
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        })
        .filter(|c| c.len() == 40 && c.bytes().all(|b| b.is_ascii_hexdigit()))
        .unwrap_or_default();
    println!("cargo:rustc-env=SIGNPOST_COMMIT={commit}");
}
