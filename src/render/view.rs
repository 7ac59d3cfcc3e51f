//! View structs: what templates see. They borrow from the [`Program`] and hold only public data:
//! the model's private fields are of type [`crate::model::Private`], which cannot be serialised, so a
//! view cannot carry them even by mistake.

use serde::Serialize;

use crate::markdown::Markdown;
use crate::model::pair::{Agreement, Goal, ItemProgress};
use crate::model::{ChecklistItem, Date, Pair, Person, PhaseId, Program, Role};

/// A link target, relative to the site root (`pairs/ana-ben/index.html`). Templates write
/// `{{ root }}{{ x.url }}` so that links work from any page, hosted or opened from disk.
pub type Url = String;

/// The site root's URL of a page at `dir` (`pairs/ana-ben` gives `pairs/ana-ben/index.html`).
pub fn url(dir: &str) -> Url {
    if dir.is_empty() {
        "index.html".to_owned()
    } else {
        format!("{dir}/index.html")
    }
}

/// What every page shows about the site; set once, shared by all pages.
#[derive(Serialize)]
pub struct SiteView<'a> {
    /// The handbook's title.
    pub title: &'a str,
    /// One sentence.
    pub description: Option<&'a str>,
    /// Page language.
    pub language: &'a str,
    /// The program's name.
    pub program: &'a str,
    /// Who runs it.
    pub organisation: Option<&'a str>,
    /// Hosting address, if set.
    pub base_url: Option<&'a str>,
    /// Whether the theme has `static/custom.css`, loaded after the theme's own CSS.
    pub custom_css: bool,
}

/// The sidebar, the same on every page; templates mark the current entry by comparing URLs.
#[derive(Serialize)]
pub struct NavView<'a> {
    /// Guide chapters in order.
    pub chapters: Vec<Link<'a>>,
    /// The four phases.
    pub phases: Vec<Link<'a>>,
    /// How many pairs there are.
    pub pair_count: usize,
}

/// A titled link.
#[derive(Serialize, Clone)]
pub struct Link<'a> {
    /// Link text.
    pub title: std::borrow::Cow<'a, str>,
    /// Target.
    pub url: Url,
}

/// A person, public fields only.
#[derive(Serialize)]
pub struct PersonView<'a> {
    /// Id.
    pub id: &'a str,
    /// Full name.
    pub name: &'a str,
    /// Job title.
    pub title: Option<&'a str>,
    /// Short introduction, HTML.
    pub bio: Option<&'a Markdown>,
    /// Roles.
    pub roles: &'a [Role],
}

impl<'a> PersonView<'a> {
    /// The public view of `p`.
    pub fn of(p: &'a Person) -> Self {
        PersonView {
            id: p.id.value.as_str(),
            name: &p.name,
            title: p.title.as_deref(),
            bio: p.bio.as_ref(),
            roles: &p.roles,
        }
    }
}

/// Where a pair stands in one phase.
#[derive(Serialize)]
pub struct PhaseStep<'a> {
    /// Phase id.
    pub id: &'static str,
    /// 1 to 4.
    pub number: usize,
    /// Phase title.
    pub title: &'a str,
    /// The pair's page for this phase.
    pub url: Url,
    /// Items done.
    pub done: usize,
    /// Items in all.
    pub total: usize,
    /// Whole percent done.
    pub percent: usize,
    /// `done`, `current` or `upcoming`, relative to the pair's current phase.
    pub state: &'static str,
}

/// A pair in a list or as the subject of a page.
#[derive(Serialize)]
pub struct PairView<'a> {
    /// Id.
    pub id: &'a str,
    /// Overview page.
    pub url: Url,
    /// "Mentor & Mentee".
    pub title: String,
    /// The mentor.
    pub mentor: PersonView<'a>,
    /// The mentee.
    pub mentee: PersonView<'a>,
    /// Start date.
    pub start: Date,
    /// Planned end date.
    pub end: Date,
    /// Current phase id.
    pub phase: &'static str,
    /// Current phase title.
    pub phase_title: &'a str,
    /// The four phases with progress.
    pub steps: Vec<PhaseStep<'a>>,
    /// Items done in all phases.
    pub done: usize,
    /// Items in all phases.
    pub total: usize,
    /// Whole percent done.
    pub percent: usize,
    /// Number of goals.
    pub goal_count: usize,
    /// Goals achieved.
    pub goals_achieved: usize,
    /// Number of meetings logged.
    pub meeting_count: usize,
}

fn percent(done: usize, total: usize) -> usize {
    if total == 0 { 0 } else { done * 100 / total }
}

impl<'a> PairView<'a> {
    /// The public view of `pair`.
    pub fn of(program: &'a Program, pair: &'a Pair) -> Self {
        let person = |id| {
            PersonView::of(
                program
                    .person(id)
                    .expect("validated: every person a pair names exists"),
            )
        };
        let mentor = person(&pair.file.mentor.value);
        let mentee = person(&pair.file.mentee.value);
        let steps = PhaseId::ALL
            .iter()
            .map(|&p| {
                let c = pair.counts[p.index()];
                PhaseStep {
                    id: p.as_str(),
                    number: p.index() + 1,
                    title: &program.phase(p).file.title,
                    url: url(&format!("pairs/{}/{}", pair.id, p)),
                    done: c.done,
                    total: c.total,
                    percent: percent(c.done, c.total),
                    state: match p.cmp(&pair.phase) {
                        std::cmp::Ordering::Less => "done",
                        std::cmp::Ordering::Equal => "current",
                        std::cmp::Ordering::Greater => "upcoming",
                    },
                }
            })
            .collect::<Vec<_>>();
        let done = pair.counts.iter().map(|c| c.done).sum();
        let total = pair.counts.iter().map(|c| c.total).sum();
        PairView {
            id: pair.id.as_str(),
            url: url(&format!("pairs/{}", pair.id)),
            title: format!("{} & {}", mentor.name, mentee.name),
            mentor,
            mentee,
            start: pair.file.start.value,
            end: pair.end,
            phase: pair.phase.as_str(),
            phase_title: &program.phase(pair.phase).file.title,
            steps,
            done,
            total,
            percent: percent(done, total),
            goal_count: pair.file.goals.len(),
            goals_achieved: pair
                .file
                .goals
                .iter()
                .filter(|g| g.status == crate::model::pair::GoalStatus::Achieved)
                .count(),
            meeting_count: pair.file.meetings.len(),
        }
    }
}

/// A checklist item with the pair's progress on it.
#[derive(Serialize)]
pub struct ItemState<'a> {
    /// The item as the phase file defines it.
    pub item: &'a ChecklistItem,
    /// When and by whom it was done, if it was.
    pub done: Option<DoneView<'a>>,
}

/// A done item.
#[derive(Serialize)]
pub struct DoneView<'a> {
    /// When.
    pub date: Date,
    /// Who, by name.
    pub by: Option<&'a str>,
    /// The comment.
    pub comment: Option<&'a str>,
}

impl<'a> DoneView<'a> {
    /// The view of a progress entry, names looked up in `program`.
    pub fn of(program: &'a Program, p: &'a ItemProgress) -> Self {
        DoneView {
            date: p.done.value,
            by: p
                .by
                .as_ref()
                .and_then(|id| program.person(id))
                .map(|p| p.name.as_str()),
            comment: p.comment.as_deref(),
        }
    }
}

/// The public part of a pair's record, for its overview and phase pages.
#[derive(Serialize)]
pub struct RecordView<'a> {
    /// Initiation: the relationship type agreed.
    pub relationship_type: Option<&'a str>,
    /// Initiation: the first meeting, without its notes.
    pub first_meeting: Option<FirstMeetingView<'a>>,
    /// Negotiation: the vision.
    pub vision: Option<&'a Markdown>,
    /// SMART goals.
    pub goals: &'a [Goal],
    /// The agreement.
    pub agreement: Option<&'a Agreement>,
    /// Meetings, newest first, without notes.
    pub meetings: Vec<MeetingView<'a>>,
    /// Evaluations, without notes.
    pub evaluations: Vec<EvaluationView<'a>>,
    /// Closure, without the private reflection.
    pub closure: Option<ClosureView<'a>>,
}

/// The public part of the first meeting.
#[derive(Serialize)]
pub struct FirstMeetingView<'a> {
    /// When.
    pub date: Option<Date>,
    /// Where.
    pub place: Option<&'a str>,
}

/// The public part of a meeting.
#[derive(Serialize)]
pub struct MeetingView<'a> {
    /// When.
    pub date: Date,
    /// Title.
    pub title: Option<&'a str>,
    /// Agenda.
    pub agenda: &'a [String],
    /// Follow-ups.
    pub follow_ups: &'a [String],
}

/// The public part of an evaluation.
#[derive(Serialize)]
pub struct EvaluationView<'a> {
    /// When.
    pub date: Date,
    /// Who, by name.
    pub by: Option<&'a str>,
    /// 1 to 5.
    pub rating: Option<u8>,
    /// One line.
    pub summary: Option<&'a str>,
}

/// The public part of the closure.
#[derive(Serialize)]
pub struct ClosureView<'a> {
    /// When.
    pub date: Option<Date>,
    /// `ended` or `renewed`.
    pub outcome: Option<crate::model::pair::Outcome>,
    /// What was achieved.
    pub summary: Option<&'a Markdown>,
    /// Titles of goals reached.
    pub goals_reached: Vec<&'a str>,
    /// What comes next.
    pub next_steps: Option<&'a Markdown>,
}

impl<'a> RecordView<'a> {
    /// The public view of a pair's record.
    pub fn of(program: &'a Program, pair: &'a Pair) -> Self {
        let f = &pair.file;
        let name = |id: &crate::model::PersonId| program.person(id).map(|p| p.name.as_str());
        let mut meetings: Vec<MeetingView<'a>> = f
            .meetings
            .iter()
            .map(|m| MeetingView {
                date: m.date.value,
                title: m.title.as_deref(),
                agenda: &m.agenda,
                follow_ups: &m.follow_ups,
            })
            .collect();
        meetings.sort_by(|a, b| b.date.cmp(&a.date));
        RecordView {
            relationship_type: f
                .readiness
                .as_ref()
                .and_then(|r| r.relationship_type.as_deref()),
            first_meeting: f.first_meeting.as_ref().map(|m| FirstMeetingView {
                date: m.date.as_ref().map(|d| d.value),
                place: m.place.as_deref(),
            }),
            vision: f.vision.as_ref(),
            goals: &f.goals,
            agreement: f.agreement.as_deref(),
            meetings,
            evaluations: f
                .evaluations
                .iter()
                .map(|e| EvaluationView {
                    date: e.date.value,
                    by: e.by.as_ref().and_then(|b| name(b)),
                    rating: e.rating.as_ref().map(|r| r.value),
                    summary: e.summary.as_deref(),
                })
                .collect(),
            closure: f.closure.as_ref().map(|c| ClosureView {
                date: c.date.as_ref().map(|d| d.value),
                outcome: c.outcome,
                summary: c.summary.as_ref(),
                goals_reached: c
                    .goals_reached
                    .iter()
                    .filter_map(|id| {
                        f.goals
                            .iter()
                            .find(|g| g.id.value == id.value)
                            .map(|g| g.title.as_str())
                    })
                    .collect(),
                next_steps: c.next_steps.as_ref(),
            }),
        }
    }
}
