//! The language of the pages as ICU4X knows it: its plural rules and how it writes dates. The
//! words themselves are in the strings files; the grammar of numbers and dates comes from CLDR's
//! data, built into the binary, so no month name or plural rule is written by hand.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale::LocaleDirectionality;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use serde::{Deserialize, Serialize};

use crate::model::Date;

/// The language of the pages: a BCP 47 tag with its plural rules and date formats.
#[derive(Clone)]
pub struct Lang(Arc<Inner>);

struct Inner {
    /// This language's number among those made, which its remembered dates are filed under (an
    /// address could be reused by the next one).
    id: u64,
    /// The tag as the program wrote it (`es`, `pt-BR`).
    tag: String,
    /// Whether CLDR knows the language (otherwise English rules and dates stand in).
    known: bool,
    /// Whether the language is written right to left (its likely script is: Arabic, Hebrew...).
    rtl: bool,
    /// Which form of a counted word a number takes.
    plurals: PluralRules,
    /// `14 March 2025`.
    long: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    /// `March 2025`.
    month_year: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    /// `Mar 2025`.
    month_year_short: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    /// `1,000`, `1.000`, `1 000`.
    numbers: DecimalFormatter,
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Lang").field(&self.0.tag).finish()
    }
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::of("en")
    }
}

/// The locale whose data a tag's dates and plurals use. A bare `en` writes dates day first, as
/// mentorbook always has (CLDR's `en-GB`); `en-US` writes them month first.
fn data_locale(tag: &str) -> Option<Locale> {
    let tag = if tag.eq_ignore_ascii_case("en") {
        "en-GB"
    } else {
        tag
    };
    Locale::try_from_str(&tag.replace('_', "-")).ok()
}

impl Lang {
    /// The language of `tag`. A tag ICU cannot read, or a language CLDR has no data for, gets
    /// English rules and dates ([`Lang::known`] says which).
    pub fn of(tag: &str) -> Lang {
        let parsed = data_locale(tag);
        let made = parsed.as_ref().and_then(|l| Inner::new(tag, l));
        let inner = made.unwrap_or_else(|| {
            let mut english = Inner::new(tag, &data_locale("en").expect("`en-GB` is a locale"))
                .expect("CLDR has English");
            english.known = false;
            english
        });
        Lang(Arc::new(inner))
    }

    /// The tag as the program wrote it.
    pub fn tag(&self) -> &str {
        &self.0.tag
    }

    /// Whether CLDR has this language's dates and plural rules.
    pub fn known(&self) -> bool {
        self.0.known
    }

    /// The direction of the language's script, as HTML's `dir` writes it: `rtl` or `ltr`.
    pub fn dir(&self) -> &'static str {
        if self.0.rtl { "rtl" } else { "ltr" }
    }

    /// The plural category `n` takes in this language.
    pub fn category(&self, n: u64) -> PluralCategory {
        self.0.plurals.category_for(n)
    }

    /// The plural categories the language's numbers take, by name: `one` and `other` for
    /// English and German, `one`, `many` and `other` for Spanish, French and Portuguese.
    pub fn categories(&self) -> Vec<&'static str> {
        self.0.plurals.categories().map(category_name).collect()
    }

    /// The form of `word` that `n` takes, with `{count}` replaced by `n` as the language writes
    /// numbers.
    pub fn count(&self, word: &Plural, n: u64) -> String {
        self.with_count(word.form(self.category(n)), n)
    }

    /// `form` (a form of a counted word, chosen for `n`) with `{count}` replaced by `n` as the
    /// language writes numbers.
    pub fn with_count(&self, form: &str, n: u64) -> String {
        super::fill(form, &[("count", &self.number(n))])
    }

    /// A whole number as the language writes it: `1,234` in English, `1.234` in German.
    pub fn number(&self, n: u64) -> String {
        self.0.numbers.format(&Decimal::from(n)).to_string()
    }

    /// A date written out in the language, `14 March 2025` or `14 de marzo de 2025`.
    pub fn date_long(&self, date: Date) -> String {
        self.cached(Style::Long, date)
    }

    /// A month and its year, `March 2025`.
    pub fn month_year(&self, date: Date) -> String {
        self.cached(Style::MonthYear, date)
    }

    /// A month and its year, short, `Mar 2025`.
    pub fn month_year_short(&self, date: Date) -> String {
        self.cached(Style::MonthYearShort, date)
    }

    /// A formatted date, remembered per thread: a site of 10,000 pairs writes 1.7 million dates
    /// but only a few thousand different ones.
    fn cached(&self, style: Style, date: Date) -> String {
        thread_local! {
            static SEEN: RefCell<HashMap<(u64, Style, Date), String>> = RefCell::new(HashMap::new());
        }
        let key = (self.0.id, style, date);
        SEEN.with(|seen| {
            if let Some(s) = seen.borrow().get(&key) {
                return s.clone();
            }
            let made = self.format(style, date);
            let mut seen = seen.borrow_mut();
            // A long `serve` makes a new `Lang` per build: forget the old ones' dates.
            if seen.len() > 100_000 {
                seen.clear();
            }
            seen.insert(key, made.clone());
            made
        })
    }

    fn format(&self, style: Style, date: Date) -> String {
        let d = date.0;
        let Ok(icu) = IcuDate::try_new_gregorian(d.year() as i32, d.month() as u8, d.day() as u8)
        else {
            return date.to_string();
        };
        let inner = &self.0;
        match style {
            Style::Long => inner.long.format(&icu).to_string(),
            Style::MonthYear => inner.month_year.format(&icu).to_string(),
            Style::MonthYearShort => inner.month_year_short.format(&icu).to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    Long,
    MonthYear,
    MonthYearShort,
}

impl Inner {
    fn new(tag: &str, locale: &Locale) -> Option<Inner> {
        let plurals = PluralRules::try_new_cardinal(locale.into()).ok()?;
        let long = FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long()).ok()?;
        // ICU4X 2.4 cannot write Portuguese's long month and year (`janeiro de 2025`): its
        // formatter forgets to load the digits the year needs. Portuguese gets the medium form
        // (`jan. de 2025`) until that is mended; `every_shipped_language_writes_its_dates`
        // catches another language doing the same.
        let month_year_length = if locale.id.language.as_str() == "pt" {
            YM::medium()
        } else {
            YM::long()
        };
        let month_year =
            FixedCalendarDateTimeFormatter::try_new(locale.into(), month_year_length).ok()?;
        let month_year_short =
            FixedCalendarDateTimeFormatter::try_new(locale.into(), YM::medium()).ok()?;
        static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let numbers = DecimalFormatter::try_new(locale.into(), Default::default()).ok()?;
        Some(Inner {
            id: MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            tag: tag.to_owned(),
            known: true,
            rtl: LocaleDirectionality::new_common().is_right_to_left(&locale.id),
            plurals,
            long,
            month_year,
            month_year_short,
            numbers,
        })
    }
}

/// A counted word: one text for every number, or a text per CLDR plural category
/// (`{ one = "{count} meeting", other = "{count} meetings" }`; `other` is required, and a language
/// uses the categories it has: Polish `few` and `many`, Arabic `zero` and `two`...).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Plural {
    /// The same text for every number.
    Same(String),
    /// A text per plural category.
    Forms(Forms),
}

/// The texts of a counted word, by CLDR plural category.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    /// For `0` in languages that have it (Arabic, Latvian).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero: Option<String>,
    /// For `1` and what the language counts with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one: Option<String>,
    /// For `2` in languages that have it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub two: Option<String>,
    /// For a few (Slavic languages, Arabic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub few: Option<String>,
    /// For many (Slavic languages, Arabic; large numbers in French, Spanish, Portuguese).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub many: Option<String>,
    /// Every other number.
    pub other: String,
}

/// The names of the plural categories, as strings files write them.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The name of a plural category.
pub fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

impl Plural {
    /// The text for `category`, or `other` when the word has none for it.
    pub fn form(&self, category: PluralCategory) -> &str {
        match self {
            Plural::Same(s) => s,
            Plural::Forms(f) => {
                let chosen = match category {
                    PluralCategory::Zero => &f.zero,
                    PluralCategory::One => &f.one,
                    PluralCategory::Two => &f.two,
                    PluralCategory::Few => &f.few,
                    PluralCategory::Many => &f.many,
                    PluralCategory::Other => &None,
                };
                chosen.as_deref().unwrap_or(&f.other)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn english_dates_stay_day_first_and_en_us_is_month_first() {
        let en = Lang::of("en");
        assert_eq!(en.date_long(date("2025-03-14")), "14 March 2025");
        assert_eq!(en.month_year(date("2025-03-14")), "March 2025");
        assert_eq!(en.month_year_short(date("2025-03-14")), "Mar 2025");
        assert_eq!(
            Lang::of("en-US").date_long(date("2025-03-14")),
            "March 14, 2025"
        );
    }

    #[test]
    fn other_languages_write_their_own_dates() {
        let d = date("2025-03-14");
        assert_eq!(Lang::of("es").date_long(d), "14 de marzo de 2025");
        assert_eq!(Lang::of("fr").date_long(d), "14 mars 2025");
        assert_eq!(Lang::of("de").date_long(d), "14. März 2025");
        assert_eq!(Lang::of("pt").date_long(d), "14 de março de 2025");
    }

    /// Dates in each language the default theme ships, as CLDR writes them (checked against
    /// CLDR's own charts for `yMMMMd`, `yMMMM` and `yMMM`).
    #[test]
    fn every_shipped_language_writes_its_dates() {
        let table = [
            (
                "en",
                "2028-02-29",
                "29 February 2028",
                "February 2028",
                "Feb 2028",
            ),
            (
                "en",
                "2025-12-09",
                "9 December 2025",
                "December 2025",
                "Dec 2025",
            ),
            (
                "en-US",
                "2025-12-09",
                "December 9, 2025",
                "December 2025",
                "Dec 2025",
            ),
            (
                "es",
                "2025-01-01",
                "1 de enero de 2025",
                "enero de 2025",
                "ene 2025",
            ),
            (
                "es",
                "2028-02-29",
                "29 de febrero de 2028",
                "febrero de 2028",
                "feb 2028",
            ),
            (
                "fr",
                "2025-01-01",
                "1 janvier 2025",
                "janvier 2025",
                "janv. 2025",
            ),
            (
                "fr",
                "2025-12-09",
                "9 décembre 2025",
                "décembre 2025",
                "déc. 2025",
            ),
            (
                "de",
                "2025-01-01",
                "1. Januar 2025",
                "Januar 2025",
                "01/2025",
            ),
            ("de", "2026-05-31", "31. Mai 2026", "Mai 2026", "05/2026"),
            (
                "pt",
                "2025-01-01",
                "1 de janeiro de 2025",
                "jan. de 2025",
                "jan. de 2025",
            ),
            (
                "pt",
                "2025-12-09",
                "9 de dezembro de 2025",
                "dez. de 2025",
                "dez. de 2025",
            ),
        ];
        for (tag, day, long, month_year, short) in table {
            let lang = Lang::of(tag);
            let d = date(day);
            assert_eq!(
                (
                    lang.date_long(d).as_str(),
                    lang.month_year(d).as_str(),
                    lang.month_year_short(d).as_str()
                ),
                (long, month_year, short),
                "{tag} {day}"
            );
        }
    }

    #[test]
    fn a_tag_icu_cannot_read_falls_back_to_english() {
        let l = Lang::of("not a tag");
        assert!(!l.known());
        assert_eq!(l.date_long(date("2025-03-14")), "14 March 2025");
        assert!(Lang::of("es").known());
    }

    #[test]
    fn arabic_and_hebrew_are_written_right_to_left() {
        assert_eq!(Lang::of("ar").dir(), "rtl");
        assert_eq!(Lang::of("he-IL").dir(), "rtl");
        assert_eq!(Lang::of("es").dir(), "ltr");
        assert_eq!(Lang::of("xx-nonsense").dir(), "ltr");
    }

    #[test]
    fn plurals_follow_the_language() {
        let word = Plural::Forms(Forms {
            zero: None,
            one: Some("{count} meeting".into()),
            two: None,
            few: Some("{count} few".into()),
            many: None,
            other: "{count} meetings".into(),
        });
        let en = Lang::of("en");
        assert_eq!(en.count(&word, 1), "1 meeting");
        assert_eq!(en.count(&word, 0), "0 meetings");
        // French counts 0 as singular; Polish has `few`.
        assert_eq!(Lang::of("fr").count(&word, 0), "0 meeting");
        assert_eq!(Lang::of("pl").count(&word, 3), "3 few");
        assert_eq!(Lang::of("pl").count(&Plural::Same("x".into()), 3), "x");
        assert_eq!(en.count(&word, 1500), "1,500 meetings");
        assert_eq!(Lang::of("de").count(&word, 1500), "1.500 meetings");
    }
}
