//! The command line, parsed by clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Turns a mentoring program kept as YAML and Markdown into a browsable handbook.
#[derive(Debug, Parser)]
#[command(name = "mentorbook", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new program folder with the default guidelines and a sample pair.
    Init(InitArgs),
    /// Build the handbook site.
    Build(BuildArgs),
    /// Check the program for problems without writing anything.
    Check(CheckArgs),
    /// Remove the built site.
    Clean(BuildArgs),
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// How to print problems: `human` (default), `json` (one object a line) or `github`
    /// (annotations on a pull request).
    #[arg(long, value_enum, default_value_t)]
    pub format: mentorbook::report::Format,
    /// Fail (exit 1) on warnings too, for strict CI.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the program (created if missing).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Write into a folder that is not empty; existing files are still never overwritten.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `build` and `clean`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The output folder, relative to the program folder (default: `[build] dest-dir`, or `book`).
    #[arg(short = 'd', long = "dest-dir")]
    pub dest_dir: Option<PathBuf>,
}
