//! `book.toml`: the book's title and language, where the site is written, the theme, the site address,
//! and how workbooks are printed.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostic::{Code, Problem, Span};

/// Where private editions go by default, inside the program folder (keep it out of git).
pub const PRIVATE_DIR: &str = "book-private";

/// The name of the configuration file in a program folder.
pub const CONFIG_FILE: &str = "book.toml";

/// The checked configuration of one program folder.
#[derive(Debug, Clone)]
pub struct Config {
    /// The program folder (the folder holding `book.toml`).
    pub root: PathBuf,
    /// `[book]`.
    pub book: BookSection,
    /// `[build]`.
    pub build: BuildSection,
    /// `[site]`.
    pub site: SiteSection,
    /// `[print]`.
    pub print: PrintSection,
    /// `[dashboard]`.
    pub dashboard: DashboardSection,
    /// `[public]`.
    pub public: PublicSection,
    /// `[matching]`.
    pub matching: MatchingSection,
}

/// `book.toml` as written (public for its JSON Schema).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BookToml {
    /// What the handbook is.
    pub book: BookSection,
    /// Where and how the site is written.
    #[serde(default)]
    pub build: BuildSection,
    /// Where the site is hosted.
    #[serde(default)]
    pub site: SiteSection,
    /// How workbooks are printed and PDF files made.
    #[serde(default)]
    pub print: PrintSection,
    /// What the dashboard on the home page counts.
    #[serde(default)]
    pub dashboard: DashboardSection,
    /// What the public site shows of the pairs.
    #[serde(default)]
    pub public: PublicSection,
    /// How `mentorbook match` weighs what a mentee and a mentor have in common.
    #[serde(default)]
    pub matching: MatchingSection,
}

/// `[book]`: what the handbook is.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BookSection {
    /// The handbook's title.
    pub title: String,
    /// One sentence about it.
    #[serde(default)]
    pub description: Option<String>,
    /// The language of the pages, as a BCP 47 tag (`en`, `fr`, `pt-BR`).
    #[serde(default = "default_language")]
    pub language: String,
    /// Who wrote it.
    #[serde(default)]
    pub authors: Vec<String>,
}

/// `[build]`: where and how the site is written.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BuildSection {
    /// The output folder, relative to the program folder.
    #[serde(default = "default_dest")]
    pub dest_dir: PathBuf,
    /// The theme: a folder under `themes/`, or the built-in `default`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Keep raw HTML in guide chapters as written (default: cleaned like every other Markdown).
    /// Only for chapters you trust: scripts in them would run on your site.
    #[serde(default)]
    pub allow_raw_html: bool,
}

impl Default for BuildSection {
    fn default() -> Self {
        BuildSection {
            dest_dir: default_dest(),
            theme: default_theme(),
            allow_raw_html: false,
        }
    }
}

/// `[site]`: where the site is hosted.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SiteSection {
    /// The address the site is served from, such as `https://example.org/mentoring/`. Links
    /// between pages stay relative either way; with it, the site also has a canonical link on
    /// every page, a `sitemap.xml`, and a 404 page whose links are absolute. `--base-url` on the
    /// command line overrides it.
    #[serde(default)]
    pub base_url: Option<String>,
    /// An image shown when a page is shared (Open Graph and Twitter cards): a web address, or a
    /// path in the site such as `static/cover.png` (made absolute with `base-url`).
    #[serde(default)]
    pub image: Option<String>,
    /// The address of the page that edits a source file, with `{path}` where the file's path,
    /// relative to the program folder, goes: such as
    /// `https://github.com/org/repo/edit/main/{path}`. Guide chapters, phase pages and pair pages
    /// then link to it ("Edit this page").
    #[serde(default)]
    pub edit_url_template: Option<String>,
}

/// What the command line sets over `book.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--base-url`: `[site] base-url`.
    pub base_url: Option<String>,
}

/// `[print]`: printed workbooks and their PDF files.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PrintSection {
    /// The paper size of printed pages and PDF files.
    #[serde(default)]
    pub paper: Paper,
    /// The browser that makes PDF files: a command name found on PATH, or a path (relative to the
    /// program folder). When unset, `chromium`, `chromium-browser` and `google-chrome` are tried.
    #[serde(default)]
    pub browser: Option<PathBuf>,
}

/// `[dashboard]`: what the dashboard on the home page counts.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DashboardSection {
    /// A pair that has not met for more than this many days is listed as quiet (default 30).
    #[serde(default = "default_quiet_after_days")]
    #[schemars(range(min = 1, max = 365))]
    pub quiet_after_days: u32,
}

/// `[public]`: what the public site (the edition for everyone) shows of the pairs. Private
/// editions show everything their audience may see, whatever it says. The per-pair and per-field
/// `visibility` still apply within what it allows.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PublicSection {
    /// How much of each pair the public site shows (default `names`).
    #[serde(default)]
    pub pairs: PairsShown,
    /// Whether the public dashboard lists the pairs that need attention (gone quiet, ending soon).
    /// Off by default: they are for coordinators.
    #[serde(default)]
    pub attention: bool,
    /// With `pairs = "full"`: every pair has agreed that the public site shows its whole record
    /// (without it, `mentorbook check` warns, MB0602). It changes nothing on the site.
    #[serde(default)]
    pub consent: bool,
}

/// `[matching]`: the points `mentorbook match` gives a mentee and a mentor for what they have in
/// common. Each weight is a whole number from 0 (ignore it) to [`MAX_WEIGHT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MatchingSection {
    /// Points per tag shared between the mentee's interests and the mentor's expertise (default 3).
    #[serde(default = "weight::<3>", alias = "shared_tags")]
    #[schemars(range(max = 100))]
    pub shared_tags: u32,
    /// Points per meeting mode and per time of the week both are available for (default 2).
    #[serde(default = "weight::<2>")]
    #[schemars(range(max = 100))]
    pub availability: u32,
    /// Points when they share a language (default 2).
    #[serde(default = "weight::<2>")]
    #[schemars(range(max = 100))]
    pub languages: u32,
    /// Points when their time zones are at most 3 hours apart (default 1).
    #[serde(default = "weight::<1>", alias = "time_zone")]
    #[schemars(range(max = 100))]
    pub time_zone: u32,
    /// Points when the mentee asked for this mentor, twice as many for their first wish (default 4).
    #[serde(default = "weight::<4>")]
    #[schemars(range(max = 100))]
    pub wishes: u32,
}

/// The largest weight `[matching]` takes.
pub const MAX_WEIGHT: u32 = 100;

fn weight<const N: u32>() -> u32 {
    N
}

impl Default for MatchingSection {
    fn default() -> Self {
        MatchingSection {
            shared_tags: weight::<3>(),
            availability: weight::<2>(),
            languages: weight::<2>(),
            time_zone: weight::<1>(),
            wishes: weight::<4>(),
        }
    }
}

impl MatchingSection {
    /// Each weight with its key in `book.toml`.
    pub fn keys(&self) -> [(&'static str, u32); 5] {
        [
            ("shared-tags", self.shared_tags),
            ("availability", self.availability),
            ("languages", self.languages),
            ("time-zone", self.time_zone),
            ("wishes", self.wishes),
        ]
    }
}

/// How much of each pair the public site shows, from most to least.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum PairsShown {
    /// Nothing: no pair is named, listed or counted.
    None,
    /// Who is paired with whom, in the list of pairs; no pair pages, no phase, no progress.
    #[default]
    Names,
    /// Names, each pair's phase and checklist progress (which items are done, and when), on the
    /// pair's pages and in the lists and counts; no goals, meetings, vision, agreement,
    /// evaluations or closure, and no workbooks or pair calendars.
    Progress,
    /// Everything public in the pair files: the record, workbooks and calendars.
    Full,
}

impl PairsShown {
    /// The value as written in `book.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            PairsShown::None => "none",
            PairsShown::Names => "names",
            PairsShown::Progress => "progress",
            PairsShown::Full => "full",
        }
    }
}

impl Default for DashboardSection {
    fn default() -> Self {
        DashboardSection {
            quiet_after_days: default_quiet_after_days(),
        }
    }
}

/// The most days `quiet-after-days` may be: a pair quiet for a year is not a useful warning.
pub const MAX_QUIET_AFTER_DAYS: u32 = 365;

fn default_quiet_after_days() -> u32 {
    30
}

/// A paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The size as CSS writes it in `@page { size: ... }`.
    pub fn css_size(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

fn default_language() -> String {
    "en".to_owned()
}
fn default_dest() -> PathBuf {
    PathBuf::from("book")
}
fn default_theme() -> String {
    "default".to_owned()
}

impl Config {
    /// Reads `root/book.toml`. Every problem names the file and, where TOML says, the line.
    pub fn load(root: &Path) -> Result<Config, Problem> {
        Config::load_with(root, &Overrides::default())
    }

    /// [`Config::load`], then what the command line sets over it. An override is checked as the
    /// key it replaces is, and its problem names the option.
    pub fn load_with(root: &Path, overrides: &Overrides) -> Result<Config, Problem> {
        let mut config = Config::load_file(root)?;
        if let Some(url) = &overrides.base_url {
            check_base_url(url).map_err(|hint| {
                Problem::error(
                    Code::Config,
                    Span {
                        file: PathBuf::new(),
                        line: 0,
                        column: 0,
                    },
                    format!("`--base-url {url}` is not a web address"),
                )
                .hint(hint)
            })?;
            config.site.base_url = Some(url.clone());
        }
        Ok(config)
    }

    fn load_file(root: &Path) -> Result<Config, Problem> {
        let path = root.join(CONFIG_FILE);
        let span = |line, column| Span {
            file: PathBuf::from(CONFIG_FILE),
            line,
            column,
        };
        // A named pipe or another special file would block the read: refused before opening.
        if let Ok(meta) = std::fs::metadata(&path)
            && !meta.is_file()
        {
            return Err(Problem::error(
                Code::Io,
                Span {
                    file: path.clone(),
                    line: 0,
                    column: 0,
                },
                "this is not a regular file (a folder, a named pipe or a device)",
            )
            .hint("replace it with a regular file: mentorbook reads only files"));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let at = Span { file: path.clone(), line: 0, column: 0 };
            let p = if e.kind() == std::io::ErrorKind::InvalidData {
                Problem::error(Code::Encoding, at, "the file is not valid UTF-8 text")
                    .hint("save the file as UTF-8 in your editor")
            } else {
                Problem::error(Code::Io, at, format!("cannot read the file: {e}"))
            };
            if e.kind() == std::io::ErrorKind::NotFound {
                p.hint("this folder is not a mentorbook program; run `mentorbook init` to make one, or pass the program folder")
            } else {
                p
            }
        })?;
        let source: Arc<str> = Arc::from(text.as_str());
        let raw: BookToml = toml::from_str(&text).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_column(&text, s.start));
            let message = e.message().trim_end().to_owned();
            let (words, hint) = toml_in_words(&message);
            let mut p =
                Problem::error(Code::Config, span(line, column), words).with_source(&source);
            if let Some(hint) = hint {
                p = p.hint(hint);
            }
            match unknown_key(&message) {
                Some(key) => p.suggest(
                    key,
                    [
                        "title",
                        "description",
                        "language",
                        "authors",
                        "dest-dir",
                        "theme",
                        "allow-raw-html",
                        "base-url",
                        "image",
                        "edit-url-template",
                        "paper",
                        "browser",
                        "quiet-after-days",
                        "book",
                        "build",
                        "site",
                        "print",
                        "dashboard",
                        "public",
                        "pairs",
                        "attention",
                        "consent",
                        "matching",
                        "shared-tags",
                        "availability",
                        "languages",
                        "time-zone",
                        "wishes",
                    ],
                ),
                None => p,
            }
        })?;
        let config = Config {
            root: root.to_path_buf(),
            book: raw.book,
            build: raw.build,
            site: raw.site,
            print: raw.print,
            dashboard: raw.dashboard,
            public: raw.public,
            matching: raw.matching,
        };
        config.check(&source)?;
        Ok(config)
    }

    fn check(&self, source: &Arc<str>) -> Result<(), Problem> {
        let theme = &self.build.theme;
        if crate::slug::check_slug(theme).is_err() {
            let place = find(source, theme);
            return Err(
                at(source, place, format!("`{theme}` is not a theme name")).hint(
                    "a theme is a folder name under themes/: lower-case letters, digits and dashes",
                ),
            );
        }
        if theme != "default" && !self.root.join("themes").join(theme).is_dir() {
            let place = find(source, theme);
            return Err(
                at(source, place, format!("there is no theme `{theme}`")).hint(format!(
                    "make the folder themes/{theme}/ or use theme = \"default\""
                )),
            );
        }
        let quiet = self.dashboard.quiet_after_days;
        if !(1..=MAX_QUIET_AFTER_DAYS).contains(&quiet) {
            let place = find_key(source, "quiet-after-days");
            let hint = format!(
                "write a number of days from 1 to {MAX_QUIET_AFTER_DAYS}, such as 30: a pair that \
                 has not met for longer is listed as quiet"
            );
            let message = format!("`quiet-after-days = {quiet}` is out of range");
            return Err(at(source, place, message).hint(hint));
        }
        for (key, value) in self.matching.keys() {
            if value > MAX_WEIGHT {
                // `shared_tags`, as the key is also read, when `shared-tags` is not written.
                let place = Some(find_key(source, key))
                    .filter(|&p| p != (0, 0))
                    .unwrap_or_else(|| find_key(source, &key.replace('-', "_")));
                let message = format!("`{key} = {value}` is out of range");
                let hint = format!(
                    "write a whole number from 0 (not counted) to {MAX_WEIGHT}: the points a \
                     proposal gets for it"
                );
                return Err(at(source, place, message).hint(hint));
            }
        }
        if let Some(url) = self.site.base_url.as_deref()
            && let Err(hint) = check_base_url(url)
        {
            let place = find_key(source, "base-url");
            let message = format!("`base-url = {url:?}` is not a web address");
            return Err(at(source, place, message).hint(hint));
        }
        if let Some(image) = self.site.image.as_deref()
            && !is_web_address(image)
            && !is_site_path(image)
        {
            let place = find_key(source, "image");
            let message =
                format!("`image = {image:?}` is neither a web address nor a path in the site");
            let hint = "write a web address starting with https://, or the path of a file of the \
                        site such as \"static/cover.png\" (a file of your theme's static/ folder)";
            return Err(at(source, place, message).hint(hint));
        }
        if let Some(template) = self.site.edit_url_template.as_deref()
            && (!template.contains("{path}") || !is_web_address(template))
        {
            let place = find_key(source, "edit-url-template");
            let message = format!(
                "`edit-url-template = {template:?}` is not a web address with `{{path}}` in it"
            );
            let hint = "write the address of your repository's edit page with {path} where the \
                        file's path goes, such as \"https://github.com/org/repo/edit/main/{path}\"";
            return Err(at(source, place, message).hint(hint));
        }
        Ok(())
    }

    /// The output folder, resolved against the program folder.
    pub fn dest_dir(&self) -> PathBuf {
        self.root.join(&self.build.dest_dir)
    }

    /// The browser named in `[print] browser`: a path resolved against the program folder, or a
    /// bare command name to look up on PATH.
    pub fn browser(&self) -> Option<PathBuf> {
        let b = self.print.browser.as_ref()?;
        Some(if b.components().count() > 1 || b.is_absolute() {
            self.root.join(b)
        } else {
            b.clone()
        })
    }

    /// Where a build for `audience` goes: the public site in the output folder, a private edition
    /// in `book-private/<audience>/`. `dest`, when given, is relative to the program folder.
    pub fn dest_for(&self, audience: &crate::model::Audience, dest: Option<&Path>) -> PathBuf {
        match dest {
            Some(d) => self.root.join(d),
            None if audience.is_public() => self.dest_dir(),
            None => self.root.join(PRIVATE_DIR).join(audience.folder()),
        }
    }

    /// The program's own theme folder, `themes/<theme>/`, when it exists.
    pub fn theme_dir(&self) -> Option<PathBuf> {
        Some(self.root.join("themes").join(&self.build.theme)).filter(|p| p.is_dir())
    }
}

/// The key named in a TOML "unknown field `x`" message.
fn unknown_key(message: &str) -> Option<&str> {
    message.strip_prefix("unknown field `")?.split('`').next()
}

/// 1-based line and column of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

/// An error in `book.toml` at `(line, column)`, shown with `source`, the file's text.
/// The TOML library's message in a coordinator's words, with a hint, for the messages that name
/// Rust's kinds of value (`invalid type: sequence, expected path string`) or say too little.
fn toml_in_words(message: &str) -> (String, Option<String>) {
    const SEE: &str = "docs/format.md lists the keys of book.toml and what each takes";
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let expected = match expected.trim() {
            "path string" | "a path" => "a folder name in quotes".to_owned(),
            e => crate::diagnostic::words::kind_in_words(e),
        };
        let found = crate::diagnostic::words::kind_in_words(found);
        return (
            format!("expected {expected} here, not {found}"),
            Some(SEE.to_owned()),
        );
    }
    if message == "duplicate key" {
        return (
            "this key or `[section]` is written twice".to_owned(),
            Some(
                "keep one of them, and put every key of a section under its one heading".to_owned(),
            ),
        );
    }
    if message.starts_with("missing field `") {
        return (message.to_owned(), Some(SEE.to_owned()));
    }
    (message.to_owned(), None)
}

fn at(source: &Arc<str>, (line, column): (u32, u32), message: String) -> Problem {
    Problem::error(
        Code::Config,
        Span {
            file: CONFIG_FILE.into(),
            line,
            column,
        },
        message,
    )
    .with_source(source)
}

/// Checks that `url` can be the site's address (`[site] base-url` or `--base-url`); the error is a
/// hint saying what to write.
pub fn check_base_url(url: &str) -> Result<(), &'static str> {
    if is_web_address(url) {
        Ok(())
    } else {
        Err(
            "write the address the site is published at, starting with https:// (or http://) and \
             without spaces, such as \"https://mentoring.example.org/\"",
        )
    }
}

/// Whether `url` can be `[site] base-url`: http or https, a host, and nothing that would end an
/// attribute or a line where it is written (pages, calendars).
fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
}

/// Whether `path` is a path in the site (`static/cover.png`): relative, no `..`, nothing that would
/// end an attribute.
fn is_site_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains("://")
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && !path.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '?' | '#')
        })
}

/// Where the value of `key` is, on the first line that sets it, for pointing at a value TOML
/// accepted but we did not.
fn find_key(text: &str, key: &str) -> (u32, u32) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.trim_start().strip_prefix(key)
            && let Some(eq) = rest.find('=').filter(|&i| rest[..i].trim().is_empty())
        {
            let value = &rest[eq + 1..];
            let at = line.len() - value.len() + (value.len() - value.trim_start().len());
            return line_column(text, offset + at);
        }
        offset += line.len();
    }
    (0, 0)
}

/// Where `needle` first appears, for pointing at a value TOML accepted but we did not.
fn find(text: &str, needle: &str) -> (u32, u32) {
    text.find(&format!("\"{needle}\""))
        .map_or((0, 0), |i| line_column(text, i + 1))
}
