//! Two connector instances on one PostgreSQL server (Debian's, started here):
//! the same record synced through both at once gives one Adobe account, and
//! each instance sees the mapping the other wrote.

mod common;

use common::*;
use reqwest::StatusCode;
use std::collections::BTreeSet;

#[tokio::test]
async fn two_instances_on_one_postgres_create_one_account() {
    let Some(postgres) = Postgres::start().await else {
        eprintln!("skipped: no PostgreSQL server installed (scripts/wasm-tools installs it)");
        return;
    };
    let sandbox = sandbox().await;
    // A slow create keeps the first claim open while the others arrive.
    let fault = serde_json::json!({ "route": "createReseller", "fault": { "kind": "delay", "ms": 300 }, "times": 1 });
    admin(&sandbox, reqwest::Method::POST, "faults", &fault).await;
    let a = connector(
        &sandbox,
        &postgres.url,
        &[("VIPMP_CONNECTOR_INSTANCE", "a")],
    )
    .await;
    let b = connector(
        &sandbox,
        &postgres.url,
        &[("VIPMP_CONNECTOR_INSTANCE", "b")],
    )
    .await;
    let record = reseller("1082733");
    let calls: Vec<_> = (0..6)
        .map(|i| {
            let base = if i % 2 == 0 { a.clone() } else { b.clone() };
            let record = record.clone();
            tokio::spawn(async move { sync(&base, &record).await })
        })
        .collect();
    let mut ids = BTreeSet::new();
    let mut created = 0;
    for call in calls {
        let (status, answer) = call.await.expect("task");
        assert_eq!(status, StatusCode::OK, "{answer}");
        created += usize::from(answer["Action"] == "Created");
        ids.insert(answer["ExternalID"].as_str().expect("id").to_owned());
    }
    assert_eq!(created, 1, "exactly one sync created");
    assert_eq!(ids.len(), 1, "every sync answered the same ID: {ids:?}");
    assert_eq!(
        accounts_with_reference(&sandbox, "resellers", "1082733")
            .await
            .len(),
        1
    );
    // The end customer through the other instance finds the reseller's mapping.
    let reseller_id = ids.into_iter().next().unwrap_or_default();
    let (status, answer) = sync(&b, &customer("2000001", "1082733", &reseller_id)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (_, wrong) = sync(&a, &customer("2000002", "1082733", "5999999999")).await;
    assert_eq!(wrong["Error"]["Name"], "CustomerNotBelongToReseller");
    // A refused create releases the claim with a new correlation ID, so the
    // corrected record, through the other instance, is created.
    let mut bad = reseller("1082799");
    bad["Address"]["State"] = serde_json::json!("ZZ");
    let (_, refused) = sync(&a, &bad).await;
    assert_eq!(refused["Error"]["Adobe"]["code"], "1118", "{refused}");
    let (status, created) = sync(&b, &reseller("1082799")).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(created["Action"], "Created");
}
