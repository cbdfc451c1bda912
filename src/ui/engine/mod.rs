//! The engine's workers as the page uses them: the pool that spawns them and carries out
//! `crate::pool`'s commands, and the hook that sends the state's requests to it.

pub mod analysis_workers;
pub mod use_engine;
pub mod worker_pool;
