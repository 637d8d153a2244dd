import { describe, expect, it } from "vitest";
import { completeOggPagesLength } from "./ogg-pages";

/** A page whose body is `bodySizes` segments of those sizes (each < 255, so each ends a packet). */
function page(bodySizes: number[]): Uint8Array {
  const header = [..."OggS"].map((c) => c.charCodeAt(0)).concat(new Array(22).fill(0), [bodySizes.length], bodySizes);
  const body = bodySizes.flatMap((n) => new Array(n).fill(7));
  return Uint8Array.from([...header, ...body]);
}
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe("completeOggPagesLength", () => {
  const a = page([10, 20]);
  const b = page([5]);

  it("is the whole file when every page is complete", () => {
    expect(completeOggPagesLength(cat(a, b))).toBe(a.length + b.length);
    expect(completeOggPagesLength(page([]))).toBe(27);
  });

  it("drops a last page cut anywhere: in the header, the lacing values or the body", () => {
    const whole = cat(a, b);
    for (let cut = a.length; cut < whole.length; cut++) expect(completeOggPagesLength(whole.subarray(0, cut))).toBe(a.length);
    expect(completeOggPagesLength(a.subarray(0, a.length - 1))).toBe(0);
  });

  it("skips bytes between pages up to the next capture pattern, as the decoders resynchronise", () => {
    const junk = Uint8Array.from([1, 2, 3, 0x4f, 0x67]);
    expect(completeOggPagesLength(cat(a, junk, b))).toBe(a.length + junk.length + b.length);
    expect(completeOggPagesLength(cat(junk, a))).toBe(junk.length + a.length);
  });

  it("is 0 for bytes with no page", () => {
    expect(completeOggPagesLength(new Uint8Array(0))).toBe(0);
    expect(completeOggPagesLength(Uint8Array.from([0x4f, 0x67, 0x67, 0x53]))).toBe(0);
  });
});
