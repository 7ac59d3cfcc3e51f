//! A person's profile: what a mentor offers and a mentee looks for (tags from `program.yaml`),
//! capacity, availability, languages, time zone, location, exclusions and wishes, each with who
//! may see it.
//!
//! The file's shape is [`RawProfile`]; reading it gives a [`Profile`] whose every field is a
//! [`Field`] (public, or a [`Private`] value with its visibility) or, for exclusions and wishes,
//! a `Private` value for the coordinators only. Neither implements `Serialize`, so no profile
//! field reaches a template, the search index or JSON except through `reveal`, which asks the
//! audience of the build.

use serde::{Deserialize, Deserializer};

use super::{Audience, Located, PairId, PersonId, Private, Visibility};

/// How a person can meet.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MeetingMode {
    /// Face to face.
    InPerson,
    /// A video call.
    Video,
    /// A phone call.
    Phone,
}

impl MeetingMode {
    /// Every mode, in the order pages list them.
    pub const ALL: [MeetingMode; 3] = [
        MeetingMode::InPerson,
        MeetingMode::Video,
        MeetingMode::Phone,
    ];

    /// The name files use (`in_person`).
    pub fn id(self) -> &'static str {
        match self {
            MeetingMode::InPerson => "in_person",
            MeetingMode::Video => "video",
            MeetingMode::Phone => "phone",
        }
    }
}

/// When a person can meet.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MeetingTime {
    /// Monday to Friday, mornings.
    WeekdayMornings,
    /// Monday to Friday, afternoons.
    WeekdayAfternoons,
    /// Monday to Friday, evenings.
    WeekdayEvenings,
    /// Saturdays and Sundays.
    Weekends,
}

impl MeetingTime {
    /// Every time, in the order pages list them.
    pub const ALL: [MeetingTime; 4] = [
        MeetingTime::WeekdayMornings,
        MeetingTime::WeekdayAfternoons,
        MeetingTime::WeekdayEvenings,
        MeetingTime::Weekends,
    ];

    /// The name files use (`weekday_mornings`).
    pub fn id(self) -> &'static str {
        match self {
            MeetingTime::WeekdayMornings => "weekday_mornings",
            MeetingTime::WeekdayAfternoons => "weekday_afternoons",
            MeetingTime::WeekdayEvenings => "weekday_evenings",
            MeetingTime::Weekends => "weekends",
        }
    }
}

/// How and when a person can meet.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    /// Meeting modes: `in_person`, `video`, `phone`.
    #[serde(default)]
    pub modes: Vec<MeetingMode>,
    /// Times: `weekday_mornings`, `weekday_afternoons`, `weekday_evenings`, `weekends`.
    #[serde(default)]
    pub times: Vec<MeetingTime>,
}

/// A profile field and who may see it. Not `Serialize`: its value is reached only through
/// [`Field::reveal`].
#[derive(Clone)]
pub enum Field<T> {
    /// Anyone may see it.
    Public(T),
    /// The person's pairs and the coordinators (`pair`), or the coordinators only.
    Private(Private<T>, Visibility),
}

impl<T> Field<T> {
    /// A field of visibility `v`. A private value that no check needs (`kept` false) is dropped
    /// when the load drops private values.
    fn new(value: T, v: Visibility, kept: bool) -> Field<T> {
        match (v, kept) {
            (Visibility::Public, _) => Field::Public(value),
            (_, true) => Field::Private(Private::kept(value), v),
            (_, false) => Field::Private(Private::read(value), v),
        }
    }

    /// The value, if `audience` may see it. `pair` is the audience's pair when the person is one
    /// of its two people (a private field is shown to the person's own pairs).
    pub fn reveal(&self, audience: &Audience, pair: Option<&PairId>) -> Option<&T> {
        match self {
            Field::Public(value) => Some(value),
            Field::Private(value, v) => value.reveal(audience, pair, *v),
        }
    }

    /// The value for the program's checks and the coordinators' tools (`match`), which see
    /// everything.
    pub fn for_coordinators(&self) -> Option<&T> {
        self.reveal(&Audience::Coordinators, None)
    }

    /// Who may see the field.
    pub fn visibility(&self) -> Visibility {
        match self {
            Field::Public(_) => Visibility::Public,
            Field::Private(_, v) => *v,
        }
    }
}

/// Shows the visibility, never the value.
impl<T> std::fmt::Debug for Field<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Field({})", self.visibility().id())
    }
}

/// A person's profile, read from `profile:` (see [`RawProfile`] for the file's shape).
#[derive(Debug, Clone)]
pub struct Profile {
    /// Tags (ids from `program.yaml`'s `tags`): what a mentor offers.
    pub expertise: Field<Vec<Located<String>>>,
    /// Tags: what a person wants to grow in.
    pub interests: Field<Vec<Located<String>>>,
    /// One sentence: what the person wants from the program.
    pub goals: Option<Field<String>>,
    /// How many mentees a mentor takes at once, as written (see [`Profile::capacity`]).
    pub capacity: Option<Field<Located<u32>>>,
    /// How and when the person can meet.
    pub availability: Field<Availability>,
    /// ISO 639-1 codes (`en`), as written.
    pub languages: Field<Vec<Located<String>>>,
    /// An IANA time zone name (`Europe/London`), as written.
    pub time_zone: Option<Field<Located<String>>>,
    /// Where the person is, in words.
    pub location: Option<Field<String>>,
    /// People this person must never be paired with: the coordinators only.
    pub exclusions: Private<Vec<Located<PersonId>>>,
    /// A mentee's preferred mentors, most wanted first: the coordinators only.
    pub wishes: Private<Vec<Located<PersonId>>>,
    /// `visibility` entries for fields that are the coordinators' only (`exclusions`, `wishes`),
    /// which the checks report: the field's name and where its entry is.
    pub misplaced_visibility: Vec<(&'static str, Located<Visibility>)>,
}

impl Profile {
    /// How many mentees the person takes at once: 1 unless the profile says.
    pub fn capacity(&self) -> u32 {
        self.capacity
            .as_ref()
            .and_then(Field::for_coordinators)
            .map_or(1, |c| c.value)
    }
}

/// `profile:` as written in a people file.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    /// Tags from `program.yaml`'s `tags`: what a mentor offers. Public unless `visibility` says.
    #[serde(default)]
    pub expertise: Vec<Located<String>>,
    /// Tags: what the person wants to grow in. Public unless `visibility` says.
    #[serde(default)]
    pub interests: Vec<Located<String>>,
    /// One sentence: what the person wants from the program. Private unless `visibility` says.
    #[serde(default)]
    pub goals: Option<String>,
    /// Mentees at once (mentors only); 1 when not given. Public unless `visibility` says.
    #[serde(default)]
    pub capacity: Option<Located<u32>>,
    /// How and when the person can meet. Public unless `visibility` says.
    #[serde(default)]
    pub availability: Option<Availability>,
    /// ISO 639-1 language codes, lower case (`en`, `es`). Public unless `visibility` says.
    #[serde(default)]
    pub languages: Vec<Located<String>>,
    /// An IANA time zone name (`Europe/London`). Private unless `visibility` says.
    #[serde(default)]
    pub time_zone: Option<Located<String>>,
    /// Where the person is, in words. Private unless `visibility` says.
    #[serde(default)]
    pub location: Option<String>,
    /// Person ids never to be paired with (conflicts of interest). The coordinators only, always.
    #[serde(default)]
    pub exclusions: Vec<Located<PersonId>>,
    /// A mentee's preferred mentors (person ids), most wanted first. The coordinators only, always.
    #[serde(default)]
    pub wishes: Vec<Located<PersonId>>,
    /// Who may see each field, where it differs from the default.
    #[serde(default)]
    pub visibility: FieldVisibility,
}

/// `visibility:` in a profile: `public`, `pair` (the person's pairs and the coordinators) or
/// `coordinators`, per field.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldVisibility {
    /// Default `public`.
    #[serde(default)]
    pub expertise: Option<Visibility>,
    /// Default `public`.
    #[serde(default)]
    pub interests: Option<Visibility>,
    /// Default `pair`.
    #[serde(default)]
    pub goals: Option<Visibility>,
    /// Default `public`.
    #[serde(default)]
    pub capacity: Option<Visibility>,
    /// Default `public`.
    #[serde(default)]
    pub availability: Option<Visibility>,
    /// Default `public`.
    #[serde(default)]
    pub languages: Option<Visibility>,
    /// Default `pair`.
    #[serde(default)]
    pub time_zone: Option<Visibility>,
    /// Default `pair`.
    #[serde(default)]
    pub location: Option<Visibility>,
    /// Not allowed: exclusions are the coordinators' only. Read so that it is reported clearly.
    #[serde(default)]
    #[schemars(skip)]
    pub exclusions: Option<Located<Visibility>>,
    /// Not allowed: wishes are the coordinators' only.
    #[serde(default)]
    #[schemars(skip)]
    pub wishes: Option<Located<Visibility>>,
}

impl From<RawProfile> for Profile {
    fn from(raw: RawProfile) -> Profile {
        let v = &raw.visibility;
        let public = |given: Option<Visibility>| given.unwrap_or(Visibility::Public);
        let private = |given: Option<Visibility>| given.unwrap_or(Visibility::Pair);
        let misplaced_visibility = [("exclusions", &v.exclusions), ("wishes", &v.wishes)]
            .into_iter()
            .filter_map(|(name, entry)| entry.clone().map(|e| (name, e)))
            .collect();
        Profile {
            expertise: Field::new(raw.expertise, public(v.expertise), true),
            interests: Field::new(raw.interests, public(v.interests), true),
            goals: raw.goals.map(|g| Field::new(g, private(v.goals), false)),
            capacity: raw
                .capacity
                .map(|c| Field::new(c, public(v.capacity), true)),
            availability: Field::new(
                raw.availability.unwrap_or_default(),
                public(v.availability),
                true,
            ),
            languages: Field::new(raw.languages, public(v.languages), true),
            time_zone: raw
                .time_zone
                .map(|t| Field::new(t, private(v.time_zone), true)),
            location: raw
                .location
                .map(|l| Field::new(l, private(v.location), false)),
            exclusions: Private::kept(raw.exclusions),
            wishes: Private::kept(raw.wishes),
            misplaced_visibility,
        }
    }
}

impl<'de> Deserialize<'de> for Profile {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RawProfile::deserialize(d).map(Profile::from)
    }
}

/// The schema of what is written: [`RawProfile`].
impl schemars::JsonSchema for Profile {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        RawProfile::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RawProfile::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PrivateValues;

    fn read(values: PrivateValues, yaml: &str) -> Profile {
        crate::model::reading_private(values, || serde_saphyr::from_str(yaml)).expect("a profile")
    }

    #[test]
    fn defaults_and_overrides_decide_who_sees_what() {
        let p = read(
            PrivateValues::Kept,
            "expertise: [surgery]\ngoals: canary\nlocation: Riverside\n\
             visibility:\n  location: public\n  expertise: coordinators\n",
        );
        let public = Audience::Public;
        assert!(p.expertise.reveal(&public, None).is_none());
        assert_eq!(p.expertise.for_coordinators().map(Vec::len), Some(1));
        assert!(p.goals.as_ref().unwrap().reveal(&public, None).is_none());
        let pair = PairId::new("a-b").unwrap();
        let own = Audience::Pair(pair.clone());
        let goals = p.goals.as_ref().unwrap();
        assert_eq!(
            goals.reveal(&own, Some(&pair)).map(String::as_str),
            Some("canary")
        );
        assert!(goals.reveal(&own, None).is_none());
        let location = p.location.as_ref().unwrap();
        assert_eq!(
            location.reveal(&public, None).map(String::as_str),
            Some("Riverside")
        );
        assert_eq!(p.capacity(), 1);
        assert!(format!("{p:?}").find("canary").is_none());
    }

    #[test]
    fn a_load_that_drops_private_values_keeps_what_checks_need() {
        let p = read(
            PrivateValues::Dropped,
            "expertise: [surgery]\ngoals: canary\nexclusions: [carol]\ncapacity: 3\n\
             visibility:\n  expertise: pair\n  capacity: pair\n",
        );
        assert!(p.goals.as_ref().unwrap().for_coordinators().is_none());
        assert_eq!(p.expertise.for_coordinators().map(Vec::len), Some(1));
        assert_eq!(p.capacity(), 3);
        let exclusions =
            p.exclusions
                .reveal(&Audience::Coordinators, None, Visibility::Coordinators);
        assert_eq!(exclusions.map(Vec::len), Some(1));
    }

    #[test]
    fn visibility_for_exclusions_is_read_to_be_reported() {
        let p = read(PrivateValues::Kept, "visibility:\n  wishes: public\n");
        assert_eq!(p.misplaced_visibility.len(), 1);
        assert_eq!(p.misplaced_visibility[0].0, "wishes");
        assert_eq!(p.misplaced_visibility[0].1.line, 2);
    }
}
