import { describe, expect, it } from "vitest";
import { parseOptions, UsageError } from "./options";
import { thrown } from "./test-support";

const usageError = (argv: string[]) => thrown(() => parseOptions(argv), UsageError);

describe("parseOptions", () => {
  it("defaults to JSON Lines, no segments, 2 s segments, 600 s and the project's model", () => {
    expect(parseOptions(["a.wav", "dir"])).toEqual({
      output: "jsonl",
      segments: false,
      segmentSeconds: 2,
      maxSeconds: 600,
      modelDir: undefined,
      paths: ["a.wav", "dir"],
    });
  });

  it("reads every flag, anywhere on the line", () => {
    const o = parseOptions(["--csv", "a.wav", "--segments", "--segment-seconds", "0.5", "--max-seconds", "30", "--model", "m", "b"]);
    expect(o).toEqual({ output: "csv", segments: true, segmentSeconds: 0.5, maxSeconds: 30, modelDir: "m", paths: ["a.wav", "b"] });
    expect(parseOptions(["--jsonl", "--jsonl", "x"]).output).toBe("jsonl");
  });

  it("takes everything after -- as a path", () => {
    expect(parseOptions(["--", "--csv", "-x.wav"]).paths).toEqual(["--csv", "-x.wav"]);
  });

  it("refuses what it cannot run, saying why", () => {
    expect(usageError([]).message).toMatch(/no FILE or DIR/);
    expect(usageError(["--csv", "--jsonl", "a"]).message).toMatch(/one of --jsonl and --csv/);
    expect(usageError(["--table", "a"]).message).toMatch(/unknown option --table/);
    expect(usageError(["a", "--model"]).message).toMatch(/--model needs a value/);
    expect(usageError(["--segment-seconds", "11", "a"]).message).toMatch(/from 0.5 to 10/);
    expect(usageError(["--segment-seconds", "", "a"]).message).toMatch(/--segment-seconds must be/);
    expect(usageError(["--max-seconds", "0", "a"]).message).toMatch(/above 0/);
    expect(usageError(["--max-seconds", "Infinity", "a"]).message).toMatch(/above 0/);
    expect(usageError(["a", "--help"])).toMatchObject({ help: true, message: expect.stringMatching(/^Usage: npm run --silent detect/) });
  });
});
