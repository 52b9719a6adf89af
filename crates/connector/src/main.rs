//! `cargo run -p vipmp-connector` serves the Account Synchronize endpoint with
//! the settings from the environment (see the crate's README), logging JSON
//! lines, until SIGINT or SIGTERM.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use vipmp_connector::config::Config;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    match serve().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("vipmp-connector: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let listen = config.listen;
    tracing::info!(%listen, upstream = config.upstream, "starting");
    let connector = vipmp_connector::Connector::new(config)
        .await
        .map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| format!("listen {listen}: {e}"))?;
    let timeouts = vipmp_proxy::serve::Timeouts {
        header_read: Duration::from_secs(10),
        grace: Duration::from_secs(30),
    };
    vipmp_proxy::serve::serve(
        listener,
        vipmp_connector::app(Arc::new(connector)),
        timeouts,
        async {
            let _ = tokio::signal::ctrl_c().await;
        },
    )
    .await;
    Ok(())
}
