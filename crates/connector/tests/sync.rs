//! Account Synchronize end to end: the platform's calls to the connector,
//! the connector's to the real sandbox, the mapping in an SQLite file.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A sandbox and a connector on a fresh SQLite file.
async fn start(extra: &[(&str, &str)]) -> (String, String, TempDir) {
    let dir = TempDir::new("sync");
    let sandbox = sandbox().await;
    let connector = connector(&sandbox, &dir.sqlite(), extra).await;
    (sandbox, connector, dir)
}

#[tokio::test]
async fn a_reseller_then_its_end_customer() {
    let (sandbox, connector, _dir) = start(&[]).await;
    let (status, answer) = sync(&connector, &reseller("1082733")).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["Action"], "Created");
    assert_eq!(answer["Kind"], "Reseller");
    assert_eq!(answer["AdobeStatus"], "1002");
    let reseller_id = answer["ExternalID"].as_str().expect("id").to_owned();
    let held = accounts_with_reference(&sandbox, "resellers", "1082733").await;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["resellerId"], reseller_id.as_str());
    assert_eq!(held[0]["distributorId"], DISTRIBUTOR);
    assert_eq!(
        held[0]["companyProfile"]["contacts"][0]["email"],
        "mickey@example.com"
    );

    // A pending reseller can create customers (create-reseller-account.txt).
    let (status, answer) = sync(&connector, &customer("2000001", "1082733", &reseller_id)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["Kind"], "Customer");
    let customer_id = answer["ExternalID"].as_str().expect("id");
    let held = accounts_with_reference(&sandbox, "customers", "2000001").await;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["customerId"], customer_id);
    assert_eq!(held[0]["resellerId"], reseller_id.as_str());
}

#[tokio::test]
async fn a_repeat_sync_creates_nothing_and_updates_what_changed() {
    let (sandbox, connector, _dir) = start(&[]).await;
    let (_, first) = sync(&connector, &reseller("1082733")).await;
    let (status, again) = sync(&connector, &reseller("1082733")).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["ExternalID"], first["ExternalID"]);
    assert_eq!(again["Action"], "Unchanged");

    // Pending: Adobe refuses the update (1125), and so does the platform's answer.
    let mut moved = reseller("1082733");
    moved["Address"]["City"] = json!("Santa Clara");
    let (status, refused) = sync(&connector, &moved).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["Error"]["Name"], "ResellerIsNotActive");
    assert_eq!(refused["Error"]["Adobe"]["code"], "1125");

    settle(&sandbox).await;
    let (status, updated) = sync(&connector, &moved).await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["Action"], "Updated");
    assert_eq!(updated["AdobeStatus"], "1000");
    assert_eq!(updated["ExternalID"], first["ExternalID"]);
    let held = accounts_with_reference(&sandbox, "resellers", "1082733").await;
    assert_eq!(held.len(), 1, "one account however many syncs");
    assert_eq!(held[0]["companyProfile"]["address"]["city"], "Santa Clara");
}

#[tokio::test]
async fn the_mapping_survives_a_restart() {
    let dir = TempDir::new("restart");
    let sandbox = sandbox().await;
    let first = connector(&sandbox, &dir.sqlite(), &[]).await;
    let (_, created) = sync(&first, &reseller("1082733")).await;
    assert_eq!(created["Action"], "Created");
    // A second process on the same file, as after a restart.
    let second = connector(&sandbox, &dir.sqlite(), &[]).await;
    let (status, again) = sync(&second, &reseller("1082733")).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["Action"], "Unchanged");
    assert_eq!(again["ExternalID"], created["ExternalID"]);
    assert_eq!(
        accounts_with_reference(&sandbox, "resellers", "1082733")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn a_5xx_after_the_create_gives_one_account() {
    let (sandbox, connector, _dir) = start(&[]).await;
    let fault = json!({ "route": "createReseller", "fault": { "kind": "serverErrorAfter", "status": 500 }, "times": 1 });
    admin(&sandbox, reqwest::Method::POST, "faults", &fault).await;
    let (status, answer) = sync(&connector, &reseller("1082733")).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["Action"], "Created");
    let held = accounts_with_reference(&sandbox, "resellers", "1082733").await;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["resellerId"], answer["ExternalID"]);
    let (_, again) = sync(&connector, &reseller("1082733")).await;
    assert_eq!(again["ExternalID"], answer["ExternalID"]);
}

#[tokio::test]
async fn a_gateway_5xx_before_the_create_is_retried_by_the_next_sync() {
    let (sandbox, connector, _dir) = start(&[]).await;
    let fault = json!({ "route": "createReseller", "fault": { "kind": "serverError", "status": 502 }, "times": 1 });
    admin(&sandbox, reqwest::Method::POST, "faults", &fault).await;
    let (status, answer) = sync(&connector, &reseller("1082733")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{answer}");
    assert_eq!(answer["Error"]["Name"], "Unavailable");
    assert!(
        accounts_with_reference(&sandbox, "resellers", "1082733")
            .await
            .is_empty()
    );
    let (status, answer) = sync(&connector, &reseller("1082733")).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(
        accounts_with_reference(&sandbox, "resellers", "1082733")
            .await
            .len(),
        1
    );
}

/// The refusal's name, fields and storefront text.
fn error_of(answer: &Value) -> (String, Vec<String>, String) {
    let error = &answer["Error"];
    let fields = error["Fields"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    (
        error["Name"].as_str().unwrap_or_default().to_owned(),
        fields,
        error["Text"].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test]
async fn refusals_carry_the_storefront_names_and_adobe_field_paths() {
    let (sandbox, connector, _dir) = start(&[]).await;
    let mut bad_region = reseller("1082733");
    bad_region["Address"]["State"] = json!("ZZ");
    let (status, answer) = sync(&connector, &bad_region).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    let (name, fields, text) = error_of(&answer);
    assert_eq!(name, "RequestCreateResellerRejected");
    assert_eq!(fields, ["companyProfile.address.region"]);
    assert_eq!(text, "Invalid Address (companyProfile.address.region)");
    assert_eq!(answer["Error"]["Adobe"]["code"], "1118");

    let mut many = reseller("1082733");
    many["Address"]["State"] = json!("ZZ");
    many["Email"] = json!("not-an-email");
    let (_, answer) = sync(&connector, &many).await;
    let (_, fields, text) = error_of(&answer);
    assert!(text.starts_with("Some Fields are Invalid ("), "{text}");
    assert!(
        fields.contains(&"companyProfile.address.region".to_owned()),
        "{fields:?}"
    );
    assert!(fields.iter().any(|f| f.contains("email")), "{fields:?}");

    // The refused intent left nothing behind: the corrected record is created.
    let (status, answer) = sync(&connector, &reseller("1082733")).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["Action"], "Created");

    let mut no_city = reseller("1082734");
    no_city["Address"]["City"] = json!("");
    let (_, answer) = sync(&connector, &no_city).await;
    assert_eq!(error_of(&answer).0, "NoCitySpecified");
    assert_eq!(answer["Error"]["Fields"], json!(["city"]));

    let mut no_terms = reseller("1082735");
    no_terms["TermsAccepted"] = json!(false);
    assert_eq!(
        error_of(&sync(&connector, &no_terms).await.1).0,
        "TermsNotAccepted"
    );

    let stranger = customer("2000009", "1082733", "5999999999");
    assert_eq!(
        error_of(&sync(&connector, &stranger).await.1).0,
        "CustomerNotBelongToReseller"
    );
    let mut odd = reseller("1082736");
    odd["ResellerID"] = json!("999");
    let (_, answer) = sync(&connector, &odd).await;
    assert_eq!(error_of(&answer).0, "InvalidAccountRecord");
    assert_eq!(
        answer["Error"]["Violations"][0]["code"],
        "provisioning.role_mismatch"
    );
    assert_eq!(
        accounts_with_reference(&sandbox, "resellers", "1082734")
            .await
            .len(),
        0
    );
}

#[tokio::test]
async fn an_unauthenticated_platform_call_is_refused_before_adobe() {
    let (sandbox, connector, _dir) = start(&[]).await;
    for secret in [
        None,
        Some("wrong-secret-of-at-least-32-bytes-long"),
        Some(""),
    ] {
        let (status, answer) = sync_as(&connector, secret, &reseller("1082733")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{answer}");
        assert_eq!(answer["Error"]["Name"], "Unauthenticated");
    }
    assert!(
        accounts_with_reference(&sandbox, "resellers", "1082733")
            .await
            .is_empty()
    );
    let (status, answer) = sync_as(&connector, Some(SECRET), &json!([1])).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer["Error"]["Name"], "InvalidAccountRecord");
}

#[tokio::test]
async fn without_reseller_support_the_mpnid_option_names_the_reseller() {
    let (sandbox, connector, _dir) = start(&[("VIPMP_RESELLER_SUPPORT", "false")]).await;
    let (_, answer) = sync(&connector, &reseller("1082733")).await;
    assert_eq!(answer["Error"]["Name"], "AccountIsNotDefinedAsReseller");
    let mut record = customer("2000001", "1082733", "");
    record["SyncOptions"] = json!({ "DomainPrefix": "companyX", "MPNID": 5_000_000_101_u64 });
    let (status, answer) = sync(&connector, &record).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let held = accounts_with_reference(&sandbox, "customers", "2000001").await;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["resellerId"], OWN);
    let (_, answer) = sync(&connector, &customer("2000002", "1082733", "")).await;
    assert_eq!(answer["Error"]["Name"], "CustomerNotBelongToReseller");
}

#[tokio::test]
async fn a_direct_customer_goes_under_the_distributors_own_reseller() {
    let (sandbox, connector, _dir) = start(&[]).await;
    let (status, answer) = sync(&connector, &customer("3000001", "", "")).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let held = accounts_with_reference(&sandbox, "customers", "3000001").await;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["resellerId"], OWN);
    assert_eq!(held[0]["customerId"], answer["ExternalID"]);
}

/// What an instance that died mid-create left: its expired claim in the
/// store, and Adobe's account made under the claim's correlation ID.
async fn dead_instance_created(sandbox: &str, store: &str, record: &Value) -> String {
    let correlation = "vipmp-sync-dead-instance";
    let store = vipmp_connector::store::open(store).await.expect("store");
    let claim = store
        .claim(
            "1082733",
            vipmp_connector::store::Kind::Reseller,
            "dead/1",
            std::time::Duration::ZERO,
            correlation,
        )
        .await
        .expect("claim");
    assert!(matches!(claim, vipmp_connector::store::Claim::Won { .. }));
    let http = reqwest::Client::new();
    let token: Value = http
        .post(format!("{sandbox}/ims/token/v3"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret&scope=openid")
        .send()
        .await
        .expect("token")
        .text()
        .await
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .expect("token json");
    let account: vipmp_connector::platform::AccountRecord =
        serde_json::from_value(record.clone()).expect("record");
    let body = json!({ "distributorId": DISTRIBUTOR, "externalReferenceId": "1082733",
                       "companyProfile": account.company_profile(true) });
    let created: Value = http
        .post(format!("{sandbox}/v3/resellers"))
        .bearer_auth(token["access_token"].as_str().expect("access token"))
        .header("x-api-key", "sandbox-client")
        .header("x-correlation-id", correlation)
        .header("x-request-id", "dead-instance-request")
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("create")
        .text()
        .await
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .expect("create json");
    created["resellerId"]
        .as_str()
        .expect("reseller id")
        .to_owned()
}

#[tokio::test]
async fn an_expired_claim_is_taken_over_under_its_correlation_id() {
    let dir = TempDir::new("takeover");
    let sandbox = sandbox().await;
    let record = reseller("1082733");
    let made = dead_instance_created(&sandbox, &dir.sqlite(), &record).await;
    let connector = connector(&sandbox, &dir.sqlite(), &[]).await;
    let (status, answer) = sync(&connector, &record).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    // Adobe replayed the dead instance's create: the same account, not a second.
    assert_eq!(answer["ExternalID"], made.as_str());
    assert_eq!(
        accounts_with_reference(&sandbox, "resellers", "1082733")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn a_reseller_that_settles_inactive_gets_no_customers() {
    let (sandbox, connector, _dir) = start(&[]).await;
    let (_, answer) = sync(&connector, &reseller("1082733")).await;
    let reseller_id = answer["ExternalID"].as_str().expect("id").to_owned();
    let outcome = json!({ "id": reseller_id, "status": "1004" });
    admin(
        &sandbox,
        reqwest::Method::POST,
        "account-outcomes",
        &outcome,
    )
    .await;
    settle(&sandbox).await;
    let (_, again) = sync(&connector, &reseller("1082733")).await;
    assert_eq!(again["AdobeStatus"], "1004", "{again}");
    let (status, refused) = sync(&connector, &customer("2000001", "1082733", &reseller_id)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["Error"]["Name"], "ResellerIsNotActive");
    assert_eq!(refused["Error"]["Adobe"]["code"], "1126");
    assert!(
        accounts_with_reference(&sandbox, "customers", "2000001")
            .await
            .is_empty()
    );
}
