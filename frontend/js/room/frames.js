// Consented emotion analysis on the patient's side: sample the camera, batch, upload to S3.
//
// While switched on: one 320x240 JPEG every 500 ms (2 frames/s) from the patient's own video,
// sent in one batch every 2 s through an upload grant (a presigned S3 POST) while the face is
// steady. When the picture changes, the batch goes at once instead of waiting for its 2 s:
// every CHANGE_CHECK_MS a 64x48 grey thumbnail is compared with the newest frame already
// sent; when enough of it changed (CHANGED_SHARE_AT), a frame is taken now and one more
// FOLLOW_UP_MS later (two agreeing frames name a new expression on the therapist's panel,
// emotecare/pipeline/reading.py), and the batch leaves. The first frames after switching on,
// and after a pause of the camera, go the same way. Early batches cost an invocation and an
// upload each, so they are rationed (EARLY_SENDS_HELD, one more earned every
// EARLY_SEND_EARNED_MS): whatever the camera does, batches stay under 1.3x today's rate.
// Switching off or leaving stops sampling at once and drops frames not yet sent, so at most
// the batch already in flight arrives after that; a refused grant (consent off on the
// server) stops it too.
import { ApiError, post } from "../api.js";
import { encodeBatch, MAX_FRAMES } from "./batch-format.js";

export const FRAME_INTERVAL_MS = 500;
export const BATCH_INTERVAL_MS = 2000;  // while steady: fill time is most of the latency, batches most of the cost
export const CHANGE_CHECK_MS = 100;
export const FOLLOW_UP_MS = 150;
export const PAUSE_MS = 2000;  // no frame for this long (camera stalled): the next one goes at once
export const THUMB_WIDTH = 64;
export const THUMB_HEIGHT = 48;
export const PIXEL_CHANGED_AT = 24;  // grey levels: above a webcam's noise between two frames
export const CHANGED_SHARE_AT = 0.01;  // of the thumbnail's pixels
export const EARLY_SENDS_HELD = 2;
export const EARLY_SEND_EARNED_MS = 6000;  // worst case 0.5 + 1/6 batches/s: 1.33x the batches
const WIDTH = 320;
const HEIGHT = 240;
const RETRY_DELAYS_MS = [500, 1000, 2000];

/** Share of the thumbnail's pixels whose grey level moved by more than PIXEL_CHANGED_AT. */
export function changeScore(thumb, reference) {
  let changed = 0;
  for (let i = 0; i < thumb.length; i += 1) {
    if (Math.abs(thumb[i] - reference[i]) > PIXEL_CHANGED_AT) changed += 1;
  }
  return changed / thumb.length;
}

export class FrameUploader {
  /**
   * @param video the <video> showing the patient's own camera
   * @param sessionId the session the frames belong to
   * @param onStatus called with {sent, failed, lastError} after each batch
   */
  constructor(video, sessionId, onStatus = () => {}) {
    this.video = video;
    this.sessionId = sessionId;
    this.onStatus = onStatus;
    this.canvas = document.createElement("canvas");
    this.canvas.width = WIDTH;
    this.canvas.height = HEIGHT;
    this.thumbCanvas = document.createElement("canvas");
    this.thumbCanvas.width = THUMB_WIDTH;
    this.thumbCanvas.height = THUMB_HEIGHT;
    this.frames = [];
    this.nextGrant = null;
    this.generation = 0;
    this.running = false;
    this.stats = { sent: 0, failed: 0, frames: 0, early: 0, lastError: null };
  }

  start() {
    if (this.running) return;
    this.running = true;
    const generation = ++this.generation;
    const now = Date.now();
    Object.assign(this, { lastCaptureAt: 0, lastFlushAt: now, sentThumb: null, newestThumb: null,
      sendingChange: false, earlySends: EARLY_SENDS_HELD, earnedAt: now });
    this.checkTimer = setInterval(() => this.check(generation), CHANGE_CHECK_MS);
  }

  /** Stop now: no new frames, pending frames dropped, retries of older batches abandoned. */
  stop() {
    this.running = false;
    this.generation += 1;
    clearInterval(this.checkTimer);
    this.frames = [];
    this.nextGrant = null;
  }

  // The next batch's grant is asked for as soon as one is used, so a full batch goes straight
  // to storage instead of waiting on an API round trip (grants last minutes; batches, 2 s).
  takeGrant() {
    const grant = this.nextGrant || this.requestGrant();
    this.nextGrant = this.requestGrant();
    return grant;
  }

  requestGrant() {
    const pending = post(`/sessions/${encodeURIComponent(this.sessionId)}/frames/grant`);
    pending.catch(() => {});  // a refused grant is reported when a batch uses it
    return pending;
  }

  // Every CHANGE_CHECK_MS: a frame at once when the picture changed (or on the first frame,
  // or after a pause), else one every FRAME_INTERVAL_MS and a batch every BATCH_INTERVAL_MS.
  check(generation) {
    const video = this.video;
    if (generation !== this.generation || this.sendingChange) return;
    if (video.readyState < 2 || !video.videoWidth) return;
    const now = Date.now();
    const thumb = this.thumbnail();
    const first = !this.sentThumb && !this.frames.length;
    const paused = this.lastCaptureAt > 0 && now - this.lastCaptureAt > PAUSE_MS;
    const changed = this.sentThumb && changeScore(thumb, this.sentThumb) >= CHANGED_SHARE_AT
      && this.takeEarlySend(now);
    if (first || paused || changed) {
      this.sendChange(generation, thumb);
      return;
    }
    if (now - this.lastCaptureAt >= FRAME_INTERVAL_MS) this.capture(generation, thumb);
    if (now - this.lastFlushAt >= BATCH_INTERVAL_MS) this.flush(generation);
  }

  /** Whether an early batch is allowed now (the ration), and if so, spend it. */
  takeEarlySend(now) {
    this.earlySends = Math.min(EARLY_SENDS_HELD, this.earlySends + (now - this.earnedAt) / EARLY_SEND_EARNED_MS);
    this.earnedAt = now;
    if (this.earlySends < 1) return false;
    this.earlySends -= 1;
    return true;
  }

  async sendChange(generation, thumb) {
    this.sendingChange = true;
    try {
      await this.capture(generation, thumb);
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_UP_MS));
      if (generation !== this.generation) return;
      await this.capture(generation, this.thumbnail());
      this.stats.early += 1;
      this.flush(generation);
    } finally {
      this.sendingChange = false;
    }
  }

  /** The video as a THUMB_WIDTH x THUMB_HEIGHT grey image (one byte a pixel). */
  thumbnail() {
    const context = this.thumbCanvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(this.video, 0, 0, THUMB_WIDTH, THUMB_HEIGHT);
    const rgba = context.getImageData(0, 0, THUMB_WIDTH, THUMB_HEIGHT).data;
    const grey = new Uint8Array(THUMB_WIDTH * THUMB_HEIGHT);
    for (let i = 0; i < grey.length; i += 1) {
      grey[i] = (rgba[4 * i] * 77 + rgba[4 * i + 1] * 150 + rgba[4 * i + 2] * 29) >> 8;
    }
    return grey;
  }

  /** One JPEG of the video, added to the pending frames when encoded. */
  capture(generation, thumb) {
    this.lastCaptureAt = Date.now();
    this.newestThumb = thumb;
    const context = this.canvas.getContext("2d");
    context.drawImage(this.video, 0, 0, WIDTH, HEIGHT);
    const capturedAtMs = Date.now();
    return new Promise((resolve) => this.canvas.toBlob((blob) => {
      if (blob && generation === this.generation) {
        this.frames.push({ capturedAtMs, blob });
        if (this.frames.length > MAX_FRAMES) this.frames.shift();  // uploads stalled: keep the newest
      }
      resolve();
    }, "image/jpeg", 0.8));
  }

  async flush(generation) {
    this.lastFlushAt = Date.now();
    if (generation !== this.generation || !this.frames.length) return;
    this.sentThumb = this.newestThumb;  // later frames are compared with what the server has seen
    const frames = this.frames.splice(0, MAX_FRAMES);
    try {
      const batch = await encodeBatch(frames);
      await this.upload(batch, generation);
      this.stats.sent += 1;
      this.stats.frames += frames.length;
      this.stats.lastError = null;
    } catch (error) {
      if (error?.abandoned) return;
      this.stats.failed += 1;
      this.stats.lastError = error.message;
      if (error instanceof ApiError && [401, 403, 404, 409].includes(error.status)) this.stop();
    }
    this.onStatus({ ...this.stats, running: this.running });
  }

  async upload(batch, generation) {
    let grant = null;
    for (let attempt = 0; ; attempt += 1) {
      if (generation !== this.generation) throw Object.assign(new Error("stopped"), { abandoned: true });
      try {
        // One grant (one key) per batch: a retry after a lost response rewrites the same key,
        // which the pipeline treats as the same batch. A refused grant means consent is off.
        if (!grant) grant = await (attempt === 0 ? this.takeGrant() : this.requestGrant());
        if (batch.size > (grant.max_bytes || Infinity)) throw new Error("batch larger than the upload limit");
        const form = new FormData();
        for (const [key, value] of Object.entries(grant.fields || {})) form.append(key, value);
        form.append("file", batch, "frames.ecb");  // S3 wants the file as the last field
        let response;
        try {
          response = await fetch(grant.url, { method: "POST", body: form });
        } catch {
          throw new Error("could not reach the upload storage");
        }
        if (!response.ok) {
          if (response.status === 403 || response.status === 400) grant = null;  // expired or refused: ask again
          throw new Error(`upload refused by storage (${response.status})`);
        }
        return;
      } catch (error) {
        const permanent = error instanceof ApiError && error.status >= 400 && error.status < 500;
        if (permanent || attempt >= RETRY_DELAYS_MS.length) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt] * (1 + Math.random() * 0.2)));
      }
    }
  }
}
