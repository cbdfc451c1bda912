// The model of src/engine/ (model version 3, docs/MODEL.md) in plain JavaScript: the reference a
// web developer would write, against which the benchmark compares the Rust engine compiled to
// WebAssembly, and tests/e2e/reference.test.mjs the native engine.
//
// A plain script (no imports, no exports) so that it can be injected into any page with
// page.addScriptTag({ content }) or evaluated by Node. It defines
//
//   globalThis.referenceSimulate(paths, horizonYear, seed, params?) → the full summary
//   globalThis.referenceRun(paths, horizonYear, seed, params?)      → a small summary of it
//   globalThis.referenceDefaults                                    → the default params
//   globalThis.referenceChoices                                     → the choices' value names
//
// `params` holds scenario values by their link keys and in the link's units (src/scenario/,
// PARAMS: `{ shock_p: 25, dt_ht: 50 }` as in `#shock_p=25&dt_ht=50`); a choice between readings
// takes its number or, as a link writes it, its name (`{ sync_rule: 'two_sided' }` is
// `{ sync_rule: 1 }`); a key it omits keeps its default. `paths`, `horizon` and `seed` are the
// arguments instead; any other key is an error, so that a misspelt key cannot pass for the
// default.
//
// One run does what src/engine/ does: every path year by year (GDP, whose extra investment acts
// from the year after it is spent and whose downturns partly rebound the year after, and
// income; the high-tech stock; the four logit shares, each a deterministic path plus an AR(1)
// deviation; the stock of new green space, and the two green ratios it plants, each with an
// AR(1) deviation of its own on the logit scale, their shocks correlated), then per year and
// each of the 10 series the mean, the 5/25/50/75/95 % percentiles (type 7) and, at 2025 and
// the horizon, a 40-bin histogram; at 2025 the share of paths meeting each of the plan's 10
// targets, read as the scenario says (the GDP target's tolerance, the income target's price
// basis with its deflator, "in step" one- or two-sided), and how many targets each path meets
// together (P(all met), the expected number met, the distribution).
//
// It is a faithful but idiomatic port, not a bit-for-bit one: the random numbers come from
// xoshiro128** on 32-bit integers (what JavaScript does well) instead of the engine's
// xoshiro256++, normals from Marsaglia's polar method instead of a ziggurat, percentiles come
// from sorting a copy instead of selection, and the shares and green ratios are kept and judged
// as shares (the engine keeps their logits and judges those against each target's least passing
// logit, with the same result). Its statistics agree with the engine's within
// Monte Carlo error; run.mjs checks all 10 targets on every benchmark run, and
// tests/e2e/reference.test.mjs every target, P(all met) and the expected number met in scenarios
// that between them move every lever of version 3.
(function () {
  'use strict';

  const BASE_YEAR = 2020;
  const TARGET_STEP = 5; // 2025: the plan's targets are judged here whatever the horizon
  const GDP_2020 = 600;
  const INCOME_2020 = 100;
  const POPULATION_2020 = 48;
  const POPULATION_GROWTH = 0.52; // %/yr
  const GDP_TARGET_GROWTH = 7.5; // %/yr: the target, and μ₀, which income's sensitivity is measured from
  const INCOME_TARGET_GROWTH = 8; // %/yr, real (or nominal, deflated: inc_basis)
  const GROWTH_FLOOR = -95; // %/yr, keeps Y > 0 and ΔI/(k·Y) finite
  const CERTIFICATIONS_PER_YEAR = 189 / 5; // 37.8: high-tech certifications 2016–2020 / 5
  const RD_BASELINE_GROWTH = 10; // %/yr: the R&D growth at which certifications keep that pace
  const GREEN_RATIO_CEILING = 1; // green space cannot exceed the built-up area it is measured on
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
  const AIR = 4;
  const GREEN_RATIO = 5;
  const GREEN_COVER = 6;
  const PRESCHOOL = 7;
  const CULTURE_STAR = 8;
  const CULTURE_TRIP = 9;
  // The shares on the logit scale, in the engine's order (src/engine/model.rs, LOGIT_SHARES),
  // which is also the order of their draws; the green ratios come from the green stock instead.
  const LOGIT_SERIES = [AIR, PRESCHOOL, CULTURE_STAR, CULTURE_TRIP];
  const LOGIT_SHARES = LOGIT_SERIES.length;
  const GREEN_SERIES = [GREEN_RATIO, GREEN_COVER];

  // The default scenario (src/scenario/, PARAMS), by link key and in the link's units; the
  // run converts to the units of the equations (fractions where they use fractions).
  const DEFAULTS = Object.freeze({
    gdp: 7.5, // μ, trend GDP growth, %
    inv: 0, // ΔI, extra investment, 亿元/yr
    inc: 8, // μ_h, trend income growth, %
    vol: 1.5, // σ, s.d. of the GDP growth shock, pp
    shock_p: 10, // p, probability of a downturn year, %
    shock_s: 4, // s, growth lost in a downturn year, pp
    rd: 10, // R&D spending growth, %/yr
    ht_push: 0, // the doubling plan's extra certifications, firms/yr
    green: 7.2, // m, mean new green space, ha/yr
    gdp_tol: 0.5, // the GDP target's "about": CAGR ≥ 7.5 − gdp_tol, pp
    icor: 7, // k, incremental capital-output ratio of fixed investment
    rho: 0.5, // ρ, persistence of the growth shock
    rebound: 0.5, // r, share of a downturn's loss won back the year after
    eta: 0.8, // η, income's sensitivity to GDP growth off the plan's 7.5 %
    inc_vol: 1, // σ_h, s.d. of income's own shock, pp
    sync_tol: 1, // "in step": CAGR(GDP) − CAGR(income) (or |…|, two-sided) at most this, pp
    sync_rule: 0, // reading of "in step": 0 not_lagging (one-sided), 1 two_sided
    inc_basis: 0, // basis of the income target: 0 real, 1 nominal (deflated)
    deflator: 2, // the GDP deflator, %/yr (the nominal income target's conversion)
    ht0: 200, // high-tech enterprises in 2020 (400 / 2: the doubling plan)
    lapse: 8, // λ, share of certified enterprises lapsing in a year, %
    air0: 97, // good-air days in 2020, %
    air_vol: 0.35, // τ of air quality (logit)
    air_phi: 0.3, // φ of air quality
    built: 1500, // built-up area in 2020, ha
    built_growth: 0, // built-up area growth, %/yr
    gr0: 18.6, // green-space ratio in 2020, %
    gc0: 33.6, // green coverage in 2020, %
    green_vol: 0.3, // cv, coefficient of variation of a year's new green space
    green_dev: 0.03, // τ_g of both green ratios (logit)
    green_phi: 0.5, // φ_g of both green ratios
    green_corr: 0.7, // c, correlation of the two green ratios' shocks
    dt_green: 30, // new green space lost in a downturn year, %
    pre0: 88, // inclusive preschool in 2020, %
    pre_vol: 0.1, // τ of preschool (logit)
    pre_phi: 0.7, // φ of preschool
    cs0: 80.9, // 3-star approvals in 2020, %
    ct0: 74.8, // one-visit approvals in 2020, %
    cult_drift: 0.3, // yearly logit drift of both culture shares
    cult_vol: 0.15, // τ of both culture shares (logit)
    cult_phi: 0.7, // φ of both culture shares
    dt_ht: 20, // certifications lost in a downturn year, %
  });
  // The choices between readings (src/scenario/, the `choice(…)` rows of PARAMS): the name of
  // value 0, 1, … as a link writes it.
  const CHOICES = Object.freeze({
    sync_rule: Object.freeze(['not_lagging', 'two_sided']),
    inc_basis: Object.freeze(['real', 'nominal']),
  });

  // The plan's targets, in the engine's order (src/plan.rs, TargetId::ALL), with their rules:
  // growth: the 2025 level ≥ base·(1 + rate/100)⁵, the rate being 7.5 − gdp_tol for the GDP
  // target ("about 7.5 %") and, for income's 8 %, 8 read in real terms, or read as nominal and
  // deflated, 100·((1.08)/(1 + deflator/100) − 1); atLeast: the 2025 level ≥ level; above: the
  // 2025 level > level (no tolerance); held: ≥ level in every year 2021–2025; inStep: income's
  // CAGR 2020→2025 lags GDP's by at most sync_tol pp (income faster by any margin meets it), or,
  // read two-sided, is within sync_tol pp of it.
  const TARGETS = [
    { id: 'gdp', series: GDP, rule: 'growth', base: GDP_2020, rate: GDP_TARGET_GROWTH, about: true },
    { id: 'income', series: INCOME, rule: 'growth', base: INCOME_2020, rate: INCOME_TARGET_GROWTH, priced: true },
    { id: 'income_sync', series: INCOME, rule: 'inStep' },
    { id: 'hightech', series: HIGHTECH, rule: 'above', level: 400 },
    { id: 'air', series: AIR, rule: 'held', level: 0.9 },
    { id: 'green_ratio', series: GREEN_RATIO, rule: 'atLeast', level: 0.21 },
    { id: 'green_cover', series: GREEN_COVER, rule: 'atLeast', level: 0.36 },
    { id: 'preschool', series: PRESCHOOL, rule: 'held', level: 0.86 },
    { id: 'culture_star', series: CULTURE_STAR, rule: 'atLeast', level: 0.95 },
    { id: 'culture_trip', series: CULTURE_TRIP, rule: 'atLeast', level: 0.93 },
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
   * one stream per family of draws (0: GDP and income, 1: the shares, 2: the counts, 3: the green
   * ratios' deviations), so that a Poisson mean, which changes how many uniforms the counts take,
   * never shifts the other families' numbers, and version 3's green deviations left the others'
   * draws as they were. Stream 0 is seeded as before there were other streams.
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
  // array, so that storing it does not box a number on the heap). Every caller takes its normals
  // a year in whole pairs (the shares stream's fifth normal leaves its pair's second unused; the
  // green ratios' stream takes one pair), so no spare is carried over from one path or year to
  // the next.
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

  const clampLogit = (z) => (z < -LOGIT_BOUND ? -LOGIT_BOUND : z > LOGIT_BOUND ? LOGIT_BOUND : z);

  /**
   * The defaults with `params` (link keys, link units) over them; unknown keys are an error, and
   * so is a choice that is neither one of its names nor the number of one.
   */
  function scenario(params) {
    const P = { ...DEFAULTS };
    for (const [key, value] of Object.entries(params ?? {})) {
      if (!Object.hasOwn(DEFAULTS, key)) {
        const hint = ['paths', 'horizon', 'seed'].includes(key) ? ' (it is an argument)' : '';
        throw new RangeError(`reference params: unknown key ${JSON.stringify(key)}${hint}`);
      }
      const names = CHOICES[key];
      const number = names?.includes(value) ? names.indexOf(value) : Number(value);
      if (!Number.isFinite(number)) throw new RangeError(`reference params: ${key}=${JSON.stringify(value)} is not a number`);
      if (names && !(Number.isInteger(number) && number >= 0 && number < names.length)) {
        const allowed = `${names.join(', ')} (0 … ${names.length - 1})`;
        throw new RangeError(`reference params: ${key}=${JSON.stringify(value)} is none of ${allowed}`);
      }
      P[key] = number;
    }
    return P;
  }

  /**
   * A growth target's yearly rate in real terms (the model's), in %: "about" less gdp_tol; the
   * income target as stated (real) or, read as nominal, deflated: 100·((1 + r/100)/(1 + d/100) − 1).
   */
  function growthRate(target, P) {
    if (target.about) return target.rate - P.gdp_tol;
    if (target.priced && P.inc_basis === 1) return 100 * ((1 + target.rate / 100) / (1 + P.deflator / 100) - 1);
    return target.rate;
  }

  /**
   * A share's path on the logit scale, z̄_t = logit(x0) + t·drift for t = 0 … steps, from its
   * 2020 level x0 in %. Its value in year t is logistic(z̄_t + δ_t), with the AR(1) deviation
   * δ_t = φ·δ_{t−1} + τ·ζ_t, δ_0 = 0 (φ = 1: version 1's random walk).
   */
  function sharePath(x0Percent, drift, steps) {
    const start = logit(x0Percent / 100);
    return Float64Array.from({ length: steps + 1 }, (_, t) => start + drift * t);
  }

  /** One full run: every path, every year, every series summarised. */
  function referenceSimulate(paths, horizonYear, seed, params) {
    const n = paths | 0;
    const steps = horizonYear - BASE_YEAR;
    if (!(n >= 2) || !(steps >= TARGET_STEP && steps <= 15) || !Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`referenceSimulate(${paths}, ${horizonYear}, ${seed}): bad arguments`);
    }
    const P = scenario(params);
    // The equations' symbols, in their units.
    const mu = P.gdp;
    const dI = P.inv;
    const muH = P.inc;
    const sigma = P.vol;
    const p = P.shock_p / 100;
    const s = P.shock_s;
    const k = P.icor;
    const rho = P.rho;
    const rebound = P.rebound * s; // r·s, won back the year after a downturn
    const eta = P.eta;
    const sigmaH = P.inc_vol;
    const lambda = P.lapse / 100;

    // The logit shares, in the order of LOGIT_SERIES: paths year-major, logitPath[4·t + j].
    const shares = [
      { path: sharePath(P.air0, 0, steps), phi: P.air_phi, tau: P.air_vol },
      { path: sharePath(P.pre0, 0, steps), phi: P.pre_phi, tau: P.pre_vol },
      { path: sharePath(P.cs0, P.cult_drift, steps), phi: P.cult_phi, tau: P.cult_vol },
      { path: sharePath(P.ct0, P.cult_drift, steps), phi: P.cult_phi, tau: P.cult_vol },
    ];
    const sharePhi = Float64Array.from(shares, (share) => share.phi);
    const shareTau = Float64Array.from(shares, (share) => share.tau);
    const logitPath = new Float64Array(LOGIT_SHARES * (steps + 1));
    for (let t = 0; t <= steps; t += 1) {
      for (let j = 0; j < LOGIT_SHARES; j += 1) logitPath[LOGIT_SHARES * t + j] = shares[j].path[t];
    }

    // Green space: each year adds N_t = m·exp(σ·ζ − σ²/2), a lognormal with mean m (less in a
    // downturn year) and coefficient of variation cv, σ = √ln(1 + cv²); each ratio plants
    // (its 2020 green area + the new area so far) / A_t, the built-up area A_t = built·(1 + g)^t,
    // at most GREEN_RATIO_CEILING. Version 3: each ratio's value is that planted ratio moved by
    // an AR(1) deviation of its own on the logit scale, logistic(logit(planted) + δ_k) (the sum
    // and δ within ±LOGIT_BOUND), δ_k,t = φ_g·δ_k,t−1 + τ_g·η_k,t, δ_k,0 = 0, with the shocks
    // η_1 = ζ_1 and η_2 = c·ζ_1 + √(1 − c²)·ζ_2 correlated c.
    const greenPhi = P.green_phi;
    const greenTau = P.green_dev;
    const greenCorr = P.green_corr;
    const greenOwn = Math.sqrt(1 - greenCorr * greenCorr);
    const greenMean = P.green;
    const greenMeanDownturn = P.green * (1 - P.dt_green / 100);
    const greenLogSd = Math.sqrt(Math.log1p(P.green_vol * P.green_vol));
    const greenBase = [(P.gr0 / 100) * P.built, (P.gc0 / 100) * P.built];
    const builtUp = Float64Array.from({ length: steps + 1 }, (_, t) => compound(P.built, P.built_growth, t));

    // Mean certifications in year t (index t − 1): the 13th plan's pace scaled by R&D,
    // 37.8·((1 + rd/100)/1.10)^t compounded like the engine, plus the doubling plan's push;
    // in a downturn year all of it times (1 − dt_ht/100).
    const rdRatio = (1 + P.rd / 100) / (1 + RD_BASELINE_GROWTH / 100);
    const keptInDownturn = 1 - P.dt_ht / 100;
    const certificationMean = new Float64Array(steps);
    const certificationMeanDownturn = new Float64Array(steps);
    for (let t = 1, pace = CERTIFICATIONS_PER_YEAR; t <= steps; t += 1) {
      pace *= rdRatio;
      certificationMean[t - 1] = pace + P.ht_push;
      certificationMeanDownturn[t - 1] = (pace + P.ht_push) * keptInDownturn;
    }

    // Per-path state, structure of arrays. Only the current year is kept (like the engine):
    // memory grows with paths, not with years.
    const rngCore = new Int32Array(4 * n);
    const rngShares = new Int32Array(4 * n);
    const rngCounts = new Int32Array(4 * n);
    const rngGreen = new Int32Array(4 * n);
    const shock = new Float64Array(n); // u
    const lastDownturn = new Uint8Array(n); // B_{t−1}
    const deviation = new Float64Array(LOGIT_SHARES * n); // δ, path-major: deviation[4·i + j]
    const newGreen = new Float64Array(n); // new green space since 2020, ha
    const greenDeviation = new Float64Array(2 * n); // δ of both ratios, path-major
    // The columns: each series' values this year, in path order.
    const columns = SERIES.map(() => new Float64Array(n));
    const gdp = columns[GDP].fill(GDP_2020); // Y
    const income = columns[INCOME].fill(INCOME_2020); // I
    const perCapita = columns[GDP_PC]; // y
    const hightech = columns[HIGHTECH].fill(P.ht0); // H, whole numbers
    const shareLevels = LOGIT_SERIES.map((c) => columns[c]); // x = logistic(z̄ + δ)
    const greenLevels = GREEN_SERIES.map((c) => columns[c]);
    const scratch = new Float64Array(n);
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / 4294967296) >>> 0;
    for (let i = 0; i < n; i += 1) {
      seedPath(rngCore, i, seedLo, seedHi, 0);
      seedPath(rngShares, i, seedLo, seedHi, 1);
      seedPath(rngCounts, i, seedLo, seedHi, 2);
      seedPath(rngGreen, i, seedLo, seedHi, 3);
    }
    for (let j = 0; j < LOGIT_SHARES; j += 1) shareLevels[j].fill(logistic(clampLogit(logitPath[j])));
    const plantedLogit = (area, built) => {
      const ratio = area / built;
      return logit(ratio < GREEN_RATIO_CEILING ? ratio : GREEN_RATIO_CEILING); // +∞ at the ceiling
    };
    for (let j = 0; j < 2; j += 1) greenLevels[j].fill(logistic(clampLogit(plantedLogit(greenBase[j], builtUp[0]))));

    // The "held every year 2021–2025" targets: whether each path has held its level so far.
    const held = TARGETS.filter((target) => target.rule === 'held').map((target) => ({
      target,
      flags: new Uint8Array(n).fill(1),
    }));

    const series = SERIES.map((id) => ({ id, years: [], histograms: [] }));
    const targets = [];
    // How many targets each path meets (after 2025).
    const metCount = new Uint8Array(n);
    let population = POPULATION_2020;
    const populationFactor = 1 + POPULATION_GROWTH / 100;

    for (let t = 0; t <= steps; t += 1) {
      if (t > 0) {
        population *= populationFactor;
        const certified = certificationMean[t - 1];
        const certifiedDownturn = certificationMeanDownturn[t - 1];
        const pathOffset = LOGIT_SHARES * t;
        const built = builtUp[t];
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
          // Version 3: investment acts from the year after it is spent (none in 2021), and a
          // downturn's jump J_t = −s·B_t + r·s·B_{t−1} wins back part of last year's loss.
          const investment = t >= 2 ? (100 * dI) / (k * Y) : 0;
          const jump = (downturn ? -s : 0) + (lastDownturn[i] ? rebound : 0);
          lastDownturn[i] = downturn ? 1 : 0;
          let g = mu + investment + u + jump;
          if (g < GROWTH_FLOOR) g = GROWTH_FLOOR;
          gdp[i] = Y * (1 + g / 100);
          // Version 2: income follows GDP's growth off the plan's 7.5 %, whatever moves it.
          let h = muH + eta * (g - GDP_TARGET_GROWTH) + sigmaH * incomeEpsilon;
          if (h < GROWTH_FLOOR) h = GROWTH_FLOOR;
          income[i] *= 1 + h / 100;

          // Shares stream, in the engine's order: one ζ per logit share (two polar pairs), then
          // one for the new green space (a third pair, whose second normal goes unused).
          const d = LOGIT_SHARES * i;
          for (let j = 0; j < LOGIT_SHARES; j += 2) {
            const zeta = normalPair(rngShares, o);
            const zetaNext = spare[0];
            let next = clampLogit(sharePhi[j] * deviation[d + j] + shareTau[j] * zeta);
            deviation[d + j] = next;
            shareLevels[j][i] = logistic(clampLogit(logitPath[pathOffset + j] + next));
            next = clampLogit(sharePhi[j + 1] * deviation[d + j + 1] + shareTau[j + 1] * zetaNext);
            deviation[d + j + 1] = next;
            shareLevels[j + 1][i] = logistic(clampLogit(logitPath[pathOffset + j + 1] + next));
          }
          const zetaGreen = normalPair(rngShares, o);
          const mean = downturn ? greenMeanDownturn : greenMean;
          const area = (newGreen[i] += greenLogSd > 0 ? mean * Math.exp(greenLogSd * zetaGreen - 0.5 * greenLogSd * greenLogSd) : mean);

          // Green ratios' stream: one pair of normals, made correlated, for the two deviations.
          const zeta1 = normalPair(rngGreen, o);
          const zeta2 = spare[0];
          const gi = 2 * i;
          const first = clampLogit(greenPhi * greenDeviation[gi] + greenTau * zeta1);
          const second = clampLogit(greenPhi * greenDeviation[gi + 1] + greenTau * (greenCorr * zeta1 + greenOwn * zeta2));
          greenDeviation[gi] = first;
          greenDeviation[gi + 1] = second;
          greenLevels[0][i] = logistic(clampLogit(plantedLogit(greenBase[0] + area, built) + first));
          greenLevels[1][i] = logistic(clampLogit(plantedLogit(greenBase[1] + area, built) + second));

          // Counts stream: lapses L_t = min(Poisson(λ·H), H), then certifications
          // Poisson(c_t + push), fewer in a downturn year.
          const H = hightech[i];
          const lapses = Math.min(poisson(rngCounts, o, lambda * H), H);
          hightech[i] = H - lapses + poisson(rngCounts, o, downturn ? certifiedDownturn : certified);
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
          // Whether each path meets the target; then they are counted.
          const met1 = new Uint8Array(n);
          let threshold = null;
          let reachedIn2025 = 0; // paths whose 2025 value reaches the line (≥ met for held targets)
          if (target.rule === 'inStep') {
            // Income's lag behind GDP, CAGR(GDP) − CAGR(income), at most the tolerance; two-sided,
            // its absolute value.
            const tolerance = P.sync_tol * (1 + THRESHOLD_RELATIVE_TOLERANCE);
            const twoSided = P.sync_rule === 1;
            for (let i = 0; i < n; i += 1) {
              const incomeGrowth = cagrPercent(INCOME_2020, values[i], TARGET_STEP);
              const gdpGrowth = cagrPercent(GDP_2020, gdp[i], TARGET_STEP);
              const lag = gdpGrowth - incomeGrowth;
              met1[i] = (twoSided ? Math.abs(lag) : lag) <= tolerance ? 1 : 0;
            }
          } else if (target.rule === 'above') {
            threshold = target.level;
            for (let i = 0; i < n; i += 1) met1[i] = values[i] > threshold ? 1 : 0;
          } else {
            threshold = target.rule === 'growth' ? compound(target.base, growthRate(target, P), TARGET_STEP) : target.level;
            for (let i = 0; i < n; i += 1) met1[i] = reaches(values[i], threshold) ? 1 : 0;
          }
          for (let i = 0; i < n; i += 1) reachedIn2025 += met1[i];
          if (target.rule === 'held') met1.set(held.find((h) => h.target === target).flags);
          let met = 0;
          for (let i = 0; i < n; i += 1) {
            met += met1[i];
            metCount[i] += met1[i];
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
    return { paths: n, seed, horizonYear, series, targets, joint: jointAttainment(metCount, TARGETS.length) };
  }

  /**
   * Targets met together (src/engine/joint.rs): how many paths meet exactly k targets, P(all
   * met) with √(p̂(1 − p̂)/n), and the expected number met with the sample s.d. over √n.
   */
  function jointAttainment(metCount, targetCount) {
    const n = metCount.length;
    const counts = new Array(targetCount + 1).fill(0);
    for (let i = 0; i < n; i += 1) counts[metCount[i]] += 1;
    const allMet = counts[targetCount] / n;
    let mean = 0;
    for (let m = 0; m <= targetCount; m += 1) mean += m * counts[m];
    mean /= n;
    let square = 0;
    for (let m = 0; m <= targetCount; m += 1) square += (m - mean) * (m - mean) * counts[m];
    const variance = n > 1 ? square / (n - 1) : 0;
    return {
      counts,
      allMet,
      allMetStdError: Math.sqrt((allMet * (1 - allMet)) / n),
      expectedMet: mean,
      expectedMetStdError: Math.sqrt(variance / n),
    };
  }

  /** A run reduced to a few numbers (what the benchmark driver reads back from the page). */
  function referenceRun(paths, horizonYear, seed, params) {
    const summary = referenceSimulate(paths, horizonYear, seed, params);
    const byId = Object.fromEntries(summary.targets.map((target) => [target.id, target]));
    const median = (seriesIndex, t) => summary.series[seriesIndex].years[t].percentiles[2];
    const last = horizonYear - BASE_YEAR;
    const { joint } = summary;
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
      // Targets met together, as taijiang-sim prints them (all_met, expected_met).
      all_met: { probability: joint.allMet, stderr: joint.allMetStdError },
      expected_met: { value: joint.expectedMet, stderr: joint.expectedMetStdError },
      met_distribution: joint.counts.map((count) => count / summary.paths),
    };
  }

  globalThis.referenceSimulate = referenceSimulate;
  globalThis.referenceRun = referenceRun;
  globalThis.referenceDefaults = DEFAULTS;
  globalThis.referenceChoices = CHOICES;
})();
