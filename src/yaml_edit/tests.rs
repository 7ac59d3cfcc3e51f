use super::*;

fn k(s: &str) -> Step {
    Step::Key(s.to_owned())
}

fn set(text: &str, path: &[Step], value: Value) -> String {
    let doc = Document::parse(text).expect("parses");
    let edits = doc.set(path, &value).expect("an edit");
    apply(text, &edits)
}

const PEOPLE: &str = "\
# Everyone in the program.
people:
  - id: ana-lopez   # the first mentor
    name: Ana López
    roles: [mentor, coordinator]

    # Contact is private.
    contact:
      email: ana@example.org
  - id: ben-okafor
    name: \"Ben Okafor\"
    roles:
      - mentee
    bio: |
      First year
      in practice.
    # trailing comment of ben
";

#[test]
fn a_scalar_is_replaced_and_nothing_else_moves() {
    let path = [k("people"), Step::Index(0), k("name")];
    let out = set(PEOPLE, &path, Value::Text("Dr. Ana López".into()));
    assert_eq!(
        out,
        PEOPLE.replace("name: Ana López", "name: Dr. Ana López")
    );
    let path = [k("people"), Step::Index(1), k("name")];
    let out = set(PEOPLE, &path, Value::Text("Ben O.".into()));
    assert_eq!(out, PEOPLE.replace("name: \"Ben Okafor\"", "name: Ben O."));
}

#[test]
fn a_nested_value_and_a_flow_list_are_replaced() {
    let path = [k("people"), Step::Index(0), k("contact"), k("email")];
    let out = set(PEOPLE, &path, Value::Text("ana@new.org".into()));
    assert_eq!(out, PEOPLE.replace("ana@example.org", "ana@new.org"));
    let path = [k("people"), Step::Index(0), k("roles")];
    let out = set(PEOPLE, &path, Value::Words(vec!["mentor".into()]));
    assert_eq!(out, PEOPLE.replace("[mentor, coordinator]", "[mentor]"));
}

#[test]
fn a_block_list_stays_a_block_list() {
    let path = [k("people"), Step::Index(1), k("roles")];
    let out = set(
        PEOPLE,
        &path,
        Value::Words(vec!["mentee".into(), "mentor".into()]),
    );
    assert_eq!(
        out,
        PEOPLE.replace("      - mentee\n", "      - mentee\n      - mentor\n")
    );
}

#[test]
fn a_missing_key_goes_after_the_last_entry_at_its_indentation() {
    let path = [k("people"), Step::Index(0), k("title")];
    let out = set(PEOPLE, &path, Value::Text("Surgeon".into()));
    assert_eq!(
        out,
        PEOPLE.replace(
            "      email: ana@example.org\n",
            "      email: ana@example.org\n    title: Surgeon\n"
        )
    );
    // After a block scalar, before the comment that follows it.
    let path = [k("people"), Step::Index(1), k("contact"), k("email")];
    let out = set(PEOPLE, &path, Value::Text("ben@example.org".into()));
    assert_eq!(
        out,
        PEOPLE.replace(
            "      in practice.\n",
            "      in practice.\n    contact:\n      email: ben@example.org\n"
        )
    );
    // Inside an existing mapping.
    let path = [k("people"), Step::Index(0), k("contact"), k("phone")];
    let out = set(PEOPLE, &path, Value::Text("+44 1".into()));
    assert_eq!(
        out,
        PEOPLE.replace(
            "      email: ana@example.org\n",
            "      email: ana@example.org\n      phone: +44 1\n"
        )
    );
}

#[test]
fn an_item_is_appended_with_the_lists_own_indentation() {
    let doc = Document::parse(PEOPLE).unwrap();
    let mut e = Entries::default();
    e.set(&["id"], Value::Word("cara".into()));
    e.set(&["name"], Value::Text("Cara".into()));
    e.set(&["contact", "email"], Value::Text("c@x.org".into()));
    let edit = doc.push_item(&[k("people")], &e).unwrap();
    let out = apply(PEOPLE, &[edit]);
    // After the comment indented under the last item, which is that item's.
    assert_eq!(
        out,
        PEOPLE.replace(
            "    # trailing comment of ben\n",
            "    # trailing comment of ben\n  - id: cara\n    name: Cara\n    contact:\n      email: c@x.org\n"
        )
    );
    // Another indentation: items at column 0, keys four further.
    let text = "people:\n-   id: a\n    name: A\n";
    let doc = Document::parse(text).unwrap();
    let mut e = Entries::default();
    e.set(&["id"], Value::Word("b".into()));
    let out = apply(text, &[doc.push_item(&[k("people")], &e).unwrap()]);
    assert_eq!(out, "people:\n-   id: a\n    name: A\n-   id: b\n");
    // A file without a final line feed.
    let text = "people:\n  - id: a";
    let doc = Document::parse(text).unwrap();
    let out = apply(text, &[doc.push_item(&[k("people")], &e).unwrap()]);
    assert_eq!(out, "people:\n  - id: a\n  - id: b\n");
}

#[test]
fn lines_name_where_a_value_is() {
    let doc = Document::parse(PEOPLE).unwrap();
    assert_eq!(
        doc.lines(&[k("people"), Step::Index(0), k("name")]),
        Some(4..5)
    );
    assert_eq!(
        doc.lines(&[k("people"), Step::Index(1), k("roles")]),
        Some(12..14)
    );
    assert_eq!(
        doc.lines(&[k("people"), Step::Index(1), k("bio")]),
        Some(14..17)
    );
}

#[test]
fn crlf_and_a_root_mapping() {
    let text = "# x\r\nname: Ana\r\nroles: [mentor]\r\n";
    let out = set(text, &[k("title")], Value::Text("Vet".into()));
    assert_eq!(out, "# x\r\nname: Ana\r\nroles: [mentor]\r\ntitle: Vet\r\n");
    let out = set(text, &[k("name")], Value::Text("Bea".into()));
    assert_eq!(out, text.replace("Ana", "Bea"));
}

#[test]
fn a_merge_changes_only_what_differs_and_adds_missing_keys_together() {
    let doc = Document::parse(PEOPLE).unwrap();
    let mut e = Entries::default();
    e.set(&["name"], Value::Text("Ana López".into()));
    e.set(
        &["roles"],
        Value::Words(vec!["mentor".into(), "coordinator".into()]),
    );
    e.set(&["contact", "email"], Value::Text("ana@example.org".into()));
    let path = [k("people"), Step::Index(0)];
    assert_eq!(doc.merge(&path, &e).unwrap(), vec![], "nothing differs");
    e.set(&["contact", "phone"], Value::Text("+44 1".into()));
    e.set(&["title"], Value::Text("Vet".into()));
    e.set(&["name"], Value::Text("Ana".into()));
    let out = apply(PEOPLE, &doc.merge(&path, &e).unwrap());
    assert_eq!(
        out,
        PEOPLE.replace("name: Ana López", "name: Ana").replace(
            "      email: ana@example.org\n",
            "      email: ana@example.org\n      phone: +44 1\n    title: Vet\n"
        )
    );
}

#[test]
fn lines_of_text_replace_a_value_as_a_block() {
    // A plain value, its comment moved to the indicator's line.
    let path = [k("people"), Step::Index(0), k("name")];
    let text = PEOPLE.replace("name: Ana López", "name: Ana López   # as on her badge");
    let out = set(&text, &path, Value::Text("Ana\nLópez\n".into()));
    assert_eq!(
        out,
        text.replace(
            "name: Ana López   # as on her badge",
            "name: |   # as on her badge\n      Ana\n      López"
        )
    );
    // A block, at its own indentation; a text without a final line break is `|-`.
    let path = [k("people"), Step::Index(1), k("bio")];
    let out = set(
        PEOPLE,
        &path,
        Value::Text("Second year\nin practice.".into()),
    );
    assert_eq!(
        out,
        PEOPLE.replace(
            "bio: |\n      First year\n      in practice.",
            "bio: |-\n      Second year\n      in practice."
        )
    );
    // One line over a block.
    let out = set(PEOPLE, &path, Value::Text("Vet.".into()));
    assert_eq!(
        out,
        PEOPLE.replace("bio: |\n      First year\n      in practice.", "bio: Vet.")
    );
}

#[test]
fn lists_keep_their_style_and_their_comments() {
    let text =
        "agenda: [Vision, Plan]\nfollow_ups:\n  - one   # first\n  # an idea\n  - two\n  - three\n";
    let out = set(
        text,
        &[k("agenda")],
        Value::Texts(vec!["Vision".into(), "Hopes: both, really".into()]),
    );
    assert_eq!(
        out,
        text.replace("[Vision, Plan]", "[Vision, \"Hopes: both, really\"]")
    );
    let out = set(
        text,
        &[k("follow_ups")],
        Value::Texts(vec!["one".into(), "2".into()]),
    );
    assert_eq!(
        out,
        "agenda: [Vision, Plan]\nfollow_ups:\n  - one   # first\n  # an idea\n  - \"2\"\n"
    );
    let out = set(text, &[k("follow_ups")], Value::Texts(vec!["one".into()]));
    assert_eq!(
        out,
        "agenda: [Vision, Plan]\nfollow_ups:\n  - one   # first\n  # an idea\n"
    );
}

#[test]
fn comments_within_leave_out_block_text() {
    let text = "notes: |\n  # A heading, not a comment\n  text\n# a comment\nnext: 1\n";
    let doc = Document::parse(text).unwrap();
    let notes = doc.get(&[k("notes")]).unwrap().clone();
    assert_eq!(
        doc.comments_within(std::slice::from_ref(&notes), 0..text.len(), 0),
        "# a comment\n"
    );
}

#[test]
fn lines_of_text_before_comments_under_the_key_stay_on_one_line() {
    let text = "vision: Short.\n  # to be written with Ben\nstart: 2025-01-05\n";
    let out = set(text, &[k("vision")], Value::Text("One\nTwo\n".into()));
    assert_eq!(out, text.replace("Short.", "\"One\\nTwo\\n\""));
}

#[test]
fn an_empty_block_scalar_at_the_end_is_its_own_indicator() {
    let tree = |text: &str| super::tree::parse(text).unwrap().unwrap();
    for text in [
        "a: |\n  x\nb: |",
        "a: |\n  x\nb: |\n",
        "a: >\n  x\nb: |\nc: 1",
    ] {
        let NodeKind::Map { entries, .. } = tree(text).kind else {
            panic!("a map")
        };
        let (_, b) = &entries[1];
        assert_eq!(&text[b.span.clone()], "|", "{text:?}");
    }
}
