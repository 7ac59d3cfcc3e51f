//! Writes the Hugo site equivalent to a generated program: one Markdown page for each page that
//! mentorbook builds from it (home, guide and chapters, phases and each phase, pairs, each pair's
//! overview and its four phase pages, 404), holding the same public text, with minimal layouts.
//!
//! The pages' text is worked out here the way mentorbook's default theme shows it (derived phase,
//! checklist counts, percentages, long dates); Hugo only renders Markdown into a layout. Private
//! fields are left out, as mentorbook leaves them out of its pages.

// Phases are numbered 0 to 3 across the pair's progress, the phase files and `PHASE_IDS`.
#![allow(clippy::needless_range_loop)]

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use jiff::civil::Date;

use super::source::{Item, PHASE_IDS};
use super::{Pair, Status, World, Written, prepare_dir, write};

/// The file that marks a folder as written by the generator.
pub const MARKER: &str = ".generated-hugo-site";

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="stylesheet" href="{{ "static/style.css" | relURL }}">
</head>
<body class="page">
<header class="topbar"><a class="brand" href="{{ "index.html" | relURL }}">{{ site.Title }}</a> <span class="org">{{ site.Params.organisation }}</span></header>
<div class="layout">
{{ partialCached "nav.html" . }}
<main id="main">
{{ block "main" . }}{{ end }}
</main>
</div>
<footer class="footer"><p>{{ site.Params.program }} · {{ site.Params.organisation }} · made with Hugo</p></footer>
</body>
</html>
"#;

const SINGLE: &str = r#"{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>{{ end }}
"#;

const NAV: &str = r#"<nav class="sidebar" id="nav" aria-label="Handbook">
<ul class="nav-top"><li><a href="{{ "index.html" | relURL }}">Home</a></li></ul>
<h2><a href="{{ "guide/index.html" | relURL }}">Guide</a></h2>
<ul>{{ range (site.GetPage "/guide").Pages.ByWeight }}<li><a href="{{ .RelPermalink }}index.html">{{ .Title }}</a></li>{{ end }}</ul>
<h2><a href="{{ "phases/index.html" | relURL }}">Phases</a></h2>
<ol>{{ range (site.GetPage "/phases").Pages.ByWeight }}<li><a href="{{ .RelPermalink }}index.html">{{ .Title }}</a></li>{{ end }}</ol>
<h2><a href="{{ "pairs/index.html" | relURL }}">Pairs <span class="count">{{ site.Params.pair_count }}</span></a></h2>
</nav>
"#;

const NOT_FOUND: &str = r#"{{ define "main" }}<h1>Page not found</h1>
<p>There is no page at this address. It may have been renamed, or the pair may have left the program.</p>
<p><a href="{{ "index.html" | relURL }}">Go to the home page</a> or <a href="{{ "pairs/index.html" | relURL }}">see all pairs</a>.</p>
{{ end }}
"#;

/// Writes the Hugo site of `world` into `dir` (missing, empty, or generated before).
pub fn write_site(world: &World, dir: &Path) -> io::Result<Written> {
    prepare_dir(dir, MARKER)?;
    let mut w = Written::default();
    let config = format!(
        "baseURL = \"/\"\ntitle = {}\nlanguageCode = \"en\"\n\
         # Links relative to each page, as mentorbook's, so the site also works from disk.\n\
         relativeURLs = true\n\
         disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\"]\n\n\
         [params]\nprogram = {}\norganisation = {}\npair_count = {}\n",
        toml_str(&world.title),
        toml_str(&world.program_name),
        toml_str(&world.organisation),
        world.pairs.len()
    );
    w.add(write(dir, "hugo.toml", config)?);
    w.add(write(dir, "layouts/_default/baseof.html", BASEOF)?);
    w.add(write(dir, "layouts/_default/single.html", SINGLE)?);
    w.add(write(dir, "layouts/_default/list.html", SINGLE)?);
    w.add(write(dir, "layouts/partials/nav.html", NAV)?);
    w.add(write(dir, "layouts/404.html", NOT_FOUND)?);
    // Hugo copies static/ to the site's root; mentorbook writes static/style.css.
    w.add(write(
        dir,
        "static/static/style.css",
        &world.sources.style_css,
    )?);

    let site = Site::new(world);
    w.add(write(dir, "content/_index.md", site.home())?);
    w.add(write(dir, "content/guide/_index.md", site.guide())?);
    for (i, _) in world.sources.chapters.iter().enumerate() {
        let c = &world.sources.chapters[i];
        w.add(write(
            dir,
            &format!("content/guide/{}.md", c.id),
            site.chapter(i),
        )?);
    }
    w.add(write(dir, "content/phases/_index.md", site.phases())?);
    for p in 0..4 {
        w.add(write(
            dir,
            &format!("content/phases/{}.md", PHASE_IDS[p]),
            site.phase(p),
        )?);
    }
    w.add(write(dir, "content/pairs/_index.md", site.pairs())?);
    for pair in &world.pairs {
        w.add(write(
            dir,
            &format!("content/pairs/{}/_index.md", pair.id),
            site.pair(pair),
        )?);
        for p in 0..4 {
            w.add(write(
                dir,
                &format!("content/pairs/{}/{}.md", pair.id, PHASE_IDS[p]),
                site.pair_phase(pair, p),
            )?);
        }
    }
    Ok(w)
}

fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `14 March 2025`, as mentorbook's `long_date`.
fn long(d: Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

fn percent(done: usize, total: usize) -> usize {
    (done * 100).checked_div(total).unwrap_or(0)
}

fn owner(item: &Item) -> &str {
    match item.owner.as_deref() {
        Some("mentor") => "Mentor",
        Some("mentee") => "Mentee",
        _ => "Both",
    }
}

fn front(title: &str, weight: Option<i64>) -> String {
    let mut s = format!("---\ntitle: {}\n", super::yaml::scalar(title));
    if let Some(w) = weight {
        let _ = writeln!(s, "weight: {w}");
    }
    s.push_str("---\n\n");
    s
}

/// What the pages share: counts, and the relative path back to the root.
struct Site<'a> {
    world: &'a World,
    /// Pairs per current phase.
    per_phase: [usize; 4],
}

impl<'a> Site<'a> {
    fn new(world: &'a World) -> Self {
        let mut per_phase = [0; 4];
        for p in &world.pairs {
            per_phase[p.phase] += 1;
        }
        Site { world, per_phase }
    }

    fn name(&self, i: usize) -> &str {
        &self.world.people[i].name
    }

    fn title(&self, pair: &Pair) -> String {
        format!("{} & {}", self.name(pair.mentor), self.name(pair.mentee))
    }

    fn phase_title(&self, p: usize) -> &str {
        &self.world.sources.phases[p].file.title
    }

    /// Done and total items of `pair` in phase `p`.
    fn count(&self, pair: &Pair, p: usize) -> (usize, usize) {
        (
            pair.progress[p].len(),
            self.world.sources.phases[p].file.checklist.len(),
        )
    }

    fn pair_percent(&self, pair: &Pair) -> usize {
        let (d, t) = (0..4).fold((0, 0), |(d, t), p| {
            let (a, b) = self.count(pair, p);
            (d + a, t + b)
        });
        percent(d, t)
    }

    /// The four phases with the pair's progress, as links.
    fn track(&self, s: &mut String, root: &str, pair: &Pair) {
        for p in 0..4 {
            let (d, t) = self.count(pair, p);
            let state = match p.cmp(&pair.phase) {
                std::cmp::Ordering::Less => "done",
                std::cmp::Ordering::Equal => "current",
                std::cmp::Ordering::Greater => "upcoming",
            };
            let _ = write!(
                s,
                "{}[{} {d}/{t}]({root}pairs/{}/{}/index.html) ({state})",
                if p == 0 { "" } else { " · " },
                self.phase_title(p),
                pair.id,
                PHASE_IDS[p]
            );
        }
        s.push_str("\n\n");
    }

    fn pair_table(&self, s: &mut String, root: &str, pairs: &[Pair]) {
        s.push_str("| Pair | Dates | Current phase | Checklist |\n| --- | --- | --- | --- |\n");
        for pair in pairs {
            let _ = write!(
                s,
                "| [{}]({root}pairs/{}/index.html) | {} – {} | [{}]({root}pairs/{}/{}/index.html) | ",
                self.title(pair),
                pair.id,
                long(pair.start),
                long(pair.end),
                self.phase_title(pair.phase),
                pair.id,
                PHASE_IDS[pair.phase]
            );
            for p in 0..4 {
                let (d, t) = self.count(pair, p);
                let _ = write!(
                    s,
                    "[{}: {d} of {t} done]({root}pairs/{}/{}/index.html) ",
                    self.phase_title(p),
                    pair.id,
                    PHASE_IDS[p]
                );
            }
            let _ = writeln!(s, "{}% |", self.pair_percent(pair));
        }
        s.push('\n');
    }

    fn phase_cards(&self, s: &mut String, root: &str) {
        for (p, phase) in self.world.sources.phases.iter().enumerate() {
            let n = self.per_phase[p];
            let _ = writeln!(
                s,
                "{}. [{}]({root}phases/{}/index.html)\n\n   {}\n\n   {} checklist items · {n} {} here now\n",
                p + 1,
                phase.file.title,
                phase.id,
                phase.file.summary.trim(),
                phase.file.checklist.len(),
                if n == 1 { "pair" } else { "pairs" }
            );
        }
    }

    fn home(&self) -> String {
        let w = self.world;
        let root = "";
        let mut s = front(&w.title, None);
        let _ = writeln!(
            s,
            "## {}\n\n{}\n\n{}\n",
            w.program_name, w.organisation, w.description
        );
        let goals: usize = w.pairs.iter().map(|p| p.goals.len()).sum();
        let achieved: usize = w
            .pairs
            .iter()
            .flat_map(|p| &p.goals)
            .filter(|g| g.status == Status::Achieved)
            .count();
        let meetings: usize = w.pairs.iter().map(|p| p.meetings.len()).sum();
        let _ = writeln!(s, "## At a glance\n\n- Pairs: {}", w.pairs.len());
        for p in 0..4 {
            let _ = writeln!(
                s,
                "- In {}: {}",
                self.phase_title(p).to_lowercase(),
                self.per_phase[p]
            );
        }
        let _ = writeln!(
            s,
            "- Goals achieved: {achieved} of {goals}\n- Meetings logged: {meetings}\n"
        );
        s.push_str("## The four phases\n\n");
        self.phase_cards(&mut s, root);
        s.push_str("## Pairs\n\n");
        self.pair_table(&mut s, root, &w.pairs);
        s.push_str("## Coordinators\n\n");
        for &c in &w.coordinators {
            let p = &w.people[c];
            let _ = writeln!(s, "- **{}**, {}", p.name, p.title);
        }
        s
    }

    fn guide(&self) -> String {
        let root = "../";
        let mut s = front("Guide", None);
        s.push_str(
            "The handbook: how mentoring works in this program, for mentors, mentees and coordinators.\n\n",
        );
        for (i, c) in self.world.sources.chapters.iter().enumerate() {
            let _ = writeln!(
                s,
                "{}. [{}]({root}guide/{}/index.html)",
                i + 1,
                c.front.title,
                c.id
            );
            for h in headings(&c.body) {
                let _ = writeln!(
                    s,
                    "   - [{h}]({root}guide/{}/index.html#{})",
                    c.id,
                    super::text::slug(&h)
                );
            }
        }
        s
    }

    fn chapter(&self, i: usize) -> String {
        let chapters = &self.world.sources.chapters;
        let c = &chapters[i];
        let root = "../../";
        let mut s = front(&c.front.title, Some(i as i64 + 1));
        let hs = headings(&c.body);
        if !hs.is_empty() {
            s.push_str("**On this page**\n\n");
            for h in hs {
                let _ = writeln!(s, "- [{h}](#{})", super::text::slug(&h));
            }
            s.push('\n');
        }
        s.push_str(&rewrite_chapter_links(&c.body));
        sources(&mut s, &c.front.sources);
        let prev = i.checked_sub(1).map(|j| {
            let c = &chapters[j];
            (c.front.title.clone(), format!("guide/{}", c.id))
        });
        let next = chapters
            .get(i + 1)
            .map(|c| (c.front.title.clone(), format!("guide/{}", c.id)));
        prev_next(&mut s, root, prev, next);
        s
    }

    fn phases(&self) -> String {
        let mut s = front("The four phases", None);
        s.push_str("Every mentoring relationship in the program moves through four phases. Each has a checklist that a pair works through together.\n\n");
        self.phase_cards(&mut s, "../");
        s
    }

    fn phase(&self, p: usize) -> String {
        let root = "../../";
        let phase = &self.world.sources.phases[p];
        let mut s = front(&phase.file.title, Some(p as i64 + 1));
        let _ = writeln!(s, "{}\n", phase.file.summary.trim());
        if let Some(g) = &phase.file.guidance {
            let _ = writeln!(s, "{}\n", g.trim_end());
        }
        s.push_str("## Checklist\n\n");
        for item in &phase.file.checklist {
            item_text(&mut s, item, None);
        }
        let here: Vec<&Pair> = self.world.pairs.iter().filter(|x| x.phase == p).collect();
        if !here.is_empty() {
            s.push_str("## Pairs in this phase\n\n");
            for pair in here {
                let _ = writeln!(
                    s,
                    "- [{}]({root}pairs/{}/{}/index.html) {}% of the whole checklist done",
                    self.title(pair),
                    pair.id,
                    phase.id,
                    self.pair_percent(pair)
                );
            }
            s.push('\n');
        }
        sources(&mut s, &phase.file.sources);
        let link = |q: usize| {
            (
                self.phase_title(q).to_owned(),
                format!("phases/{}", PHASE_IDS[q]),
            )
        };
        prev_next(
            &mut s,
            root,
            p.checked_sub(1).map(link),
            (p < 3).then(|| link(p + 1)),
        );
        s
    }

    fn pairs(&self) -> String {
        let mut s = front("Pairs", None);
        s.push_str("Every mentoring pair, where it stands, and how far through each phase's checklist it is.\n\n");
        self.pair_table(&mut s, "../", &self.world.pairs);
        s
    }

    fn pair(&self, pair: &Pair) -> String {
        let root = "../../";
        let w = self.world;
        let mut s = front(&self.title(pair), None);
        let _ = writeln!(
            s,
            "{} – {} · now in [{}]({root}pairs/{}/{}/index.html)\n",
            long(pair.start),
            long(pair.end),
            self.phase_title(pair.phase).to_lowercase(),
            pair.id,
            PHASE_IDS[pair.phase]
        );
        self.track(&mut s, root, pair);
        for (role, i) in [("Mentor", pair.mentor), ("Mentee", pair.mentee)] {
            let p = &w.people[i];
            let _ = writeln!(s, "{role}\n\n## {}\n\n{}\n\n{}\n", p.name, p.title, p.bio);
        }
        let _ = writeln!(s, "## Vision\n\n{}\n", pair.vision);
        let achieved = pair
            .goals
            .iter()
            .filter(|g| g.status == Status::Achieved)
            .count();
        let _ = writeln!(s, "## Goals {achieved} of {} achieved\n", pair.goals.len());
        for g in &pair.goals {
            let _ = writeln!(
                s,
                "- {} **{}** · by {}",
                g.status.human(),
                g.title,
                long(g.time_bound)
            );
        }
        let _ = writeln!(
            s,
            "\n[The goals in full]({root}pairs/{0}/negotiation/index.html#goals) · [Progress on milestones]({root}pairs/{0}/enabling/index.html#goal-progress)\n",
            pair.id
        );
        s.push_str("## Progress by phase\n\n| Phase | Checklist | Done |\n| --- | --- | --- |\n");
        for p in 0..4 {
            let (d, t) = self.count(pair, p);
            let _ = writeln!(
                s,
                "| [{0}]({root}pairs/{1}/{2}/index.html) | {0}: {3}% done | {d} of {t} |",
                self.phase_title(p),
                pair.id,
                PHASE_IDS[p],
                percent(d, t)
            );
        }
        let n = pair.meetings.len();
        let _ = writeln!(
            s,
            "\n{n} {} logged.",
            if n == 1 { "meeting" } else { "meetings" }
        );
        s
    }

    fn pair_phase(&self, pair: &Pair, p: usize) -> String {
        let root = "../../../";
        let w = self.world;
        let phase = &w.sources.phases[p];
        let pair_title = self.title(pair);
        let mut s = front(&format!("{pair_title}: {}", phase.file.title), None);
        let _ = writeln!(
            s,
            "Phase {} of 4 · [{pair_title}]({root}pairs/{}/index.html)\n\n{}\n",
            p + 1,
            pair.id,
            phase.file.summary.trim()
        );
        self.track(&mut s, root, pair);
        let (d, t) = self.count(pair, p);
        let _ = writeln!(s, "## Checklist {d} of {t} done\n");
        for (i, item) in phase.file.checklist.iter().enumerate() {
            let done = pair.progress[p].iter().find(|x| x.item == i).map(|x| {
                let mut t = format!("Done {}", long(x.date));
                if let Some(b) = x.by {
                    let _ = write!(t, " by {}", w.people[b].name);
                }
                if let Some(c) = &x.comment {
                    let _ = write!(t, ": {c}");
                }
                t
            });
            item_text(&mut s, item, Some(done));
        }
        let _ = writeln!(
            s,
            "All the guidance for this phase is on the [{} phase page]({root}phases/{}/index.html).\n",
            phase.file.title.to_lowercase(),
            phase.id
        );
        match p {
            0 => self.initiation(&mut s, pair),
            1 => self.negotiation(&mut s, pair),
            2 => self.enabling(&mut s, pair),
            _ => self.closure(&mut s, pair),
        }
        let link = |q: usize| {
            (
                self.phase_title(q).to_owned(),
                format!("pairs/{}/{}", pair.id, PHASE_IDS[q]),
            )
        };
        prev_next(
            &mut s,
            root,
            p.checked_sub(1).map(link),
            (p < 3).then(|| link(p + 1)),
        );
        s
    }

    fn initiation(&self, s: &mut String, pair: &Pair) {
        let _ = writeln!(
            s,
            "## Getting started\n\n- Type of relationship: {}\n- First meeting: {}\n- Where: {}\n- Relationship: {} to {}\n\n\
             Readiness reflections and first-meeting notes are private to the pair and are not published.\n",
            pair.relationship_type,
            long(pair.first_meeting.date),
            pair.first_meeting.place,
            long(pair.start),
            long(pair.end)
        );
    }

    fn negotiation(&self, s: &mut String, pair: &Pair) {
        let _ = writeln!(s, "## Vision\n\n{}\n\n## SMART goals\n", pair.vision);
        for g in &pair.goals {
            let _ = writeln!(
                s,
                "### {} {}\n\n| | |\n| --- | --- |\n| Specific | {} |\n| Measurable | {} |\n| Achievable | {} |\n| Relevant | {} |\n| Time-bound | {} |\n",
                g.title,
                g.status.human(),
                g.specific,
                g.measurable,
                g.achievable,
                g.relevant,
                long(g.time_bound)
            );
        }
        let a = &pair.agreement;
        s.push_str("## Partnership agreement\n\n");
        for (k, v) in [
            ("Expectations", &a.expectations),
            ("Boundaries", &a.boundaries),
            ("Confidentiality", &a.confidentiality),
            ("Ethics and conflicts of interest", &a.ethics),
            ("Conflict resolution", &a.conflict_resolution),
            ("End point and renewal", &a.end_point),
        ] {
            let _ = writeln!(s, "**{k}**\n\n{v}\n");
        }
        let _ = writeln!(
            s,
            "**Communication**\n\n{}  \nResponse time: {}  \nBetween meetings: {}\n\n**Meetings**\n\n{}; {}, at {}\n",
            a.channel,
            a.response_time,
            a.between_meetings,
            capitalise(a.frequency),
            a.duration,
            a.place
        );
        let sig = |who: usize, d: Option<Date>| match d {
            Some(d) => format!("{}, signed {}", self.name(who), long(d)),
            None => format!("{} not signed yet", self.name(who)),
        };
        let _ = writeln!(
            s,
            "Mentor {}\n\nMentee {}\n",
            sig(pair.mentor, a.signed.map(|x| x.0)),
            sig(pair.mentee, a.signed.map(|x| x.1))
        );
    }

    fn enabling(&self, s: &mut String, pair: &Pair) {
        s.push_str("## Progress on goals\n\n");
        for g in &pair.goals {
            let _ = writeln!(
                s,
                "### {} {}\n\nDeadline {}\n",
                g.title,
                g.status.human(),
                long(g.time_bound)
            );
            for (i, m) in g.milestones.iter().enumerate() {
                let when = match m.done {
                    Some(d) => format!("✓ {} reached {}", m.title, long(d)),
                    None => format!("{} due {}", m.title, long(m.due)),
                };
                let _ = writeln!(s, "{}. {when}", i + 1);
            }
            s.push('\n');
        }
        let _ = writeln!(s, "## Meetings {}\n", pair.meetings.len());
        let mut meetings: Vec<_> = pair.meetings.iter().collect();
        meetings.sort_by_key(|m| std::cmp::Reverse(m.date));
        for m in meetings {
            let _ = write!(s, "### {}", long(m.date));
            if let Some(t) = &m.title {
                let _ = write!(s, " · {t}");
            }
            s.push_str("\n\n#### Agenda\n\n");
            for a in &m.agenda {
                let _ = writeln!(s, "- {a}");
            }
            s.push_str("\n#### Follow-ups\n\n");
            for a in &m.follow_ups {
                let _ = writeln!(s, "- {a}");
            }
            s.push('\n');
        }
        s.push_str(
            "Meeting notes are private to the pair and are not published.\n\n## Evaluations\n\n",
        );
        if pair.evaluations.is_empty() {
            s.push_str("No evaluations yet.\n\n");
        } else {
            s.push_str("| Date | By | Rating | Summary |\n| --- | --- | --- | --- |\n");
            for e in &pair.evaluations {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    long(e.date),
                    e.by.map_or("", |b| self.name(b)),
                    e.rating.map_or(String::new(), |r| format!("{r}/5")),
                    e.summary.as_deref().unwrap_or("")
                );
            }
            s.push('\n');
        }
    }

    fn closure(&self, s: &mut String, pair: &Pair) {
        s.push_str("## Closing the relationship\n\n");
        match &pair.closure {
            Some(c) => {
                let _ = writeln!(
                    s,
                    "- Closed: {}\n- Outcome: {}\n\n### Summary\n\n{}\n\n### Goals reached\n",
                    long(c.date),
                    if c.renewed { "Renewed" } else { "Ended" },
                    c.summary
                );
                if c.goals_reached.is_empty() {
                    s.push_str("None recorded.\n");
                }
                for &g in &c.goals_reached {
                    let _ = writeln!(s, "- {}", pair.goals[g].title);
                }
                let _ = writeln!(s, "\n### Next steps\n\n{}\n", c.next_steps);
            }
            None => {
                let _ = writeln!(
                    s,
                    "The pair has not reached closure yet. Planned end: {}.\n",
                    long(pair.end)
                );
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A checklist item: its text and owner, whether it is done (on a pair's page), its guidance and
/// questions.
fn item_text(s: &mut String, item: &Item, done: Option<Option<String>>) {
    let mark = match &done {
        Some(Some(_)) => "✓ ",
        _ => "",
    };
    let _ = writeln!(s, "### {mark}{} ({})\n", item.text.trim(), owner(item));
    if let Some(Some(d)) = &done {
        let _ = writeln!(s, "{d}\n");
    }
    if let Some(g) = &item.guidance {
        let _ = writeln!(s, "{}\n", g.trim_end());
    }
    if !item.questions.is_empty() {
        if done.is_none() {
            s.push_str("Questions to discuss:\n\n");
        }
        for q in &item.questions {
            let _ = writeln!(s, "- {q}");
        }
        s.push('\n');
    }
}

fn sources(s: &mut String, list: &[String]) {
    if !list.is_empty() {
        s.push_str("## Sources\n\n");
        for x in list {
            let _ = writeln!(s, "- {x}");
        }
        s.push('\n');
    }
}

fn prev_next(
    s: &mut String,
    root: &str,
    prev: Option<(String, String)>,
    next: Option<(String, String)>,
) {
    if let Some((t, u)) = prev {
        let _ = writeln!(s, "[Previous {t}]({root}{u}/index.html)");
    }
    if let Some((t, u)) = next {
        let _ = writeln!(s, "[Next {t}]({root}{u}/index.html)");
    }
}

/// The `## ` headings of a chapter.
fn headings(body: &str) -> Vec<String> {
    body.lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(|h| h.trim().to_owned())
        .collect()
}

/// `[text](other.md)` becomes a link to that chapter's page, as mentorbook does.
fn rewrite_chapter_links(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let Some(end) = rest.find(')') else { break };
        let target = &rest[..end];
        let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
        match file.strip_suffix(".md") {
            Some(stem) if !stem.contains('/') && !stem.contains(':') => {
                let _ = write!(out, "../{stem}/index.html");
                if !anchor.is_empty() {
                    let _ = write!(out, "#{anchor}");
                }
            }
            _ => out.push_str(target),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
