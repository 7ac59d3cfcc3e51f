//! The binary form of a problem found by checking a pair ([`crate::codec`]), for the build's
//! cache of checked pairs: what a later build prints again without checking the pair again.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Code, Problem, Severity, Shown, Span};
use crate::codec::{Input, Stored};

/// Appends `problem`; `false`, with nothing appended, when it cannot be stored as it is: its
/// lines already read or placed (rather than to be read from the file when shown), or a file name
/// that is not UTF-8.
pub fn put_problem(problem: &Problem, out: &mut Vec<u8>) -> bool {
    let Problem {
        severity,
        code,
        span,
        message,
        hint,
        path,
        shown,
        wants_key_path,
    } = problem;
    let on_disk = match shown {
        None => false,
        Some(Shown::OnDisk(_)) => true,
        Some(Shown::Text(_) | Shown::Placed(_)) => return false,
    };
    let Some(file) = span.file.to_str() else {
        return false;
    };
    let Some(code) = Code::ALL.iter().position(|c| c == code) else {
        return false;
    };
    (*severity == Severity::Error).put(out);
    (code as u16).put(out);
    file.to_owned().put(out);
    span.line.put(out);
    span.column.put(out);
    message.put(out);
    hint.put(out);
    path.put(out);
    wants_key_path.put(out);
    on_disk.put(out);
    true
}

/// Reads a problem [`put_problem`] wrote; one that was to be read from its file when shown is
/// read from the program folder `root`.
pub fn take_problem(input: &mut Input<'_>, root: &Arc<Path>) -> Option<Problem> {
    let severity = if bool::take(input)? {
        Severity::Error
    } else {
        Severity::Warning
    };
    let code = *Code::ALL.get(usize::from(u16::take(input)?))?;
    let span = Span {
        file: PathBuf::from(String::take(input)?),
        line: u32::take(input)?,
        column: u32::take(input)?,
    };
    let problem = Problem {
        severity,
        code,
        span,
        message: String::take(input)?,
        hint: Stored::take(input)?,
        path: Stored::take(input)?,
        wants_key_path: bool::take(input)?,
        shown: None,
    };
    Some(if bool::take(input)? {
        problem.read_when_shown(root)
    } else {
        problem
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_comes_back_as_it_went() {
        let root: Arc<Path> = Arc::from(Path::new("/program"));
        let span = Span {
            file: PathBuf::from("content/pairs/a.yaml"),
            line: 3,
            column: 5,
        };
        let p = Problem::warning(Code::UnknownItem, span, "no item `x`")
            .hint("did you mean `y`?")
            .read_when_shown(&root);
        let mut bytes = Vec::new();
        assert!(put_problem(&p, &mut bytes));
        let back = take_problem(&mut Input::new(&bytes), &root).unwrap();
        assert_eq!(format!("{back:?}"), format!("{p:?}"));
        for cut in 0..bytes.len() {
            assert!(take_problem(&mut Input::new(&bytes[..cut]), &root).is_none());
        }
        let held = p.clone().with_source(&Arc::from("a: b\n"));
        assert!(!put_problem(&held, &mut Vec::new()), "lines already read");
    }
}
