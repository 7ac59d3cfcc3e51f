//! The "Install mentorbook" step of the workflow `init` writes, run as the shell script it is (with
//! bash, as GitHub runs a `run:` step) on this machine, with the repository a local folder reached
//! by a `file://` address instead of the network.
//!
//! The fast tests put a stand-in `cargo` first on the PATH, which records how it was called: they
//! check which way the script takes (the cache, the release's binary, the registry, the git tag)
//! without compiling anything. The slow test, ignored by default, compiles mentorbook from a local
//! clone of this repository with the real cargo, then runs the step again as a cached run would:
//! `cargo test --test testsuite install_step -- --ignored --nocapture` prints both times.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use serde_json::Value;

use crate::harness::{Program, repo_root};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The workflow `init` writes, and the step's script and the workflow's `env`.
struct Step {
    script: String,
    version: String,
}

fn install_step() -> Step {
    let program = Program::empty();
    program.run(&["init"]).success();
    let text = program.read(".github/workflows/mentorbook.yml");
    let workflow: Value = serde_saphyr::from_str(&text).expect("the workflow is YAML");
    let version = workflow["env"]["MENTORBOOK_VERSION"]
        .as_str()
        .expect("env.MENTORBOOK_VERSION")
        .to_owned();
    let steps = workflow["jobs"]["site"]["steps"]
        .as_array()
        .expect("jobs.site.steps");
    let script = steps
        .iter()
        .find(|s| s["name"] == "Install mentorbook")
        .and_then(|s| s["run"].as_str())
        .expect("a step `Install mentorbook` with a `run:`")
        .to_owned();
    Step { script, version }
}

/// A place to run the step: the install root (what the cache keeps), the "repository" folder and
/// a folder for stand-in commands.
struct Place {
    tmp: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        Place {
            tmp: tempfile::Builder::new()
                .prefix("mentorbook-install-")
                .tempdir()
                .unwrap(),
        }
    }
    fn root(&self) -> PathBuf {
        self.tmp.path().join("root")
    }
    fn repository(&self) -> PathBuf {
        self.tmp.path().join("repository")
    }
    fn fake_bin(&self) -> PathBuf {
        self.tmp.path().join("fake-bin")
    }
    fn github_path(&self) -> PathBuf {
        self.tmp.path().join("github-path")
    }
    fn cargo_calls(&self) -> String {
        fs::read_to_string(self.tmp.path().join("cargo-calls")).unwrap_or_default()
    }

    /// Puts a stand-in `cargo` first on the PATH: it records its arguments, fails an install from
    /// the registry as an unpublished crate does, and "builds" an install from git by copying
    /// this build's binary into the root.
    fn fake_cargo(&self) {
        fs::create_dir_all(self.fake_bin()).unwrap();
        let path = self.fake_bin().join("cargo");
        let script = format!(
            "#!/bin/sh\n\
             echo \"$*\" >> '{calls}'\n\
             case \"$*\" in\n\
               *--git*) mkdir -p '{root}/bin' && cp '{binary}' '{root}/bin/mentorbook' ;;\n\
               *) echo 'error: could not find `mentorbook` in registry' >&2; exit 101 ;;\n\
             esac\n",
            calls = self.tmp.path().join("cargo-calls").display(),
            root = self.root().display(),
            binary = binary().display(),
        );
        fs::write(&path, script).unwrap();
        make_executable(&path);
    }

    /// Runs the step's script with bash as GitHub does, with `repository` as the address.
    fn run(&self, step: &Step, repository: &str) -> Output {
        self.run_on(step, repository, true)
    }

    /// [`Place::run`], on GitHub (`GITHUB_PATH` set) or elsewhere.
    fn run_on(&self, step: &Step, repository: &str, github: bool) -> Output {
        let script = self.tmp.path().join("install.sh");
        fs::write(&script, &step.script).unwrap();
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![self.fake_bin()];
        paths.extend(std::env::split_paths(&path));
        let mut bash = Command::new("bash");
        bash.args(["--noprofile", "--norc", "-eo", "pipefail"])
            .arg(&script)
            .env("PATH", std::env::join_paths(paths).unwrap())
            .env("MENTORBOOK_VERSION", &step.version)
            .env("MENTORBOOK_REPOSITORY", repository)
            .env("MENTORBOOK_ROOT", self.root());
        if github {
            bash.env("GITHUB_PATH", self.github_path());
        } else {
            bash.env_remove("GITHUB_PATH");
        }
        bash.output().expect("run bash")
    }

    /// The version the installed `mentorbook --version` says, if there is one.
    fn installed_version(&self) -> Option<String> {
        let out = Command::new(self.root().join("bin/mentorbook"))
            .arg("--version")
            .output()
            .ok()?;
        Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }
}

/// This build's `mentorbook` binary.
fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("mentorbook")
}

fn make_executable(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn text(out: &Output) -> String {
    format!(
        "--- stdout ---\n{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The release target the script picks on this machine, as release.yml names its archives.
fn this_target() -> Option<&'static str> {
    match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "x86_64") => Some("x86_64-unknown-linux-musl"),
        ("linux", "aarch64") => Some("aarch64-unknown-linux-musl"),
        ("macos", "x86_64") => Some("x86_64-apple-darwin"),
        ("macos", "aarch64") => Some("aarch64-apple-darwin"),
        _ => None,
    }
}

/// Puts a release archive of this build's binary where the script looks for it, in
/// `<repository>/releases/download/v<version>/`, with its checksum file (`corrupt`: a wrong one).
fn put_release(place: &Place, target: &str, corrupt: bool) {
    let dir = place
        .repository()
        .join(format!("releases/download/v{VERSION}"));
    let staging = place.tmp.path().join("staging");
    fs::create_dir_all(&dir).unwrap();
    fs::create_dir_all(&staging).unwrap();
    fs::copy(binary(), staging.join("mentorbook")).unwrap();
    let archive = format!("mentorbook-v{VERSION}-{target}.tar.gz");
    let ok = Command::new("tar")
        .arg("-czf")
        .arg(dir.join(&archive))
        .arg("-C")
        .arg(&staging)
        .arg("mentorbook")
        .status()
        .unwrap();
    assert!(ok.success());
    let sum = Command::new("sha256sum")
        .arg(&archive)
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(sum.status.success());
    let mut line = String::from_utf8(sum.stdout).unwrap();
    if corrupt {
        line = format!("{}{}", "0".repeat(64), &line[64..]);
    }
    fs::write(dir.join(format!("{archive}.sha256")), line).unwrap();
}

#[test]
fn the_step_pins_the_version_that_wrote_it() {
    assert_eq!(install_step().version, VERSION);
}

#[test]
fn a_cached_mentorbook_of_the_version_is_used_as_it_is() {
    let step = install_step();
    let place = Place::new();
    place.fake_cargo();
    fs::create_dir_all(place.root().join("bin")).unwrap();
    fs::copy(binary(), place.root().join("bin/mentorbook")).unwrap();
    let out = place.run(&step, &file_url(&place.repository()));
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("from the cache"),
        "{}",
        text(&out)
    );
    assert_eq!(place.cargo_calls(), "", "cargo ran on a cache hit");
    // The later steps find it on the PATH.
    let github_path = fs::read_to_string(place.github_path()).unwrap();
    assert_eq!(
        github_path.trim(),
        place.root().join("bin").display().to_string()
    );
}

#[test]
fn the_script_works_outside_github_too() {
    // As GitLab runs it (git-hosts.md): no GITHUB_PATH, and the job's shell goes on after it.
    let step = install_step();
    let place = Place::new();
    place.fake_cargo();
    let script = format!("{}\necho after the install\n", step.script);
    let step = Step { script, ..step };
    let out = place.run_on(&step, &file_url(&place.repository()), false);
    assert!(out.status.success(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("after the install\n"));
    assert!(!place.github_path().exists());
    assert_eq!(
        place.installed_version().as_deref(),
        Some(format!("mentorbook {VERSION}").as_str())
    );
}

#[test]
fn without_a_release_it_tries_the_registry_then_the_git_tag() {
    let step = install_step();
    let place = Place::new();
    place.fake_cargo();
    // A cached mentorbook of another version is not taken.
    fs::create_dir_all(place.root().join("bin")).unwrap();
    let old = place.root().join("bin/mentorbook");
    fs::write(&old, "#!/bin/sh\necho 'mentorbook 0.0.1'\n").unwrap();
    make_executable(&old);
    let repository = file_url(&place.repository());
    let out = place.run(&step, &repository);
    assert!(out.status.success(), "{}", text(&out));
    let root = place.root().display().to_string();
    assert_eq!(
        place.cargo_calls(),
        format!(
            "install mentorbook --version ={VERSION} --locked --force --root {root}\n\
             install mentorbook --git {repository} --tag v{VERSION} --locked --force --root {root}\n"
        )
    );
    assert_eq!(
        place.installed_version().as_deref(),
        Some(format!("mentorbook {VERSION}").as_str())
    );
}

#[test]
fn the_release_s_binary_is_taken_when_its_checksum_matches() {
    let Some(target) = this_target() else {
        eprintln!("no release binary for this machine: nothing to test");
        return;
    };
    let step = install_step();
    let place = Place::new();
    place.fake_cargo();
    put_release(&place, target, false);
    let out = place.run(&step, &file_url(&place.repository()));
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("the release's prebuilt binary"),
        "{}",
        text(&out)
    );
    assert_eq!(
        place.cargo_calls(),
        "",
        "cargo ran with a release binary there"
    );
    assert_eq!(
        place.installed_version().as_deref(),
        Some(format!("mentorbook {VERSION}").as_str())
    );
}

#[test]
fn a_release_binary_that_does_not_match_its_checksum_stops_the_step() {
    let Some(target) = this_target() else {
        eprintln!("no release binary for this machine: nothing to test");
        return;
    };
    let step = install_step();
    let place = Place::new();
    place.fake_cargo();
    put_release(&place, target, true);
    let out = place.run(&step, &file_url(&place.repository()));
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("FAILED")
            || String::from_utf8_lossy(&out.stdout).contains("FAILED"),
        "{}",
        text(&out)
    );
    assert!(!place.root().join("bin/mentorbook").exists());
    assert_eq!(place.cargo_calls(), "");
}

/// Clones this repository into `to` (its committed state) and tags the commit `v<version>`, as a
/// release would be.
fn clone_with_tag(to: &Path) {
    let git = |args: &[&str], dir: &Path| {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("run git");
        assert!(out.status.success(), "git {args:?}: {}", text(&out));
    };
    git(
        &[
            "clone",
            "--quiet",
            "--no-hardlinks",
            &repo_root().display().to_string(),
            &to.display().to_string(),
        ],
        repo_root(),
    );
    git(&["tag", "--force", &format!("v{VERSION}")], to);
}

#[test]
#[ignore = "compiles mentorbook in release mode from a clone (minutes); run with --ignored"]
fn the_step_builds_mentorbook_from_a_local_clone_then_the_cache_serves_it() {
    let step = install_step();
    let place = Place::new();
    clone_with_tag(&place.repository());
    let repository = file_url(&place.repository());
    let started = Instant::now();
    let cold = place.run(&step, &repository);
    let cold_time = started.elapsed();
    assert!(cold.status.success(), "{}", text(&cold));
    assert_eq!(
        place.installed_version().as_deref(),
        Some(format!("mentorbook {VERSION}").as_str())
    );
    // The next run, with ~/.mentorbook restored by the cache.
    let started = Instant::now();
    let cached = place.run(&step, &repository);
    let cached_time = started.elapsed();
    assert!(cached.status.success(), "{}", text(&cached));
    assert!(String::from_utf8_lossy(&cached.stdout).contains("from the cache"));
    eprintln!(
        "install step: {:.1} s without the cache (compiled from the clone), {:.3} s with it",
        cold_time.as_secs_f64(),
        cached_time.as_secs_f64()
    );
}
