import { describe, expect, it } from 'vitest';
import {
  logGamma,
  mean,
  regularizedIncompleteBeta,
  sampleVariance,
  studentTCdf,
  studentTQuantile,
  welchInterval,
} from './stats.js';

/*
 * Where every expected number comes from:
 * - "table": the t quantiles quoted in the task brief, which match printed
 *   t-tables (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.2) to the digits shown.
 * - "closed form": exact formulas, worked in the comment beside each.
 * - "scipy": SciPy 1.17.1 on this machine, e.g.
 *     python3 -c 'from scipy import stats; print(repr(stats.t.ppf(0.975, 7.3)))'
 *     python3 -c 'from scipy import special; print(repr(special.betainc(5, 0.5, 0.9)))'
 *   and for the Welch examples
 *     r = stats.ttest_ind(a, b, equal_var=False); ci = r.confidence_interval(0.95)
 *   printing r.df, ci.low, ci.high.
 */

describe('Student t quantiles', () => {
  it.each([
    [1, 12.7062047361747], // table
    [10, 2.228138851986], // table
    [30, 2.04227245630124], // table
    [2, 4.302652729749462], // closed form for df = 2: (2p − 1)·√(2 / (4p(1 − p))); also scipy
    [5, 2.5705818356363146], // scipy
    [100, 1.9839715185235518], // scipy
    [2.5, 3.5746548420036817], // scipy, fractional df as Welch produces
    [7.3, 2.345066736547703], // scipy
    [31.2, 2.0389836847373126], // scipy
  ])('when df is %s, the 97.5% quantile is %s', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 10);
  });

  it('when p is below one half, the quantile is the mirror image', () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138851986, 10);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('when the quantile is fed back into the distribution function, p comes back', () => {
    for (const df of [1, 3.7, 12, 250]) {
      for (const p of [0.6, 0.9, 0.975, 0.999]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
      }
    }
  });

  it('when the inputs are out of range, they are refused', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('Student t distribution function', () => {
  it.each([
    // closed form for df = 1 (Cauchy): 1/2 + atan(t)/π = 0.5927735790777423 at t = 0.3
    [0.3, 1, 0.5927735790777423],
    [1, 3, 0.8044988905221148], // scipy
    [2, 10, 0.9633059826146299], // scipy
    [-1.5, 4.5, 0.10010954282807676], // scipy
  ])('when t = %s and df = %s, P(T ≤ t) = %s', (t, df, expected) => {
    expect(studentTCdf(t, df)).toBeCloseTo(expected, 12);
  });
});

describe('regularized incomplete beta', () => {
  it.each([
    // closed form: I_x(2, 3) = P(Binomial(4, x) ≥ 2) = 1 − 0.7⁴ − 4·0.3·0.7³ = 0.3483
    [0.3, 2, 3, 0.3483],
    // closed form: symmetry, I_½(a, a) = ½
    [0.5, 0.5, 0.5, 0.5],
    // closed form: I_x(a, 2) = x^a·(a + 1 − a·x) = 1e-10 · 10 = 1e-9
    [0.1, 10, 2, 1e-9],
    [0.9, 5, 0.5, 0.3166429150200122], // scipy
    [0.75, 1.5, 20, 0.9999999999959194], // scipy
  ])('when x = %s, a = %s, b = %s, I = %s', (x, a, b, expected) => {
    expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(expected, 13);
  });

  it('when x is at an end of [0, 1], the value is exact', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('when log-gamma is taken of whole numbers, it matches log factorials', () => {
    // Γ(n) = (n − 1)!: Γ(5) = 24, Γ(11) = 3 628 800; Γ(½) = √π.
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3_628_800), 11);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
});

describe('Welch interval', () => {
  it('when worked by hand, the first example matches scipy', () => {
    const a = [3, 4, 2, 5, 4, 3, 6, 4];
    const b = [5, 6, 4, 7, 5, 6, 8, 5, 7, 6];
    // By hand: mean A = 31/8 = 3.875, s²A = 10.875/7 = 1.553571…; mean B = 59/10 = 5.9,
    // s²B = 12.9/9 = 1.433333…; SE² = 1.553571/8 + 1.433333/10 = 0.337530;
    // df = 0.337530² / (0.194196²/7 + 0.143333²/9) = 14.8531.
    const r = welchInterval(a, b);
    expect(r).not.toBeNull();
    expect(r?.meanA).toBe(3.875);
    expect(r?.meanB).toBeCloseTo(5.9, 12);
    expect(r?.difference).toBeCloseTo(-2.025, 12);
    expect((r?.standardError ?? 0) ** 2).toBeCloseTo(0.33753, 5);
    expect(r?.df).toBeCloseTo(14.853149353035356, 10); // scipy
    expect(r?.lower).toBeCloseTo(-3.2643820682220586, 10); // scipy
    expect(r?.upper).toBeCloseTo(-0.7856179317779419, 10); // scipy
  });

  it('when the variances and sizes differ a lot, the second example matches scipy', () => {
    const a = [2.5, 3.0, 1.0, 4.5, 2.0];
    const b = [6.0, 2.0, 8.5, 3.0, 7.5, 5.0, 9.0, 1.5, 4.0, 6.5, 7.0, 3.5];
    const r = welchInterval(a, b);
    expect(r?.varianceA).toBeCloseTo(1.675, 12);
    expect(r?.varianceB).toBeCloseTo(6.2935606060606055, 12);
    expect(r?.df).toBeCloseTo(13.921056336660431, 10); // scipy
    expect(r?.lower).toBeCloseTo(-4.681097745465884, 10); // scipy
    expect(r?.upper).toBeCloseTo(-0.7022355878674496, 10); // scipy
  });

  it('when a sample has fewer than two values or nothing varies, there is no interval', () => {
    expect(welchInterval([1], [1, 2, 3])).toBeNull();
    expect(welchInterval([2, 2, 2], [2, 2])).toBeNull();
  });

  it('when one side has no spread, the interval rests on the other side alone', () => {
    const r = welchInterval([4, 4, 4, 4], [1, 2, 3, 4, 5]);
    // SE² = 0 + 2.5/5 = 0.5 and df = n_B − 1 = 4.
    expect(r?.df).toBeCloseTo(4, 12);
    expect(r?.tCritical).toBeCloseTo(2.7764451051977934, 10); // scipy: t.ppf(0.975, 4)
  });

  it('when summarising, the mean and variance are the usual ones', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 14);
    expect(() => mean([])).toThrow(RangeError);
  });
});
