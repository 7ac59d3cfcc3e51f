//! Generates a realistic mentorbook program of any size, for benchmarks, and the equivalent Hugo
//! site.
//!
//! ```sh
//! cargo run --release --example generate -- --pairs 1000 --out /dev/shm/program-1000
//! cargo run --release --example generate -- --pairs 1000 --hugo /dev/shm/hugo-1000
//! ```
//!
//! The output is deterministic: the same `--pairs` and `--seed` give the same files, byte for byte.
//! See `bench/README.md`.

#[path = "../../bench/generator/mod.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use generator::{Options, World};

const USAGE: &str = "\
usage: generate --pairs N [--out DIR] [--hugo DIR] [--seed S] [--source DIR] [--people-file]

  --pairs N       how many mentoring pairs (required)
  --out DIR       write the mentorbook program folder to DIR
  --hugo DIR      write the equivalent Hugo site to DIR
  --seed S        the seed (default 7); the same pairs and seed give the same files
  --source DIR    the program whose phases, guide and theme CSS are copied
                  (default: this repository)
  --people-file   write everyone to content/people.yaml rather than content/people/<id>.yaml

DIR must be missing, empty, or written by this tool before (it is then replaced).";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut opts = Options::new(0);
    let mut pairs = None;
    let mut out = None;
    let mut hugo = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--pairs" => {
                let v = value("--pairs")?;
                pairs = Some(
                    v.parse::<usize>()
                        .map_err(|_| format!("--pairs wants a whole number, not `{v}`"))?,
                );
            }
            "--seed" => {
                let v = value("--seed")?;
                opts.seed = v
                    .parse()
                    .map_err(|_| format!("--seed wants a whole number, not `{v}`"))?;
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--hugo" => hugo = Some(PathBuf::from(value("--hugo")?)),
            "--source" => opts.source = PathBuf::from(value("--source")?),
            "--people-file" => opts.people_folder = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    opts.pairs = pairs.ok_or_else(|| format!("--pairs is required\n\n{USAGE}"))?;
    if out.is_none() && hugo.is_none() {
        return Err(format!("give --out DIR, --hugo DIR or both\n\n{USAGE}"));
    }

    let started = Instant::now();
    let world = World::generate(&opts).map_err(|e| e.to_string())?;
    if let Some(dir) = &out {
        let w = generator::yaml::write_program(&world, dir, opts.people_folder)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        eprintln!(
            "wrote a program of {} pairs and {} people to {}: {} files, {:.1} MB",
            world.pairs.len(),
            world.people.len(),
            dir.display(),
            w.files,
            w.bytes as f64 / 1e6
        );
    }
    if let Some(dir) = &hugo {
        let w = generator::hugo::write_site(&world, dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        eprintln!(
            "wrote the equivalent Hugo site to {}: {} files, {:.1} MB",
            dir.display(),
            w.files,
            w.bytes as f64 / 1e6
        );
    }
    eprintln!("in {:.2} s", started.elapsed().as_secs_f64());
    Ok(())
}
