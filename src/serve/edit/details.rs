//! The single values of a pair file that no list or larger form holds ([`crate::edit::Detail`]),
//! each with its label's key and kind of input, grouped by the page whose panel offers their forms.

use serde::Serialize;

use crate::book::Book;
use crate::model::{Audience, Cadence, Pair, PhaseId, Visibility};
use crate::render::strings::Strings;

/// One of a pair file's single values ([`crate::edit::Detail`]), for its form.
#[derive(Debug, Serialize)]
pub struct DetailView {
    /// The form's name for it: `agreement.signed.mentor`.
    pub name: String,
    /// The key of what the form says, in the strings' `[edit_details]`.
    pub key: &'static str,
    /// What the file says.
    pub value: String,
    /// `date`, `text`, `lines` (a text of several lines) or `choice` (one of `options`).
    pub input: &'static str,
    /// What a `choice` offers.
    pub options: Vec<Choice>,
}

/// One choice of a `choice`: what the file says, and what the list shows.
#[derive(Debug, Serialize)]
pub struct Choice {
    /// The value written (empty: the key is left out).
    pub value: &'static str,
    /// The words shown, in the program's language.
    pub label: String,
}

/// The choices for `detail`, in the words `t`; the phases by their titles in `program`.
fn choices(detail: crate::edit::Detail, program: &Book, t: &Strings) -> Vec<Choice> {
    use crate::edit::Detail;
    let choice = |value: &'static str, label: &str| Choice {
        value,
        label: label.to_owned(),
    };
    let not_set = choice("", &t.edit_choices.not_set);
    match detail {
        Detail::InitiatedBy => vec![
            choice("mentee", &t.roles.mentee),
            choice("mentor", &t.roles.mentor),
            choice("program", &t.edit_choices.program),
        ],
        Detail::Phase => std::iter::once(not_set)
            .chain(
                PhaseId::ALL
                    .into_iter()
                    .map(|p| choice(p.as_str(), &program.phase(p).file.title)),
            )
            .collect(),
        Detail::Frequency => std::iter::once(not_set)
            .chain(
                [
                    (Cadence::Weekly, "weekly"),
                    (Cadence::Fortnightly, "fortnightly"),
                    (Cadence::Monthly, "monthly"),
                    (Cadence::Quarterly, "quarterly"),
                ]
                .into_iter()
                .map(|(c, value)| choice(value, crate::render::strings::cadence(c, t))),
            )
            .collect(),
        _ => Vec::new(),
    }
}

/// The single values of `pair`, grouped by the page that shows their forms.
pub fn details(
    program: &Book,
    pair: &Pair,
    audience: &Audience,
    t: &Strings,
) -> std::collections::BTreeMap<&'static str, Vec<DetailView>> {
    use crate::edit::Detail;
    let f = &pair.file;
    let private = |p: Option<&crate::model::Private<crate::markdown::Markdown>>| {
        private_md(p, audience, pair, Visibility::Pair)
    };
    let readiness = f.readiness.as_ref();
    let first = f.first_meeting.as_ref();
    let agreement = f.agreement.as_ref().map(|a| &a.value);
    let communication = agreement.and_then(|a| a.communication.as_ref());
    let plan = agreement.and_then(|a| a.meetings.as_ref());
    let signed = agreement.and_then(|a| a.signed.as_ref());
    let date = |d: Option<crate::model::Date>| text(d.map(|d| d.to_string()));
    let mut out: std::collections::BTreeMap<&'static str, Vec<DetailView>> = Default::default();
    for detail in Detail::ALL {
        let (group, key, input, value) = match detail {
            Detail::End => (
                "settings",
                "end",
                "date",
                date(f.end.as_ref().map(|d| d.value)),
            ),
            Detail::InitiatedBy => (
                "settings",
                "initiated_by",
                "choice",
                f.initiated_by.id().to_owned(),
            ),
            Detail::Phase => (
                "settings",
                "phase",
                "choice",
                text(f.phase.map(|p| p.as_str())),
            ),
            Detail::MenteeReflection => (
                "initiation",
                "mentee_reflection",
                "lines",
                private(readiness.and_then(|r| r.mentee_reflection.as_ref())),
            ),
            Detail::MentorReflection => (
                "initiation",
                "mentor_reflection",
                "lines",
                private(readiness.and_then(|r| r.mentor_reflection.as_ref())),
            ),
            Detail::RelationshipType => (
                "initiation",
                "relationship_type",
                "text",
                text(readiness.and_then(|r| r.relationship_type.as_ref())),
            ),
            Detail::FirstMeetingDate => (
                "initiation",
                "first_meeting_date",
                "date",
                date(first.and_then(|m| m.date.as_ref()).map(|d| d.value)),
            ),
            Detail::FirstMeetingPlace => (
                "initiation",
                "first_meeting_place",
                "text",
                text(first.and_then(|m| m.place.as_ref())),
            ),
            Detail::FirstMeetingNotes => (
                "initiation",
                "first_meeting_notes",
                "lines",
                private(first.and_then(|m| m.notes.as_ref())),
            ),
            Detail::Channel => (
                "negotiation",
                "channel",
                "text",
                text(communication.and_then(|c| c.channel.as_ref())),
            ),
            Detail::ResponseTime => (
                "negotiation",
                "response_time",
                "text",
                text(communication.and_then(|c| c.response_time.as_ref())),
            ),
            Detail::BetweenMeetings => (
                "negotiation",
                "between_meetings",
                "lines",
                text(communication.and_then(|c| c.between_meetings.as_ref())),
            ),
            Detail::Frequency => (
                "negotiation",
                "frequency",
                "choice",
                plan.and_then(|p| p.frequency)
                    .map(|c| format!("{c:?}").to_lowercase())
                    .unwrap_or_default(),
            ),
            Detail::MeetingPlace => (
                "negotiation",
                "meeting_place",
                "text",
                text(plan.and_then(|p| p.place.as_ref())),
            ),
            Detail::Duration => (
                "negotiation",
                "duration",
                "text",
                text(plan.and_then(|p| p.duration.as_ref())),
            ),
            Detail::SignedMentor => (
                "negotiation",
                "signed_mentor",
                "date",
                date(signed.and_then(|s| s.mentor)),
            ),
            Detail::SignedMentee => (
                "negotiation",
                "signed_mentee",
                "date",
                date(signed.and_then(|s| s.mentee)),
            ),
            Detail::ClosureReflection => (
                "closure",
                "reflection",
                "lines",
                private(f.closure.as_ref().and_then(|c| c.value.reflection.as_ref())),
            ),
        };
        out.entry(group).or_default().push(DetailView {
            name: detail.name(),
            key,
            value,
            input,
            options: choices(detail, program, t),
        });
    }
    out
}

/// The text of an optional value, empty when there is none.
pub(super) fn text<T: AsRef<str>>(v: Option<T>) -> String {
    v.map(|s| s.as_ref().to_owned()).unwrap_or_default()
}

/// A private text, as `audience` may see it in an entry of visibility `at_least`.
pub(super) fn private_md(
    p: Option<&crate::model::Private<crate::markdown::Markdown>>,
    audience: &Audience,
    pair: &Pair,
    at_least: Visibility,
) -> String {
    p.and_then(|p| p.reveal(audience, Some(&pair.id), at_least))
        .map(|m| m.source.clone())
        .unwrap_or_default()
}
