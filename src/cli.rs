//! The command line, parsed by clap.

use std::num::NonZeroUsize;
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
    /// Build the site with PDF files of every workbook and of the handbook (needs Chromium).
    Pdf(PdfArgs),
    /// Check the program for problems without writing anything.
    Check(DirArg),
    /// Remove the built site.
    Clean(OutArgs),
}

/// A program folder.
#[derive(Debug, Args)]
pub struct DirArg {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
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

/// A program folder and its output folder.
#[derive(Debug, Args)]
pub struct OutArgs {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The output folder, relative to the program folder (default: `[build] dest-dir`, or `book`).
    #[arg(short = 'd', long = "dest-dir")]
    pub dest_dir: Option<PathBuf>,
}

/// Arguments of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to read and write.
    #[command(flatten)]
    pub out: OutArgs,
    /// Also make PDF files of every workbook and of the handbook, as `mentorbook pdf` does.
    #[arg(long)]
    pub pdf: bool,
    /// With --pdf: the browser that prints PDF files (see `mentorbook pdf --help`).
    #[arg(long, value_name = "BROWSER", requires = "pdf")]
    pub browser: Option<PathBuf>,
    /// With --pdf: how many browsers print at once.
    #[arg(short = 'j', long, value_name = "N", requires = "pdf")]
    pub jobs: Option<NonZeroUsize>,
}

/// Arguments of `pdf`.
#[derive(Debug, Args)]
pub struct PdfArgs {
    /// Where to read and write.
    #[command(flatten)]
    pub out: OutArgs,
    /// How to make the PDF files.
    #[command(flatten)]
    pub browser: BrowserArgs,
}

/// How PDF files are made.
#[derive(Debug, Args)]
pub struct BrowserArgs {
    /// The browser that prints PDF files: a command on PATH or a path (default: `[print] browser`,
    /// or the first of chromium, chromium-browser, google-chrome found on PATH).
    #[arg(long, value_name = "BROWSER")]
    pub browser: Option<PathBuf>,
    /// How many browsers print at once (default: the number of CPUs, at most 6).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
}
