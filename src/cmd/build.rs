//! `mentorbook build`: load, check, render for the audience, stage the site, keep the PDF files that
//! are still current, make the others (`--pdf`), put the site in place.

use std::path::Path;
use std::time::Instant;

use super::{Exit, count, failed, print_output_error, print_problems};
use crate::diagnostic::Problems;
use crate::model::Audience;
use crate::output::Stopped;
use crate::output::inputs::{self, LastBuild};
use crate::pdf;
use crate::render::{Options, Selection, Theme, render_to};

const NOT_BUILT: &str = "the site was not built; the previous output, if any, is unchanged";

/// Builds the site of the program in `dir` for `audience` into `dest` (default: the configured
/// output folder for the public site, `book-private/<audience>` for a private edition), with PDF
/// files when `with_pdf` is given. The last thing a `mentorbook build` process does: the program it
/// loaded is left for the system to take back, not freed.
pub fn build(
    dir: &Path,
    dest: Option<&Path>,
    audience: &Audience,
    with_pdf: Option<&pdf::Options>,
) -> Exit {
    let started = Instant::now();
    let color = crate::report::stderr_color();
    let today = crate::model::Date::today();
    // Builds with PDF files are not recorded: they depend on a browser as well.
    let inputs = with_pdf
        .is_none()
        .then(|| Inputs::of(dir, dest, audience, today, color))
        .flatten();
    if let Some(inputs) = &inputs
        && let Some((last, files)) = inputs::unchanged_since(&inputs.dest, inputs.fingerprint)
    {
        eprint!("{}", last.warnings);
        eprintln!(
            "built {} for {} into {} in {} ms: nothing changed since the last build: 0 files written, {files} unchanged{}",
            count(last.pages, "page", "pages"),
            count(last.pairs, "pair", "pairs"),
            inputs.dest.display(),
            started.elapsed().as_millis(),
            edition_note(audience),
        );
        return Exit::Ok;
    }
    // The public site shows no private value: it is not kept past its parsing.
    let private = if audience.is_public() {
        crate::model::PrivateValues::Dropped
    } else {
        crate::model::PrivateValues::Kept
    };
    let (program, problems) = crate::load_program_with(dir, private);
    let Some(program) = program else {
        let exit = failed(&problems);
        print_problems(problems);
        eprintln!("{NOT_BUILT}");
        return exit;
    };
    let warnings = crate::report::human(&problems.into_sorted(), color);
    eprint!("{warnings}");
    // Everything that can refuse the build is checked before anything is written: the audience,
    // where the edition goes, and the browser.
    if let Audience::Pair(id) = audience
        && !program.pairs.iter().any(|p| &p.id == id)
    {
        let hint = crate::diagnostic::did_you_mean(
            id.as_str(),
            program.pairs.iter().map(|p| p.id.as_str()),
        )
        .map_or_else(String::new, |b| format!(" (did you mean `pair:{b}`?)"));
        eprintln!("error: there is no pair `{id}`{hint}");
        eprintln!("{NOT_BUILT}");
        return Exit::Failure;
    }
    let dest = program.config.dest_for(audience, dest);
    if !audience.is_public() && same_folder(&dest, &program.config.dest_dir()) {
        eprintln!(
            "error: refusing to write the {audience} edition into the public site's folder {}",
            dest.display()
        );
        eprintln!(
            "  help: leave out -d to use {}/{}",
            crate::config::PRIVATE_DIR,
            audience.folder()
        );
        eprintln!("{NOT_BUILT}");
        return Exit::Failure;
    }
    let browser = match with_pdf.map(|o| pdf::find_browser(o.browser.as_deref(), &program.config)) {
        Some(Err(e)) => return pdf_failed(&e),
        Some(Ok(b)) => Some(b),
        None => None,
    };
    let options = Options {
        audience: audience.clone(),
        pdf: with_pdf.is_some(),
        today: Some(today),
        progress: crate::progress::Progress::on_terminal(),
    };
    let loaded_in = started.elapsed();
    let mut theme = match Theme::load(&program.config) {
        Ok(t) => t,
        Err(p) => return render_failed(p),
    };
    // Pages go to the staged folder as they are rendered, so the site is never in memory whole.
    let stager = match crate::output::Stager::open(dir, &dest, None) {
        Ok(s) => s,
        Err(e) => {
            print_output_error(&e);
            return Exit::Failure;
        }
    };
    let site = render_to(&program, &mut theme, &options, &Selection::All, &|page| {
        Ok::<_, Stopped>(stager.put(&page.path, page.html.as_bytes())?)
    })
    .and_then(|site| {
        stager.put_assets(&site.assets)?;
        Ok(site)
    });
    options.progress.finish();
    let site = match site {
        Ok(s) => s,
        Err(Stopped::Render(p)) => return render_failed(p),
        Err(Stopped::Output(e)) => {
            print_output_error(&e);
            return Exit::Failure;
        }
    };
    // The pages made for paper, and the static files they load, must be in the staged folder for
    // the browser to print them, even when unchanged.
    let printed: std::collections::HashSet<&Path> =
        site.prints.iter().map(|d| d.page.as_path()).collect();
    let for_pdf =
        |p: &Path| with_pdf.is_some() && (crate::paths::is_static(p) || printed.contains(p));
    let staged = match stager.finish(for_pdf) {
        Ok(s) => s,
        Err(e) => {
            print_output_error(&e);
            return Exit::Failure;
        }
    };
    let built_in = started.elapsed();
    let rendered_in = built_in - loaded_in;
    if let Err(e) = pdf::carry_over(&staged, &site) {
        return pdf_failed(&e);
    }
    let made = match (&browser, with_pdf) {
        (Some(b), Some(o)) => match pdf::make(&staged, &site, b, o) {
            Ok(report) => Some(report),
            Err(e) => return pdf_failed(&e),
        },
        _ => None,
    };
    let written = match staged.commit() {
        Ok(w) => w,
        Err(e) => {
            print_output_error(&e);
            return Exit::Failure;
        }
    };
    if let Some(inputs) = inputs {
        let last = LastBuild {
            fingerprint: inputs.fingerprint,
            pages: site.rendered_pages(),
            pairs: program.pairs.len(),
            warnings,
        };
        // Without a record (a cache folder that cannot be written) the next build is a full one,
        // which is only slower: not worth a warning on every build.
        let _ = inputs::record(&inputs.dest, &last);
    }
    let edition = edition_note(audience);
    eprintln!(
        "built {} for {} into {} in {} ms (load and check {} ms, render {} ms): {} files written, {} unchanged{}{edition}",
        count(site.rendered_pages(), "page", "pages"),
        count(program.pairs.len(), "pair", "pairs"),
        dest.display(),
        built_in.as_millis(),
        loaded_in.as_millis(),
        rendered_in.as_millis(),
        written.written,
        written.unchanged,
        if written.removed > 0 {
            format!(", {} removed", written.removed)
        } else {
            String::new()
        }
    );
    if let Some(r) = made {
        eprintln!(
            "{} in {}: {} made in {:.1} s, {} unchanged",
            count(site.prints.len(), "PDF file", "PDF files"),
            dest.join(crate::paths::PDF_DIR).display(),
            r.made.len(),
            r.elapsed.as_secs_f64(),
            r.unchanged
        );
    }
    // The process ends here: freeing the program's every string one at a time would keep it
    // waiting (70 ms for 10,000 pairs) for memory the system takes back at once.
    std::mem::forget(program);
    Exit::Ok
}

/// What a build without PDF files reads, for telling whether the last build already made its site.
struct Inputs {
    /// The output folder.
    dest: std::path::PathBuf,
    /// The program folder's [fingerprint](crate::load::fingerprint), with everything else the site
    /// and the console depend on mixed in.
    fingerprint: u128,
}

impl Inputs {
    /// `None` when `book.toml` or a file cannot be read: the build then reports it.
    fn of(
        dir: &Path,
        dest: Option<&Path>,
        audience: &Audience,
        today: crate::model::Date,
        color: bool,
    ) -> Option<Inputs> {
        let config = crate::config::Config::load(dir).ok()?;
        let dest = std::path::absolute(config.dest_for(audience, dest)).ok()?;
        // The executable (another build of mentorbook may render differently: its size and time
        // tell, as they do for cargo), the edition, the date pages and checks depend on, and how
        // problems are shown. Not where the program or the output folder are: the site does not
        // depend on it.
        let exe = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
        let context = format!(
            "{}\n{} {:?}\n{audience}\n{today}\n{color}",
            env!("CARGO_PKG_VERSION"),
            exe.len(),
            exe.modified().ok()?,
        );
        let fingerprint = crate::load::fingerprint(dir, &context)?;
        Some(Inputs { dest, fingerprint })
    }
}

/// What the summary line says of a private edition: that it must not be published.
fn edition_note(audience: &Audience) -> String {
    if audience.is_public() {
        String::new()
    } else {
        format!(" (private edition for {audience}: do not publish)")
    }
}

/// Prints why a page could not be rendered; nothing was put in place.
fn render_failed(p: crate::diagnostic::Problem) -> Exit {
    let mut ps = Problems::default();
    ps.push(p);
    print_problems(ps);
    eprintln!("{NOT_BUILT}");
    Exit::ProgramErrors
}

/// Prints why the PDF files could not be made; nothing was put in place.
fn pdf_failed(e: &pdf::Error) -> Exit {
    eprintln!("error: {e}");
    if let Some(h) = e.hint() {
        eprintln!("  help: {h}");
    }
    eprintln!("{NOT_BUILT}");
    Exit::Failure
}

fn same_folder(a: &Path, b: &Path) -> bool {
    let norm = |p: &Path| {
        std::path::absolute(p)
            .map(|p| p.components().collect::<std::path::PathBuf>())
            .ok()
    };
    norm(a) == norm(b)
}
