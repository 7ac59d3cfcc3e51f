//! The editor's pages and answers: the panel of forms on a pair's pages, the bar on every page, the
//! list of pairs and people, a person's page, and what a save answers (a redirect back, or the
//! form again with why nothing was saved).

use std::path::PathBuf;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tera::Context;

use super::forms::{self, Form};
use super::guard::Refusal;
use super::save::{self, Refused, Saved};
use super::view::{PairView, PersonView};
use super::{Editor, PREFIX, files};
use crate::edit::{PairChange, TextField};
use crate::model::pair::GoalStatus;
use crate::model::{Audience, Date, PairId, PhaseId, Role};
use crate::paths;
use crate::render::strings::Strings;

/// What the last save did, for the page it returned to.
#[derive(Debug, Clone, Serialize)]
pub struct Flash {
    /// The page the save returned to.
    #[serde(skip)]
    page: String,
    /// The part of the panel it returned to (`mb-edit-meetings`), shown the change there; empty:
    /// at the top of the panel.
    section: String,
    /// The file written.
    file: String,
    /// The change, as a unified diff.
    diff: String,
    /// Warnings about the file, as the console shows them.
    warnings: String,
}

/// Which of a pair's pages `path` is: the pair and, on a phase page, the phase.
fn pair_page(path: &str) -> Option<(PairId, Option<PhaseId>)> {
    let path = path.trim_start_matches('/');
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let mut parts = path.split('/');
    if parts.next()? != "pairs" {
        return None;
    }
    let id = PairId::new(parts.next()?).ok()?;
    let phase = match parts.next()? {
        "" => None,
        p => Some(PhaseId::from_name(p)?),
    };
    if parts.next().is_some_and(|rest| !rest.is_empty()) || parts.next().is_some() {
        return None;
    }
    let page = match phase {
        None => paths::pair(&id),
        Some(p) => paths::pair_phase(&id, p),
    };
    (page.web_path() == path).then_some((id, phase))
}

/// Whether the edition for `audience` edits the pair `id`: the coordinators' edits every pair, a
/// pair's own edition only that pair.
fn may_edit_pair(audience: &Audience, id: &PairId) -> bool {
    match audience {
        Audience::Coordinators => true,
        Audience::Pair(mine) => mine == id,
        Audience::Public => false,
    }
}

/// Whether `change` is to something of `pair` that `audience` does not see (and so was offered no
/// form for): a pair's own edition changes only what its pages show.
fn hides(audience: &Audience, pair: &crate::model::Pair, change: &PairChange) -> bool {
    use crate::model::Visibility;
    let sees = |v: Visibility| audience.sees(v, Some(&pair.id));
    let f = &pair.file;
    // An index past the end is the change's own error, said by the edit.
    let entry = |v: Option<Visibility>| v.is_some_and(|v| !sees(v));
    match change {
        PairChange::SetText {
            field: TextField::Concerns,
            ..
        } => !sees(Visibility::Coordinators),
        PairChange::EditMeeting { index, .. } | PairChange::RemoveMeeting { index } => {
            entry(f.meetings.get(*index).map(|m| m.visibility))
        }
        PairChange::EditEvaluation { index, .. } => {
            entry(f.evaluations.get(*index).map(|e| e.visibility))
        }
        PairChange::EditGoal { index: goal, .. }
        | PairChange::Milestone { goal, .. }
        | PairChange::AddMilestone { goal, .. } => entry(f.goals.get(*goal).map(|g| g.visibility)),
        _ => false,
    }
}

/// Refuses what only the coordinators' edition does (people, new files) in a pair's edition.
fn coordinators_only(editor: &Editor) -> Result<(), Response> {
    if *editor.session().audience() == Audience::Coordinators {
        Ok(())
    } else {
        Err(plain(
            StatusCode::FORBIDDEN,
            "refused: people and new files are edited in the coordinators' edition (`serve \
             --edit`, without `--audience`)"
                .to_owned(),
        ))
    }
}

/// Renders the theme's `template` with `ctx`, or the error as text.
fn render(editor: &Editor, template: &str, ctx: &Context) -> Result<String, String> {
    let session = editor.session();
    let theme = session
        .theme()
        .ok_or_else(|| "the theme did not load: see the console".to_owned())?;
    theme.tera.render(template, ctx).map_err(|e| {
        let p = theme.problem(&e);
        crate::report::human(&[p], false)
    })
}

/// The common entries of every editor template.
fn context(editor: &Editor) -> Context {
    let mut ctx = Context::new();
    ctx.insert("token", editor.0.token.as_str());
    ctx.insert("edit_url", &format!("{PREFIX}/edit/"));
    ctx.insert("today", &Date::today().to_string());
    ctx
}

/// The bar at the top of every page in edit mode.
pub fn bar(editor: &Editor, path: &str) -> String {
    let mut ctx = context(editor);
    ctx.insert("path", path);
    ctx.insert("kind", "bar");
    render(editor, "edit-panel.html", &ctx).unwrap_or_default()
}

/// The forms of the pair page at `path`, when it is one.
pub fn panel(editor: &Editor, path: &str) -> Option<String> {
    let (id, phase) = pair_page(path)?;
    let mut ctx = context(editor);
    {
        let session = editor.session();
        let (_, program) = session.program()?;
        let pair = program.pairs.iter().find(|p| p.id == id)?;
        let text = std::fs::read_to_string(session.root().join(&pair.source)).ok()?;
        let audience = session.audience();
        if !may_edit_pair(audience, &id) {
            return None;
        }
        ctx.insert("version", &editor.0.versions.remember(&text));
        let t = &session.theme()?.strings;
        ctx.insert("pair", &PairView::of(program, pair, audience, t));
        ctx.insert("coordinators", &(*audience == Audience::Coordinators));
    }
    ctx.insert("kind", "pair");
    ctx.insert("phase", &phase.map_or("", PhaseId::as_str));
    ctx.insert("back", path);
    ctx.insert("action", &format!("{PREFIX}/edit/pair/{id}/"));
    ctx.insert("statuses", &GoalStatus::ALL.map(GoalStatus::id));
    let flash = {
        let mut f = editor.0.flash.lock().unwrap_or_else(|e| e.into_inner());
        f.take_if(|f| f.page == path)
    };
    ctx.insert("flash", &flash);
    Some(match render(editor, "edit-panel.html", &ctx) {
        Ok(html) => html,
        Err(e) => format!("<pre class=\"mb-edit-error\">{}</pre>", escape(&e)),
    })
}

/// A whole page of the editor, with `status`.
fn page(editor: &Editor, status: StatusCode, ctx: &Context) -> Response {
    match render(editor, "edit-page.html", ctx) {
        Ok(html) => (
            status,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            html,
        )
            .into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e).into_response(),
    }
}

/// A plain answer for what has no page.
fn plain(status: StatusCode, message: String) -> Response {
    (
        status,
        [(header::CACHE_CONTROL, "no-store")],
        message + "\n",
    )
        .into_response()
}

fn not_built() -> Response {
    plain(
        StatusCode::SERVICE_UNAVAILABLE,
        "the program has errors, so there is nothing to edit: fix them (see the console), then \
         reload"
            .to_owned(),
    )
}

/// The list of pairs and people, with the forms that make new ones.
pub fn index(editor: &Editor) -> Response {
    let mut ctx = context(editor);
    {
        let session = editor.session();
        let Some((_, program)) = session.program() else {
            return not_built();
        };
        #[derive(Serialize)]
        struct Row {
            id: String,
            name: String,
            url: String,
        }
        let audience = session.audience();
        let t = session
            .theme()
            .map_or(Strings::builtin(), |theme| &theme.strings);
        let pairs: Vec<Row> = program
            .pairs
            .iter()
            .filter(|p| may_edit_pair(audience, &p.id))
            .map(|p| Row {
                id: p.id.to_string(),
                name: PairView::title_of(program, p, t),
                url: format!("/{}", paths::pair(&p.id).web_path()),
            })
            .collect();
        let people: Vec<Row> = program
            .people
            .iter()
            .map(|p| Row {
                id: p.id.value.to_string(),
                name: p.name.clone(),
                url: format!("{PREFIX}/edit/person/{}", p.id.value),
            })
            .collect();
        let with_role = |role: Role| -> Vec<&Row> {
            program
                .people
                .iter()
                .zip(&people)
                .filter(|(p, _)| p.roles.contains(&role))
                .map(|(_, r)| r)
                .collect()
        };
        ctx.insert("mentors", &with_role(Role::Mentor));
        ctx.insert("mentees", &with_role(Role::Mentee));
        ctx.insert("pairs", &pairs);
        let coordinators = *audience == Audience::Coordinators;
        ctx.insert("coordinators", &coordinators);
        ctx.insert("people", &if coordinators { people } else { Vec::new() });
    }
    ctx.insert("kind", "index");
    page(editor, StatusCode::OK, &ctx)
}

/// A person's form.
pub fn person(editor: &Editor, id: &str) -> Response {
    if let Err(r) = coordinators_only(editor) {
        return r;
    }
    let mut ctx = context(editor);
    {
        let session = editor.session();
        let Some((_, program)) = session.program() else {
            return not_built();
        };
        let Some((file, _)) = files::person_place(session.root(), program, id) else {
            return plain(StatusCode::NOT_FOUND, format!("there is no person `{id}`"));
        };
        let Some(person) = program.people.iter().find(|p| p.id.value.as_str() == id) else {
            return plain(StatusCode::NOT_FOUND, format!("there is no person `{id}`"));
        };
        let Ok(text) = std::fs::read_to_string(session.root().join(&file)) else {
            return plain(
                StatusCode::NOT_FOUND,
                format!("{} is not there", file.display()),
            );
        };
        ctx.insert("version", &editor.0.versions.remember(&text));
        ctx.insert("person", &PersonView::of(person, &file));
    }
    ctx.insert("kind", "person");
    ctx.insert("back", &format!("{PREFIX}/edit/person/{id}"));
    ctx.insert("action", &format!("{PREFIX}/edit/person/{id}"));
    let flash = {
        let mut f = editor.0.flash.lock().unwrap_or_else(|e| e.into_inner());
        f.take_if(|f| f.page == format!("{PREFIX}/edit/person/{id}"))
    };
    ctx.insert("flash", &flash);
    page(editor, StatusCode::OK, &ctx)
}

/// Where the program is and what it says, for a save.
struct Place {
    root: PathBuf,
    config: crate::config::Config,
}

fn place(editor: &Editor) -> Option<Place> {
    let session = editor.session();
    let (config, _) = session.program()?;
    Some(Place {
        root: session.root().to_path_buf(),
        config: config.clone(),
    })
}

/// Refuses a form whose token is not the session's.
fn token_ok(editor: &Editor, form: &Form) -> Result<(), Response> {
    if editor.0.token.matches(form.get("token").unwrap_or("")) {
        Ok(())
    } else {
        Err(Refusal::Token.into_response())
    }
}

/// Saves a change to the pair `id`'s file.
pub fn save_pair(editor: &Editor, id: &str, action: &str, form: &Form) -> Response {
    if let Err(r) = token_ok(editor, form) {
        return r;
    }
    let _one = editor.0.saving.lock().unwrap_or_else(|e| e.into_inner());
    let Some(at) = place(editor) else {
        return not_built();
    };
    let file = {
        let session = editor.session();
        let allowed = PairId::new(id).is_ok_and(|p| may_edit_pair(session.audience(), &p));
        session
            .program()
            .filter(|_| allowed)
            .and_then(|(_, program)| files::pair_file(program, id))
    };
    let Some(file) = file else {
        return plain(StatusCode::NOT_FOUND, format!("there is no pair `{id}`"));
    };
    let target = format!("{PREFIX}/edit/pair/{id}/{action}");
    let change = match forms::pair_change(action, form) {
        Ok(c) => c,
        Err(e) => return refused(editor, &target, form, Refused::Edit(e)),
    };
    let hidden = {
        let session = editor.session();
        let pair = session
            .program()
            .and_then(|(_, program)| program.pairs.iter().find(|p| p.id.as_str() == id));
        pair.is_some_and(|p| hides(session.audience(), p, &change))
    };
    if hidden {
        return plain(
            StatusCode::FORBIDDEN,
            "refused: this edition does not show what the change is to (a coordinators-only entry \
             or text); make it in the coordinators' edition"
                .to_owned(),
        );
    }
    // The pair alone checked again against the session's program, when it can be.
    let check = |file: &std::path::Path, text: &str| {
        let quick = editor.session().check_pair_text(file, text);
        quick.unwrap_or_else(|| save::whole(&at.config, file, text))
    };
    let result = save::save(
        &at.root,
        &file,
        form.get("version").unwrap_or(""),
        &editor.0.versions,
        |text| crate::edit::apply_pair(text, &change).map_err(|e| e.to_string()),
        &check,
    );
    finish(editor, result, &forms::back(form), &target, form)
}

/// Saves a change to the person `id`.
pub fn save_person(editor: &Editor, id: &str, form: &Form) -> Response {
    if let Err(r) = token_ok(editor, form).and_then(|()| coordinators_only(editor)) {
        return r;
    }
    let _one = editor.0.saving.lock().unwrap_or_else(|e| e.into_inner());
    let Some(at) = place(editor) else {
        return not_built();
    };
    let found = {
        let session = editor.session();
        session
            .program()
            .and_then(|(_, program)| files::person_place(&at.root, program, id))
    };
    let Some((file, steps)) = found else {
        return plain(StatusCode::NOT_FOUND, format!("there is no person `{id}`"));
    };
    let target = format!("{PREFIX}/edit/person/{id}");
    let change = forms::person_change(form);
    let check = |file: &std::path::Path, text: &str| save::whole(&at.config, file, text);
    let result = save::save(
        &at.root,
        &file,
        form.get("version").unwrap_or(""),
        &editor.0.versions,
        |text| crate::edit::apply_person(text, &steps, &change).map_err(|e| e.to_string()),
        &check,
    );
    finish(editor, result, &target, &target, form)
}

/// Creates a pair or a person file, as `new pair` and `new person` do.
pub fn create(editor: &Editor, kind: &str, form: &Form) -> Response {
    if let Err(r) = token_ok(editor, form).and_then(|()| coordinators_only(editor)) {
        return r;
    }
    let _one = editor.0.saving.lock().unwrap_or_else(|e| e.into_inner());
    let Some(at) = place(editor) else {
        return not_built();
    };
    let target = format!("{PREFIX}/edit/new/{kind}");
    let made = {
        let session = editor.session();
        let Some((_, program)) = session.program() else {
            return not_built();
        };
        match kind {
            "pair" => forms::new_pair(program, form),
            "person" => forms::new_person(program, form),
            _ => return plain(StatusCode::NOT_FOUND, format!("cannot make a new `{kind}`")),
        }
    };
    let (file, text, page) = match made {
        Ok(m) => m,
        Err(e) => return refused(editor, &target, form, Refused::Edit(e)),
    };
    let result = save::create(&at.root, &at.config, &file, &text);
    finish(editor, result, &page, &target, form)
}

/// After a save: the console shown the change, the site rebuilt, the browser sent back to `back`.
fn finish(
    editor: &Editor,
    result: Result<Saved, Refused>,
    back: &str,
    target: &str,
    form: &Form,
) -> Response {
    let saved = match result {
        Ok(s) => s,
        Err(r) => return refused(editor, target, form, r),
    };
    if !saved.diff.is_empty() {
        eprint!("saved {}:\n{}", saved.file.display(), saved.diff);
        let warnings = crate::report::human(&saved.warnings, false);
        let (page, section) = back.split_once('#').unwrap_or((back, ""));
        *editor.0.flash.lock().unwrap_or_else(|e| e.into_inner()) = Some(Flash {
            page: page.to_owned(),
            section: section.to_owned(),
            file: saved.file.display().to_string(),
            diff: saved.diff.clone(),
            warnings,
        });
        (editor.0.rebuild)(std::slice::from_ref(&saved.file));
    }
    // Back to the form's own section when it said which, else to the panel.
    if back.contains('#') {
        super::back(back)
    } else {
        super::back(&format!("{back}#mb-edit"))
    }
}

/// The page of a refused save: why, the located problems or what changed on disk, and the form
/// again with what was typed, so nothing is lost.
fn refused(editor: &Editor, target: &str, form: &Form, why: Refused) -> Response {
    let status = match &why {
        Refused::Changed { .. } => StatusCode::CONFLICT,
        Refused::Edit(_) | Refused::Problems(_) => StatusCode::UNPROCESSABLE_ENTITY,
        Refused::File(files::FileError::Missing(_)) => StatusCode::NOT_FOUND,
        Refused::File(files::FileError::NotAllowed(_)) => StatusCode::FORBIDDEN,
        Refused::File(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let english = &Strings::builtin().edit_errors;
    eprintln!("not saved: {}", why.message(english));
    let message = {
        let session = editor.session();
        why.message(session.theme().map_or(english, |t| &t.strings.edit_errors))
    };
    let mut ctx = context(editor);
    ctx.insert("kind", "refused");
    ctx.insert("message", &message);
    ctx.insert("action", target);
    ctx.insert("back", &forms::back(form));
    ctx.insert("fields", &form.shown_fields());
    ctx.insert("version", form.get("version").unwrap_or(""));
    match &why {
        Refused::Problems(problems) => {
            eprint!("{}", crate::report::human(problems, false));
            ctx.insert("problems", &crate::report::human(problems, false));
        }
        Refused::Changed { diff, .. } => ctx.insert("diff", diff),
        _ => {}
    }
    page(editor, status, &ctx)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_pages_are_found_from_their_paths() {
        let id = PairId::new("ana-ben").unwrap();
        assert_eq!(pair_page("/pairs/ana-ben/"), Some((id.clone(), None)));
        assert_eq!(
            pair_page("/pairs/ana-ben/enabling/"),
            Some((id.clone(), Some(PhaseId::Enabling)))
        );
        assert_eq!(
            pair_page("/pairs/ana-ben/enabling/index.html"),
            Some((id, Some(PhaseId::Enabling)))
        );
        for other in [
            "/",
            "/pairs/",
            "/pairs/ana-ben/workbook/",
            "/pairs/ana-ben",
            "/guide/x/",
        ] {
            assert_eq!(pair_page(other), None, "{other}");
        }
    }
}
