//! `cargo run -p vipmp-proxy` serves the proxy with the configuration from the
//! environment (or the TOML file in `VIPMP_PROXY_CONFIG`), logging JSON lines,
//! until SIGINT or SIGTERM (requests in flight finish);
//! `cargo run -p vipmp-proxy -- mint-jwt SUB RESELLER[,RESELLER…] [ROLE] [TTL_SECONDS]`
//! prints an HS256 caller token signed with `VIPMP_JWT_SECRET`, for development.

use secrecy::SecretString;
use std::process::ExitCode;
use std::sync::Arc;
use vipmp_proxy::caller::{self, Claims, Role};
use vipmp_proxy::config::Config;

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("mint-jwt") => mint(&args[1..]),
        None => serve().await,
        Some(other) => Err(format!("unknown command `{other}` (try mint-jwt)")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("vipmp-proxy: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM (what `docker stop`, systemd and
/// Kubernetes send); names the signal.
async fn shutdown_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            return tokio::select! {
                _ = tokio::signal::ctrl_c() => "SIGINT",
                _ = terminate.recv() => "SIGTERM",
            };
        }
    }
    let _ = tokio::signal::ctrl_c().await;
    "SIGINT"
}

/// Serves until Ctrl-C or SIGTERM, finishing requests in flight.
async fn serve() -> Result<(), String> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let (listen, timeouts) = (config.listen, config.timeouts());
    tracing::info!(%listen, upstream = config.upstream, "starting");
    let shared = vipmp_proxy::Shared::new(config).map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| format!("listen {listen}: {e}"))?;
    let shutdown = async {
        let signal = shutdown_signal().await;
        tracing::info!(signal, "shutdown requested");
    };
    vipmp_proxy::serve::serve(
        listener,
        vipmp_proxy::app(Arc::new(shared)),
        timeouts,
        shutdown,
    )
    .await;
    Ok(())
}

/// Prints a development token.
fn mint(args: &[String]) -> Result<(), String> {
    let usage = "usage: mint-jwt SUB RESELLER[,RESELLER…] [reseller|viewer] [TTL_SECONDS]";
    let (Some(sub), Some(resellers)) = (args.first(), args.get(1)) else {
        return Err(usage.into());
    };
    let role = match args.get(2).map(String::as_str) {
        None | Some("reseller") => Role::Reseller,
        Some("viewer") => Role::Viewer,
        Some(_) => return Err(usage.into()),
    };
    let ttl: u64 = args
        .get(3)
        .map_or(Ok(3600), |t| t.parse())
        .map_err(|_| usage)?;
    let secret = std::env::var("VIPMP_JWT_SECRET").map_err(|_| "VIPMP_JWT_SECRET is required")?;
    let secret: SecretString = secret.into();
    let claims = Claims {
        sub: sub.clone(),
        resellers: resellers.split(',').map(str::to_owned).collect(),
        role,
        exp: caller::now() + ttl,
        aud: std::env::var("VIPMP_JWT_AUDIENCE").unwrap_or_else(|_| "vipmp-proxy".into()),
    };
    let token = caller::mint(&claims, &secret).map_err(|e| e.to_string())?;
    println!("{token}");
    Ok(())
}
