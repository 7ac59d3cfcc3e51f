//! The theme: Tera templates and static files, from the built-in default theme overlaid with the
//! program's own `themes/<theme>/` folder, template by template.

use std::path::{Path, PathBuf};

use tera::{Kwargs, State, Tera};

use crate::config::Config;

mod filters;
mod words;

use crate::diagnostic::{Code, Problem, Span};
use filters::{count, css_string, fill, json, long_date};
pub use words::strings;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, built into the binary so it works from any folder.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded!(
    "base.html",
    "index.html",
    "guide.html",
    "chapter.html",
    "phases.html",
    "phase.html",
    "pairs.html",
    "mentors.html",
    "pair.html",
    "pair-phase.html",
    "pair-initiation.html",
    "pair-negotiation.html",
    "pair-enabling.html",
    "pair-closure.html",
    "partials.html",
    "pair-nav.html",
    "print-parts.html",
    "workbook.html",
    "print.html",
    "404.html",
    "dashboard.html",
    "dashboard-charts.html",
    "pair-progress.html",
    "edit-panel.html",
    "edit-hidden.html",
    "edit-flash.html",
    "edit-page.html",
);

/// The default theme's static files.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "print.css",
        include_bytes!("../../themes/default/static/print.css"),
    ),
    (
        "print.js",
        include_bytes!("../../themes/default/static/print.js"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "pairs-list.js",
        include_bytes!("../../themes/default/static/pairs-list.js"),
    ),
    (
        "mentors.js",
        include_bytes!("../../themes/default/static/mentors.js"),
    ),
    (
        "lists.css",
        include_bytes!("../../themes/default/static/lists.css"),
    ),
    (
        "theme.js",
        include_bytes!("../../themes/default/static/theme.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
];

/// A static file to copy into the site's `static/` folder.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path under `static/`.
    pub path: PathBuf,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Templates parsed once, and the static files, ready to render any number of pages.
pub struct Theme {
    /// The parsed templates.
    pub tera: Tera,
    /// Static files, sorted by path.
    pub assets: Vec<Asset>,
    /// The words on the pages: the default theme's, with the theme's `strings.toml` over them.
    pub strings: super::strings::Strings,
    /// What the strings files leave out (words left in English, counted words missing a form):
    /// warnings, which `build` prints with the program's.
    pub warnings: Vec<Problem>,
    /// Each template's name, file and text, for pointing at the line of a template error.
    sources: Vec<TemplateSource>,
}

/// Where a template came from.
struct TemplateSource {
    name: String,
    path: PathBuf,
    text: std::sync::Arc<str>,
}

impl Theme {
    /// Loads the default theme, then the program's `themes/<theme>/templates/*.html` and
    /// `themes/<theme>/static/**` over it.
    pub fn load(config: &Config) -> Result<Theme, Problem> {
        let mut templates: Vec<(String, String, PathBuf)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    (*name).to_owned(),
                    (*text).to_owned(),
                    PathBuf::from("themes/default/templates").join(name),
                )
            })
            .collect();
        let mut assets: Vec<Asset> = DEFAULT_STATIC
            .iter()
            .map(|(p, b)| Asset {
                path: PathBuf::from(p),
                bytes: b.to_vec(),
            })
            .collect();
        let rel_dir = PathBuf::from("themes").join(&config.build.theme);
        // The theme's folders are checked as `read_tree` checks what is in them: a link to a theme
        // elsewhere would publish files from outside the program folder.
        for rel in [Path::new("themes"), &rel_dir] {
            let meta = std::fs::symlink_metadata(config.root.join(rel));
            if meta.is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(link(&config.root.join(rel), rel));
            }
        }
        if let Some(dir) = config.theme_dir() {
            // By name, so that a theme of thousands of files costs no search through the others.
            let mut own: std::collections::HashMap<String, PathBuf> = Default::default();
            for (rel, text) in read_tree(&dir.join("templates"), &rel_dir.join("templates"))? {
                let name = rel
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                // A template is known by its file name alone, wherever it is under templates/.
                if let Some(first) = own.get(&name) {
                    return Err(whole(
                        &rel,
                        &format!(
                            "this template and {} have the same name, `{name}`, so one would \
                             silently replace the other",
                            first.display()
                        ),
                    )
                    .with_code(Code::DuplicateId)
                    .hint("templates are known by their file name: rename or remove one of them"));
                }
                own.insert(name.clone(), rel.clone());
                let text = String::from_utf8(text)
                    .map_err(|_| whole(&rel, "the template is not UTF-8 text"))?;
                // The program's own names are unique: only a default template can have this one.
                let defaults = &mut templates[..DEFAULT_TEMPLATES.len()];
                match defaults.iter_mut().find(|(n, ..)| *n == name) {
                    Some(slot) => *slot = (name, text, rel),
                    None => templates.push((name, text, rel)),
                }
            }
            let static_dir = rel_dir.join("static");
            for (shown, bytes) in read_tree(&dir.join("static"), &static_dir)? {
                let rel = shown
                    .strip_prefix(&static_dir)
                    .unwrap_or(&shown)
                    .to_path_buf();
                // `read_tree` lists each path once: only a default file can have this one.
                let defaults = &mut assets[..DEFAULT_STATIC.len()];
                match defaults.iter_mut().find(|a| a.path == rel) {
                    Some(a) => a.bytes = bytes,
                    None => assets.push(Asset { path: rel, bytes }),
                }
            }
        }
        assets.sort_by(|a, b| a.path.cmp(&b.path));
        let (strings, warnings) = strings(config)?;

        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.set_escape_fn(escape_html);
        let words = strings.clone();
        tera.register_filter("long_date", move |s: &str, _: Kwargs, _: &State| {
            long_date(s, &words)
        });
        let lang = strings.lang.clone();
        tera.register_filter(
            "count",
            move |word: &tera::Value, kwargs: Kwargs, _: &State| {
                count(word, kwargs.must_get::<i64>("n")?, &lang)
            },
        );
        tera.register_filter("css_string", css_string);
        tera.register_filter("fill", fill);
        tera.register_filter("json", json);
        let sources: Vec<TemplateSource> = templates
            .into_iter()
            .map(|(name, text, path)| TemplateSource {
                name,
                path,
                text: std::sync::Arc::from(text),
            })
            .collect();
        let added = tera.add_raw_templates(sources.iter().map(|t| (t.name.as_str(), &*t.text)));
        let theme = Theme {
            tera,
            assets,
            strings,
            warnings,
            sources,
        };
        match added {
            Ok(()) => Ok(theme),
            Err(e) => Err(theme.problem(&e)),
        }
    }

    /// A problem for a Tera error, pointing at the template's file, line and column when Tera says.
    pub fn problem(&self, e: &tera::Error) -> Problem {
        let report = match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
            _ => None,
        };
        let Some(r) = report else {
            return self.problem_from_text(&error_chain(e));
        };
        let source = self.sources.iter().find(|t| t.name == r.filename());
        let file = source.map_or_else(|| PathBuf::from(r.filename()), |t| t.path.clone());
        let span = r.span();
        let at = Span {
            file,
            line: u32::try_from(span.start_line).unwrap_or(0),
            column: u32::try_from(span.start_col + 1).unwrap_or(0),
        };
        let p = Problem::error(Code::Template, at, r.message().to_owned())
            .hint(template_hint(r.message()));
        match source {
            Some(t) => p.with_source(&t.text),
            None => p,
        }
    }
}

impl Theme {
    /// Some Tera errors come as a formatted report: `error: MESSAGE` then ` --> NAME:LINE:COL`.
    fn problem_from_text(&self, text: &str) -> Problem {
        let mut lines = text.lines();
        let message = lines
            .next()
            .unwrap_or(text)
            .trim_start_matches("error: ")
            .to_owned();
        let place = lines
            .find_map(|l| l.trim().strip_prefix("--> "))
            .and_then(|p| {
                let mut parts = p.rsplitn(3, ':');
                let column: u32 = parts.next()?.parse().ok()?;
                let line: u32 = parts.next()?.parse().ok()?;
                Some((parts.next()?.to_owned(), line, column))
            });
        let Some((name, line, column)) = place else {
            return whole(Path::new("themes"), text);
        };
        let source = self.sources.iter().find(|t| t.name == name);
        let file = source.map_or_else(|| PathBuf::from(&name), |t| t.path.clone());
        let hint = template_hint(&message);
        let p = Problem::error(Code::Template, Span { file, line, column }, message).hint(hint);
        match source {
            Some(t) => p.with_source(&t.text),
            None => p,
        }
    }
}

/// Fields that exist only in private editions (see `render::view`).
const PRIVATE_FIELDS: &[&str] = &[
    "notes",
    "concerns",
    "contact",
    "mentee_reflection",
    "mentor_reflection",
    "reflection",
];

/// The hint for a template error: a private field asked for in a build that may not see it gets
/// its own explanation.
fn template_hint(message: &str) -> String {
    let asked = message
        .strip_prefix("Field `")
        .and_then(|m| m.split('`').next());
    match asked {
        Some(field) if PRIVATE_FIELDS.contains(&field) => format!(
            "`{field}` is private: it is only there in private editions (build --audience ...). \
             Guard it with `{{% if x.{field} is defined %}}` so the public site never asks for it"
        ),
        _ => "see docs/themes.md for the variables and filters each template can use".to_owned(),
    }
}

/// The message of a Tera error with its causes, on one line each.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

fn whole(file: &Path, message: &str) -> Problem {
    Problem::error(
        Code::Template,
        Span {
            file: file.to_path_buf(),
            line: 0,
            column: 0,
        },
        message,
    )
}

/// The problem of a link in the theme: `path` on disk, `shown` as the message names it.
fn link(path: &Path, shown: &Path) -> Problem {
    let target = std::fs::read_link(path)
        .map(|t| format!("it points to {}: ", t.display()))
        .unwrap_or_default();
    whole(shown, "this is a link, which mentorbook does not follow")
        .with_code(Code::Symlink)
        .hint(format!(
            "{target}copy the files into the theme folder instead: mentorbook reads nothing outside the program folder"
        ))
}

/// The problem of something in the theme that is not a regular file (a named pipe, a device): it
/// is never opened, as reading a named pipe would wait for a writer forever.
fn not_a_file(shown: &Path, kind: &std::fs::FileType) -> Problem {
    whole(
        shown,
        &format!("this is {}, not a file", crate::load::not_a_file(kind)),
    )
    .with_code(Code::BadFileName)
    .hint("remove it from the theme folder, or replace it with a regular file")
}

/// Every file under `dir` (following no links, opening nothing but regular files), as (path under
/// `prefix`, bytes), sorted.
fn read_tree(dir: &Path, prefix: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, Problem> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry =
            entry.map_err(|e| whole(prefix, &format!("cannot read the theme folder: {e}")))?;
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        if entry.path_is_symlink() {
            return Err(link(entry.path(), &prefix.join(rel)));
        }
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            return Err(not_a_file(&prefix.join(rel), &kind));
        }
        let bytes = std::fs::read(entry.path())
            .map_err(|e| whole(&prefix.join(rel), &format!("cannot read the file: {e}")))?;
        out.push((prefix.join(rel), bytes));
    }
    Ok(out)
}

/// Escapes text for HTML as Tera's own escaping does (`&`, `<`, `>`, `"` and `'`, the last as
/// `&#39;`), but writes the runs between those characters in one call each rather than a byte at a
/// time, and skips eight bytes at a time where none of them needs escaping: escaping was a tenth of
/// the rendering time.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8)
            && !needs_escaping(u64::from_le_bytes(word.try_into().expect("eight bytes")))
        {
            i += 8;
            continue;
        }
        let entity: &[u8] = match bytes[i] {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => {
                i += 1;
                continue;
            }
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(entity)?;
        i += 1;
        start = i;
    }
    out.write_all(&bytes[start..])
}

/// Whether any of the eight bytes of `word` is one [`escape_html`] escapes. A byte equal to `b`
/// is a zero byte of `word ^ b…b`, and `(x - 0x01…01) & !x & 0x80…80` is non-zero exactly when
/// `x` has a zero byte.
fn needs_escaping(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has = |b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    (has(b'&') | has(b'<') | has(b'>') | has(b'"') | has(b'\'')) != 0
}

#[cfg(test)]
mod escape_tests {
    #[test]
    fn escapes_as_tera_does() {
        for text in [
            "",
            "plain",
            "a & b < c > d \"e\" 'f'",
            "&&",
            "<",
            "é'ü\"",
            "x>",
        ] {
            assert_same(text);
        }
        // Every special character at every place of an eight-byte word, and between words.
        for at in 0..20 {
            for c in ['&', '<', '>', '"', '\'', 'é', 'x'] {
                let mut text: String = "abcdefghijklmnopqrstu".into();
                text.insert(at, c);
                assert_same(&text);
            }
        }
    }

    fn assert_same(text: &str) {
        let (mut ours, mut teras) = (Vec::new(), Vec::new());
        super::escape_html(text, &mut ours).unwrap();
        tera::escape_html(text, &mut teras).unwrap();
        assert_eq!(ours, teras, "{text}");
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_escaped_as_tera_does(text in ".{0,80}", html in "[<>&\"'a é]{0,40}") {
            assert_same(&text);
            assert_same(&html);
        }
    }
}
