//! The engine's two-lane functions give `libm`'s bits on each lane (`log`, `exp`) (natively
//! here, through the plain form of the lanes; tests/browser.rs runs the same checks on wasm's
//! SIMD lanes). The percentiles' lanes: tests/percentiles.rs.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use taijiang_sim::engine::{exp_pair, log_pair, logit, logit_pair};

fn same_bits(got: [f64; 2], want: [f64; 2]) -> bool {
    got.map(f64::to_bits) == want.map(f64::to_bits)
}

#[test]
fn two_logarithms_at_once_are_libms_on_every_kind_of_number() {
    let inputs = common::lanes::log_inputs(200_000);
    for pair in inputs.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(
            same_bits(log_pair(a, b), [libm::log(a), libm::log(b)]),
            "log of {a:e} and {b:e}"
        );
        // A special number beside an ordinary one, either way round.
        assert!(same_bits(log_pair(b, 0.5), [libm::log(b), libm::log(0.5)]));
    }
}

#[test]
fn two_logits_at_once_are_the_engines_logit() {
    let inputs = common::lanes::log_inputs(100_000);
    for pair in inputs.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(
            same_bits(logit_pair(a, b), [logit(a), logit(b)]),
            "logit of {a:e} and {b:e}"
        );
    }
    // A green ratio at its ceiling: an infinite logit, as one at a time.
    assert_eq!(logit_pair(1.0, 0.3)[0], f64::INFINITY);
}

#[test]
fn two_exponentials_at_once_are_libms_on_every_kind_of_number() {
    let inputs = common::lanes::exp_inputs(200_000);
    for pair in inputs.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(
            same_bits(exp_pair(a, b), [libm::exp(a), libm::exp(b)]),
            "exp of {a:e} and {b:e}"
        );
        assert!(same_bits(
            exp_pair(0.25, b),
            [libm::exp(0.25), libm::exp(b)]
        ));
    }
}

proptest! {
    #[test]
    fn two_exponentials_of_any_bits_are_libms(a in any::<u64>(), b in any::<u64>()) {
        let (a, b) = (f64::from_bits(a), f64::from_bits(b));
        prop_assert!(same_bits(exp_pair(a, b), [libm::exp(a), libm::exp(b)]));
    }

    #[test]
    fn two_exponentials_of_ordinary_numbers_are_libms(a in -750.0f64..750.0, b in -3.0f64..3.0) {
        prop_assert!(same_bits(exp_pair(a, b), [libm::exp(a), libm::exp(b)]));
    }

    #[test]
    fn two_logarithms_of_any_bits_are_libms(a in any::<u64>(), b in any::<u64>()) {
        let (a, b) = (f64::from_bits(a), f64::from_bits(b));
        prop_assert!(same_bits(log_pair(a, b), [libm::log(a), libm::log(b)]));
    }

    #[test]
    fn two_logarithms_of_positive_numbers_are_libms(a in 1e-300f64..1e300, b in 0.0f64..=1.0) {
        prop_assert!(same_bits(log_pair(a, b), [libm::log(a), libm::log(b)]));
    }
}
