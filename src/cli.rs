//! The command line, parsed by clap.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use mentorbook::model::Audience;
use mentorbook::scaffold::Language;

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
    /// Build the site, serve it on this machine, and rebuild and reload it on every change.
    Serve(ServeArgs),
    /// Build the site, then rebuild it on every change.
    Watch(WatchArgs),
    /// Build the site with PDF files of every workbook and of the handbook (needs Chromium).
    Pdf(PdfArgs),
    /// Check the program for problems without writing anything.
    Check(CheckArgs),
    /// Remove the built site.
    Clean(OutArgs),
    /// Write the coordinators' spreadsheets (pairs, people, progress) as CSV files.
    Export(ExportArgs),
    /// Propose pairs for the mentees without one, from their profiles, with the reasons.
    Match(MatchArgs),
    /// Start a new pair or person file from the program's own data.
    #[command(subcommand)]
    New(NewCommand),
    /// Add people or pairs from a spreadsheet (CSV): checked first, written only when every row is good.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write the JSON Schemas of the program's files, for editor completion and checking.
    Schema(SchemaArgs),
}

/// What `new` makes.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A pair file, `content/pairs/<mentor>-<mentee>.yaml`, with every checklist item listed.
    Pair(NewPairArgs),
    /// A person file, `content/people/<id>.yaml`.
    Person(NewPersonArgs),
}

/// What `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// People: a file each under `content/people/`, or entries added to `content/people.yaml`.
    People(ImportArgs),
    /// Pairs: a file each under `content/pairs/`, as `new pair` writes them.
    Pairs(ImportArgs),
}

/// Arguments of `import people` and `import pairs`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// `[DIR] FILE`: the program folder (default: the current one) and the spreadsheet, saved as
    /// CSV (comma or semicolon, UTF-8 with or without a byte-order mark).
    #[arg(num_args = 1..=2, required = true, value_names = ["DIR", "FILE"])]
    pub dir_and_file: Vec<PathBuf>,
    /// A mapping file (TOML): which field each column fills. Without it, the header row must name
    /// the fields (`name`, `roles`, `contact.email`...).
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// Write a first mapping for the spreadsheet into FILE, guessed from its header, and import
    /// nothing: correct it, then import with `--map FILE`.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["map", "update", "skip_bad", "dry_run"])]
    pub write_map: Option<PathBuf>,
    /// Change the people or pairs already there from the rows with their id (people without an
    /// id column: also found by e-mail); only the values the spreadsheet gives change.
    #[arg(long)]
    pub update: bool,
    /// Write the good rows and list the rows with errors, rather than writing nothing.
    #[arg(long)]
    pub skip_bad: bool,
    /// Show what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Arguments of `new pair`.
#[derive(Debug, Args)]
pub struct NewPairArgs {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The mentor's person id (required; left optional here so that leaving it out gets a
    /// message with an example, not clap's usage line).
    #[arg(long)]
    pub mentor: Option<String>,
    /// The mentee's person id (required, as `--mentor` is).
    #[arg(long)]
    pub mentee: Option<String>,
    /// The start date, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub start: Option<String>,
    /// The pair's id, if not `<mentor>-<mentee>`.
    #[arg(long)]
    pub id: Option<String>,
}

/// Arguments of `new person`.
#[derive(Debug, Args)]
pub struct NewPersonArgs {
    /// `[DIR] ID`: the program folder (default: the current one) and the new person's id
    /// (required; left optional here so that leaving it out gets a message with an example).
    #[arg(num_args = 0..=2, value_names = ["DIR", "ID"])]
    pub dir_and_id: Vec<String>,
    /// Full name (required, as the id is).
    #[arg(long)]
    pub name: Option<String>,
    /// A role; repeat for several (default: mentee).
    #[arg(long = "role", value_enum)]
    pub roles: Vec<RoleArg>,
    /// Job title or position.
    #[arg(long)]
    pub title: Option<String>,
}

/// A role, on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RoleArg {
    /// Guides a mentee.
    Mentor,
    /// Is guided by a mentor.
    Mentee,
    /// Runs the program.
    Coordinator,
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Where to write the schemas (default: `schemas/` in the program folder).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Where to write the CSV files, relative to the program folder (default:
    /// `book-private/exports`). Never the public site's folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Arguments of `match`.
#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// How to print the proposals: `human` (default) or `json` (the same data, for tools).
    #[arg(long, value_enum, default_value_t)]
    pub format: MatchFormat,
    /// Draft a pair file for each proposal in content/pairs/ (`status: proposed`, the reasons in
    /// a comment at the top). Never overwrites a file.
    #[arg(long)]
    pub write: bool,
}

/// How `match` prints its report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum MatchFormat {
    /// A report to read.
    #[default]
    Human,
    /// JSON, in the shape docs/commands.md describes.
    Json,
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
    /// The program's language, a BCP 47 tag (`book.toml`'s `language`). `es` writes the guide,
    /// the phase checklists and the sample in Spanish; `fr`, `de` and `pt` write them in English,
    /// each file saying so in the language at its top; other tags get the English files.
    #[arg(long, value_name = "TAG", default_value = "en", value_parser = Language::parse)]
    pub language: Language,
}

/// A program folder and its output folder.
#[derive(Debug, Args)]
pub struct OutArgs {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The output folder, relative to the program folder (default: `[build] dest-dir`, or `book`;
    /// for a private edition, `book-private/<audience>`).
    #[arg(short = 'd', long = "dest-dir")]
    pub dest_dir: Option<PathBuf>,
    /// Who the site is for: `public` (the hosted site, the default), `coordinators` (everything),
    /// or `pair:<pair-id>` (that pair's own private content too).
    #[arg(long, default_value = "public", value_parser = Audience::parse)]
    pub audience: Audience,
}

/// What the command line sets over `book.toml`, for the commands that build.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The address the site is published at, such as `https://user.github.io/repo/`: overrides
    /// `[site] base-url` of book.toml for this build.
    #[arg(long, value_name = "URL", value_parser = base_url)]
    pub base_url: Option<String>,
}

impl SiteArgs {
    /// The overrides these arguments make.
    pub fn overrides(&self) -> mentorbook::config::Overrides {
        mentorbook::config::Overrides {
            base_url: self.base_url.clone(),
        }
    }
}

/// `--base-url`, checked as `[site] base-url` is.
fn base_url(url: &str) -> Result<String, String> {
    mentorbook::config::check_base_url(url)
        .map(|()| url.to_owned())
        .map_err(|hint| format!("not a web address: {hint}"))
}

/// Arguments of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to read and write.
    #[command(flatten)]
    pub out: OutArgs,
    /// What to set over book.toml.
    #[command(flatten)]
    pub site: SiteArgs,
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

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where to read and write.
    #[command(flatten)]
    pub out: WatchArgs,
    /// The port to listen on; when it is taken, a free one is used and said.
    #[arg(short = 'p', long, default_value_t = 3000)]
    pub port: u16,
    /// The address to listen on. Anything but 127.0.0.1 or ::1 makes the site reachable from
    /// other machines.
    #[arg(short = 'n', long = "hostname", default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Edit in the browser: forms on each pair's pages save to the program's files (checked
    /// first, comments kept). Serves the coordinators' edition; on this machine only.
    #[arg(long)]
    pub edit: bool,
    /// Whom the served edition is for: `public` (the default), `coordinators` (the default with
    /// `--edit`), or `pair:<pair-id>`.
    #[arg(long, value_parser = Audience::parse)]
    pub audience: Option<Audience>,
}

/// Arguments of `watch`, and where `serve` reads and writes.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The program folder (the one holding book.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The output folder, relative to the program folder (default: `[build] dest-dir`, or `book`).
    #[arg(short = 'd', long = "dest-dir")]
    pub dest_dir: Option<PathBuf>,
    /// What to set over book.toml.
    #[command(flatten)]
    pub site: SiteArgs,
}

/// Arguments of `pdf`.
#[derive(Debug, Args)]
pub struct PdfArgs {
    /// Where to read and write.
    #[command(flatten)]
    pub out: OutArgs,
    /// What to set over book.toml.
    #[command(flatten)]
    pub site: SiteArgs,
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
