// The session room: camera and network check, then video with everyone in the session (the
// patient and the therapist, plus the invitees of a couple or family booking: a mesh, see
// room/mesh.js); each person on camera has their own analysis switch, the therapist the live
// insight panel with readings by person. Nothing is recorded.
import { get, post } from "../api.js";
import { analysisSwitch } from "../room/consent.js";
import { insightPanel } from "../room/insight.js";
import { deviceSelects, explainMediaError, micMeter, openMedia, speakerTest, stopMedia } from "../room/media.js";
import { Mesh } from "../room/mesh.js";
import { networkTest } from "../room/network-test.js";
import { personReadings } from "../room/person-readings.js";
import { callChat } from "../room/chat.js";
import { locationStep } from "../room/location-step.js";
import { errorBox, flash, h, mount } from "../ui.js";
import { formatDateTime } from "../time.js";

const END_CHECK_MS = 3000;

export default async function room(main, { params, user, navigate }) {
  const sessionId = params.id;
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  const [session, ice, me] = await Promise.all([get(base), get("/config/ice"),
    user.role === "patient" ? get("/me") : null]);
  if (session.kind === "self_reflect") {
    navigate(`/self-reflect?session=${encodeURIComponent(sessionId)}`);
    return undefined;
  }
  if (["ended", "no_show", "cancelled"].includes(session.state)) {
    mount(main, h("h1", {}, "Session room"), h("p", { class: "state" }, `This session is ${session.state.replace("_", " ")}.`),
      session.state === "ended" ? h("p", {}, h("a", { class: "button secondary", href: `#/sessions/${encodeURIComponent(sessionId)}/summary` }, "Summary")) : null,
      h("a", { href: "#/bookings" }, "Your sessions"));
    return undefined;
  }
  const isTherapist = user.user_id === session.therapist_id;
  const names = new Map((session.people || []).map((p) => [p.user_id, p.name]));
  const roleOf = new Map((session.people || []).map((p) => [p.user_id, p.role]));
  const nameOf = (id) => names.get(id) || (id === session.therapist_id ? "Your therapist"
    : id === session.patient_id ? "The patient" : "A family member");
  const expected = isTherapist ? "Waiting for your patient…" : "Waiting for the others…";

  let stream = null;
  let meter = null;
  let speaker = null;
  let endWatch = null;
  let mesh = null;
  let consent = null;
  let insight = null;
  let screen = null;  // the shared screen's track while sharing
  let left = false;
  const mine = { muted: false, cameraOff: false, sharing: false };
  const localVideo = h("video", { class: "local", autoplay: true, muted: true, playsinline: true, "aria-label": "Your camera" });
  localVideo.muted = true;
  const overlay = h("div", { class: "overlay", "aria-live": "polite" }, "Checking your camera…");
  const tiles = h("div", { class: "tiles" });
  const videos = h("div", { class: "videos" }, tiles, localVideo, overlay);
  const status = h("p", { class: "small muted", "aria-live": "polite", "data-testid": "connection-status" });
  // Waiting room (#18): the other side's Today/dashboard page shows that this side is here.
  const told = h("p", { class: "notice", "data-testid": "other-told", hidden: true },
    isTherapist ? "Your patient has been told you are here: it shows on their home page."
      : "Your therapist has been told you are waiting: it shows on their Today page.");
  const chat = callChat({ send: (data) => mesh?.broadcast(data) || 0 });
  const controls = h("div", { class: "controls" });
  const side = h("div", {});
  const check = h("section", { class: "card" });
  const peers = new Map();  // user id → tile parts
  const whereabouts = user.role === "patient" ? locationStep(me, sessionId) : null;

  mount(main, h("h1", {}, "Session room"),
    h("p", { class: "muted" }, session.starts_at ? `Booked for ${formatDateTime(session.starts_at)}. ` : "",
      "Video and the chat go directly between you; nothing is recorded."),
    h("div", { class: "room" }, h("div", {}, videos, status, told, controls, check), side));

  async function acquire(ids = {}) {
    stopMedia(stream);
    meter?.stop();
    try {
      stream = await openMedia(ids);
    } catch (error) {
      mount(check, errorBox(new Error(explainMediaError(error)), () => acquire(ids)));
      overlay.textContent = "Camera not available";
      return false;
    }
    localVideo.srcObject = stream;
    localVideo.classList.add("solo");
    overlay.textContent = "";
    meter = micMeter(stream);
    speaker = speaker || speakerTest();
    mount(check, h("h2", {}, "Check your camera, microphone, speakers and network"),
      await deviceSelects(stream, acquire), meter.element, speaker.element, networkTest(ice).element,
      whereabouts?.element,
      h("button", { type: "button", id: "join-button", onclick: join }, "Join the session"));
    return true;
  }

  // --- the other participants' tiles ------------------------------------------------------
  function tileOf(peerId) {
    let parts = peers.get(peerId);
    if (parts) return parts;
    const video = h("video", { class: "remote", autoplay: true, playsinline: true,
      "aria-label": nameOf(peerId), "data-testid": "remote-video" });
    const badges = h("span", { class: "badges" });
    const state = h("span", { class: "peer-state", "data-testid": "peer-state", hidden: true });
    const element = h("figure", { class: "tile", "data-peer": peerId },
      video, h("figcaption", {}, h("span", { class: "name" }, nameOf(peerId)), badges, state));
    video.addEventListener("click", () => video.play().catch(() => {}));
    parts = { element, video, badges, state, media: {} };
    peers.set(peerId, parts);
    tiles.append(element);
    layout();
    if (!names.has(peerId)) refreshNames();
    return parts;
  }

  async function refreshNames() {  // an invitee who joined after this page loaded
    try {
      for (const p of (await get(base)).people || []) { names.set(p.user_id, p.name); roleOf.set(p.user_id, p.role); }
    } catch { return; }
    for (const [id, parts] of peers) {
      parts.element.querySelector(".name").textContent = nameOf(id);
      parts.video.setAttribute("aria-label", nameOf(id));
    }
  }

  function layout() {
    videos.classList.toggle("many", peers.size > 1);
    overlay.textContent = peers.size ? "" : expected;
    told.hidden = peers.size > 0 || !mesh;
  }

  function showMedia(peerId, media) {
    const parts = tileOf(peerId);
    parts.media = media;
    const badge = (on, testid, text) => (on ? h("span", { class: "badge", "data-testid": testid }, text) : null);
    mount(parts.badges, badge(media.muted, "peer-muted", "Muted"),
      badge(media.cameraOff, "peer-camera-off", "Camera is off"),
      badge(media.sharing, "peer-sharing", "Sharing their screen"));
    parts.element.classList.toggle("camera-off", Boolean(media.cameraOff) && !media.sharing);
  }

  function showPeerState(peerId, state) {
    const parts = peers.get(peerId);
    if (!parts) return;
    const reconnecting = state === "reconnecting";
    parts.state.hidden = !reconnecting;
    parts.state.textContent = reconnecting ? "Reconnecting…" : "";
    if (reconnecting) status.textContent = `Connection to ${nameOf(peerId)} interrupted: reconnecting…`;
    else if (state === "connected") status.textContent = "Connected";
    chat.setOpen(Boolean(mesh?.openChannels()));
  }

  function removeTile(peerId) {
    peers.get(peerId)?.element.remove();
    peers.delete(peerId);
    layout();
    status.textContent = `${nameOf(peerId)} left the room. They can come back.`;
    chat.setOpen(Boolean(mesh?.openChannels()));
  }

  // --- own media: mute, camera, screen --------------------------------------------------
  function announce() { mesh?.broadcast({ state: mine }); }

  function toggleButton(kind, onLabel, offLabel) {
    const button = h("button", { type: "button", class: "secondary", "aria-pressed": "false" }, onLabel);
    button.addEventListener("click", () => {
      const tracks = kind === "audio" ? stream.getAudioTracks() : stream.getVideoTracks();
      const off = button.getAttribute("aria-pressed") !== "true";
      tracks.forEach((t) => { t.enabled = !off; });
      button.setAttribute("aria-pressed", String(off));
      button.textContent = off ? offLabel : onLabel;
      mine[kind === "audio" ? "muted" : "cameraOff"] = off;
      announce();
    });
    return button;
  }

  function shareButton() {
    const button = h("button", { type: "button", class: "secondary", "aria-pressed": "false" }, "Share screen");
    async function stopSharing() {
      if (!screen) return;
      const track = screen;
      screen = null;
      track.onended = null;
      track.stop();
      await mesh?.sendVideo(null);
      localVideo.srcObject = stream;
      mine.sharing = false;
      button.textContent = "Share screen";
      button.setAttribute("aria-pressed", "false");
      announce();
    }
    button.addEventListener("click", async () => {
      if (screen) { await stopSharing(); return; }
      try {
        const shared = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
        screen = shared.getVideoTracks()[0];
      } catch (error) {
        status.textContent = error?.name === "NotAllowedError" ? "Screen sharing was not allowed." : `Could not share the screen: ${error.message}`;
        return;
      }
      screen.onended = stopSharing;  // the browser's own "Stop sharing" bar
      await mesh.sendVideo(screen);
      localVideo.srcObject = new MediaStream([screen]);
      mine.sharing = true;
      button.textContent = "Stop sharing";
      button.setAttribute("aria-pressed", "true");
      announce();
    });
    return button;
  }

  async function join() {
    const button = document.getElementById("join-button");
    if (button) button.disabled = true;
    if (whereabouts && !(await whereabouts.confirm())) {
      if (button) button.disabled = false;
      return;
    }
    try {
      await post(`${base}/join`);
    } catch (error) {
      if (button) button.disabled = false;
      if (!error?.redirected) mount(check, errorBox(error, join));
      return;
    }
    meter?.stop();
    meter = null;
    speaker?.stop();
    check.replaceChildren();
    check.hidden = true;
    localVideo.classList.remove("solo");
    mesh = new Mesh({
      sessionId, me: user.user_id, ice, stream,
      on: {
        joined: (peerId) => tileOf(peerId),
        track: (peerId, remote) => {
          const { video } = tileOf(peerId);
          if (video.srcObject === remote) return;  // ontrack fires once per track
          video.srcObject = remote;
          video.play().catch(() => { if (video.paused) status.textContent = "Click a video to start it."; });
        },
        state: showPeerState,
        channelOpen: (peerId) => { mesh.sendTo(peerId, { state: mine }); showPeerState(peerId, "connected"); },
        message: (peerId, data) => {
          if (data.state && typeof data.state === "object") showMedia(peerId, data.state);
          else if (data.text) chat.receive(nameOf(peerId), data.text);
        },
        left: removeTile,
        problem: (text) => { status.textContent = text; },
      },
    });
    layout();
    status.textContent = "Connecting…";
    await mesh.start();
    told.hidden = peers.size > 0;
    mount(controls, toggleButton("audio", "Mute", "Unmute"), toggleButton("video", "Camera off", "Camera on"),
      isTherapist ? shareButton() : null,
      h("button", { type: "button", class: "danger", onclick: leave }, "Leave"),
      isTherapist ? h("button", { type: "button", class: "secondary", onclick: endSession },
        session.invited ? "End session for everyone" : "End session for both") : null);
    if (!isTherapist) {
      endWatch = setInterval(watchForEnd, END_CHECK_MS);
      consent = analysisSwitch(sessionId, localVideo);
      mount(side, consent.element, chat.element);
    } else {
      const byPerson = personReadings(nameOf);
      insight = insightPanel(sessionId, { onFeed: (data) => byPerson.update(data) });
      mount(side, insight.element, ...(session.invited ? [h("section", { class: "card" }, byPerson.element)] : []),
        chat.element);
    }
  }

  async function watchForEnd() {  // the therapist may end the session for everyone
    try {
      const now = await get(base);
      if (now.state !== "ended" || left) return;
    } catch { return; }  // a missed check is retried on the next tick
    await teardown({ ended: true });
    flash("Your therapist ended the session.");
    navigate("/bookings");
  }

  async function teardown({ ended = false } = {}) {
    if (left) return;
    left = true;
    clearInterval(endWatch);
    meter?.stop();
    speaker?.stop();
    insight?.stop();
    screen?.stop();
    await consent?.stop();
    await mesh?.stop({ sayBye: !ended });
    stopMedia(stream);
    if (mesh && !ended) {
      try { await post(`${base}/leave`); } catch { /* leaving anyway */ }
    }
  }

  async function leave() {
    await teardown();
    flash("You left the session room.");
    navigate(isTherapist ? "/dashboard" : "/bookings");
  }

  async function endSession() {
    if (!confirm("End the session for everyone?")) return;
    await teardown();
    try { await post(`${base}/end`); flash("Session ended."); } catch (error) { flash(error.message, "error"); }
    navigate("/dashboard");
  }

  if (isTherapist) mount(side, h("section", { class: "card" }, h("h2", {}, "Live facial expression"),
    h("p", { class: "muted" }, "Appears once you join. It shows facial expression only, of each person who switches analysis on for themselves.")));
  else mount(side, h("section", { class: "card" }, h("h2", {}, "Emotion analysis"),
    h("p", { class: "muted" }, "After you join you can choose whether your own facial expression is analysed for your therapist. It is off unless you switch it on, and nobody else can switch it on for you.")));
  await acquire();
  const onUnload = () => { teardown(); };
  window.addEventListener("pagehide", onUnload);
  return () => {
    window.removeEventListener("pagehide", onUnload);
    teardown();
  };
}
