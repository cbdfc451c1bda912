//! Inputs for the lane functions' tests, natively and in the browser: the same numbers on both.

/// Numbers of every kind the engine's logarithms meet and those it never should: shares and
/// their odds, ratios near the green ratios' ceiling, ordinary and huge numbers, the edges of
/// the main path (the least normal number, one, infinity) and those answered apart (0, −0,
/// subnormals, negatives, NaN).
pub fn log_inputs(count: usize) -> Vec<f64> {
    let mut state: u64 = 0x5EED_1A4E;
    let mut next = move || {
        // SplitMix64: spread bits, no dependency on the engine's own generator.
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let unit = |bits: u64| (bits >> 11) as f64 / (1u64 << 53) as f64;
    let mut inputs = vec![
        0.0,
        -0.0,
        1.0,
        f64::MIN_POSITIVE,
        f64::MIN_POSITIVE / 2.0,
        f64::MAX,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -1.0,
        1.0 - f64::EPSILON / 2.0,
        1.0 + f64::EPSILON,
        std::f64::consts::SQRT_2,
        std::f64::consts::FRAC_1_SQRT_2,
    ];
    while inputs.len() < count {
        let bits = next();
        inputs.push(match bits % 4 {
            0 => unit(next()),
            1 => {
                let share = unit(next());
                share / (1.0 - share)
            }
            2 => 1.0 - unit(next()) * 1e-6,
            _ => f64::from_bits(next()),
        });
    }
    inputs
}
