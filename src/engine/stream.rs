//! Per-path random streams.
//!
//! Path `i` of a run with seed `s` draws from a xoshiro256++ generator whose 256-bit state is
//! four successive SplitMix64 outputs started at `s ⊕ (i · φ)` (φ = 0x9E37_79B9_7F4A_7C15).
//! The stream depends on `(s, i)` only, so a path gives the same numbers however the run is
//! split into chunks or workers.
//!
//! Normals come from a 256-layer ziggurat (Marsaglia & Tsang 2000). Its tables and its rare
//! wedge and tail steps use `libm`, which is pure Rust: the same bits come out natively and in
//! WebAssembly (the platform's `exp` and `ln` may differ from wasm's in the last bit).

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use std::sync::OnceLock;

/// The right edge of the ziggurat's base layer (Marsaglia & Tsang's r for 256 layers).
const ZIGGURAT_R: f64 = 3.654_152_885_361_009;
/// The area of each layer (their v).
const ZIGGURAT_V: f64 = 0.004_928_673_233_99;
const LAYERS: usize = 256;

/// Layer edges `x[i]` (decreasing, x[1] = r, x[256] = 0) and the density at them.
struct Ziggurat {
    x: [f64; LAYERS + 1],
    f: [f64; LAYERS + 1],
}

fn density(x: f64) -> f64 {
    libm::exp(-0.5 * x * x)
}

fn ziggurat() -> &'static Ziggurat {
    static TABLES: OnceLock<Ziggurat> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut x = [0.0; LAYERS + 1];
        x[0] = ZIGGURAT_V / density(ZIGGURAT_R);
        x[1] = ZIGGURAT_R;
        for i in 1..LAYERS - 1 {
            x[i + 1] = (-2.0 * libm::log(ZIGGURAT_V / x[i] + density(x[i]))).sqrt();
        }
        x[LAYERS] = 0.0;
        Ziggurat {
            x,
            f: x.map(density),
        }
    })
}

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
#[derive(Clone)]
pub struct PathStream {
    rng: Xoshiro256PlusPlus,
    /// Fetched once here rather than on every normal: the lazy lock's check showed in profiles.
    tables: &'static Ziggurat,
}

impl std::fmt::Debug for PathStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PathStream")
            .field("rng", &self.rng)
            .finish_non_exhaustive()
    }
}

/// Independent streams of one path: each family of draws has its own, so that a parameter that
/// changes how many draws one family takes (a Poisson mean) never shifts another family's draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamId {
    /// GDP and income: ε_t, ε^h_t and the downturn uniform.
    Core = 0,
    /// The shares' logit shocks.
    Shares = 1,
    /// The counts' Poisson draws.
    Counts = 2,
    /// The green ratios' own deviations (model version 3), apart from the shares' so that
    /// adding them left every other share's draws as they were.
    GreenRatios = 3,
}

/// Spreads stream ids apart in the seed space (an odd constant unrelated to φ).
const STREAM_GAMMA: u64 = 0xD1B5_4A32_D192_ED03;

impl PathStream {
    /// The core stream of path `path_index` (see [`PathStream::for_stream`]).
    pub fn new(seed: u64, path_index: u64) -> PathStream {
        PathStream::for_stream(seed, path_index, StreamId::Core)
    }

    /// Stream `stream` of path `path_index`: SplitMix64 started at
    /// `seed ⊕ (path_index · φ) ⊕ (stream · γ)`.
    pub fn for_stream(seed: u64, path_index: u64, stream: StreamId) -> PathStream {
        let mut state = seed
            ^ path_index.wrapping_mul(GOLDEN_GAMMA)
            ^ (stream as u64).wrapping_mul(STREAM_GAMMA);
        let mut bytes = [0u8; 32];
        for chunk in bytes.chunks_exact_mut(8) {
            chunk.copy_from_slice(&splitmix64(&mut state).to_le_bytes());
        }
        PathStream {
            rng: Xoshiro256PlusPlus::from_seed(bytes),
            tables: ziggurat(),
        }
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform number in (0, 1], for logarithms.
    fn uniform_open_at_zero(&mut self) -> f64 {
        1.0 - self.uniform()
    }

    /// A standard normal number. One draw in about 99 % of calls: the low 8 bits pick a layer,
    /// the top 53 a point across it; the wedge and the tail beyond r draw more. Only that first
    /// test is inlined where normals are drawn; the rest is out of line.
    #[inline]
    pub fn normal(&mut self) -> f64 {
        let (layer, across, x) = self.ziggurat_point();
        if x.abs() < self.tables.x[layer + 1] {
            return x;
        }
        self.normal_outside_box(layer, across, x)
    }

    /// A layer, the point across it in [−1, 1) and the candidate x.
    #[inline]
    fn ziggurat_point(&mut self) -> (usize, f64, f64) {
        let bits = self.rng.next_u64();
        let layer = (bits & 0xff) as usize;
        let across = 2.0 * ((bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64)) - 1.0;
        (layer, across, across * self.tables.x[layer])
    }

    /// The rest of the ziggurat, for a candidate outside its layer's box: the tail, the wedge,
    /// or a new candidate.
    #[cold]
    #[inline(never)]
    fn normal_outside_box(&mut self, mut layer: usize, mut across: f64, mut x: f64) -> f64 {
        let tables = self.tables;
        loop {
            if layer == 0 {
                return self.normal_tail(across < 0.0);
            }
            let height =
                tables.f[layer + 1] + (tables.f[layer] - tables.f[layer + 1]) * self.uniform();
            if height < density(x) {
                return x;
            }
            (layer, across, x) = self.ziggurat_point();
            if x.abs() < tables.x[layer + 1] {
                return x;
            }
        }
    }

    /// A normal number beyond ±r (Marsaglia 1964).
    fn normal_tail(&mut self, negative: bool) -> f64 {
        loop {
            let x = libm::log(self.uniform_open_at_zero()) / ZIGGURAT_R;
            let y = libm::log(self.uniform_open_at_zero());
            if -2.0 * y >= x * x {
                return if negative {
                    x - ZIGGURAT_R
                } else {
                    ZIGGURAT_R - x
                };
            }
        }
    }

    /// A Poisson number by inversion of `table`: one uniform, then the first count whose
    /// distribution function passes it, searched from where the guide table says it can start.
    pub fn poisson(&mut self, table: &PoissonTable) -> u64 {
        table.invert(self.uniform())
    }

    /// True with probability `p` (p in [0, 1]). Always consumes one draw, so that the stream's
    /// later numbers do not depend on `p` (common random numbers across scenarios).
    pub fn bernoulli(&mut self, p: f64) -> bool {
        self.uniform() < p
    }
}

/// Infinities after a [`PoissonTable`]'s distribution function: a guide's count is at most the
/// table's length, so [`PoissonTable::invert`]'s two unconditional steps read inside the padded
/// table even for a uniform no number is above (∞), and the search after them stops at its end.
const CDF_PADDING: usize = 2;

/// The distribution function of a Poisson law over the mean ± (12√mean + 12), where all but
/// 10⁻³⁰ of its mass lies, for drawing by inversion. Built from the mode outwards, with
/// `libm` at the mode and exact ratios elsewhere, so that no mean underflows and the table is
/// the same bits on every platform.
#[derive(Clone, Debug, PartialEq)]
pub struct PoissonTable {
    /// The smallest count in the table.
    first: u64,
    /// P(X ≤ first + i), then [`CDF_PADDING`] infinities, which no uniform in [0, 1) reaches.
    cdf: Vec<f64>,
    /// For each j of 0 … m − 1 (m a power of two), the first i with P(X ≤ first + i) > j/m: a
    /// uniform u in [j/m, (j+1)/m) inverts to that count or a little above (Chen & Asau's
    /// guide table), so a draw takes a step or two instead of a binary search.
    guide: Vec<u32>,
}

impl PoissonTable {
    pub fn new(mean: f64) -> PoissonTable {
        if mean <= 0.0 {
            return PoissonTable::with_cdf(0, vec![1.0]);
        }
        let reach = 12.0 * mean.sqrt() + 12.0;
        let first = (mean - reach).floor().max(0.0) as u64;
        let last = (mean + reach).ceil() as u64;
        let mode = (mean.floor() as u64).clamp(first, last);
        let mut pmf = vec![0.0; (last - first + 1) as usize];
        let at_mode = mode as f64;
        pmf[(mode - first) as usize] =
            libm::exp(-mean + at_mode * libm::log(mean) - libm::lgamma(at_mode + 1.0));
        for k in mode + 1..=last {
            let i = (k - first) as usize;
            pmf[i] = pmf[i - 1] * mean / k as f64;
        }
        for k in (first..mode).rev() {
            let i = (k - first) as usize;
            pmf[i] = pmf[i + 1] * (k + 1) as f64 / mean;
        }
        let cdf = pmf
            .iter()
            .scan(0.0, |total, p| {
                *total += p;
                Some(*total)
            })
            .collect();
        PoissonTable::with_cdf(first, cdf)
    }

    /// The smallest count whose distribution function exceeds `u` (in [0, 1)), or the table's
    /// last count if none does (so for 1 or more too).
    pub fn invert(&self, u: f64) -> u64 {
        // Exact: the guide has a power-of-two length, so this product is not rounded.
        let slot = ((u * self.guide.len() as f64) as usize).min(self.guide.len() - 1);
        let mut index = self.guide[slot] as usize;
        // The guide's count or one or two above it, nearly always: those two steps are taken
        // as additions rather than branches (which the processor mispredicted at random: a
        // quarter of the model's year, `step_but_green_growth`, in profiles); the padding keeps
        // both reads in the table.
        let cdf = &self.cdf;
        index += usize::from(cdf[index] <= u);
        index += usize::from(cdf[index] <= u);
        while index < cdf.len() && cdf[index] <= u {
            index += 1;
        }
        let counts = cdf.len() - CDF_PADDING;
        self.first + index.min(counts - 1) as u64
    }

    /// The smallest count in the table and P(X ≤ that count + i) for each i.
    pub fn distribution(&self) -> (u64, &[f64]) {
        (self.first, &self.cdf[..self.cdf.len() - CDF_PADDING])
    }

    fn with_cdf(first: u64, mut cdf: Vec<f64>) -> PoissonTable {
        let slots = cdf.len().next_power_of_two();
        // The slots' floors j/m only grow, so one sweep along the table finds every first i.
        let mut first_above = 0;
        let guide = (0..slots)
            .map(|j| {
                let floor = j as f64 / slots as f64;
                while first_above < cdf.len() && cdf[first_above] <= floor {
                    first_above += 1;
                }
                first_above as u32
            })
            .collect();
        cdf.extend([f64::INFINITY; CDF_PADDING]);
        PoissonTable { first, cdf, guide }
    }
}
