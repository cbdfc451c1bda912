//! Inputs for the lane functions' tests, natively and in the browser: the same numbers on both.

/// Numbers of every kind the engine's logarithms meet and those it never should: shares and
/// their odds, ratios near the green ratios' ceiling, ordinary and huge numbers, the edges of
/// the main path (the least normal number, one, infinity) and those answered apart (0, −0,
/// subnormals, negatives, NaN).
pub fn log_inputs(count: usize) -> Vec<f64> {
    let mut next = splitmix(0x5EED_1A4E);
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

/// Numbers for `exp`: the lognormal factors' exponents (a few units either side of 0), every
/// branch of libm's reduction (|x| up to ln2/2, up to 3·ln2/2, beyond), the edges of its main
/// path (2⁻²⁸, ±700, overflow near 709.8, underflow near −745) and the numbers it answers apart.
pub fn exp_inputs(count: usize) -> Vec<f64> {
    let mut next = splitmix(0xE4B0_5EED);
    let unit = |bits: u64| (bits >> 11) as f64 / (1u64 << 53) as f64;
    let mut inputs = vec![
        0.0,
        -0.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        2f64.powi(-28),
        -(2f64.powi(-28)),
        f64::from_bits(2f64.powi(-28).to_bits() + 1),
        std::f64::consts::LN_2 / 2.0,
        1.5 * std::f64::consts::LN_2,
        700.0,
        -700.0,
        699.999_999,
        709.78,
        710.0,
        -745.1,
        -746.0,
    ];
    while inputs.len() < count {
        let bits = next();
        let u = 2.0 * unit(next()) - 1.0;
        inputs.push(match bits % 5 {
            0 => 4.0 * u,
            1 => 1.2 * u,
            2 => 760.0 * u,
            3 => u * 1e-7,
            _ => f64::from_bits(next()),
        });
    }
    inputs
}

/// SplitMix64 from `state`: spread bits, with no dependency on the engine's own generator.
pub fn splitmix(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
