//! Person edits, in a person file and in `content/people.yaml`.

use super::*;
use crate::model::person::PeopleFile;

fn person(text: &str, at: &[Step], fields: PersonFields) -> String {
    apply_person(text, at, &PersonChange::Edit { fields }).expect("an edit")
}

#[test]
fn a_person_file_is_edited() {
    let person_text = fixture("tests/fixtures/edit/person.yaml");
    let person_fixture = person_text.as_str();
    let out = person(
        person_fixture,
        &[],
        PersonFields {
            name: Some("Dr. Ana López".into()),
            title: Some("Senior surgeon".into()),
            bio: Some("Twenty years in surgery.\nLoves teaching.".into()),
            email: Some("ana@example.org".into()),
            phone: Some("+44 20 7946 0103".into()),
            roles: Some(vec!["mentor".into(), "coordinator".into()]),
        },
    );
    let p: crate::model::Person = serde_saphyr::from_str(&out).expect("loads");
    assert_eq!(p.name, "Dr. Ana López");
    insta::assert_snapshot!(diff(person_fixture, &out));
}

#[test]
fn a_person_of_the_people_list_is_edited() {
    let people = fixture("content/people.yaml");
    let people_fixture = people.as_str();
    let at = [Step::from("people"), Step::Index(2)];
    let out = person(
        people_fixture,
        &at,
        PersonFields {
            title: Some("Head of surgery".into()),
            phone: Some(String::new()),
            email: Some("ana.lopez@example.org".into()),
            ..PersonFields::default()
        },
    );
    let _: PeopleFile = serde_saphyr::from_str(&out).expect("loads");
    insta::assert_snapshot!(diff(people_fixture, &out));
    let err = apply_person(
        people_fixture,
        &[Step::from("people"), Step::Index(99)],
        &PersonChange::Edit {
            fields: PersonFields::default(),
        },
    )
    .expect_err("no such person");
    assert!(err.to_string().starts_with("`people` has no item 99"));
}
