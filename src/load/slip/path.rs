//! The key path of a line, from the indentation of the lines above it.

use super::lines::Line;

/// The path of the key `k` of the list item `item` (the `index`th of its list), when `k` is put in
/// that item.
pub(super) fn seq_path_for_key(
    lines: &[Line<'_>],
    item: &Line<'_>,
    index: usize,
    k: &str,
) -> Option<String> {
    let at = lines.iter().position(|l| std::ptr::eq(l, item))?;
    let (owner, _) = item_path_parts(lines, at)?;
    Some(format!("{owner}[{index}].{k}"))
}

/// The index of the list item `lines[at]` (a `- ` line) among the items of its list.
pub(super) fn index_of_item(lines: &[Line<'_>], at: usize) -> usize {
    let c = lines[at].indent;
    lines[..at]
        .iter()
        .rev()
        .filter(|l| !l.text)
        .take_while(|l| l.indent > c || (l.indent == c && l.dash))
        .filter(|l| l.indent == c && l.dash)
        .count()
}

/// For the list item `lines[at]`: the path of the list it is in, and the index of the line where
/// the search for the list's own key stopped.
pub(super) fn item_path_parts(lines: &[Line<'_>], at: usize) -> Option<(String, usize)> {
    let c = lines[at].indent;
    let mut j = at;
    while j > 0 {
        j -= 1;
        let l = &lines[j];
        if l.text || l.indent > c || (l.indent == c && l.dash) {
            continue;
        }
        // The key that owns the list: less indented, or at the same column (a compact list).
        if l.opens_block() && l.body_col <= c {
            let (key, _) = l.key?;
            let owner = path_at(lines, j, key)?;
            return Some((owner, j));
        }
        return None;
    }
    None
}

/// The key path of the key `key` written (or meant to be written) at `lines[i]`'s column, from
/// the indentation of the lines above; `None` when they do not say it for sure.
pub(super) fn path_at(lines: &[Line<'_>], i: usize, key: &str) -> Option<String> {
    if key.is_empty() || key.contains(['.', '[', ']']) {
        return None;
    }
    let line = &lines[i];
    let mut want = line.body_col;
    let mut parts: Vec<String> = vec![key.to_owned()];
    if line.dash {
        parts.push(format!("[{}]", index_of_item(lines, i)));
        let (owner, _) = item_path_parts(lines, i)?;
        return Some(join(owner, parts));
    }
    let mut j = i;
    while j > 0 {
        j -= 1;
        let l = &lines[j];
        if l.text {
            continue;
        }
        if l.dash {
            if l.indent >= want {
                continue;
            }
            if l.body_col == want && l.key.is_some() {
                // The first key of the item that holds this line.
                parts.push(format!("[{}]", index_of_item(lines, j)));
                let (owner, _) = item_path_parts(lines, j)?;
                return Some(join(owner, parts));
            }
            if l.body_col < want && l.opens_block() {
                let (k, _) = l.key?;
                parts.push(k.to_owned());
                parts.push(format!("[{}]", index_of_item(lines, j)));
                let (owner, _) = item_path_parts(lines, j)?;
                return Some(join(owner, parts));
            }
            return None;
        }
        if l.indent >= want {
            continue;
        }
        let (k, _) = l.key.filter(|_| l.opens_block())?;
        parts.push(k.to_owned());
        want = l.indent;
    }
    (want == 0).then(|| join(String::new(), parts))
}

/// `owner` and the `parts` (innermost first) as one path, `goals[0].title`.
pub(super) fn join(owner: String, mut parts: Vec<String>) -> String {
    parts.reverse();
    let mut out = owner;
    for p in parts {
        if !p.starts_with('[') && !out.is_empty() {
            out.push('.');
        }
        out.push_str(&p);
    }
    out
}
