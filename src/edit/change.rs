//! The changes a form asks for, as typed values: what [`super::apply_pair`] and
//! [`super::apply_person`] take.
//!
//! Every value is the string typed into the form. Nothing here parses a date or checks an id: the
//! text is written as typed (quoted when it must be) and the loader, run on the edited file, says
//! what is wrong with it, at its line and column, for the form to show.
//!
//! In the fields of an edit (`Edit*`, [`ClosureFields`], [`PersonFields`]), `None` means "not on
//! the form: leave it", `Some("")` means "remove the key", and an empty list removes the key.

/// One change to a pair file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairChange {
    /// Marks a checklist item done, or changes when, by whom or with what comment it was done.
    /// Written `item: <done>` when there is no `by` or `comment`, as a map otherwise.
    Tick {
        /// The phase id (`initiation`, `negotiation`, `enabling`, `closure`).
        phase: String,
        /// The checklist item id.
        item: String,
        /// The date it was done.
        done: String,
        /// Who did it (a person id); `None` leaves an existing `by`, `Some("")` removes it.
        by: Option<String>,
        /// A comment; `None` leaves an existing one, `Some("")` removes it.
        comment: Option<String>,
    },
    /// Marks a checklist item not done: its entry goes (nothing happens when it is not there).
    Untick {
        /// The phase id.
        phase: String,
        /// The checklist item id.
        item: String,
    },
    /// Logs a meeting at the end of `meetings`.
    AddMeeting(MeetingFields),
    /// Changes the meeting at `index` of the file's `meetings` list.
    EditMeeting {
        /// From 0, in file order.
        index: usize,
        /// The fields; see [`MeetingFields`].
        fields: MeetingFields,
    },
    /// Removes the meeting at `index`: exactly its lines.
    RemoveMeeting {
        /// From 0, in file order.
        index: usize,
    },
    /// Adds a goal at the end of `goals`; its `id` is required.
    AddGoal(GoalFields),
    /// Changes the goal at `index` of `goals`.
    EditGoal {
        /// From 0, in file order.
        index: usize,
        /// The fields.
        fields: GoalFields,
    },
    /// Marks milestone `index` of goal `goal` reached on a date, or not reached (`None`).
    Milestone {
        /// The goal's index in `goals`.
        goal: usize,
        /// The milestone's index in the goal's `milestones`.
        index: usize,
        /// When it was reached; `None` removes `done`.
        done: Option<String>,
    },
    /// Adds a milestone at the end of a goal's `milestones`.
    AddMilestone {
        /// The goal's index in `goals`.
        goal: usize,
        /// What the step is.
        title: String,
        /// When it is due.
        due: Option<String>,
    },
    /// Sets one text of the pair (Markdown); `""` removes the key.
    SetText {
        /// Which text.
        field: TextField,
        /// The text; lines of text are written as a `|` block.
        text: String,
    },
    /// Adds an evaluation at the end of `evaluations`.
    AddEvaluation(EvaluationFields),
    /// Changes the evaluation at `index` of `evaluations`.
    EditEvaluation {
        /// From 0, in file order.
        index: usize,
        /// The fields.
        fields: EvaluationFields,
    },
    /// Writes the closure (the `closure` map is made when missing).
    Closure(ClosureFields),
}

/// A text of a pair file that [`PairChange::SetText`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// `vision`.
    Vision,
    /// One text of `agreement`.
    Agreement(AgreementField),
    /// `closure.summary`.
    ClosureSummary,
    /// `closure.next_steps`.
    ClosureNextSteps,
    /// `concerns` (private).
    Concerns,
    /// One of the other single values of a pair file: see [`Detail`].
    Detail(Detail),
}

/// The single values of a pair file that no list or larger form holds: the pair's settings, its
/// readiness and first meeting, the agreement's communication, meeting plan and signatures, the
/// closure's reflection. Each is written as typed, like a text; the loader checks dates and the
/// words of fixed lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// `end`: the planned end date.
    End,
    /// `initiated_by`: `mentee`, `mentor` or `program`.
    InitiatedBy,
    /// `phase`: the current phase, when it is not derived.
    Phase,
    /// `readiness.mentee_reflection` (private).
    MenteeReflection,
    /// `readiness.mentor_reflection` (private).
    MentorReflection,
    /// `readiness.relationship_type`.
    RelationshipType,
    /// `first_meeting.date`.
    FirstMeetingDate,
    /// `first_meeting.place`.
    FirstMeetingPlace,
    /// `first_meeting.notes` (private).
    FirstMeetingNotes,
    /// `agreement.communication.channel`.
    Channel,
    /// `agreement.communication.response_time`.
    ResponseTime,
    /// `agreement.communication.between_meetings`.
    BetweenMeetings,
    /// `agreement.meetings.frequency`: `weekly`, `fortnightly`, `monthly` or `quarterly`.
    Frequency,
    /// `agreement.meetings.place`.
    MeetingPlace,
    /// `agreement.meetings.duration`.
    Duration,
    /// `agreement.signed.mentor`: the date the mentor signed.
    SignedMentor,
    /// `agreement.signed.mentee`: the date the mentee signed.
    SignedMentee,
    /// `closure.reflection` (private).
    ClosureReflection,
}

impl Detail {
    /// Every detail, in the order of a pair file.
    pub const ALL: [Detail; 18] = [
        Detail::End,
        Detail::InitiatedBy,
        Detail::Phase,
        Detail::MenteeReflection,
        Detail::MentorReflection,
        Detail::RelationshipType,
        Detail::FirstMeetingDate,
        Detail::FirstMeetingPlace,
        Detail::FirstMeetingNotes,
        Detail::Channel,
        Detail::ResponseTime,
        Detail::BetweenMeetings,
        Detail::Frequency,
        Detail::MeetingPlace,
        Detail::Duration,
        Detail::SignedMentor,
        Detail::SignedMentee,
        Detail::ClosureReflection,
    ];

    /// Where it is written: the keys of its mapping, and its own key.
    pub fn place(self) -> (&'static [&'static str], &'static str) {
        const COMMUNICATION: &[&str] = &["agreement", "communication"];
        const PLAN: &[&str] = &["agreement", "meetings"];
        const SIGNED: &[&str] = &["agreement", "signed"];
        match self {
            Detail::End => (&[], "end"),
            Detail::InitiatedBy => (&[], "initiated_by"),
            Detail::Phase => (&[], "phase"),
            Detail::MenteeReflection => (&["readiness"], "mentee_reflection"),
            Detail::MentorReflection => (&["readiness"], "mentor_reflection"),
            Detail::RelationshipType => (&["readiness"], "relationship_type"),
            Detail::FirstMeetingDate => (&["first_meeting"], "date"),
            Detail::FirstMeetingPlace => (&["first_meeting"], "place"),
            Detail::FirstMeetingNotes => (&["first_meeting"], "notes"),
            Detail::Channel => (COMMUNICATION, "channel"),
            Detail::ResponseTime => (COMMUNICATION, "response_time"),
            Detail::BetweenMeetings => (COMMUNICATION, "between_meetings"),
            Detail::Frequency => (PLAN, "frequency"),
            Detail::MeetingPlace => (PLAN, "place"),
            Detail::Duration => (PLAN, "duration"),
            Detail::SignedMentor => (SIGNED, "mentor"),
            Detail::SignedMentee => (SIGNED, "mentee"),
            Detail::ClosureReflection => (&["closure"], "reflection"),
        }
    }

    /// Its path as forms name it: `agreement.signed.mentor`.
    pub fn name(self) -> String {
        let (map, key) = self.place();
        let mut parts = map.to_vec();
        parts.push(key);
        parts.join(".")
    }
}

/// A text of the partnership agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementField {
    /// `expectations`.
    Expectations,
    /// `boundaries`.
    Boundaries,
    /// `confidentiality`.
    Confidentiality,
    /// `ethics`.
    Ethics,
    /// `feedback`.
    Feedback,
    /// `measuring_success`.
    MeasuringSuccess,
    /// `evaluation_process`.
    EvaluationProcess,
    /// `conflict_resolution`.
    ConflictResolution,
    /// `celebration`.
    Celebration,
    /// `end_point`.
    EndPoint,
}

impl AgreementField {
    /// Every text of the agreement, in the order of the model (and of the scaffold).
    pub const ALL: [AgreementField; 10] = [
        AgreementField::Expectations,
        AgreementField::Boundaries,
        AgreementField::Confidentiality,
        AgreementField::Ethics,
        AgreementField::Feedback,
        AgreementField::MeasuringSuccess,
        AgreementField::EvaluationProcess,
        AgreementField::ConflictResolution,
        AgreementField::Celebration,
        AgreementField::EndPoint,
    ];

    /// The key pair files use (`measuring_success`).
    pub fn key(self) -> &'static str {
        match self {
            AgreementField::Expectations => "expectations",
            AgreementField::Boundaries => "boundaries",
            AgreementField::Confidentiality => "confidentiality",
            AgreementField::Ethics => "ethics",
            AgreementField::Feedback => "feedback",
            AgreementField::MeasuringSuccess => "measuring_success",
            AgreementField::EvaluationProcess => "evaluation_process",
            AgreementField::ConflictResolution => "conflict_resolution",
            AgreementField::Celebration => "celebration",
            AgreementField::EndPoint => "end_point",
        }
    }
}

/// A meeting's fields. Adding one: `date` is required, `None` and empty lists are left out.
/// Editing one: `None` leaves a field, `Some("")` or `Some(vec![])` removes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingFields {
    /// When (`YYYY-MM-DD`); always on the form.
    pub date: String,
    /// A title.
    pub title: Option<String>,
    /// What was planned, one item a line of the form.
    pub agenda: Option<Vec<String>>,
    /// What each will do next.
    pub follow_ups: Option<Vec<String>>,
    /// What was said (private, Markdown).
    pub notes: Option<String>,
    /// `public`, `pair` or `coordinators`.
    pub visibility: Option<String>,
}

/// A goal's SMART fields and status. Adding one: `id` is required.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalFields {
    /// Unique within the pair.
    pub id: Option<String>,
    /// A short name.
    pub title: Option<String>,
    /// `not_started`, `in_progress`, `achieved` or `dropped`.
    pub status: Option<String>,
    /// Exactly what will be achieved.
    pub specific: Option<String>,
    /// How achievement is measured.
    pub measurable: Option<String>,
    /// Why it is within reach (also read from `achievable`).
    pub attainable: Option<String>,
    /// Why it fits the time and resources (also read from `relevant`).
    pub realistic: Option<String>,
    /// The deadline (also read from `time_bound`).
    pub timely: Option<String>,
}

/// An evaluation's fields. Adding one: `date` is required.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvaluationFields {
    /// When.
    pub date: Option<String>,
    /// Who evaluated (a person id).
    pub by: Option<String>,
    /// 1 to 5.
    pub rating: Option<String>,
    /// One public line.
    pub summary: Option<String>,
    /// The evaluation itself (private, Markdown).
    pub notes: Option<String>,
    /// `public`, `pair` or `coordinators`.
    pub visibility: Option<String>,
}

/// The closure's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClosureFields {
    /// When it closed.
    pub date: Option<String>,
    /// `ended` or `renewed`.
    pub outcome: Option<String>,
    /// What was achieved (Markdown).
    pub summary: Option<String>,
    /// What comes next (Markdown).
    pub next_steps: Option<String>,
    /// Ids of the goals reached.
    pub goals_reached: Option<Vec<String>>,
}

/// One change to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonChange {
    /// Changes the person's fields.
    Edit {
        /// The fields.
        fields: PersonFields,
    },
}

/// A person's fields that a form edits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFields {
    /// Full name.
    pub name: Option<String>,
    /// Job title.
    pub title: Option<String>,
    /// A short introduction (Markdown).
    pub bio: Option<String>,
    /// `contact.email` (private).
    pub email: Option<String>,
    /// `contact.phone` (private).
    pub phone: Option<String>,
    /// `mentor`, `mentee`, `coordinator`.
    pub roles: Option<Vec<String>>,
}
