//! No text the app shows promises an outcome. Every string literal in `src/` outside tests is
//! read and checked against a list of promise words: the app says what studies saw, in how many
//! people, never what will happen to this person (../shared/EVIDENCE.md: "The app never promises
//! an outcome").

use std::fs;
use std::path::Path;

/// Words and phrases that turn a report of what was seen into a promise. "will" is banned
/// outright, not only in clinical sentences: a future tense about the person's skin is the
/// promise this test exists to catch, and the few neutral uses read as well in the present.
const PROMISE_WORDS: &[&str] = &[
    "will",
    "won't",
    "you'll",
    "it'll",
    "guarantee",
    "guaranteed",
    "guarantees",
    "promise",
    "promises",
    "best results",
    "cure",
    "cures",
    "permanent",
    "permanently",
    "proven",
    "clinically proven",
    "guide your recovery",
    "expect results",
];

/// Every string literal in Rust source text (normal, byte and raw strings), comments skipped.
fn string_literals(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            // A char literal ('"', '\'', '\n'); a lifetime ('a) has no closing quote two on.
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 3,
            '\'' if chars.get(i + 1) == Some(&'\\') => {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            'r' if matches!(chars.get(i + 1), Some('"') | Some('#'))
                && (i == 0 || !chars[i - 1].is_alphanumeric() && chars[i - 1] != '_') =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let start = j + 1;
                let mut k = start;
                while k + close.len() <= chars.len() && chars[k..k + close.len()] != close[..] {
                    k += 1;
                }
                found.push(chars[start..k.min(chars.len())].iter().collect());
                i = k + close.len();
            }
            '"' => {
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                        // A line continuation: the newline and the next line's indent go.
                        if chars.get(i) == Some(&'\n') {
                            while chars.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                                i += 1;
                            }
                            text.push(' ');
                            i += 1;
                            continue;
                        }
                    }
                    if let Some(&c) = chars.get(i) {
                        text.push(c);
                    }
                    i += 1;
                }
                found.push(text);
                i += 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// The promise words in `text`, matched as whole words (so "willing" or "securely" pass).
fn promises_in(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase().replace('’', "'");
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect();
    PROMISE_WORDS
        .iter()
        .filter(|phrase| {
            let wanted: Vec<&str> = phrase.split(' ').collect();
            words.windows(wanted.len()).any(|window| window == wanted.as_slice())
        })
        .copied()
        .collect()
}

/// The code of a file without its test module (`#[cfg(test)]` and what follows): tests may quote
/// the words they check for.
fn without_tests(source: &str) -> &str {
    source.find("#[cfg(test)]").or_else(|| source.find("#[cfg(all(test")).map_or(source, |at| &source[..at])
}

fn rust_files(dir: &Path, into: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name != "tests.rs" && !name.ends_with("_tests.rs") {
                into.push(path);
            }
        }
    }
}

#[test]
fn no_text_in_the_app_promises_an_outcome() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    assert!(files.len() > 50, "the whole of src/ was read: {} files", files.len());
    let mut found = Vec::new();
    let mut literals = 0;
    for file in &files {
        let source = fs::read_to_string(file).expect("source is UTF-8");
        for literal in string_literals(without_tests(&source)) {
            literals += 1;
            let words = promises_in(&literal);
            if !words.is_empty() {
                found.push(format!("{}: {words:?} in {literal:?}", file.display()));
            }
        }
    }
    assert!(literals > 1000, "the scanner found the app's text: {literals} literals");
    assert!(found.is_empty(), "promises in the app's text:\n{}", found.join("\n"));
}

#[test]
fn the_scanner_finds_promises_and_lets_plain_reports_pass() {
    let source = r##"
        // "a comment that will not count"
        let a = "Your scars will fade.";
        let b = 'x';
        let c = '"';
        fn f<'a>(x: &'a str) {}
        let d = r#"Guaranteed "results""#;
        let e = "In 15 people, change was clearer at 6 months. \
            You'll love it";
        let g = "willing and securely stored";
    "##;
    let literals = string_literals(source);
    assert_eq!(literals.len(), 4, "{literals:?}");
    assert_eq!(promises_in(&literals[0]), ["will"]);
    assert_eq!(promises_in(&literals[1]), ["guaranteed"]);
    assert_eq!(promises_in(&literals[2]), ["you'll"]);
    assert!(promises_in(&literals[3]).is_empty());
    assert_eq!(promises_in("Typical BEST RESULTS"), ["best results"]);
    assert_eq!(
        promises_in("Remodel will count the days and guide your recovery"),
        ["will", "guide your recovery"]
    );
}
