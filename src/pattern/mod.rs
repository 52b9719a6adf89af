//! Adobe's fixed patterns, compiled ahead of time and walked here without a
//! regex engine.
//!
//! The email pattern (FACTS.md §2.1) and the 170 postal formats (FACTS.md §2.6)
//! never change at run time, so compiling them in every browser would waste both
//! the engine's bytes in the shipped wasm and its start-up and matching time
//! (DESIGN.md, "The engine"). `cargo xtask codegen` compiles each into a minimal
//! deterministic automaton (`crates/xtask/src/automaton.rs`) and writes the
//! tables to [`generated`]; the postal formats share one automaton per distinct
//! language. This module only walks a table: one state per input byte, no
//! backtracking and no allocation, so matching is linear in the input's length.
//!
//! Matching is Java's `matches()`: the whole input must match. The walk starts
//! at the first byte and reads the verdict after the last. The patterns are
//! ASCII, so a byte of a non-ASCII character leads to the dead state; the
//! differential tests in `field::email` and `field::postal_code` hold the tables
//! to the `regex` and `fancy-regex` crates running Adobe's text.

#[rustfmt::skip]
pub(crate) mod generated;

use std::fmt;

/// The state no byte leads out of: the input can no longer match.
const DEAD: usize = 0;
/// The state before the first byte.
const START: usize = 1;

/// A deterministic automaton as `cargo xtask codegen` emits it. States are
/// numbered from [`START`]; state `s` has the transitions
/// `ranges[offsets[s]..offsets[s + 1]]`, each `(lo, hi, next)` sending the bytes
/// `lo..=hi` to state `next`, sorted and disjoint; every other byte leads to
/// [`DEAD`]. `accepting[s]` says whether input ending in state `s` matches.
/// `S` is the narrowest integer that holds every state id (`u8` or `u16`).
pub(crate) struct Automaton<S: 'static> {
    offsets: &'static [u16],
    ranges: &'static [(u8, u8, S)],
    accepting: &'static [bool],
}

impl<S: Copy + Into<usize>> Automaton<S> {
    /// Whether the whole of `input` matches the pattern.
    pub(crate) fn matches(&self, input: &str) -> bool {
        let mut state = START;
        for &byte in input.as_bytes() {
            state = self.next(state, byte);
            if state == DEAD {
                return false;
            }
        }
        self.accepting.get(state).copied().unwrap_or(false)
    }

    /// The state `byte` leads to from `state`.
    #[inline]
    fn next(&self, state: usize, byte: u8) -> usize {
        // The ranges are sorted: the first whose end reaches the byte is the
        // only one that can hold it.
        self.transitions(state)
            .iter()
            .find(|&&(_, hi, _)| byte <= hi)
            .filter(|&&(lo, _, _)| lo <= byte)
            .map_or(DEAD, |&(_, _, next)| next.into())
    }

    /// The byte ranges leaving `state`; none for an id out of the table.
    fn transitions(&self, state: usize) -> &'static [(u8, u8, S)] {
        let bound = |s: usize| self.offsets.get(s).map(|&offset| usize::from(offset));
        match (bound(state), bound(state + 1)) {
            (Some(start), Some(end)) => self.ranges.get(start..end).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Panics unless the tables are as [`Automaton`] describes them.
    #[cfg(test)]
    pub(crate) fn assert_well_formed(&self, name: &str) {
        let states = self.accepting.len();
        assert_eq!(self.offsets.len(), states + 1, "{name}");
        assert!(self.offsets.windows(2).all(|w| w[0] <= w[1]), "{name}");
        let end = self.offsets.last().map(|&offset| usize::from(offset));
        assert_eq!(end, Some(self.ranges.len()), "{name}");
        assert!(self.transitions(DEAD).is_empty(), "{name}");
        assert_eq!(self.accepting.first(), Some(&false), "{name}");
        for state in START..states {
            let ranges = self.transitions(state);
            let valid = |&(lo, hi, next): &(u8, u8, S)| {
                lo <= hi && next.into() != DEAD && next.into() < states
            };
            assert!(ranges.iter().all(valid), "{name} {state}");
            assert!(ranges.windows(2).all(|w| w[0].1 < w[1].0), "{name} {state}");
        }
    }
}

/// An automaton unpacked into one row of 256 next states per state: a step
/// is one load instead of a scan of the state's ranges. Worth it for a long
/// input checked often (an email address, up to 240 bytes, on every
/// keystroke); built once, on first use, from the compact tables.
pub(crate) struct Dense {
    next: Vec<u8>,
    accepting: &'static [bool],
}

impl Dense {
    /// The dense form of an automaton whose state ids fit in a byte.
    pub(crate) fn of(automaton: &Automaton<u8>) -> Self {
        let states = automaton.accepting.len();
        let mut next = vec![0u8; states * 256];
        for state in START..states {
            for &(lo, hi, to) in automaton.transitions(state) {
                for byte in lo..=hi {
                    next[state * 256 + usize::from(byte)] = to;
                }
            }
        }
        Self {
            next,
            accepting: automaton.accepting,
        }
    }

    /// Whether the whole of `input` matches, as [`Automaton::matches`] says.
    pub(crate) fn matches(&self, input: &str) -> bool {
        let mut state = START;
        for &byte in input.as_bytes() {
            state = self
                .next
                .get(state * 256 + usize::from(byte))
                .map_or(DEAD, |&to| usize::from(to));
            if state == DEAD {
                return false;
            }
        }
        self.accepting.get(state).copied().unwrap_or(false)
    }
}

impl<S> fmt::Debug for Automaton<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Automaton")
            .field("states", &self.accepting.len())
            .field("ranges", &self.ranges.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_dense_email_accepts_what_the_ranges_accept() {
        let dense = Dense::of(&generated::EMAIL);
        for address in [
            "a@b.co",
            "first.last+tag@sub.example.co.uk",
            "\"q\\\"x\"@x.y",
            "u@[192.168.0.1]",
        ] {
            assert!(generated::EMAIL.matches(address), "{address}");
            assert!(dense.matches(address), "{address}");
        }
        assert_eq!(dense.matches("a@b"), generated::EMAIL.matches("a@b"));
    }

    proptest! {
        /// The dense form answers as the compact tables do, for the email
        /// automaton, a postal one and a hand-written one.
        #[test]
        fn the_dense_form_agrees_with_the_ranges(text in "[a-zA-Z0-9.@\"\\\\\\[\\]: \u{1}é-]{0,40}") {
            for automaton in [&generated::EMAIL, &generated::POSTAL_0, &TWO_DIGITS] {
                prop_assert_eq!(Dense::of(automaton).matches(&text), automaton.matches(&text));
            }
        }
    }

    /// `[0-9]{2}(-[A-Z])?`, written by hand.
    static TWO_DIGITS: Automaton<u8> = Automaton {
        offsets: &[0, 0, 1, 2, 3, 4, 4],
        ranges: &[
            (b'0', b'9', 2),
            (b'0', b'9', 3),
            (b'-', b'-', 4),
            (b'A', b'Z', 5),
        ],
        accepting: &[false, false, false, true, false, true],
    };

    #[test]
    fn walks_the_whole_input() {
        for input in ["12", "00-A", "99-Z"] {
            assert!(TWO_DIGITS.matches(input), "{input}");
        }
        for input in ["", "1", "123", "12-", "12-a", "a12", "12-AB", "1٣", "١٢"] {
            assert!(!TWO_DIGITS.matches(input), "{input}");
        }
    }

    #[test]
    fn tables_are_well_formed() {
        TWO_DIGITS.assert_well_formed("TWO_DIGITS");
        generated::EMAIL.assert_well_formed("EMAIL");
    }
}
