//! Markdown to safe HTML.
//!
//! Every piece of Markdown, from a YAML field or a guide chapter, goes through [`to_html`]: rendered
//! with pulldown-cmark, then, when it holds raw HTML or a link whose scheme is not a plain web or
//! mail address, cleaned with ammonia so that it cannot inject scripts, styles or event handlers. A
//! [`Markdown`] field is rendered when a page shows it, and not kept: the renderer makes each
//! pair's values once for all of that pair's pages, and a site of 10,000 pairs would otherwise
//! hold the HTML of every field until the end of the build. A field no page shows (a private note in
//! the public site) is never rendered.

use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Deserializer, Serialize};

/// A Markdown field from YAML. Serialised (for templates) as `{ html }`: its rendered, sanitised
/// HTML, made each time it is serialised.
#[derive(Debug, Clone)]
pub struct Markdown {
    /// What the user wrote.
    pub source: String,
}

impl Markdown {
    /// Markdown to render when shown.
    pub fn new(source: &str) -> Self {
        Markdown {
            source: source.to_owned(),
        }
    }

    /// Sanitised HTML, safe to insert into a page unescaped.
    pub fn html(&self) -> String {
        to_html(&self.source, &mut Vec::new(), None)
    }
}

impl Serialize for Markdown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Markdown", 1)?;
        st.serialize_field("html", &self.html())?;
        st.end()
    }
}

impl schemars::JsonSchema for Markdown {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Markdown".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "description": "Text; Markdown is allowed." })
    }
}

impl<'de> Deserialize<'de> for Markdown {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|source| Markdown { source })
    }
}

/// A heading of a rendered document, for tables of contents and anchors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 2 for `##`, 3 for `###`, ...
    pub level: u8,
    /// The heading's text, without markup.
    pub text: String,
    /// The anchor id, unique in the document.
    pub id: String,
}

/// Rewrites a link target written in Markdown; returns `None` to keep it as it is.
pub type LinkRewriter<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The Markdown extensions every document is rendered with.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        b.add_tag_attributes(h, ["id"]);
    }
    b.add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tags(["input"]);
    b.add_tag_attributes("li", ["id"])
        .add_tag_attributes("sup", ["id"]);
    b.add_tag_attributes("div", ["id", "class"]);
    b.link_rel(None);
    b
});

/// Renders Markdown to sanitised HTML. Headings of level 2 and deeper get unique anchor ids, which
/// are pushed to `headings`; link targets go through `rewrite` when one is given.
pub fn to_html(
    source: &str,
    headings: &mut Vec<Heading>,
    rewrite: Option<LinkRewriter<'_>>,
) -> String {
    render(source, headings, rewrite, "", true)
}

/// [`to_html`], with the choice to keep raw HTML as written (`clean: false`): only for guide
/// chapters of a program whose `book.toml` sets `allow-raw-html`.
pub fn to_html_with(
    source: &str,
    headings: &mut Vec<Heading>,
    rewrite: Option<LinkRewriter<'_>>,
    clean: bool,
) -> String {
    render(source, headings, rewrite, "", clean)
}

/// Renders Markdown like [`to_html_with`], for a document that joins many (the handbook for
/// print): every heading id starts with `id_prefix`, so ids stay unique across the joined parts.
pub fn to_html_prefixed(
    source: &str,
    id_prefix: &str,
    rewrite: Option<LinkRewriter<'_>>,
    clean: bool,
) -> String {
    render(source, &mut Vec::new(), rewrite, id_prefix, clean)
}

fn render(
    source: &str,
    headings: &mut Vec<Heading>,
    rewrite: Option<LinkRewriter<'_>>,
    id_prefix: &str,
    clean: bool,
) -> String {
    let mut events: Vec<Event<'_>> = Parser::new_ext(source, options()).collect();
    anchor_headings(&mut events, headings, id_prefix);
    if let Some(rewrite) = rewrite {
        for e in &mut events {
            if let Event::Start(Tag::Link { dest_url, .. }) = e
                && let Some(new) = rewrite(dest_url)
            {
                *dest_url = CowStr::from(new);
            }
        }
    }
    let needs_cleaning = clean && !events.iter().all(is_safe);
    let mut raw = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, events.into_iter());
    if needs_cleaning {
        CLEANER.clean(&raw).to_string()
    } else {
        raw
    }
}

/// Whether pulldown-cmark's HTML for `event` is safe as it is, so that ammonia has nothing to
/// remove from it. pulldown-cmark escapes all text and attribute values it writes; what it passes
/// through is raw HTML, and link and image targets, whose scheme it does not judge. Cleaning is
/// about half the cost of rendering a field, and most fields are plain text with some emphasis.
///
/// Also unsafe here, though harmless, is what ammonia would change without a danger: the `style`
/// a table cell's alignment is written with, and the classes of footnotes and of a code block's
/// language. Sending those through ammonia too keeps one rendering whichever path a field takes.
fn is_safe(event: &Event<'_>) -> bool {
    match event {
        Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) => false,
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
            is_plain_url(dest_url)
        }
        Event::Start(Tag::HtmlBlock | Tag::Table(_) | Tag::FootnoteDefinition(_)) => false,
        Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(lang))) => {
            lang.is_empty()
        }
        _ => true,
    }
}

/// A link target ammonia keeps as it is: a web or mail address, or one without a scheme and
/// without anything a URL parser would skip (so `java\tscript:` cannot pass as relative).
fn is_plain_url(url: &str) -> bool {
    const SCHEMES: [&str; 4] = ["http://", "https://", "mailto:", "tel:"];
    let rest = SCHEMES
        .iter()
        .find_map(|s| url.strip_prefix(s))
        .unwrap_or(url);
    let relative = !rest.contains(':') || rest.len() < url.len();
    relative
        && !url
            .bytes()
            .any(|b| b.is_ascii_control() || b == b' ' || b == b'\\')
}

/// Gives each heading of level 2 or more an id made from its text (after `prefix`), unique within
/// the document (and among the ids already in `headings`).
///
/// A heading whose id is taken gets the first of `-2`, `-3`, ... that is free, free also of the ids
/// literal headings produced (`## Question 2` before a second `## Question`). Each id's next number
/// to try is remembered, so that a document of thousands of identical headings costs time in
/// proportion to its length: the ids taken only ever grow, so every number below the remembered one
/// is still taken and need not be tried again. The ids are those of trying every number from 2.
pub(crate) fn anchor_headings(events: &mut [Event<'_>], headings: &mut Vec<Heading>, prefix: &str) {
    use std::collections::{HashMap, HashSet};
    let mut taken: HashSet<String> = headings.iter().map(|h| h.id.clone()).collect();
    let mut next: HashMap<String, u32> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i] {
            let level = *level;
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            if level != HeadingLevel::H1 {
                let base = crate::slug::slugify(&text);
                let base = if base.is_empty() {
                    format!("{prefix}section")
                } else {
                    format!("{prefix}{base}")
                };
                let mut id = base.clone();
                if taken.contains(&id) {
                    let n = next.entry(base.clone()).or_insert(2);
                    id = format!("{base}-{n}");
                    while taken.contains(&id) {
                        *n += 1;
                        id = format!("{base}-{n}");
                    }
                    *n += 1;
                }
                taken.insert(id.clone());
                if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                    *slot = Some(CowStr::from(id.clone()));
                }
                headings.push(Heading {
                    level: level as u8,
                    text,
                    id,
                });
            }
            i = j;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let md = Markdown::new(
            "Hi <script>alert(1)</script><img src=x onerror=alert(2)> [a](javascript:alert(3))",
        );
        let html = md.html();
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn dangerous_links_alone_are_cleaned() {
        for md in [
            "[a](javascript:alert(1))",
            "[a](JavaScript:alert(1))",
            "<javascript:alert(1)>",
            "![i](data:text/html;base64,PHNjcmlwdD4=)",
            "[a](vbscript:msgbox)",
        ] {
            let html = Markdown::new(md).html();
            assert!(!html.contains("href"), "{md}: {html}");
            assert!(!html.contains("src"), "{md}: {html}");
        }
    }

    #[test]
    fn what_skips_cleaning_is_what_cleaning_keeps() {
        // Markdown without raw HTML and with plain links is not cleaned: cleaning it would have
        // removed nothing that a cleaner allowing every attribute keeps.
        let mut keep_all = ammonia::Builder::default();
        keep_all
            .add_tags(["input"])
            .add_generic_attributes([
                "id", "class", "style", "type", "checked", "disabled", "start", "align",
            ])
            .link_rel(None);
        for md in [
            "Plain *text*, **strong**, `code` & \"quotes\" 'too' -- and smart...",
            "# Title\n## Part\n\n> quoted\n\n1. one\n2. two\n\n5. five\n\n- [x] done\n- [ ] open",
            "[rel](../x/index.html) [abs](https://example.org:8080/a?b=c#d) <https://x.org> \
             [mail](mailto:a@b.org) [tel](tel:+44123) ![img](pic.png \"title\") [t](#top)",
            "~~gone~~ line  \nbreak\n\n---\n\n```\nplain code <b>\n```\n\n    indented <i>",
            "A & B < C > D ' é",
        ] {
            let html = to_html(md, &mut Vec::new(), None);
            let events: Vec<_> = Parser::new_ext(md, options()).collect();
            assert!(events.iter().all(is_safe), "{md} should skip cleaning");
            assert_eq!(
                CLEANER.clean(&html).to_string(),
                keep_all.clean(&html).to_string(),
                "{md}"
            );
        }
    }

    #[test]
    fn what_cleaning_would_change_is_cleaned() {
        for (md, gone) in [
            ("| a |\n|:-:|\n| b |", "style"),
            ("x[^1]\n\n[^1]: note", "footnote-reference"),
            ("```rust\nfn x() {}\n```", "class"),
            ("<span onclick=\"x()\">hi</span>", "onclick"),
        ] {
            let html = Markdown::new(md).html();
            assert!(!html.contains(gone), "{md}: {html}");
        }
    }

    #[test]
    fn headings_get_unique_anchors() {
        let mut hs = Vec::new();
        let html = to_html(
            "# Title\n## Before you meet\n## Before you meet\n### `Code` here",
            &mut hs,
            None,
        );
        assert!(html.contains(r#"<h2 id="before-you-meet">"#), "{html}");
        assert!(html.contains(r#"<h2 id="before-you-meet-2">"#), "{html}");
        assert_eq!(
            hs.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
            ["before-you-meet", "before-you-meet-2", "code-here"]
        );
    }

    /// The ids of trying every number from 2 for each heading, as anchors were first made.
    fn anchors_by_rescanning(texts: &[&str]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for text in texts {
            let base = crate::slug::slugify(text);
            let base = if base.is_empty() {
                "section".to_owned()
            } else {
                base
            };
            let mut id = base.clone();
            let mut n = 1;
            while ids.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            ids.push(id);
        }
        ids
    }

    fn anchors(texts: &[&str]) -> Vec<String> {
        let doc: String = texts.iter().map(|t| format!("## {t}\n")).collect();
        let mut hs = Vec::new();
        to_html(&doc, &mut hs, None);
        hs.into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn a_numbered_anchor_never_takes_a_literal_headings_id() {
        let texts = [
            "Question",
            "Question 2",
            "Question",
            "Question",
            "Question 3",
            "Question-4",
            "Question",
            "",
            "Section",
            "",
        ];
        assert_eq!(anchors(&texts), anchors_by_rescanning(&texts));
        assert_eq!(
            anchors(&texts)[..4],
            ["question", "question-2", "question-3", "question-4"]
        );
    }

    proptest::proptest! {
        #[test]
        fn anchors_are_those_of_rescanning(
            picks in proptest::collection::vec(0usize..9, 0..40)
        ) {
            const TEXTS: [&str; 9] = [
                "Question", "Question 2", "question-3", "Question 2 2", "Question-2-2", "",
                "Section", "Section 2", "Q",
            ];
            let texts: Vec<&str> = picks.iter().map(|&i| TEXTS[i]).collect();
            proptest::prop_assert_eq!(anchors(&texts), anchors_by_rescanning(&texts));
        }
    }

    #[test]
    fn prefixed_headings_stay_unique_in_a_joined_document() {
        let html = to_html_prefixed("## Part\n## Part", "ch-", None, true);
        assert!(html.contains(r#"<h2 id="ch-part">"#), "{html}");
        assert!(html.contains(r#"<h2 id="ch-part-2">"#), "{html}");
    }

    #[test]
    fn links_are_rewritten() {
        let rw = |u: &str| u.strip_suffix(".md").map(|s| format!("../{s}/index.html"));
        let html = to_html(
            "[b](boundaries.md) [c](https://x.org)",
            &mut Vec::new(),
            Some(&rw),
        );
        assert!(
            html.contains(r#"href="../boundaries/index.html""#),
            "{html}"
        );
        assert!(html.contains(r#"href="https://x.org""#), "{html}");
    }
}
