import { describe, expect, it } from "vitest";
import { mapLimit, run } from "./process";

describe("process", () => {
  it("captures stdout and feeds stdin", async () => {
    const { stdout } = await run("cat", [], { input: new TextEncoder().encode("hello") });
    expect(stdout.toString()).toBe("hello");
  });
  it("rejects on a non-zero exit with stderr in the message", async () => {
    await expect(run("sh", ["-c", "echo boom >&2; exit 3"])).rejects.toThrow(/exited 3: boom/);
  });
  it("mapLimit keeps order and never exceeds the limit", async () => {
    let active = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 3, 2], 2, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, n));
      active--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20]);
    expect(peak).toBe(2);
  });
});
