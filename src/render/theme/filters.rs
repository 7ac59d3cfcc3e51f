//! The filters a theme's templates have beside Tera's own: dates and counted words in the book's
//! language, patterns of the strings file filled in, values as JSON or CSS strings.

use tera::{Kwargs, State};

/// `2025-03-14` written out in the pages' language (`14 March 2025`, `14 de marzo de 2025`);
/// text that is not a date is left as it is.
pub(super) fn long_date(s: &str, strings: &crate::render::strings::Strings) -> String {
    match crate::model::Date::parse(s) {
        Ok(d) => crate::render::strings::date_long(d, strings),
        _ => s.to_owned(),
    }
}

/// The form of a counted word (`t.charts.pairs`, text or a table of plural forms) that the
/// number `n` takes in the pages' language, with `{count}` replaced by `n`:
/// `{{ t.charts.pairs | count(n=3) }}`.
pub(super) fn count(
    word: &tera::Value,
    n: i64,
    lang: &crate::render::strings::Lang,
) -> tera::TeraResult<String> {
    let n = u64::try_from(n).unwrap_or(0);
    let form = if let Some(text) = word.as_str() {
        text
    } else if let Some(map) = word.as_map() {
        let named = |name: &str| {
            map.iter()
                .find(|(k, _)| k.as_str() == Some(name))
                .and_then(|(_, v)| v.as_str())
        };
        named(crate::render::strings::category_name(lang.category(n)))
            .or_else(|| named("other"))
            .unwrap_or_default()
    } else {
        return Err(tera::Error::message(
            "`count` is for a word of the strings file: text, or a table of plural forms",
        ));
    };
    Ok(lang.with_count(form, n))
}

/// A pattern of the strings file with its `{name}`s replaced by the arguments of the same names:
/// `{{ t.pair_page.by | fill(date=d) }}`. Text in, text out: the page escapes the result as it
/// escapes everything (and `css_string` can quote it). When an argument is marked `safe` (a link, a
/// `<time>`), the pattern and the other arguments are escaped here and the result is markup, so a
/// sentence can hold a link without the translator writing any HTML.
pub(super) fn fill(
    pattern: tera::StringInput<'_>,
    kwargs: Kwargs,
    state: &State,
) -> tera::TeraResult<tera::Value> {
    let markup = pattern.is_safe() || kwargs.iter().any(|(_, v)| v.is_safe());
    let shown = |text: &str, safe: bool| -> tera::TeraResult<String> {
        if markup && !safe {
            state.escape(text)
        } else {
            Ok(text.to_owned())
        }
    };
    let pattern_text = shown(pattern.as_str(), pattern.is_safe())?;
    let mut values: Vec<(String, String)> = Vec::new();
    for (key, value) in kwargs.iter() {
        let text = match value.as_str() {
            Some(text) => shown(text, value.is_safe())?,
            None => value.to_string(),
        };
        values.push((key.to_string(), text));
    }
    let pairs: Vec<(&str, &str)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let filled = crate::render::strings::fill(&pattern_text, &pairs);
    Ok(if markup {
        tera::Value::safe_string(&filled)
    } else {
        tera::Value::from(filled)
    })
}

/// Any value as JSON, for a script to read from a `data-*` attribute (the page escapes it for
/// HTML): `data-words="{{ t.search | json }}"`. A script cannot fetch a file on a site opened
/// from disk, so the words it writes come with the page.
pub(super) fn json(value: &tera::Value, _: Kwargs, _: &State) -> tera::TeraResult<String> {
    serde_json::to_string(value).map_err(|e| tera::Error::message(e.to_string()))
}

/// Any text as a quoted CSS string, for a custom property such as the running head of printed
/// pages (`--running-head: "Ana López & Ben Okafor"`). Quotes, backslashes and line breaks are
/// escaped, so the text can neither end the string nor add a declaration. The page still escapes
/// the result for HTML, as it does everything.
pub(super) fn css_string(s: &str, _: Kwargs, _: &State) -> String {
    css_quote(s)
}

fn css_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' || c.is_control() {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_escape_their_quotes() {
        let s = css_quote("O\"Brien \\ Co; x\n");
        assert_eq!(s, r#""O\22 Brien \5c  Co; x\a ""#);
    }
}
