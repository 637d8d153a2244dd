import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app";
import { AUDIO_ERROR_CODES } from "../../src/audio/errors";
import { call, expectProblem, rawWav } from "./call";
import { fakeAnalyzer, fakeFailure } from "./fake-analyzer";

const app = createApp(fakeAnalyzer());

/** The contract from the API issue: not a WAV at all 415, a WAV we cannot read 400, too little to judge 422. */
const EXPECTED_STATUS: Record<(typeof AUDIO_ERROR_CODES)[number], number> = {
  empty_input: 415,
  not_wav: 415,
  unsupported_codec: 415,
  malformed_header: 400,
  truncated: 400,
  too_many_chunks: 400,
  invalid_channels: 400,
  invalid_sample_rate: 400,
  invalid_bit_depth: 400,
  non_finite_samples: 400,
  no_samples: 400,
  silent_audio: 422,
  too_short: 422,
};

describe("decoder errors become problems", () => {
  it("covers every AudioError code", () => {
    expect(Object.keys(EXPECTED_STATUS).sort()).toEqual([...AUDIO_ERROR_CODES].sort());
  });

  it.each(AUDIO_ERROR_CODES.map((code) => [code, EXPECTED_STATUS[code]] as const))(
    "%s -> %i",
    async (code, status) => {
      const problem = await expectProblem(await call(app, "/api/v1/analyze", rawWav(fakeFailure(code))), status, code);
      expect(problem.detail).toContain(`Fake failure ${code}.`);
      const hint = "the web page converts MP3, M4A, OGG, FLAC and WebM to WAV in the browser";
      if (status === 415) expect(problem.detail).toContain(hint);
      else expect(problem.detail).not.toContain(hint);
    },
  );
});
