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
