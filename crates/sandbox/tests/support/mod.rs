//! Helpers shared by the newer integration tests: a demo sandbox, calls built
//! by the core's request builders, answers read by the core's parser, and the
//! admin controls.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use vipmp::request::{self, Auth, BuildInput, Endpoint, Ids};
use vipmp::response::{Parsed, parse};
use vipmp_sandbox::{Config, Sandbox, app, seed};

/// Builds a call with the core (these IDs, the sandbox's API key and `token`)
/// and sends it: the status and the body text.
pub(crate) async fn send_built(
    sandbox: &Sandbox,
    token: &str,
    endpoint: Endpoint,
    input: Value,
    ids: (&str, &str),
) -> (u16, String) {
    let mut input: BuildInput = serde_json::from_value(input).expect("input");
    input.ids = Ids {
        correlation_id: ids.0.into(),
        request_id: ids.1.into(),
    };
    input.auth = Auth {
        api_key: Some("sandbox-client".into()),
        access_token: Some(token.into()),
    };
    let spec = request::build(endpoint, &input).expect("valid request");
    let mut builder = Request::builder()
        .method(spec.method.as_str())
        .uri(spec.url());
    for (name, value) in &spec.headers {
        builder = builder.header(name, value);
    }
    let body = spec
        .body
        .map_or_else(Body::empty, |b| Body::from(b.to_string()));
    send(sandbox, builder.body(body).expect("request")).await
}

/// A demo sandbox (admin on) with a token, and a counter for fresh IDs.
pub(crate) struct Demo {
    /// The sandbox.
    pub(crate) sandbox: Sandbox,
    /// A valid token.
    pub(crate) token: String,
    calls: std::sync::atomic::AtomicU32,
}

impl Demo {
    /// The demo seed, possibly edited first.
    pub(crate) async fn new(edit: impl FnOnce(&mut Value)) -> Self {
        let mut seed: Value = serde_json::from_str(seed::DEMO).expect("seed");
        edit(&mut seed);
        let config = Config {
            admin: true,
            ..Config::default()
        };
        let seed = seed::parse(&seed.to_string()).expect("seed");
        let sandbox = seed::sandbox(config, seed).expect("date");
        let token = token(&sandbox).await;
        Self {
            sandbox,
            token,
            calls: 0.into(),
        }
    }

    /// Builds a call with the core (fresh IDs), sends it, parses the answer.
    pub(crate) async fn call(&self, endpoint: Endpoint, input: Value) -> Parsed {
        let n = self.calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let ids = format!("t-{n}");
        let (status, text) =
            send_built(&self.sandbox, &self.token, endpoint, input, (&ids, &ids)).await;
        parse(endpoint, status, &text)
    }

    /// The error code of a call's answer.
    pub(crate) async fn code(&self, endpoint: Endpoint, input: Value) -> String {
        let parsed = self.call(endpoint, input).await;
        parsed.error.map(|e| e.code).unwrap_or_default()
    }

    /// POSTs JSON to an admin route; answers status and body.
    pub(crate) async fn admin(&self, path: &str, body: Value) -> (u16, Value) {
        let request = Request::post(path)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .expect("request");
        let (status, text) = send(&self.sandbox, request).await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// A new token (tokens expire with the clock).
    pub(crate) async fn refresh(&mut self) {
        self.token = token(&self.sandbox).await;
    }

    /// Advances the clock.
    pub(crate) async fn advance(&self, seconds: i64) {
        assert_eq!(
            self.admin("/admin/clock", json!({ "seconds": seconds }))
                .await
                .0,
            200
        );
    }
}

/// A token from the IMS endpoint.
pub(crate) async fn token(sandbox: &Sandbox) -> String {
    let request = Request::post("/ims/token/v3")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(
            "grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret",
        ))
        .expect("request");
    let (_, body) = send(sandbox, request).await;
    let token: Value = serde_json::from_str(&body).expect("token json");
    token["access_token"].as_str().expect("token").to_owned()
}

/// Sends a request to the router in memory; status 0 when the body failed.
pub(crate) async fn send(sandbox: &Sandbox, request: Request<Body>) -> (u16, String) {
    let response = app(sandbox.clone())
        .oneshot(request)
        .await
        .expect("infallible");
    let status = response.status().as_u16();
    match response.into_body().collect().await {
        Ok(body) => (
            status,
            String::from_utf8_lossy(&body.to_bytes()).into_owned(),
        ),
        Err(_) => (0, String::new()),
    }
}
