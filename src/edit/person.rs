//! The changes to a person, in a person file (`content/people/<id>.yaml`) or an item of
//! `content/people.yaml`.

use super::EditError;
use super::change::PersonChange;
use super::pair::{Fields, set_fields};
use super::text::{Doc, Order};
use super::value::{items, opt_text};
use crate::yaml_edit::{Edit, Step, Value};

const PERSON: Order = &[
    &["id"],
    &["name"],
    &["roles"],
    &["title"],
    &["bio"],
    &["contact"],
    &["profile"],
];
const CONTACT: Order = &[&["email"], &["phone"], &["notes"]];

/// The order of the mapping at `path` of a people file.
pub(super) fn schema(path: &[Step]) -> Order {
    match path.last() {
        Some(Step::Key(k)) if k == "contact" => CONTACT,
        Some(Step::Key(k)) if k == "people" => &[],
        _ => PERSON,
    }
}

/// The edits that make `change` to the person at `at`.
pub(super) fn edits(
    doc: &Doc<'_>,
    at: &[Step],
    change: &PersonChange,
) -> Result<Vec<Edit>, EditError> {
    if let Some((Step::Index(i), list)) = at.split_last() {
        doc.item(list, *i)?;
    }
    let PersonChange::Edit { fields: f } = change;
    let person: Fields = vec![
        ("name", opt_text(&f.name)),
        ("roles", f.roles.as_ref().map(|r| Value::Words(items(r)))),
        ("title", opt_text(&f.title)),
        ("bio", opt_text(&f.bio)),
    ];
    let mut edits = set_fields(doc, at, &person)?;
    let mut contact = at.to_vec();
    contact.push(Step::from("contact"));
    let fields: Fields = vec![("email", opt_text(&f.email)), ("phone", opt_text(&f.phone))];
    edits.extend(set_fields(doc, &contact, &fields)?);
    Ok(edits)
}
