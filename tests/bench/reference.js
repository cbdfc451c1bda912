// The model of docs/MODEL.md in plain JavaScript: the reference a web developer would write,
// against which the benchmark compares the Rust engine compiled to WebAssembly.
//
// A plain script (no imports, no exports) so that it can be injected into any page with
// page.addScriptTag({ content }) or evaluated by Node. It defines
//
//   globalThis.referenceSimulate(paths, horizonYear, seed, params?) → the full summary
//   globalThis.referenceRun(paths, horizonYear, seed, params?)      → a small summary of it
//
// One run does what src/engine/ does: every path year by year, then per year and series the
// mean, the 5/25/50/75/95 % percentiles (type 7) and, at 2025 and the horizon, a 40-bin
// histogram; at 2025 the share of paths meeting each target.
//
// It is a faithful but idiomatic port, not a bit-for-bit one: the random numbers come from
// xoshiro128** on 32-bit integers (what JavaScript does well) instead of the engine's
// xoshiro256++, and percentiles come from sorting a copy instead of selection. Its statistics
// agree with the engine's within Monte Carlo error; run.mjs checks that on every benchmark run.
(function () {
  'use strict';

  const BASE_YEAR = 2020;
  const TARGET_STEP = 5; // 2025: the plan's targets are judged here whatever the horizon
  const GDP_2020 = 600;
  const INCOME_2020 = 100;
  const POPULATION_2020 = 48;
  const POPULATION_GROWTH = 0.52; // %/yr
  const GDP_TARGET_GROWTH = 7.5; // %/yr
  const INCOME_TARGET_GROWTH = 8; // %/yr
  const GROWTH_FLOOR = -95; // %/yr, keeps Y > 0 and ΔI/(k·Y) finite
  const THRESHOLD_RELATIVE_TOLERANCE = 1e-9;
  const PERCENTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
  const HISTOGRAM_BINS = 40;
  const SERIES = ['gdp', 'income', 'gdp_per_capita'];

  // The default scenario (docs/MODEL.md), in the units of the equations.
  const DEFAULTS = {
    mu: 7.5, // trend GDP growth, %
    dI: 0, // extra investment, 亿元/yr
    muH: 8, // trend income growth, %
    sigma: 1.5, // s.d. of the GDP growth shock, pp
    p: 0.1, // probability of a downturn year
    s: 4, // growth lost in a downturn year, pp
    k: 5, // ICOR
    rho: 0.5, // persistence of the shock
    eta: 0.8, // income sensitivity to GDP growth deviations
    sigmaH: 1, // s.d. of income's own shock, pp
  };

  /** base · (1 + rate/100)^steps by repeated multiplication, as the engine compounds. */
  function compound(base, ratePercent, steps) {
    const factor = 1 + ratePercent / 100;
    let level = base;
    for (let t = 0; t < steps; t += 1) level *= factor;
    return level;
  }

  /** MurmurHash3's 32-bit finaliser: spreads (seed, path) into well-mixed generator states. */
  function mix32(x) {
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) | 0;
  }

  /**
   * Seeds path `index`'s xoshiro128** state (4 int32 at rng[4·index …]) from (seed, index) only,
   * so a path's numbers do not depend on how many paths the run has. The seed may be any
   * integer up to 2^53: both of its 32-bit halves go in.
   */
  function seedPath(rng, index, seedLo, seedHi) {
    // A SplitMix32-style sequence started at a hash of (seed, index).
    let state = mix32(seedLo ^ mix32((seedHi + Math.imul(index, 0x9e3779b9)) | 0));
    let any = 0;
    for (let j = 0; j < 4; j += 1) {
      state = (state + 0x9e3779b9) | 0;
      const word = mix32(state);
      rng[4 * index + j] = word;
      any |= word;
    }
    if (any === 0) rng[4 * index] = 1; // the one state xoshiro must never be in
  }

  /** xoshiro128** (Blackman & Vigna): the next 32-bit output of the state at rng[o … o+3]. */
  function next32(rng, o) {
    const s0 = rng[o];
    const s1 = rng[o + 1];
    const s2 = rng[o + 2] ^ s0;
    const s3 = rng[o + 3] ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    rng[o] = s0 ^ s3;
    rng[o + 1] = s1 ^ s2;
    rng[o + 2] = s2 ^ (s1 << 9);
    rng[o + 3] = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  /** A uniform number in [0, 1) with 53 random bits (27 + 26 from two outputs). */
  function uniform(rng, o) {
    const high = next32(rng, o) >>> 5;
    const low = next32(rng, o) >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** The value at quantile q of an ascending array: linear interpolation, "type 7". */
  function quantileSorted(sorted, q) {
    const position = (sorted.length - 1) * q;
    const lower = Math.floor(position);
    const fraction = position - lower;
    if (fraction === 0 || lower + 1 >= sorted.length) return sorted[lower];
    return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
  }

  function histogram(year, values) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < values.length; i += 1) {
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const counts = new Uint32Array(HISTOGRAM_BINS);
    const width = (max - min) / HISTOGRAM_BINS;
    for (let i = 0; i < values.length; i += 1) {
      const bin = width > 0 ? Math.min(Math.floor((values[i] - min) / width), HISTOGRAM_BINS - 1) : HISTOGRAM_BINS / 2;
      counts[bin] += 1;
    }
    return { year, min, max, counts };
  }

  function reaches(value, threshold) {
    return value >= threshold - Math.abs(threshold) * THRESHOLD_RELATIVE_TOLERANCE;
  }

  /** One full run: every path, every year, every series summarised. */
  function referenceSimulate(paths, horizonYear, seed, params) {
    const n = paths | 0;
    const steps = horizonYear - BASE_YEAR;
    if (!(n >= 2) || !(steps >= TARGET_STEP && steps <= 15) || !Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`referenceSimulate(${paths}, ${horizonYear}, ${seed}): bad arguments`);
    }
    const { mu, dI, muH, sigma, p, s, k, rho, eta, sigmaH } = { ...DEFAULTS, ...params };

    // Per-path state, structure of arrays. Only the current year is kept (like the engine):
    // memory grows with paths, not with years.
    const rng = new Int32Array(4 * n);
    const shock = new Float64Array(n); // u
    const gdp = new Float64Array(n).fill(GDP_2020); // Y
    const income = new Float64Array(n).fill(INCOME_2020); // I
    const perCapita = new Float64Array(n);
    const scratch = new Float64Array(n);
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / 4294967296) >>> 0;
    for (let i = 0; i < n; i += 1) seedPath(rng, i, seedLo, seedHi);

    const series = SERIES.map((id) => ({ id, years: [], histograms: [] }));
    const targets = [];
    let population = POPULATION_2020;
    const populationFactor = 1 + POPULATION_GROWTH / 100;

    for (let t = 0; t <= steps; t += 1) {
      if (t > 0) {
        population *= populationFactor;
        for (let i = 0; i < n; i += 1) {
          const o = 4 * i;
          // Draw order as in the engine: ε and ε^h (one polar pair: two normals a year, so no
          // spare is ever carried from one year to the next), then the uniform behind B_t,
          // drawn whatever p is (common random numbers across scenarios).
          let x;
          let y;
          let r2;
          do {
            x = 2 * uniform(rng, o) - 1;
            y = 2 * uniform(rng, o) - 1;
            r2 = x * x + y * y;
          } while (r2 >= 1 || r2 === 0);
          const factor = Math.sqrt((-2 * Math.log(r2)) / r2);
          const epsilon = x * factor;
          const incomeEpsilon = y * factor;
          const downturn = uniform(rng, o) < p;

          const u = rho * shock[i] + sigma * epsilon;
          shock[i] = u;
          const Y = gdp[i];
          let g = mu + (100 * dI) / (k * Y) + u - (downturn ? s : 0);
          if (g < GROWTH_FLOOR) g = GROWTH_FLOOR;
          gdp[i] = Y * (1 + g / 100);
          let h = muH + eta * (g - mu) + sigmaH * incomeEpsilon;
          if (h < GROWTH_FLOOR) h = GROWTH_FLOOR;
          income[i] *= 1 + h / 100;
        }
      }
      for (let i = 0; i < n; i += 1) perCapita[i] = gdp[i] / population;

      const year = BASE_YEAR + t;
      const columns = [gdp, income, perCapita];
      for (let c = 0; c < columns.length; c += 1) {
        const values = columns[c];
        let sum = 0;
        for (let i = 0; i < n; i += 1) sum += values[i];
        scratch.set(values);
        scratch.sort(); // typed arrays sort numerically
        series[c].years.push({ year, mean: sum / n, percentiles: PERCENTILES.map((q) => quantileSorted(scratch, q)) });
        if (t === TARGET_STEP || t === steps) series[c].histograms.push(histogram(year, values));
      }
      if (t === TARGET_STEP) {
        const rules = [
          ['gdp', gdp, compound(GDP_2020, GDP_TARGET_GROWTH, TARGET_STEP)],
          ['income', income, compound(INCOME_2020, INCOME_TARGET_GROWTH, TARGET_STEP)],
        ];
        for (const [id, values, threshold] of rules) {
          let met = 0;
          for (let i = 0; i < n; i += 1) if (reaches(values[i], threshold)) met += 1;
          const probability = met / n;
          targets.push({ id, threshold, met, probability, stdError: Math.sqrt((probability * (1 - probability)) / n) });
        }
      }
    }
    return { paths: n, seed, horizonYear, series, targets };
  }

  /** A run reduced to a few numbers (what the benchmark driver reads back from the page). */
  function referenceRun(paths, horizonYear, seed, params) {
    const summary = referenceSimulate(paths, horizonYear, seed, params);
    const [gdp, income] = summary.targets;
    const median = (seriesIndex, t) => summary.series[seriesIndex].years[t].percentiles[2];
    const last = horizonYear - BASE_YEAR;
    return {
      paths: summary.paths,
      horizonYear,
      seed,
      p_gdp: gdp.probability,
      se_gdp: gdp.stdError,
      p_income: income.probability,
      se_income: income.stdError,
      median_gdp_2025: median(0, TARGET_STEP),
      median_income_2025: median(1, TARGET_STEP),
      median_gdp_per_capita_2025: median(2, TARGET_STEP),
      median_gdp_horizon: median(0, last),
      mean_gdp_horizon: summary.series[0].years[last].mean,
    };
  }

  globalThis.referenceSimulate = referenceSimulate;
  globalThis.referenceRun = referenceRun;
})();
