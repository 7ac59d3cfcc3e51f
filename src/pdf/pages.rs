//! Where each part of a printed page fell: the page number of every element a link of the page
//! points to, read from the PDF Chromium wrote. The contents pages get their page numbers from it
//! (see [`super::browser::print_page`]).
//!
//! Chromium (Skia) writes a named destination for every element that a link of the page points to,
//! in a `/Dests` dictionary of the catalog (`/readiness [40 0 R /XYZ 0 591.4 0]`), and its objects
//! uncompressed (only streams are compressed). So the page of each destination is the position of
//! its page object in the page tree, read without a PDF library. A PDF laid out otherwise gives no
//! destinations, and the contents then go without numbers.

use std::collections::BTreeMap;

/// The page number (from 1) of each named destination of `pdf`, by its name (the element's id).
pub fn destinations(pdf: &[u8]) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    let Some(catalog) = find_catalog(pdf) else {
        return found;
    };
    let (Some(root), Some(dests)) = (reference(catalog, b"/Pages"), reference(catalog, b"/Dests"))
    else {
        return found;
    };
    let mut pages = Vec::new();
    page_order(pdf, root, &mut pages, 0);
    let Some(body) = object(pdf, dests) else {
        return found;
    };
    // `/name [N 0 R /XYZ x y z]`, one a line.
    let text = String::from_utf8_lossy(body);
    for entry in text.split('/').skip(1) {
        let Some((name, rest)) = entry.split_once('[') else {
            continue;
        };
        let Some(page) = rest
            .split_whitespace()
            .next()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if let Some(i) = pages.iter().position(|p| *p == page) {
            found.insert(unescape(name.trim()), i + 1);
        }
    }
    found
}

/// The body of object `n` (`n 0 obj ... endobj`).
fn object(pdf: &[u8], n: u32) -> Option<&[u8]> {
    let head = format!("\n{n} 0 obj");
    let start = find(pdf, head.as_bytes())? + head.len();
    let len = find(&pdf[start..], b"endobj")?;
    Some(&pdf[start..start + len])
}

/// The catalog's dictionary.
fn find_catalog(pdf: &[u8]) -> Option<&[u8]> {
    let at = find(pdf, b"/Type /Catalog")?;
    let end = find(&pdf[at..], b"endobj")?;
    Some(&pdf[at..at + end])
}

/// The object number after `key` in a dictionary: `key N 0 R`.
fn reference(dict: &[u8], key: &[u8]) -> Option<u32> {
    let at = find(dict, key)? + key.len();
    String::from_utf8_lossy(&dict[at..])
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The page objects under the page tree node `n`, in order, appended to `out`.
fn page_order(pdf: &[u8], n: u32, out: &mut Vec<u32>, depth: usize) {
    let Some(body) = object(pdf, n) else { return };
    let Some(kids) = find(body, b"/Kids").filter(|_| depth < 32) else {
        out.push(n);
        return;
    };
    let rest = &body[kids..];
    let (Some(open), Some(close)) = (find(rest, b"["), find(rest, b"]")) else {
        return;
    };
    let list = String::from_utf8_lossy(&rest[open + 1..close]).into_owned();
    let words: Vec<&str> = list.split_whitespace().collect();
    for kid in words.chunks(3) {
        if let [num, _, "R"] = kid
            && let Ok(num) = num.parse()
        {
            page_order(pdf, num, out, depth + 1);
        }
    }
}

/// A PDF name with its `#xx` escapes decoded.
fn unescape(name: &str) -> String {
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'#'
            && let Some(b) = name
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_numbered_by_the_page_tree() {
        let pdf = b"%PDF-1.4\n\
            1 0 obj\n<</Type /Page /Parent 4 0 R>>\nendobj\n\
            2 0 obj\n<</Type /Page /Parent 5 0 R>>\nendobj\n\
            3 0 obj\n<</Type /Page /Parent 5 0 R>>\nendobj\n\
            4 0 obj\n<</Type /Pages /Count 1 /Kids [1 0 R] /Parent 6 0 R>>\nendobj\n\
            5 0 obj\n<</Type /Pages /Count 2 /Kids [3 0 R 2 0 R] /Parent 6 0 R>>\nendobj\n\
            6 0 obj\n<</Type /Pages /Count 3 /Kids [4 0 R 5 0 R]>>\nendobj\n\
            7 0 obj\n<</a-b [2 0 R /XYZ 0 841.9 0]\n/first [1 0 R /XYZ 0 10 0]\n/caf#C3#A9 [3 0 R /XYZ 0 1 0]>>\nendobj\n\
            8 0 obj\n<</Type /Catalog\n/Pages 6 0 R\n/Dests 7 0 R>>\nendobj\n";
        let found = destinations(pdf);
        assert_eq!(found["first"], 1);
        assert_eq!(found["café"], 2);
        assert_eq!(found["a-b"], 3);
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn a_pdf_without_destinations_gives_none() {
        assert!(
            destinations(b"%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n")
                .is_empty()
        );
        assert!(destinations(b"not a pdf").is_empty());
    }
}
