//! What leaves the simulator as a file or for another program: the whole summary as JSON (the
//! CLI's `--json`).

mod json;

pub use json::summary_json;
