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
