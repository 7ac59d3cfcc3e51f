//! The element ids of a pair's sections that the search index links to, defined once: templates
//! read them as `anchors` (`<h2 id="{{ anchors.vision }}">`), the index writes them, and the two
//! cannot drift apart.

use serde::Serialize;

/// The ids of the headings of a pair's sections.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Anchors {
    /// The private concerns, on the pair's overview.
    pub concerns: &'static str,
    /// The first steps, on the initiation page.
    pub start: &'static str,
    /// The vision, on the negotiation page.
    pub vision: &'static str,
    /// The partnership agreement, on the negotiation page.
    pub agreement: &'static str,
    /// The meetings, on the enabling page.
    pub meetings: &'static str,
    /// The evaluations, on the enabling page.
    pub evaluations: &'static str,
    /// The closure, on the closure page.
    pub closure: &'static str,
}

/// The one set of ids, for templates and the search index alike.
pub const ANCHORS: Anchors = Anchors {
    concerns: "concerns-title",
    start: "start-title",
    vision: "vision-title",
    agreement: "agreement-title",
    meetings: "meetings-title",
    evaluations: "eval-title",
    closure: "closure-title",
};
