/**
 * Reads a request body into memory, never holding more than `maxBytes` of it: reading stops and the stream is
 * cancelled as soon as the count passes the limit, whatever Content-Length claimed (or whether it was sent at all).
 * Memory is the bytes actually received, never a size a header announced.
 */
export type CappedBody = { ok: true; bytes: ArrayBuffer } | { ok: false; reason: "too_large" };

export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<CappedBody> {
  if (body === null) return { ok: true, bytes: new ArrayBuffer(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

/** One buffer holding exactly the body; a single chunk that already is one is passed on without a copy. */
function concat(chunks: readonly Uint8Array[], total: number): ArrayBuffer {
  const only = chunks.length === 1 ? chunks[0] : undefined;
  if (only && only.buffer instanceof ArrayBuffer && only.byteOffset === 0 && only.buffer.byteLength === total) {
    return only.buffer;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
