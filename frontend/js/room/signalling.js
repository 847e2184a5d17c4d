// WebRTC signalling through the API by polling (docs/API.md: /sessions/{id}/signals).
import { get, post } from "../api.js";

const POLL_MS = 700;

export class Signalling {
  constructor(sessionId, onMessage, onError = () => {}) {
    this.path = `/sessions/${encodeURIComponent(sessionId)}/signals`;
    this.onMessage = onMessage;
    this.onError = onError;
    this.cursor = null;
    this.stopped = false;
  }

  /** `to`: one participant's user id; omitted, the message goes to everyone in the room. */
  send(type, payload, to) {
    return post(this.path, to ? { type, payload, to } : { type, payload });
  }

  /** Skip what was said before we arrived (an old offer belongs to an old connection). */
  async skipHistory() {
    for (let i = 0; i < 50; i += 1) {
      const data = await get(this.path, this.cursor ? { since: this.cursor } : {});
      const moved = data.next && data.next !== this.cursor;
      this.cursor = data.next || this.cursor;
      if (!moved) break;
    }
  }

  start() {
    const tick = async () => {
      if (this.stopped) return;
      try {
        const data = await get(this.path, this.cursor ? { since: this.cursor } : {});
        this.cursor = data.next || this.cursor;
        for (const message of data.signals || []) await this.onMessage(message);
      } catch (error) {
        if (error?.redirected) return;
        this.onError(error);
      }
      if (!this.stopped) this.timer = setTimeout(tick, POLL_MS);
    };
    tick();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
