//! `mentorbook new pair` and `new person`: new files written from the program's own data, with
//! comments that explain each field. Never overwrites a file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Date, PersonId, PhaseId, Program, Role};
use crate::schema::FileKind;

/// Why a scaffold could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file is already there.
    #[error("{0} already exists; mentorbook never overwrites a file")]
    Exists(PathBuf),
    /// A person id that the program does not have, or in the wrong role.
    #[error("{0}")]
    Person(String),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// What `new pair` is asked for.
pub struct NewPair<'a> {
    /// The mentor's id.
    pub mentor: &'a PersonId,
    /// The mentee's id.
    pub mentee: &'a PersonId,
    /// The start date.
    pub start: Date,
    /// For a proposal (`mentorbook match --write`): why it is proposed, one line a reason. The
    /// file then starts with these lines as a comment, says `status: proposed` and
    /// `initiated_by: program`.
    pub proposal: Option<&'a [String]>,
}

fn check_person(program: &Program, id: &PersonId, role: Role, word: &str) -> Result<(), Error> {
    match program.person(id) {
        None => {
            let hint = crate::diagnostic::did_you_mean(
                id.as_str(),
                program.people.iter().map(|p| p.id.value.as_str()),
            )
            .map_or_else(String::new, |b| format!(" (did you mean `{b}`?)"));
            Err(Error::Person(format!(
                "there is no person `{id}`{hint}: add them with `mentorbook new person` first"
            )))
        }
        Some(p) if !p.roles.contains(&role) => Err(Error::Person(format!(
            "`{id}` is not listed as a {word} in the people files"
        ))),
        Some(_) => Ok(()),
    }
}

/// The text of a new pair file: every field explained, every checklist item listed as open.
pub fn pair_text(program: &Program, new: &NewPair<'_>, rel: &Path) -> Result<String, Error> {
    check_person(program, new.mentor, Role::Mentor, "mentor")?;
    check_person(program, new.mentee, Role::Mentee, "mentee")?;
    Ok(pair_scaffold(program, new, rel))
}

/// [`pair_text`] without checking the people: for `import`, whose files the validator checks.
pub fn pair_scaffold(program: &Program, new: &NewPair<'_>, rel: &Path) -> String {
    let months = program.info.default_length_months.value;
    let end = new.start.plus_months(months);
    let mut t = FileKind::Pair.modeline(rel);
    if let Some(reasons) = new.proposal {
        for line in reasons {
            let _ = writeln!(t, "# {}", line.replace(['\n', '\r'], " ").trim_end());
        }
        t.push_str("#\n");
    }
    let _ = writeln!(
        t,
        "# A mentoring pair. Every field is described in {}/format.md",
        super::docs_url()
    );
    let _ = writeln!(t, "# Run `mentorbook check` after editing.");
    let _ = writeln!(t, "mentor: {}", new.mentor);
    let _ = writeln!(t, "mentee: {}", new.mentee);
    if new.proposal.is_some() {
        let _ = writeln!(
            t,
            "status: proposed   # a proposal, published nowhere: delete this line to accept the pair"
        );
    }
    let _ = writeln!(t, "start: {}", new.start);
    let _ = writeln!(
        t,
        "end: {end}   # the program's default length: {months} months"
    );
    if new.proposal.is_some() {
        let _ = writeln!(
            t,
            "initiated_by: program   # a coordinator matched them (mentorbook match)"
        );
    } else {
        let _ = writeln!(
            t,
            "# initiated_by: mentee   # how you came together: mentee (asked), mentor (offered) or program (matched)"
        );
    }
    t.push_str(PAIR_BODY);
    t.push_str("\n# Checklist progress: uncomment an item and write the date it was done.\n");
    t.push_str(
        "# A map gives more: `item: {done: 2026-02-01, by: person-id, comment: ...}`.\nprogress:\n",
    );
    for phase in PhaseId::ALL {
        let _ = writeln!(t, "  {phase}:");
        for item in &program.phase(phase).file.checklist {
            let owner = serde_owner(item.owner);
            let only: Vec<&str> = item.initiated_by.iter().map(|w| w.id()).collect();
            let only = if only.is_empty() {
                String::new()
            } else {
                format!(" (only if initiated_by: {})", only.join(" or "))
            };
            let _ = writeln!(
                t,
                "    # {}: YYYY-MM-DD   # {owner}{only}: {}",
                item.id.value,
                item.text.replace('\n', " ")
            );
        }
    }
    t
}

fn serde_owner(o: crate::model::Owner) -> &'static str {
    match o {
        crate::model::Owner::Mentor => "mentor",
        crate::model::Owner::Mentee => "mentee",
        crate::model::Owner::Both => "both",
    }
}

/// The fields a new pair fills in over time, all commented out so the file checks as it is.
const PAIR_BODY: &str = r#"
# Initiation: readiness and the first meeting.
# readiness:
#   relationship_type: One-to-one, formal, twelve months
#   mentee_reflection: |        # private: never published
#     Why I want a mentor now, what I hope to learn, what worries me.
# first_meeting:
#   date: YYYY-MM-DD
#   place: Where you met
#   notes: Private notes.       # private

# Negotiation: the vision, SMART goals and the partnership agreement.
# vision: |
#   The long-term purpose of the relationship, in the mentee's words.
# goals:
#   - id: a-short-id
#     title: A short name
#     specific: Exactly what will be achieved.
#     measurable: How you will know: a number, a count, something to show.
#     attainable: Why it is within reach, and what support it needs.
#     realistic: Why it fits the time and resources you really have.
#     timely: YYYY-MM-DD       # the deadline
#     status: not_started       # not_started, in_progress, achieved or dropped
#     milestones:
#       - title: A step on the way
#         due: YYYY-MM-DD
# agreement:
#   expectations: What each of you expects of the other.
#   boundaries: Topics, times and places that are off limits.
#   confidentiality: What stays between the two of you.
#   ethics: Conflicts of interest and how you handle them.
#   communication:
#     channel: E-mail, phone, chat...
#     response_time: Two working days
#     between_meetings: How the mentee asks for help between meetings.
#   meetings:
#     frequency: monthly        # weekly, fortnightly, monthly or quarterly
#     place: Where you meet
#     duration: One hour
#   feedback: How you give each other feedback and new ideas.
#   measuring_success: The outcomes you expect and how you will measure them.
#   evaluation_process: When, where and how you review progress towards the goals.
#   conflict_resolution: What you do when you disagree.
#   celebration: How you will mark progress and accomplishments.
#   end_point: When and how the relationship ends or is renewed.
#   signed:
#     mentor: YYYY-MM-DD
#     mentee: YYYY-MM-DD

# Enabling: the meeting log and check-ins on the relationship.
# meetings:
#   - date: YYYY-MM-DD
#     title: What the meeting was about
#     agenda: [First topic, Second topic]
#     follow_ups: [Who does what next]
#     notes: Private notes.     # private
# planned_meetings: [YYYY-MM-DD, YYYY-MM-DD]   # for the calendar file; default: from the agreement's frequency
# evaluations:
#   - date: YYYY-MM-DD
#     by: person-id
#     rating: 4                 # 1 to 5
#     summary: One public line.
#     notes: Private notes.     # private

# Closure: how the relationship ended.
# closure:
#   date: YYYY-MM-DD
#   outcome: ended              # ended or renewed
#   summary: What you achieved together.
#   goals_reached: [a-short-id]
#   next_steps: What comes next.
#   reflection: Private.        # private
"#;

/// What `new person` is asked for.
pub struct NewPerson<'a> {
    /// The id (and file name).
    pub id: &'a PersonId,
    /// Full name.
    pub name: &'a str,
    /// Roles.
    pub roles: &'a [Role],
    /// Job title.
    pub title: Option<&'a str>,
}

/// The text of `content/people/<id>.yaml`.
pub fn person_text(program: &Program, new: &NewPerson<'_>, rel: &Path) -> Result<String, Error> {
    if program.person(new.id).is_some() {
        return Err(Error::Person(format!(
            "there is already a person `{}`",
            new.id
        )));
    }
    let roles: Vec<&str> = new
        .roles
        .iter()
        .map(|r| match r {
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
            Role::Coordinator => "coordinator",
        })
        .collect();
    let mut t = person_header(rel);
    let _ = writeln!(t, "name: {}", yaml_string(new.name));
    let _ = writeln!(t, "roles: [{}]", roles.join(", "));
    match new.title {
        Some(title) => {
            let _ = writeln!(t, "title: {}", yaml_string(title));
        }
        None => t.push_str("# title: Job title or position\n"),
    }
    t.push_str("# bio: A short introduction (Markdown).\n");
    t.push_str("# contact:                 # private: never published\n#   email: name@example.org\n#   phone: \"+44 ...\"\n");
    Ok(t)
}

/// The first lines of a person file at `rel`: the modeline and what the file is.
pub fn person_header(rel: &Path) -> String {
    let mut t = FileKind::Person.modeline(rel);
    t.push_str(
        "# A person. The file name is the id, used by pair files; never rename it once used.\n",
    );
    t
}

/// A string as YAML: quoted when it would not read back as the same plain text.
fn yaml_string(s: &str) -> String {
    crate::yaml_edit::string(s)
}

/// Writes `text` to `root/rel` unless the file exists.
pub fn write_new(root: &Path, rel: &Path, text: &str) -> Result<(), Error> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| Error::Io {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    match file {
        Ok(mut f) => std::io::Write::write_all(&mut f, text.as_bytes())
            .map_err(|source| Error::Io { path, source }),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::Exists(rel.to_path_buf()))
        }
        Err(source) => Err(Error::Io { path, source }),
    }
}

#[cfg(test)]
mod tests {
    use super::yaml_string;

    #[test]
    fn names_are_quoted_when_needed() {
        assert_eq!(yaml_string("Ana López"), "Ana López");
        assert_eq!(yaml_string("Dr: Ana"), "\"Dr: Ana\"");
        assert_eq!(yaml_string("#1 mentor"), "\"#1 mentor\"");
        assert_eq!(yaml_string("O\"Neil"), "O\"Neil");
    }
}
