//! The GitHub Actions that signpost's workflows use, each pinned to the full commit of a
//! release tag: one table for the workflows `signpost init` writes, the review reminder
//! (`forms.rs`) and, by `tests/workflows.rs`, this repository's own workflows. It does not
//! write workflows.

/// The actions the workflows use, each pinned to the full commit of a release tag
/// (`owner/name`, commit, tag). The workflows `init` writes and the review reminder (`forms.rs`) take their pins from here, and
/// `tests/workflows.rs` holds this repository's own workflows to the same table. To
/// upgrade one: read the tag's commit in the action's repository (`git rev-parse
/// vX.Y.Z^{commit}`), change it here and in the workflows; Dependabot proposes such
/// upgrades for the workflows.
pub const PINNED_ACTIONS: &[(&str, &str, &str)] = &[
    (
        "actions/checkout",
        "d23441a48e516b6c34aea4fa41551a30e30af803",
        "v6.1.0",
    ),
    (
        "actions/configure-pages",
        "983d7736d9b0ae728b81ab479565c72886d7745b",
        "v5.0.0",
    ),
    (
        "actions/upload-pages-artifact",
        "fc324d3547104276b827a68afc52ff2a11cc49c9",
        "v5.0.0",
    ),
    (
        "actions/deploy-pages",
        "cd2ce8fcbc39b97be8ca5fce6e763baed58fa128",
        "v5.0.0",
    ),
    (
        "Swatinem/rust-cache",
        "6323deb102c322ba6fcbdcafc7e3dddab59af2b6",
        "v2.9.2",
    ),
    (
        "actions/setup-node",
        "249970729cb0ef3589644e2896645e5dc5ba9c38",
        "v6.5.0",
    ),
    (
        "actions/setup-python",
        "ece7cb06caefa5fff74198d8649806c4678c61a1",
        "v6.3.0",
    ),
];

/// `uses:` value of a pinned action: `owner/name@commit # tag`.
pub fn pinned(action: &str) -> String {
    let (_, commit, tag) = PINNED_ACTIONS
        .iter()
        .find(|(name, ..)| *name == action)
        .unwrap_or_else(|| panic!("{action} is not in PINNED_ACTIONS"));
    format!("{commit} # {tag}")
}
