//! Text for the search index: Markdown to plain text cut at its headings, and words, folded
//! (the book's language then stems them: [`super::language`]).

use std::borrow::Cow;

use super::fold::FOLD;
use crate::markdown;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// A part of a Markdown document: the text before its first heading, or a heading (level 2 or
/// deeper, the ones with anchors) and the text up to the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading's anchor id, the same as on the page; `None` for the text before any heading.
    pub anchor: Option<String>,
    /// The heading's text (empty for the text before any heading).
    pub title: String,
    /// The text, whitespace collapsed.
    pub text: String,
}

impl Section {
    /// The part being read: the title while in the heading, the text after it.
    fn part(&mut self, in_heading: bool) -> &mut String {
        if in_heading {
            &mut self.title
        } else {
            &mut self.text
        }
    }
}

/// Splits Markdown into [`Section`]s with the anchors [`markdown::to_html`] gives the headings.
/// Raw HTML is left out; the text before the first heading is a section only when it has text.
pub fn sections(source: &str) -> Vec<Section> {
    let mut events: Vec<Event<'_>> = Parser::new_ext(source, markdown::options()).collect();
    markdown::anchor_headings(&mut events, &mut Vec::new(), "");
    let mut out = vec![Section {
        anchor: None,
        title: String::new(),
        text: String::new(),
    }];
    let mut in_heading = false;
    // Inside a raw `<script>` or `<style>`, whose text the page never shows (ammonia drops it).
    let mut in_raw = false;
    for event in &events {
        let section = out.last_mut().expect("never empty");
        match event {
            Event::Html(h) | Event::InlineHtml(h) => in_raw = raw_text_after(h, in_raw),
            Event::Text(_) | Event::Code(_) if in_raw => {}
            Event::Start(Tag::Heading { level, id, .. }) if *level != HeadingLevel::H1 => {
                out.push(Section {
                    anchor: id.as_ref().map(|i| i.to_string()),
                    title: String::new(),
                    text: String::new(),
                });
                in_heading = true;
            }
            Event::End(TagEnd::Heading(level)) if *level != HeadingLevel::H1 => in_heading = false,
            Event::Text(t) | Event::Code(t) => section.part(in_heading).push_str(t),
            Event::End(end) if joins_words(end) => {}
            // A break separates words in a heading too (a setext heading spans lines).
            Event::SoftBreak | Event::HardBreak | Event::End(_) => {
                section.part(in_heading).push(' ')
            }
            _ => {}
        }
    }
    for s in &mut out {
        for part in [&mut s.text, &mut s.title] {
            if let Cow::Owned(collapsed) = collapse(part) {
                *part = collapsed;
            }
        }
    }
    if out[0].text.is_empty() {
        out.remove(0);
    }
    out
}

/// Whether the end of `tag` joins the words on either side: inline markup does, and the end of a
/// block separates them.
fn joins_words(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

/// Whether the text after the raw HTML `html` is the content of a `<script>` or `<style>`
/// element, given whether the text before it was (`inside`).
fn raw_text_after(html: &str, inside: bool) -> bool {
    let h = html.to_ascii_lowercase();
    let last = |tags: [&str; 2]| tags.iter().filter_map(|t| h.rfind(t)).max();
    match (last(["<script", "<style"]), last(["</script", "</style"])) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        (None, Some(_)) => false,
        (None, None) => inside,
    }
}

/// The whole text of some Markdown, without headings' structure: what [`sections`] gives, titles
/// and texts in order, one space apart.
#[cfg(test)]
pub fn plain(source: &str) -> String {
    let mut text = String::new();
    push_plain(source, &mut text);
    text
}

/// Appends the whole text of some Markdown to `out`, whitespace collapsed, one space after what
/// `out` already holds. The same text as [`sections`] finds, in one pass over the parser's events:
/// no event list, no heading anchors and no string per section, for the thousands of short fields
/// of a large program.
pub fn push_plain(source: &str, out: &mut String) {
    // Whether whitespace (or a block's end) came since the last word.
    let mut gap = true;
    let mut in_raw = false;
    for event in Parser::new_ext(source, markdown::options()) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => in_raw = raw_text_after(&h, in_raw),
            Event::Text(_) | Event::Code(_) if in_raw => {}
            Event::Text(t) | Event::Code(t) => push_collapsed(&t, out, &mut gap),
            Event::End(end) if joins_words(&end) => {}
            Event::Start(Tag::Heading { .. })
            | Event::SoftBreak
            | Event::HardBreak
            | Event::End(_) => gap = true,
            _ => {}
        }
    }
}

/// Appends the words of `text` to `out`: one space between words, and before the first when a gap
/// came before it and `out` is not empty. `gap` says afterwards whether `text` ended in whitespace.
fn push_collapsed(text: &str, out: &mut String, gap: &mut bool) {
    let mut words = text.split_whitespace().peekable();
    if words.peek().is_none() {
        *gap |= !text.is_empty();
        return;
    }
    let mut space = *gap || text.starts_with(char::is_whitespace);
    for word in words {
        if space && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        space = true;
    }
    *gap = text.ends_with(char::is_whitespace);
}

/// `text` with every run of whitespace made one space, and trimmed; borrowed when it already is.
pub fn collapse(text: &str) -> Cow<'_, str> {
    // A space is allowed only after a character that is not whitespace: never first, never two.
    let mut after_space = true;
    let clean = text.chars().all(|c| {
        let ok = !c.is_whitespace() || (c == ' ' && !after_space);
        after_space = c.is_whitespace();
        ok
    });
    if clean && (text.is_empty() || !after_space) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// The words of `text` as the index keeps them: [`raw_words`], each through [`fold_word`] (so
/// `mentee's` is `mentees`), empty ones left out. The index itself folds into one buffer.
#[cfg(test)]
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).filter_map(|w| {
        let mut out = String::new();
        fold_word(w, &mut out);
        (!out.is_empty()).then_some(out)
    })
}

/// The words of `text` as written: runs of letters, digits and apostrophes. `static/search.js`
/// splits and folds what the reader types the same way.
pub fn raw_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// Writes `word` to `out` (cleared first) as the index keeps it: lower case, apostrophes dropped,
/// accents folded ([`FOLD`]). `out` may end up empty (a word of apostrophes).
pub fn fold_word(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars().filter(|&c| c != '\'' && c != '’') {
        // Most text is ASCII, which FOLD has nothing for.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for lower in c.to_lowercase() {
            match FOLD.binary_search_by_key(&lower, |&(from, _)| from) {
                Ok(i) => out.push_str(FOLD[i].1),
                Err(_) => out.push(lower),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_and_apostrophes() {
        let w: Vec<_> = words("The mentee's GOALS: López, 2025-03!").collect();
        assert_eq!(w, ["the", "mentees", "goals", "lopez", "2025", "03"]);
        let w: Vec<_> = words("Müller STRAẞE Łódź Ørsted").collect();
        assert_eq!(w, ["muller", "strasse", "lodz", "orsted"]);
        assert!(FOLD.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(FOLD.iter().all(|(from, _)| !from.is_ascii()));
    }

    #[test]
    fn sections_follow_the_page_anchors() {
        let md = "Intro *text*.\n\n# Big\n\n## Before you meet\nFirst.\n\n### `Code` here\nSecond\nline.\n\n## Before you meet\n<b>raw</b> words";
        let s = sections(md);
        let anchors: Vec<_> = s.iter().map(|s| s.anchor.as_deref()).collect();
        assert_eq!(
            anchors,
            [
                None,
                Some("before-you-meet"),
                Some("code-here"),
                Some("before-you-meet-2")
            ]
        );
        assert_eq!(s[0].text, "Intro text. Big");
        assert_eq!(s[2].title, "Code here");
        assert_eq!(s[2].text, "Second line.");
        assert_eq!(s[3].text, "raw words");
        let script = "Safe <script>alert('x')</script> <style>p {}</style> text <b>bold</b>.";
        assert_eq!(plain(script), "Safe text bold.");
        assert_eq!(plain("## A\nb"), "A b");
    }

    /// What `plain` gave when it was made from [`sections`].
    fn plain_from_sections(source: &str) -> String {
        let mut text = String::new();
        for s in sections(source) {
            for part in [&s.title, &s.text] {
                if !part.is_empty() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(part);
                }
            }
        }
        text
    }

    #[test]
    fn collapse_borrows_only_collapsed_text() {
        for (text, want, borrowed) in [
            ("", "", true),
            ("a b", "a b", true),
            (" a", "a", false),
            ("a ", "a", false),
            ("a  b", "a b", false),
            ("a\nb", "a b", false),
            ("a\u{a0}b", "a b", false),
            ("  ", "", false),
        ] {
            let got = collapse(text);
            assert_eq!(got, want, "{text:?}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{text:?}");
        }
    }

    #[test]
    fn plain_text_is_the_sections_text() {
        for md in [
            "",
            "  \n\n ",
            "Intro *text*.\n\n# Big\n\n## Before you meet\nFirst.\n\n### `Code` here\nSecond\nline.",
            "a**b**c [link](x)d  e\u{a0}f\n\n- one\n- two\n\n> quote\n\n| a | b |\n|---|---|\n| c | d |",
            "Safe <script>x</script> text",
            "## Title *with* `code`\ntext\n\n## \n\nafter empty heading",
            "!\nscript\n-",
        ] {
            assert_eq!(plain(md), plain_from_sections(md), "{md:?}");
        }
        let mut out = String::from("before");
        push_plain("  after\n", &mut out);
        assert_eq!(out, "before after");
        let mut out = String::new();
        push_plain(" \n", &mut out);
        assert_eq!(out, "");
    }

    proptest::proptest! {
        #[test]
        fn plain_text_is_the_sections_text_for_any_markdown(
            md in "([#>*_`\\[\\]()<!/a-c \u{a0}\u{2003}\n-]|script|style|\\|){0,80}"
        ) {
            proptest::prop_assert_eq!(plain(&md), plain_from_sections(&md));
        }
    }
}
