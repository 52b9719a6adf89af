//! The shared store: PostgreSQL through tokio-postgres (pure Rust, no libpq),
//! for several instances behind one load balancer.
//!
//! The claim is one upsert (the `CLAIM` statement both stores share);
//! PostgreSQL's row lock on the conflicting key makes two instances' claims
//! of one record serialize, so exactly one of them sees its `RETURNING` row.
//! The table is created under a transaction-scoped advisory lock, since two
//! instances starting at once would otherwise race on `CREATE TABLE IF NOT
//! EXISTS`.
//!
//! *Limit*: one connection, not re-established; when it is lost every sync
//! answers `Unavailable` until the instance restarts.

use super::sql;
use super::{BoxFuture, Claim, Kind, Mapping, Row, StoreError, SyncStore, lease_ms, now_ms};
use std::time::Duration;
use tokio_postgres::{Client, NoTls};

/// The PostgreSQL store.
pub struct PostgresStore {
    client: Client,
}

fn failed(error: &tokio_postgres::Error) -> StoreError {
    StoreError(format!("postgres: {error}"))
}

/// An arbitrary constant naming the schema lock.
const SCHEMA_LOCK: i64 = 0x7669_706d_7073;

impl PostgresStore {
    /// Connects and creates the table.
    ///
    /// # Errors
    /// When the server cannot be reached or the table created (the URL's
    /// password is never echoed: only the driver's error kind).
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let (client, connection) = tokio_postgres::connect(url, NoTls)
            .await
            .map_err(|e| failed(&e))?;
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::error!(%error, "postgres connection lost");
            }
        });
        let schema = format!(
            "BEGIN; SELECT pg_advisory_xact_lock({SCHEMA_LOCK}); {}; COMMIT;",
            sql::CREATE
        );
        client
            .batch_execute(&schema)
            .await
            .map_err(|e| failed(&e))?;
        Ok(Self { client })
    }

    async fn row(&self, platform_id: &str) -> Result<Option<Row>, StoreError> {
        let row = self
            .client
            .query_opt(sql::ROW, &[&platform_id])
            .await
            .map_err(|e| failed(&e))?;
        Ok(row.map(|r| Row {
            kind: r.get(0),
            adobe_id: r.get(1),
            parent_id: r.get(2),
            status: r.get(3),
        }))
    }
}

impl SyncStore for PostgresStore {
    fn claim<'a>(
        &'a self,
        platform_id: &'a str,
        kind: Kind,
        owner: &'a str,
        lease: Duration,
        correlation_id: &'a str,
    ) -> BoxFuture<'a, Result<Claim, StoreError>> {
        Box::pin(async move {
            let now = now_ms();
            let until = now + lease_ms(lease);
            let won = self
                .client
                .query_opt(
                    sql::CLAIM,
                    &[
                        &platform_id,
                        &kind.as_str(),
                        &correlation_id,
                        &owner,
                        &until,
                        &now,
                    ],
                )
                .await
                .map_err(|e| failed(&e))?;
            if let Some(row) = won {
                return Ok(Claim::Won {
                    correlation_id: row.get(0),
                });
            }
            Ok(
                match self
                    .row(platform_id)
                    .await?
                    .and_then(|r| r.mapping(platform_id))
                {
                    Some(mapping) => Claim::Mapped(mapping),
                    None => Claim::Busy,
                },
            )
        })
    }

    fn complete<'a>(&'a self, mapping: &'a Mapping) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            self.client
                .execute(
                    sql::COMPLETE,
                    &[
                        &mapping.platform_id,
                        &mapping.kind.as_str(),
                        &mapping.adobe_id,
                        &mapping.parent_id,
                        &mapping.status,
                    ],
                )
                .await
                .map_err(|e| failed(&e))?;
            Ok(())
        })
    }

    fn release<'a>(
        &'a self,
        platform_id: &'a str,
        owner: &'a str,
        new_correlation_id: Option<&'a str>,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let next = new_correlation_id.unwrap_or_default();
            self.client
                .execute(sql::RELEASE, &[&platform_id, &owner, &next])
                .await
                .map_err(|e| failed(&e))?;
            Ok(())
        })
    }

    fn mapping<'a>(
        &'a self,
        platform_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<Mapping>, StoreError>> {
        Box::pin(async move {
            Ok(self
                .row(platform_id)
                .await?
                .and_then(|r| r.mapping(platform_id)))
        })
    }

    fn set_status<'a>(
        &'a self,
        platform_id: &'a str,
        status: &'a str,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            self.client
                .execute(sql::STATUS, &[&platform_id, &status])
                .await
                .map_err(|e| failed(&e))?;
            Ok(())
        })
    }
}
