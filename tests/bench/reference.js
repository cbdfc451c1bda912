// The model of docs/MODEL.md in plain JavaScript: the reference a web developer would write,
// against which the benchmark compares the Rust engine compiled to WebAssembly.
//
// A plain script (no imports, no exports) so that it can be injected into any page with
// page.addScriptTag({ content }) or evaluated by Node. It defines
//
//   globalThis.referenceSimulate(paths, horizonYear, seed, params?) → the full summary
//   globalThis.referenceRun(paths, horizonYear, seed, params?)      → a small summary of it
//
// One run does what src/engine/ does: every path year by year (GDP and income, the high-tech
// stock, the six shares on the logit scale), then per year and each of the 10 series the mean,
// the 5/25/50/75/95 % percentiles (type 7) and, at 2025 and the horizon, a 40-bin histogram; at
// 2025 the share of paths meeting each of the plan's 10 targets.
//
// It is a faithful but idiomatic port, not a bit-for-bit one: the random numbers come from
// xoshiro128** on 32-bit integers (what JavaScript does well) instead of the engine's
// xoshiro256++, normals from Marsaglia's polar method instead of a ziggurat, and percentiles
// come from sorting a copy instead of selection. Its statistics agree with the engine's within
// Monte Carlo error; run.mjs checks all 10 targets on every benchmark run.
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
  const CERTIFICATIONS_PER_YEAR = 189 / 5; // 37.8: high-tech certifications 2016–2020 / 5
  const RD_BASELINE_GROWTH = 10; // %/yr: the R&D growth at which certifications keep that pace
  const GREEN_RATIO_CEILING = 0.99; // the deterministic green ratios never pass this
  const LOGIT_BOUND = 30; // logits stay within ±30, so a share never rounds to exactly 0 or 1
  const THRESHOLD_RELATIVE_TOLERANCE = 1e-9;
  const PERCENTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
  const HISTOGRAM_BINS = 40;
  // The engine's series, in its order (src/plan.rs, SeriesId::ALL) and with its keys.
  const SERIES = [
    'gdp',
    'income',
    'gdp_pc',
    'hightech',
    'air',
    'green_ratio',
    'green_cover',
    'preschool',
    'culture_star',
    'culture_trip',
  ];
  const GDP = 0;
  const INCOME = 1;
  const GDP_PC = 2;
  const HIGHTECH = 3;
  const FIRST_SHARE = 4; // the six shares follow, in the order of SeriesId::SHARES
  const SHARES = 6;

  // The default scenario (docs/MODEL.md, src/scenario.rs), in the units of the equations
  // (shares and rates as fractions where the equations use fractions).
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
    syncTol: 1, // "in step": |CAGR(income) − CAGR(GDP)| at most this, pp
    ht0: 363, // high-tech enterprises in 2020
    lambda: 0.08, // share of certified enterprises lapsing in a year
    rd: 10, // R&D spending growth, %/yr
    green: 7.2, // new green space, ha/yr
    built: 1500, // built-up area, ha
    air0: 0.97, // good-air days in 2020
    tauAir: 0.35, // s.d. of the yearly logit shock of air quality
    gr0: 0.186, // green-space ratio in 2020
    gc0: 0.336, // green coverage in 2020
    tauGreen: 0.03, // s.d. of the yearly logit shock of both green ratios
    pre0: 0.88, // inclusive preschool in 2020
    tauPre: 0.1, // s.d. of the yearly logit shock of preschool
    cs0: 0.809, // 3-star approvals in 2020
    ct0: 0.748, // one-visit approvals in 2020
    cultDrift: 0.3, // yearly logit drift of both culture shares
    tauCult: 0.15, // s.d. of the yearly logit shock of both culture shares
  };

  // The plan's targets, in the engine's order (src/plan.rs, TargetId::ALL), with their rules:
  // growth: the 2025 level ≥ base·(1 + rate)⁵; atLeast: the 2025 level ≥ level; above: the 2025
  // level > level (no tolerance); held: ≥ level in every year 2021–2025; inStep: income's and
  // GDP's CAGR 2020→2025 within syncTol pp.
  const TARGETS = [
    { id: 'gdp', series: GDP, rule: 'growth', base: GDP_2020, rate: GDP_TARGET_GROWTH },
    { id: 'income', series: INCOME, rule: 'growth', base: INCOME_2020, rate: INCOME_TARGET_GROWTH },
    { id: 'income_sync', series: INCOME, rule: 'inStep' },
    { id: 'hightech', series: HIGHTECH, rule: 'above', level: 400 },
    { id: 'air', series: FIRST_SHARE, rule: 'held', level: 0.9 },
    { id: 'green_ratio', series: FIRST_SHARE + 1, rule: 'atLeast', level: 0.21 },
    { id: 'green_cover', series: FIRST_SHARE + 2, rule: 'atLeast', level: 0.36 },
    { id: 'preschool', series: FIRST_SHARE + 3, rule: 'held', level: 0.86 },
    { id: 'culture_star', series: FIRST_SHARE + 4, rule: 'atLeast', level: 0.95 },
    { id: 'culture_trip', series: FIRST_SHARE + 5, rule: 'atLeast', level: 0.93 },
  ];

  /** base · (1 + rate/100)^steps by repeated multiplication, as the engine compounds. */
  function compound(base, ratePercent, steps) {
    const factor = 1 + ratePercent / 100;
    let level = base;
    for (let t = 0; t < steps; t += 1) level *= factor;
    return level;
  }

  const logit = (x) => Math.log(x / (1 - x));
  const logistic = (z) => 1 / (1 + Math.exp(-z));

  /** 100·((end/start)^(1/years) − 1): compound annual growth in %. */
  const cagrPercent = (start, end, years) => 100 * (Math.pow(end / start, 1 / years) - 1);

  /** MurmurHash3's 32-bit finaliser: spreads (seed, path) into well-mixed generator states. */
  function mix32(x) {
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) | 0;
  }

  /**
   * Seeds path `index`'s xoshiro128** state (4 int32 at rng[4·index …]) from (seed, index,
   * stream) only, so a path's numbers do not depend on how many paths the run has. The seed may
   * be any integer up to 2^53: both of its 32-bit halves go in. Like the engine, each path has
   * one stream per family of draws (0: GDP and income, 1: the shares, 2: the counts), so that a
   * Poisson mean, which changes how many uniforms the counts take, never shifts the other
   * families' numbers. Stream 0 is seeded as before there were other streams.
   */
  function seedPath(rng, index, seedLo, seedHi, stream) {
    // A SplitMix32-style sequence started at a hash of (seed, index, stream).
    let state = mix32(seedLo ^ mix32((seedHi + Math.imul(index, 0x9e3779b9)) | 0));
    if (stream !== 0) state = mix32(state ^ Math.imul(stream, 0x632be5ab));
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

  // Marsaglia's polar method gives normals in pairs: the second of a pair waits here (a typed
  // array, so that storing it does not box a number on the heap). Every caller takes an even
  // number of normals a year, so no spare is carried over.
  const spare = new Float64Array(1);

  /** Two independent standard normals: returns one, leaves the other in spare[0]. */
  function normalPair(rng, o) {
    let x;
    let y;
    let r2;
    do {
      x = 2 * uniform(rng, o) - 1;
      y = 2 * uniform(rng, o) - 1;
      r2 = x * x + y * y;
    } while (r2 >= 1 || r2 === 0);
    const factor = Math.sqrt((-2 * Math.log(r2)) / r2);
    spare[0] = y * factor;
    return x * factor;
  }

  // ln k! for k < 256 from a table (summed once), beyond it from Stirling's series.
  const LOG_FACTORIAL = new Float64Array(256);
  for (let k = 2; k < 256; k += 1) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
  function logFactorial(k) {
    if (k < 256) return LOG_FACTORIAL[k];
    const k2 = k * k;
    return (k + 0.5) * Math.log(k) - k + 0.9189385332046728 + 1 / (12 * k) - 1 / (360 * k * k2) + 1 / (1260 * k * k2 * k2);
  }

  /**
   * A Poisson number with mean `mean` ≥ 0. Below a mean of 10: Knuth's multiplication method
   * (multiply uniforms until the product falls below e^−mean), ~mean + 1 uniforms. From 10 up:
   * Hörmann's transformed rejection with squeeze, PTRS (1993), ~2 uniforms and exact in
   * distribution, what numpy does. (Knuth's method would still be fine up to a mean of ~30, but
   * the lapses and certifications of the high-tech stock have means of 29–40, and its cost grows
   * with the mean.) The engine draws the same law differently, by inverting tables of the
   * distribution function (src/engine/stream.rs); only the draws differ, not the model.
   */
  function poisson(rng, o, mean) {
    if (mean <= 0) return 0;
    if (mean < 10) {
      const limit = Math.exp(-mean);
      let count = 0;
      let product = 1 - uniform(rng, o);
      while (product > limit) {
        count += 1;
        product *= 1 - uniform(rng, o);
      }
      return count;
    }
    const root = Math.sqrt(mean);
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * root;
    const a = -0.059 + 0.02483 * b;
    const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vR = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = uniform(rng, o) - 0.5;
      const v = 1 - uniform(rng, o);
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vR) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const logAccept = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
      if (logAccept <= -mean + k * logMean - logFactorial(k)) return k;
    }
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

  /**
   * A share's logit process z_t = z_{t−1} + d_t + τ·ζ_t from level x0: its start logit(x0) and
   * its drifts d_1 … d_steps (index t − 1). With `step` (the green lever) the drift follows the
   * deterministic level x̄_t = min(x0 + t·step, 0.99): d_t = logit(x̄_t) − logit(x̄_{t−1}), so with
   * τ = 0 the level grows by exactly `step` a year; otherwise it is the constant `drift`.
   */
  function shareProcess(x0, tau, steps, drift, step) {
    const drifts = new Float64Array(steps);
    if (step === undefined) {
      drifts.fill(drift);
    } else {
      const level = (t) => Math.min(x0 + step * t, GREEN_RATIO_CEILING);
      for (let t = 1; t <= steps; t += 1) drifts[t - 1] = logit(level(t)) - logit(level(t - 1));
    }
    const start = step === undefined ? logit(x0) : logit(Math.min(x0, GREEN_RATIO_CEILING));
    return { start, tau, drifts };
  }

  /** One full run: every path, every year, every series summarised. */
  function referenceSimulate(paths, horizonYear, seed, params) {
    const n = paths | 0;
    const steps = horizonYear - BASE_YEAR;
    if (!(n >= 2) || !(steps >= TARGET_STEP && steps <= 15) || !Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`referenceSimulate(${paths}, ${horizonYear}, ${seed}): bad arguments`);
    }
    const P = { ...DEFAULTS, ...params };
    const { mu, dI, muH, sigma, p, s, k, rho, eta, sigmaH, lambda } = P;

    // The shares, in the engine's order: air, green ratio, green cover, preschool, culture star,
    // culture trip.
    const greenStep = P.green / P.built;
    const shares = [
      shareProcess(P.air0, P.tauAir, steps, 0),
      shareProcess(P.gr0, P.tauGreen, steps, 0, greenStep),
      shareProcess(P.gc0, P.tauGreen, steps, 0, greenStep),
      shareProcess(P.pre0, P.tauPre, steps, 0),
      shareProcess(P.cs0, P.tauCult, steps, P.cultDrift),
      shareProcess(P.ct0, P.tauCult, steps, P.cultDrift),
    ];
    const shareTau = Float64Array.from(shares, (share) => share.tau);
    // Drifts year-major: shareDrift[SHARES·(t − 1) + j].
    const shareDrift = new Float64Array(SHARES * steps);
    for (let t = 1; t <= steps; t += 1) {
      for (let j = 0; j < SHARES; j += 1) shareDrift[SHARES * (t - 1) + j] = shares[j].drifts[t - 1];
    }
    // Mean certifications c_t = 37.8·((1 + rd/100)/1.10)^t (index t − 1), compounded like the engine.
    const rdRatio = (1 + P.rd / 100) / (1 + RD_BASELINE_GROWTH / 100);
    const certificationMean = new Float64Array(steps);
    for (let t = 1, c = CERTIFICATIONS_PER_YEAR; t <= steps; t += 1) {
      c *= rdRatio;
      certificationMean[t - 1] = c;
    }

    // Per-path state, structure of arrays. Only the current year is kept (like the engine):
    // memory grows with paths, not with years.
    const rngCore = new Int32Array(4 * n);
    const rngShares = new Int32Array(4 * n);
    const rngCounts = new Int32Array(4 * n);
    const shock = new Float64Array(n); // u
    const logits = new Float64Array(SHARES * n); // z, path-major: logits[6·i + j]
    // The columns: each series' values this year, in path order.
    const columns = SERIES.map(() => new Float64Array(n));
    const gdp = columns[GDP].fill(GDP_2020); // Y
    const income = columns[INCOME].fill(INCOME_2020); // I
    const perCapita = columns[GDP_PC]; // y
    const hightech = columns[HIGHTECH].fill(P.ht0); // H, whole numbers
    const shareLevels = columns.slice(FIRST_SHARE, FIRST_SHARE + SHARES); // x = logistic(z)
    const scratch = new Float64Array(n);
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / 4294967296) >>> 0;
    for (let i = 0; i < n; i += 1) {
      seedPath(rngCore, i, seedLo, seedHi, 0);
      seedPath(rngShares, i, seedLo, seedHi, 1);
      seedPath(rngCounts, i, seedLo, seedHi, 2);
      for (let j = 0; j < SHARES; j += 1) {
        logits[SHARES * i + j] = shares[j].start;
        shareLevels[j][i] = logistic(shares[j].start);
      }
    }

    // The "held every year 2021–2025" targets: whether each path has held its level so far.
    const held = TARGETS.filter((target) => target.rule === 'held').map((target) => ({
      target,
      flags: new Uint8Array(n).fill(1),
    }));

    const series = SERIES.map((id) => ({ id, years: [], histograms: [] }));
    const targets = [];
    let population = POPULATION_2020;
    const populationFactor = 1 + POPULATION_GROWTH / 100;

    for (let t = 0; t <= steps; t += 1) {
      if (t > 0) {
        population *= populationFactor;
        const certified = certificationMean[t - 1];
        const driftOffset = SHARES * (t - 1);
        for (let i = 0; i < n; i += 1) {
          const o = 4 * i;
          // Core stream, in the engine's order: ε and ε^h (one polar pair), then the uniform
          // behind B_t, drawn whatever p is (common random numbers across scenarios).
          const epsilon = normalPair(rngCore, o);
          const incomeEpsilon = spare[0];
          const downturn = uniform(rngCore, o) < p;

          const u = rho * shock[i] + sigma * epsilon;
          shock[i] = u;
          const Y = gdp[i];
          let g = mu + (100 * dI) / (k * Y) + u - (downturn ? s : 0);
          if (g < GROWTH_FLOOR) g = GROWTH_FLOOR;
          gdp[i] = Y * (1 + g / 100);
          let h = muH + eta * (g - mu) + sigmaH * incomeEpsilon;
          if (h < GROWTH_FLOOR) h = GROWTH_FLOOR;
          income[i] *= 1 + h / 100;

          // Shares stream: one ζ per share (three polar pairs), in the order of the shares.
          const z = SHARES * i;
          for (let j = 0; j < SHARES; j += 2) {
            const zeta = normalPair(rngShares, o);
            const zetaNext = spare[0];
            let next = logits[z + j] + shareDrift[driftOffset + j] + shareTau[j] * zeta;
            next = next < -LOGIT_BOUND ? -LOGIT_BOUND : next > LOGIT_BOUND ? LOGIT_BOUND : next;
            logits[z + j] = next;
            shareLevels[j][i] = logistic(next);
            next = logits[z + j + 1] + shareDrift[driftOffset + j + 1] + shareTau[j + 1] * zetaNext;
            next = next < -LOGIT_BOUND ? -LOGIT_BOUND : next > LOGIT_BOUND ? LOGIT_BOUND : next;
            logits[z + j + 1] = next;
            shareLevels[j + 1][i] = logistic(next);
          }

          // Counts stream: lapses L_t = min(Poisson(λ·H), H), then certifications Poisson(c_t).
          const H = hightech[i];
          const lapses = Math.min(poisson(rngCounts, o, lambda * H), H);
          hightech[i] = H - lapses + poisson(rngCounts, o, certified);
        }
      }
      for (let i = 0; i < n; i += 1) perCapita[i] = gdp[i] / population;

      const year = BASE_YEAR + t;
      for (let c = 0; c < columns.length; c += 1) {
        const values = columns[c];
        let sum = 0;
        for (let i = 0; i < n; i += 1) sum += values[i];
        scratch.set(values);
        scratch.sort(); // typed arrays sort numerically
        series[c].years.push({ year, mean: sum / n, percentiles: PERCENTILES.map((q) => quantileSorted(scratch, q)) });
        if (t === TARGET_STEP || t === steps) series[c].histograms.push(histogram(year, values));
      }
      if (t >= 1 && t <= TARGET_STEP) {
        for (const { target, flags } of held) {
          const values = columns[target.series];
          for (let i = 0; i < n; i += 1) if (!reaches(values[i], target.level)) flags[i] = 0;
        }
      }
      if (t === TARGET_STEP) {
        for (const target of TARGETS) {
          const values = columns[target.series];
          let threshold = null;
          let met = 0;
          let reachedIn2025 = 0; // paths whose 2025 value reaches the line (≥ met for held targets)
          if (target.rule === 'inStep') {
            const tolerance = P.syncTol * (1 + THRESHOLD_RELATIVE_TOLERANCE);
            for (let i = 0; i < n; i += 1) {
              const incomeGrowth = cagrPercent(INCOME_2020, values[i], TARGET_STEP);
              const gdpGrowth = cagrPercent(GDP_2020, gdp[i], TARGET_STEP);
              if (Math.abs(incomeGrowth - gdpGrowth) <= tolerance) met += 1;
            }
            reachedIn2025 = met;
          } else if (target.rule === 'above') {
            threshold = target.level;
            for (let i = 0; i < n; i += 1) if (values[i] > threshold) met += 1;
            reachedIn2025 = met;
          } else {
            threshold = target.rule === 'growth' ? compound(target.base, target.rate, TARGET_STEP) : target.level;
            for (let i = 0; i < n; i += 1) if (reaches(values[i], threshold)) reachedIn2025 += 1;
            if (target.rule === 'held') {
              const { flags } = held.find((h) => h.target === target);
              for (let i = 0; i < n; i += 1) met += flags[i];
            } else {
              met = reachedIn2025;
            }
          }
          const probability = met / n;
          targets.push({
            id: target.id,
            threshold,
            met,
            reachedIn2025,
            probability,
            stdError: Math.sqrt((probability * (1 - probability)) / n),
          });
        }
      }
    }
    return { paths: n, seed, horizonYear, series, targets };
  }

  /** A run reduced to a few numbers (what the benchmark driver reads back from the page). */
  function referenceRun(paths, horizonYear, seed, params) {
    const summary = referenceSimulate(paths, horizonYear, seed, params);
    const byId = Object.fromEntries(summary.targets.map((target) => [target.id, target]));
    const median = (seriesIndex, t) => summary.series[seriesIndex].years[t].percentiles[2];
    const last = horizonYear - BASE_YEAR;
    return {
      paths: summary.paths,
      horizonYear,
      seed,
      p_gdp: byId.gdp.probability,
      se_gdp: byId.gdp.stdError,
      p_income: byId.income.probability,
      se_income: byId.income.stdError,
      median_gdp_2025: median(GDP, TARGET_STEP),
      median_income_2025: median(INCOME, TARGET_STEP),
      median_gdp_per_capita_2025: median(GDP_PC, TARGET_STEP),
      median_gdp_horizon: median(GDP, last),
      mean_gdp_horizon: summary.series[GDP].years[last].mean,
      // Every target, keyed by the engine's id: { probability, stderr } as taijiang-sim prints.
      targets: Object.fromEntries(
        summary.targets.map((target) => [target.id, { probability: target.probability, stderr: target.stdError }]),
      ),
    };
  }

  globalThis.referenceSimulate = referenceSimulate;
  globalThis.referenceRun = referenceRun;
})();
