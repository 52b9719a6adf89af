//! Reseller change and VIP→VIPMP transfers, driven through the core's request
//! builders and read with the core's parser.

mod support;

use serde_json::{Value, json};
use support::Demo;
use vipmp::request::Endpoint;
use vipmp::response::Body;

const CUSTOMER: &str = "6000000201";
const OTHER_RESELLER: &str = "5000000102";

fn change(action: &str, code: &str, reseller: &str) -> Value {
    json!({ "body": { "type": "RESELLER_CHANGE", "action": action, "approvalCode": code,
        "resellerId": reseller, "requestedBy": "admin@example.com" } })
}

fn transfer_of(parsed: vipmp::response::Parsed) -> vipmp::resource::Transfer {
    match parsed.body {
        Some(Body::Transfer(transfer)) => transfer,
        other => panic!("{other:?} {:?}", parsed.error),
    }
}

#[tokio::test]
async fn a_reseller_change_previews_commits_and_completes_with_the_clock() {
    let demo = Demo::new(|_| {}).await;
    let preview = demo
        .call(
            Endpoint::PreviewResellerChange,
            change("PREVIEW", "83183221", OTHER_RESELLER),
        )
        .await;
    assert_eq!(preview.http_status, 200);
    let preview = transfer_of(preview);
    assert_eq!(preview.action.as_deref(), Some("PREVIEW"));
    assert_eq!(preview.customer_id, CUSTOMER);
    let commit = demo
        .call(
            Endpoint::CommitResellerChange,
            change("COMMIT", "83183221", OTHER_RESELLER),
        )
        .await;
    assert_eq!(commit.http_status, 201);
    let commit = transfer_of(commit);
    assert_eq!(commit.status.as_deref(), Some("1002"));
    let again = demo
        .code(
            Endpoint::CommitResellerChange,
            change("COMMIT", "83183221", OTHER_RESELLER),
        )
        .await;
    assert_eq!(again, "1131");
    demo.advance(60).await;
    let get = json!({ "params": { "transferId": commit.transfer_id } });
    let done = transfer_of(demo.call(Endpoint::GetResellerChange, get).await);
    assert_eq!(done.status.as_deref(), Some("1000"));
    let customer = demo
        .call(
            Endpoint::GetCustomer,
            json!({ "params": { "customerId": CUSTOMER } }),
        )
        .await;
    let Some(Body::Customer(customer)) = customer.body else {
        panic!("customer")
    };
    assert_eq!(customer.reseller_id, OTHER_RESELLER);
}

#[tokio::test]
async fn reseller_change_refusals() {
    let mut demo = Demo::new(|_| {}).await;
    let preview = |code: &'static str, reseller: &'static str| {
        demo.code(
            Endpoint::PreviewResellerChange,
            change("PREVIEW", code, reseller),
        )
    };
    assert_eq!(preview("12345678", OTHER_RESELLER).await, "1128");
    assert_eq!(preview("83183221", "5000000999").await, "1115");
    let own = demo
        .call(
            Endpoint::PreviewResellerChange,
            change("PREVIEW", "83183221", "5000000101"),
        )
        .await
        .error
        .expect("error");
    assert_eq!(own.code, "1134");
    assert_eq!(own.additional_details, ["INVALID_RESELLER_ID"]);
    let unknown = json!({ "params": { "transferId": "8000000999" } });
    assert_eq!(
        demo.code(Endpoint::GetResellerChange, unknown).await,
        "5116"
    );
    demo.advance(7 * 86_400).await;
    demo.refresh().await;
    assert_eq!(
        demo.code(
            Endpoint::PreviewResellerChange,
            change("PREVIEW", "83183221", OTHER_RESELLER)
        )
        .await,
        "1129"
    );
}

#[tokio::test]
async fn an_issued_code_is_valid_for_seven_days() {
    let demo = Demo::new(|_| {}).await;
    let (status, issued) = demo
        .admin("/admin/approval-codes", json!({ "customerId": CUSTOMER }))
        .await;
    assert_eq!(status, 200);
    let code = issued["approvalCode"].as_str().expect("code").to_owned();
    let body = change("PREVIEW", &code, OTHER_RESELLER);
    let preview = demo.call(Endpoint::PreviewResellerChange, body).await;
    assert!(preview.ok, "{:?}", preview.error);
    assert_eq!(issued["expires"], 7 * 86_400);
    let unknown = demo
        .admin(
            "/admin/approval-codes",
            json!({ "customerId": "6000000999" }),
        )
        .await;
    assert_eq!(unknown.0, 404);
}

fn membership(id: &str) -> Value {
    json!({ "params": { "membershipId": id } })
}

fn vip_transfer(id: &str, query: &Value) -> Value {
    json!({ "params": { "membershipId": id }, "query": query,
            "body": { "resellerId": "5000000101" } })
}

#[tokio::test]
async fn a_vip_membership_previews_transfers_and_completes_with_the_clock() {
    let demo = Demo::new(|_| {}).await;
    let offers = transfer_of(
        demo.call(Endpoint::PreviewOffers, membership("VIP-READY-01"))
            .await,
    );
    assert_eq!(offers.line_items[0].offer_id, "65304479CA01A12");
    let started = demo
        .call(
            Endpoint::VipTransfer,
            vip_transfer("VIP-READY-01", &json!({})),
        )
        .await;
    assert_eq!(started.http_status, 202);
    let started = transfer_of(started);
    assert_eq!(started.status.as_deref(), Some("1002"));
    let busy = demo
        .code(Endpoint::PreviewOffers, membership("VIP-READY-01"))
        .await;
    assert_eq!(busy, "5121");
    demo.advance(60).await;
    let get =
        json!({ "params": { "membershipId": "VIP-READY-01", "transferId": started.transfer_id } });
    let done = transfer_of(demo.call(Endpoint::GetVipTransfer, get).await);
    assert_eq!(done.status.as_deref(), Some("1000"));
    assert!(!done.line_items[0].subscription_id.is_empty());
    let customer = json!({ "params": { "customerId": done.customer_id } });
    let Some(Body::Customer(customer)) = demo.call(Endpoint::GetCustomer, customer).await.body
    else {
        panic!("customer")
    };
    assert_eq!(customer.coterm_date.as_deref(), Some("2024-09-22"));
    assert_eq!(customer.discounts[0].level, "02");
    let again = demo
        .code(Endpoint::PreviewOffers, membership("VIP-READY-01"))
        .await;
    assert_eq!(again, "5118");
}

#[tokio::test]
async fn ineligible_memberships_answer_5117_with_reason_codes_and_the_flags_waive_two() {
    let demo = Demo::new(|_| {}).await;
    let error = demo
        .call(Endpoint::PreviewOffers, membership("VIP-BLOCKED-02"))
        .await
        .error
        .expect("error");
    assert_eq!(error.code, "5117");
    let reasons: Vec<&str> = error.reasons.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(reasons, ["OPEN_PURCHASE_AUTH", "RETURNABLE_PURCHASE"]);
    assert!(error.reasons.iter().all(|r| r.action.is_some()));
    let one = json!({ "expire-open-pas": true });
    let partly = demo
        .call(Endpoint::VipTransfer, vip_transfer("VIP-BLOCKED-02", &one))
        .await;
    let reasons = partly.error.expect("error").reasons;
    assert_eq!(reasons.len(), 1);
    let both = json!({ "expire-open-pas": true, "ignore-order-return": true });
    let waived = demo
        .call(Endpoint::VipTransfer, vip_transfer("VIP-BLOCKED-02", &both))
        .await;
    assert_eq!(waived.http_status, 202, "{:?}", waived.error);
    let unpaid = demo
        .code(Endpoint::PreviewOffers, membership("VIP-UNPAID-03"))
        .await;
    assert_eq!(unpaid, "5117");
    assert_eq!(
        demo.code(Endpoint::PreviewOffers, membership("VIP-NOADMIN-04"))
            .await,
        "5120"
    );
    assert_eq!(
        demo.code(Endpoint::PreviewOffers, membership("NO-SUCH"))
            .await,
        "5115"
    );
    let unknown =
        json!({ "params": { "membershipId": "VIP-READY-01", "transferId": "8000000999" } });
    assert_eq!(demo.code(Endpoint::GetVipTransfer, unknown).await, "5116");
}

#[tokio::test]
async fn an_inactive_reseller_cannot_take_a_vip_transfer() {
    let demo = Demo::new(|seed| {
        seed["store"]["resellers"]["5000000101"]["status"] = json!("1004");
    })
    .await;
    let code = demo
        .code(
            Endpoint::VipTransfer,
            vip_transfer("VIP-READY-01", &json!({})),
        )
        .await;
    assert_eq!(code, "5119");
}

#[tokio::test]
async fn the_admin_route_moves_a_customer_to_another_reseller_at_once() {
    let demo = Demo::new(|_| {}).await;
    let body = json!({ "customerId": CUSTOMER, "resellerId": OTHER_RESELLER });
    let (status, moved) = demo.admin("/admin/reseller-moves", body).await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["resellerId"], OTHER_RESELLER);
    let get = json!({ "params": { "customerId": CUSTOMER } });
    let Some(Body::Customer(customer)) = demo.call(Endpoint::GetCustomer, get).await.body else {
        panic!("customer")
    };
    assert_eq!(customer.reseller_id, OTHER_RESELLER);
    let unknown = json!({ "customerId": CUSTOMER, "resellerId": "5999999999" });
    assert_eq!(demo.admin("/admin/reseller-moves", unknown).await.0, 404);
    let unknown = json!({ "customerId": "6999999999", "resellerId": OTHER_RESELLER });
    assert_eq!(demo.admin("/admin/reseller-moves", unknown).await.0, 404);
}
