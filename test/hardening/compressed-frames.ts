/**
 * Minimal valid MP3 and Ogg Opus streams built by hand, for "an MP3 or Ogg file renamed .wav" without ffmpeg or a
 * committed file. Both are silence a real decoder accepts (compressed-frames.test.ts decodes them with
 * mpg123-decoder and ogg-opus-decoder in Node). Pure: runs in workerd and in Node.
 */

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono, no CRC: sync FFE, version 11, layer 01, bitrate 1001, rate 00. */
const MP3_HEADER = [0xff, 0xfb, 0x90, 0xc0];
/** 144 * bitrate / sample rate, rounded down (no padding bit): 144 * 128000 / 44100. */
const MP3_FRAME_BYTES = 417;

/**
 * `frames` silent MP3 frames (1152 samples each): a header, then 17 bytes of side information that are all zero
 * (main_data_begin 0, no bits in either granule) and zero main data.
 */
export function mp3Frames(frames: number): Uint8Array {
  const out = new Uint8Array(frames * MP3_FRAME_BYTES);
  for (let i = 0; i < frames; i++) out.set(MP3_HEADER, i * MP3_FRAME_BYTES);
  return out;
}

/** An ID3v2.4 tag with no frames (10 bytes of header, 0 bytes of body) in front of the stream, as most MP3s have. */
export function withId3Tag(stream: Uint8Array): Uint8Array {
  const tag = [0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0];
  const out = new Uint8Array(tag.length + stream.length);
  out.set(tag);
  out.set(stream, tag.length);
  return out;
}

/** The Opus packet libopus emits for 20 ms of digital silence (CELT, full band, one frame). */
const OPUS_SILENCE_PACKET = [0xf8, 0xff, 0xfe];
/** Samples per Opus silence packet at the granule rate (48 kHz, 20 ms). */
const OPUS_PACKET_SAMPLES = 960;
const OPUS_PRE_SKIP = 312;
const OGG_SERIAL = 0x766f6963;

/** An Ogg Opus stream (RFC 7845): OpusHead, OpusTags, then `packets` pages of 20 ms of silence, the last one EOS. */
export function oggOpusStream(packets: number): Uint8Array {
  const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
  const le = (value: number, bytes: number) => Array.from({ length: bytes }, (_, i) => Math.floor(value / 256 ** i) & 255);
  const head = [...ascii("OpusHead"), 1, 1, ...le(OPUS_PRE_SKIP, 2), ...le(48000, 4), 0, 0, 0];
  const vendor = ascii("voiceguard");
  const tags = [...ascii("OpusTags"), ...le(vendor.length, 4), ...vendor, ...le(0, 4)];
  const pages = [
    oggPage({ flags: BEGINNING_OF_STREAM, granule: 0, sequence: 0, packet: head }),
    oggPage({ flags: 0, granule: 0, sequence: 1, packet: tags }),
  ];
  for (let i = 0; i < packets; i++) {
    pages.push(
      oggPage({
        flags: i === packets - 1 ? END_OF_STREAM : 0,
        granule: (i + 1) * OPUS_PACKET_SAMPLES,
        sequence: 2 + i,
        packet: OPUS_SILENCE_PACKET,
      }),
    );
  }
  const out = new Uint8Array(pages.reduce((sum, page) => sum + page.length, 0));
  let offset = 0;
  for (const page of pages) {
    out.set(page, offset);
    offset += page.length;
  }
  return out;
}

const BEGINNING_OF_STREAM = 0x02;
const END_OF_STREAM = 0x04;

/** One Ogg page holding one whole packet of under 255 bytes (a single lacing value). */
function oggPage({ flags, granule, sequence, packet }: { flags: number; granule: number; sequence: number; packet: number[] }) {
  const page = new Uint8Array(27 + 1 + packet.length);
  const view = new DataView(page.buffer);
  page.set([0x4f, 0x67, 0x67, 0x53, 0, flags]);
  view.setUint32(6, granule % 2 ** 32, true);
  view.setUint32(10, Math.floor(granule / 2 ** 32), true);
  view.setUint32(14, OGG_SERIAL, true);
  view.setUint32(18, sequence, true);
  page[26] = 1;
  page[27] = packet.length;
  page.set(packet, 28);
  view.setUint32(22, oggCrc(page), true);
  return page;
}

/** Ogg's CRC-32: polynomial 0x04C11DB7, initial value 0, not reflected, no final XOR, over the page with CRC 0. */
export function oggCrc(page: Uint8Array): number {
  let crc = 0;
  for (const byte of page) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}
