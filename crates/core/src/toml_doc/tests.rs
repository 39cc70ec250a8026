use super::*;
use crate::test_rng::Rng;
use crate::toml_write::basic_string;

/// The JSON spelling of what a TOML document holds, so expectations stay readable.
fn expect_json(expected: &str) -> Value {
    match serde_json::from_str(expected) {
        Ok(value) => value,
        Err(e) => panic!("bad expectation {expected}: {e}"),
    }
}

/// Documents that read, with their data written as JSON.
const VALID: &[(&str, &str, &str)] = &[
    ("one integer", "a = 1", r#"{"a":1}"#),
    // TOML 1.1, which the `toml` crate reads natively.
    ("inline table over lines", "a = {\n  x = 1, # one\n  y = 2,\n}", r#"{"a":{"x":1,"y":2}}"#),
    ("escape and hex escapes", "a = \"\\e[0m \\x41\\xe9\"", r#"{"a":"\u001b[0m A\u00e9"}"#),
    ("empty document", "", "{}"),
    ("comments and blank lines", "# head\n\n  \t\na = \"x\" # trailing\n# tail", r#"{"a":"x"}"#),
    ("no newline at the end", "a = 1\nb = 2", r#"{"a":1,"b":2}"#),
    ("bare key characters", "a-b_1 = 2\n1234 = 3", r#"{"a-b_1":2,"1234":3}"#),
    ("quoted keys", "\"a b\" = 1\n'c.d' = 2\n\"\" = 3", r#"{"a b":1,"c.d":2,"":3}"#),
    ("escaped key", "\"\\u00e9\" = 1", r#"{"é":1}"#),
    ("dotted keys", "a.b.c = 1\na.b.d = 2", r#"{"a":{"b":{"c":1,"d":2}}}"#),
    ("spaced dotted keys", "a . \"b\" . 'c' = 1", r#"{"a":{"b":{"c":1}}}"#),
    ("tables", "[t]\nx = 1\n[t.u]\ny = 2", r#"{"t":{"x":1,"u":{"y":2}}}"#),
    ("spaced header", "[ a . b ]\nx = 1", r#"{"a":{"b":{"x":1}}}"#),
    ("quoted header", "[\"a.b\"]\nx = 1", r#"{"a.b":{"x":1}}"#),
    ("implicit table defined later", "[a.b]\nx = 1\n[a]\ny = 2", r#"{"a":{"b":{"x":1},"y":2}}"#),
    (
        "sub-table of a dotted table",
        "[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true",
        r#"{"fruit":{"apple":{"color":"red","texture":{"smooth":true}}}}"#,
    ),
    ("array of tables", "[[d]]\nn = \"1\"\n[[d]]\n[[d]]\nn = \"3\"", r#"{"d":[{"n":"1"},{},{"n":"3"}]}"#),
    (
        "nested array of tables",
        "[[a]]\nx = 1\n[[a.b]]\ny = 1\n[[a.b]]\ny = 2\n[[a]]\nx = 2",
        r#"{"a":[{"x":1,"b":[{"y":1},{"y":2}]},{"x":2}]}"#,
    ),
    ("table under an array of tables", "[[a]]\n[a.t]\nx = 1", r#"{"a":[{"t":{"x":1}}]}"#),
    (
        "basic string escapes",
        r#"s = "\b\t\n\f\r\"\\\u00e9\U0001F600""#,
        r#"{"s":"\b\t\n\f\r\"\\é😀"}"#,
    ),
    ("raw tab in a string", "s = \"a\tb\"", r#"{"s":"a\tb"}"#),
    ("literal string", r#"s = 'C:\path\"x"'"#, r#"{"s":"C:\\path\\\"x\""}"#),
    ("empty strings", "a = \"\"\nb = ''", r#"{"a":"","b":""}"#),
    ("multi-line basic", "s = \"\"\"\nline1\nline2\"\"\"", r#"{"s":"line1\nline2"}"#),
    ("multi-line basic on one line", "s = \"\"\"x\"\"\"", r#"{"s":"x"}"#),
    (
        "line-ending backslash",
        "s = \"\"\"\n  The quick \\\n   brown \\  \n\n  fox.\"\"\"",
        r#"{"s":"  The quick brown fox."}"#,
    ),
    ("quotes inside multi-line basic", "s = \"\"\"a \"\" b\"\"\"\"", r#"{"s":"a \"\" b\""}"#),
    ("five closing quotes", "s = \"\"\"x\"\"\"\"\"", r#"{"s":"x\"\""}"#),
    ("empty multi-line", "s = \"\"\"\"\"\"", r#"{"s":""}"#),
    ("escapes in multi-line basic", "s = \"\"\"\\\"\"\"\\u0041\"\"\"", r#"{"s":"\"\"\"A"}"#),
    ("multi-line literal", "s = '''\nraw \\n\n text'''", r#"{"s":"raw \\n\n text"}"#),
    ("quotes inside multi-line literal", "s = ''''quoted''''", r#"{"s":"'quoted'"}"#),
    ("CRLF line ends", "a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n", r#"{"a":1,"b":"x\r\ny"}"#),
    ("CRLF after opening quotes", "b = '''\r\nx'''", r#"{"b":"x"}"#),
    (
        "integers",
        "a = +99\nb = -17\nc = 0\nd = 1_000\ne = -0\nf = +0",
        r#"{"a":99,"b":-17,"c":0,"d":1000,"e":0,"f":0}"#,
    ),
    (
        "other bases",
        "a = 0xDEAD_beef\nb = 0o755\nc = 0b1101\nd = 0x00ff",
        r#"{"a":3735928559,"b":493,"c":13,"d":255}"#,
    ),
    (
        "64-bit limits",
        "a = -9223372036854775808\nb = 9223372036854775807",
        r#"{"a":-9223372036854775808,"b":9223372036854775807}"#,
    ),
    ("booleans", "t = true\nf = false", r#"{"t":true,"f":false}"#),
    ("array", "a = [1, 2, 3]", r#"{"a":[1,2,3]}"#),
    ("empty array", "a = []\nb = [ ]", r#"{"a":[],"b":[]}"#),
    (
        "multi-line array with comments",
        "a = [\n  1, # one\n  # nothing\n  2,\n]",
        r#"{"a":[1,2]}"#,
    ),
    ("nested and mixed arrays", "a = [[1], [\"a\", 'b'], [], true]", r#"{"a":[[1],["a","b"],[],true]}"#),
    ("inline table", "p = { x = 1, y.z = \"w\" }", r#"{"p":{"x":1,"y":{"z":"w"}}}"#),
    ("empty inline table", "p = {}", r#"{"p":{}}"#),
    ("array of inline tables", "pts = [{x=1},{x=2}]", r#"{"pts":[{"x":1},{"x":2}]}"#),
    ("byte order mark", "\u{feff}a = 1", r#"{"a":1}"#),
    ("non-ASCII text and comments", "# Đà Nẵng 🖨️\nn = \"Đà Nẵng 🖨️\"", r#"{"n":"Đà Nẵng 🖨️"}"#),
    ("tabs around everything", "\ta\t=\t1\t#\tc", r#"{"a":1}"#),
    ("key order is kept", "z = 1\na = 2\nm = 3", r#"{"z":1,"a":2,"m":3}"#),
    (
        "inventory",
        "# smarthost device inventory\nversion = 1\n\n[[devices]]\nname = \"Ricoh 2nd floor\"\nlocation = \"Đà Nẵng office\"\nmethod = \"direct-send\"\n",
        r#"{"version":1,"devices":[{"name":"Ricoh 2nd floor","location":"Đà Nẵng office","method":"direct-send"}]}"#,
    ),
];

/// Documents that are refused: a part of the message and the line.
const INVALID: &[(&str, &str, &str, usize)] = &[
    ("float", "a = 1.5", "floating-point numbers", 1),
    ("float exponent", "a = 1e3", "floating-point numbers", 1),
    ("signed float", "a = -0.5e-2", "floating-point numbers", 1),
    ("infinity", "a = inf", "floating-point numbers", 1),
    ("not a number", "a = -nan", "floating-point numbers", 1),
    (
        "unquoted address",
        "ip = 10.0.0.5",
        "floating-point numbers",
        1,
    ),
    (
        "date",
        "\n\n\nd = 1979-05-27",
        "dates and times are not used",
        4,
    ),
    ("time", "t = 07:32:00", "dates and times are not used", 1),
    (
        "date-time",
        "d = 1979-05-27T07:32:00Z",
        "dates and times are not used",
        1,
    ),
    (
        "date and time with a space",
        "d = 1979-05-27 07:32:00",
        "dates and times are not used",
        1,
    ),
    (
        "duplicate key",
        "a = 1\na = 2",
        "the key a is defined twice",
        2,
    ),
    (
        "duplicate quoted key",
        "a = 1\n\"a\" = 2",
        "defined twice",
        2,
    ),
    (
        "duplicate dotted key",
        "a.b = 1\na.b = 2",
        "defined twice",
        2,
    ),
    (
        "table defined twice",
        "[t]\n[t]",
        "table [t] is defined twice",
        2,
    ),
    (
        "table over a value",
        "a = 1\n[a]",
        "already holds a value",
        2,
    ),
    (
        "table inside a value",
        "a = 1\n[a.b]",
        "already holds a value",
        2,
    ),
    (
        "table over an array of tables",
        "[[a]]\n[a]",
        "already an array of tables",
        2,
    ),
    (
        "array of tables over a static array",
        "a = []\n[[a]]",
        "cannot add to a",
        2,
    ),
    (
        "array of tables over a table",
        "[a]\n[[a]]",
        "cannot add to a",
        2,
    ),
    (
        "table over dotted keys",
        "a.b = 1\n[a]",
        "table [a] is defined twice",
        2,
    ),
    (
        "sub-table over dotted keys",
        "[a]\nb.c = 1\n[a.b]",
        "table [a.b] is defined twice",
        3,
    ),
    (
        "dotted key into an inline table",
        "a = {x = 1}\na.y = 2",
        "cannot add to it",
        2,
    ),
    (
        "header into an inline table",
        "a = {x = 1}\n[a.b]",
        "already holds a value",
        2,
    ),
    (
        "dotted key into a header table",
        "[a.b]\n[a]\nb.c = 1",
        "cannot add to it",
        3,
    ),
    (
        "dotted key over a value",
        "a = 1\na.b = 2",
        "cannot add to it",
        2,
    ),
    (
        "unclosed basic string",
        "a = \"unterminated",
        "not closed",
        1,
    ),
    (
        "basic string across lines",
        "a = \"line\nnext\"",
        "not closed",
        1,
    ),
    ("unclosed literal string", "a = 'x", "not closed", 1),
    (
        "unclosed multi-line string",
        "a = \"\"\"x\n\n",
        "not closed",
        1,
    ),
    ("unclosed multi-line literal", "a = '''x", "not closed", 1),
    ("unknown escape", "a = \"\\q\"", "unknown escape", 1),
    ("short hex escape", "a = \"\\x4\"", "2 hex digits", 1),
    ("escape of a space", "a = \"\\ \"", "unknown escape", 1),
    (
        "backslash-space not at a line end",
        "a = \"\"\"a\\ b\"\"\"",
        "unknown escape",
        1,
    ),
    (
        "surrogate escape",
        "a = \"\\uD800\"",
        "not a Unicode scalar value",
        1,
    ),
    (
        "escape beyond Unicode",
        "a = \"\\U00110000\"",
        "not a Unicode scalar value",
        1,
    ),
    ("short escape", "a = \"\\u12\"", "4 hex digits", 1),
    ("short long escape", "a = \"\\U0001F60\"", "8 hex digits", 1),
    (
        "control character in basic",
        "a = \"tab\u{1}\"",
        "control character",
        1,
    ),
    ("DEL in literal", "a = 'x\u{7f}'", "control character", 1),
    (
        "control character in multi-line",
        "a = \"\"\"x\u{0}\"\"\"",
        "control character",
        1,
    ),
    (
        "too many quotes",
        "a = \"\"\"x\"\"\"\"\"\"",
        "too many quotes",
        1,
    ),
    ("missing value", "a = ", "expected a value", 1),
    (
        "missing value before comment",
        "a = # c",
        "expected a value",
        1,
    ),
    ("missing equals", "a", "expected '='", 1),
    ("missing key", "= 1", "expected a key", 1),
    (
        "two pairs on a line",
        "a = 1 b = 2",
        "expected the end of the line",
        1,
    ),
    (
        "text after a header",
        "[a] x = 1",
        "expected the end of the line",
        1,
    ),
    ("extra bracket", "[a]]", "expected the end of the line", 1),
    ("unclosed array", "a = [1, 2", "ends inside an array", 1),
    (
        "array without commas",
        "a = [1 2]",
        "expected ',' or ']'",
        1,
    ),
    ("empty array element", "a = [,]", "expected a value", 1),
    (
        "two commas in an inline table",
        "a = {x = 1,,}",
        "expected a key",
        1,
    ),
    (
        "unclosed inline table",
        "a = {x = 1\n",
        "ends inside an inline table",
        2,
    ),
    (
        "duplicate key in inline table",
        "a = {x = 1, x = 2}",
        "defined twice",
        1,
    ),
    ("unclosed header", "[a", "expected ']'", 1),
    ("half-closed array header", "[[a]", "expected ']]'", 1),
    ("empty header", "[]", "expected a key", 1),
    ("leading zero", "a = 01", "leading zeros", 1),
    ("double underscore", "a = 1__0", "underscore", 1),
    ("leading underscore", "a = _1", "underscore", 1),
    ("trailing underscore", "a = 1_", "underscore", 1),
    ("too large", "a = 9223372036854775808", "does not fit", 1),
    ("signed hex", "a = +0x10", "is not a value", 1),
    ("bare word", "a = yes", "text must be in quotes", 1),
    (
        "unquoted text",
        "name = Ricoh 2nd floor",
        "text must be in quotes",
        1,
    ),
    (
        "capitalised boolean",
        "a = True",
        "text must be in quotes",
        1,
    ),
    ("lone carriage return", "a = 1\rb = 2", "carriage return", 1),
    (
        "control character in a comment",
        "# x\u{0}",
        "control characters",
        1,
    ),
    (
        "DEL in a comment",
        "a = 1 # \u{7f}",
        "control characters",
        1,
    ),
    ("multi-line key", "\"\"\"a\"\"\" = 1", "multi-line", 1),
    (
        "error on a later line",
        "a = 1\nb = 2\n\n[c]\nd = [1,\n2,\n3",
        "ends inside an array",
        7,
    ),
];

#[test]
fn valid_documents_read_to_their_data() {
    assert!(VALID.len() >= 45);
    for (name, document, expected) in VALID {
        assert_eq!(
            parse(document),
            Ok(expect_json(expected)),
            "{name}: {document:?}"
        );
    }
}

#[test]
fn invalid_documents_are_refused_with_a_line_and_a_reason() {
    assert!(INVALID.len() >= 60);
    for (name, document, fragment, line) in INVALID {
        match parse(document) {
            Err(error) => {
                assert!(
                    error.message.contains(fragment),
                    "{name}: {:?} lacks {fragment:?}",
                    error.message
                );
                assert_eq!(error.line, *line, "{name}: {error}");
                assert!(error
                    .to_string()
                    .starts_with(&format!("line {line}, column ")));
            }
            Ok(value) => panic!("{name}: {document:?} read as {value:?}"),
        }
    }
}

#[test]
fn errors_name_the_column_too() {
    let error = parse("version = 1\nwhen = 2026-11-28").err();
    assert_eq!(
        error.map(|e| e.to_string()).as_deref(),
        Some("line 2, column 8: dates and times are not used in smarthost files; quote the value to keep it as text")
    );
    let error = parse("n = \"Đà Nẵng\" x").err();
    assert_eq!(error.map(|e| (e.line, e.column)), Some((1, 15)));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep_array = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_inline = format!("a = {}{}", "{b = ".repeat(10_000), "}".repeat(10_000));
    let long_key = format!("{} = 1", vec!["k"; 10_000].join("."));
    let long_header = format!("[{}]", vec!["k"; 10_000].join("."));
    let mut deep_tables = String::new();
    for depth in 1..=70 {
        deep_tables.push_str(&format!("[{}]\nx = 1\n", vec!["t"; depth].join(".")));
    }
    for document in [deep_array, deep_inline, long_key, long_header, deep_tables] {
        let error = parse(&document).err().map(|e| e.message);
        assert!(
            error.as_deref().is_some_and(|m| m.contains("more than 64")),
            "{error:?}"
        );
    }
    let at_limit = format!(
        "a = {}{}",
        "[".repeat(MAX_DEPTH - 1),
        "]".repeat(MAX_DEPTH - 1)
    );
    assert!(parse(&at_limit).is_ok());
}

#[test]
fn written_strings_read_back_exactly() {
    let samples = [
        "",
        " leading and trailing ",
        "line\nbreak\r\nand\rreturn",
        "quotes \" ' \"\"\" ''' \\ \\\\ \\n",
        "controls \u{0}\u{1}\u{8}\u{b}\u{1b}\u{7f}\u{80}\u{9f}",
        "Đà Nẵng 🖨️ <script>alert(1)</script> \u{2028}\u{feff}\u{202e}",
        "# not a comment = [table]",
    ];
    for sample in samples {
        for name in [sample, "k"] {
            let document = format!("{} = {}\n", key(name), basic_string(sample));
            let expected = serde_json::json!({ name: sample });
            assert_eq!(parse(&document), Ok(expected), "{document:?}");
        }
    }
}

const FRAGMENTS: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    ",",
    ".",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "#",
    "a",
    "devices",
    "version",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "\\",
    "\\u",
    "\\U0001F600",
    "\\\n",
    "1",
    "-",
    "_",
    "0x",
    "1.5",
    "1979-05-27",
    ":",
    "true",
    "false",
    "é",
    "🖨️",
    "\u{0}",
    "\u{7f}",
    "\u{feff}",
];

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                for (offset, c) in fragment.chars().enumerate() {
                    chars.insert(at + offset, c);
                }
            }
            _ => {
                if let Some(c) = chars.get_mut(at) {
                    *c = char::from_u32(rng.next() as u32 % 0x80).unwrap_or('?');
                }
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn sweep_of_random_documents_never_panics() {
    let seeds: Vec<&str> = VALID.iter().map(|(_, document, _)| *document).collect();
    let mut rng = Rng(0x7011_d0c5_eed0_0042);
    let mut outcomes = [0usize; 2];
    for round in 0..4000 {
        let document: String = match round % 4 {
            0 => (0..1 + rng.below(30))
                .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
                .collect(),
            1 => {
                let seed = seeds[rng.below(seeds.len())];
                mutate(&mut rng, seed)
            }
            2 => {
                let seed = seeds[rng.below(seeds.len())];
                seed.chars().take(rng.below(seed.len() + 1)).collect()
            }
            _ => {
                let bytes: Vec<u8> = (0..rng.below(80)).map(|_| rng.next() as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            }
        };
        let result = parse(&document);
        if let Err(error) = &result {
            assert!(error.line >= 1 && error.column >= 1, "{document:?}");
            assert!(!error.message.is_empty());
        }
        outcomes[usize::from(result.is_ok())] += 1;
    }
    assert!(outcomes[0] > 100 && outcomes[1] > 100, "{outcomes:?}");
}
