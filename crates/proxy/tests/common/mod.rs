//! The shared harness: the proxy on a loopback port in front of the real
//! sandbox (`vipmp_sandbox::app()`, also on a loopback port), driven over
//! HTTP. A layer on the sandbox counts IMS and API calls and records what
//! reached it; the sandbox's admin routes arm faults and move its clock.
#![allow(dead_code, unreachable_pub)]

use axum::extract::Request;
use axum::middleware::{Next, from_fn};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use vipmp_proxy::caller::{self, Claims, Role};
use vipmp_proxy::config::RawConfig;
use vipmp_sandbox::{Config, seed};

pub const SECRET: &str = "test-jwt-secret-of-at-least-32-bytes";
pub const OWN: &str = "5000000101";
pub const DEMO_CUSTOMER: &str = "6000000201";

/// What the sandbox saw.
#[derive(Default)]
pub struct Seen {
    pub ims_calls: usize,
    pub api_calls: usize,
    pub posts: usize,
    pub api_times: Vec<std::time::Instant>,
    pub last_headers: Vec<(String, String)>,
}

pub struct Harness {
    pub proxy: String,
    pub sandbox: String,
    pub seen: Arc<Mutex<Seen>>,
    pub http: reqwest::Client,
    /// Starts the proxy's graceful shutdown.
    pub shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    /// The proxy's serving task, done once shut down.
    pub served: Option<tokio::task::JoinHandle<()>>,
}

pub async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{address}")
}

pub async fn start() -> Harness {
    start_with(&[]).await
}

/// The harness with extra `VIPMP_*` settings.
pub async fn start_with(extra: &[(&str, &str)]) -> Harness {
    let config = Config {
        admin: true,
        ..Config::default()
    };
    let sandbox = seed::sandbox(config, seed::parse(seed::DEMO).expect("seed")).expect("date");
    let seen = Arc::new(Mutex::new(Seen::default()));
    let record = seen.clone();
    let router = vipmp_sandbox::app(sandbox).layer(from_fn(move |request: Request, next: Next| {
        let record = record.clone();
        async move {
            {
                let mut seen = record.lock().expect("lock");
                if request.uri().path() == "/ims/token/v3" {
                    seen.ims_calls += 1;
                } else if request.uri().path().starts_with("/v3/") {
                    seen.api_calls += 1;
                    seen.api_times.push(std::time::Instant::now());
                    seen.posts += usize::from(request.method() == axum::http::Method::POST);
                    seen.last_headers = request
                        .headers()
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
                        .collect();
                }
            }
            next.run(request).await
        }
    }));
    let sandbox = serve(router).await;
    let (proxy, shutdown, served) = proxy_to(&sandbox, extra).await;
    Harness {
        proxy,
        sandbox,
        seen,
        http: reqwest::Client::new(),
        shutdown: Some(shutdown),
        served: Some(served),
    }
}

/// A proxy in front of `sandbox` with extra `VIPMP_*` settings: its URL,
/// the sender that shuts it down, and its serving task.
pub async fn proxy_to(
    sandbox: &str,
    extra: &[(&str, &str)],
) -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let vars = [
        ("VIPMP_UPSTREAM", sandbox),
        ("VIPMP_CLIENT_ID", "sandbox-client"),
        ("VIPMP_CLIENT_SECRET", "sandbox-secret"),
        ("VIPMP_JWT_SECRET", SECRET),
        (
            "VIPMP_CORRELATION_KEY",
            "test-correlation-key-of-32-bytes-min",
        ),
        ("VIPMP_ALLOWED_ORIGINS", "https://shop.example"),
        // Pacing is the pacer tests' business; elsewhere it stays out of the way.
        ("VIPMP_UPSTREAM_RATE", "1000"),
        // So are callers' shares the fairness tests'.
        ("VIPMP_CALLER_RATE", "0"),
        ("VIPMP_RESELLER_RATE", "0"),
        // Absence after a 5xx is proven by waiting out this window; tests of
        // late orders set a longer one.
        ("VIPMP_RECONCILE_WINDOW_MS", "200"),
    ];
    let env = |name: &str| {
        extra
            .iter()
            .chain(vars.iter())
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    };
    let config = RawConfig::default()
        .overlay(env)
        .and_then(RawConfig::check)
        .expect("config");
    let timeouts = config.timeouts();
    let shared = vipmp_proxy::Shared::new(config).expect("shared");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let proxy = format!("http://{}", listener.local_addr().expect("address"));
    let (shutdown, stop) = tokio::sync::oneshot::channel::<()>();
    let app = vipmp_proxy::app(Arc::new(shared));
    let served = tokio::spawn(vipmp_proxy::serve::serve(listener, app, timeouts, async {
        let _ = stop.await;
    }));
    (proxy, shutdown, served)
}

pub fn jwt(sub: &str, resellers: &[&str]) -> String {
    let claims = Claims {
        sub: sub.into(),
        resellers: resellers.iter().map(|r| (*r).to_owned()).collect(),
        role: Role::Reseller,
        exp: caller::now() + 600,
        aud: "vipmp-proxy".into(),
    };
    caller::mint(&claims, &SECRET.to_owned().into()).expect("mint")
}

impl Harness {
    pub fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
    ) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.proxy))
            .bearer_auth(token)
    }

    pub async fn get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        read(
            self.call(reqwest::Method::GET, path, token)
                .send()
                .await
                .expect("send"),
        )
        .await
    }

    pub async fn post(
        &self,
        path: &str,
        token: &str,
        intent: &str,
        body: &Value,
    ) -> (StatusCode, Value, String) {
        let (status, answer, response_headers) =
            self.post_with_headers(path, token, intent, body).await;
        (status, answer, response_headers.0)
    }

    /// As [`Harness::post`]; the third part is (`X-Correlation-Id`,
    /// `X-Vipmp-Reconciled`).
    pub async fn post_with_headers(
        &self,
        path: &str,
        token: &str,
        intent: &str,
        body: &Value,
    ) -> (StatusCode, Value, (String, String)) {
        let response = self
            .call(reqwest::Method::POST, path, token)
            .header("x-intent-id", intent)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("send");
        let headers = (
            header(&response, "x-correlation-id"),
            header(&response, "x-vipmp-reconciled"),
        );
        let (status, answer) = read(response).await;
        (status, answer, headers)
    }

    pub fn seen(&self) -> std::sync::MutexGuard<'_, Seen> {
        self.seen.lock().expect("lock")
    }

    /// Arms a sandbox fault on an endpoint (`createOrder`) for one call.
    pub async fn arm(&self, route: &str, fault: Value) {
        let body = json!({ "route": route, "fault": fault, "times": 1 });
        self.admin(reqwest::Method::POST, "faults", &body).await;
    }

    /// Calls a sandbox admin route; its JSON answer.
    pub async fn admin(&self, method: reqwest::Method, path: &str, body: &Value) -> Value {
        let response = self
            .http
            .request(method, format!("{}/admin/{path}", self.sandbox))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("admin");
        assert!(response.status().is_success(), "admin {path}");
        serde_json::from_str(&response.text().await.expect("admin body")).expect("admin json")
    }

    /// The orders the sandbox holds for a customer.
    pub async fn orders_of(&self, customer: &str) -> usize {
        let state = self
            .admin(reqwest::Method::GET, "state", &Value::Null)
            .await;
        state["orders"].as_object().map_or(0, |orders| {
            orders
                .values()
                .filter(|o| o["customerId"] == customer)
                .count()
        })
    }
}

pub fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

pub async fn read(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let text = response.text().await.expect("body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

pub fn customer_body(reseller: &str) -> Value {
    json!({
        "resellerId": reseller,
        "externalReferenceId": "shop-42",
        "companyProfile": {
            "companyName": "Pond Supplies",
            "preferredLanguage": "en-US",
            "marketSegment": "COM",
            "address": { "country": "US", "region": "CA", "city": "San Jose",
                         "addressLine1": "2 Pond Rd", "postalCode": "95110", "phoneNumber": "8005551212" },
            "contacts": [{ "firstName": "Daisy", "lastName": "Duck",
                           "email": "daisy@example.com", "phoneNumber": "8005551212" }]
        }
    })
}

pub fn order_body() -> Value {
    json!({ "orderType": "NEW", "currencyCode": "USD",
            "lineItems": [{ "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": 2 }] })
}

/// Polls every call together (no futures crate needed).
pub async fn join_all<F: std::future::Future<Output = (StatusCode, Value)>>(
    calls: Vec<F>,
) -> Vec<(StatusCode, Value)> {
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = calls.into_iter().map(Box::pin).collect();
    let mut results: Vec<Option<(StatusCode, Value)>> = vec![None; pinned.len()];
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (slot, call) in results.iter_mut().zip(pinned.iter_mut()) {
            if slot.is_none() {
                match call.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => *slot = Some(value),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    results.into_iter().flatten().collect()
}

/// A `redis-server` child on a free loopback port, killed on drop.
pub struct Redis {
    pub child: tokio::process::Child,
    pub url: String,
}

impl Redis {
    /// `None` when Debian's `redis-server` is not installed.
    pub async fn start() -> Option<Self> {
        let binary = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]
            .into_iter()
            .find(|path| std::path::Path::new(path).exists())?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let child = tokio::process::Command::new(binary)
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("redis-server");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Some(Self {
            child,
            url: format!("redis://127.0.0.1:{port}"),
        })
    }
}
