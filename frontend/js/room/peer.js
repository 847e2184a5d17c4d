// One link of the room's mesh (room/mesh.js): the RTCPeerConnection between this browser and
// one other participant, with its in-call data channel.
//
// Of each pair, the participant with the smaller user id offers (so two browsers never offer
// to each other at once); the other answers. Every fresh connection carries a random `nonce`;
// answers and candidates name it, so stale ones are ignored. When the connection drops, the
// offerer restarts ICE on the same connection (an offer with `restart: true` and the same
// nonce) until it is back, so nobody leaves the room and the data channel survives; the
// answerer just shows "Reconnecting…" and answers.

const RESTART_EVERY_MS = 2500;  // while disconnected: a lost restart offer is tried again

export class PeerLink {
  /**
   * @param peerId the other participant's user id
   * @param offerer whether this side makes the offers
   * @param iceServers () → RTCIceServer list (STUN, and TURN with short-lived credentials,
   *        kept fresh by the mesh)
   * @param stream this browser's camera and microphone
   * @param send (type, payload) → posts a signalling message to the other participant
   * @param on {track(stream), state(text), channel(RTCDataChannel|null)}
   */
  constructor({ peerId, offerer, iceServers, stream, send, on }) {
    Object.assign(this, { peerId, offerer, iceServers, stream, send, on });
    this.pc = null;
    this.nonce = null;
    this.pendingCandidates = [];
    this.restartTimer = null;
    this.videoTrack = null;  // what is sent instead of the camera (a shared screen)
  }

  newConnection(nonce) {
    this.close();
    this.nonce = nonce;
    this.pendingCandidates = [];
    const pc = new RTCPeerConnection({ iceServers: this.iceServers() });
    this.pc = pc;
    for (const track of this.stream.getTracks()) {
      pc.addTrack(track.kind === "video" && this.videoTrack ? this.videoTrack : track, this.stream);
    }
    // The in-call chat and media-state messages: a negotiated channel both sides open with
    // the same id, created before the offer or answer so the SDP carries it.
    this.on.channel(pc.createDataChannel("chat", { negotiated: true, id: 0 }));
    pc.onicecandidate = ({ candidate }) => {
      if (candidate && this.pc === pc) this.send("candidate", { nonce, candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ streams, track }) => {
      if (this.pc === pc) this.on.track(streams[0] || new MediaStream([track]));
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      const state = pc.connectionState;
      if (state === "connected") {
        clearInterval(this.restartTimer);
        this.restartTimer = null;
        this.on.state("connected");
      } else if (state === "disconnected" || state === "failed") {
        this.on.state("reconnecting");
        this.keepRestarting();
      } else if (state === "connecting" || state === "new") {
        this.on.state("connecting");
      }
    };
    return pc;
  }

  /** A fresh connection (offerer only). */
  async offer() {
    const nonce = Math.random().toString(36).slice(2, 12);
    const pc = this.newConnection(nonce);
    await pc.setLocalDescription(await pc.createOffer());
    this.send("offer", { nonce, sdp: pc.localDescription.sdp });
  }

  /** ICE restart on the same connection: the room, the tracks and the chat channel stay. */
  async restart() {
    const pc = this.pc;
    if (!pc || pc.connectionState === "connected" || pc.connectionState === "closed") return;
    pc.setConfiguration({ ...pc.getConfiguration(), iceServers: this.iceServers() });
    if (pc.signalingState !== "stable") await pc.setLocalDescription({ type: "rollback" }).catch(() => {});
    await pc.setLocalDescription(await pc.createOffer({ iceRestart: true }));
    this.send("offer", { nonce: this.nonce, sdp: pc.localDescription.sdp, restart: true });
  }

  keepRestarting() {
    if (!this.offerer || this.restartTimer) return;
    const attempt = () => this.restart().catch(() => {});
    attempt();
    this.restartTimer = setInterval(attempt, RESTART_EVERY_MS);
  }

  async receive(type, payload) {
    if (type === "offer") {
      const restartOfThis = payload.restart && payload.nonce === this.nonce && this.pc;
      const pc = restartOfThis ? this.pc : this.newConnection(payload.nonce);
      await pc.setRemoteDescription({ type: "offer", sdp: payload.sdp });
      await this.flushCandidates();
      await pc.setLocalDescription(await pc.createAnswer());
      this.send("answer", { nonce: payload.nonce, sdp: pc.localDescription.sdp });
    } else if (type === "answer") {
      if (payload.nonce !== this.nonce || this.pc?.signalingState !== "have-local-offer") return;
      await this.pc.setRemoteDescription({ type: "answer", sdp: payload.sdp });
      await this.flushCandidates();
    } else if (type === "candidate") {
      if (payload.nonce !== this.nonce || !this.pc) return;
      if (this.pc.remoteDescription) await this.pc.addIceCandidate(payload.candidate).catch(() => {});
      else this.pendingCandidates.push(payload.candidate);
    }
  }

  async flushCandidates() {
    const waiting = this.pendingCandidates.splice(0);
    for (const candidate of waiting) await this.pc.addIceCandidate(candidate).catch(() => {});
  }

  /** Send `track` instead of the camera (a shared screen), or the camera again with null. */
  async sendVideo(track) {
    this.videoTrack = track;
    const sender = this.pc?.getSenders().find((s) => s.track?.kind === "video");
    const camera = this.stream.getVideoTracks()[0];
    if (sender) await sender.replaceTrack(track || camera);
  }

  close() {
    clearInterval(this.restartTimer);
    this.restartTimer = null;
    if (this.pc) {
      this.pc.onicecandidate = this.pc.ontrack = this.pc.onconnectionstatechange = null;
      this.pc.close();
      this.on.channel(null);
    }
    this.pc = null;
  }
}
