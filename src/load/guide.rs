//! Guide chapters: Markdown with YAML front matter.

use crate::diagnostic::{Code, Problem, Span};
use crate::load::yaml::{SourceFile, parse_str};
use crate::markdown;
use crate::model::{Chapter, ChapterId, FrontMatter, Located};

/// Splits the front matter from the body and renders the body.
/// With `raw_html`, raw HTML in the body is kept as written (`[build] allow-raw-html`).
pub fn chapter(id: ChapterId, file: &SourceFile, raw_html: bool) -> Result<Chapter, Problem> {
    let text: &str = &file.text;
    let normalized = text.replace("\r\n", "\n");
    let Some(after_open) = normalized.strip_prefix("---\n") else {
        return Err(Problem::error(Code::FrontMatter, Span { file: file.path.clone(), line: 1, column: 1 }, "the chapter has no front matter")
            .hint("start the file with a front matter block: a line `---`, then `title: ...` and `order: 1`, then a line `---`")
            .with_source(&file.text));
    };
    let close = after_open.find("\n---\n").map(|i| (i, i + 5)).or_else(|| {
        after_open
            .strip_suffix("\n---")
            .map(|rest| (rest.len(), after_open.len()))
    });
    let Some((end, body_start)) = close else {
        return Err(Problem::error(
            Code::FrontMatter,
            Span {
                file: file.path.clone(),
                line: 1,
                column: 1,
            },
            "the front matter is never closed",
        )
        .hint("did you forget the `---` line after the front matter?")
        .with_source(&file.text));
    };
    let front: FrontMatter = parse_str(&file.path, &after_open[..end], 1, &file.text)?;
    let body = &after_open[body_start..];
    let mut headings = Vec::new();
    let html = markdown::to_html_with(body, &mut headings, Some(&chapter_link), !raw_html);
    let body_offset = normalized.len() - body.len();
    let links = chapter_links(body)
        .map(|(stem, at)| {
            let (line, column) = crate::config::line_column(&normalized, body_offset + at);
            Located {
                value: stem,
                line,
                column,
            }
        })
        .collect();
    Ok(Chapter {
        id,
        source: file.path.clone(),
        front,
        body: body.to_owned(),
        html,
        headings,
        links,
    })
}

/// The chapter links of a body (`other.md`, `./other.md#part`), as the id they name and their
/// byte offset in the body, for checking that they point somewhere.
fn chapter_links(body: &str) -> impl Iterator<Item = (String, usize)> + '_ {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new(body)
        .into_offset_iter()
        .filter_map(|(event, range)| {
            let Event::Start(Tag::Link { dest_url, .. }) = event else {
                return None;
            };
            if dest_url.contains("://") || dest_url.starts_with('/') {
                return None;
            }
            let url = dest_url.strip_prefix("./").unwrap_or(&dest_url);
            let path = url.split('#').next().unwrap_or(url);
            let stem = path.strip_suffix(".md")?;
            Some((stem.to_owned(), range.start))
        })
}

/// `other.md#part` (a sibling chapter) becomes `../other/index.html#part`.
fn chapter_link(url: &str) -> Option<String> {
    let (stem, fragment) = Chapter::link_target(url)?;
    Some(match fragment {
        Some(f) => format!("../{stem}/index.html#{f}"),
        None => format!("../{stem}/index.html"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "content/guide/x.md".into(),
            text: Arc::from(text),
        }
    }

    #[test]
    fn reads_front_matter_and_body() {
        let c = chapter(
            ChapterId::new("x").unwrap(),
            &file("---\ntitle: X\norder: 2\n---\n## Part\nSee [b](b.md#one).\n"),
            false,
        )
        .unwrap();
        assert_eq!(c.front.title, "X");
        assert_eq!(c.front.order, Some(2));
        assert!(
            c.html.contains(r#"href="../b/index.html#one""#),
            "{}",
            c.html
        );
        assert_eq!(c.headings[0].id, "part");
    }

    #[test]
    fn reports_front_matter_errors_at_the_file_line() {
        let e = chapter(
            ChapterId::new("x").unwrap(),
            &file("---\ntitle: X\nordre: 2\n---\n"),
            false,
        )
        .unwrap_err();
        assert_eq!((e.span.line, e.span.column), (3, 1));
        assert_eq!(e.hint.as_deref(), Some("did you mean `order`?"));
        let e = chapter(
            ChapterId::new("x").unwrap(),
            &file("# No front matter\n"),
            false,
        )
        .unwrap_err();
        assert_eq!(e.code, Code::FrontMatter);
    }
}
