//! Constants shared by the native and the browser tests.

/// Native (`tests/engine.rs`) and wasm (`tests/browser.rs`) runs of this scenario must give
/// this fingerprint: the same bits on both. A deliberate change of the model or of its draws
/// changes it; update it then, and say so in the commit.
pub const GOLDEN_SCENARIO: &str = "#paths=2000&horizon=2035&vol=2.5&shock_p=20&inv=40";
pub const GOLDEN_FINGERPRINT: u64 = 0x3eb7_705f_d389_ed44;
