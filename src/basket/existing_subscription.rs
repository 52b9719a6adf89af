//! Storefront rule 4: a customer who already has an Adobe subscription cannot
//! order another "Adobe Services" container.
//!
//! Source: storefront-ordering-rules.txt, "Ordering Rules" 4: "Adobe products
//! allow a single subscription per one unique email associated with an Adobe
//! account. If the user tries to order another Adobe container product, an
//! error message appears informing the user that the extra product cannot be
//! ordered, since an existing subscription is already present." The BSS list
//! ("List of Possible Warning Messages During the Ordering Process in BSS", 2)
//! gives the words shown: "It seems that an Adobe subscription already exists
//! for “Account's name”. Please update that subscription."
//!
//! The two sources call it an *error* (rule 4) and a *warning message* (both
//! lists, which also hold refusals such as the duplicate add-on that "will not
//! allow the order to be executed"). Rule 4 is the rule; the lists name the
//! messages. So the container is refused, with the BSS text, and the add-ons
//! alone go on to the existing subscription (BSS: "he can just select the
//! add-on(s) … and it will be automatically added to the existing
//! subscription").

use super::{Basket, BasketContext, LineKind};
use crate::{Code, Finding, Path, Report};

/// Refuses every container line when the customer already has a subscription.
pub fn check(basket: &Basket, context: &BasketContext, report: &mut Report) {
    if !context.existing_subscription {
        return;
    }
    let account = context
        .account_name
        .clone()
        .unwrap_or_else(|| "this account".into());
    let containers = basket.lines.iter().enumerate();
    for (index, _) in containers.filter(|(_, line)| line.kind == LineKind::Container) {
        report.add(
            &Path::root().key("lines").index(index),
            Finding::new(Code::BasketSubscriptionExists).with("account", account.as_str()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basket::{BasketLine, check_basket};

    fn line(kind: LineKind) -> BasketLine {
        BasketLine {
            kind,
            offer_id: "30001558CA01A12".into(),
            quantity: 1,
            ..BasketLine::default()
        }
    }

    fn existing() -> BasketContext {
        BasketContext {
            existing_subscription: true,
            account_name: Some("Fairmont".into()),
            ..BasketContext::default()
        }
    }

    #[test]
    fn a_second_container_is_refused_with_the_storefront_words() {
        let basket = Basket {
            lines: vec![line(LineKind::Container), line(LineKind::AddOn)],
            ..Basket::default()
        };
        let answer = check_basket(&basket, &existing(), None);
        assert!(!answer.valid);
        assert!(answer.warnings.is_empty());
        let [violation] = answer.violations.as_slice() else {
            panic!("one violation: {:?}", answer.violations);
        };
        assert_eq!(violation.code, Code::BasketSubscriptionExists);
        assert_eq!(violation.path.to_string(), "lines[0]");
        assert_eq!(
            violation.message,
            "It seems that an Adobe subscription already exists for “Fairmont”. Please update that subscription."
        );
    }

    #[test]
    fn add_ons_alone_go_to_the_existing_subscription() {
        let basket = Basket {
            lines: vec![line(LineKind::AddOn)],
            ..Basket::default()
        };
        assert!(check_basket(&basket, &existing(), None).valid);
    }

    #[test]
    fn a_new_customer_orders_the_container() {
        let basket = Basket {
            lines: vec![line(LineKind::Container), line(LineKind::AddOn)],
            ..Basket::default()
        };
        assert!(check_basket(&basket, &BasketContext::default(), None).valid);
    }
}
