import { describe, expect, it } from "vitest";
import { type Objective, minimizeLbfgs } from "./lbfgs";

const rosenbrock: Objective = ([a, b], gradient) => {
  gradient[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  gradient[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe("minimizeLbfgs", () => {
  it("finds the minimum of an ill-conditioned quadratic", () => {
    const scales = [1, 10, 100, 1000];
    const result = minimizeLbfgs((x, gradient) => {
      let value = 0;
      x.forEach((v, i) => {
        value += (scales[i] * (v - i) ** 2) / 2;
        gradient[i] = scales[i] * (v - i);
      });
      return value;
    }, new Float64Array(4));
    expect(result.converged).toBe(true);
    for (let i = 0; i < 4; i++) expect(result.x[i]).toBeCloseTo(i, 8);
  });

  it("follows Rosenbrock's valley to (1, 1)", () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIterations: 500, gradientTolerance: 1e-8, memory: 5 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
  });

  it("reports no convergence when out of iterations", () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIterations: 3, gradientTolerance: 1e-10, memory: 5 });
    expect(result).toMatchObject({ converged: false, iterations: 3 });
  });
});
