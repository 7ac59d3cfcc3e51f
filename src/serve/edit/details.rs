//! The single values of a pair file that no list or larger form holds ([`crate::edit::Detail`]),
//! each with its label and kind of input, grouped by the page whose panel offers their forms.

use serde::Serialize;

use crate::model::{Audience, Pair, Visibility};

/// One of a pair file's single values ([`crate::edit::Detail`]), for its form.
#[derive(Debug, Serialize)]
pub struct DetailView {
    /// The form's name for it: `agreement.signed.mentor`.
    pub name: String,
    /// What the form says.
    pub label: &'static str,
    /// What the file says.
    pub value: String,
    /// `date`, `text`, `lines` (a text of several lines) or `choice` (one of `options`).
    pub input: &'static str,
    /// The words a `choice` offers.
    pub options: &'static [&'static str],
}

/// The single values of `pair`, grouped by the page that shows their forms.
pub fn details(
    pair: &Pair,
    audience: &Audience,
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
        let (group, label, input, options, value): (_, _, _, &'static [&'static str], _) =
            match detail {
                Detail::End => (
                    "settings",
                    "Planned end",
                    "date",
                    &[],
                    date(f.end.as_ref().map(|d| d.value)),
                ),
                Detail::InitiatedBy => (
                    "settings",
                    "How you came together",
                    "choice",
                    &["mentee", "mentor", "program"],
                    f.initiated_by.id().to_owned(),
                ),
                Detail::Phase => (
                    "settings",
                    "Current phase (empty: from the checklist)",
                    "choice",
                    &["", "initiation", "negotiation", "enabling", "closure"],
                    text(f.phase.map(|p| p.as_str())),
                ),
                Detail::MenteeReflection => (
                    "initiation",
                    "The mentee's reflection (private)",
                    "lines",
                    &[],
                    private(readiness.and_then(|r| r.mentee_reflection.as_ref())),
                ),
                Detail::MentorReflection => (
                    "initiation",
                    "The mentor's reflection (private)",
                    "lines",
                    &[],
                    private(readiness.and_then(|r| r.mentor_reflection.as_ref())),
                ),
                Detail::RelationshipType => (
                    "initiation",
                    "Kind of relationship",
                    "text",
                    &[],
                    text(readiness.and_then(|r| r.relationship_type.as_ref())),
                ),
                Detail::FirstMeetingDate => (
                    "initiation",
                    "First meeting: date",
                    "date",
                    &[],
                    date(first.and_then(|m| m.date.as_ref()).map(|d| d.value)),
                ),
                Detail::FirstMeetingPlace => (
                    "initiation",
                    "First meeting: place",
                    "text",
                    &[],
                    text(first.and_then(|m| m.place.as_ref())),
                ),
                Detail::FirstMeetingNotes => (
                    "initiation",
                    "First meeting: notes (private)",
                    "lines",
                    &[],
                    private(first.and_then(|m| m.notes.as_ref())),
                ),
                Detail::Channel => (
                    "negotiation",
                    "Communication: channel",
                    "text",
                    &[],
                    text(communication.and_then(|c| c.channel.as_ref())),
                ),
                Detail::ResponseTime => (
                    "negotiation",
                    "Communication: response time",
                    "text",
                    &[],
                    text(communication.and_then(|c| c.response_time.as_ref())),
                ),
                Detail::BetweenMeetings => (
                    "negotiation",
                    "Communication: help between meetings",
                    "lines",
                    &[],
                    text(communication.and_then(|c| c.between_meetings.as_ref())),
                ),
                Detail::Frequency => (
                    "negotiation",
                    "Meetings: how often",
                    "choice",
                    &["", "weekly", "fortnightly", "monthly", "quarterly"],
                    plan.and_then(|p| p.frequency)
                        .map(|c| format!("{c:?}").to_lowercase())
                        .unwrap_or_default(),
                ),
                Detail::MeetingPlace => (
                    "negotiation",
                    "Meetings: place",
                    "text",
                    &[],
                    text(plan.and_then(|p| p.place.as_ref())),
                ),
                Detail::Duration => (
                    "negotiation",
                    "Meetings: how long",
                    "text",
                    &[],
                    text(plan.and_then(|p| p.duration.as_ref())),
                ),
                Detail::SignedMentor => (
                    "negotiation",
                    "Signed by the mentor on",
                    "date",
                    &[],
                    date(signed.and_then(|s| s.mentor)),
                ),
                Detail::SignedMentee => (
                    "negotiation",
                    "Signed by the mentee on",
                    "date",
                    &[],
                    date(signed.and_then(|s| s.mentee)),
                ),
                Detail::ClosureReflection => (
                    "closure",
                    "Reflection (private)",
                    "lines",
                    &[],
                    private(f.closure.as_ref().and_then(|c| c.value.reflection.as_ref())),
                ),
            };
        out.entry(group).or_default().push(DetailView {
            name: detail.name(),
            label,
            value,
            input,
            options,
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
