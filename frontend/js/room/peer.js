// The video link between patient and therapist: one RTCPeerConnection, negotiated by polling.
//
// Protocol on the four signal types of the API:
//   - On joining, each side skips older signals (they belong to earlier connections).
//   - The therapist offers: on joining, and again whenever the patient says it (re)joined.
//   - The patient sends `bye {reason: "joined"}` on joining (so a therapist already there
//     offers afresh) and answers every offer with a new connection.
//   - Every offer carries a random `nonce`; answers and candidates carry the nonce of the
//     connection they belong to, so stale ones are ignored.
//   - `bye {reason: "left"}` closes the connection; the room waits for the other side.
import { Signalling } from "./signalling.js";

export class PeerLink {
  constructor({ sessionId, role, iceServers, stream, onRemoteStream, onStatus, onDataChannel }) {
    this.role = role;
    this.onDataChannel = onDataChannel || (() => {});
    this.iceServers = iceServers || [];
    this.stream = stream;
    this.onRemoteStream = onRemoteStream;
    this.onStatus = onStatus || (() => {});
    this.signalling = new Signalling(sessionId, (m) => this.receive(m),
      (error) => this.onStatus(`Connection problem: ${error.message}`));
    this.pc = null;
    this.nonce = null;
    this.pendingCandidates = [];
    this.sendChain = Promise.resolve();
  }

  async start() {
    this.onStatus("Connecting…");
    await this.signalling.skipHistory();
    this.signalling.start();
    if (this.role === "therapist") await this.offer();
    else this.send("bye", { reason: "joined" });
    this.onStatus(this.role === "therapist" ? "Waiting for your patient to join…" : "Waiting for your therapist…");
  }

  /** Send in order: an answer must reach the other side before its candidates. */
  send(type, payload) {
    this.sendChain = this.sendChain.then(() => this.signalling.send(type, payload)).catch((error) => {
      if (!error?.redirected) this.onStatus(`Could not reach the other side: ${error.message}`);
    });
    return this.sendChain;
  }

  newConnection(nonce) {
    this.closeConnection();
    this.nonce = nonce;
    this.pendingCandidates = [];
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.pc = pc;
    for (const track of this.stream.getTracks()) pc.addTrack(track, this.stream);
    // The in-call chat (room/chat.js): a negotiated channel both sides open with the same id,
    // created before the offer or answer so the SDP carries it. Peer to peer, never stored.
    this.onDataChannel(pc.createDataChannel("chat", { negotiated: true, id: 0 }));
    pc.onicecandidate = ({ candidate }) => {
      if (candidate && this.pc === pc) this.send("candidate", { nonce, candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ streams, track }) => {
      if (this.pc === pc) this.onRemoteStream(streams[0] || new MediaStream([track]));
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      const text = { connected: "Connected", connecting: "Connecting…", disconnected: "Connection interrupted…",
        failed: "The connection failed. Waiting to reconnect…", closed: "Disconnected" }[pc.connectionState];
      if (text) this.onStatus(text);
      if (pc.connectionState === "failed" && this.role === "therapist") this.offer();
    };
    return pc;
  }

  async offer() {
    const nonce = Math.random().toString(36).slice(2, 12);
    const pc = this.newConnection(nonce);
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.send("offer", { nonce, sdp: pc.localDescription.sdp });
  }

  async receive(message) {
    const { type, payload = {} } = message;
    try {
      if (type === "offer" && this.role === "patient") {
        const pc = this.newConnection(payload.nonce);
        await pc.setRemoteDescription({ type: "offer", sdp: payload.sdp });
        await this.flushCandidates();
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        this.send("answer", { nonce: payload.nonce, sdp: pc.localDescription.sdp });
      } else if (type === "answer" && this.role === "therapist") {
        if (payload.nonce !== this.nonce || this.pc?.signalingState !== "have-local-offer") return;
        await this.pc.setRemoteDescription({ type: "answer", sdp: payload.sdp });
        await this.flushCandidates();
      } else if (type === "candidate") {
        if (payload.nonce !== this.nonce || !this.pc) return;
        if (this.pc.remoteDescription) await this.pc.addIceCandidate(payload.candidate);
        else this.pendingCandidates.push(payload.candidate);
      } else if (type === "bye") {
        if (payload.reason === "joined" && this.role === "therapist") {
          await this.offer();
        } else if (payload.reason === "left") {
          this.closeConnection();
          this.onRemoteStream(null);
          this.onStatus(this.role === "therapist" ? "Your patient left the room. They can come back."
            : "Your therapist left the room. Please wait or leave.");
        }
      }
    } catch (error) {
      this.onStatus(`Connection problem: ${error.message}`);
    }
  }

  async flushCandidates() {
    const waiting = this.pendingCandidates.splice(0);
    for (const candidate of waiting) await this.pc.addIceCandidate(candidate);
  }

  closeConnection() {
    if (this.pc) {
      this.pc.onicecandidate = this.pc.ontrack = this.pc.onconnectionstatechange = null;
      this.pc.close();
      this.onDataChannel(null);
    }
    this.pc = null;
  }

  /** Leave: tell the other side (unless the session has ended: nobody to tell, and the API
   * refuses signals then), stop polling, close the connection. */
  async stop({ sayBye = true } = {}) {
    this.signalling.stop();
    this.closeConnection();
    if (sayBye) await this.send("bye", { reason: "left" });
  }
}
