//! Where the guide's files live on a git host, and the addresses the site links to there.
//!
//! `[repository]` in `config.toml` names a GitHub or GitLab project. From it this module
//! derives, in one place, every address shape of the host: the web editor of a file
//! ("Suggest a change"), the new-issue form with a prefilled title and fields (proposing a
//! challenge or a solution, reporting an error), and a file's page on the host (the review
//! checklist). It knows nothing of pages or templates; `render` asks it for addresses.
//!
//! The host is recognised from the address: `github.com` is GitHub; `gitlab.com` and any
//! host whose name starts with `gitlab.` (a municipality's own GitLab) are GitLab. Anything
//! else is refused with a diagnostic by `config.rs`, because a link that leads nowhere is
//! worse than none.

use url::Url;

use crate::i18n::Msg;
use crate::msg;

/// The kinds of git host whose addresses signpost knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    GitHub,
    GitLab,
}

impl Host {
    pub fn name(self) -> &'static str {
        match self {
            Host::GitHub => "GitHub",
            Host::GitLab => "GitLab",
        }
    }
}

/// A project on a git host: `https://github.com/kfvn/digitaliseringsguiden`, branch `main`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    pub host: Host,
    /// `https://github.com/owner/name`: no trailing `/`, no `.git`.
    pub url: String,
    pub branch: String,
}

/// The branch edit links and forms point at when `[repository]` names none.
pub const DEFAULT_BRANCH: &str = "main";

impl Repository {
    /// Reads a project address as written in `config.toml`. The error says, in plain words,
    /// what is wrong with it.
    pub fn parse(url: &str, branch: &str) -> Result<Repository, Msg> {
        let parsed =
            Url::parse(url.trim()).map_err(|_| msg!("repository-not-address", url = url))?;
        if parsed.scheme() != "https" {
            return Err(msg!("repository-not-https", scheme = parsed.scheme()));
        }
        if parsed.query().is_some() || parsed.fragment().is_some() || !parsed.username().is_empty()
        {
            return Err(msg!("repository-extra"));
        }
        let host_name = parsed.host_str().unwrap_or_default().to_ascii_lowercase();
        let host = if host_name == "github.com" || host_name == "www.github.com" {
            Host::GitHub
        } else if host_name == "gitlab.com" || host_name.starts_with("gitlab.") {
            Host::GitLab
        } else {
            return Err(msg!("repository-unknown-host", host = host_name));
        };
        let path = parsed.path().trim_matches('/');
        let path = path.strip_suffix(".git").unwrap_or(path);
        let parts: Vec<&str> = path.split('/').collect();
        let shape_ok = match host {
            Host::GitHub => parts.len() == 2,
            // A GitLab project may sit in nested groups: group/subgroup/project.
            Host::GitLab => parts.len() >= 2 && !parts.contains(&"-"),
        };
        if !shape_ok || parts.iter().any(|p| p.is_empty()) {
            return Err(match host {
                Host::GitHub => msg!("repository-github-shape", url = url),
                Host::GitLab => msg!("repository-gitlab-shape", host = host_name, url = url),
            });
        }
        let branch = branch.trim();
        if !branch_ok(branch) {
            return Err(msg!("not-a-branch", branch = branch));
        }
        let origin = match host {
            Host::GitHub => "https://github.com".to_string(),
            Host::GitLab => match parsed.port() {
                Some(p) => format!("https://{host_name}:{p}"),
                None => format!("https://{host_name}"),
            },
        };
        Ok(Repository {
            host,
            url: format!("{origin}/{path}"),
            branch: branch.to_string(),
        })
    }

    /// The host's web editor for a file of the guide (`content/skola/x.md`, relative to the
    /// repository's root).
    pub fn edit_url(&self, path: &str) -> String {
        match self.host {
            Host::GitHub => format!(
                "{}/edit/{}/{}",
                self.url,
                self.branch_part(),
                segments(path)
            ),
            Host::GitLab => format!(
                "{}/-/edit/{}/{}",
                self.url,
                self.branch_part(),
                segments(path)
            ),
        }
    }

    /// A file's page on the host (its text, history and blame).
    pub fn file_url(&self, path: &str) -> String {
        match self.host {
            Host::GitHub => format!(
                "{}/blob/{}/{}",
                self.url,
                self.branch_part(),
                segments(path)
            ),
            Host::GitLab => format!(
                "{}/-/blob/{}/{}",
                self.url,
                self.branch_part(),
                segments(path)
            ),
        }
    }

    fn branch_part(&self) -> String {
        segments(&self.branch)
    }
}

/// A path with each segment percent-encoded, the `/`s kept.
fn segments(path: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
    /// What cannot stand in a path segment as it is.
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'\\')
        .add(b'^')
        .add(b'|')
        .add(b'[')
        .add(b']');
    path.split('/')
        .map(|s| utf8_percent_encode(s, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// Git's own rules for a branch name, the parts a typo breaks.
fn branch_ok(b: &str) -> bool {
    !b.is_empty()
        && !b.starts_with(['-', '/'])
        && !b.ends_with(['/', '.'])
        && !b.contains("..")
        && !b.contains("//")
        && !b.contains("@{")
        && !b
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "~^:?*[\\".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gh() -> Repository {
        Repository::parse("https://github.com/kfvn/digitaliseringsguiden/", "main").unwrap()
    }

    #[test]
    fn reads_github_and_gitlab_addresses() {
        assert_eq!(gh().url, "https://github.com/kfvn/digitaliseringsguiden");
        assert_eq!(gh().host, Host::GitHub);
        let gl = Repository::parse("https://gitlab.com/kommun/it/guiden.git", "trunk").unwrap();
        assert_eq!(gl.host, Host::GitLab);
        assert_eq!(gl.url, "https://gitlab.com/kommun/it/guiden");
        let own = Repository::parse("https://gitlab.kommun.se/digit/guide", "main").unwrap();
        assert_eq!(own.host, Host::GitLab);
        assert_eq!(own.url, "https://gitlab.kommun.se/digit/guide");
    }

    #[test]
    fn refuses_what_leads_nowhere() {
        for (url, says) in [
            ("http://github.com/a/b", "https://"),
            ("git@github.com:a/b.git", "not a web address"),
            ("https://github.com/a", "https://github.com/OWNER/NAME"),
            (
                "https://github.com/a/b/tree/main",
                "https://github.com/OWNER/NAME",
            ),
            ("https://bitbucket.org/a/b", "not of bitbucket.org"),
            ("https://gitlab.com/a/b/-/tree/main", "GROUP/PROJECT"),
            ("https://github.com/a/b?tab=x", "without `?`"),
        ] {
            let e = Repository::parse(url, "main")
                .unwrap_err()
                .text(crate::i18n::Lang::En);
            assert!(e.contains(says), "{url}: {e}");
        }
        assert!(Repository::parse("https://github.com/a/b", "my branch").is_err());
        assert!(Repository::parse("https://github.com/a/b", "").is_err());
    }

    #[test]
    fn edit_and_file_links_encode_each_segment() {
        assert_eq!(
            gh().edit_url("content/skola/frånvaro #1.md"),
            "https://github.com/kfvn/digitaliseringsguiden/edit/main/content/skola/fr%C3%A5nvaro%20%231.md"
        );
        let gl = Repository::parse("https://gitlab.com/g/p", "release/2026").unwrap();
        assert_eq!(
            gl.edit_url("content/a.md"),
            "https://gitlab.com/g/p/-/edit/release/2026/content/a.md"
        );
        assert_eq!(
            gl.file_url("content/a.md"),
            "https://gitlab.com/g/p/-/blob/release/2026/content/a.md"
        );
    }
}
