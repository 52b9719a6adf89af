//! The SQL both stores run: one table, and a claim that is a single upsert.
//!
//! The upsert inserts the row with the caller's lease, or, when the row has
//! no Adobe ID yet and its lease expired (or is the caller's), takes the lease
//! over; `RETURNING` gives the intent's correlation ID only when the write took
//! effect, so "did I win" needs no second read. The text is the same for
//! SQLite (3.35+) and PostgreSQL apart from the placeholders.

/// The table.
pub(crate) const CREATE: &str = "CREATE TABLE IF NOT EXISTS vipmp_sync_accounts (
    platform_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    adobe_id TEXT,
    parent_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    correlation_id TEXT NOT NULL,
    claimed_by TEXT NOT NULL DEFAULT '',
    claimed_until BIGINT NOT NULL DEFAULT 0
)";

/// The claim: `$1` platform ID, `$2` kind, `$3` new correlation ID, `$4`
/// owner, `$5` lease end, `$6` now.
pub(crate) const CLAIM: &str = "INSERT INTO vipmp_sync_accounts
    (platform_id, kind, correlation_id, claimed_by, claimed_until)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (platform_id) DO UPDATE
    SET claimed_by = excluded.claimed_by, claimed_until = excluded.claimed_until
    WHERE vipmp_sync_accounts.adobe_id IS NULL
      AND (vipmp_sync_accounts.claimed_until < $6
           OR vipmp_sync_accounts.claimed_by = excluded.claimed_by)
    RETURNING correlation_id";

/// The row of `$1`.
pub(crate) const ROW: &str =
    "SELECT kind, adobe_id, parent_id, status FROM vipmp_sync_accounts WHERE platform_id = $1";

/// Completes `$1` with kind `$2`, Adobe ID `$3`, parent `$4`, status `$5`.
pub(crate) const COMPLETE: &str = "INSERT INTO vipmp_sync_accounts
    (platform_id, kind, adobe_id, parent_id, status, correlation_id)
    VALUES ($1, $2, $3, $4, $5, '')
    ON CONFLICT (platform_id) DO UPDATE
    SET kind = excluded.kind, adobe_id = excluded.adobe_id, parent_id = excluded.parent_id,
        status = excluded.status, claimed_by = '', claimed_until = 0";

/// Ends `$2`'s lease on `$1`; a non-empty `$3` replaces the correlation ID.
pub(crate) const RELEASE: &str = "UPDATE vipmp_sync_accounts
    SET claimed_by = '', claimed_until = 0,
        correlation_id = CASE WHEN $3 = '' THEN correlation_id ELSE $3 END
    WHERE platform_id = $1 AND claimed_by = $2 AND adobe_id IS NULL";

/// Sets `$1`'s status to `$2`.
pub(crate) const STATUS: &str = "UPDATE vipmp_sync_accounts SET status = $2 WHERE platform_id = $1";
