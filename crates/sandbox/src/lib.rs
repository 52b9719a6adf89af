//! The vipmp sandbox: a local, stateful emulator of the Partner API and of the IMS
//! token endpoint, so tests and the demo run offline.
//!
//! An empty shell for now; the sandbox issue fills it.
