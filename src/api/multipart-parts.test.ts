import { describe, expect, it } from "vitest";
import { MAX_MULTIPART_PARTS, countDelimiters, multipartBoundary, requireFewParts } from "./multipart-parts";
import { ProblemError } from "./problem";

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const part = (boundary: string, name: string, content = "") =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${content}\r\n`;
const body = (boundary: string, parts: number, content = "") =>
  bytes(Array.from({ length: parts }, (_, i) => part(boundary, `f${i}`, content)).join("") + `--${boundary}--\r\n`);

describe("multipartBoundary", () => {
  it.each([
    ["multipart/form-data; boundary=abc", "abc"],
    ["multipart/form-data;boundary=----WebKitFormBoundary7MA4YWxk", "----WebKitFormBoundary7MA4YWxk"],
    ['multipart/form-data; charset=utf-8; BOUNDARY="a b;c"', "a b;c"],
    ["multipart/form-data", undefined],
    ["multipart/form-data; boundary=", undefined],
  ])("%s -> %s", (contentType, boundary) => {
    expect(multipartBoundary(contentType)).toBe(boundary);
  });
});

describe("countDelimiters", () => {
  it("counts the delimiter before each part and the closing one, whatever the parts hold", () => {
    expect(countDelimiters(body("xyz", 3, "RIFF\r\n--xy\r\n-- xyz"), "xyz", 100)).toBe(4);
    expect(countDelimiters(bytes(`preamble\r\n${part("b", "file")}--b--`), "b", 100)).toBe(2);
  });

  it("stops once the limit is passed", () => {
    expect(countDelimiters(body("b", 1000), "b", 5)).toBe(6);
  });
});

describe("requireFewParts", () => {
  const contentType = "multipart/form-data; boundary=b";

  it(`accepts up to ${MAX_MULTIPART_PARTS} parts and refuses more as malformed_body`, () => {
    expect(() => requireFewParts(body("b", MAX_MULTIPART_PARTS), contentType)).not.toThrow();
    let refusal: unknown;
    try {
      requireFewParts(body("b", MAX_MULTIPART_PARTS + 1), contentType);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ProblemError);
    expect((refusal as ProblemError).code).toBe("malformed_body");
  });

  it("leaves other media types and a multipart type without a boundary to the parser", () => {
    expect(() => requireFewParts(body("b", 100), "audio/wav; boundary=b")).not.toThrow();
    expect(() => requireFewParts(body("b", 100), "multipart/form-data")).not.toThrow();
  });
});
