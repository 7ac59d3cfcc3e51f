//! The key path of a place in a YAML file (`goals[2].time_bound`), for messages: a coordinator
//! reading "line 41" in a long pair file also wants to know which goal it is about.

use serde_saphyr::granit_parser::{Event, Parser};

enum Frame {
    Map { key: Option<String>, want_key: bool },
    Seq { index: Option<usize> },
}

fn render(frames: &[Frame]) -> String {
    let mut out = String::new();
    for f in frames {
        match f {
            Frame::Map { key: Some(k), .. } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Frame::Seq { index: Some(i) } => out.push_str(&format!("[{i}]")),
            _ => {}
        }
    }
    out
}

/// The path of the node written at `line`:`column` (1-based), or of the last node that starts
/// before it. `None` for a file that does not parse up to there, or a place before any key.
pub fn key_path(text: &str, line: u32, column: u32) -> Option<String> {
    key_paths(text, &[(line, column)]).pop().flatten()
}

/// The [`key_path`] of each of `places` (1-based line and column), in the same order, from one
/// reading of `text`: a file with thousands of problems is parsed once, not once per problem.
pub fn key_paths(text: &str, places: &[(u32, u32)]) -> Vec<Option<String>> {
    let mut found = vec![None; places.len()];
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by_key(|&i| places[i]);
    let target = |i: usize| (places[i].0 as usize, places[i].1 as usize);
    let mut next = order.into_iter().peekable();
    let mut frames: Vec<Frame> = Vec::new();
    let mut best: Option<String> = None;
    for item in Parser::new_from_str(text) {
        let Some(&first) = next.peek() else { break };
        let Ok((event, span)) = item else { break };
        let at = (span.start.line(), span.start.col() + 1);
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
                | Event::Alias(..)
        );
        if is_node {
            if at > target(first) {
                // Every place before this node is about the last node before it.
                while let Some(i) = next.next_if(|&i| at > target(i)) {
                    found[i].clone_from(&best);
                }
                if next.peek().is_none() {
                    break;
                }
            }
            match frames.last_mut() {
                Some(Frame::Map { key, want_key }) => {
                    if *want_key {
                        *key = match &event {
                            Event::Scalar(name, ..) => Some(name.to_string()),
                            _ => Some("?".to_owned()),
                        };
                    }
                    *want_key = !*want_key;
                }
                Some(Frame::Seq { index }) => *index = Some(index.map_or(0, |i| i + 1)),
                None => {}
            }
            let path = render(&frames);
            if !path.is_empty() {
                best = Some(path);
            }
        }
        match event {
            Event::MappingStart(..) => frames.push(Frame::Map {
                key: None,
                want_key: true,
            }),
            Event::SequenceStart(..) => frames.push(Frame::Seq { index: None }),
            Event::MappingEnd | Event::SequenceEnd => {
                frames.pop();
            }
            _ => {}
        }
    }
    for i in next {
        found[i].clone_from(&best);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::key_path;

    const PAIR: &str = "mentor: ana\ngoals:\n  - id: a\n    title: A\n  - id: b\n    time_bound: 2025-13-01\n    milestones:\n      - title: x\n        due: nope\nprogress:\n  initiation:\n    first-meeting: 2025-01-01\n";

    #[test]
    fn finds_keys_values_and_indices() {
        assert_eq!(key_path(PAIR, 1, 9).as_deref(), Some("mentor"));
        assert_eq!(
            key_path(PAIR, 6, 17).as_deref(),
            Some("goals[1].time_bound")
        );
        assert_eq!(key_path(PAIR, 6, 5).as_deref(), Some("goals[1].time_bound"));
        assert_eq!(
            key_path(PAIR, 9, 14).as_deref(),
            Some("goals[1].milestones[0].due")
        );
        assert_eq!(
            key_path(PAIR, 12, 5).as_deref(),
            Some("progress.initiation.first-meeting")
        );
    }

    #[test]
    fn flow_style_and_errors_are_fine() {
        assert_eq!(
            key_path("agenda: [a, b, c]\n", 1, 16).as_deref(),
            Some("agenda[2]")
        );
        assert_eq!(key_path("a: [unclosed\n", 1, 4).as_deref(), Some("a"));
        assert_eq!(key_path("", 1, 1), None);
    }

    #[test]
    fn many_places_at_once_match_one_at_a_time() {
        let places = [(12, 5), (1, 9), (6, 17), (9, 14), (6, 5), (1, 9), (40, 1)];
        let each: Vec<_> = places.iter().map(|&(l, c)| key_path(PAIR, l, c)).collect();
        assert_eq!(super::key_paths(PAIR, &places), each);
    }
}
