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
        Command::Build(a) => cmd::build(&a.dir, a.dest_dir.as_deref()),
        Command::Check(a) => cmd::check(&a.dir, a.format, a.deny_warnings),
        Command::Clean(a) => cmd::clean(&a.dir, a.dest_dir.as_deref()),
    };
    ExitCode::from(exit as u8)
}
