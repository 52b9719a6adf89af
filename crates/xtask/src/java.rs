//! The part of Java's regex syntax the generator accepts, and nothing more.
//!
//! Adobe publishes Java patterns (FACTS.md §2.1, §2.6); the generator reads them
//! with Rust's regex syntax (`regex-syntax`, the parser `regex-automata` compiles
//! from), which differs from Java's for some constructs: `\d`, `\s` and `\w` are
//! Unicode, `.` and flags differ, `&&` and nested classes are set operations in
//! both but easy to misread (FACTS.md §2.3). So generation accepts a pattern only
//! when every construct in it means the same in both, which this module checks
//! on the parsed syntax tree. The postal translation (`countries.rs`) rewrites
//! `\d` and `\s` first.

use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, GroupKind};

/// Parses a pattern and accepts only constructs Java and the generator read
/// alike: ASCII literals, bracketed classes of literals and ranges, groups
/// without flags, alternation, repetition and line anchors.
pub(crate) fn check_subset(pattern: &str) -> Result<(), String> {
    let ast = ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| format!("{pattern}: {e}"))?;
    check_ast(&ast).map_err(|e| format!("{pattern}: {e}"))
}

fn check_ast(node: &Ast) -> Result<(), String> {
    match node {
        Ast::Empty(_) => Ok(()),
        Ast::Literal(literal) => check_literal(literal),
        Ast::Assertion(assertion) => match assertion.kind {
            ast::AssertionKind::StartLine | ast::AssertionKind::EndLine => Ok(()),
            ref other => Err(format!("assertion {other:?}")),
        },
        Ast::ClassBracketed(class) => check_class_set(&class.kind),
        Ast::Repetition(repetition) => check_ast(&repetition.ast),
        Ast::Group(group) => match &group.kind {
            GroupKind::CaptureIndex(_) => check_ast(&group.ast),
            GroupKind::NonCapturing(flags) if flags.items.is_empty() => check_ast(&group.ast),
            other => Err(format!("group {other:?}")),
        },
        Ast::Alternation(alternation) => alternation.asts.iter().try_for_each(check_ast),
        Ast::Concat(concat) => concat.asts.iter().try_for_each(check_ast),
        other => Err(format!("construct {other:?}")),
    }
}

fn check_literal(literal: &ast::Literal) -> Result<(), String> {
    if literal.c.is_ascii() {
        Ok(())
    } else {
        Err(format!("literal {:?}", literal.c))
    }
}

fn check_class_set(set: &ClassSet) -> Result<(), String> {
    match set {
        ClassSet::Item(item) => check_class_item(item),
        ClassSet::BinaryOp(op) => Err(format!("class operation {:?}", op.kind)),
    }
}

fn check_class_item(item: &ClassSetItem) -> Result<(), String> {
    match item {
        ClassSetItem::Literal(literal) => check_literal(literal),
        ClassSetItem::Range(range) => check_literal(&range.start).and(check_literal(&range.end)),
        ClassSetItem::Union(union) => union.items.iter().try_for_each(check_class_item),
        other => Err(format!("class item {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_published_constructs() {
        for pattern in [
            r"^(?:[0-9]{5}(?:-[0-9]{4})?)$",
            r"^(?:(GIR|[A-Z][0-9][A-Z0-9]??)[ ]??([0-9][A-Z]{1,2}))$",
            r#"^(?:"(?:[\x01-\x08\x0b\x21]|\\[\x01-\x7f])*"@\[x\])$"#,
        ] {
            assert_eq!(check_subset(pattern), Ok(()), "{pattern}");
        }
    }

    #[test]
    fn refuses_what_java_reads_differently() {
        for pattern in [
            r"^\d$",
            r"^\w+$",
            r"^\p{L}$",
            r"^a.b$",
            r"^(?i)a$",
            r"^é$",
            r"^\bx$",
            r"^[a-z&&[^x]]$",
            r"^[\d]$",
            r"^a(?=b)$",
        ] {
            assert!(check_subset(pattern).is_err(), "{pattern}");
        }
    }
}
