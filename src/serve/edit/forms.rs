//! What a posted form asks for: its fields read into a [`PairChange`], a [`PersonChange`] or a new
//! file's text. A field the form does not have is left as the file says (`None`); a field sent
//! empty removes its key. Values are taken as typed (line ends made `\n`, spaces at the ends
//! trimmed): the loader checks them once the change is made, so an invalid date comes back as the
//! loader's located problem, not as a second opinion here.

use std::path::PathBuf;

use serde::Serialize;

use crate::book::Book;
use crate::edit::{
    AgreementField, ClosureFields, Detail, EvaluationFields, GoalFields, MeetingFields, PairChange,
    PersonChange, PersonFields, TextField,
};
use crate::load::CONTENT_DIR;
use crate::model::{Date, PersonId, Role};
use crate::render::strings::{EditErrorWords, fill};
use crate::scaffold::new::{self, NewPair, NewPerson};

/// Why a form does not make a change, said in the page's words by [`FormError::text`] (and in
/// English on the console).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// A field that must be filled is empty.
    Required(What),
    /// The form lacks a field the editor puts in it: its name.
    NoField(String),
    /// The editor has no such form: its name.
    NoForm(String),
    /// The editor edits no such text: its name.
    NoText(String),
    /// A new person with no role.
    OneRole,
    /// A new pair's start that is no date: why.
    Start(String),
    /// A new pair's id that is no id: why.
    PairId(String),
    /// A new person's id that is no id: why.
    PersonId(String),
    /// A new pair's mentor that is no id: why.
    MentorId(String),
    /// A new pair's mentee that is no id: why.
    MenteeId(String),
    /// What the change or the new file's maker said, in English.
    Other(String),
}

/// A field that must be filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// The checklist's phase.
    Phase,
    /// The checklist item.
    Item,
    /// The date an item was done.
    Done,
    /// A meeting's date.
    MeetingDate,
    /// A new goal's id.
    GoalId,
    /// A new milestone's title.
    MilestoneTitle,
    /// A new person's name.
    Name,
    /// A new pair's mentor.
    Mentor,
    /// A new pair's mentee.
    Mentee,
}

impl FormError {
    /// What the page says, in the words `w`.
    pub fn text(&self, w: &EditErrorWords) -> String {
        let named = |pattern: &str, name: &str| fill(pattern, &[("name", name)]);
        let error = |pattern: &str, e: &str| fill(pattern, &[("error", e)]);
        match self {
            FormError::Required(what) => {
                let what = match what {
                    What::Phase => &w.phase,
                    What::Item => &w.item,
                    What::Done => &w.done,
                    What::MeetingDate => &w.meeting_date,
                    What::GoalId => &w.goal_id,
                    What::MilestoneTitle => &w.milestone_title,
                    What::Name => &w.name,
                    What::Mentor => &w.mentor,
                    What::Mentee => &w.mentee,
                };
                fill(&w.required, &[("what", what)])
            }
            FormError::NoField(name) => named(&w.no_field, name),
            FormError::NoForm(name) => named(&w.no_form, name),
            FormError::NoText(name) => named(&w.no_text, name),
            FormError::OneRole => w.one_role.clone(),
            FormError::Start(e) => error(&w.start, e),
            FormError::PairId(e) => error(&w.pair_id, e),
            FormError::PersonId(e) => error(&w.person_id, e),
            FormError::MentorId(e) => error(&w.mentor_id, e),
            FormError::MenteeId(e) => error(&w.mentee_id, e),
            FormError::Other(e) => e.clone(),
        }
    }
}

/// A posted form's fields, in order.
#[derive(Debug, Default)]
pub struct Form(Vec<(String, String)>);

/// A field of a refused form, shown again to be sent again.
#[derive(Debug, Serialize)]
pub struct Field {
    name: String,
    value: String,
    lines: bool,
}

/// Fields the editor sets itself, never shown to be typed again.
const OWN_FIELDS: [&str; 3] = ["token", "version", "back"];

impl Form {
    /// Reads an `application/x-www-form-urlencoded` body.
    pub fn parse(body: &[u8]) -> Form {
        Form(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name` (checkboxes).
    fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// `name` as text: line ends `\n`, trailing spaces of each line and blank lines around it
    /// dropped; `None` when the form has no such field.
    fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(crate::edit::form_text)
    }

    /// `name` as text that must be there.
    fn required(&self, name: &str, what: What) -> Result<String, FormError> {
        match self.text(name) {
            Some(t) if !t.is_empty() => Ok(t),
            _ => Err(FormError::Required(what)),
        }
    }

    /// `name` as one item a line, empty lines dropped; `None` when the form has no such field.
    fn lines(&self, name: &str) -> Option<Vec<String>> {
        self.get(name).map(|v| {
            v.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
    }

    /// `name` as a list index.
    fn index(&self, name: &str) -> Result<usize, FormError> {
        self.get(name)
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| FormError::NoField(name.to_owned()))
    }

    /// The fields to show again after a refusal.
    pub fn shown_fields(&self) -> Vec<Field> {
        self.0
            .iter()
            .filter(|(k, _)| !OWN_FIELDS.contains(&k.as_str()))
            .map(|(k, v)| Field {
                name: k.clone(),
                value: v.clone(),
                lines: v.contains('\n') || v.len() > 60,
            })
            .collect()
    }
}

/// Where to go after the save: the page the form was on, when it is a path of this server.
pub fn back(form: &Form) -> String {
    match form.get("back") {
        Some(p)
            if p.starts_with('/') && !p.starts_with("//") && !p.contains(['\\', '\r', '\n']) =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// The change the pair form `action` asks for.
pub fn pair_change(action: &str, f: &Form) -> Result<PairChange, FormError> {
    Ok(match action {
        "tick" => PairChange::Tick {
            phase: f.required("phase", What::Phase)?,
            item: f.required("item", What::Item)?,
            done: f.required("done", What::Done)?,
            by: f.text("by"),
            comment: f.text("comment"),
        },
        "untick" => PairChange::Untick {
            phase: f.required("phase", What::Phase)?,
            item: f.required("item", What::Item)?,
        },
        "meeting-add" => PairChange::AddMeeting(meeting(f)?),
        "meeting-edit" => PairChange::EditMeeting {
            index: f.index("index")?,
            fields: meeting(f)?,
        },
        "meeting-remove" => PairChange::RemoveMeeting {
            index: f.index("index")?,
        },
        "goal-add" => {
            let mut g = goal(f);
            g.id = Some(f.required("id", What::GoalId)?);
            PairChange::AddGoal(g)
        }
        "goal-edit" => PairChange::EditGoal {
            index: f.index("index")?,
            fields: goal(f),
        },
        "milestone" => PairChange::Milestone {
            goal: f.index("goal")?,
            index: f.index("index")?,
            done: f.text("done").filter(|d| !d.is_empty()),
        },
        "milestone-add" => PairChange::AddMilestone {
            goal: f.index("goal")?,
            title: f.required("title", What::MilestoneTitle)?,
            due: f.text("due").filter(|d| !d.is_empty()),
        },
        "text" => PairChange::SetText {
            field: text_field(f.get("field").unwrap_or(""))?,
            text: f.text("text").unwrap_or_default(),
        },
        "evaluation-add" => PairChange::AddEvaluation(evaluation(f)),
        "evaluation-edit" => PairChange::EditEvaluation {
            index: f.index("index")?,
            fields: evaluation(f),
        },
        "closure" => PairChange::Closure(ClosureFields {
            date: f.text("date"),
            outcome: f.text("outcome"),
            summary: f.text("summary"),
            next_steps: f.text("next_steps"),
            goals_reached: f.get("goals_reached").map(|v| {
                v.split([',', '\n', ' '])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            }),
        }),
        other => return Err(FormError::NoForm(other.to_owned())),
    })
}

fn meeting(f: &Form) -> Result<MeetingFields, FormError> {
    Ok(MeetingFields {
        date: f.required("date", What::MeetingDate)?,
        title: f.text("title"),
        agenda: f.lines("agenda"),
        follow_ups: f.lines("follow_ups"),
        notes: f.text("notes"),
        visibility: f.text("visibility"),
    })
}

fn goal(f: &Form) -> GoalFields {
    GoalFields {
        id: None,
        title: f.text("title"),
        status: f.text("status"),
        specific: f.text("specific"),
        measurable: f.text("measurable"),
        attainable: f.text("attainable"),
        realistic: f.text("realistic"),
        timely: f.text("timely"),
    }
}

fn evaluation(f: &Form) -> EvaluationFields {
    EvaluationFields {
        date: f.text("date"),
        by: f.text("by"),
        rating: f.text("rating"),
        summary: f.text("summary"),
        notes: f.text("notes"),
        visibility: f.text("visibility"),
    }
}

/// The text field named `name` in a form (`vision`, `agreement.boundaries`, `closure.summary`).
fn text_field(name: &str) -> Result<TextField, FormError> {
    Ok(match name {
        "vision" => TextField::Vision,
        "concerns" => TextField::Concerns,
        "closure.summary" => TextField::ClosureSummary,
        "closure.next_steps" => TextField::ClosureNextSteps,
        other => {
            let key = other.strip_prefix("agreement.").unwrap_or("");
            let agreement = AgreementField::ALL.into_iter().find(|a| a.key() == key);
            let detail = Detail::ALL.into_iter().find(|d| d.name() == other);
            match (agreement, detail) {
                (Some(a), _) => TextField::Agreement(a),
                (None, Some(d)) => TextField::Detail(d),
                (None, None) => return Err(FormError::NoText(other.to_owned())),
            }
        }
    })
}

/// The change the person form asks for.
pub fn person_change(f: &Form) -> PersonChange {
    PersonChange::Edit {
        fields: PersonFields {
            name: f.text("name"),
            title: f.text("title"),
            bio: f.text("bio"),
            email: f.text("email"),
            phone: f.text("phone"),
            roles: f.get("roles_shown").map(|_| f.all("roles")),
        },
    }
}

fn roles(f: &Form) -> Result<Vec<Role>, FormError> {
    let roles: Vec<Role> = f
        .all("roles")
        .iter()
        .filter_map(|r| match r.as_str() {
            "mentor" => Some(Role::Mentor),
            "mentee" => Some(Role::Mentee),
            "coordinator" => Some(Role::Coordinator),
            _ => None,
        })
        .collect();
    if roles.is_empty() {
        Err(FormError::OneRole)
    } else {
        Ok(roles)
    }
}

/// A new pair's file, its text and the page to go to, as `mentorbook new pair` makes it.
pub fn new_pair(program: &Book, f: &Form) -> Result<(PathBuf, String, String), FormError> {
    let mentor = PersonId::new(&f.required("mentor", What::Mentor)?)
        .map_err(|e| FormError::MentorId(e.to_string()))?;
    let mentee = PersonId::new(&f.required("mentee", What::Mentee)?)
        .map_err(|e| FormError::MenteeId(e.to_string()))?;
    let start = match f.text("start").filter(|s| !s.is_empty()) {
        Some(s) => Date::parse(&s).map_err(|e| FormError::Start(e.to_string()))?,
        None => Date::today(),
    };
    let id = match f.text("id").filter(|s| !s.is_empty()) {
        Some(id) => id,
        None => format!("{mentor}-{mentee}"),
    };
    let id = crate::model::PairId::new(&id).map_err(|e| FormError::PairId(e.to_string()))?;
    let rel = PathBuf::from(CONTENT_DIR)
        .join("pairs")
        .join(format!("{id}.yaml"));
    let ask = NewPair {
        mentor: &mentor,
        mentee: &mentee,
        start,
        proposal: None,
    };
    let text = new::pair_text(program, &ask, &rel).map_err(|e| FormError::Other(e.to_string()))?;
    let page = format!("/{}", crate::paths::pair(&id).web_path());
    Ok((rel, text, page))
}

/// A new person's file, its text and the page to go to, as `mentorbook new person` makes it.
pub fn new_person(program: &Book, f: &Form) -> Result<(PathBuf, String, String), FormError> {
    let name = f.required("name", What::Name)?;
    let id = match f.text("id").filter(|s| !s.is_empty()) {
        Some(id) => id,
        None => crate::slug::slugify(&name),
    };
    let id = PersonId::new(&id).map_err(|e| FormError::PersonId(e.to_string()))?;
    let roles = roles(f)?;
    let title = f.text("title").filter(|t| !t.is_empty());
    let rel = PathBuf::from(CONTENT_DIR)
        .join("people")
        .join(format!("{id}.yaml"));
    let ask = NewPerson {
        id: &id,
        name: &name,
        roles: &roles,
        title: title.as_deref(),
    };
    let text =
        new::person_text(program, &ask, &rel).map_err(|e| FormError::Other(e.to_string()))?;
    let page = format!("{}/edit/person/{id}", super::PREFIX);
    Ok((rel, text, page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_are_tidied_and_lists_split() {
        let f = Form::parse(
            b"notes=%0D%0AFirst+line++%0D%0Asecond%0D%0A&agenda=a%0D%0A%0D%0A+b+&back=//evil",
        );
        assert_eq!(f.text("notes").as_deref(), Some("First line\nsecond"));
        assert_eq!(
            f.lines("agenda"),
            Some(vec!["a".to_owned(), "b".to_owned()])
        );
        assert_eq!(back(&f), "/");
        assert_eq!(f.text("missing"), None);
    }

    #[test]
    fn a_tick_needs_its_date() {
        let f = Form::parse(b"phase=enabling&item=keep-records&done=");
        let words = &crate::render::strings::Strings::builtin().edit_errors;
        assert_eq!(
            pair_change("tick", &f).unwrap_err().text(words),
            "the date it was done is required"
        );
        let f = Form::parse(b"phase=enabling&item=keep-records&done=2026-12-06&by=&comment=");
        assert!(matches!(
            pair_change("tick", &f),
            Ok(PairChange::Tick { .. })
        ));
        assert!(pair_change("delete-everything", &f).is_err());
    }

    #[test]
    fn text_fields_are_named_as_in_the_file() {
        assert_eq!(text_field("vision"), Ok(TextField::Vision));
        assert_eq!(
            text_field("agreement.end_point"),
            Ok(TextField::Agreement(AgreementField::EndPoint))
        );
        assert_eq!(
            text_field("agreement.signed.mentee"),
            Ok(TextField::Detail(Detail::SignedMentee))
        );
        assert!(text_field("agreement.signed").is_err());
        assert!(text_field("../../etc").is_err());
    }
}
