//! Serving the router over HTTP/1.1 through hyper's connection builder,
//! because `axum::serve` has no header-read timeout: a client that opens a
//! connection and sends half a request head (slowloris) would hold it
//! forever. Here each connection gets `header_read_timeout` (hyper's timer
//! on tokio) to deliver a complete head, or it is closed.
//!
//! Shutdown is graceful: when `shutdown` completes the listener is closed,
//! idle connections are closed, and requests in flight finish (up to
//! `grace`, after which the remaining connections are dropped).

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;

/// How connections are served.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// The time a connection has to send a complete request head.
    pub header_read: Duration,
    /// The longest wait for requests in flight at shutdown.
    pub grace: Duration,
}

/// Serves `app` on `listener` until `shutdown` completes, then finishes the
/// requests in flight.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    timeouts: Timeouts,
    shutdown: impl Future<Output = ()>,
) {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(timeouts.header_read);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let service = TowerToHyperService::new(app.clone());
                    let connection = builder.serve_connection(TokioIo::new(stream), service);
                    let connection = graceful.watch(connection);
                    tokio::spawn(async move {
                        if let Err(error) = connection.await {
                            tracing::debug!(%error, "connection closed with an error");
                        }
                    });
                }
                Err(error) => backoff_after_accept_error(&error).await,
            },
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    tracing::info!("shutting down: finishing requests in flight");
    if tokio::time::timeout(timeouts.grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("grace period over: dropping the remaining connections");
    }
}

/// An accept error (out of file descriptors, a connection reset while
/// queued) is logged and followed by a short pause rather than a spin.
async fn backoff_after_accept_error(error: &std::io::Error) {
    tracing::warn!(%error, "accept failed");
    tokio::time::sleep(Duration::from_millis(50)).await;
}
