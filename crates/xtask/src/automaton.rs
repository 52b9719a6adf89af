//! Compiles one anchored pattern into a small deterministic automaton and writes
//! it as static Rust data, which the core walks without a regex engine
//! (`src/pattern/mod.rs`).
//!
//! Adobe's patterns (the email regex, the postal formats) are fixed data, so the
//! regex engine runs here, once, instead of in every browser (DESIGN.md, "The
//! engine"). `regex-automata` determinizes the pattern with the syntax and UTF-8
//! semantics `regex-lite` had on `&str` (the patterns are ASCII, so a non-ASCII
//! byte leads to the dead state). Its transition table is then read out byte by
//! byte into this module's own form, minimized and numbered canonically, so two
//! patterns with one language (`[0-9]{5}(-[0-9]{4})?` and `[0-9]{5}(?:-[0-9]{4})?`)
//! give identical tables and are emitted once.
//!
//! The form: states are numbered in breadth-first order from the start state,
//! with 0 the dead state (no way on to a match) and 1 the start. Each state has
//! the sorted byte ranges that lead anywhere but the dead state, neighbouring
//! bytes with one target merged into one range, and a flag saying whether input
//! that ends in it matches. Matching is Java's `matches()`: the walk is anchored
//! at the first byte and the verdict is read after the last.

use regex_automata::dfa::{Automaton as _, StartKind, dense};
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::{Anchored, MatchKind};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The state no input leads out of to a match.
pub(crate) const DEAD: usize = 0;
/// The state before the first byte.
pub(crate) const START: usize = 1;

/// A minimal DFA in the emitted form (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Automaton {
    states: Vec<State>,
}

/// One state: where each byte goes, and whether the input may end here.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct State {
    ranges: Vec<ByteRange>,
    accepting: bool,
}

/// The bytes `lo..=hi` lead to state `next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ByteRange {
    lo: u8,
    hi: u8,
    next: usize,
}

/// A DFA with a full row of 256 targets per state, as read out of
/// `regex-automata`: the working form of minimization.
struct Table {
    rows: Vec<Row>,
    start: usize,
}

struct Row {
    next: [usize; 256],
    accepting: bool,
}

impl Automaton {
    /// The minimal automaton of an anchored pattern (`^(?:…)$`), with Java's
    /// full-match meaning.
    pub(crate) fn compile(pattern: &str) -> Result<Self, String> {
        let table = determinize(pattern).map_err(|e| format!("{pattern}: {e}"))?;
        let minimal = table.minimized();
        if minimal
            .rows
            .get(minimal.start)
            .is_none_or(|row| is_dead(row, minimal.start))
        {
            return Err(format!("{pattern}: matches nothing"));
        }
        Ok(minimal.numbered())
    }

    /// How many states, the dead state included.
    pub(crate) fn state_count(&self) -> usize {
        self.states.len()
    }

    /// How many byte ranges, over all states.
    pub(crate) fn range_count(&self) -> usize {
        self.states.iter().map(|state| state.ranges.len()).sum()
    }

    /// The Rust type of a state id: `u8` when every id fits, else `u16`.
    pub(crate) fn state_type(&self) -> Result<&'static str, String> {
        let largest = self.states.len().saturating_sub(1);
        if u8::try_from(largest).is_ok() {
            Ok("u8")
        } else if u16::try_from(largest).is_ok() {
            Ok("u16")
        } else {
            Err(format!(
                "{} states do not fit u16 state ids",
                self.states.len()
            ))
        }
    }

    /// Bytes of static data the emitted tables take: a `u16` offset per state
    /// and one more, a `(u8, u8, id)` per range, a `bool` per state.
    pub(crate) fn table_bytes(&self) -> Result<usize, String> {
        let id: usize = if self.state_type()? == "u8" { 1 } else { 2 };
        let range = (2 + id).next_multiple_of(id);
        Ok(2 * (self.states.len() + 1) + range * self.range_count() + self.states.len())
    }

    /// Whether the whole input matches: the same walk as the core's matcher.
    #[cfg(test)]
    fn is_match(&self, input: &[u8]) -> bool {
        let mut state = START;
        for &byte in input {
            state = self.states[state]
                .ranges
                .iter()
                .find(|range| (range.lo..=range.hi).contains(&byte))
                .map_or(DEAD, |range| range.next);
            if state == DEAD {
                return false;
            }
        }
        self.states[state].accepting
    }

    /// `pub(crate) static NAME: Automaton<id> = Automaton { … };` for the core's
    /// `crate::pattern::Automaton`, after the given doc lines.
    pub(crate) fn to_rust(&self, name: &str, docs: &[String]) -> Result<String, String> {
        let id = self.state_type()?;
        let mut out = String::new();
        for line in docs {
            let _ = writeln!(out, "/// {line}");
        }
        let _ = writeln!(
            out,
            "pub(crate) static {name}: Automaton<{id}> = Automaton {{"
        );
        let _ = writeln!(out, "    offsets: &[{}],", self.offsets()?.join(", "));
        out.push_str("    ranges: &[\n");
        for state in self.states.iter().filter(|state| !state.ranges.is_empty()) {
            let ranges: Vec<String> = state
                .ranges
                .iter()
                .copied()
                .map(ByteRange::to_rust)
                .collect();
            let _ = writeln!(out, "        {},", ranges.join(", "));
        }
        out.push_str("    ],\n");
        let accepting: Vec<&str> = self
            .states
            .iter()
            .map(|state| if state.accepting { "true" } else { "false" })
            .collect();
        let _ = writeln!(out, "    accepting: &[{}],", accepting.join(", "));
        out.push_str("};\n");
        Ok(out)
    }

    /// Where each state's ranges start in the flat list, and where the last ends.
    fn offsets(&self) -> Result<Vec<String>, String> {
        let mut offsets = vec!["0".to_owned()];
        let mut end = 0usize;
        for state in &self.states {
            end += state.ranges.len();
            let fits =
                u16::try_from(end).map_err(|_| format!("{end} ranges exceed u16 offsets"))?;
            offsets.push(fits.to_string());
        }
        Ok(offsets)
    }
}

impl ByteRange {
    fn to_rust(self) -> String {
        format!(
            "({}, {}, {})",
            byte_literal(self.lo),
            byte_literal(self.hi),
            self.next
        )
    }
}

/// `b'a'` for printable ASCII, `0x0b` for the rest.
fn byte_literal(byte: u8) -> String {
    match byte {
        b'\'' | b'\\' => format!("b'\\{}'", char::from(byte)),
        b' '..=b'~' => format!("b'{}'", char::from(byte)),
        _ => format!("0x{byte:02x}"),
    }
}

/// The DFA of `pattern`, read into a [`Table`]: row 0 the dead state, then the
/// states reachable from the anchored start, the start first.
fn determinize(pattern: &str) -> Result<Table, String> {
    let config = dense::Config::new()
        // Every match, not leftmost-first: only whether one ends at the end counts.
        .match_kind(MatchKind::All)
        .start_kind(StartKind::Anchored)
        .byte_classes(false);
    let dfa = dense::Builder::new()
        .configure(config)
        .build(pattern)
        .map_err(|e| e.to_string())?;
    let start = dfa
        .start_state(&start::Config::new().anchored(Anchored::Yes))
        .map_err(|e| e.to_string())?;
    let mut ids: HashMap<StateID, usize> = HashMap::from([(start, START)]);
    let mut order = vec![start];
    let mut rows = vec![Row {
        next: [DEAD; 256],
        accepting: false,
    }];
    while let Some(&id) = order.get(rows.len() - 1) {
        let mut next = [DEAD; 256];
        for (byte, target) in (0..=u8::MAX).zip(next.iter_mut()) {
            let to = dfa.next_state(id, byte);
            if dfa.is_quit_state(to) {
                return Err(format!("the DFA gives up on byte {byte:#04x}"));
            }
            if !dfa.is_dead_state(to) {
                *target = *ids.entry(to).or_insert_with(|| {
                    order.push(to);
                    order.len()
                });
            }
        }
        let accepting = dfa.is_match_state(dfa.next_eoi_state(id));
        rows.push(Row { next, accepting });
    }
    Ok(Table { rows, start: START })
}

fn is_dead(row: &Row, index: usize) -> bool {
    !row.accepting && row.next.iter().all(|&next| next == index)
}

impl Table {
    /// The quotient by language equivalence (Moore's partition refinement):
    /// states with the same verdict on every continuation become one, and all
    /// states that can no longer reach a match become the dead state.
    fn minimized(&self) -> Table {
        let mut class: Vec<usize> = self
            .rows
            .iter()
            .map(|row| usize::from(row.accepting))
            .collect();
        let mut count = class.iter().copied().max().map_or(0, |max| max + 1);
        loop {
            let mut signatures: HashMap<(usize, Vec<usize>), usize> = HashMap::new();
            let refined: Vec<usize> = self
                .rows
                .iter()
                .zip(&class)
                .map(|(row, &own)| {
                    let targets = row.next.iter().map(|&next| class[next]).collect();
                    let fresh = signatures.len();
                    *signatures.entry((own, targets)).or_insert(fresh)
                })
                .collect();
            class = refined;
            if signatures.len() == count {
                return self.quotient(&class, count);
            }
            count = signatures.len();
        }
    }

    /// One row per class, each the row of its first member with targets mapped.
    fn quotient(&self, class: &[usize], count: usize) -> Table {
        let mut rows: Vec<Option<Row>> = (0..count).map(|_| None).collect();
        for (row, &own) in self.rows.iter().zip(class) {
            rows[own].get_or_insert_with(|| Row {
                next: row.next.map(|next| class[next]),
                accepting: row.accepting,
            });
        }
        Table {
            rows: rows.into_iter().flatten().collect(),
            start: class[self.start],
        }
    }

    /// The canonical [`Automaton`]: the dead state 0, then breadth-first from
    /// the start, bytes in ascending order. Equal languages give equal automata.
    fn numbered(&self) -> Automaton {
        let dead = self
            .rows
            .iter()
            .enumerate()
            .find(|(index, row)| is_dead(row, *index));
        let mut ids: HashMap<usize, usize> = HashMap::new();
        if let Some((index, _)) = dead {
            ids.insert(index, DEAD);
        }
        ids.insert(self.start, START);
        let mut order = vec![self.start];
        let mut states = vec![State {
            ranges: Vec::new(),
            accepting: false,
        }];
        while let Some(&old) = order.get(states.len() - 1) {
            let row = &self.rows[old];
            let targets = row.next.map(|next| {
                *ids.entry(next).or_insert_with(|| {
                    order.push(next);
                    order.len()
                })
            });
            states.push(State {
                ranges: merged_ranges(&targets),
                accepting: row.accepting,
            });
        }
        Automaton { states }
    }
}

/// The non-dead targets of a full row as ranges of neighbouring bytes.
fn merged_ranges(targets: &[usize; 256]) -> Vec<ByteRange> {
    let mut ranges: Vec<ByteRange> = Vec::new();
    for (byte, &next) in (0..=u8::MAX).zip(targets) {
        match ranges.last_mut() {
            _ if next == DEAD => {}
            Some(last) if last.next == next && last.hi.checked_add(1) == Some(byte) => {
                last.hi = byte;
            }
            _ => ranges.push(ByteRange {
                lo: byte,
                hi: byte,
                next,
            }),
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(pattern: &str) -> Automaton {
        Automaton::compile(pattern).expect("compiles")
    }

    /// Reads an emitted `Automaton { … }` back.
    fn parse(text: &str) -> Automaton {
        let field = |name: &str| {
            let start = text.find(&format!("    {name}: &[")).expect(name) + name.len() + 8;
            let end = start + text[start..].find("],").expect("closing bracket");
            text[start..end].to_owned()
        };
        let offsets: Vec<usize> = numbers(&field("offsets"));
        let tuple = regex::Regex::new(
            r"\((b'(?:\\.|[^\\])'|0x[0-9a-f]{2}), (b'(?:\\.|[^\\])'|0x[0-9a-f]{2}), (\d+)\)",
        )
        .expect("regex");
        let ranges: Vec<ByteRange> = tuple
            .captures_iter(&field("ranges"))
            .map(|c| ByteRange {
                lo: byte(&c[1]),
                hi: byte(&c[2]),
                next: c[3].parse().expect("state id"),
            })
            .collect();
        let accepting: Vec<bool> = field("accepting")
            .split(", ")
            .map(|flag| flag == "true")
            .collect();
        let states = accepting
            .iter()
            .zip(offsets.windows(2))
            .map(|(&accepting, span)| State {
                ranges: ranges[span[0]..span[1]].to_vec(),
                accepting,
            })
            .collect();
        Automaton { states }
    }

    fn numbers(list: &str) -> Vec<usize> {
        list.split(", ")
            .map(|n| n.parse().expect("number"))
            .collect()
    }

    fn byte(literal: &str) -> u8 {
        match literal.strip_prefix("0x") {
            Some(hex) => u8::from_str_radix(hex, 16).expect("hex"),
            None => {
                let inner = &literal[2..literal.len() - 1];
                inner.strip_prefix('\\').unwrap_or(inner).as_bytes()[0]
            }
        }
    }

    /// Every string over `alphabet` up to `length` characters.
    fn strings(alphabet: &[&str], length: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..length {
            last = last
                .iter()
                .flat_map(|prefix| alphabet.iter().map(move |c| format!("{prefix}{c}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    const PATTERNS: &[&str] = &[
        r"^(?:[0-9]{5}(-[0-9]{4})?)$",
        r"^(?:(GIR|[A-Z][0-9][A-Z0-9]??|[A-Z]{2}[0-9][A-Z0-9]??)[ ]??([0-9][A-Z]{1,2}))$",
        r"^(?:[0-9]{5}|PE[\t\n\x0B\f\r ][0-9]{4})$",
        r#"^(?:"(?:[\x01-\x08\x21\\]|\\[\x01-\x7f])*"|[a-z']+)$"#,
        r"^(?:[^a]b)$",
    ];

    #[test]
    fn emitted_tables_read_back_to_the_same_automaton() {
        for pattern in PATTERNS {
            let automaton = compile(pattern);
            let text = automaton.to_rust("P", &["doc".to_owned()]).expect("emits");
            assert_eq!(parse(&text), automaton, "{pattern}\n{text}");
        }
    }

    #[test]
    fn automata_agree_with_regex_on_every_short_string() {
        let alphabet = [
            "0", "9", "A", "Z", "a", "b", "-", " ", "\t", "\"", "\\", "'", "é", "\u{7f}",
        ];
        for pattern in PATTERNS {
            let automaton = compile(pattern);
            let oracle = regex::Regex::new(pattern).expect("regex");
            for input in strings(&alphabet, 4) {
                assert_eq!(
                    automaton.is_match(input.as_bytes()),
                    oracle.is_match(&input),
                    "{pattern} {input:?}"
                );
            }
        }
        let zip = compile(PATTERNS[0]);
        assert!(zip.is_match(b"95110-1234"));
        assert!(!zip.is_match(b"95110-123"));
    }

    #[test]
    fn one_language_gives_one_automaton() {
        assert_eq!(
            compile(r"^(?:[0-9]{5}(-[0-9]{4})?)$"),
            compile(r"^(?:[0-9]{5}(?:-[0-9]{4})?)$")
        );
        assert_eq!(compile(r"^(?:[0-9]{4})$"), compile(r"^(?:[0-9][0-9]{3})$"));
        assert_ne!(compile(r"^(?:[0-9]{4})$"), compile(r"^(?:[0-9]{5})$"));
    }

    #[test]
    fn states_are_few_and_ranges_merged() {
        let four_digits = compile(r"^(?:[0-9]{4})$");
        assert_eq!(four_digits.state_count(), 6, "dead, start, 3 between, end");
        assert_eq!(four_digits.range_count(), 4);
        assert_eq!(four_digits.state_type(), Ok("u8"));
        assert!(four_digits.states[5].accepting);
    }

    #[test]
    fn a_non_ascii_byte_leads_to_dead_and_a_whole_match_is_needed() {
        let digits = compile(r"^(?:[0-9]+)$");
        assert!(!digits.is_match("1٣".as_bytes()));
        assert!(!digits.is_match(b"12x"));
        assert!(!digits.is_match(b""));
        let unanchored = compile("a");
        assert!(unanchored.is_match(b"a"));
        assert!(!unanchored.is_match(b"ab"), "acceptance is read at the end");
    }

    #[test]
    fn refuses_what_it_cannot_encode() {
        assert!(
            Automaton::compile(r"^(?:a[^\x00-\x{10FFFF}])$").is_err(),
            "matches nothing"
        );
        assert!(
            Automaton::compile(r"^(?:\bx)$").is_err(),
            "Unicode word boundary"
        );
    }
}
