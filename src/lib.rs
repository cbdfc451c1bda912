//! Monte Carlo scenario simulator for the Taijiang District 14th Five-Year Plan.
//!
//! The crate is layered so that everything but the user interface runs natively:
//! - [`plan`]: the plan's own numbers, each with its provenance;
//! - [`scenario`]: the sliders and assumptions a user sets and their validation; [`preset`]:
//!   named starting points; [`link`]: the one reader and writer of links;
//! - [`engine`]: the pure Monte Carlo engine (no browser APIs, cannot fail on validated input);
//! - [`charts`]: drawing functions generic over plotters' `DrawingBackend`;
//! - [`state`] and [`pool`]: the page's state and its side of the engine workers, free of any
//!   browser API; [`protocol`]: the typed messages between the page and the workers;
//! - `ui` (wasm32 only): thin Yew components over a reducer; `cli` (native only): the command
//!   line, the same numbers as the page.

pub mod analysis;
pub mod bench;
pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod embed;
pub mod engine;
pub mod export;
pub mod format;
pub mod i18n;
pub mod library;
pub mod link;
pub mod plan;
pub mod pool;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod preset;
pub mod protocol;
pub mod scenario;
pub mod state;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;
