//! The default store: an SQLite file through rusqlite (SQLite compiled in,
//! the `bundled` feature: no system library to install).
//!
//! Calls run on tokio's blocking pool behind one connection; WAL mode and a
//! busy timeout let a few processes on one host share the file, but several
//! hosts need [`super::postgres`].

use super::sql;
use super::{BoxFuture, Claim, Kind, Mapping, Row, StoreError, SyncStore, lease_ms, now_ms};
use rusqlite::{Connection, OptionalExtension, params};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// The SQLite store.
pub struct SqliteStore {
    connection: Arc<Mutex<Connection>>,
}

/// SQLite numbers placeholders `?N`; the shared text uses PostgreSQL's `$N`.
fn text(statement: &str) -> String {
    statement.replace('$', "?")
}

fn failed(error: &rusqlite::Error) -> StoreError {
    StoreError(format!("sqlite: {error}"))
}

impl SqliteStore {
    /// Opens (and creates) the file at `path`; `:memory:` for a throwaway store.
    ///
    /// # Errors
    /// When the file cannot be opened or the table created.
    pub fn open(path: &str) -> Result<Self, StoreError> {
        let connection = Connection::open(path).map_err(|e| failed(&e))?;
        connection
            .busy_timeout(Duration::from_secs(5))
            .map_err(|e| failed(&e))?;
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| failed(&e))?;
        connection
            .execute(sql::CREATE, [])
            .map_err(|e| failed(&e))?;
        Ok(Self {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    /// Runs `work` with the connection on the blocking pool.
    fn run<'a, T: Send + 'static>(
        &'a self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> BoxFuture<'a, Result<T, StoreError>> {
        let connection = self.connection.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || {
                let connection = connection.lock().unwrap_or_else(PoisonError::into_inner);
                work(&connection).map_err(|e| failed(&e))
            })
            .await
            .map_err(|_| StoreError("sqlite: the blocking task failed".into()))?
        })
    }
}

fn row(connection: &Connection, platform_id: &str) -> rusqlite::Result<Option<Row>> {
    connection
        .query_row(&text(sql::ROW), params![platform_id], |r| {
            Ok(Row {
                kind: r.get(0)?,
                adobe_id: r.get(1)?,
                parent_id: r.get(2)?,
                status: r.get(3)?,
            })
        })
        .optional()
}

impl SyncStore for SqliteStore {
    fn claim<'a>(
        &'a self,
        platform_id: &'a str,
        kind: Kind,
        owner: &'a str,
        lease: Duration,
        correlation_id: &'a str,
    ) -> BoxFuture<'a, Result<Claim, StoreError>> {
        let (id, owner, correlation) = (
            platform_id.to_owned(),
            owner.to_owned(),
            correlation_id.to_owned(),
        );
        self.run(move |connection| {
            let now = now_ms();
            let won: Option<String> = connection
                .query_row(
                    &text(sql::CLAIM),
                    params![
                        id,
                        kind.as_str(),
                        correlation,
                        owner,
                        now + lease_ms(lease),
                        now
                    ],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(correlation_id) = won {
                return Ok(Claim::Won { correlation_id });
            }
            Ok(match row(connection, &id)?.and_then(|r| r.mapping(&id)) {
                Some(mapping) => Claim::Mapped(mapping),
                None => Claim::Busy,
            })
        })
    }

    fn complete<'a>(&'a self, mapping: &'a Mapping) -> BoxFuture<'a, Result<(), StoreError>> {
        let mapping = mapping.clone();
        self.run(move |connection| {
            connection.execute(
                &text(sql::COMPLETE),
                params![
                    mapping.platform_id,
                    mapping.kind.as_str(),
                    mapping.adobe_id,
                    mapping.parent_id,
                    mapping.status
                ],
            )?;
            Ok(())
        })
    }

    fn release<'a>(
        &'a self,
        platform_id: &'a str,
        owner: &'a str,
        new_correlation_id: Option<&'a str>,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        let (id, owner) = (platform_id.to_owned(), owner.to_owned());
        let next = new_correlation_id.unwrap_or_default().to_owned();
        self.run(move |connection| {
            connection.execute(&text(sql::RELEASE), params![id, owner, next])?;
            Ok(())
        })
    }

    fn mapping<'a>(
        &'a self,
        platform_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<Mapping>, StoreError>> {
        let id = platform_id.to_owned();
        self.run(move |connection| Ok(row(connection, &id)?.and_then(|r| r.mapping(&id))))
    }

    fn set_status<'a>(
        &'a self,
        platform_id: &'a str,
        status: &'a str,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        let (id, status) = (platform_id.to_owned(), status.to_owned());
        self.run(move |connection| {
            connection.execute(&text(sql::STATUS), params![id, status])?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_claim_is_won_once_and_a_lease_expires() {
        let store = SqliteStore::open(":memory:").expect("open");
        let long = Duration::from_secs(60);
        let first = store.claim("p1", Kind::Reseller, "a", long, "c1").await;
        assert_eq!(
            first,
            Ok(Claim::Won {
                correlation_id: "c1".into()
            })
        );
        let other = store.claim("p1", Kind::Reseller, "b", long, "c2").await;
        assert_eq!(other, Ok(Claim::Busy));
        store.release("p1", "a", None).await.expect("release");
        let taken = store.claim("p1", Kind::Reseller, "b", long, "c3").await;
        assert_eq!(
            taken,
            Ok(Claim::Won {
                correlation_id: "c1".into()
            })
        );
        let mapping = Mapping {
            platform_id: "p1".into(),
            kind: Kind::Reseller,
            adobe_id: "5000000200".into(),
            parent_id: String::new(),
            status: "1002".into(),
        };
        store.complete(&mapping).await.expect("complete");
        let again = store.claim("p1", Kind::Reseller, "a", long, "c4").await;
        assert_eq!(again, Ok(Claim::Mapped(mapping)));
        let short = store
            .claim("p2", Kind::Customer, "a", Duration::ZERO, "d1")
            .await;
        assert_eq!(
            short,
            Ok(Claim::Won {
                correlation_id: "d1".into()
            })
        );
        std::thread::sleep(Duration::from_millis(2));
        let expired = store.claim("p2", Kind::Customer, "b", long, "d2").await;
        assert_eq!(
            expired,
            Ok(Claim::Won {
                correlation_id: "d1".into()
            })
        );
    }
}
