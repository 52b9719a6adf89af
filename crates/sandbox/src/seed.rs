//! Seeding: a JSON file with the start date, the API clients and the store
//! (the same shape `GET /admin/state` dumps).

use crate::store::Store;
use crate::{Config, Sandbox};
use std::collections::BTreeMap;
use vipmp::date::Date;

/// A seed file.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Seed {
    /// The clock's first day; today (UTC) when absent.
    pub today: Option<String>,
    /// API clients: client ID (the `X-Api-Key`) to client secret.
    pub clients: BTreeMap<String, String>,
    /// The resources.
    pub store: Store,
}

/// The demo seed shipped with the crate.
pub const DEMO: &str = include_str!("../seed/demo.json");

/// Reads a seed.
///
/// # Errors
/// The JSON error when the text is not a seed.
pub fn parse(text: &str) -> Result<Seed, serde_json::Error> {
    serde_json::from_str(text)
}

/// A sandbox holding a seed; `None` only if no start date can be formed.
pub fn sandbox(config: Config, seed: Seed) -> Option<Sandbox> {
    let today = seed
        .today
        .as_deref()
        .and_then(|text| Date::parse(text).ok());
    let today = today
        .or_else(crate::clock::Clock::system_today)
        .or_else(|| Date::new(2024, 2, 1))?;
    let sandbox = Sandbox::new(config, today);
    {
        let mut inner = sandbox.lock();
        for (id, secret) in &seed.clients {
            inner.credentials.add_client(id, secret);
        }
        inner.store = seed.store;
    }
    Some(sandbox)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_seed_loads() {
        let seed = parse(DEMO).expect("demo seed");
        assert!(!seed.store.resellers.is_empty());
        assert!(!seed.clients.is_empty());
    }
}
