//! The vipmp proxy: holds the partner's credentials server-side, re-validates every
//! body with the same core the browser used, and forwards an allow-list of calls.
//!
//! An empty shell for now; the proxy issue fills it.
