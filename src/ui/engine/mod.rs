//! The engine's workers as the page uses them: the one pool that spawns them and carries out
//! `crate::pool`'s commands (runs and analyses alike), and the hook that sends the state's
//! requests to it.

mod use_engine;
pub mod worker_pool;

pub use use_engine::use_engine;
pub use worker_pool::WorkerPool;
