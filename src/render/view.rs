//! View structs: what templates see. They borrow from the [`Program`] and hold only what the
//! build's [`Audience`] may see. The model's private fields are of type [`crate::model::Private`],
//! which cannot be serialised: a view gets one only through `Private::reveal`, which asks the
//! audience. A private field the audience may not see is left out of the view altogether (not set
//! to null), so a template that prints it fails the build instead of printing an empty value.

use serde::Serialize;

use super::strings::{Strings, names_title};
use crate::paths;

use crate::book::Book;
use crate::config::{Config, PairsShown};
use crate::markdown::Markdown;
use crate::model::pair::{Agreement, Goal, ItemProgress};
use crate::model::person::Contact;
use crate::model::{
    Audience, ChecklistItem, Date, Pair, PairId, Person, PhaseId, Program, Role, Visibility,
};

/// The program as one audience sees it: the pairs it may see, and the audience to ask about
/// private values. Built once per build.
pub struct Scope<'a> {
    /// `book.toml`.
    pub config: &'a Config,
    /// The whole program.
    pub program: &'a Program,
    /// Who the build is for.
    pub audience: &'a Audience,
    /// The pairs this audience may see, sorted by id.
    pub pairs: Vec<&'a Pair>,
    /// The words on the pages, from the theme.
    pub strings: &'a Strings,
    /// How much of each pair this audience is shown: `[public] pairs` for the public site,
    /// everything for a private edition.
    pub shown: PairsShown,
    /// Whether the dashboard lists the pairs that need attention: `[public] attention` for the
    /// public site, always in a private edition.
    pub attention: bool,
}

impl<'a> Scope<'a> {
    /// The scope of `audience`, in the theme's words.
    pub fn new(book: &'a Book, audience: &'a Audience, strings: &'a Strings) -> Self {
        let program = &book.program;
        let public = &book.config.public;
        let (shown, attention) = match audience {
            Audience::Public => (public.pairs, public.attention),
            _ => (PairsShown::Full, true),
        };
        let pairs = match shown {
            PairsShown::None => Vec::new(),
            _ => program
                .pairs
                .iter()
                .filter(|p| audience.sees(p.file.visibility, Some(&p.id)))
                .collect(),
        };
        Scope {
            config: &book.config,
            program,
            audience,
            pairs,
            strings,
            shown,
            attention,
        }
    }

    /// Whether the pairs have pages of their own (`[public] pairs` of `progress` or `full`).
    pub fn pair_pages(&self) -> bool {
        self.shown >= PairsShown::Progress
    }

    /// The same program and audience with only `pairs`.
    pub fn with_pairs(&self, pairs: Vec<&'a Pair>) -> Self {
        Scope {
            config: self.config,
            program: self.program,
            audience: self.audience,
            pairs,
            strings: self.strings,
            shown: self.shown,
            attention: self.attention,
        }
    }

    /// Whether content of visibility `v` in `pair` may be shown.
    /// A pair's record (goals, meetings, evaluations) is seen only where the whole pair is shown.
    pub fn sees(&self, v: Visibility, pair: &Pair) -> bool {
        self.shown == PairsShown::Full
            && self
                .audience
                .sees(v.max(pair.file.visibility), Some(&pair.id))
    }

    /// A person's contact details, when this audience may see them: coordinators see everyone's; a
    /// pair's edition sees the contact details of that pair's two people.
    pub fn contact(&self, person: &'a Person) -> Option<&'a Contact> {
        let id = &person.id.value;
        // Only a pair's edition asks which pair a person is in: one look-up of that pair (pairs are
        // sorted by id), not a scan of every pair for every person shown.
        let pair: Option<&PairId> = match self.audience {
            Audience::Pair(mine) => self
                .program
                .pairs
                .binary_search_by(|p| p.id.cmp(mine))
                .ok()
                .map(|i| &self.program.pairs[i])
                .filter(|p| &p.file.mentor.value == id || &p.file.mentee.value == id)
                .map(|p| &p.id),
            _ => None,
        };
        let p = person.contact.as_ref()?;
        p.reveal(self.audience, pair, Visibility::Pair)
    }

    /// The program's coordinators, as this audience sees them.
    pub fn coordinators(&self) -> Vec<PersonView<'a>> {
        let program = self.program;
        program
            .info
            .coordinators
            .iter()
            .filter_map(|id| program.person(id))
            .map(|p| PersonView::of(self, p))
            .collect()
    }
}

pub use crate::paths::Url;

/// What every page shows about the site; set once, shared by all pages.
#[derive(Serialize)]
pub struct SiteView<'a> {
    /// The handbook's title.
    pub title: &'a str,
    /// One sentence.
    pub description: Option<&'a str>,
    /// Page language.
    pub language: &'a str,
    /// The direction of the language's script, for `<html dir>`: `ltr` or `rtl`.
    pub dir: &'static str,
    /// The program's name.
    pub program: &'a str,
    /// Who runs it.
    pub organisation: Option<&'a str>,
    /// Hosting address, if set.
    pub base_url: Option<&'a str>,
    /// The site's icon, relative to the root (one of the theme's static files).
    pub favicon: Url,
    /// The web address of the image shown when a page is shared (`[site] image`), when it has one.
    pub image: Option<String>,
    /// Whether the theme has `static/custom.css`, loaded after the theme's own CSS.
    pub custom_css: bool,
    /// Who the build is for: `public`, `coordinators` or `pair:<pair-id>`.
    pub audience: String,
    /// Who the build is for, in words (`[editions]`): "coordinators", "pair:<pair-id>".
    pub audience_name: String,
    /// The paper size for print, as CSS writes it (`A4`, `letter`).
    pub paper: &'static str,
    /// Whether this build makes PDF files, so pages link to them.
    pub pdf: bool,
    /// Where the pages made for paper, and their PDF files, are.
    pub print: PrintLinks,
    /// Where the site's other pages and files are.
    pub urls: SiteUrls,
    /// How much of each pair this edition shows: `full`, `progress`, `names` or `none`
    /// (`[public] pairs` on the public site; `full` in a private edition).
    pub pairs: &'static str,
}

/// The pages and files every page may link to.
#[derive(Serialize)]
pub struct SiteUrls {
    /// The home page.
    pub home: Url,
    /// The coordinators' dashboard (built in their edition only).
    pub dashboard: Url,
    /// The guide's table of contents.
    pub guide: Url,
    /// The four phases.
    pub phases: Url,
    /// The list of pairs.
    pub pairs: Url,
    /// The mentor directory.
    pub mentors: Url,
    /// The search index's manifest script.
    pub search_index: Url,
    /// The folder of the search index's pieces, with a trailing `/`.
    pub search_pieces: Url,
    /// The folder of the theme's static files, with a trailing `/`.
    pub static_dir: Url,
}

impl Default for SiteUrls {
    /// The URLs of the site's map ([`crate::paths`]).
    fn default() -> SiteUrls {
        SiteUrls {
            home: paths::home().url(),
            dashboard: paths::dashboard().url(),
            guide: paths::guide().url(),
            phases: paths::phases().url(),
            pairs: paths::pairs().url(),
            mentors: paths::mentors().url(),
            search_index: paths::SEARCH_INDEX.to_owned(),
            search_pieces: format!("{}/", paths::SEARCH_DIR),
            static_dir: format!("{}/", paths::STATIC_DIR),
        }
    }
}

/// The pages made for paper that are not a pair's, and their PDF files.
#[derive(Serialize)]
pub struct PrintLinks {
    /// The handbook for print.
    pub handbook: Url,
    /// Its PDF file (when `site.pdf`).
    pub handbook_pdf: Url,
    /// The blank workbook.
    pub workbook: Url,
    /// Its PDF file (when `site.pdf`).
    pub workbook_pdf: Url,
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
    /// Whether the site has a mentor directory.
    pub mentors: bool,
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
    /// Contact details: only in editions whose audience may see them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<&'a Contact>,
}

impl<'a> PersonView<'a> {
    /// The view of `p` for the scope's audience.
    pub fn of(scope: &Scope<'a>, p: &'a Person) -> Self {
        PersonView {
            contact: scope.contact(p),
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
    /// The pair's printable workbook.
    pub workbook_url: Url,
    /// The workbook's PDF file (built only by `mentorbook pdf` or `build --pdf`: see `site.pdf`).
    pub pdf_url: Url,
    /// The pair's page for its current phase.
    pub phase_url: Url,
    /// The pair's calendar file (meetings and deadlines).
    pub calendar_url: Url,
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
    (done * 100).checked_div(total).unwrap_or(0)
}

impl<'a> PairView<'a> {
    /// The view of `pair` for the scope's audience.
    pub fn of(scope: &Scope<'a>, pair: &'a Pair) -> Self {
        let program = scope.program;
        let person = |id| {
            PersonView::of(
                scope,
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
                    url: paths::pair_phase(&pair.id, p).url(),
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
            url: paths::pair(&pair.id).url(),
            workbook_url: paths::workbook(&pair.id).url(),
            pdf_url: paths::pair_pdf(&pair.id),
            phase_url: paths::pair_phase(&pair.id, pair.phase).url(),
            calendar_url: paths::pair_calendar(&pair.id),
            title: names_title(scope.strings, mentor.name, mentee.name),
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
            goal_count: pair
                .file
                .goals
                .iter()
                .filter(|g| scope.sees(g.visibility, pair))
                .count(),
            goals_achieved: pair
                .file
                .goals
                .iter()
                .filter(|g| {
                    scope.sees(g.visibility, pair)
                        && g.status == crate::model::pair::GoalStatus::Achieved
                })
                .count(),
            meeting_count: pair
                .file
                .meetings
                .iter()
                .filter(|m| scope.sees(m.visibility, pair))
                .count(),
        }
    }
}

/// One entry of a checklist, as every template gets checklists: the item and, when a pair has done
/// it, how. The themes' checklist components render a whole list of them in one call.
#[derive(Serialize)]
pub struct ChecklistEntry<'a> {
    /// The item.
    pub item: &'a ChecklistItem,
    /// How it was done; `None` (null) when it was not, or on a page about no pair.
    pub done: Option<DoneView<'a>>,
}

impl<'a> ChecklistEntry<'a> {
    /// The entries of `items` with nothing done, for the pages about no pair.
    pub fn blank(items: &'a [ChecklistItem]) -> Vec<ChecklistEntry<'a>> {
        items
            .iter()
            .map(|item| ChecklistEntry { item, done: None })
            .collect()
    }
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

/// A pair as the public site names it when `[public] pairs = "names"`: the two names and the
/// pair's title, nothing more.
#[derive(Serialize)]
pub struct PairName<'a> {
    /// The pair's id.
    pub id: &'a str,
    /// "Mentor & Mentee".
    pub title: String,
    /// The mentor, by name.
    pub mentor: NameOnly<'a>,
    /// The mentee, by name.
    pub mentee: NameOnly<'a>,
}

/// A person's name alone.
#[derive(Serialize)]
pub struct NameOnly<'a> {
    /// The name.
    pub name: &'a str,
}

impl<'a> PairName<'a> {
    /// The names of `pair`.
    pub fn of(scope: &Scope<'a>, pair: &'a Pair) -> Self {
        let name = |id| NameOnly {
            name: scope.program.person(id).map_or("", |p| p.name.as_str()),
        };
        let (mentor, mentee) = (name(&pair.file.mentor.value), name(&pair.file.mentee.value));
        PairName {
            id: pair.id.as_str(),
            title: names_title(scope.strings, mentor.name, mentee.name),
            mentor,
            mentee,
        }
    }
}

/// What a pair's pages show of its record, for the scope's audience. Private fields (marked
/// `skip_serializing_if`) are present only in editions whose audience may see them.
#[derive(Serialize)]
pub struct RecordView<'a> {
    /// Initiation: the relationship type agreed.
    pub relationship_type: Option<&'a str>,
    /// Initiation: the mentee's readiness reflection. Private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentee_reflection: Option<&'a Markdown>,
    /// Initiation: the mentor's readiness reflection. Private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentor_reflection: Option<&'a Markdown>,
    /// Initiation: the first meeting.
    pub first_meeting: Option<FirstMeetingView<'a>>,
    /// Negotiation: the vision.
    pub vision: Option<&'a Markdown>,
    /// SMART goals this audience may see.
    pub goals: Vec<&'a Goal>,
    /// The agreement.
    pub agreement: Option<&'a Agreement>,
    /// Meetings this audience may see, newest first.
    pub meetings: Vec<MeetingView<'a>>,
    /// Evaluations this audience may see.
    pub evaluations: Vec<EvaluationView<'a>>,
    /// Closure.
    pub closure: Option<ClosureView<'a>>,
    /// Worries raised in confidence. Private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concerns: Option<&'a Markdown>,
    /// Credits for an example pair's story.
    pub sources: &'a [String],
}

/// The first meeting.
#[derive(Serialize)]
pub struct FirstMeetingView<'a> {
    /// When.
    pub date: Option<Date>,
    /// Where.
    pub place: Option<&'a str>,
    /// What was said. Private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<&'a Markdown>,
}

/// A meeting.
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
    /// What was said. Private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<&'a Markdown>,
}

/// An evaluation.
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
    /// The evaluation itself. Private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<&'a Markdown>,
    /// The feedback form's answers, mentee first. Private: left out where the notes would be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Vec<FeedbackVoiceView<'a>>>,
}

/// One person's answers on a feedback form.
#[derive(Serialize)]
pub struct FeedbackVoiceView<'a> {
    /// `mentee` or `mentor`.
    pub role: &'static str,
    /// The person's name.
    pub name: Option<&'a str>,
    /// What is going well.
    pub going_well: Option<&'a Markdown>,
    /// What to change.
    pub to_change: Option<&'a Markdown>,
    /// Progress on each goal: `{title, progress}`, in the order of the pair's goals (ids that
    /// name no goal this audience sees are left out).
    pub goals: Vec<GoalFeedbackView<'a>>,
    /// How the relationship itself is working.
    pub relationship: Option<&'a Markdown>,
}

/// One goal's line on a feedback form.
#[derive(Serialize)]
pub struct GoalFeedbackView<'a> {
    /// The goal's title.
    pub title: &'a str,
    /// What the person says about its progress.
    pub progress: &'a Markdown,
}

/// The closure.
#[derive(Serialize)]
pub struct ClosureView<'a> {
    /// When.
    pub date: Option<Date>,
    /// `ended` or `renewed`.
    pub outcome: Option<crate::model::pair::Outcome>,
    /// What was achieved.
    pub summary: Option<&'a Markdown>,
    /// Titles of goals reached (that this audience may see).
    pub goals_reached: Vec<&'a str>,
    /// What comes next.
    pub next_steps: Option<&'a Markdown>,
    /// Personal reflection. Private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reflection: Option<&'a Markdown>,
}

impl<'a> RecordView<'a> {
    /// A record with nothing in it, for the blank workbook.
    pub fn empty() -> Self {
        RecordView {
            relationship_type: None,
            mentee_reflection: None,
            mentor_reflection: None,
            first_meeting: None,
            vision: None,
            goals: Vec::new(),
            agreement: None,
            meetings: Vec::new(),
            evaluations: Vec::new(),
            closure: None,
            concerns: None,
            sources: &[],
        }
    }

    /// The view of a pair's record for the scope's audience; empty where the pair is not shown
    /// whole (`[public] pairs` below `full`).
    pub fn of(scope: &Scope<'a>, pair: &'a Pair) -> Self {
        if scope.shown < PairsShown::Full {
            return RecordView::empty();
        }
        let (program, audience) = (scope.program, scope.audience);
        let f = &pair.file;
        let id = Some(&pair.id);
        // A private value is revealed at the visibility of what holds it, and never wider than
        // the pair file's own.
        let reveal = |v: &'a Option<crate::model::Private<Markdown>>, at: Visibility| {
            v.as_ref()
                .and_then(|p| p.reveal(audience, id, at.max(f.visibility)))
        };
        let name = |id: &crate::model::PersonId| program.person(id).map(|p| p.name.as_str());
        let goals: Vec<&'a Goal> = f
            .goals
            .iter()
            .filter(|g| scope.sees(g.visibility, pair))
            .collect();
        let mut meetings: Vec<MeetingView<'a>> = f
            .meetings
            .iter()
            .filter(|m| scope.sees(m.visibility, pair))
            .map(|m| MeetingView {
                date: m.date.value,
                title: m.title.as_deref(),
                agenda: &m.agenda,
                follow_ups: &m.follow_ups,
                notes: reveal(&m.notes, m.visibility),
            })
            .collect();
        meetings.sort_by_key(|m| std::cmp::Reverse(m.date));
        let readiness = f.readiness.as_ref();
        RecordView {
            relationship_type: readiness.and_then(|r| r.relationship_type.as_deref()),
            mentee_reflection: readiness
                .and_then(|r| reveal(&r.mentee_reflection, Visibility::Pair)),
            mentor_reflection: readiness
                .and_then(|r| reveal(&r.mentor_reflection, Visibility::Pair)),
            first_meeting: f.first_meeting.as_ref().map(|m| FirstMeetingView {
                date: m.date.as_ref().map(|d| d.value),
                place: m.place.as_deref(),
                notes: reveal(&m.notes, Visibility::Pair),
            }),
            vision: f.vision.as_ref(),
            agreement: f.agreement.as_deref(),
            meetings,
            evaluations: f
                .evaluations
                .iter()
                .filter(|e| scope.sees(e.visibility, pair))
                .map(|e| EvaluationView {
                    date: e.date.value,
                    by: e.by.as_ref().and_then(|b| name(b)),
                    rating: e.rating.as_ref().map(|r| r.value),
                    summary: e.summary.as_deref(),
                    notes: reveal(&e.notes, e.visibility),
                    feedback: e
                        .feedback
                        .as_ref()
                        .and_then(|p| p.reveal(audience, id, e.visibility.max(f.visibility)))
                        .map(|form| {
                            [
                                ("mentee", &f.mentee, form.mentee.as_ref()),
                                ("mentor", &f.mentor, form.mentor.as_ref()),
                            ]
                            .into_iter()
                            .filter_map(|(role, who, voice)| {
                                let v = voice?;
                                Some(FeedbackVoiceView {
                                    role,
                                    name: name(&who.value),
                                    going_well: v.going_well.as_ref(),
                                    to_change: v.to_change.as_ref(),
                                    goals: goals
                                        .iter()
                                        .filter_map(|g| {
                                            v.goals.get(&g.id.value).map(|progress| {
                                                GoalFeedbackView {
                                                    title: &g.title,
                                                    progress,
                                                }
                                            })
                                        })
                                        .collect(),
                                    relationship: v.relationship.as_ref(),
                                })
                            })
                            .collect()
                        }),
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
                        goals
                            .iter()
                            .find(|g| g.id.value == id.value)
                            .map(|g| g.title.as_str())
                    })
                    .collect(),
                next_steps: c.next_steps.as_ref(),
                reflection: reveal(&c.reflection, Visibility::Pair),
            }),
            concerns: reveal(&f.concerns, Visibility::Pair),
            sources: &f.sources,
            goals,
        }
    }
}
