import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BodyFile, type FormPart, MAX_MULTIPART_PARTS, formDataOf, multipartBoundary, parseMultipartForm } from "./multipart-form";
import { ProblemError } from "./problem";

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** A form as the platform sends it: the body and Content-Type its FormData serialiser writes. */
async function sent(form: FormData): Promise<{ body: Uint8Array; contentType: string }> {
  const request = new Request("http://test.invalid/", { method: "POST", body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("Content-Type")! };
}

/** What the platform's own parser makes of a body, in the shape of FormPart. */
async function platformParts(body: Uint8Array, contentType: string): Promise<unknown[]> {
  const form = await new Request("http://test.invalid/", { method: "POST", body, headers: { "Content-Type": contentType } }).formData();
  const parts: unknown[] = [];
  for (const [name, value] of form.entries()) {
    parts.push(
      typeof value === "string"
        ? { kind: "field", name, value }
        : { kind: "file", name, filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) },
    );
  }
  return parts;
}

const comparable = (parts: readonly FormPart[]) =>
  parts.map((part) => (part.kind === "file" ? { ...part, bytes: new Uint8Array(part.bytes) } : part));

function refusal(body: Uint8Array | string, contentType = "multipart/form-data; boundary=b"): string {
  try {
    parseMultipartForm(typeof body === "string" ? bytes(body) : body, contentType);
  } catch (error) {
    if (error instanceof ProblemError) return error.code;
    throw error;
  }
  return "parsed";
}

const part = (boundary: string, name: string, content = "") =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${content}\r\n`;
const partsBody = (boundary: string, n: number, content = "") =>
  Array.from({ length: n }, (_, i) => part(boundary, `f${i}`, content)).join("") + `--${boundary}--\r\n`;

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

describe("parseMultipartForm", () => {
  it("finds the delimiters, not what only looks like one inside a part, nor a preamble", () => {
    const values = parseMultipartForm(bytes(partsBody("xyz", 3, "RIFF\r\n--xy\r\n-- xyz")), "multipart/form-data; boundary=xyz");
    expect(values.map((p) => p.kind === "field" && p.value)).toEqual(Array(3).fill("RIFF\r\n--xy\r\n-- xyz"));
    expect(parseMultipartForm(bytes(`preamble\r\n${part("b", "file")}--b--`), "multipart/form-data; boundary=b")).toHaveLength(1);
  });

  it(`accepts up to ${MAX_MULTIPART_PARTS} parts and refuses more as malformed_body, at the first extra part`, () => {
    expect(parseMultipartForm(bytes(partsBody("b", MAX_MULTIPART_PARTS)), "multipart/form-data; boundary=b")).toHaveLength(MAX_MULTIPART_PARTS);
    expect(refusal(partsBody("b", MAX_MULTIPART_PARTS + 1))).toBe("malformed_body");
    // 20,000 empty parts (1 MB) and the same with the closing delimiter cut off: refused all the same.
    expect(refusal(partsBody("b", 20000))).toBe("malformed_body");
    expect(refusal(partsBody("b", 20000).slice(0, -10))).toBe("malformed_body");
  });

  it("reads what the platform's FormData sends, as the platform's parser does (files, fields, names, types)", async () => {
    await fc.assert(
      fc.asyncProperty(
        // File contents full of CR, LF and dashes, so that near-delimiters occur inside them.
        fc.uint8Array({ maxLength: 3000 }).map((raw) => raw.map((b) => [0x0d, 0x0a, 0x2d, b][b % 4])),
        fc.string({ maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 20 }).filter((name) => !/[\r\n"\\]/.test(name)),
        fc.constantFrom("audio/wav", "application/octet-stream", "audio/x-wav"),
        async (file, option, filename, type) => {
          const form = new FormData();
          form.append("segments", "true");
          form.append("file", new File([file], filename, { type }));
          form.append("note", option);
          const { body, contentType } = await sent(form);
          expect(comparable(parseMultipartForm(body, contentType))).toEqual(await platformParts(body, contentType));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("returns the file as a view of the body, not a copy", () => {
    const body = bytes('--b\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\nRIFF....\r\n--b--\r\n');
    const [part] = parseMultipartForm(body, "multipart/form-data; boundary=b");
    expect(part.kind).toBe("file");
    if (part.kind !== "file") return;
    expect(part.bytes.buffer).toBe(body.buffer);
    expect(String.fromCharCode(...part.bytes)).toBe("RIFF....");
    expect(part.type).toBe("application/octet-stream");
  });

  it("ignores a preamble and an epilogue, allows padding after a delimiter, undoes quoted-string escapes", () => {
    const body =
      'preamble\r\n--b  \r\nContent-Disposition: form-data; name="a\\"b"\r\n\r\nx\r\n' +
      "--b\r\ncontent-disposition: FORM-DATA; name=token; filename=\"\"\r\ncontent-type: audio/wav\r\n\r\n\r\n--b--\r\nepilogue";
    expect(comparable(parseMultipartForm(bytes(body), "multipart/form-data; boundary=b"))).toEqual([
      { kind: "field", name: 'a"b', value: "x" },
      { kind: "file", name: "token", filename: "", type: "audio/wav", bytes: new Uint8Array(0) },
    ]);
  });

  it.each([
    ["no boundary in the Content-Type", "--b\r\n", "multipart/form-data"],
    ["a boundary that never appears", "just some bytes", undefined],
    ["a body cut inside its only part", '--b\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nRIFF', undefined],
    ["a body that ends after a delimiter", "--b\r\n", undefined],
    ["a delimiter followed by text on its line", '--bx\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--b--', undefined],
    ["headers without the blank line", '--b\r\nContent-Disposition: form-data; name="a"\r\n--b--', undefined],
    ["a part without Content-Disposition", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", undefined],
    ["a part of another disposition", '--b\r\nContent-Disposition: attachment; name="a"\r\n\r\nx\r\n--b--', undefined],
    ["a part without a name", '--b\r\nContent-Disposition: form-data; filename="a"\r\n\r\nx\r\n--b--', undefined],
  ])("refuses %s as malformed_body", (_, body, contentType) => {
    expect(refusal(body, contentType)).toBe("malformed_body");
  });

  it("gives the validator a FormData of the same parts", async () => {
    const form = formDataOf([
      { kind: "field", name: "segments", value: "false" },
      { kind: "file", name: "file", filename: "a.wav", type: "audio/wav", bytes: bytes("RIFF") },
    ]);
    expect(form.get("segments")).toBe("false");
    const file = form.get("file");
    expect(file).toBeInstanceOf(File);
    expect(file instanceof File && [file.name, file.type, await file.text()]).toEqual(["a.wav", "audio/wav", "RIFF"]);
  });

  it("gives it a File that reads the body where it lies, each read a copy of its own", async () => {
    const body = bytes("--b\r\nRIFF0123456789\r\n--b--");
    const contents = body.subarray(5, 19);
    const file = new BodyFile(contents, "a.wav", "audio/wav");
    expect(file).toBeInstanceOf(File);
    expect([file.size, file.name, file.type]).toEqual([14, "a.wav", "audio/wav"]);
    const read = new Uint8Array(await file.arrayBuffer());
    expect(read).toEqual(contents);
    read[0] = 0;
    expect(await file.bytes()).toEqual(contents);
    expect(await file.text()).toBe("RIFF0123456789");
    expect(await file.slice(4, 8).text()).toBe("0123");
    expect(await new Response(file.stream()).text()).toBe("RIFF0123456789");
    // The body is not copied when the File is made: a change to the body shows through.
    body[5] = "X".charCodeAt(0);
    expect(await file.text()).toBe("XIFF0123456789");
  });
});
