//! What every request shares: the checked configuration, the caller
//! verifier, the outbound link and the stores of what the proxy learnt.
//!
//! Its own module so that the pipeline's modules ([`crate::forward`],
//! [`crate::reconcile`], …) depend on the state and the crate root depends on
//! them, with no module reaching back up to the root.

use crate::{
    caller, config, fairness, ims, ingress, outcomes, ownership, pacer, redis_link, upstream,
};
use std::sync::Arc;

/// Everything a request needs, shared by all of them.
pub struct Shared {
    /// The checked configuration.
    pub config: config::Config,
    /// Verifies callers' JWTs.
    pub verifier: caller::Verifier,
    /// Customer → reseller.
    pub ownership: ownership::Ownership,
    /// The upstream: HTTP client, IMS token, pacer.
    pub link: upstream::Link,
    /// What each order-creating intent came to, and who is sending it now.
    pub outcomes: outcomes::Outcomes,
    /// Requests forwarded at once (authenticated, body read).
    pub slots: ingress::Slots,
    /// Each caller's and reseller's share of the proxy.
    pub fairness: fairness::Fairness,
    /// The bounded link to Redis, when configured.
    pub redis: Option<Arc<redis_link::RedisLink>>,
}

/// Why the proxy could not be set up.
#[derive(Debug)]
pub struct SetupError(pub String);

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SetupError {}

impl Shared {
    /// The shared state for a configuration.
    ///
    /// # Errors
    /// When the JWT keys cannot be loaded or the HTTP client built.
    pub fn new(config: config::Config) -> Result<Self, SetupError> {
        let verifier = caller::Verifier::new(&config.jwt_keys, &config.jwt_audience)
            .map_err(|e| SetupError(e.to_string()))?
            .with_issuer(config.jwt_issuer.clone())
            .with_max_lifetime(config.jwt_max_lifetime);
        let http = upstream::client(config.upstream_timeout)
            .map_err(|_| SetupError("the HTTP client could not be built".into()))?;
        let ims = ims::ImsClient {
            url: config.ims_url.clone(),
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            scope: config.ims_scope.clone(),
        };
        let redis = config
            .redis_url
            .as_ref()
            .map(|url| redis_link::RedisLink::new(url, config.redis_timeout).map(Arc::new))
            .transpose()
            .map_err(|e| SetupError(e.0))?;
        let pacer = pacer::Pacer::new(
            config.upstream_rate,
            config.instances,
            config.upstream_timeout,
            redis.clone(),
            &config.client_id,
        )
        .without_redis(config.pacer_without_redis);
        let fairness = fairness::Fairness::new(
            config.caller_share,
            config.reseller_share,
            redis.clone(),
            &config.client_id,
        );
        let ownership = ownership::Ownership::new(
            config.ownership_ttl,
            config.absent_ttl,
            redis.clone(),
            &config.client_id,
        );
        let outcomes =
            outcomes::Outcomes::new(redis.clone(), &config.client_id, config.request_timeout);
        Ok(Self {
            outcomes,
            link: upstream::Link {
                base: config.upstream.clone(),
                api_key: config.api_key.clone(),
                max_body_bytes: config.max_body_bytes,
                tokens: ims::TokenCache::new(ims, http.clone()),
                http,
                pacer,
            },
            verifier,
            slots: ingress::Slots::new(config.max_concurrency),
            ownership,
            fairness,
            redis,
            config,
        })
    }
}
