/**
 * A synthetic voiced signal: twelve harmonics of a pitch wandering around 120 Hz, at a syllable rate of 4 Hz, peak
 * about 0.6. Speech-like enough that silence trimming keeps all of it; used where real speech is absent (benchmarks)
 * or beside it (tests of formats real clips do not cover). Pure: no Node or Worker API.
 */
export function syntheticVoice(length: number, sampleRate: number): Float32Array {
  let phase = 0;
  return Float32Array.from({ length }, (_, i) => {
    const t = i / sampleRate;
    phase += (2 * Math.PI * (120 + 20 * Math.sin(2 * Math.PI * 0.7 * t))) / sampleRate;
    const syllable = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
    let voiced = 0;
    for (let k = 1; k <= 12; k += 1) voiced += Math.sin(k * phase) / k;
    return 0.2 * syllable * voiced;
  });
}
