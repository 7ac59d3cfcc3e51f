//! The text each record makes: a new person or pair file, or an existing file with the records
//! merged into it and new people added at the end of its list.

use std::collections::HashMap;
use std::path::Path;

use super::fields::Kind;
use super::plan::Record;
use crate::book::Book;
use crate::model::{Date, PersonId};
use crate::yaml_edit::{self, Document, Edit, Entries, Entry, Step, Value};

/// The text of a new file for `r` at `rel`: a person as `new person` writes one, a pair as
/// `new pair` does (with every checklist item), then the row's values.
pub fn new_file(kind: Kind, book: &Book, r: &Record, rel: &Path) -> String {
    match kind {
        Kind::People => {
            let mut t = crate::scaffold::new::person_header(rel);
            t.push_str(&r.entries.block(0, 2, None));
            t
        }
        Kind::Pairs => {
            let word = |key: &str| {
                r.entries.0.iter().find_map(|(k, e)| match e {
                    Entry::Value(Value::Word(s)) if k == key => Some(s.clone()),
                    _ => None,
                })
            };
            let ids = (
                word("mentor").and_then(|m| PersonId::new(&m).ok()),
                word("mentee").and_then(|m| PersonId::new(&m).ok()),
                word("start").and_then(|s| Date::parse(&s).ok()),
            );
            let (Some(mentor), Some(mentee), Some(start)) = ids else {
                // Not a pair the scaffold can start from: the values alone, for the checks to name.
                let mut t = crate::schema::FileKind::Pair.modeline(rel);
                t.push_str(&r.entries.block(0, 2, None));
                return t;
            };
            let new = crate::scaffold::new::NewPair {
                mentor: &mentor,
                mentee: &mentee,
                start,
                proposal: None,
            };
            let mut t = crate::scaffold::new::pair_scaffold(book, &new, rel);
            if word("end").is_some() {
                // The scaffold's end is the default length's, said in a comment: the row's own
                // end replaces the line.
                let end = start.plus_months(book.info.default_length_months.value);
                let line = t
                    .lines()
                    .find(|l| l.starts_with(&format!("end: {end}")))
                    .map(str::to_owned);
                if let Some(line) = line {
                    t = t.replacen(&line, &format!("end: {end}"), 1);
                }
            }
            merged(&t, &[], &r.entries)
        }
    }
}

/// `text` with `entries` merged into the mapping at `path`; `text` itself when it cannot be
/// (the checks then name what is wrong).
fn merged(text: &str, path: &[Step], entries: &Entries) -> String {
    match Document::parse(text)
        .ok()
        .and_then(|d| d.merge(path, entries).ok())
    {
        Some(edits) => yaml_edit::apply(text, &edits),
        None => text.to_owned(),
    }
}

/// The text of one existing file with `updates` merged into the people or pair they name, then
/// `appends` added at the end of the people list, and how many of `updates` change nothing.
/// Errors name the record (by index into the table's rows) that could not be placed.
pub fn edit_file(
    text: &str,
    list: bool,
    updates: &[&Record],
    appends: &[&Record],
) -> Result<(String, usize), (usize, String)> {
    let doc = Document::parse(text).map_err(|e| (usize::MAX, e.to_string()))?;
    let index = if list { indexes(&doc) } else { HashMap::new() };
    let mut edits: Vec<Edit> = Vec::new();
    let mut unchanged = 0;
    for r in updates {
        let path = if list {
            let at = index
                .get(&r.id)
                .ok_or((r.row, format!("`{}` is not in the list", r.id)))?;
            vec![Step::from("people"), Step::Index(*at)]
        } else {
            Vec::new()
        };
        let merge = doc
            .merge(&path, &r.entries)
            .map_err(|e| (r.row, e.to_string()))?;
        if merge.is_empty() {
            unchanged += 1;
        }
        edits.extend(merge);
    }
    for r in appends {
        let mut item = Entries::default();
        item.0
            .push(("id".to_owned(), Entry::Value(Value::Word(r.id.clone()))));
        item.0.extend(r.entries.0.iter().cloned());
        edits.push(
            doc.push_item(&[Step::from("people")], &item)
                .map_err(|e| (r.row, e.to_string()))?,
        );
    }
    Ok((yaml_edit::apply(text, &edits), unchanged))
}

/// The index of each person in a people list, by id.
pub fn indexes(doc: &Document<'_>) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let Some(crate::yaml_edit::Node {
        kind: crate::yaml_edit::NodeKind::Seq { items, .. },
        ..
    }) = doc.get(&[Step::from("people")])
    else {
        return out;
    };
    for (i, item) in items.iter().enumerate() {
        if let crate::yaml_edit::NodeKind::Map { entries, .. } = &item.kind
            && let Some((_, v)) = entries.iter().find(|(k, _)| k.as_str() == Some("id"))
            && let Some(id) = v.as_str()
        {
            out.entry(id.to_owned()).or_insert(i);
        }
    }
    out
}
