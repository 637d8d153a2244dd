import { describe, expect, it } from "vitest";
import { mulberry32, shuffleFromEnd } from "./prng";
import { selectPerGroup } from "./selection";

const items = (group: string, n: number) => Array.from({ length: n }, (_, i) => ({ key: `${group}/${String(i).padStart(3, "0")}`, group }));

describe("selectPerGroup", () => {
  it("keeps the first cap of a seeded shuffle of each group, independent of input order", () => {
    const all = [...items("cs", 30), ...items("nl", 5)];
    const picked = selectPerGroup(all.slice().reverse(), 20, 1234);
    expect(picked.filter((p) => p.group === "cs")).toHaveLength(20);
    expect(picked.filter((p) => p.group === "nl")).toHaveLength(5);
    expect(picked.slice(0, 20)).toEqual(shuffleFromEnd(items("cs", 30), mulberry32(1234)).slice(0, 20));
    expect(selectPerGroup(all, 20, 1234)).toEqual(picked);
  });
});
