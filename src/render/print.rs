//! Pages made for paper: each pair's workbook (`pairs/<id>/workbook/`), the blank workbook handed to
//! a new pair (`workbook/`), and the whole handbook on one page (`print/`).
//!
//! They are pages of the site like any other, readable on screen, and laid out for paper by the
//! theme's `print.css`. [`crate::pdf`] turns them into PDF files: the list of what to print, and
//! where each PDF goes, is [`PrintDoc`].

use crate::paths;
use std::path::PathBuf;

use serde::Serialize;
use tera::Context;

use super::strings::{Strings, role};
use super::values::{PairValues, Shared};
use super::view::{
    ChecklistEntry, MeetingView, PairView, PersonView, PrintLinks, RecordView, Scope,
};
use crate::config::Config;
use crate::markdown::{self, Markdown};
use crate::model::person::Contact;
use crate::model::{Chapter, Date, Pair, Phase, Program, Role};

/// A page made for paper, and the PDF file made from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintDoc {
    /// The page, as a path in the site (`pairs/ana-ben/workbook/index.html`).
    pub page: PathBuf,
    /// The PDF file, as a path in the site (`pdf/ana-ben.pdf`).
    pub pdf: PathBuf,
}

/// The handbook for print and the blank workbook, with their PDF files.
pub(super) fn links() -> PrintLinks {
    PrintLinks {
        handbook: paths::print_handbook().url(),
        handbook_pdf: paths::pdf(paths::HANDBOOK_PDF),
        workbook: paths::blank_workbook().url(),
        workbook_pdf: paths::pdf(paths::BLANK_WORKBOOK_PDF),
    }
}

/// Everything to print: the handbook, the blank workbook, then the workbook of every pair the
/// scope's audience may see.
pub(super) fn docs(scope: &Scope<'_>) -> Vec<PrintDoc> {
    let links = links();
    let mut docs = vec![
        PrintDoc {
            page: links.handbook.into(),
            pdf: links.handbook_pdf.into(),
        },
        PrintDoc {
            page: links.workbook.into(),
            pdf: links.workbook_pdf.into(),
        },
    ];
    // A pair's workbook is made where the whole pair is shown (`[public] pairs = "full"`).
    let whole = scope.shown == crate::config::PairsShown::Full;
    docs.extend(scope.pairs.iter().filter(|_| whole).map(|p| PrintDoc {
        page: paths::workbook(&p.id).file(),
        pdf: paths::pair_pdf(&p.id).into(),
    }));
    docs
}

/// Blank rows after a meeting log, to write the next meetings in.
const MEETING_ROWS_OPEN: usize = 4;
/// Blank rows of the meeting log in the blank workbook: a year of monthly meetings.
const MEETING_ROWS_BLANK: usize = 12;

/// A phase of a workbook: its checklist with what the pair has done.
#[derive(Serialize)]
struct WorkbookPhase<'a> {
    id: &'static str,
    number: usize,
    title: &'a str,
    summary: &'a str,
    /// `[{item, done}]`, as [`Shared::checklist`](super::values::Shared) makes it.
    items: tera::Value,
    done: usize,
    total: usize,
}

/// One of the two people of a workbook: who signs the agreement, who fills in a blank form.
#[derive(Serialize)]
struct Party<'a> {
    /// `Mentor` or `Mentee`, in the theme's words.
    role: &'a str,
    /// The name; none in the blank workbook.
    name: Option<&'a str>,
    /// When they signed the partnership agreement.
    signed: Option<Date>,
    /// Contact details: only in editions whose audience may see them.
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<&'a Contact>,
}

/// The context of `workbook.html`: a pair's workbook, or the blank one when `pair` is `None`. A
/// pair's workbook shows what the scope's audience may see of its record: in the public site its
/// private fields are left out (the template gives them lines to write on), in a private edition
/// that may see them they are printed. The blank workbook is empty in every edition.
pub(super) fn workbook<'a>(
    scope: &Scope<'a>,
    shared: &Shared,
    pair: Option<(&'a Pair, &PairValues<'a>)>,
    strings: &Strings,
) -> Context {
    let program = scope.program;
    let (values, pair) = (pair.map(|(_, v)| v), pair.map(|(p, _)| p));
    let view = values.map(|v| &v.view);
    let record = pair.map_or_else(RecordView::empty, |p| RecordView::of(scope, p));
    let phases: Vec<WorkbookPhase<'_>> = program
        .phases
        .iter()
        .map(|phase| {
            let list = match values {
                Some(v) => v.checklists[phase.id.index()].clone(),
                None => shared.checklist(program, phase.id, None),
            };
            WorkbookPhase {
                id: phase.id.as_str(),
                number: phase.id.index() + 1,
                title: &phase.file.title,
                summary: &phase.file.summary,
                done: list.done,
                total: list.total,
                items: list.items,
            }
        })
        .collect();
    // The log reads in the order the meetings happened, with room after it for the next ones.
    let meetings: Vec<&MeetingView<'_>> = record.meetings.iter().rev().collect();
    let signed = record.agreement.and_then(|a| a.signed.as_ref());
    let parties = [
        Party {
            role: role(Role::Mentor, strings),
            name: view.as_ref().map(|v| v.mentor.name),
            signed: signed.and_then(|s| s.mentor),
            contact: view.as_ref().and_then(|v| v.mentor.contact),
        },
        Party {
            role: role(Role::Mentee, strings),
            name: view.as_ref().map(|v| v.mentee.name),
            signed: signed.and_then(|s| s.mentee),
            contact: view.as_ref().and_then(|v| v.mentee.contact),
        },
    ];
    // A pair that has closed has nothing more to write in; an open pair gets room for what comes.
    let blank_rows = match pair {
        None => MEETING_ROWS_BLANK,
        Some(p) if p.file.closure.is_some() => 0,
        Some(_) => MEETING_ROWS_OPEN,
    };
    let coordinators: Vec<PersonView<'_>> = scope
        .coordinators()
        .into_iter()
        // The blank workbook is the same in every edition: nothing private, not even a contact.
        .map(|v| PersonView {
            contact: v.contact.filter(|_| pair.is_some()),
            ..v
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("phases", &phases);
    match values.and_then(|v| v.record.get_from_path("meetings")?.as_array()) {
        // The record's meetings, already template values (newest first), in the other order:
        // converting them again took a fifth of the workbook's context.
        Some(newest_first) => {
            let oldest_first: Vec<tera::Value> = newest_first.iter().rev().cloned().collect();
            ctx.insert_value("meetings", tera::Value::from(oldest_first));
        }
        None => ctx.insert("meetings", &meetings),
    }
    ctx.insert("blank_rows", &blank_rows);
    ctx.insert("parties", &parties);
    ctx.insert("open", &(blank_rows > 0));
    ctx.insert("coordinators", &coordinators);
    match values {
        Some(v) => {
            ctx.insert_value("record", v.record.clone());
            ctx.insert_value("pair", v.view_value.clone());
        }
        None => {
            ctx.insert("record", &record);
            ctx.insert("pair", &None::<PairView<'_>>);
        }
    }
    ctx
}

/// A guide chapter in the print handbook: its ids and links rewritten to stay inside the page.
#[derive(Serialize)]
struct PrintChapter<'a> {
    anchor: String,
    title: &'a str,
    html: String,
    sources: &'a [String],
}

/// A phase in the print handbook.
#[derive(Serialize)]
struct PrintPhase<'a> {
    anchor: String,
    id: &'static str,
    number: usize,
    title: &'a str,
    summary: &'a str,
    guidance: Option<String>,
    checklist: Vec<ChecklistEntry<'a>>,
    sources: &'a [String],
}

/// The anchor of a chapter in the print handbook. Ids never hold `--`, so `guide--<chapter>` and
/// `guide--<chapter>--<heading>` can clash neither with each other nor with the phases' anchors.
fn chapter_anchor(id: &str) -> String {
    format!("guide--{id}")
}

/// A link between chapters (`other.md#part`) as a link inside the print handbook.
fn print_link(target: &str) -> Option<String> {
    let (stem, fragment) = Chapter::link_target(target)?;
    Some(match fragment {
        Some(f) => format!("#{}--{f}", chapter_anchor(stem)),
        None => format!("#{}", chapter_anchor(stem)),
    })
}

/// The context of `print.html`: every guide chapter, then every phase with its checklist. Chapters
/// keep their raw HTML exactly when the site's chapter pages do (`[build] allow-raw-html`).
pub(super) fn handbook(config: &Config, program: &Program) -> Context {
    let clean = !config.build.allow_raw_html;
    let chapters: Vec<PrintChapter<'_>> = program
        .chapters
        .iter()
        .map(|c| {
            let anchor = chapter_anchor(c.id.as_str());
            PrintChapter {
                html: markdown::to_html_prefixed(
                    &c.body,
                    &format!("{anchor}--"),
                    Some(&print_link),
                    clean,
                ),
                anchor,
                title: &c.front.title,
                sources: &c.front.sources,
            }
        })
        .collect();
    let phases: Vec<PrintPhase<'_>> = program.phases.iter().map(print_phase).collect();
    let mut ctx = Context::new();
    ctx.insert("chapters", &chapters);
    ctx.insert("phases", &phases);
    ctx.insert("description", &program.info.description);
    ctx
}

fn print_phase(p: &Phase) -> PrintPhase<'_> {
    let anchor = format!("phases--{}", p.id);
    PrintPhase {
        guidance: p.file.guidance.as_ref().map(|g: &Markdown| {
            markdown::to_html_prefixed(&g.source, &format!("{anchor}--"), None, true)
        }),
        anchor,
        id: p.id.as_str(),
        number: p.id.index() + 1,
        title: &p.file.title,
        summary: &p.file.summary,
        checklist: ChecklistEntry::blank(&p.file.checklist),
        sources: &p.file.sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_between_chapters_stay_in_the_print_page() {
        assert_eq!(print_link("roles.md").as_deref(), Some("#guide--roles"));
        assert_eq!(
            print_link("./roles.md#mentors").as_deref(),
            Some("#guide--roles--mentors")
        );
        assert_eq!(print_link("https://example.org/x.md"), None);
    }
}
