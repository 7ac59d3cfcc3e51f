//! What the editing forms show: a pair's or a person's record as the last good build read it, with
//! private values (the editor serves a private edition), as plain data for the theme's
//! `edit-*.html` templates. Every value is what the file says, as text, so a form holds exactly
//! what saving it unchanged would write back.

use serde::Serialize;

use super::details::{DetailView, details, private_md, text};
use crate::book::Book;
use crate::edit::AgreementField;
use crate::model::{Audience, Pair, PhaseId, Visibility};
use crate::render::strings::{Strings, fill};

/// A pair, for its forms.
#[derive(Debug, Serialize)]
pub struct PairView {
    /// The pair's id.
    pub id: String,
    /// `Mentor & Mentee`.
    pub title: String,
    /// The file, relative to the program folder.
    pub file: String,
    /// The current phase.
    pub phase: &'static str,
    /// The people who may have done an item (mentor, mentee, coordinators), for `by`.
    pub people: Vec<Named>,
    /// Each phase's checklist, with what is done.
    pub phases: Vec<PhaseView>,
    /// The meeting log, in file order.
    pub meetings: Vec<MeetingView>,
    /// The goals, in file order.
    pub goals: Vec<GoalView>,
    /// The vision.
    pub vision: String,
    /// The agreement's text fields, in the order the agreement page shows them.
    pub agreement: Vec<TextView>,
    /// The check-ins on the relationship.
    pub evaluations: Vec<EvaluationView>,
    /// The closure.
    pub closure: ClosureView,
    /// The coordinators' private concerns.
    pub concerns: String,
    /// The single values, by the page that shows their forms: `settings` (the pair's page),
    /// `initiation`, `negotiation` and `closure`.
    pub details: std::collections::BTreeMap<&'static str, Vec<DetailView>>,
}

/// A person's id and name.
#[derive(Debug, Serialize)]
pub struct Named {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
}

/// One phase's checklist.
#[derive(Debug, Serialize)]
pub struct PhaseView {
    /// `enabling`.
    pub id: &'static str,
    /// Its title.
    pub title: String,
    /// The items on this pair's checklist.
    pub items: Vec<ItemView>,
}

/// A checklist item and its progress.
#[derive(Debug, Serialize)]
pub struct ItemView {
    /// The item's id.
    pub id: String,
    /// What to do.
    pub text: String,
    /// `mentor`, `mentee` or `both`.
    pub owner: String,
    /// When it was done (empty: open).
    pub done: String,
    /// Who did it.
    pub by: String,
    /// The comment.
    pub comment: String,
}

/// A meeting.
#[derive(Debug, Serialize)]
pub struct MeetingView {
    /// Its place in the file's list, from 0.
    pub index: usize,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The title.
    pub title: String,
    /// The agenda, one point a line.
    pub agenda: String,
    /// The follow-ups, one a line.
    pub follow_ups: String,
    /// The private notes.
    pub notes: String,
    /// `public`, `pair` or `coordinators`.
    pub visibility: &'static str,
}

/// A goal.
#[derive(Debug, Serialize)]
pub struct GoalView {
    /// Its place in the file's list, from 0.
    pub index: usize,
    /// The goal's id.
    pub id: String,
    /// The title.
    pub title: String,
    /// `not_started`, `in_progress`, `achieved` or `dropped`.
    pub status: &'static str,
    /// The SMART fields, in order (`specific` to `realistic`), each with its name.
    pub smart: Vec<TextView>,
    /// The deadline.
    pub timely: String,
    /// The milestones.
    pub milestones: Vec<MilestoneView>,
}

/// A milestone.
#[derive(Debug, Serialize)]
pub struct MilestoneView {
    /// Its place in the goal's list, from 0.
    pub index: usize,
    /// The title.
    pub title: String,
    /// When it is due.
    pub due: String,
    /// When it was reached (empty: not yet).
    pub done: String,
}

/// A text field: its key in the file and its text.
#[derive(Debug, Serialize)]
pub struct TextView {
    /// The key (`expectations`).
    pub key: &'static str,
    /// The text.
    pub text: String,
}

/// An evaluation.
#[derive(Debug, Serialize)]
pub struct EvaluationView {
    /// Its place in the file's list, from 0.
    pub index: usize,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Who evaluated.
    pub by: String,
    /// 1 to 5, or empty.
    pub rating: String,
    /// The public line.
    pub summary: String,
    /// The private notes.
    pub notes: String,
    /// `public`, `pair` or `coordinators`.
    pub visibility: &'static str,
}

/// The closure.
#[derive(Debug, Serialize, Default)]
pub struct ClosureView {
    /// When.
    pub date: String,
    /// `ended`, `renewed` or empty.
    pub outcome: &'static str,
    /// What was achieved.
    pub summary: String,
    /// What comes next.
    pub next_steps: String,
    /// The goals reached, by id, comma-separated.
    pub goals_reached: String,
}

/// The SMART fields of a goal that are text.
pub const SMART_FIELDS: [&str; 4] = ["specific", "measurable", "attainable", "realistic"];

impl PairView {
    /// `Mentor & Mentee`, by their names, as the strings `t` title a pair.
    pub fn title_of(program: &Book, pair: &Pair, t: &Strings) -> String {
        let name = |id: &crate::model::PersonId| {
            program
                .person(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        };
        fill(
            &t.pages.pair_title,
            &[
                ("mentor", &name(&pair.file.mentor.value)),
                ("mentee", &name(&pair.file.mentee.value)),
            ],
        )
    }

    /// The pair's record from `program`, as `audience` may see it: a pair's own edition shows no
    /// coordinators-only entry or text, as its pages show none. The words it writes are `t`'s.
    pub fn of(program: &Book, pair: &Pair, audience: &Audience, t: &Strings) -> PairView {
        let sees = |v: Visibility| audience.sees(v, Some(&pair.id));
        let f = &pair.file;
        let name = |id: &crate::model::PersonId| {
            program
                .person(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        };
        let mut people = vec![
            Named {
                id: f.mentor.value.to_string(),
                name: name(&f.mentor.value),
            },
            Named {
                id: f.mentee.value.to_string(),
                name: name(&f.mentee.value),
            },
        ];
        people.extend(
            program
                .people
                .iter()
                .filter(|p| p.roles.contains(&crate::model::Role::Coordinator))
                .filter(|p| p.id.value != f.mentor.value && p.id.value != f.mentee.value)
                .map(|p| Named {
                    id: p.id.value.to_string(),
                    name: p.name.clone(),
                }),
        );
        let phases = PhaseId::ALL
            .into_iter()
            .map(|phase| {
                let p = program.phase(phase);
                let items = p
                    .file
                    .checklist
                    .iter()
                    .filter(|i| pair.has_item(i))
                    .map(|i| {
                        let done = pair.progress_of(phase, &i.id.value);
                        ItemView {
                            id: i.id.value.to_string(),
                            text: i.text.clone(),
                            owner: format!("{:?}", i.owner).to_lowercase(),
                            done: done.map(|d| d.done.value.to_string()).unwrap_or_default(),
                            by: text(
                                done.and_then(|d| d.by.as_ref())
                                    .map(|b| b.value.to_string()),
                            ),
                            comment: text(done.and_then(|d| d.comment.as_ref())),
                        }
                    })
                    .collect();
                PhaseView {
                    id: phase.as_str(),
                    title: p.file.title.clone(),
                    items,
                }
            })
            .collect();
        let meetings = f
            .meetings
            .iter()
            .enumerate()
            .filter(|(_, m)| sees(m.visibility))
            .map(|(index, m)| MeetingView {
                index,
                date: m.date.value.to_string(),
                title: text(m.title.as_ref()),
                agenda: m.agenda.join("\n"),
                follow_ups: m.follow_ups.join("\n"),
                notes: private_md(m.notes.as_ref(), audience, pair, m.visibility),
                visibility: m.visibility.id(),
            })
            .collect();
        let goals = f
            .goals
            .iter()
            .enumerate()
            .filter(|(_, g)| sees(g.visibility))
            .map(|(index, g)| {
                let smart = [&g.specific, &g.measurable, &g.attainable, &g.realistic];
                GoalView {
                    index,
                    id: g.id.value.to_string(),
                    title: g.title.clone(),
                    status: g.status.id(),
                    smart: SMART_FIELDS
                        .iter()
                        .zip(smart)
                        .map(|(key, v)| TextView {
                            key,
                            text: text(v.as_ref().map(|m| &m.source)),
                        })
                        .collect(),
                    timely: text(g.timely.as_ref().map(|d| d.value.to_string())),
                    milestones: g
                        .milestones
                        .iter()
                        .enumerate()
                        .map(|(index, m)| MilestoneView {
                            index,
                            title: m.title.clone(),
                            due: text(m.due.map(|d| d.to_string())),
                            done: text(m.done.map(|d| d.to_string())),
                        })
                        .collect(),
                }
            })
            .collect();
        let a = f.agreement.as_ref().map(|a| &a.value);
        let agreement_text = |field: AgreementField| -> String {
            let Some(a) = a else { return String::new() };
            let v = match field {
                AgreementField::Expectations => &a.expectations,
                AgreementField::Boundaries => &a.boundaries,
                AgreementField::Confidentiality => &a.confidentiality,
                AgreementField::Ethics => &a.ethics,
                AgreementField::Feedback => &a.feedback,
                AgreementField::MeasuringSuccess => &a.measuring_success,
                AgreementField::EvaluationProcess => &a.evaluation_process,
                AgreementField::ConflictResolution => &a.conflict_resolution,
                AgreementField::Celebration => &a.celebration,
                AgreementField::EndPoint => &a.end_point,
            };
            text(v.as_ref().map(|m| &m.source))
        };
        let evaluations = f
            .evaluations
            .iter()
            .enumerate()
            .filter(|(_, e)| sees(e.visibility))
            .map(|(index, e)| EvaluationView {
                index,
                date: e.date.value.to_string(),
                by: text(e.by.as_ref().map(|b| b.value.to_string())),
                rating: text(e.rating.as_ref().map(|r| r.value.to_string())),
                summary: text(e.summary.as_ref()),
                notes: private_md(e.notes.as_ref(), audience, pair, e.visibility),
                visibility: e.visibility.id(),
            })
            .collect();
        let closure = f
            .closure
            .as_ref()
            .map(|c| &c.value)
            .map_or_else(ClosureView::default, |c| ClosureView {
                date: text(c.date.as_ref().map(|d| d.value.to_string())),
                outcome: c.outcome.map_or("", |o| o.id()),
                summary: text(c.summary.as_ref().map(|m| &m.source)),
                next_steps: text(c.next_steps.as_ref().map(|m| &m.source)),
                goals_reached: c
                    .goals_reached
                    .iter()
                    .map(|g| g.value.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        PairView {
            id: pair.id.to_string(),
            title: PairView::title_of(program, pair, t),
            file: pair.source.display().to_string(),
            phase: pair.phase.as_str(),
            people,
            phases,
            meetings,
            goals,
            vision: text(f.vision.as_ref().map(|m| &m.source)),
            agreement: AgreementField::ALL
                .into_iter()
                .map(|field| TextView {
                    key: field.key(),
                    text: agreement_text(field),
                })
                .collect(),
            evaluations,
            closure,
            concerns: private_md(
                f.concerns.as_ref(),
                audience,
                pair,
                Visibility::Coordinators,
            ),
            details: details(program, pair, audience, t),
        }
    }
}

/// A person, for their form.
#[derive(Debug, Serialize)]
pub struct PersonView {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
    /// `mentor`, `mentee`, `coordinator`.
    pub roles: Vec<&'static str>,
    /// The title.
    pub title: String,
    /// The introduction.
    pub bio: String,
    /// Private contact details.
    pub email: String,
    /// Private contact details.
    pub phone: String,
    /// The file, relative to the program folder.
    pub file: String,
}

impl PersonView {
    /// The person `person`, written in `file`, for the coordinators (only their edition edits
    /// people).
    pub fn of(person: &crate::model::Person, file: &std::path::Path) -> PersonView {
        let contact = person
            .contact
            .as_ref()
            .and_then(|c| c.reveal(&Audience::Coordinators, None, Visibility::Coordinators));
        PersonView {
            id: person.id.value.to_string(),
            name: person.name.clone(),
            roles: person.roles.iter().map(|r| r.id()).collect(),
            title: text(person.title.as_ref()),
            bio: text(person.bio.as_ref().map(|m| &m.source)),
            email: text(contact.and_then(|c| c.email.as_ref())),
            phone: text(contact.and_then(|c| c.phone.as_ref())),
            file: file.display().to_string(),
        }
    }
}
