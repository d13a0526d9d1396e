//! The code's shape, as ARCHITECTURE.md promises it: the library's top-level modules use
//! each other without cycles (`use crate::x` in a module's code, its tests left aside), so
//! each can be read, and changed, from the modules below it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → the top-level modules its code names (`crate::x`).
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let module = rel
                .split('/')
                .next()
                .unwrap()
                .trim_end_matches(".rs")
                .to_string();
            if module == "main" || module == "lib" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap();
            let used = deps.entry(module.clone()).or_default();
            for part in code.split("crate::").skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                let is_module =
                    src.join(format!("{name}.rs")).is_file() || src.join(&name).is_dir();
                if is_module && name != module {
                    used.insert(name);
                }
            }
        }
    }
    deps
}

#[test]
fn modules_have_no_import_cycles() {
    let deps = dependencies();
    assert!(deps.contains_key("routes") && deps["content"].contains("routes"));
    // A module reaches itself through its dependencies only in a cycle.
    for start in deps.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        while let Some((m, path)) = todo.pop() {
            for d in deps.get(&m).into_iter().flatten() {
                assert_ne!(d, start, "an import cycle: {} → {d}", path.join(" → "));
                if seen.insert(d.clone()) {
                    let mut p = path.clone();
                    p.push(d.clone());
                    todo.push((d.clone(), p));
                }
            }
        }
    }
}

#[test]
fn the_building_side_stays_below_the_commands() {
    let deps = dependencies();
    // Rendering, output and the site model know nothing of serve, review or scaffolding.
    for low in ["render", "output", "site", "routes", "content", "check"] {
        for high in ["serve", "review", "scaffold", "schema"] {
            assert!(!deps[low].contains(high), "`{low}` should not use `{high}`");
        }
    }
}
