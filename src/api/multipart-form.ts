/**
 * multipart/form-data (RFC 7578 over RFC 2046) parsed from the body already in memory, the file parts kept as views
 * of it. The platform's parser (Request.formData) copies the body and then each file into a File, and the handler
 * copied the File again to read it: a 25 MiB upload was held three to five times (measured in Node: 26 MB of
 * multipart body, +130 MB at the peak of its analysis), more than a 128 MB isolate. Parsed here, the analysis reads
 * the file where it arrived; the validator still receives a FormData, whose File is a view of the body too.
 *
 * An upload's form holds the file and at most the option fields. A body of thousands of tiny parts costs more to
 * parse than the same bytes of audio cost to analyse (1 MB of empty parts: about 130 ms in workerd, 50-80 ms of CPU
 * in Node through the platform's parser), so parsing stops at the first part past MAX_MULTIPART_PARTS.
 */
import { ProblemError } from "./problem";

/** The file, segment_seconds and segments, with room for a client's extra fields. */
export const MAX_MULTIPART_PARTS = 8;

/** One part of the form: a text field, or a file (a part with a filename) as a view of the body. */
export type FormPart =
  | { kind: "field"; name: string; value: string }
  | { kind: "file"; name: string; filename: string; type: string; bytes: Uint8Array };

/** Part headers longer than this are not an upload's: a browser or curl writes a few hundred bytes. */
const MAX_PART_HEADER_BYTES = 16 * 1024;

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const CRLF = ascii("\r\n");
const HEADER_END = ascii("\r\n\r\n");
const utf8 = new TextDecoder("utf-8");

/**
 * The parts of a multipart/form-data body, in order. Refuses with 400 `malformed_body` a Content-Type without a
 * boundary, a body in which the boundary never opens a part, a part without its blank line after the headers or
 * without a Content-Disposition naming it, a body cut before its closing delimiter, and a body of more than
 * MAX_MULTIPART_PARTS parts. The preamble before the first delimiter and the epilogue after the last are ignored,
 * as RFC 2046 says.
 */
export function parseMultipartForm(body: Uint8Array, contentType: string): FormPart[] {
  const boundary = multipartBoundary(contentType);
  if (boundary === undefined) throw malformed("its Content-Type names no boundary");
  const delimiter = ascii(`\r\n--${boundary}`);
  // The first delimiter may open the body without the CRLF before it.
  const opening = delimiter.subarray(2);
  // -2 for a body that opens with it: as if its CRLF stood just before the body.
  const found = startsWithAt(body, opening, 0) ? -2 : indexOfBytes(body, delimiter, 0);
  if (found === -1) throw malformed(`the boundary "${boundary}" never appears`);
  const parts: FormPart[] = [];
  for (let at = found + delimiter.length; ; ) {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts; // "--": the closing delimiter.
    if (parts.length === MAX_MULTIPART_PARTS) {
      throw new ProblemError(
        "malformed_body",
        `The multipart/form-data body has more than ${MAX_MULTIPART_PARTS} parts; an upload sends the field "file" and, at most, the analysis options.`,
      );
    }
    const lineEnd = indexOfBytes(body, CRLF, at);
    // Only transport padding (spaces, tabs) may follow a delimiter before its line ends.
    if (lineEnd < 0 || body.subarray(at, lineEnd).some((b) => b !== 0x20 && b !== 0x09)) {
      throw malformed("a delimiter line is not followed by a part");
    }
    // The headers lie between the delimiter line's CRLF and the blank line (none: the blank line comes at once).
    const headersEnd = indexOfBytes(body, HEADER_END, lineEnd);
    if (headersEnd < 0 || headersEnd - lineEnd > MAX_PART_HEADER_BYTES) {
      throw malformed("a part's headers do not end with a blank line");
    }
    const contentStart = headersEnd + HEADER_END.length;
    const next = indexOfBytes(body, delimiter, contentStart);
    if (next < 0) throw malformed("the body ends inside a part, before the closing delimiter");
    const headers = utf8.decode(body.subarray(Math.min(lineEnd + 2, headersEnd), headersEnd));
    parts.push(formPart(headers, body.subarray(contentStart, next)));
    at = next + delimiter.length;
  }
}

/**
 * The FormData of the parts, as the platform's parser would build it: files as File (a BodyFile, whose contents
 * stay where they arrived), fields as strings.
 */
export function formDataOf(parts: readonly FormPart[]): FormData {
  const form = new FormData();
  for (const part of parts) {
    if (part.kind === "file") form.append(part.name, new BodyFile(part.bytes, part.filename, part.type));
    else form.append(part.name, part.value);
  }
  return form;
}

/**
 * A File whose contents are a view of the request body. The validator's schema asks for a File, and copying the
 * part into `new File([bytes])` cost as much memory again as the audio (26 MB for a 25 MiB upload); this one holds
 * no copy and makes one only when it is read (each read gets its own bytes, as a File's reads do).
 */
export class BodyFile extends File {
  readonly #contents: Uint8Array;

  constructor(contents: Uint8Array, name: string, type: string) {
    super([], name, { type });
    this.#contents = contents;
  }

  override get size(): number {
    return this.#contents.length;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#contents.slice().buffer;
  }

  override async bytes(): Promise<Uint8Array> {
    return this.#contents.slice();
  }

  override async text(): Promise<string> {
    return utf8.decode(this.#contents);
  }

  override stream(): ReadableStream<Uint8Array> {
    return this.#asBlob().stream();
  }

  override slice(start?: number, end?: number, contentType?: string): Blob {
    return this.#asBlob().slice(start, end, contentType);
  }

  #asBlob(): Blob {
    return new Blob([this.#contents], { type: this.type });
  }
}

function formPart(headers: string, content: Uint8Array): FormPart {
  const fields = new Map<string, string>();
  for (const line of headers.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = fields.get("content-disposition");
  if (disposition === undefined || !/^form-data\s*(;|$)/i.test(disposition)) {
    throw malformed("a part has no Content-Disposition: form-data");
  }
  const name = parameter(disposition, "name");
  if (name === undefined) throw malformed("a part's Content-Disposition names no field");
  const filename = parameter(disposition, "filename");
  if (filename === undefined) return { kind: "field", name, value: utf8.decode(content) };
  return { kind: "file", name, filename, type: fields.get("content-type") ?? "application/octet-stream", bytes: content };
}

/** A Content-Disposition parameter: a token or a quoted string (backslash escapes undone); undefined if absent. */
function parameter(disposition: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, "i").exec(disposition);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : match[2];
}

/** The boundary parameter of a Content-Type, without quotes; undefined when it has none. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function startsWithAt(body: Uint8Array, pattern: Uint8Array, at: number): boolean {
  if (at < 0 || at + pattern.length > body.length) return false;
  for (let i = 0; i < pattern.length; i++) if (body[at + i] !== pattern[i]) return false;
  return true;
}

/** The first position >= from where `pattern` starts, jumping between its first byte with the native indexOf. */
function indexOfBytes(body: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let at = body.indexOf(pattern[0], Math.max(0, from)); at !== -1; at = body.indexOf(pattern[0], at + 1)) {
    if (startsWithAt(body, pattern, at)) return at;
  }
  return -1;
}

function malformed(why: string): ProblemError {
  return new ProblemError("malformed_body", `The multipart/form-data body could not be parsed: ${why}.`);
}
