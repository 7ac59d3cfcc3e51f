//! The fields a column can fill, for people and for pairs: each one's path in the YAML, how a cell
//! becomes its value, and the words in a column's header that suggest it.

use crate::yaml_edit::Value;

/// What `import` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// People: `content/people/<id>.yaml`, or entries of `content/people.yaml`.
    People,
    /// Pairs: `content/pairs/<id>.yaml`.
    Pairs,
}

/// How a cell becomes a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Free text.
    Text,
    /// One word as YAML reads it: a date, a number, an id, a time zone.
    Word,
    /// One word of a fixed list, written as people write it: `In person` is `in_person`.
    Choice,
    /// A list of words of a fixed list.
    Choices,
    /// A person: an id, or a name made into one (`Ana López` is `ana-lopez`).
    Person,
    /// A list of people.
    People,
    /// A list of the program's tags: an id, or a tag's label (`Client communication`).
    Tags,
    /// A list of lower-case words (language codes).
    Words,
}

/// A field a column can fill.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Its path in the YAML: `contact.email`.
    pub path: &'static str,
    /// How a cell becomes its value.
    pub shape: Shape,
    /// Words of a column header that suggest this field (lower case), for `--write-map`.
    pub hints: &'static [&'static str],
}

const fn field(path: &'static str, shape: Shape, hints: &'static [&'static str]) -> Field {
    Field { path, shape, hints }
}

/// A person's fields, in the order a person file writes them.
pub const PEOPLE: &[Field] = &[
    field(
        "id",
        Shape::Person,
        &["id", "username", "user name", "handle"],
    ),
    field("name", Shape::Text, &["full name", "name"]),
    field(
        "roles",
        Shape::Choices,
        &["role", "mentor or mentee", "apply as", "join as"],
    ),
    field(
        "title",
        Shape::Text,
        &["job title", "title", "position", "job", "occupation"],
    ),
    field(
        "bio",
        Shape::Text,
        &[
            "bio",
            "about you",
            "introduce yourself",
            "introduction",
            "about",
        ],
    ),
    field("contact.email", Shape::Text, &["email", "e-mail", "mail"]),
    field(
        "contact.phone",
        Shape::Text,
        &["phone", "mobile", "telephone"],
    ),
    field(
        "contact.notes",
        Shape::Text,
        &["contact notes", "how to reach"],
    ),
    field(
        "profile.expertise",
        Shape::Tags,
        &[
            "expertise",
            "can offer",
            "could offer",
            "skills",
            "areas you could help",
        ],
    ),
    field(
        "profile.interests",
        Shape::Tags,
        &[
            "interests",
            "interested in",
            "want to learn",
            "grow in",
            "hope to learn",
        ],
    ),
    field(
        "profile.goals",
        Shape::Text,
        &["goal", "goals", "hope to achieve"],
    ),
    field(
        "profile.capacity",
        Shape::Word,
        &["capacity", "how many mentees"],
    ),
    field(
        "profile.availability.modes",
        Shape::Choices,
        &[
            "meet",
            "meeting mode",
            "how would you like to meet",
            "modes",
        ],
    ),
    field(
        "profile.availability.times",
        Shape::Choices,
        &[
            "times",
            "availability",
            "when can you meet",
            "when are you available",
        ],
    ),
    field(
        "profile.languages",
        Shape::Words,
        &["language", "languages"],
    ),
    field("profile.time_zone", Shape::Word, &["time zone", "timezone"]),
    field(
        "profile.location",
        Shape::Text,
        &["location", "where are you based", "city", "based"],
    ),
    field(
        "profile.exclusions",
        Shape::People,
        &[
            "exclusions",
            "not be paired",
            "conflict of interest",
            "conflicts of interest",
        ],
    ),
    field(
        "profile.wishes",
        Shape::People,
        &[
            "wishes",
            "preferred mentor",
            "preferred mentors",
            "would like as a mentor",
        ],
    ),
];

/// A pair's fields.
pub const PAIRS: &[Field] = &[
    field("id", Shape::Person, &["pair id", "id"]),
    field("mentor", Shape::Person, &["mentor"]),
    field("mentee", Shape::Person, &["mentee"]),
    field("start", Shape::Word, &["start", "begin", "from"]),
    field("end", Shape::Word, &["end", "until", "finish"]),
    field(
        "initiated_by",
        Shape::Choice,
        &["initiated", "who asked", "came together"],
    ),
    field("vision", Shape::Text, &["vision", "purpose"]),
];

/// What a column is for: a field, or nothing.
pub const IGNORE: &str = "ignore";

/// Headers that are never a field: a form's time stamp.
const NEVER: &[&str] = &["timestamp", "time stamp", "submitted", "submission"];

impl Kind {
    /// The fields of this kind.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::People => PEOPLE,
            Kind::Pairs => PAIRS,
        }
    }

    /// The field at `path`.
    pub fn field(self, path: &str) -> Option<&'static Field> {
        self.fields().iter().find(|f| f.path == path)
    }

    /// The word for one thing made: `person`, `pair`.
    pub fn one(self) -> &'static str {
        match self {
            Kind::People => "person",
            Kind::Pairs => "pair",
        }
    }

    /// The fields a row must give (the id is made when no column gives it).
    pub fn required(self) -> &'static [&'static str] {
        match self {
            Kind::People => &["name", "roles"],
            Kind::Pairs => &["mentor", "mentee", "start"],
        }
    }

    /// The field a column headed `header` most likely fills, or [`IGNORE`] for a form's time
    /// stamp; `None` when nothing fits.
    pub fn guess(self, header: &str) -> Option<&'static str> {
        let h = header.trim().to_lowercase();
        if self.field(&h).is_some() {
            return self.field(&h).map(|f| f.path);
        }
        if NEVER.iter().any(|n| h.starts_with(n)) {
            return Some(IGNORE);
        }
        // The longest hint found in the header wins: "pair id" over "id", "job title" over "title".
        self.fields()
            .iter()
            .flat_map(|f| f.hints.iter().map(move |hint| (f, *hint)))
            .filter(|(_, hint)| contains_word(&h, hint))
            .max_by_key(|(_, hint)| hint.len())
            .map(|(f, _)| f.path)
    }
}

/// Whether `hint` is in `text` as whole words.
fn contains_word(text: &str, hint: &str) -> bool {
    text.match_indices(hint).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + hint.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The items of a list cell: split at `;` and at `, ` (a form joins checkbox answers so).
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split(';')
        .flat_map(|part| part.split(", "))
        .map(|s| s.trim().trim_end_matches(',').trim())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `In person` as a word of a fixed list: `in_person`.
pub fn choice(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// A person written as an id, or as a name to make one from.
pub fn person(s: &str) -> String {
    let s = s.trim();
    if crate::model::PersonId::new(s).is_ok() {
        s.to_owned()
    } else {
        crate::slug::slugify(s)
    }
}

/// The value of a non-empty cell for a field of `shape`; `tags` are the program's tags as
/// (id, label), to read a label as its tag.
pub fn value(shape: Shape, cell: &str, tags: &[(String, String)]) -> Value {
    match shape {
        Shape::Text => Value::Text(cell.replace("\r\n", "\n")),
        Shape::Word => Value::Word(cell.to_owned()),
        Shape::Choice => Value::Word(choice(cell)),
        Shape::Choices => Value::Words(split_list(cell).iter().map(|s| choice(s)).collect()),
        Shape::Person => Value::Word(person(cell)),
        Shape::People => Value::Words(split_list(cell).iter().map(|s| person(s)).collect()),
        Shape::Words => Value::Words(split_list(cell).iter().map(|s| s.to_lowercase()).collect()),
        Shape::Tags => Value::Words(
            split_list(cell)
                .iter()
                .map(|s| {
                    tags.iter()
                        .find(|(id, label)| id == s || label.eq_ignore_ascii_case(s))
                        .map_or_else(|| crate::slug::slugify(s), |(id, _)| id.clone())
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_from_form_questions() {
        let k = Kind::People;
        assert_eq!(k.guess("Timestamp"), Some(IGNORE));
        assert_eq!(k.guess("Email Address"), Some("contact.email"));
        assert_eq!(k.guess("Full name"), Some("name"));
        assert_eq!(
            k.guess("Do you want to join as a mentor or mentee?"),
            Some("roles")
        );
        assert_eq!(k.guess("Job title"), Some("title"));
        assert_eq!(k.guess("contact.phone"), Some("contact.phone"));
        assert_eq!(k.guess("Favourite colour"), None);
        assert_eq!(Kind::Pairs.guess("Pair ID"), Some("id"));
        assert_eq!(
            k.guess("What time zone are you in?"),
            Some("profile.time_zone")
        );
        assert_eq!(
            k.guess("When can you meet?"),
            Some("profile.availability.times")
        );
        assert_eq!(
            k.guess("How would you like to meet?"),
            Some("profile.availability.modes")
        );
        assert_eq!(k.guess("Areas of expertise"), Some("profile.expertise"));
        assert_eq!(
            k.guess("What do you want to learn?"),
            Some("profile.interests")
        );
    }

    #[test]
    fn cells_become_values() {
        assert_eq!(
            split_list("In person, Video;Phone"),
            ["In person", "Video", "Phone"]
        );
        assert_eq!(choice(" In person "), "in_person");
        assert_eq!(person("Ana López"), "ana-lopez");
        assert_eq!(person("ana-lopez"), "ana-lopez");
        let tags = [(
            "client-communication".to_owned(),
            "Client communication".to_owned(),
        )];
        assert_eq!(
            value(Shape::Tags, "client communication, Surgery", &tags),
            Value::Words(vec!["client-communication".into(), "surgery".into()])
        );
    }
}
