//! The parsers' names for kinds of value, in a coordinator's words: shared by the messages about
//! YAML files and about `book.toml`.

/// A kind of value as serde names it (`map`, `struct Meeting`, `u8`, `string "x"`), in words.
pub(crate) fn kind_in_words(kind: &str) -> String {
    let kind = kind.trim();
    if let Some(text) = kind.strip_prefix("string \"") {
        return format!("the text `{}`", text.trim_end_matches('"'));
    }
    for prefix in ["integer ", "floating point ", "boolean "] {
        if let Some(value) = kind.strip_prefix(prefix) {
            return format!("the value {value}");
        }
    }
    let words = match kind.trim_start_matches("a ").trim_start_matches("an ") {
        "map" | "mapping" => "`key: value` lines",
        k if k.starts_with("struct ") || k.starts_with("map ") => "`key: value` lines",
        "sequence" | "seq" | "list" => "a list",
        "unit value" | "null" | "unit" => "nothing",
        "string" | "str" | "char" => "a piece of text",
        "boolean" | "bool" => "`true` or `false`",
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" | "integer" => {
            "a whole number"
        }
        "f32" | "f64" | "floating point" => "a number",
        k if k.starts_with("enum ") => "one word from a fixed list",
        other => return other.to_owned(),
    };
    words.to_owned()
}
