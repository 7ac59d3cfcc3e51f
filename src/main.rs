//! The `mentorbook` command: parse the arguments, run the command, exit with its code.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, Command};
use mentorbook::cmd;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match &cli.command {
        Command::Init(a) => cmd::init(&a.dir, a.force),
        Command::Build(a) => {
            let pdf = a.pdf.then(|| pdf_options(a.browser.clone(), a.jobs));
            cmd::build(&a.out.dir, a.out.dest_dir.as_deref(), pdf.as_ref())
        }
        Command::Pdf(a) => cmd::pdf(
            &a.out.dir,
            a.out.dest_dir.as_deref(),
            &pdf_options(a.browser.browser.clone(), a.browser.jobs),
        ),
        Command::Check(a) => cmd::check(&a.dir),
        Command::Clean(a) => cmd::clean(&a.dir, a.dest_dir.as_deref()),
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
