//! What matching works from, in its own small types: the people who may be paired, what their
//! profiles say, the pairs that exist, and the weights. The command fills them from a program
//! ([`super::program`]); tests write them by hand.

use std::collections::BTreeMap;

/// A person as matching sees them: a mentee or a mentor, with what their profile says. Ids and
/// tags are plain strings: matching only compares them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// The person's id.
    pub id: String,
    /// Their name, for the report.
    pub name: String,
    /// Tags they want to grow in (what a mentee looks for).
    pub interests: Vec<String>,
    /// Tags they offer (what a mentor gives).
    pub expertise: Vec<String>,
    /// Meeting modes they can use (`video`, `phone`, ...).
    pub modes: Vec<String>,
    /// Times of the week they are free (`weekday_mornings`, ...).
    pub times: Vec<String>,
    /// Languages they speak, as ISO 639-1 codes.
    pub languages: Vec<String>,
    /// Their time zone, when known.
    pub time_zone: Option<Zone>,
    /// People never to be paired with them.
    pub exclusions: Vec<String>,
    /// A mentee's preferred mentors, most wanted first.
    pub wishes: Vec<String>,
    /// How many mentees a mentor takes at once.
    pub capacity: u32,
}

/// A time zone: its name, and its offset from UTC in minutes in the middle of January and of July
/// (two offsets, so that summer time counts the same whatever day matching runs on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    /// The IANA name (`Europe/London`).
    pub name: String,
    /// Minutes east of UTC, in January then in July.
    pub offsets: [i32; 2],
}

impl Zone {
    /// The zone `name` from the time zone database, `None` when it does not know the name.
    pub fn named(name: &str) -> Option<Zone> {
        let tz = jiff::tz::TimeZone::get(name).ok()?;
        // Fixed days of a fixed year: the same input gives the same offsets on any day.
        let offsets = ["2025-01-15T12:00:00Z", "2025-07-15T12:00:00Z"].map(|at| {
            at.parse::<jiff::Timestamp>()
                .map_or(0, |t| tz.to_offset(t).seconds() / 60)
        });
        Some(Zone {
            name: name.to_owned(),
            offsets,
        })
    }

    /// The most minutes apart the two zones' clocks are, in winter or in summer.
    pub fn distance(&self, other: &Zone) -> u32 {
        (0..2)
            .map(|i| self.offsets[i].abs_diff(other.offsets[i]))
            .max()
            .unwrap_or(0)
    }
}

/// A pair that exists: its two people, and whether it still takes the mentor's time and stands
/// for the mentee's pair (an active pair not closed, or a proposal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    /// The mentor's id.
    pub mentor: String,
    /// The mentee's id.
    pub mentee: String,
    /// Active and not closed, or proposed.
    pub open: bool,
}

/// The points a proposal gets for each thing a mentee and a mentor have in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    /// Per tag of the mentee's interests in the mentor's expertise.
    pub shared_tags: u32,
    /// Per meeting mode and per time both share.
    pub availability: u32,
    /// When they share a language.
    pub languages: u32,
    /// When their time zones are at most [`NEAR_ZONE_MINUTES`] apart.
    pub time_zone: u32,
    /// When the mentee wished for the mentor; twice as many for their first wish.
    pub wishes: u32,
}

/// Time zones this close (3 hours) count as near.
pub const NEAR_ZONE_MINUTES: u32 = 180;

impl Default for Weights {
    /// The defaults of `[matching]` in `book.toml`.
    fn default() -> Self {
        Weights {
            shared_tags: 3,
            availability: 2,
            languages: 2,
            time_zone: 1,
            wishes: 4,
        }
    }
}

/// Everything matching looks at.
#[derive(Debug, Clone, Default)]
pub struct Pool {
    /// The mentees, those with a pair included (they are left alone).
    pub mentees: Vec<Person>,
    /// The mentors.
    pub mentors: Vec<Person>,
    /// The pairs that exist, proposals included.
    pub pairs: Vec<Existing>,
    /// Tag labels by tag id, for the reasons (a tag without one is named by its id).
    pub labels: BTreeMap<String, String>,
}

impl Pool {
    /// The label of `tag`, or the tag itself.
    pub fn label<'a>(&'a self, tag: &'a str) -> &'a str {
        self.labels.get(tag).map_or(tag, String::as_str)
    }
}
