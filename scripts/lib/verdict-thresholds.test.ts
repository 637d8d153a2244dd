import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseVerdictThresholds } from "./verdict-thresholds";

const targets = { maxRealCalledFake: 0.1, maxFakeCalledReal: 0.2 };

describe("chooseVerdictThresholds", () => {
  it("puts each threshold just past the last clip its error allowance lets through", () => {
    const real = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.7, 0.9];
    const fake = [0.3, 0.5, 0.6, 0.65, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99];
    const choice = chooseVerdictThresholds([...real, ...fake], Uint8Array.from([...real.map(() => 0), ...fake.map(() => 1)]), targets);
    // One real clip of ten may be called fake: the 0.9 one, so t_fake is just above 0.7. Two fakes may be called
    // real (0.3, 0.5), so t_real is just below 0.6; uncertain between: real 0.7, fakes 0.6 and 0.65.
    expect(choice.thresholds.fake).toBeGreaterThan(0.7);
    expect(choice.thresholds.fake - 0.7).toBeLessThan(1e-15);
    expect(choice.thresholds.real).toBeLessThan(0.6);
    expect(0.6 - choice.thresholds.real).toBeLessThan(1e-15);
    expect(choice).toMatchObject({ realCalledFake: 0.1, fakeCalledReal: 0.2, realUncertain: 0.1, fakeUncertain: 0.2 });
  });

  it("never splits tied scores: an allowance that would split them is not used", () => {
    const choice = chooseVerdictThresholds([0.5, 0.5, 0.5, 0.1, 0.9], Uint8Array.of(0, 0, 0, 0, 1), {
      maxRealCalledFake: 0.25,
      maxFakeCalledReal: 0,
    });
    expect(choice.realCalledFake).toBe(0);
    expect(choice.thresholds.fake).toBeGreaterThan(0.5);
  });

  it("leaves nothing uncertain when the classes separate beyond both targets", () => {
    const choice = chooseVerdictThresholds([0.1, 0.2, 0.3, 0.7, 0.8, 0.9], Uint8Array.of(0, 0, 0, 1, 1, 1), targets);
    expect(choice.thresholds.fake).toBe(0.5);
    expect(choice.thresholds.real).toBeLessThan(0.5);
    expect(choice).toMatchObject({ realCalledFake: 0, fakeCalledReal: 0, realUncertain: 0, fakeUncertain: 0 });
  });

  it("meets both targets with the tightest thresholds, real below fake", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 2, maxLength: 60 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (pairs, maxRealCalledFake, maxFakeCalledReal) => {
          const scores = pairs.map(([s]) => s / 20);
          const labels = Uint8Array.from(pairs, ([, l]) => Number(l));
          if (labels.every((l) => l === labels[0])) return;
          const { thresholds, realCalledFake, fakeCalledReal } = chooseVerdictThresholds(scores, labels, { maxRealCalledFake, maxFakeCalledReal });
          const nReal = labels.filter((l) => l === 0).length;
          const nFake = labels.length - nReal;
          expect(thresholds.real).toBeLessThan(thresholds.fake);
          expect(realCalledFake).toBeLessThanOrEqual(Math.floor(maxRealCalledFake * nReal) / nReal);
          expect(fakeCalledReal).toBeLessThanOrEqual(Math.floor(maxFakeCalledReal * nFake) / nFake);
          // Tightest, unless the thresholds crossed and were set to a midpoint: moving thresholds.fake down to the
          // highest real score below it would call more real clips fake than allowed.
          const crossed = thresholds.fake - thresholds.real < 1e-12;
          const realScores = scores.filter((_, i) => labels[i] === 0);
          const highestBelow = Math.max(...realScores.filter((s) => s < thresholds.fake));
          if (!crossed && Number.isFinite(highestBelow)) {
            expect(realScores.filter((s) => s >= highestBelow).length).toBeGreaterThan(Math.floor(maxRealCalledFake * nReal));
          }
        },
      ),
    );
  });

  it("refuses one-class data and targets outside [0, 1)", () => {
    expect(() => chooseVerdictThresholds([0.1, 0.2], Uint8Array.of(0, 0), targets)).toThrow(RangeError);
    expect(() => chooseVerdictThresholds([0.1, 0.2], Uint8Array.of(0, 1), { ...targets, maxRealCalledFake: 1 })).toThrow(RangeError);
  });
});
