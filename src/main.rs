//! The `mentorbook` command: parse the arguments, run the command, exit with its code.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, Command, ImportCommand, MatchFormat, NewCommand, RoleArg};
use mentorbook::cmd;
use mentorbook::model::Role;

/// mimalloc rather than the system's allocator: a build allocates and frees millions of small
/// strings from two threads, which glibc's allocator does more slowly and with more memory held.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Transparent huge pages off for this process, before it allocates much. mimalloc asks the kernel
/// for them; a build's memory comes and goes so fast that the kernel then zeroes 2 MB pages over and
/// over: at 10,000 pairs that was about 3 s of a 17 s build (`perf`: `clear_page_erms` under
/// `do_huge_pmd_anonymous_page`), with no gain in memory or speed anywhere else.
#[cfg(target_os = "linux")]
fn no_huge_pages() {
    // SAFETY: `PR_SET_THP_DISABLE` takes plain integers and only sets a flag of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() {}

/// mimalloc's `mi_option_purge_delay` (mimalloc.h): libmimalloc-sys leaves the options unnamed, to
/// be passed by number.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory a build frees goes back to the system after a quarter of a second rather than mimalloc's
/// default second. A build frees and allocates so fast that a second's worth of freed pages made
/// its peak memory swing from run to run: at 10,000 pairs 340-394 MiB with the default, 327-347
/// with 250 ms, in interleaved runs whose times did not differ beyond their noise. (100 ms saved
/// some 10 MiB more and may have cost 2% of the time; a delay of 0 cost 1.5 s of system time.)
///
/// For `build` only: `serve` rebuilds a page or two at a time, a second or so apart, and found the
/// memory of its last rebuild given back and had to fault it in again (one-pair rebuilds at 10,000
/// pairs: median 20 ms against 16 ms).
fn purge_sooner() {
    // SAFETY: sets a number in mimalloc's options table; called before the build starts any
    // other thread (the function is not thread-safe).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) }
}

/// See [`purge_sooner`].
const PURGE_DELAY_MS: std::ffi::c_long = 250;

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    let exit = match &cli.command {
        Command::Init(a) => cmd::init(&a.dir, a.force, &a.language),
        Command::Build(a) => {
            purge_sooner();
            let pdf = a.pdf.then(|| pdf_options(a.browser.clone(), a.jobs));
            cmd::build(
                &a.out.dir,
                a.out.dest_dir.as_deref(),
                &a.out.audience,
                &a.site.overrides(),
                pdf.as_ref(),
            )
        }
        Command::Pdf(a) => cmd::pdf(
            &a.out.dir,
            a.out.dest_dir.as_deref(),
            &a.out.audience,
            &a.site.overrides(),
            &pdf_options(a.browser.browser.clone(), a.browser.jobs),
        ),
        Command::Serve(a) => cmd::serve(
            &a.out.dir,
            a.out.dest_dir.as_deref(),
            &a.out.site.overrides(),
            &cmd::Listen {
                host: a.host,
                port: a.port,
                open: a.open,
                edit: a.edit,
                audience: a.audience.clone(),
            },
        ),
        Command::Watch(a) => cmd::watch(&a.dir, a.dest_dir.as_deref(), &a.site.overrides()),
        Command::Check(a) => cmd::check(&a.dir, a.format, a.deny_warnings),
        Command::Clean(a) => cmd::clean(&a.dir, a.dest_dir.as_deref(), &a.audience),
        Command::Export(a) => cmd::export(&a.dir, a.out.as_deref()),
        Command::Match(a) => cmd::match_pairs(&a.dir, a.format == MatchFormat::Json, a.write),
        Command::New(NewCommand::Pair(a)) => cmd::new_pair(
            &a.dir,
            a.mentor.as_deref(),
            a.mentee.as_deref(),
            a.start.as_deref(),
            a.id.as_deref(),
        ),
        Command::New(NewCommand::Person(a)) => {
            let (dir, id) = match a.dir_and_id.as_slice() {
                [] => (".", None),
                // A program folder alone (`new person . --name ...`): the id is what is missing.
                [dir] if std::path::Path::new(dir).join("book.toml").is_file() => {
                    (dir.as_str(), None)
                }
                [id] => (".", Some(id.as_str())),
                [dir, id, ..] => (dir.as_str(), Some(id.as_str())),
            };
            let roles: Vec<Role> = a
                .roles
                .iter()
                .map(|r| match r {
                    RoleArg::Mentor => Role::Mentor,
                    RoleArg::Mentee => Role::Mentee,
                    RoleArg::Coordinator => Role::Coordinator,
                })
                .collect();
            cmd::new_person(
                std::path::Path::new(dir),
                id,
                a.name.as_deref(),
                &roles,
                a.title.as_deref(),
            )
        }
        Command::Schema(a) => cmd::schema(&a.dir, a.out.as_deref()),
        Command::Import(c) => {
            let (kind, a) = match c {
                ImportCommand::People(a) => (mentorbook::import::Kind::People, a),
                ImportCommand::Pairs(a) => (mentorbook::import::Kind::Pairs, a),
            };
            let (dir, csv) = match a.dir_and_file.as_slice() {
                [csv] => (std::path::PathBuf::from("."), csv.clone()),
                [dir, csv, ..] => (dir.clone(), csv.clone()),
                [] => (std::path::PathBuf::from("."), std::path::PathBuf::new()),
            };
            let options = mentorbook::import::Options {
                kind,
                csv,
                map: a.map.clone(),
                update: a.update,
                skip_bad: a.skip_bad,
            };
            let mode = cmd::ImportMode {
                write_map: a.write_map.as_deref(),
                dry_run: a.dry_run,
            };
            cmd::import(&dir, &options, mode)
        }
    };
    ExitCode::from(exit as u8)
}

fn pdf_options(
    browser: Option<std::path::PathBuf>,
    jobs: Option<std::num::NonZeroUsize>,
) -> mentorbook::pdf::Options {
    let default = mentorbook::pdf::Options::default();
    mentorbook::pdf::Options {
        browser,
        jobs: jobs.map_or(default.jobs, std::num::NonZeroUsize::get),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option numbered 15 is the purge delay: it starts at mimalloc's default, a second, and
    /// holds what `purge_sooner` sets.
    #[test]
    fn purge_delay_is_the_option_set() {
        // SAFETY: reads mimalloc's options table.
        let get = || unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(get(), 1000);
        }
        purge_sooner();
        assert_eq!(get(), PURGE_DELAY_MS);
    }
}
