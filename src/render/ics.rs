//! iCalendar text (RFC 5545) as the calendar files need it: content lines folded at 75 octets,
//! TEXT values escaped, all-day dates.
//!
//! Written by hand rather than with a calendar crate: a site of 10,000 pairs has about 400,000
//! events, and building each as a map of properties before writing it took 2 of the build's 25
//! CPU seconds. The tests read what this writes with the `icalendar` crate's parser.

use crate::model::Date;

/// The longest content line, in octets, before it is folded (RFC 5545, 3.1).
const LINE: usize = 75;

/// An iCalendar file being written, one content line at a time.
pub struct Ics {
    text: String,
    /// The content line being written, before it is folded into `text`.
    line: String,
}

impl Ics {
    /// A file that starts with `BEGIN:VCALENDAR`.
    pub fn new() -> Ics {
        let mut ics = Ics {
            text: String::with_capacity(4096),
            line: String::with_capacity(256),
        };
        ics.begin("VCALENDAR");
        ics
    }

    /// `BEGIN:` a component.
    pub fn begin(&mut self, component: &str) {
        self.raw("BEGIN", component);
    }

    /// `END:` a component.
    pub fn end(&mut self, component: &str) {
        self.raw("END", component);
    }

    /// A property whose value is written as it is (a date, a URI, a keyword); `name` may carry
    /// parameters, such as `DTSTART;VALUE=DATE`.
    pub fn raw(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line.push_str(value);
        self.fold();
    }

    /// A property of type TEXT: backslashes, commas, semicolons and line breaks are escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        let mut start = 0;
        for (i, b) in value.bytes().enumerate() {
            let escaped = match b {
                b'\\' => "\\\\",
                b',' => "\\,",
                b';' => "\\;",
                b'\n' => "\\n",
                b'\r' => "",
                _ => continue,
            };
            // The bytes matched are ASCII, so `i` is between characters.
            self.line.push_str(&value[start..i]);
            self.line.push_str(escaped);
            start = i + 1;
        }
        self.line.push_str(&value[start..]);
        self.fold();
    }

    /// An all-day date: `NAME;VALUE=DATE:20250304`.
    pub fn date(&mut self, name: &str, date: Date) {
        self.dated(name, ";VALUE=DATE:", date, "");
    }

    /// The date as a UTC date-time at midnight: `NAME:20250304T000000Z`.
    pub fn midnight(&mut self, name: &str, date: Date) {
        self.dated(name, ":", date, "T000000Z");
    }

    /// `name`, then `before`, `date` as digits and `after`.
    fn dated(&mut self, name: &str, before: &str, date: Date, after: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push_str(before);
        push_date(&mut self.line, date);
        self.line.push_str(after);
        self.fold();
    }

    /// Ends the calendar and returns the file.
    pub fn finish(mut self) -> String {
        self.end("VCALENDAR");
        self.text
    }

    /// Appends `line` to the file, folded: at most 75 octets a line, cut between characters, the
    /// continuation starting with a space. A cut that would leave a space at the start of the
    /// continuation, which careless readers drop, is moved back to the character before the
    /// spaces.
    fn fold(&mut self) {
        let line = self.line.as_str();
        let mut rest = line;
        let mut limit = LINE;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            if rest[cut..].starts_with([' ', '\t']) {
                // The spaces before the cut, and the character before them, go to the next line.
                let run = rest[..cut].trim_end_matches([' ', '\t']).len();
                let last = rest[..run].chars().next_back().map_or(0, char::len_utf8);
                if run > last {
                    cut = run - last;
                }
            }
            self.text.push_str(&rest[..cut]);
            self.text.push_str("\r\n ");
            rest = &rest[cut..];
            // A continuation line starts with the space: one octet fewer for the content.
            limit = LINE - 1;
        }
        self.text.push_str(rest);
        self.text.push_str("\r\n");
    }
}

/// Appends `date` as iCalendar writes dates: `20250304`.
fn push_date(out: &mut String, date: Date) {
    let d = date.0;
    // Years are 0 to 9999 here: dates come from YAML as four digits.
    let year = d.year().clamp(0, 9999) as u32;
    let number = year * 10_000 + d.month() as u32 * 100 + d.day() as u32;
    let mut digits = [b'0'; 8];
    let mut rest = number;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    out.extend(digits.iter().map(|&b| char::from(b)));
}

#[cfg(test)]
mod tests {
    use icalendar::{Calendar, CalendarComponent, Component};
    use proptest::prelude::*;

    use super::*;

    /// A calendar of one event whose summary is `summary`, read back by the `icalendar` crate.
    fn summary_read_back(summary: &str) -> (String, String) {
        let mut ics = Ics::new();
        ics.raw("VERSION", "2.0");
        ics.begin("VEVENT");
        ics.date("DTSTART", Date(jiff::civil::date(2025, 3, 4)));
        ics.text("SUMMARY", summary);
        ics.text("UID", "x@y");
        ics.end("VEVENT");
        let text = ics.finish();
        let cal: Calendar = text.parse().expect("the calendar parses");
        let event = cal
            .components
            .iter()
            .find_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .expect("an event");
        (event.get_summary().unwrap_or_default().to_owned(), text)
    }

    fn lines_fit(text: &str) -> bool {
        text.strip_suffix("\r\n")
            .is_some_and(|t| t.split("\r\n").all(|l| l.len() <= LINE))
    }

    #[test]
    fn text_is_escaped_and_folded_and_reads_back_the_same() {
        let long = "Ana López & Ben Okafor: deadline of the goal “Keep consulting sessions on \
                    time”; agenda: one, two\\three, and a line\nbreak 😀 at the end";
        for s in [
            "plain",
            "a;b,c\\d\ne",
            long,
            &"é".repeat(120),
            &"😀".repeat(40),
            &"word ".repeat(40),
        ] {
            let (back, text) = summary_read_back(s);
            assert_eq!(back, s);
            assert!(lines_fit(&text), "a line is longer than 75 octets:\n{text}");
            assert!(
                !text.contains("\r\n  "),
                "a continuation starts with a space:\n{text}"
            );
        }
    }

    #[test]
    fn no_continuation_starts_with_a_space() {
        for before in 60..80 {
            for spaces in 1..6 {
                let s = format!(
                    "{}{}{}",
                    "x".repeat(before),
                    " ".repeat(spaces),
                    "y".repeat(90)
                );
                let (back, text) = summary_read_back(&s);
                assert_eq!(back, s);
                assert!(lines_fit(&text));
                assert!(!text.contains("\r\n  "), "{text}");
            }
        }
    }

    #[test]
    fn dates_are_all_day() {
        let mut ics = Ics::new();
        ics.date("DTSTART", Date(jiff::civil::date(2025, 3, 4)));
        ics.midnight("DTSTAMP", Date(jiff::civil::date(987, 12, 31)));
        assert_eq!(
            ics.finish(),
            "BEGIN:VCALENDAR\r\nDTSTART;VALUE=DATE:20250304\r\nDTSTAMP:09871231T000000Z\r\n\
             END:VCALENDAR\r\n"
        );
    }

    proptest! {
        #[test]
        fn any_text_reads_back_the_same(s in "[^\r]{0,300}") {
            let (back, text) = summary_read_back(&s);
            prop_assert_eq!(back, s);
            prop_assert!(lines_fit(&text));
        }
    }
}
