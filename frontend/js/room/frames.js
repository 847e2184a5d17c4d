// Consented emotion analysis on the patient's side: sample the camera, batch, upload to S3.
//
// While switched on: one 320x240 JPEG every 500 ms (2 frames/s) from the patient's own video,
// and one batch every 2 s through an upload grant (a presigned S3 POST). Switching off or
// leaving stops sampling at once and drops frames not yet sent, so at most the batch already
// in flight arrives after that; a refused grant (consent off on the server) stops it too.
import { ApiError, post } from "../api.js";
import { encodeBatch, MAX_FRAMES } from "./batch-format.js";

export const FRAME_INTERVAL_MS = 500;
export const BATCH_INTERVAL_MS = 2000;  // the shortest the pipeline issue allows: fill time is most of the latency
const WIDTH = 320;
const HEIGHT = 240;
const RETRY_DELAYS_MS = [500, 1000, 2000];

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
    this.frames = [];
    this.nextGrant = null;
    this.generation = 0;
    this.running = false;
    this.stats = { sent: 0, failed: 0, frames: 0, lastError: null };
  }

  start() {
    if (this.running) return;
    this.running = true;
    const generation = ++this.generation;
    this.sampleTimer = setInterval(() => this.sample(generation), FRAME_INTERVAL_MS);
    this.batchTimer = setInterval(() => this.flush(generation), BATCH_INTERVAL_MS);
  }

  /** Stop now: no new frames, pending frames dropped, retries of older batches abandoned. */
  stop() {
    this.running = false;
    this.generation += 1;
    clearInterval(this.sampleTimer);
    clearInterval(this.batchTimer);
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

  sample(generation) {
    const video = this.video;
    if (generation !== this.generation || video.readyState < 2 || !video.videoWidth) return;
    const context = this.canvas.getContext("2d");
    context.drawImage(video, 0, 0, WIDTH, HEIGHT);
    const capturedAtMs = Date.now();
    this.canvas.toBlob((blob) => {
      if (blob && generation === this.generation) {
        this.frames.push({ capturedAtMs, blob });
        if (this.frames.length > MAX_FRAMES) this.frames.shift();  // uploads stalled: keep the newest
      }
    }, "image/jpeg", 0.8);
  }

  async flush(generation) {
    if (generation !== this.generation || !this.frames.length) return;
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
