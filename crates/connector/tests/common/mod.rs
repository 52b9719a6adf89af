//! The harness: the real sandbox (`vipmp_sandbox::app()`, demo seed, admin
//! routes on) and the connector on loopback ports, driven over HTTP as the
//! platform drives it; a PostgreSQL server from Debian's packages when a test
//! needs a shared store.
#![allow(dead_code, unreachable_pub)]

use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;
use vipmp_connector::config::Config;
use vipmp_sandbox::seed;

pub const SECRET: &str = "platform-secret-of-at-least-32-bytes";
pub const DISTRIBUTOR: &str = "1000000001";
pub const OWN: &str = "5000000101";

pub async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{address}")
}

/// The sandbox with the demo seed; its URL.
pub async fn sandbox() -> String {
    let config = vipmp_sandbox::Config {
        admin: true,
        ..vipmp_sandbox::Config::default()
    };
    let sandbox = seed::sandbox(config, seed::parse(seed::DEMO).expect("seed")).expect("date");
    serve(vipmp_sandbox::app(sandbox)).await
}

/// A connector in front of `sandbox` on `store`, with extra settings; its URL.
pub async fn connector(sandbox: &str, store: &str, extra: &[(&str, &str)]) -> String {
    let vars = [
        ("VIPMP_UPSTREAM", sandbox),
        ("VIPMP_CLIENT_ID", "sandbox-client"),
        ("VIPMP_CLIENT_SECRET", "sandbox-secret"),
        ("VIPMP_CONNECTOR_SECRET", SECRET),
        ("VIPMP_CONNECTOR_STORE", store),
        ("VIPMP_DISTRIBUTOR_ID", DISTRIBUTOR),
        ("VIPMP_OWN_RESELLER_ID", OWN),
        ("VIPMP_UPSTREAM_RATE", "1000"),
        ("VIPMP_RECONCILE_WINDOW_MS", "1000"),
    ];
    let config = Config::from_vars(|name| {
        extra
            .iter()
            .chain(vars.iter())
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    })
    .expect("config");
    let connector = vipmp_connector::Connector::new(config)
        .await
        .expect("connector");
    serve(vipmp_connector::app(Arc::new(connector))).await
}

/// A throwaway SQLite file path (the directory is removed on drop).
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "vipmp-connector-{name}-{}",
            vipmp_proxy::ids::random_hex()
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }

    pub fn sqlite(&self) -> String {
        format!("sqlite:{}", self.0.join("sync.db").display())
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A reseller's record.
pub fn reseller(id: &str) -> Value {
    json!({
        "ID": id, "Role": "Reseller", "ExternalID": "", "ResellerID": id, "ResellerExternalID": "",
        "CompanyName": "Pond Resellers", "Email": "mickey@example.com",
        "FirstName": "Mickey", "LastName": "Mouse", "Phone": "8005551212",
        "Address": { "Country": "US", "State": "CA", "City": "San Jose",
                     "Street1": "200 Fairmont Ave", "PostCode": "95110", "Phone": "8005551212" },
        "PreferredLanguage": "en-US", "MarketSegments": ["COM"], "TermsAccepted": true
    })
}

/// An end customer's record under the platform reseller `reseller_id`.
pub fn customer(id: &str, reseller_id: &str, reseller_external_id: &str) -> Value {
    json!({
        "ID": id, "Role": "User", "ExternalID": "", "ResellerID": reseller_id,
        "ResellerExternalID": reseller_external_id,
        "CompanyName": "Daisy Designs", "Email": "daisy@example.com",
        "FirstName": "Daisy", "LastName": "Duck", "Phone": "8005551212",
        "Address": { "Country": "US", "State": "CA", "City": "San Jose",
                     "Street1": "2 Pond Rd", "PostCode": "95110", "Phone": "8005551212" },
        "MarketSegment": "COM"
    })
}

/// Posts a record to the connector with the platform's credential.
pub async fn sync(connector: &str, record: &Value) -> (StatusCode, Value) {
    sync_as(connector, Some(SECRET), record).await
}

/// Posts a record with `secret` as the bearer (none when `None`).
pub async fn sync_as(connector: &str, secret: Option<&str>, record: &Value) -> (StatusCode, Value) {
    let mut request = reqwest::Client::new()
        .post(format!("{connector}/account-synchronize"))
        .header("content-type", "application/json")
        .body(record.to_string());
    if let Some(secret) = secret {
        request = request.bearer_auth(secret);
    }
    let response = request.send().await.expect("send");
    let status = response.status();
    let text = response.text().await.expect("body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// The sandbox's store.
pub async fn state(sandbox: &str) -> Value {
    admin(sandbox, reqwest::Method::GET, "state", &Value::Null).await
}

/// The sandbox's accounts of a kind (`resellers`, `customers`) carrying a reference.
pub async fn accounts_with_reference(sandbox: &str, kind: &str, reference: &str) -> Vec<Value> {
    let state = state(sandbox).await;
    state["store"][kind]
        .as_object()
        .or_else(|| state[kind].as_object())
        .map(|accounts| {
            accounts
                .values()
                .filter(|a| a["externalReferenceId"] == reference)
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// Calls a sandbox admin route; its JSON answer.
pub async fn admin(sandbox: &str, method: reqwest::Method, path: &str, body: &Value) -> Value {
    let response = reqwest::Client::new()
        .request(method, format!("{sandbox}/admin/{path}"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("admin");
    assert!(response.status().is_success(), "admin {path}");
    serde_json::from_str(&response.text().await.expect("admin body")).expect("admin json")
}

/// Moves the sandbox clock so pending accounts settle.
pub async fn settle(sandbox: &str) {
    admin(
        sandbox,
        reqwest::Method::POST,
        "clock",
        &json!({ "seconds": 120 }),
    )
    .await;
}

/// A PostgreSQL server from Debian's packages on a free loopback port, in a
/// throwaway data directory; killed and removed on drop. `None` when the
/// server is not installed (scripts/wasm-tools installs it).
pub struct Postgres {
    child: tokio::process::Child,
    dir: std::path::PathBuf,
    pub url: String,
}

impl Postgres {
    pub async fn start() -> Option<Self> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(Result::ok)
            .map(|entry| entry.path().join("bin"))
            .find(|bin| bin.join("postgres").exists())?;
        let dir = std::env::temp_dir().join(format!("vipmp-pg-{}", vipmp_proxy::ids::random_hex()));
        std::fs::create_dir_all(&dir).expect("pg dir");
        let root = std::process::Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        // The server refuses to run as root: as root, run it as `postgres`.
        let command = |program: &std::path::Path| {
            let mut command = if root {
                let mut c = std::process::Command::new("setpriv");
                c.args([
                    "--reuid=postgres",
                    "--regid=postgres",
                    "--init-groups",
                    "--",
                ])
                .arg(program);
                c
            } else {
                std::process::Command::new(program)
            };
            command.stdout(std::process::Stdio::null());
            command
        };
        if root {
            let chowned = std::process::Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&dir)
                .status();
            assert!(chowned.is_ok_and(|s| s.success()), "chown");
        }
        let data = dir.join("data");
        let initdb = command(&bin.join("initdb"))
            .arg("-D")
            .arg(&data)
            .args(["-A", "trust", "-U", "postgres", "--no-sync"])
            .stderr(std::process::Stdio::null())
            .status()
            .expect("initdb");
        assert!(initdb.success(), "initdb");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let mut server = tokio::process::Command::from(command(&bin.join("postgres")));
        server
            .arg("-D")
            .arg(&data)
            .args(["-p", &port.to_string(), "-k"])
            .arg(&dir)
            .args(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"])
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true);
        let child = server.spawn().expect("postgres");
        let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
        for _ in 0..200 {
            if tokio_postgres::connect(&url, tokio_postgres::NoTls)
                .await
                .is_ok()
            {
                return Some(Self { child, dir, url });
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("postgres did not start");
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
