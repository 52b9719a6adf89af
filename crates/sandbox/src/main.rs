//! `cargo run -p vipmp-sandbox [seed.json]`: serves the sandbox on 127.0.0.1
//! with the demo seed (or the given one), admin routes on, and prints where.

use std::process::ExitCode;
use vipmp_sandbox::{Config, app, seed};

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("vipmp-sandbox: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the seed, binds, serves until Ctrl-C.
async fn run() -> Result<(), String> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => seed::DEMO.to_owned(),
    };
    let seed = seed::parse(&text).map_err(|e| format!("seed: {e}"))?;
    let config = Config {
        admin: true,
        ..Config::default()
    };
    let sandbox = seed::sandbox(config, seed).ok_or("no start date")?;
    let port = std::env::var("VIPMP_SANDBOX_PORT").unwrap_or_else(|_| "8787".into());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}"))
        .await
        .map_err(|e| e.to_string())?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    println!("vipmp sandbox on http://{address} (admin at /admin, IMS at /ims/token/v3)");
    axum::serve(listener, app(sandbox))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}
