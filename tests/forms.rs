//! This repository's own issue forms and review reminder (`.github/ISSUE_TEMPLATE/`,
//! `.github/workflows/review-reminder.yml`) are exactly what `signpost::forms` writes for a
//! Swedish guide on GitHub, so what `signpost init` writes is what is tested here and in
//! `tests/workflows.rs`. After changing `src/forms.rs`, run this test with
//! `SIGNPOST_BLESS=1` to rewrite the files, and review the difference.

use std::path::Path;

use signpost::forms::{self, Install};
use signpost::repository::Host;

#[test]
fn the_repositorys_forms_and_reminder_are_what_signpost_writes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("SIGNPOST_BLESS").is_some();
    let files = forms::files("sv", Host::GitHub, &Install::FromSource);
    assert_eq!(files.len(), 4, "three forms and the workflow");
    for (path, contents) in files {
        let file = root.join(&path);
        if bless {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &contents).unwrap();
            continue;
        }
        let on_disk = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{path}: {e}; run with SIGNPOST_BLESS=1 to write it"));
        assert_eq!(
            on_disk, contents,
            "{path} differs from what src/forms.rs writes; run with SIGNPOST_BLESS=1 if the change is intended"
        );
    }
}
