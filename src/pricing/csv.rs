//! A small RFC 4180 reader for the price-list file, with line numbers.
//!
//! The price list arrives as the text of Adobe's monthly file saved as CSV (or
//! tab-separated); a malformed file must be rejected with the line and column
//! of the fault, which a general CSV crate would report less precisely and at a
//! cost in the shipped wasm. Quoted fields may hold the delimiter, doubled
//! quotes and line breaks.

/// One record: its 1-based line number and its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The line the record starts on, counting from 1.
    pub line: usize,
    /// The fields, unquoted.
    pub fields: Vec<String>,
}

/// Where the text stops being CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong.
    pub reason: &'static str,
}

/// The delimiter of the text: a tab when the first line holds one, else a comma.
pub fn delimiter(text: &str) -> char {
    let first = text.lines().next().unwrap_or_default();
    if first.contains('\t') { '\t' } else { ',' }
}

/// Every non-empty record of the text.
///
/// # Errors
/// A quote inside an unquoted field, text after a closing quote, or a quote
/// never closed.
pub fn records(text: &str, delimiter: char) -> Result<Vec<Record>, SyntaxError> {
    let mut reader = Reader::default();
    for ch in text.chars() {
        reader.push(ch, delimiter)?;
    }
    reader.finish()
}

#[derive(Default)]
struct Reader {
    records: Vec<Record>,
    fields: Vec<String>,
    field: String,
    quoted: bool,
    in_quotes: bool,
    after_quote: bool,
    line: usize,
    column: usize,
    record_line: usize,
    quote_line: usize,
    quote_column: usize,
}

impl Reader {
    fn push(&mut self, ch: char, delimiter: char) -> Result<(), SyntaxError> {
        if self.line == 0 {
            self.line = 1;
            self.record_line = 1;
        }
        self.column += 1;
        if self.in_quotes {
            self.quoted_char(ch);
            return Ok(());
        }
        match ch {
            '"' if self.after_quote => {
                self.field.push('"');
                self.in_quotes = true;
                self.after_quote = false;
            }
            '"' if self.field.is_empty() && !self.quoted => self.open_quote(),
            '"' => return Err(self.error("a quote inside an unquoted field")),
            '\r' => self.column -= 1,
            '\n' => self.end_record(),
            c if c == delimiter => self.end_field(),
            _ if self.after_quote => return Err(self.error("text after a closing quote")),
            c => self.field.push(c),
        }
        Ok(())
    }

    fn open_quote(&mut self) {
        self.quoted = true;
        self.in_quotes = true;
        self.quote_line = self.line;
        self.quote_column = self.column;
    }

    fn quoted_char(&mut self, ch: char) {
        match ch {
            '"' => {
                self.in_quotes = false;
                self.after_quote = true;
            }
            '\n' => {
                self.field.push('\n');
                self.line += 1;
                self.column = 0;
            }
            c => self.field.push(c),
        }
    }

    fn end_field(&mut self) {
        self.fields.push(std::mem::take(&mut self.field));
        self.quoted = false;
        self.after_quote = false;
    }

    fn end_record(&mut self) {
        self.end_field();
        let fields = std::mem::take(&mut self.fields);
        if !(fields.len() == 1 && fields[0].is_empty()) {
            self.records.push(Record {
                line: self.record_line,
                fields,
            });
        }
        self.line += 1;
        self.column = 0;
        self.record_line = self.line;
    }

    fn finish(mut self) -> Result<Vec<Record>, SyntaxError> {
        if self.in_quotes {
            return Err(SyntaxError {
                line: self.quote_line,
                column: self.quote_column,
                reason: "a quote is never closed",
            });
        }
        if self.line > 0 {
            self.end_record();
        }
        Ok(self.records)
    }

    fn error(&self, reason: &'static str) -> SyntaxError {
        SyntaxError {
            line: self.line,
            column: self.column,
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        records(text, delimiter(text))
            .expect("csv")
            .into_iter()
            .map(|record| record.fields)
            .collect()
    }

    #[test]
    fn reads_quoted_fields_and_line_numbers() {
        let text = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"multi\nline\",2\n";
        assert_eq!(
            fields(text),
            [
                vec!["a".to_owned(), "b".to_owned()],
                vec!["x, y".to_owned(), "say \"hi\"".to_owned()],
                vec!["multi\nline".to_owned(), "2".to_owned()],
            ]
        );
        let lines: Vec<usize> = records(text, ',')
            .expect("csv")
            .iter()
            .map(|r| r.line)
            .collect();
        assert_eq!(lines, [1, 2, 4]);
    }

    #[test]
    fn reads_tabs() {
        assert_eq!(fields("a\tb\n1\t2"), [vec!["a", "b"], vec!["1", "2"]]);
    }

    #[test]
    fn reports_line_and_column() {
        let err = records("a,b\n1,x\"y\n", ',').expect_err("stray quote");
        assert_eq!((err.line, err.column), (2, 4));
        let err = records("a,b\n1,\"x\"y\n", ',').expect_err("after quote");
        assert_eq!((err.line, err.column), (2, 6));
        let err = records("a\n\"open\n", ',').expect_err("unclosed");
        assert_eq!((err.line, err.column), (2, 1));
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,64}") {
            let _ = records(&text, ',');
        }
    }
}
