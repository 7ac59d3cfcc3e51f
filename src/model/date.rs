//! Calendar dates as people write them in YAML: `YYYY-MM-DD`.

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date. Written and shown as `YYYY-MM-DD`; an impossible date is a load error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub jiff::civil::Date);

impl Date {
    /// Parses `YYYY-MM-DD`, with a message for people rather than programmers.
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let shaped = t.len() == 10
            && t.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !shaped {
            return Err(format!(
                "`{t}` is not a date: write dates as YYYY-MM-DD, for example 2025-03-14"
            ));
        }
        // Digits only, so the numbers fit (the shape was checked above).
        let number = |r: std::ops::Range<usize>| {
            t.as_bytes()[r]
                .iter()
                .fold(0i16, |n, b| n * 10 + i16::from(b - b'0'))
        };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        jiff::civil::Date::new(year, month as i8, day as i8)
            .map(Date)
            .map_err(|_| {
                format!("`{t}` is not a real date: check the month and the day (YYYY-MM-DD)")
            })
    }

    /// The date `months` months later (clamped to the month's last day).
    pub fn plus_months(self, months: u32) -> Date {
        // `Span::months` panics past jiff's range; `try_months` reports it instead.
        match jiff::Span::new().try_months(i64::from(months)) {
            Ok(span) => Date(self.0.checked_add(span).unwrap_or(self.0)),
            Err(_) => self,
        }
    }

    /// Today: the `MENTORBOOK_TODAY` environment variable (`YYYY-MM-DD`) when set, so checks that
    /// depend on the date can be reproduced, otherwise the system's local date.
    ///
    /// The variable is read once per process (a warning about a bad value is printed once); the
    /// system's date is asked each time, so a long `serve` sees midnight pass.
    pub fn today() -> Date {
        static PINNED: OnceLock<Option<Date>> = OnceLock::new();
        pinned(
            &PINNED,
            || std::env::var("MENTORBOOK_TODAY").ok(),
            |e| eprintln!("warning: MENTORBOOK_TODAY is ignored: {e}"),
        )
        .unwrap_or_else(|| Date(jiff::ZonedDateTime::now().date()))
    }

    /// `2025-03-14`; `None` for years before 1 BC, which jiff writes its own way.
    fn iso(self) -> Option<String> {
        let d = self.0;
        let year = u32::try_from(d.year()).ok()?;
        let mut out = String::with_capacity(10);
        push_digits(&mut out, year, 4);
        out.push('-');
        push_digits(&mut out, u32::from(d.month().unsigned_abs()), 2);
        out.push('-');
        push_digits(&mut out, u32::from(d.day().unsigned_abs()), 2);
        Some(out)
    }
}

/// The date `read` gives, parsed the first time only and kept in `cell`; `warn` is told once why a
/// value is not a date.
fn pinned(
    cell: &OnceLock<Option<Date>>,
    read: impl FnOnce() -> Option<String>,
    warn: impl FnOnce(&str),
) -> Option<Date> {
    *cell.get_or_init(|| match Date::parse(&read()?) {
        Ok(d) => Some(d),
        Err(e) => {
            warn(&e);
            None
        }
    })
}

/// Appends `n` in decimal with at least `width` digits, zeros in front.
fn push_digits(out: &mut String, n: u32, width: usize) {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.iso() {
            Some(iso) => f.write_str(&iso),
            // jiff's own form for years before 1 (`-000001-03-14`); no YAML date is one.
            None => write!(f, "{}", self.0),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.iso() {
            Some(iso) => s.serialize_str(&iso),
            None => s.collect_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A date written YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pinned_date_is_read_and_warned_about_once() {
        let (reads, warnings) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
        let bad = OnceLock::new();
        for _ in 0..3 {
            let got = pinned(
                &bad,
                || {
                    reads.set(reads.get() + 1);
                    Some("14/03/2025".to_owned())
                },
                |e| {
                    assert!(e.contains("YYYY-MM-DD"), "{e}");
                    warnings.set(warnings.get() + 1);
                },
            );
            assert_eq!(got, None);
        }
        assert_eq!((reads.get(), warnings.get()), (1, 1));

        let good = OnceLock::new();
        for value in ["2025-03-14", "2031-01-01"] {
            let got = pinned(&good, || Some(value.to_owned()), |e| panic!("{e}"));
            assert_eq!(got, Some(Date::parse("2025-03-14").unwrap()));
        }
        assert_eq!(pinned(&OnceLock::new(), || None, |e| panic!("{e}")), None);
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2025-03-14").unwrap().to_string(), "2025-03-14");
        assert!(
            Date::parse("2025-02-30")
                .unwrap_err()
                .contains("not a real date")
        );
        assert!(
            Date::parse("14/03/2025")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        let d = Date::parse("2025-01-31").unwrap();
        assert_eq!(d.plus_months(1).to_string(), "2025-02-28");
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2025-13-01").is_err());
    }

    #[test]
    fn written_as_jiff_writes_them() {
        for (y, m, d) in [
            (2025, 3, 4),
            (0, 1, 1),
            (1, 1, 1),
            (987, 12, 31),
            (9999, 12, 31),
            (-1, 6, 9),
        ] {
            let date = jiff::civil::date(y, m, d);
            assert_eq!(Date(date).to_string(), date.to_string());
        }
        // Every 97th day from 1 BC to 9999, every month and day of the month among them.
        let mut date = jiff::civil::date(0, 1, 1);
        while let Ok(next) = date.checked_add(jiff::Span::new().days(97)) {
            let ours = Date(date);
            assert_eq!(ours.to_string(), date.to_string());
            assert_eq!(serde_json::to_string(&ours).unwrap(), format!("\"{date}\""));
            date = next;
        }
    }
}
