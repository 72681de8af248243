/**
 * The statistics behind the insights, written out so that every number can
 * be checked: no library, no hidden defaults. Tested against scipy and
 * against closed forms in stats.test.ts.
 */

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('mean of an empty sample');
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Unbiased sample variance (divides by n − 1). */
export function sampleVariance(xs: readonly number[]): number {
  if (xs.length < 2) throw new RangeError('variance needs at least two values');
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return ss / (xs.length - 1);
}

/* Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the series in its accurate range.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0] ?? 1;
  const t = z + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/* Continued fraction for the incomplete beta, modified Lentz's method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const eps = 1e-16;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < eps) return h;
  }
  throw new Error('incomplete beta: continued fraction did not converge');
}

/** The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError('incomplete beta needs a, b > 0');
  if (!(x >= 0 && x <= 1)) throw new RangeError('incomplete beta needs 0 ≤ x ≤ 1');
  if (x === 0 || x === 1) return x;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  // The fraction converges fast only below the mean; use the symmetry above it.
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  }
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df > 0, not necessarily whole). */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError('degrees of freedom must be positive');
  if (t === 0) return 0.5;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t: bracket, bisect to a narrow interval, then
 * polish with Newton steps on the density. Accurate to ~1e-12 for df ≥ 1.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('probability must be strictly between 0 and 1');
  if (!(df > 0)) throw new RangeError('degrees of freedom must be positive');
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e12) return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-10 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  let t = (lo + hi) / 2;
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  for (let i = 0; i < 3; i++) {
    const density = Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
    const next = t - (studentTCdf(t, df) - p) / density;
    if (!(next > lo && next < hi)) break;
    t = next;
  }
  return t;
}

export interface WelchResult {
  readonly nA: number;
  readonly nB: number;
  readonly meanA: number;
  readonly meanB: number;
  readonly varianceA: number;
  readonly varianceB: number;
  /** meanA − meanB */
  readonly difference: number;
  readonly standardError: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  readonly tCritical: number;
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Welch's two-sample t interval for meanA − meanB, which does not assume
 * equal variances: SE² = sA²/nA + sB²/nB and
 * df = SE⁴ / ((sA²/nA)²/(nA − 1) + (sB²/nB)²/(nB − 1)).
 * Returns null when either sample has fewer than two values or neither
 * varies (then there is no spread to build an interval from).
 */
export function welchInterval(
  a: readonly number[],
  b: readonly number[],
  level = 0.95,
): WelchResult | null {
  if (a.length < 2 || b.length < 2) return null;
  const varianceA = sampleVariance(a);
  const varianceB = sampleVariance(b);
  const qa = varianceA / a.length;
  const qb = varianceB / b.length;
  const se2 = qa + qb;
  if (!(se2 > 0)) return null;
  const df = (se2 * se2) / ((qa * qa) / (a.length - 1) + (qb * qb) / (b.length - 1));
  const tCritical = studentTQuantile(1 - (1 - level) / 2, df);
  const meanA = mean(a);
  const meanB = mean(b);
  const difference = meanA - meanB;
  const standardError = Math.sqrt(se2);
  return {
    nA: a.length,
    nB: b.length,
    meanA,
    meanB,
    varianceA,
    varianceB,
    difference,
    standardError,
    df,
    tCritical,
    level,
    lower: difference - tCritical * standardError,
    upper: difference + tCritical * standardError,
  };
}
