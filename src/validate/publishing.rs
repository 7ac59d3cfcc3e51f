//! Publishing checks (the `MB06` codes): how the program folder is kept, beyond what its files say.
//!
//! [`publishing`] warns when `book.toml` publishes the pairs' whole record (`[public] pairs =
//! "full"`), and when the program holds private fields and its `.gitignore` does not keep
//! the private editions' folder, `book-private/`, out of git: a coordinators' edition committed by
//! mistake would put every note and concern in the repository's history, and on any host that
//! publishes the repository's files.
//!
//! Only `mentorbook check` runs these: they read `.gitignore`, which a build does not read and
//! `serve` does not watch, so a warning could not be kept up to date there.

use std::path::Path;

use crate::book::Book;
use crate::config::{CONFIG_FILE, PRIVATE_DIR, PairsShown};
use crate::diagnostic::{Code, Problem, Span};
use crate::model::Visibility;
use crate::model::pair::PairFile;

/// The name of git's ignore file, in the program folder.
const GITIGNORE: &str = ".gitignore";

/// The publishing warnings about `book`.
pub fn publishing(book: &Book) -> Vec<Problem> {
    let mut problems = full_pairs_public(book);
    problems.extend(private_not_ignored(book));
    problems
}

/// MB0602: `[public] pairs = "full"` in a program with pairs the public may see, without
/// `consent = true` to say that every pair agreed.
fn full_pairs_public(book: &Book) -> Vec<Problem> {
    let shown = book.config.public.pairs;
    let public_pairs = book
        .pairs
        .iter()
        .filter(|p| p.file.visibility == Visibility::Public)
        .count();
    if shown != PairsShown::Full || book.config.public.consent || public_pairs == 0 {
        return Vec::new();
    }
    let text = std::fs::read_to_string(book.config.root.join(CONFIG_FILE)).unwrap_or_default();
    let span = Span {
        file: CONFIG_FILE.into(),
        line: setting_line(&text, "public", "pairs").unwrap_or(0),
        column: 1,
    };
    let source: std::sync::Arc<str> = text.into();
    vec![
        Problem::warning(
            Code::FullPairsPublic,
            span,
            format!(
                "the public site shows the whole record of {public_pairs} pair{}: goals, \
                 meetings, vision, agreement, evaluations and closure",
                if public_pairs == 1 { "" } else { "s" }
            ),
        )
        .with_source(&source)
        .hint(
            "if every pair agreed to it, say so with `consent = true` under `[public]`; \
             otherwise choose `progress` (their checklists), `names` (who is paired with whom) \
             or `none` (a pair file's `visibility: pair` also keeps one pair off the public \
             site)",
        ),
    ]
}

/// The 1-based line of `key` in the table `[table]` of a TOML text, if it is written there.
fn setting_line(text: &str, table: &str, key: &str) -> Option<u32> {
    let mut inside = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line.trim_start_matches('[').trim_end_matches(']').trim() == table;
        } else if inside
            && line
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return u32::try_from(i + 1).ok();
        }
    }
    None
}

/// MB0601: private fields and no `.gitignore` line for the private editions' folder.
fn private_not_ignored(book: &Book) -> Vec<Problem> {
    let mut private_pairs = book
        .pairs
        .iter()
        .map(|p| (&p.source, private_fields(&p.file)))
        .filter(|(_, fields)| !fields.is_empty());
    let first = private_pairs.next();
    let more_pairs = private_pairs.count();
    let contacts = book.people.iter().filter(|p| p.contact.is_some()).count();
    if first.is_none() && contacts == 0 {
        return Vec::new();
    }
    let gitignore = std::fs::read(book.config.root.join(GITIGNORE)).ok();
    if let Some(text) = &gitignore
        && ignores_dir(&String::from_utf8_lossy(text), PRIVATE_DIR)
    {
        return Vec::new();
    }

    let mut held = Vec::new();
    if let Some((source, fields)) = first {
        held.push(format!("{} has {}", slashes(source), fields.join(", ")));
    }
    if more_pairs > 0 {
        held.push(format!(
            "{more_pairs} more pair file{} too",
            if more_pairs == 1 { "" } else { "s" }
        ));
    }
    if contacts > 0 {
        held.push(format!(
            "{contacts} {} contact details",
            if contacts == 1 {
                "person has"
            } else {
                "people have"
            }
        ));
    }
    let what = match gitignore {
        Some(_) => format!("no line keeps `{PRIVATE_DIR}/` out of git"),
        None => format!("this file is missing, so nothing keeps `{PRIVATE_DIR}/` out of git"),
    };
    let span = Span {
        file: GITIGNORE.into(),
        line: 0,
        column: 0,
    };
    let problem = Problem::warning(
        Code::PrivateNotIgnored,
        span,
        format!(
            "{what}, and the program holds private fields ({})",
            held.join("; ")
        ),
    )
    .hint(format!(
        "add the line `/{PRIVATE_DIR}` to {GITIGNORE}: the private editions (`build --audience`) \
         are written there, with every note and concern in them"
    ));
    vec![problem]
}

/// What a pair file holds that only a private edition shows, in words: empty when nothing.
fn private_fields(file: &PairFile) -> Vec<&'static str> {
    let hidden = |v: Visibility| v != Visibility::Public;
    let mut fields = Vec::new();
    let mut add = |yes: bool, what: &'static str| {
        if yes && !fields.contains(&what) {
            fields.push(what);
        }
    };
    add(hidden(file.visibility), "a visibility that is not public");
    add(file.concerns.is_some(), "concerns");
    if let Some(r) = &file.readiness {
        add(
            r.mentee_reflection.is_some() || r.mentor_reflection.is_some(),
            "reflections",
        );
    }
    add(
        file.first_meeting
            .as_ref()
            .is_some_and(|m| m.notes.is_some()),
        "meeting notes",
    );
    for m in &file.meetings {
        add(m.notes.is_some(), "meeting notes");
        add(hidden(m.visibility), "meetings that are not public");
    }
    for e in &file.evaluations {
        add(e.notes.is_some(), "evaluation notes");
        add(hidden(e.visibility), "evaluations that are not public");
    }
    for g in &file.goals {
        add(hidden(g.visibility), "goals that are not public");
    }
    add(
        file.closure
            .as_ref()
            .is_some_and(|c| c.value.reflection.is_some()),
        "reflections",
    );
    fields
}

/// `path` written with `/`, as problems name files.
fn slashes(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Whether the `.gitignore` text `gitignore`, in the folder that holds `dir`, ignores the folder
/// `dir` (a single name, such as `book-private`): its last pattern that matches the folder, or
/// everything in it (`book-private/**`), is not a negation (`!`).
///
/// Follows git's rules for one folder at the top: blank lines and `#` comments are skipped; a
/// trailing `/` only says "a folder"; a leading `/`, or a `/` inside, anchors the pattern to the
/// `.gitignore`'s folder; `**/` at the start matches any folder; `*`, `?` and `[...]` match within a
/// name.
pub(crate) fn ignores_dir(gitignore: &str, dir: &str) -> bool {
    let mut ignored = false;
    for line in gitignore.lines() {
        let line = line.trim_end_matches([' ', '\t', '\r']);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (negated, pattern) = match line.strip_prefix('!') {
            Some(p) => (true, p),
            None => (false, line.strip_prefix('\\').unwrap_or(line)),
        };
        let pattern = pattern.strip_suffix('/').unwrap_or(pattern);
        let pattern = pattern.strip_prefix("**/").unwrap_or(pattern);
        let pattern = pattern.strip_prefix('/').unwrap_or(pattern);
        // `book-private/**` (or `/**/*`...) ignores everything in the folder: as good as the folder.
        let pattern = pattern
            .strip_suffix("/**")
            .or_else(|| pattern.strip_suffix("/**/*"))
            .unwrap_or(pattern);
        if !pattern.contains('/') && glob(pattern.as_bytes(), dir.as_bytes()) {
            ignored = !negated;
        }
    }
    ignored
}

/// Whether the gitignore glob `pattern` matches the whole of `name` (one name, no `/`).
fn glob(pattern: &[u8], name: &[u8]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => (0..=name.len()).any(|i| glob(rest, &name[i..])),
        Some((b'?', rest)) => !name.is_empty() && glob(rest, &name[1..]),
        Some((b'[', rest)) => match (class(rest, name.first().copied()), name.split_first()) {
            (Some((true, after)), Some((_, name_rest))) => glob(after, name_rest),
            // An unclosed `[` is a literal `[`.
            (None, Some((b'[', name_rest))) => glob(rest, name_rest),
            _ => false,
        },
        Some((b'\\', rest)) if !rest.is_empty() => {
            name.first() == rest.first() && glob(&rest[1..], &name[1..])
        }
        Some((c, rest)) => name.first() == Some(c) && glob(rest, &name[1..]),
    }
}

/// Matches `c` against the character class that starts after a `[`: whether it matched, and the
/// pattern after the closing `]`; `None` when the class is not closed.
fn class(pattern: &[u8], c: Option<u8>) -> Option<(bool, &[u8])> {
    let (negated, mut rest) = match pattern.first() {
        Some(b'!' | b'^') => (true, &pattern[1..]),
        _ => (false, pattern),
    };
    let mut matched = false;
    let mut first = true;
    loop {
        match rest {
            [] => return None,
            [b']', after @ ..] if !first => {
                return Some((c.is_some() && matched != negated, after));
            }
            [lo, b'-', hi, after @ ..] if *hi != b']' => {
                matched |= c.is_some_and(|c| (*lo..=*hi).contains(&c));
                rest = after;
            }
            [x, after @ ..] => {
                matched |= c == Some(*x);
                rest = after;
            }
        }
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::ignores_dir;

    #[test]
    fn the_ways_gitignore_writes_a_folder_at_the_top() {
        for yes in [
            "/book-private",
            "book-private",
            "book-private/",
            "/book-private/",
            "**/book-private",
            "book-private/**",
            "/book-*",
            "book-priv?te",
            "book-[a-z]rivate",
            "*",
            "# built\n/book\n/book-private  \n",
            "book-private\n!book-private\nbook-private/",
            "book-private\r\n",
        ] {
            assert!(ignores_dir(yes, "book-private"), "{yes:?} should ignore it");
        }
        for no in [
            "",
            "/book",
            "# /book-private",
            "book-private\n!book-private",
            "book-private/coordinators",
            "content/book-private",
            "book-private.txt",
            "book-[!p]rivate",
            "book-[p",
            "\\!book-private",
        ] {
            assert!(
                !ignores_dir(no, "book-private"),
                "{no:?} should not ignore it"
            );
        }
    }
}
