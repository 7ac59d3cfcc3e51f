//! A whole year of a pair kept through the editor alone: the bundled twelve-month pair
//! (`ana-lopez-ben-okafor`) made again from nothing by the forms of `serve --edit`, as a
//! coordinator would type it in month after month, and the site it gives compared with the site
//! of the file written by hand: every page of the pair, in the coordinators' edition and the
//! public one, byte for byte.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

use crate::harness::{Program, read_tree};
use crate::serve::Server;

const ID: &str = "ana-lopez-ben-okafor";
const FILE: &str = "content/pairs/ana-lopez-ben-okafor.yaml";

struct Client {
    addr: String,
    token: String,
}

impl Client {
    /// One request, as the editor's pages make it (with the served `Origin`).
    fn send(&self, method: &str, path: &str, body: &str) -> (u16, String, String) {
        let origin = format!("Origin: http://{}", self.addr);
        let a = crate::editor::request(&self.addr, method, path, &self.addr, &[&origin], body);
        (a.status, a.head, a.body)
    }

    /// The version of the pair file that the pair page's forms carry now.
    fn version(&self) -> String {
        let (_, _, html) = self.send("GET", &format!("/pairs/{ID}/"), "");
        let at = html
            .find("name=\"version\" value=\"")
            .expect("the pair page has the forms")
            + 22;
        html[at..at + 32].to_owned()
    }

    /// Posts the pair form `action` with `fields`, as the pair page would, and expects the save.
    fn save(&self, action: &str, fields: &[(&str, String)]) {
        let mut body = form_urlencoded::Serializer::new(String::new());
        body.append_pair("token", &self.token);
        body.append_pair("version", &self.version());
        body.append_pair("back", &format!("/pairs/{ID}/"));
        for (k, v) in fields {
            body.append_pair(k, v);
        }
        let (status, _, page) = self.send(
            "POST",
            &format!("/__mentorbook/edit/pair/{ID}/{action}"),
            &body.finish(),
        );
        assert_eq!(status, 303, "{action} {fields:?} was not saved:\n{page}");
    }
}

/// A YAML value as a form's text: strings as they are, numbers and dates as written, lists one
/// item a line.
fn typed(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim_end_matches('\n').to_owned(),
        Value::Array(items) => items.iter().map(typed).collect::<Vec<_>>().join("\n"),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, k| v.get(k))
}

#[test]
fn a_year_of_the_bundled_pair_kept_through_the_forms_builds_the_same_site() {
    let original = Program::bundled();
    let replayed = Program::bundled();
    let record: Value = serde_saphyr::from_str(&original.read(FILE)).unwrap();
    replayed.remove(FILE);
    let server = Server::start(&replayed, &["serve", "--edit", "-p", "0"], "editing: ");
    let list = {
        let c = Client {
            addr: server.addr.clone(),
            token: String::new(),
        };
        c.send("GET", "/__mentorbook/edit/", "").2
    };
    let token = {
        let at = list.find("name=\"token\" value=\"").unwrap() + 20;
        list[at..at + 64].to_owned()
    };
    let client = Client {
        addr: server.addr.clone(),
        token,
    };

    // The pair, as `new pair` makes it, from the list of pairs and people.
    let mut body = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("token", client.token.as_str()),
        ("version", ""),
        ("back", "/"),
        ("mentor", "ana-lopez"),
        ("mentee", "ben-okafor"),
        ("start", "2025-01-05"),
        ("id", ""),
    ] {
        body.append_pair(k, v);
    }
    let (status, _, page) = client.send("POST", "/__mentorbook/edit/new/pair", &body.finish());
    assert_eq!(status, 303, "{page}");

    // Then everything it says, form by form.
    for field in [
        "end",
        "initiated_by",
        "readiness.mentee_reflection",
        "readiness.mentor_reflection",
        "readiness.relationship_type",
        "first_meeting.date",
        "first_meeting.place",
        "first_meeting.notes",
        "vision",
    ] {
        if let Some(v) = at(&record, field) {
            client.save("text", &[("field", field.to_owned()), ("text", typed(v))]);
        }
    }
    for goal in record["goals"].as_array().unwrap() {
        let mut fields = vec![("id", typed(&goal["id"]))];
        for k in [
            "title",
            "status",
            "specific",
            "measurable",
            "attainable",
            "realistic",
            "timely",
        ] {
            fields.push((k, goal.get(k).map(typed).unwrap_or_default()));
        }
        client.save("goal-add", &fields);
    }
    for (g, goal) in record["goals"].as_array().unwrap().iter().enumerate() {
        for (m, milestone) in goal["milestones"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            client.save(
                "milestone-add",
                &[
                    ("goal", g.to_string()),
                    ("title", typed(&milestone["title"])),
                    ("due", milestone.get("due").map(typed).unwrap_or_default()),
                ],
            );
            if let Some(done) = milestone.get("done") {
                client.save(
                    "milestone",
                    &[
                        ("goal", g.to_string()),
                        ("index", m.to_string()),
                        ("done", typed(done)),
                    ],
                );
            }
        }
    }
    let agreement = &record["agreement"];
    for (key, value) in agreement.as_object().unwrap() {
        match value {
            Value::Object(inner) => {
                for (k, v) in inner {
                    client.save(
                        "text",
                        &[
                            ("field", format!("agreement.{key}.{k}")),
                            ("text", typed(v)),
                        ],
                    );
                }
            }
            v => client.save(
                "text",
                &[("field", format!("agreement.{key}")), ("text", typed(v))],
            ),
        }
    }
    for meeting in record["meetings"].as_array().unwrap() {
        let mut fields = vec![("date", typed(&meeting["date"]))];
        for k in ["title", "agenda", "follow_ups", "notes", "visibility"] {
            fields.push((k, meeting.get(k).map(typed).unwrap_or_default()));
        }
        client.save("meeting-add", &fields);
    }
    for evaluation in record["evaluations"].as_array().unwrap() {
        let mut fields = Vec::new();
        for k in ["date", "by", "rating", "summary", "notes", "visibility"] {
            fields.push((k, evaluation.get(k).map(typed).unwrap_or_default()));
        }
        client.save("evaluation-add", &fields);
    }
    let closure = &record["closure"];
    let mut fields = Vec::new();
    for k in ["date", "outcome", "summary", "next_steps"] {
        fields.push((k, closure.get(k).map(typed).unwrap_or_default()));
    }
    let reached: Vec<String> = closure["goals_reached"]
        .as_array()
        .unwrap()
        .iter()
        .map(typed)
        .collect();
    fields.push(("goals_reached", reached.join(", ")));
    client.save("closure", &fields);
    client.save(
        "text",
        &[
            ("field", "closure.reflection".to_owned()),
            ("text", typed(&closure["reflection"])),
        ],
    );
    for (phase, items) in record["progress"].as_object().unwrap() {
        for (item, done) in items.as_object().into_iter().flatten() {
            let (date, by, comment) = match done {
                Value::Object(m) => (
                    typed(&m["done"]),
                    m.get("by").map(typed).unwrap_or_default(),
                    m.get("comment").map(typed).unwrap_or_default(),
                ),
                d => (typed(d), String::new(), String::new()),
            };
            client.save(
                "tick",
                &[
                    ("phase", phase.clone()),
                    ("item", item.clone()),
                    ("done", date),
                    ("by", by),
                    ("comment", comment),
                ],
            );
        }
    }
    for field in ["phase", "concerns"] {
        if let Some(v) = at(&record, field) {
            client.save("text", &[("field", field.to_owned()), ("text", typed(v))]);
        }
    }
    // Every value went through a form the pages offer: each text field posted above is a form of
    // the pair's own page.
    let (_, _, page) = client.send("GET", &format!("/pairs/{ID}/"), "");
    let mut named = vec![
        "end".to_owned(),
        "initiated_by".to_owned(),
        "phase".to_owned(),
        "closure.reflection".to_owned(),
        "concerns".to_owned(),
    ];
    named.extend(
        [
            "readiness.mentee_reflection",
            "first_meeting.notes",
            "vision",
        ]
        .map(String::from),
    );
    for (key, value) in agreement.as_object().unwrap() {
        match value {
            Value::Object(inner) => {
                named.extend(inner.keys().map(|k| format!("agreement.{key}.{k}")))
            }
            _ => named.push(format!("agreement.{key}")),
        }
    }
    for name in named {
        assert!(
            page.contains(&format!("name=\"field\" value=\"{name}\"")),
            "the pair page has no form for {name}"
        );
    }
    drop(server);

    // The same site, in both editions.
    let made = replayed.read(FILE);
    crate::harness::run_in(replayed.root(), &["check"]).success();
    // The file a year of forms wrote, to read as a person would: the scaffold's comments kept, each
    // placeholder of a ticked item become its line, each entry where a person would put it.
    insta::assert_snapshot!("year_through_the_forms", made);
    for audience in ["public", "coordinators"] {
        let pages = |p: &Program| -> BTreeMap<PathBuf, Vec<u8>> {
            let out = format!("out-{audience}");
            crate::harness::run_as_of(
                p.root(),
                &["build", "--audience", audience, "-d", &out],
                p.today(),
            )
            .success();
            read_tree(&p.path(&out))
                .into_iter()
                .filter(|(path, _)| path.starts_with(format!("pairs/{ID}")))
                .collect()
        };
        let (want, got) = (pages(&original), pages(&replayed));
        assert!(!want.is_empty());
        for (path, bytes) in &want {
            assert!(
                got.get(path) == Some(bytes),
                "{audience}: {} differs; the file the forms wrote:\n{made}",
                path.display()
            );
        }
        assert_eq!(want.len(), got.len(), "{audience}: the same pages");
    }
}
