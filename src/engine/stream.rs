//! Per-path random streams.
//!
//! Path `i` of a run with seed `s` draws from a xoshiro256++ generator whose 256-bit state is
//! four successive SplitMix64 outputs started at `s ⊕ (i · φ)` (φ = 0x9E37_79B9_7F4A_7C15).
//! The stream depends on `(s, i)` only, so a path gives the same numbers however the run is
//! split into chunks or workers.
//!
//! Normals come from Marsaglia's polar method with `libm::log`: `libm` is pure Rust, so the
//! same bits come out natively and in WebAssembly (the platform `ln` may differ in the last bit).

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// One step of SplitMix64 (Steele, Lea & Flood 2014), used only to spread seeds.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(GOLDEN_GAMMA);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The random stream of one path.
#[derive(Clone, Debug)]
pub struct PathStream {
    rng: Xoshiro256PlusPlus,
    /// The second normal of the last polar pair, not yet used.
    spare_normal: Option<f64>,
}

impl PathStream {
    pub fn new(seed: u64, path_index: u64) -> PathStream {
        let mut state = seed ^ path_index.wrapping_mul(GOLDEN_GAMMA);
        let mut bytes = [0u8; 32];
        for chunk in bytes.chunks_exact_mut(8) {
            chunk.copy_from_slice(&splitmix64(&mut state).to_le_bytes());
        }
        PathStream {
            rng: Xoshiro256PlusPlus::from_seed(bytes),
            spare_normal: None,
        }
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal number.
    pub fn normal(&mut self) -> f64 {
        if let Some(spare) = self.spare_normal.take() {
            return spare;
        }
        loop {
            let x = 2.0 * self.uniform() - 1.0;
            let y = 2.0 * self.uniform() - 1.0;
            let radius_sq = x * x + y * y;
            if radius_sq < 1.0 && radius_sq > 0.0 {
                let factor = (-2.0 * libm::log(radius_sq) / radius_sq).sqrt();
                self.spare_normal = Some(y * factor);
                return x * factor;
            }
        }
    }

    /// True with probability `p` (p in [0, 1]). Always consumes one draw, so that the stream's
    /// later numbers do not depend on `p` (common random numbers across scenarios).
    pub fn bernoulli(&mut self, p: f64) -> bool {
        self.uniform() < p
    }
}
