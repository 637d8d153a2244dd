/**
 * The page in headless Chromium against the real Worker under `wrangler dev`: every way in (WAV, MP3, other
 * formats, microphone) ends in a verdict and a playable timeline, and every failure (undecodable file, the API's
 * problem+json, no network) in an error and never a verdict. The page runs under a strict CSP and may not send a
 * request anywhere but the loopback origin. Skips when /usr/bin/chromium is missing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WaveFile } from "wavefile";
import { CHROMIUM_PATH, chromiumInstalled, type LaunchedChromium, launchChromium } from "./chromium";
import { type Guard, guardContext } from "./guard";
import { type DevServer, freePort, startWranglerDev } from "./wrangler-dev";

const ROOT = resolve(import.meta.dirname, "../..");
const SPEECH_WAV = resolve(ROOT, "../shared/golden/inputs/speech_real_1.wav");
const MP3_FIXTURE = resolve(import.meta.dirname, "fixtures/speech_real_1.mp3");
const SCREENSHOTS = resolve(ROOT, "reports/screenshots");
const HEADLINES = ["Likely real human speech", "Likely AI-generated", "Uncertain"];

const haveChromium = chromiumInstalled();
const haveSpeech = existsSync(SPEECH_WAV);
const haveFfmpeg = commandWorks("ffmpeg", ["-version"]);
if (!haveChromium) console.warn(`[e2e] SKIPPED: ${CHROMIUM_PATH} not found; install it with scripts/ensure-chromium.sh`);
else if (!haveSpeech) console.warn(`[e2e] real-speech tests SKIPPED: ${SPEECH_WAV} is absent`);

interface AnalysisBody {
  verdict: string;
  probability_fake: number;
  segments: { start_s: number; end_s: number; probability_fake: number }[];
  input: { sample_rate: number; channels: number; bit_depth: number };
  duration_s: number;
}

describe.skipIf(!haveChromium)("the page in Chromium against wrangler dev", () => {
  let server: DevServer;
  let browser: LaunchedChromium;
  let guard: Guard;
  let page: Page;

  beforeAll(async () => {
    // The same server under the name "localhost" is another origin: the page hosted apart from the API.
    const port = await freePort();
    server = await startWranglerDev({ port, vars: { ALLOWED_ORIGINS: `http://localhost:${port}` } });
    browser = await launchChromium({ width: 1000, height: 900 });
    guard = await guardContext(browser.context);
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    await page.goto(`${server.origin}/`);
  });

  it.skipIf(!haveSpeech)("shows a verdict, the API's probability and a timeline for a real-speech WAV", async () => {
    const body = await analyse(page, SPEECH_WAV);
    await expectVerdict(page, body);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "result-desktop.tmp.png"), fullPage: true });
  });

  it.skipIf(!haveSpeech)("plays the recording with a moving cursor, and a segment when it is clicked or chosen by keyboard", async () => {
    const body = await analyse(page, SPEECH_WAV);
    await page.click("#play-button");
    await page.waitForTimeout(600);
    expect(await page.textContent("#play-button")).toBe("Pause");
    expect(await playedSeconds(page)).toBeGreaterThan(0.2);
    expect(await page.getAttribute(".tl-cursor", "visibility")).toBe("visible");

    const last = body.segments.at(-1)!;
    await page.locator(".tl-hit").last().click();
    await page.waitForTimeout(200);
    expect(await playedSeconds(page)).toBeGreaterThanOrEqual(last.start_s);
    expect(await playedSeconds(page)).toBeLessThanOrEqual(last.end_s);

    await page.locator(".tl-hit").first().focus();
    await page.keyboard.press("End");
    expect(await page.locator(".tl-hit:focus").getAttribute("aria-label")).toBe(await page.locator(".tl-hit").last().getAttribute("aria-label"));
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(200);
    const first = body.segments[0];
    expect(await playedSeconds(page)).toBeLessThanOrEqual(first.end_s);
  });

  it.skipIf(!haveSpeech)("downloads exactly the API's JSON answer", async () => {
    const body = await analyse(page, SPEECH_WAV);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-button")]);
    expect(download.suggestedFilename()).toBe("speech_real_1.voiceguard.json");
    expect(JSON.parse(readFileSync((await download.path())!, "utf8"))).toEqual(body);
  });

  it.skipIf(!haveSpeech)("fits a 360 px phone screen", async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 360, height: 780 });
    await phone.goto(`${server.origin}/`);
    const body = await analyse(phone, SPEECH_WAV);
    await expectVerdict(phone, body);
    expect(await phone.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: join(SCREENSHOTS, "result-phone.tmp.png"), fullPage: true });
    await phone.close();
  });

  it("converts an MP3 in the browser and uploads 16 kHz mono 16-bit WAV", async () => {
    const body = await analyse(page, MP3_FIXTURE);
    await expectVerdict(page, body);
    expect(body.input).toMatchObject({ sample_rate: 16000, channels: 1, bit_depth: 16 });
    expect(body.duration_s).toBeGreaterThan(4);
  });

  describe.skipIf(!haveFfmpeg || !haveSpeech)("other formats, made from the WAV by ffmpeg", () => {
    let folder: string;
    beforeAll(() => {
      folder = mkdtempSync(join(tmpdir(), "voiceguard-formats-"));
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it.each([
      ["flac", []],
      ["ogg", ["-c:a", "libopus"]],
      ["m4a", ["-c:a", "aac"]],
      ["webm", ["-c:a", "libopus"]],
    ])("%s", async (extension, codec) => {
      const file = join(folder, `speech.${extension}`);
      execFileSync("ffmpeg", ["-loglevel", "error", "-y", "-i", SPEECH_WAV, "-ac", "2", "-ar", "48000", ...codec, file]);
      await expectVerdict(page, await analyse(page, file));
    });
  });

  it("shows an undecodable file as an error, never a verdict, and uploads nothing", async () => {
    const before = analyzeRequests(guard);
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    await page.setInputFiles("#file-input", { name: "broken.mp3", mimeType: "audio/mpeg", buffer: bytes });
    await page.locator("#error-card").waitFor();
    expect(await page.textContent("#error-title")).toBe("This file could not be decoded");
    expect(await page.isVisible("#result")).toBe(false);
    expect(analyzeRequests(guard)).toBe(before);
  });

  it("shows the API's problem+json (silent audio) as an error with its message, never a verdict", async () => {
    const silence = new WaveFile();
    silence.fromScratch(1, 16000, "16", new Int16Array(16000));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/v1/analyze")),
      page.setInputFiles("#file-input", { name: "silence.wav", mimeType: "audio/wav", buffer: Buffer.from(silence.toBuffer()) }),
    ]);
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    const problem = await response.json();
    await page.locator("#error-card").waitFor();
    expect(await page.textContent("#error-title")).toBe(problem.title);
    expect(await page.textContent("#error-detail")).toBe(problem.detail);
    expect(await page.textContent("#error-code")).toBe(`${problem.code}, HTTP ${response.status()}`);
    expect(await page.isVisible("#result")).toBe(false);
  });

  it("shows a network failure as an error, never a verdict", async () => {
    await page.route("**/api/v1/analyze*", (route) => route.abort("connectionrefused"));
    try {
      await page.setInputFiles("#file-input", MP3_FIXTURE);
      await page.locator("#error-card").waitFor();
      expect(await page.textContent("#error-title")).toBe("Could not reach the analysis service");
      expect(await page.isVisible("#result")).toBe(false);
    } finally {
      await page.unroute("**/api/v1/analyze*");
    }
  });

  it("works hosted at another origin with the API's origin set in config.js (the Pages set-up)", async () => {
    const pageOrigin = server.origin.replace("127.0.0.1", "localhost");
    const original = await (await fetch(`${server.origin}/config.js`)).text();
    expect(original).toContain('export const apiOrigin = "";');
    const configured = original.replace('export const apiOrigin = "";', `export const apiOrigin = "${server.origin}";`);
    // Both origins are loopback here, which Chromium's Local Network Access check refuses between origins; a
    // page on Pages calling an API on workers.dev (both public) is not subject to it.
    const apart = await launchChromium({ width: 1000, height: 900 }, ["--disable-features=LocalNetworkAccessChecks"]);
    try {
      const apartGuard = await guardContext(apart.context, server.origin);
      await apart.context.route(`${pageOrigin}/config.js`, (route) => route.fulfill({ contentType: "text/javascript", body: configured }));
      const apartPage = await apart.context.newPage();
      await apartPage.goto(`${pageOrigin}/`);
      await expectVerdict(apartPage, await analyse(apartPage, MP3_FIXTURE));
      const analyses = apartGuard.requests.filter((url) => url.includes("/api/v1/analyze"));
      expect(analyses.length).toBe(1);
      expect(analyses[0].startsWith(`${server.origin}/`)).toBe(true);
      expect(await apartPage.getAttribute("header a[data-api-path]", "href")).toBe(`${server.origin}/docs`);
      expect(apartGuard.foreign).toEqual([]);
      expect(apartGuard.cspViolations).toEqual([]);
    } finally {
      await apart.close();
    }
  });

  it("shows the model card from GET /api/v1/model", async () => {
    await page.click("header >> text=Model card");
    await page.locator("#card[aria-busy=false]").waitFor({ state: "attached" });
    expect(await page.isVisible("#card-error")).toBe(false);
    const headings = await page.locator(".card-section h2").allTextContents();
    expect(headings.slice(0, 3)).toEqual(["Identity", "Metrics", "Training data"]);
    const card = (await (await fetch(`${server.origin}/api/v1/model`)).json()) as { sha256: string };
    expect(await page.textContent(".card-section")).toContain(card.sha256);
  });

  it.skipIf(!haveSpeech)("records from the microphone with a level meter and a timer, then analyses the recording", async () => {
    const fakeMicrophone = await launchChromium({ width: 1000, height: 900 }, [
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-audio-capture=${SPEECH_WAV}`,
    ]);
    try {
      const micGuard = await guardContext(fakeMicrophone.context);
      const micPage = await fakeMicrophone.context.newPage();
      await micPage.goto(`${server.origin}/`);
      await micPage.click("#record-button");
      await micPage.locator("#recording").waitFor();
      await micPage.waitForTimeout(3000);
      expect(await micPage.textContent("#record-timer")).toMatch(/^0:0[23] \/ 1:00$/);
      expect(await micPage.locator("#level-meter").evaluate((meter) => (meter as unknown as { value: number }).value)).toBeGreaterThan(0);
      const [response] = await Promise.all([
        micPage.waitForResponse((r) => r.url().includes("/api/v1/analyze")),
        micPage.click("#stop-button"),
      ]);
      const body = (await response.json()) as AnalysisBody;
      await expectVerdict(micPage, body);
      expect(body.duration_s).toBeGreaterThan(2);
      expect(await micPage.textContent("#result-name")).toBe("Microphone recording");
      expect(micGuard.foreign).toEqual([]);
      expect(micGuard.cspViolations).toEqual([]);
    } finally {
      await fakeMicrophone.close();
    }
  });

  it("does not serve the page's development files", async () => {
    for (const path of ["/js/wav-encoder.test.ts", "/tsconfig.json", "/README.md", "/.assetsignore"]) {
      expect((await fetch(`${server.origin}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${server.origin}/js/wav-encoder.js`)).status).toBe(200);
  });

  // Last on purpose: it judges every request the tests above made.
  it("sent no request beyond the loopback origin and broke no CSP rule", () => {
    expect(guard.requests).toContain(`${server.origin}/js/app.js`);
    expect(guard.requests.every((url) => url.startsWith(server.origin))).toBe(true);
    expect(guard.foreign).toEqual([]);
    expect(guard.cspViolations).toEqual([]);
  });
});

/** Uploads a file with the picker and resolves with the API's 200 body once the page has shown its result. */
async function analyse(page: Page, file: string): Promise<AnalysisBody> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/v1/analyze"), { timeout: 45_000 }),
    page.setInputFiles("#file-input", file),
  ]);
  expect(response.status(), await response.text()).toBe(200);
  await page.locator("#result").waitFor();
  return (await response.json()) as AnalysisBody;
}

async function expectVerdict(page: Page, body: AnalysisBody): Promise<void> {
  expect(await page.isVisible("#error-card")).toBe(false);
  expect(await page.getAttribute("#verdict-card", "data-verdict")).toBe(body.verdict);
  expect(HEADLINES).toContain(await page.textContent("#verdict-headline"));
  const percent = await page.textContent("#verdict-percent");
  // Whole percent, or with decimals where a whole one would read as equal to a threshold (format.js).
  expect(percent).toMatch(/^(<1|>99|\d{1,2}(\.\d{1,2})?)%$/);
  if (/^\d/.test(percent!)) expect(Math.abs(Number.parseFloat(percent!) - body.probability_fake * 100)).toBeLessThanOrEqual(0.5);
  expect(body.segments.length).toBeGreaterThan(0);
  expect(await page.locator(".tl-hit").count()).toBe(body.segments.length);
  expect(await page.locator(".tl-bar").count()).toBe(body.segments.length);
  expect((await page.getAttribute(".tl-wave", "d"))?.length).toBeGreaterThan(100);
  await page.locator("#announcer", { hasText: /^Result: / }).waitFor({ state: "attached" });
}

/** Seconds shown as played, from "0:01.2 / 0:04.5". */
async function playedSeconds(page: Page): Promise<number> {
  const [minutes, seconds] = (await page.textContent("#play-position"))!.split(" / ")[0].split(":");
  return Number(minutes) * 60 + Number(seconds);
}

function analyzeRequests(guard: Guard): number {
  return guard.requests.filter((url) => url.includes("/api/v1/analyze")).length;
}

function commandWorks(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
