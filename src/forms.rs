//! The git host's forms for people who never use git: proposing a challenge, proposing a
//! solution, reporting an error on a page; and the scheduled workflow that keeps one issue
//! of due reviews up to date.
//!
//! Each form is defined once here, as a list of fields whose ids follow the front matter
//! (`summary`, `area`, `addresses`, `kind`, `provider`, `provider_type`, `organisations`,
//! `links`), in Swedish or English (the guide's language). From that one definition come
//! GitHub's issue forms (`.github/ISSUE_TEMPLATE/*.yml`, GitHub's form schema), GitLab's
//! description templates (`.gitlab/issue_templates/*.md`, GitLab has no forms), and the
//! prefilled fields of the site's "Har du en lösning?" links (`repository.rs`). This
//! repository's own forms are these files written for Swedish; a test keeps them equal.
//!
//! The YAML is written by hand, not through a serialiser: the files are meant to be read and
//! adjusted by a guide's maintainers, so the layout and comments matter, and every text is
//! written as a double-quoted YAML string by [`quoted`], which escapes what YAML needs.
//! This module does not write anything to disk; `signpost init` (and the tests) do.

use url::Url;

use crate::text::yaml_quoted;

use crate::repository::{Host, Repository};

/// The forms a guide's repository offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    ProposeChallenge,
    ProposeSolution,
    ReportError,
}

/// What kind of answer a field takes.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// One line.
    Input,
    /// Several lines.
    Textarea,
    /// One of the listed front-matter values, each `(value, Swedish label, English label)`.
    Dropdown(&'static [(&'static str, &'static str, &'static str)]),
}

/// A field of a form: its id, kind, whether it must be answered, and its label and help text
/// in Swedish and in English.
struct Field {
    id: &'static str,
    kind: Kind,
    required: bool,
    sv: (&'static str, &'static str),
    en: (&'static str, &'static str),
}

const KINDS: &[(&str, &str, &str)] = &[
    ("method", "Arbetssätt (method)", "Method"),
    ("tool", "Verktyg (tool)", "Tool"),
    ("case-study", "Fallstudie (case-study)", "Case study"),
    ("service", "Tjänst (service)", "Service"),
    ("inspiration", "Inspiration (inspiration)", "Inspiration"),
];

const PROVIDER_TYPES: &[(&str, &str, &str)] = &[
    ("public", "Offentlig sektor (public)", "Public sector"),
    ("private", "Privat företag (private)", "Private company"),
    (
        "academic",
        "Akademi, forskning (academic)",
        "Academia, research",
    ),
    (
        "nonprofit",
        "Ideell organisation (nonprofit)",
        "Non-profit organisation",
    ),
];

const SUMMARY: Field = Field {
    id: "summary",
    kind: Kind::Textarea,
    required: true,
    sv: (
        "Sammanfattning",
        "En eller två meningar, högst 300 tecken. Visas i listor och sökresultat.",
    ),
    en: (
        "Summary",
        "One or two sentences, at most 300 characters. Shown in lists and search results.",
    ),
};
const AREA: Field = Field {
    id: "area",
    kind: Kind::Input,
    required: true,
    sv: (
        "Verksamhetsområde",
        "Till exempel äldreomsorg, skola eller bygglov.",
    ),
    en: (
        "Operational area",
        "For example elderly care, schools or building permits.",
    ),
};
const TAGS: Field = Field {
    id: "tags",
    kind: Kind::Input,
    required: false,
    sv: (
        "Nyckelord",
        "Några ord som beskriver ämnet, åtskilda med kommatecken.",
    ),
    en: (
        "Tags",
        "A few words that describe the subject, separated by commas.",
    ),
};
const CONTACT: Field = Field {
    id: "contact",
    kind: Kind::Input,
    required: false,
    sv: (
        "Kontakt",
        "Hur redaktionen kan nå dig, om du vill. Allt du skriver här är offentligt.",
    ),
    en: (
        "Contact",
        "How the editors can reach you, if you like. Everything you write here is public.",
    ),
};

const CHALLENGE_FIELDS: &[Field] = &[
    SUMMARY,
    AREA,
    Field {
        id: "organisations",
        kind: Kind::Input,
        required: false,
        sv: (
            "Kommuner eller organisationer som har utmaningen",
            "Åtskilda med kommatecken.",
        ),
        en: (
            "Municipalities or organisations that face it",
            "Separated by commas.",
        ),
    },
    Field {
        id: "description",
        kind: Kind::Textarea,
        required: true,
        sv: (
            "Beskrivning",
            "Vad händer i dag, vad kostar det, och vad behöver en lösning klara?",
        ),
        en: (
            "Description",
            "What happens today, what does it cost, and what must a solution achieve?",
        ),
    },
    TAGS,
    CONTACT,
];

const SOLUTION_FIELDS: &[Field] = &[
    Field {
        id: "name",
        kind: Kind::Input,
        required: true,
        sv: ("Lösningens namn", "En kort rubrik, högst 120 tecken."),
        en: ("Name of the solution", "A short title, at most 120 characters."),
    },
    SUMMARY,
    Field {
        id: "addresses",
        kind: Kind::Input,
        required: true,
        sv: ("Vilken utmaning hjälper lösningen mot?", "Utmaningens id (sista delen av dess adress) eller rubrik. Flera åtskilda med kommatecken."),
        en: ("Which challenge does it help with?", "The challenge's id (the last part of its address) or title. Several separated by commas."),
    },
    AREA,
    Field {
        id: "kind",
        kind: Kind::Dropdown(KINDS),
        required: true,
        sv: ("Typ av lösning", ""),
        en: ("Kind of solution", ""),
    },
    Field {
        id: "provider",
        kind: Kind::Input,
        required: false,
        sv: ("Vem erbjuder lösningen?", "Företag, lärosäte, myndighet, kommun eller förening."),
        en: ("Who provides it?", "Company, university, agency, municipality or association."),
    },
    Field {
        id: "provider_type",
        kind: Kind::Dropdown(PROVIDER_TYPES),
        required: false,
        sv: ("Typ av aktör", ""),
        en: ("Type of provider", ""),
    },
    Field {
        id: "organisations",
        kind: Kind::Input,
        required: false,
        sv: ("Kommuner eller organisationer som använder lösningen", "Åtskilda med kommatecken."),
        en: ("Municipalities or organisations that use it", "Separated by commas."),
    },
    Field {
        id: "links",
        kind: Kind::Textarea,
        required: false,
        sv: ("Länkar", "En länk per rad, gärna med rubrik: Rubrik – https://…"),
        en: ("Links", "One link a line, preferably with a title: Title – https://…"),
    },
    Field {
        id: "description",
        kind: Kind::Textarea,
        required: true,
        sv: ("Beskrivning", "Hur fungerar lösningen, vad har den gett, och vad krävs för att införa den?"),
        en: ("Description", "How does it work, what has it achieved, and what does it take to introduce it?"),
    },
    TAGS,
    CONTACT,
];

const ERROR_FIELDS: &[Field] = &[
    Field {
        id: "page",
        kind: Kind::Input,
        required: true,
        sv: ("Sida", "Adressen till sidan, eller sökvägen till filen."),
        en: ("Page", "The page's address, or the path of its file."),
    },
    Field {
        id: "problem",
        kind: Kind::Textarea,
        required: true,
        sv: ("Vad är fel?", "Citera gärna det som är fel."),
        en: ("What is wrong?", "Quote what is wrong, if you can."),
    },
    Field {
        id: "suggestion",
        kind: Kind::Textarea,
        required: false,
        sv: ("Förslag på rättelse", ""),
        en: ("Suggested correction", ""),
    },
    CONTACT,
];

/// Whether texts are in Swedish (`sv`) or, for every other language, English.
fn swedish(lang: &str) -> bool {
    lang == "sv"
}

impl Form {
    /// The host's form for a new issue of this kind, in the guide's repository `repo`, with `title` and the form's
    /// fields prefilled. On GitHub this opens the issue form (`.github/ISSUE_TEMPLATE/`) and
    /// fills its fields by id; GitLab has no forms, so the fields are written into the
    /// description as the form's headings with their answers.
    pub fn new_issue_url(
        self,
        repo: &Repository,
        lang: &str,
        title: &str,
        fields: &[(&str, String)],
    ) -> String {
        let form = self;
        let mut url = Url::parse(&repo.url).expect("a parsed repository address");
        match repo.host {
            Host::GitHub => {
                url.set_path(&format!("{}/issues/new", url.path()));
                let mut q = url.query_pairs_mut();
                q.append_pair("template", form.file_name());
                // Without one, the form's own default title ("Utmaning: ") stays.
                if !title.is_empty() {
                    q.append_pair("title", title);
                }
                for (id, value) in fields {
                    q.append_pair(id, value);
                }
            }
            Host::GitLab => {
                url.set_path(&format!("{}/-/issues/new", url.path()));
                let description = form.markdown(lang, fields);
                let mut q = url.query_pairs_mut();
                if !title.is_empty() {
                    q.append_pair("issue[title]", title);
                }
                q.append_pair("issue[description]", description.trim_end());
            }
        }
        url.to_string()
    }

    pub const ALL: [Form; 3] = [
        Form::ProposeChallenge,
        Form::ProposeSolution,
        Form::ReportError,
    ];

    /// The form's file name (the same in every language, so links need not know it).
    pub fn file_name(self) -> &'static str {
        match self {
            Form::ProposeChallenge => "propose-challenge.yml",
            Form::ProposeSolution => "propose-solution.yml",
            Form::ReportError => "report-error.yml",
        }
    }

    fn fields(self) -> &'static [Field] {
        match self {
            Form::ProposeChallenge => CHALLENGE_FIELDS,
            Form::ProposeSolution => SOLUTION_FIELDS,
            Form::ReportError => ERROR_FIELDS,
        }
    }

    /// The field ids of the form, in order.
    pub fn field_ids(self) -> Vec<&'static str> {
        self.fields().iter().map(|f| f.id).collect()
    }

    /// (name, description, default issue title, introduction) in `lang`.
    fn texts(self, lang: &str) -> (&'static str, &'static str, &'static str, &'static str) {
        match (self, swedish(lang)) {
            (Form::ProposeChallenge, true) => (
                "Föreslå en utmaning",
                "Beskriv ett problem som kommuner har, så att andra kan se det och bidra med lösningar.",
                "Utmaning: ",
                "Tack för att du vill bidra! Skriv rubriken på utmaningen som ärendets titel. Redaktionen hjälper till med språk och struktur och ser till att förslaget granskas innan det publiceras.",
            ),
            (Form::ProposeChallenge, false) => (
                "Propose a challenge",
                "Describe a problem municipalities have, so that others can see it and bring solutions.",
                "Challenge: ",
                "Thank you for contributing! Write the challenge's title as the issue's title. The editors help with language and structure, and have the proposal reviewed before it is published.",
            ),
            (Form::ProposeSolution, true) => (
                "Föreslå en lösning",
                "Berätta om ett arbetssätt, ett verktyg, en tjänst eller ett exempel som hjälper mot en utmaning i guiden.",
                "Lösning: ",
                "Tack för att du vill bidra! Företag, forskare, kommuner och föreningar är lika välkomna. Redaktionen hjälper till med språk och struktur och ser till att förslaget granskas innan det publiceras.",
            ),
            (Form::ProposeSolution, false) => (
                "Propose a solution",
                "Tell us about a method, tool, service or example that helps with a challenge in the guide.",
                "Solution: ",
                "Thank you for contributing! Companies, researchers, municipalities and associations are equally welcome. The editors help with language and structure, and have the proposal reviewed before it is published.",
            ),
            (Form::ReportError, true) => (
                "Rapportera ett fel",
                "Något på en sida i guiden är fel, inaktuellt eller svårt att förstå.",
                "Fel på sidan: ",
                "Tack för att du hjälper oss att hålla guiden korrekt! Sidans ägare får veta vad du har hittat.",
            ),
            (Form::ReportError, false) => (
                "Report an error",
                "Something on a page of the guide is wrong, out of date or hard to understand.",
                "Error on page: ",
                "Thank you for helping keep the guide correct! The page's owner is told what you found.",
            ),
        }
    }

    /// The form as a GitHub issue form (`.github/ISSUE_TEMPLATE/<file_name>`).
    pub fn github_yaml(self, lang: &str) -> String {
        let (name, description, title, intro) = self.texts(lang);
        let sv = swedish(lang);
        let mut y = String::new();
        y.push_str(
            "# Written by signpost (src/forms.rs). Field ids follow the guide's front matter.\n",
        );
        y.push_str(&format!("name: {}\n", yaml_quoted(name)));
        y.push_str(&format!("description: {}\n", yaml_quoted(description)));
        y.push_str(&format!("title: {}\n", yaml_quoted(title)));
        y.push_str("body:\n");
        y.push_str("  - type: markdown\n    attributes:\n");
        y.push_str(&format!("      value: {}\n", yaml_quoted(intro)));
        for f in self.fields() {
            let (label, help) = if sv { f.sv } else { f.en };
            let kind = match f.kind {
                Kind::Input => "input",
                Kind::Textarea => "textarea",
                Kind::Dropdown(_) => "dropdown",
            };
            y.push_str(&format!(
                "  - type: {kind}\n    id: {}\n    attributes:\n",
                f.id
            ));
            y.push_str(&format!("      label: {}\n", yaml_quoted(label)));
            if !help.is_empty() {
                y.push_str(&format!("      description: {}\n", yaml_quoted(help)));
            }
            if let Kind::Dropdown(options) = f.kind {
                y.push_str("      options:\n");
                for (_, sv_label, en_label) in options {
                    y.push_str(&format!(
                        "        - {}\n",
                        yaml_quoted(if sv { sv_label } else { en_label })
                    ));
                }
            }
            if f.required {
                y.push_str("    validations:\n      required: true\n");
            }
        }
        y
    }

    /// The form as Markdown: a `###` heading per field, its answer below it (from
    /// `answers`, by field id) or the field's help as an HTML comment. GitLab's
    /// description templates and prefilled descriptions, which have no forms.
    pub fn markdown(self, lang: &str, answers: &[(&str, String)]) -> String {
        let sv = swedish(lang);
        let mut md = String::new();
        for f in self.fields() {
            let (label, help) = if sv { f.sv } else { f.en };
            md.push_str(&format!("### {label}\n\n"));
            match answers.iter().find(|(id, _)| *id == f.id) {
                Some((_, answer)) => md.push_str(answer),
                None => {
                    let mut help = help.to_string();
                    if let Kind::Dropdown(options) = f.kind {
                        let values: Vec<&str> = options
                            .iter()
                            .map(|(_, s, e)| if sv { *s } else { *e })
                            .collect();
                        help = format!("{help} {}", values.join(" / ")).trim().to_string();
                    }
                    if !help.is_empty() {
                        md.push_str(&format!("<!-- {} -->", help.replace("--", "–")));
                    }
                }
            }
            md.push_str("\n\n");
        }
        md.truncate(md.trim_end().len());
        md.push('\n');
        md
    }
}

/// The issue of due reviews that the reminder workflow keeps up to date, in `lang`.
pub fn reminder_title(lang: &str) -> &'static str {
    if swedish(lang) {
        "Granskningar att göra"
    } else {
        "Reviews to do"
    }
}

/// The path of the reminder workflow in a repository.
pub const REMINDER_WORKFLOW: &str = ".github/workflows/review-reminder.yml";

/// How the reminder workflow gets a `signpost` to run.
#[derive(Debug, Clone)]
pub enum Install<'a> {
    /// Build it from the repository's own source (this repository): `cargo build`.
    FromSource,
    /// Steps (YAML, indented for a job's `steps:`, each starting with `      - `) that
    /// put `signpost` on the `PATH`; `signpost init` passes the ones its own workflows use.
    Steps(&'a str),
}

/// The scheduled workflow (weekly, and on demand) that keeps one issue ("Granskningar att
/// göra") up to date from `signpost review --format markdown`: opened when something is due,
/// updated, closed when nothing is. It uses `gh`, GitHub's own command line, no third-party
/// action, and may only read the files and write issues.
pub fn reminder_workflow(lang: &str, install: &Install) -> String {
    let sv = swedish(lang);
    let title = reminder_title(lang);
    // `actions/checkout`, pinned by commit: the only action the reminder uses (GitHub's own).
    let checkout = crate::actions::pinned("actions/checkout");
    let (install_steps, signpost) = match install {
        Install::FromSource => (
            "      - name: Build signpost\n        run: cargo build --release --locked\n"
                .to_string(),
            "./target/release/signpost",
        ),
        Install::Steps(steps) => {
            let mut s = steps.to_string();
            if !s.ends_with('\n') {
                s.push('\n');
            }
            (s, "signpost")
        }
    };
    let (comment, name, closed) = if sv {
        (
            "# Varje måndag (och när någon startar det för hand): håller ett ärende, \"Granskningar att göra\",\n\
             # uppdaterat med de texter vars granskning är försenad, snart ska göras eller väntar på\n\
             # granskning, ordnade efter ägare (`signpost review --format markdown`). Ärendet öppnas när\n\
             # något ska granskas och stängs när inget gör det. Ägarnas kontakter står i [owners] i config.toml.",
            "Påminn om granskningar",
            "Inget att granska just nu: ärendet stängs.",
        )
    } else {
        (
            "# Every Monday (and when started by hand): keeps one issue, \"Reviews to do\", up to date with\n\
             # the texts whose review is overdue, due soon or waiting, grouped by owner\n\
             # (`signpost review --format markdown`). The issue is opened when something is due and\n\
             # closed when nothing is. The owners' contacts are in [owners] in config.toml.",
            "Remind owners of reviews",
            "Nothing to review at the moment: closing this issue.",
        )
    };
    format!(
        r#"{comment}
name: {name}

on:
  schedule:
    - cron: "23 5 * * 1"
  workflow_dispatch:

permissions: {{}}

concurrency:
  group: review-reminder
  cancel-in-progress: false

jobs:
  remind:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    # Reading the files (a private repository needs it) and writing the one issue: nothing else.
    permissions:
      contents: read
      issues: write
    steps:
      - uses: actions/checkout@{checkout}
        with:
          persist-credentials: false
{install_steps}      - name: Write the checklist
        run: {signpost} review --format markdown > "$RUNNER_TEMP/reviews.md"
      - name: Open, update or close the issue
        env:
          GH_TOKEN: ${{{{ github.token }}}}
          GH_REPO: ${{{{ github.repository }}}}
          TITLE: {title_yaml}
          CLOSED: {closed_yaml}
        run: |
          number="$(gh issue list --state open --search "in:title $TITLE" --json number,title --jq '.[] | select(.title == env.TITLE) | .number' | head -n 1)"
          if grep -q '^- \[ \]' "$RUNNER_TEMP/reviews.md"; then
            if [ -n "$number" ]; then
              gh issue edit "$number" --body-file "$RUNNER_TEMP/reviews.md"
            else
              gh issue create --title "$TITLE" --body-file "$RUNNER_TEMP/reviews.md"
            fi
          elif [ -n "$number" ]; then
            gh issue close "$number" --comment "$CLOSED"
          fi
"#,
        title_yaml = yaml_quoted(title),
        closed_yaml = yaml_quoted(closed),
    )
}

/// Every file for a guide's repository on `host`, in the guide's language: the issue forms
/// and, on GitHub, the reminder workflow. `(path relative to the repository, contents)`.
pub fn files(lang: &str, host: Host, install: &Install) -> Vec<(String, String)> {
    match host {
        Host::GitHub => {
            let mut out: Vec<(String, String)> = Form::ALL
                .iter()
                .map(|f| {
                    (
                        format!(".github/ISSUE_TEMPLATE/{}", f.file_name()),
                        f.github_yaml(lang),
                    )
                })
                .collect();
            out.push((
                REMINDER_WORKFLOW.to_string(),
                reminder_workflow(lang, install),
            ));
            out
        }
        Host::GitLab => Form::ALL
            .iter()
            .map(|f| {
                let name = f.file_name().trim_end_matches(".yml");
                (
                    format!(".gitlab/issue_templates/{name}.md"),
                    f.markdown(lang, &[]),
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yaml_rust2::{Yaml, YamlLoader};

    fn load(text: &str) -> Yaml {
        YamlLoader::load_from_str(text)
            .unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"))
            .remove(0)
    }

    /// GitHub's form schema, the rules a form breaks most easily: top-level keys, element
    /// types, unique ids, labels, dropdown options.
    #[test]
    fn every_form_follows_githubs_form_schema_in_both_languages() {
        for lang in ["sv", "en"] {
            for form in Form::ALL {
                let y = load(&form.github_yaml(lang));
                let top = y.as_hash().unwrap();
                for key in top.keys() {
                    let k = key.as_str().unwrap();
                    assert!(
                        [
                            "name",
                            "description",
                            "title",
                            "body",
                            "labels",
                            "assignees"
                        ]
                        .contains(&k),
                        "{k}"
                    );
                }
                assert!(!y["name"].as_str().unwrap().is_empty());
                assert!(!y["description"].as_str().unwrap().is_empty());
                let body = y["body"].as_vec().unwrap();
                let mut ids = Vec::new();
                for el in body {
                    let t = el["type"].as_str().unwrap();
                    assert!(
                        ["markdown", "input", "textarea", "dropdown", "checkboxes"].contains(&t)
                    );
                    if t == "markdown" {
                        assert!(el["attributes"]["value"].as_str().is_some());
                        continue;
                    }
                    let id = el["id"].as_str().unwrap();
                    assert!(id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
                    ids.push(id.to_string());
                    assert!(!el["attributes"]["label"].as_str().unwrap().is_empty());
                    if t == "dropdown" {
                        assert!(!el["attributes"]["options"].as_vec().unwrap().is_empty());
                    }
                }
                let n = ids.len();
                ids.sort();
                ids.dedup();
                assert_eq!(ids.len(), n, "ids are unique in {form:?}");
                // `title` is the issue's own title in GitHub's links: no field may take it.
                assert!(!ids.contains(&"title".to_string()));
            }
        }
    }

    #[test]
    fn the_solution_form_asks_for_the_solution_fields_of_the_front_matter() {
        let ids = Form::ProposeSolution.field_ids();
        for f in [
            "summary",
            "area",
            "addresses",
            "kind",
            "provider",
            "provider_type",
            "links",
            "organisations",
        ] {
            assert!(ids.contains(&f), "{f}");
        }
        let y = load(&Form::ProposeSolution.github_yaml("sv"));
        assert_eq!(y["name"].as_str(), Some("Föreslå en lösning"));
        let en = load(&Form::ProposeSolution.github_yaml("en"));
        assert_eq!(en["name"].as_str(), Some("Propose a solution"));
    }

    #[test]
    fn quoting_survives_quotes_and_backslashes() {
        let s = "a \"b\" \\ c\nd";
        assert_eq!(
            load(&format!("x: {}", yaml_quoted(s)))["x"].as_str(),
            Some(s)
        );
    }

    #[test]
    fn gitlab_gets_markdown_templates() {
        let files = files("en", Host::GitLab, &Install::FromSource);
        assert_eq!(files.len(), 3);
        assert_eq!(files[1].0, ".gitlab/issue_templates/propose-solution.md");
        assert!(files[1]
            .1
            .contains("### Which challenge does it help with?\n\n<!-- "));
    }

    fn gh() -> Repository {
        Repository::parse("https://github.com/kfvn/digitaliseringsguiden", "main").unwrap()
    }

    #[test]
    fn new_issue_links_prefill_the_form() {
        let url = Form::ProposeSolution.new_issue_url(
            &gh(),
            "sv",
            "Lösning: Nyckelhantering & lås",
            &[("addresses", "nyckelhantering-hemtjanst".into())],
        );
        assert_eq!(
            url,
            "https://github.com/kfvn/digitaliseringsguiden/issues/new?template=propose-solution.yml&title=L%C3%B6sning%3A+Nyckelhantering+%26+l%C3%A5s&addresses=nyckelhantering-hemtjanst"
        );
        let gl = Repository::parse("https://gitlab.com/g/p", "main").unwrap();
        let url = Url::parse(&Form::ProposeSolution.new_issue_url(
            &gl,
            "en",
            "Solution: keys",
            &[("addresses", "keys".into())],
        ))
        .unwrap();
        assert_eq!(url.path(), "/g/p/-/issues/new");
        let q: std::collections::HashMap<_, _> = url.query_pairs().collect();
        assert_eq!(q["issue[title]"], "Solution: keys");
        assert!(
            q["issue[description]"].contains("### Which challenge does it help with?\n\nkeys\n\n"),
            "{}",
            q["issue[description]"]
        );
    }
}
