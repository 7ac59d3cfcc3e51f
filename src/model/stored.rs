//! The binary form of a pair file as a public build reads it ([`crate::codec`]), for the build's
//! cache of parsed pairs.
//!
//! A [`Private`] value has no bytes at all: whatever it holds, it is stored as nothing and read back
//! dropped, as a load for the public site leaves it ([`PrivateValues::Dropped`]). Whether an
//! optional private field was written is kept (`Option<Private<T>>`), since a public page may say
//! that notes exist without showing them. So a cache can only serve a public build, and nothing
//! private reaches the disk even if a model that kept private values were stored by mistake.

use super::pair::{
    Agreement, Closure, Communication, Evaluation, FirstMeeting, Goal, GoalStatus, ItemProgress,
    Meeting, MeetingPlan, Milestone, Outcome, PairFile, PairStatus, PhaseCount, ProgressMap,
    Readiness, Signatures,
};
use super::{
    Cadence, Date, GoalId, Initiator, ItemId, Located, PairId, PersonId, PhaseId, Private,
    Visibility,
};
use crate::codec::{Input, Stored, stored_enum, stored_struct};
use crate::markdown::Markdown;

#[cfg(doc)]
use super::PrivateValues;

impl<T> Stored for Private<T> {
    fn put(&self, _: &mut Vec<u8>) {}
    fn take(_: &mut Input<'_>) -> Option<Self> {
        Some(Private::dropped())
    }
}

impl<T: Stored> Stored for Located<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.value.put(out);
        self.line.put(out);
        self.column.put(out);
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        Some(Located {
            value: T::take(input)?,
            line: u32::take(input)?,
            column: u32::take(input)?,
        })
    }
}

impl Stored for Date {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.year().put(out);
        self.0.month().put(out);
        self.0.day().put(out);
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        let (year, month, day) = (i16::take(input)?, i8::take(input)?, i8::take(input)?);
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }
}

impl Stored for Markdown {
    fn put(&self, out: &mut Vec<u8>) {
        self.source.put(out);
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        String::take(input).map(|source| Markdown { source })
    }
}

/// An id is read back only if it is still a valid id: it names folders of the site.
macro_rules! stored_id {
    ($($name:ident),*) => {$(
        impl Stored for $name {
            fn put(&self, out: &mut Vec<u8>) {
                let s = self.as_str();
                crate::codec::put_len(s.len(), out);
                out.extend_from_slice(s.as_bytes());
            }
            fn take(input: &mut Input<'_>) -> Option<Self> {
                $name::new(&String::take(input)?).ok()
            }
        }
    )*};
}
stored_id!(PersonId, PairId, GoalId, ItemId);

stored_enum!(Visibility {
    Public = 0,
    Pair = 1,
    Coordinators = 2
});
stored_enum!(PhaseId {
    Initiation = 0,
    Negotiation = 1,
    Enabling = 2,
    Closure = 3
});
stored_enum!(Cadence {
    Weekly = 0,
    Fortnightly = 1,
    Monthly = 2,
    Quarterly = 3
});
stored_enum!(Initiator {
    Mentee = 0,
    Mentor = 1,
    Program = 2
});
stored_enum!(PairStatus {
    Active = 0,
    Proposed = 1
});
stored_enum!(GoalStatus {
    NotStarted = 0,
    InProgress = 1,
    Achieved = 2,
    Dropped = 3
});
stored_enum!(Outcome {
    Ended = 0,
    Renewed = 1
});

stored_struct!(PairFile {
    mentor,
    mentee,
    start,
    end,
    phase,
    initiated_by,
    status,
    visibility,
    readiness,
    first_meeting,
    vision,
    goals,
    agreement,
    meetings,
    planned_meetings,
    evaluations,
    closure,
    progress,
    concerns,
    sources,
});
stored_struct!(Readiness {
    mentee_reflection,
    mentor_reflection,
    relationship_type,
});
stored_struct!(FirstMeeting { date, place, notes });
stored_struct!(Goal {
    id,
    title,
    specific,
    measurable,
    attainable,
    realistic,
    timely,
    status,
    milestones,
    visibility,
});
stored_struct!(Milestone { title, due, done });
stored_struct!(Agreement {
    expectations,
    boundaries,
    confidentiality,
    ethics,
    communication,
    meetings,
    feedback,
    measuring_success,
    evaluation_process,
    conflict_resolution,
    celebration,
    end_point,
    signed,
});
stored_struct!(Communication {
    channel,
    response_time,
    between_meetings,
});
stored_struct!(MeetingPlan {
    frequency,
    place,
    duration
});
stored_struct!(Signatures { mentor, mentee });
stored_struct!(Meeting {
    date,
    title,
    agenda,
    follow_ups,
    notes,
    visibility,
});
stored_struct!(Evaluation {
    date,
    by,
    rating,
    summary,
    notes,
    feedback,
    visibility,
});
// `FeedbackForm` has no stored form: it is only ever a private value.
stored_struct!(Closure {
    date,
    outcome,
    summary,
    goals_reached,
    next_steps,
    reflection,
});
stored_struct!(ItemProgress { done, by, comment });
stored_struct!(PhaseCount { done, total });

impl Stored for ProgressMap {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn take(input: &mut Input<'_>) -> Option<Self> {
        Vec::take(input).map(ProgressMap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{decode, encode};
    use crate::model::{Audience, PrivateValues};

    /// A pair with a canary (a word ending in `-7f3a`) in every private field.
    const PAIR: &str = "tests/fixtures/canary/content/pairs/ana-lopez-ben-okafor.yaml";

    fn read(values: PrivateValues, text: &str) -> PairFile {
        crate::model::reading_private(values, || serde_saphyr::from_str(text)).unwrap()
    }

    /// Everything but private values comes back, positions included; private values never leave.
    #[test]
    fn a_pair_comes_back_without_its_private_values() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PAIR);
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.matches("-7f3a").count() > 10);
        let kept = read(PrivateValues::Kept, &text);
        let bytes = encode(&kept);
        let needle = b"-7f3a";
        assert!(!bytes.windows(needle.len()).any(|w| w == needle));
        let back: PairFile = decode(&bytes).unwrap();
        let dropped = read(PrivateValues::Dropped, &text);
        assert_eq!(format!("{back:?}"), format!("{dropped:?}"));
        assert!(back.concerns.is_some(), "that there are concerns is kept");
        let coordinators = Audience::Coordinators;
        let concerns = back.concerns.as_ref().unwrap();
        assert!(
            concerns
                .reveal(&coordinators, None, Visibility::Pair)
                .is_none()
        );
        assert_eq!(back.mentor.line, kept.mentor.line);
        assert!(back.mentor.line > 0);
    }
}
