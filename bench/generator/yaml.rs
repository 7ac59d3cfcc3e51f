//! Writes a generated [`World`] as a mentorbook program folder, following docs/format.md.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use super::{Pair, Person, World, Written, prepare_dir, write};

/// The file that marks a folder as written by the generator.
pub const MARKER: &str = ".generated-program";

/// Writes the program into `dir` (missing, empty, or generated before).
pub fn write_program(world: &World, dir: &Path, people_folder: bool) -> io::Result<Written> {
    prepare_dir(dir, MARKER)?;
    let mut w = Written::default();
    w.add(write(dir, "book.toml", book_toml(world))?);
    w.add(write(dir, "content/program.yaml", program_yaml(world))?);
    if people_folder {
        for p in &world.people {
            let mut s = String::new();
            person(&mut s, p, false);
            w.add(write(dir, &format!("content/people/{}.yaml", p.id), s)?);
        }
    } else {
        let mut s = String::from("people:\n");
        for p in &world.people {
            person(&mut s, p, true);
        }
        w.add(write(dir, "content/people.yaml", s)?);
    }
    for phase in &world.sources.phases {
        w.add(write(
            dir,
            &format!("content/phases/{}.yaml", phase.id),
            &phase.text,
        )?);
    }
    for c in &world.sources.chapters {
        w.add(write(dir, &format!("content/guide/{}.md", c.id), &c.text)?);
    }
    for pair in &world.pairs {
        w.add(write(
            dir,
            &format!("content/pairs/{}.yaml", pair.id),
            pair_yaml(world, pair),
        )?);
    }
    Ok(w)
}

/// `content/pairs/<id>.yaml` of `pair`: the file `rel` of the program, for the benchmark's edits.
pub fn pair_path(pair: &Pair) -> String {
    format!("content/pairs/{}.yaml", pair.id)
}

fn book_toml(world: &World) -> String {
    format!(
        "[book]\ntitle = \"{}\"\ndescription = \"How the {} works, and how every pair is getting on.\"\n\
         language = \"en\"\nauthors = [\"{} coordinators\"]\n\n[build]\ndest-dir = \"book\"\ntheme = \"default\"\n\n\
         [public]\npairs = \"full\"\nconsent = true\n",
        world.title, world.program_name, world.program_name
    )
}

fn program_yaml(world: &World) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "name: {}", scalar(&world.program_name));
    let _ = writeln!(s, "organisation: {}", scalar(&world.organisation));
    block(&mut s, 0, "description", &world.description);
    let ids: Vec<&str> = world
        .coordinators
        .iter()
        .map(|&c| world.people[c].id.as_str())
        .collect();
    let _ = writeln!(s, "coordinators: {}", flow(&ids));
    let _ = writeln!(s, "default_length_months: {}", world.default_length_months);
    s.push_str("meeting_cadence: monthly\n");
    s.push_str("tags:\n");
    for (id, label) in super::text::TAGS {
        let _ = writeln!(s, "  {id}: {}", scalar(label));
    }
    s.push_str(
        "requests: |\n  Write to the coordinators with the mentor's name and a sentence on what you \
         want to learn; they introduce you within a week.\n",
    );
    s
}

fn person(s: &mut String, p: &Person, in_list: bool) {
    let (indent, pad) = if in_list {
        let _ = writeln!(s, "  - id: {}", p.id);
        (4, "    ")
    } else {
        (0, "")
    };
    let _ = writeln!(s, "{pad}name: {}", scalar(&p.name));
    let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
    let _ = writeln!(s, "{pad}roles: {}", flow(&roles));
    let _ = writeln!(s, "{pad}title: {}", scalar(&p.title));
    block(s, indent, "bio", &p.bio);
    let _ = writeln!(s, "{pad}contact:");
    let _ = writeln!(s, "{pad}  email: {}", scalar(&p.email));
    let _ = writeln!(s, "{pad}  phone: {}", scalar(&p.phone));
    if let Some(n) = &p.contact_notes {
        let _ = writeln!(s, "{pad}  notes: {}", scalar(n));
    }
    if let Some(pr) = &p.profile {
        let _ = writeln!(s, "{pad}profile:");
        if !pr.expertise.is_empty() {
            let _ = writeln!(s, "{pad}  expertise: {}", flow(&pr.expertise));
        }
        if !pr.interests.is_empty() {
            let _ = writeln!(s, "{pad}  interests: {}", flow(&pr.interests));
        }
        if let Some(c) = pr.capacity {
            let _ = writeln!(s, "{pad}  capacity: {c}");
        }
        let _ = writeln!(s, "{pad}  availability:");
        let _ = writeln!(s, "{pad}    modes: {}", flow(&pr.modes));
        let _ = writeln!(s, "{pad}    times: {}", flow(&pr.times));
        let _ = writeln!(s, "{pad}  languages: {}", flow(&pr.languages));
    }
}

/// The YAML text of one pair file.
pub fn pair_yaml(world: &World, pair: &Pair) -> String {
    let id = |i: usize| world.people[i].id.as_str();
    let mut s = String::with_capacity(16 * 1024);
    let _ = writeln!(s, "mentor: {}", id(pair.mentor));
    let _ = writeln!(s, "mentee: {}", id(pair.mentee));
    let _ = writeln!(s, "start: {}", pair.start);
    if pair.end_written {
        let _ = writeln!(s, "end: {}", pair.end);
    }
    s.push_str("readiness:\n");
    block(&mut s, 2, "mentee_reflection", &pair.mentee_reflection);
    block(&mut s, 2, "mentor_reflection", &pair.mentor_reflection);
    let _ = writeln!(
        s,
        "  relationship_type: {}",
        scalar(&pair.relationship_type)
    );
    let fm = &pair.first_meeting;
    let _ = writeln!(s, "first_meeting:\n  date: {}", fm.date);
    let _ = writeln!(s, "  place: {}", scalar(&fm.place));
    block(&mut s, 2, "notes", &fm.notes);
    block(&mut s, 0, "vision", &pair.vision);
    s.push_str("goals:\n");
    for g in &pair.goals {
        let _ = writeln!(s, "  - id: {}", g.id);
        let _ = writeln!(s, "    title: {}", scalar(&g.title));
        for (k, v) in [
            ("specific", &g.specific),
            ("measurable", &g.measurable),
            ("achievable", &g.achievable),
            ("relevant", &g.relevant),
        ] {
            let _ = writeln!(s, "    {k}: {}", scalar(v));
        }
        let _ = writeln!(s, "    time_bound: {}", g.time_bound);
        let _ = writeln!(s, "    status: {}", g.status.as_str());
        if !g.milestones.is_empty() {
            s.push_str("    milestones:\n");
            for m in &g.milestones {
                let _ = writeln!(s, "      - title: {}", scalar(&m.title));
                let _ = writeln!(s, "        due: {}", m.due);
                if let Some(d) = m.done {
                    let _ = writeln!(s, "        done: {d}");
                }
            }
        }
    }
    let a = &pair.agreement;
    s.push_str("agreement:\n");
    block(&mut s, 2, "expectations", &a.expectations);
    block(&mut s, 2, "boundaries", &a.boundaries);
    block(&mut s, 2, "confidentiality", &a.confidentiality);
    block(&mut s, 2, "ethics", &a.ethics);
    let _ = writeln!(s, "  communication:\n    channel: {}", scalar(&a.channel));
    let _ = writeln!(s, "    response_time: {}", scalar(&a.response_time));
    let _ = writeln!(s, "    between_meetings: {}", scalar(&a.between_meetings));
    let _ = writeln!(s, "  meetings:\n    frequency: {}", a.frequency);
    let _ = writeln!(s, "    place: {}", scalar(&a.place));
    let _ = writeln!(s, "    duration: {}", scalar(&a.duration));
    block(&mut s, 2, "conflict_resolution", &a.conflict_resolution);
    block(&mut s, 2, "end_point", &a.end_point);
    if let Some((mentor, mentee)) = a.signed {
        let _ = writeln!(s, "  signed:\n    mentor: {mentor}\n    mentee: {mentee}");
    }
    s.push_str("meetings:\n");
    for (i, m) in pair.meetings.iter().enumerate() {
        let _ = writeln!(s, "  - date: {}", m.date);
        if let Some(t) = &m.title {
            let _ = writeln!(s, "    title: {}", scalar(t));
        }
        // Both list styles occur in real files.
        if i % 3 == 2 {
            s.push_str("    agenda:\n");
            for a in &m.agenda {
                let _ = writeln!(s, "      - {}", scalar(a));
            }
        } else {
            let _ = writeln!(s, "    agenda: {}", flow(&m.agenda));
        }
        let _ = writeln!(s, "    follow_ups: {}", flow(&m.follow_ups));
        if let Some(n) = &m.notes {
            block(&mut s, 4, "notes", n);
        }
    }
    if !pair.evaluations.is_empty() {
        s.push_str("evaluations:\n");
        for e in &pair.evaluations {
            let _ = writeln!(s, "  - date: {}", e.date);
            if let Some(b) = e.by {
                let _ = writeln!(s, "    by: {}", id(b));
            }
            if let Some(r) = e.rating {
                let _ = writeln!(s, "    rating: {r}");
            }
            if let Some(t) = &e.summary {
                let _ = writeln!(s, "    summary: {}", scalar(t));
            }
            if let Some(n) = &e.notes {
                block(&mut s, 4, "notes", n);
            }
        }
    }
    if let Some(c) = &pair.closure {
        let _ = writeln!(s, "closure:\n  date: {}", c.date);
        let _ = writeln!(
            s,
            "  outcome: {}",
            if c.renewed { "renewed" } else { "ended" }
        );
        block(&mut s, 2, "summary", &c.summary);
        let reached: Vec<&str> = c
            .goals_reached
            .iter()
            .map(|&g| pair.goals[g].id.as_str())
            .collect();
        let _ = writeln!(s, "  goals_reached: {}", flow(&reached));
        block(&mut s, 2, "next_steps", &c.next_steps);
        block(&mut s, 2, "reflection", &c.reflection);
    }
    s.push_str("progress:\n");
    for (p, done) in pair.progress.iter().enumerate() {
        if done.is_empty() {
            continue;
        }
        let phase = &world.sources.phases[p];
        let _ = writeln!(s, "  {}:", phase.id);
        for d in done {
            let item = &phase.file.checklist[d.item].id;
            if d.long {
                let _ = writeln!(s, "    {item}:\n      done: {}", d.date);
                if let Some(b) = d.by {
                    let _ = writeln!(s, "      by: {}", id(b));
                }
                if let Some(c) = &d.comment {
                    let _ = writeln!(s, "      comment: {}", scalar(c));
                }
            } else {
                let _ = writeln!(s, "    {item}: {}", d.date);
            }
        }
    }
    if let Some(c) = &pair.concerns {
        block(&mut s, 0, "concerns", c);
    }
    s
}

/// `key: |` and `text` indented under it.
fn block(s: &mut String, indent: usize, key: &str, text: &str) {
    let pad = " ".repeat(indent);
    let _ = writeln!(s, "{pad}{key}: |");
    for line in text.lines() {
        if line.is_empty() {
            s.push('\n');
        } else {
            let _ = writeln!(s, "{pad}  {line}");
        }
    }
}

/// Whether `text` can be written without quotes, in block and flow context alike.
fn plain_ok(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    (first.is_alphabetic())
        && !text.ends_with(' ')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " -.'()/%’–".contains(c) || !c.is_ascii())
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "on" | "off" | "null" | "y" | "n"
        )
}

/// A one-line string: plain when safe, double-quoted otherwise.
pub fn scalar(text: &str) -> String {
    if plain_ok(text) {
        text.to_owned()
    } else {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }
}

/// A flow list: `[a, "b: c"]`.
fn flow<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|i| scalar(i.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}
