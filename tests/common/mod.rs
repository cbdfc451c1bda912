//! Constants and helpers shared by the native and the browser tests.
// Each test binary compiles this module and uses only a part of it.
#![allow(dead_code)]

/// Native (`tests/engine.rs`) and wasm (`tests/browser.rs`) runs of this scenario must give
/// this fingerprint: the same bits on both. A deliberate change of the model or of its draws
/// changes it; update it then, and say so in the commit.
pub const GOLDEN_SCENARIO: &str =
    "#v=3&inv=40&vol=2.5&shock_p=20&horizon=2035&paths=2000&ck=d27883";
pub const GOLDEN_FINGERPRINT: u64 = 0xc42b_839e_a256_1482;

pub mod lanes;
pub mod percentiles;

// Some test files use only the inputs above.
#[cfg(not(target_arch = "wasm32"))]
#[allow(unused_imports)]
pub use native::*;

/// Helpers of the native test files.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use taijiang_sim::engine::split::{Outgoing, PartSummary, PartWorker};
    use taijiang_sim::scenario::{Param, Scenario};

    /// The default scenario with `settings` applied.
    pub fn scenario(settings: &[(Param, f64)]) -> Scenario {
        settings
            .iter()
            .fold(Scenario::default(), |s, &(param, value)| {
                s.with(param, value).expect("test settings are valid")
            })
    }

    /// The part summaries of run `run` of `scenario` split into `parts`, as workers would send
    /// them, in part order (messages delivered last in, first out).
    pub fn split_parts(scenario: &Scenario, parts: u32, run: u64) -> Vec<PartSummary> {
        let mut workers: Vec<PartWorker> = (0..parts).map(|_| PartWorker::new()).collect();
        let mut queue = Vec::new();
        let mut done = Vec::new();
        let mut route = |out: Vec<Outgoing>, queue: &mut Vec<_>| {
            for outgoing in out {
                match outgoing {
                    Outgoing::Slice { to, slice } => queue.push((to, slice)),
                    Outgoing::Done(summary) => done.push(summary),
                }
            }
        };
        for part in 0..parts {
            let out = workers[part as usize]
                .start(run, scenario, part, parts)
                .expect("every part fits");
            route(out, &mut queue);
        }
        while let Some((to, slice)) = queue.pop() {
            let out = workers[to as usize].receive(slice);
            route(out, &mut queue);
        }
        done.sort_by_key(|summary: &PartSummary| summary.part);
        done
    }
}
