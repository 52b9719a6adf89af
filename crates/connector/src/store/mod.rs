//! The durable mapping of platform account IDs to Adobe IDs, and the claim
//! that makes one sync intent create at most one account.
//!
//! One trait, [`SyncStore`], two implementations: [`sqlite`] (the default, a
//! file, no server: one instance, or a few on one host) and [`postgres`] (a
//! server that several instances share). Both keep one row per platform ID:
//! the Adobe ID once known, the account's last seen Adobe status, the intent's
//! correlation ID, and a lease (`claimed_by`, `claimed_until`).
//!
//! [`SyncStore::claim`] is a single conditional write in both: the row is
//! inserted with this instance's lease, or its expired (or own) lease is
//! taken over; whoever's write took effect creates the account, everyone else
//! sees [`Claim::Busy`] until the mapping is [`SyncStore::complete`]d. The
//! correlation ID is made once per intent and kept across lease takeovers, so
//! an instance that crashed after Adobe created the account is replayed the
//! same answer by Adobe (FACTS.md §6) instead of making a second account.

pub mod postgres;
mod sql;
pub mod sqlite;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// A boxed future, so the trait can be used as `dyn SyncStore`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What kind of Adobe account a platform ID maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An Adobe reseller.
    Reseller,
    /// An Adobe customer (end or direct).
    Customer,
}

impl Kind {
    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reseller => "reseller",
            Self::Customer => "customer",
        }
    }

    /// The kind of a stored text.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "reseller" => Some(Self::Reseller),
            "customer" => Some(Self::Customer),
            _ => None,
        }
    }
}

/// A platform account that exists at Adobe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The platform's account ID.
    pub platform_id: String,
    /// Reseller or customer.
    pub kind: Kind,
    /// The Adobe reseller or customer ID.
    pub adobe_id: String,
    /// A customer's Adobe reseller ID (empty for a reseller).
    pub parent_id: String,
    /// Adobe's status when last seen (`1002`, `1000`, …).
    pub status: String,
}

/// The answer of [`SyncStore::claim`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// The account exists: update it, never create.
    Mapped(Mapping),
    /// This instance holds the lease: create the account with this
    /// correlation ID.
    Won {
        /// The intent's correlation ID (the same on every takeover).
        correlation_id: String,
    },
    /// Another instance holds a live lease.
    Busy,
}

/// The store failed (unreachable, corrupt); the sync is retried later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sync store: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

/// The mapping and the claims.
pub trait SyncStore: Send + Sync {
    /// Claims the creation of `platform_id`'s account for `owner` for
    /// `lease`, unless it is mapped already; `correlation_id` is used when
    /// the intent is new.
    fn claim<'a>(
        &'a self,
        platform_id: &'a str,
        kind: Kind,
        owner: &'a str,
        lease: Duration,
        correlation_id: &'a str,
    ) -> BoxFuture<'a, Result<Claim, StoreError>>;

    /// Records the account Adobe created (or that reconciliation found) and
    /// ends the lease.
    fn complete<'a>(&'a self, mapping: &'a Mapping) -> BoxFuture<'a, Result<(), StoreError>>;

    /// Ends `owner`'s lease without a mapping; with `new_correlation_id` the
    /// next attempt uses it (the old one was answered by Adobe with an error
    /// and would be replayed).
    fn release<'a>(
        &'a self,
        platform_id: &'a str,
        owner: &'a str,
        new_correlation_id: Option<&'a str>,
    ) -> BoxFuture<'a, Result<(), StoreError>>;

    /// The mapping of a platform ID, if the account exists.
    fn mapping<'a>(
        &'a self,
        platform_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<Mapping>, StoreError>>;

    /// Records Adobe's latest status of a mapped account.
    fn set_status<'a>(
        &'a self,
        platform_id: &'a str,
        status: &'a str,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// Opens the store a `VIPMP_CONNECTOR_STORE` value names: `sqlite:PATH`
/// (`sqlite::memory:` for a throwaway one) or `postgres://…`.
///
/// # Errors
/// When the URL names neither, or the store cannot be opened or migrated.
pub async fn open(url: &str) -> Result<std::sync::Arc<dyn SyncStore>, StoreError> {
    if let Some(path) = url.strip_prefix("sqlite:") {
        return Ok(std::sync::Arc::new(sqlite::SqliteStore::open(path)?));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(std::sync::Arc::new(
            postgres::PostgresStore::connect(url).await?,
        ));
    }
    Err(StoreError(
        "the store must be `sqlite:PATH` or `postgres://…`".into(),
    ))
}

/// Milliseconds since the Unix epoch: the lease clock (instances sharing a
/// store must agree on it to well within a lease).
pub(crate) fn now_ms() -> i64 {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
}

/// A lease as milliseconds.
pub(crate) fn lease_ms(lease: Duration) -> i64 {
    i64::try_from(lease.as_millis()).unwrap_or(i64::MAX)
}

/// The columns of a stored row, as read back.
pub(crate) struct Row {
    pub(crate) kind: String,
    pub(crate) adobe_id: Option<String>,
    pub(crate) parent_id: String,
    pub(crate) status: String,
}

impl Row {
    /// The mapping, when the account exists and the kind is known.
    pub(crate) fn mapping(self, platform_id: &str) -> Option<Mapping> {
        Some(Mapping {
            platform_id: platform_id.to_owned(),
            kind: Kind::parse(&self.kind)?,
            adobe_id: self.adobe_id?,
            parent_id: self.parent_id,
            status: self.status,
        })
    }
}
