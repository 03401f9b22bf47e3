// Synthetic benchmark data: reproducible series with shifts, trends and outliers so that every
// rule does work. Seeded, so every run measures the same input.

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal from two uniforms (Box–Muller). */
export function normal(rand) {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** `count` series of `length` values: noise around a level, with a step change in a third of them. */
export function makeSeries(count, length, seed = 42) {
  const rand = rng(seed);
  const out = [];
  for (let s = 0; s < count; s++) {
    const level = 50 + rand() * 100;
    const sd = 1 + rand() * 10;
    const stepAt = rand() < 0.33 ? Math.floor(length / 2 + rand() * (length / 3)) : length;
    const step = (rand() - 0.5) * 4 * sd;
    const values = new Array(length);
    for (let i = 0; i < length; i++) {
      values[i] = Math.round((level + (i >= stepAt ? step : 0) + sd * normal(rand)) * 100) / 100;
    }
    out.push(values);
  }
  return out;
}

/** ISO first-of-month dates from 2020-01 on. */
export function months(length) {
  return Array.from({ length }, (_, i) => {
    const y = 2020 + Math.floor(i / 12);
    const m = (i % 12) + 1;
    return `${y}-${String(m).padStart(2, '0')}-01`;
  });
}

/** `count` series of numerators and denominators: proportions around 5–25%, denominators 500–20,000. */
export function makeProportions(count, length, seed = 11) {
  const rand = rng(seed);
  const numerators = [];
  const denominators = [];
  for (let s = 0; s < count; s++) {
    const p = 0.05 + rand() * 0.2;
    const size = 500 + rand() * 19_500;
    const ys = new Array(length);
    const ns = new Array(length);
    for (let i = 0; i < length; i++) {
      const n = Math.round(size * (0.8 + rand() * 0.4));
      const pi = Math.min(0.99, Math.max(0.001, p + 0.01 * normal(rand)));
      ns[i] = n;
      ys[i] = Math.min(n, Math.max(0, Math.round(n * pi + Math.sqrt(n * pi * (1 - pi)) * normal(rand))));
    }
    numerators.push(ys);
    denominators.push(ns);
  }
  return { numerators, denominators };
}

/** `count` funnel units of the given type, with overdispersion and a few outliers. */
export function makeUnits(count, type, seed = 5) {
  const rand = rng(seed);
  const units = [];
  for (let u = 0; u < count; u++) {
    const size = Math.round(50 + Math.exp(rand() * 8));
    const shift = 1 + 0.1 * normal(rand) + (rand() < 0.01 ? 0.5 : 0);
    let numerator;
    let denominator;
    if (type === 'proportion') {
      denominator = size;
      numerator = Math.min(
        size,
        Math.max(0, Math.round(size * 0.1 * shift + Math.sqrt(size * 0.09) * normal(rand))),
      );
    } else if (type === 'ratio') {
      denominator = Math.round(size * 0.05 * 100) / 100 + 1;
      numerator = Math.max(0, Math.round(denominator * shift + Math.sqrt(denominator) * normal(rand)));
    } else {
      denominator = size * 10;
      numerator = Math.max(1, Math.round(size * 0.2 * shift + Math.sqrt(size * 0.2) * normal(rand)));
    }
    units.push({ unit: `U${u}`, numerator, denominator });
  }
  return units;
}
