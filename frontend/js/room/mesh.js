// The room as a mesh: one PeerLink (room/peer.js) per other participant, all negotiated over
// the one polling signalling channel (room/signalling.js). Up to seven people (a family
// booking's patient, five invitees and the therapist): each browser then sends its camera six
// times, which is the ceiling of a mesh (docs/video.md says what an SFU would change).
//
// Joining: a newcomer says `bye {reason: "joined"}` to everyone. Whoever of a pair has the
// smaller user id offers; the other, hearing a newcomer, replies `joined` to them alone
// (`reply: true`) so that the smaller one learns it must offer. `bye {reason: "left"}` closes
// the link to whoever left; the others stay connected.
import { get } from "../api.js";
import { PeerLink } from "./peer.js";
import { Signalling } from "./signalling.js";

const ICE_REFRESH_BEFORE_S = 60;  // TURN credentials are short-lived: fetch new ones in time

export class Mesh {
  /**
   * @param on {joined(peerId), track(peerId, stream), state(peerId, state), message(peerId, data),
   *            channelOpen(peerId), left(peerId), problem(text)}
   */
  constructor({ sessionId, me, ice, stream, on }) {
    Object.assign(this, { sessionId, me, ice, stream, on });
    this.links = new Map();
    this.channels = new Map();
    this.sendChain = Promise.resolve();
    this.signalling = new Signalling(sessionId, (m) => this.receive(m),
      (error) => on.problem(`Connection problem: ${error.message}`));
  }

  async start() {
    await this.signalling.skipHistory();
    this.signalling.start();
    this.send("bye", { reason: "joined" });
  }

  /** Sent in order: an answer must reach its peer before its candidates. */
  send(type, payload, to) {
    this.sendChain = this.sendChain.then(() => this.signalling.send(type, payload, to)).catch((error) => {
      if (!error?.redirected) this.on.problem(`Could not reach the others: ${error.message}`);
    });
    return this.sendChain;
  }

  async freshIce() {
    const expires = this.ice.turn_expires_at;
    if (expires && expires - Date.now() / 1000 < ICE_REFRESH_BEFORE_S) {
      try { this.ice = await get("/config/ice"); } catch { /* keep the old ones; a retry follows */ }
    }
  }

  link(peerId) {
    let link = this.links.get(peerId);
    if (!link) {
      link = new PeerLink({
        peerId, offerer: this.me < peerId, stream: this.stream,
        iceServers: () => this.ice.ice_servers || [],
        send: (type, payload) => this.send(type, payload, peerId),
        on: {
          track: (stream) => this.on.track(peerId, stream),
          state: (state) => this.on.state(peerId, state),
          channel: (channel) => this.attachChannel(peerId, channel),
        },
      });
      if (this.videoTrack) link.videoTrack = this.videoTrack;
      this.links.set(peerId, link);
      this.on.joined(peerId);
    }
    return link;
  }

  attachChannel(peerId, channel) {
    const old = this.channels.get(peerId);
    if (old) old.onopen = old.onclose = old.onmessage = null;
    if (!channel) { this.channels.delete(peerId); this.on.state(peerId, "channel-closed"); return; }
    this.channels.set(peerId, channel);
    channel.onopen = () => this.on.channelOpen(peerId);
    channel.onclose = () => this.on.state(peerId, "channel-closed");
    channel.onmessage = ({ data }) => {
      try { this.on.message(peerId, JSON.parse(data)); } catch { /* not ours */ }
    };
  }

  async receive({ type, payload = {}, from }) {
    if (!from || from === this.me) return;
    try {
      if (type === "bye" && payload.reason === "left") {
        this.drop(from);
      } else if (type === "bye" && payload.reason === "joined") {
        const link = this.link(from);
        await this.freshIce();
        if (link.offerer) await link.offer();
        else if (!payload.reply) this.send("bye", { reason: "joined", reply: true }, from);
      } else if (type === "offer" || type === "answer" || type === "candidate") {
        if (type === "offer") await this.freshIce();
        await this.link(from).receive(type, payload);
      }
    } catch (error) {
      this.on.problem(`Connection problem: ${error.message}`);
    }
  }

  drop(peerId) {
    this.links.get(peerId)?.close();
    this.links.delete(peerId);
    this.on.left(peerId);
  }

  /** Send `data` (JSON) to everyone whose channel is open; returns how many got it. */
  broadcast(data) {
    let sent = 0;
    for (const channel of this.channels.values()) {
      if (channel.readyState === "open") { channel.send(JSON.stringify(data)); sent += 1; }
    }
    return sent;
  }

  sendTo(peerId, data) {
    const channel = this.channels.get(peerId);
    if (channel?.readyState === "open") channel.send(JSON.stringify(data));
  }

  openChannels() {
    return [...this.channels.values()].filter((c) => c.readyState === "open").length;
  }

  /** Send `track` instead of the camera to everyone (a shared screen); null: the camera. */
  async sendVideo(track) {
    this.videoTrack = track;
    await Promise.all([...this.links.values()].map((link) => link.sendVideo(track)));
  }

  /** Leave: stop polling, close every link, tell the others (unless the session has ended:
   * nobody to tell, and the API refuses signals then). */
  async stop({ sayBye = true } = {}) {
    this.signalling.stop();
    for (const link of this.links.values()) link.close();
    this.links.clear();
    if (sayBye) await this.send("bye", { reason: "left" });
  }
}
