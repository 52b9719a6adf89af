//! Misuse of the library, as opposed to invalid input.
//!
//! Invalid input is data: a [`Report`](crate::Report) of violations. An [`Error`]
//! means the caller used the API wrongly (an unknown operation name, a malformed
//! option) and is never shown to a shopper.

use crate::output::quoted;
use std::fmt;

/// The caller misused the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    UnknownField(String),
    UnknownOperation(String),
}

impl Error {
    /// `validate_field` was asked about a field it does not know.
    pub fn unknown_field(name: &str) -> Self {
        Self {
            kind: ErrorKind::UnknownField(name.to_owned()),
        }
    }

    /// An operation name that no validator has.
    pub fn unknown_operation(name: &str) -> Self {
        Self {
            kind: ErrorKind::UnknownOperation(name.to_owned()),
        }
    }

    /// Whether the error is about an unknown field name.
    pub fn is_unknown_field(&self) -> bool {
        matches!(self.kind, ErrorKind::UnknownField(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownField(name) => write!(f, "no field rule is named {}", quoted(name)),
            ErrorKind::UnknownOperation(name) => {
                write!(f, "no operation is named {}", quoted(name))
            }
        }
    }
}

impl std::error::Error for Error {}
