// The camera and microphone: the pre-call check, device choice and a microphone level meter.
import { h } from "../ui.js";

const EXPLAIN = {
  NotAllowedError: "The browser was not allowed to use your camera or microphone. Allow them in the address bar, then try again.",
  NotFoundError: "No camera or microphone was found. Plug one in, then try again.",
  NotReadableError: "Your camera or microphone is in use by another app. Close it, then try again.",
  OverconstrainedError: "The chosen camera or microphone is not available. Pick another one.",
};

export function explainMediaError(error) {
  return EXPLAIN[error?.name] || `Could not start your camera: ${error?.message || error}`;
}

/** Open the camera (and microphone when `audio`); returns a MediaStream. */
export async function openMedia({ videoId, audioId, audio = true } = {}) {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new Error("This browser cannot use a camera here. Use a recent Chrome, Edge, Firefox or Safari over https.");
  }
  const video = { width: { ideal: 640 }, height: { ideal: 480 }, ...(videoId ? { deviceId: { exact: videoId } } : {}) };
  try {
    return await navigator.mediaDevices.getUserMedia({
      video, audio: audio ? (audioId ? { deviceId: { exact: audioId } } : true) : false,
    });
  } catch (error) {
    if (audio && error?.name === "NotFoundError") {
      return navigator.mediaDevices.getUserMedia({ video, audio: false });  // camera only
    }
    throw error;
  }
}

export function stopMedia(stream) {
  stream?.getTracks().forEach((track) => track.stop());
}

/** Selects for camera and microphone; `onChange({videoId, audioId})` when one changes. */
export async function deviceSelects(stream, onChange) {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const current = (kind) => stream?.getTracks().find((t) => t.kind === kind)?.getSettings().deviceId;
  const make = (kind, labelText, id) => {
    const list = devices.filter((d) => d.kind === kind);
    const select = h("select", { id }, list.map((d, i) => h("option", { value: d.deviceId },
      d.label || `${labelText} ${i + 1}`)));
    select.value = current(kind === "videoinput" ? "video" : "audio") || "";
    return { select, list };
  };
  const cam = make("videoinput", "Camera", "camera-select");
  const mic = make("audioinput", "Microphone", "mic-select");
  const changed = () => onChange({ videoId: cam.select.value, audioId: mic.select.value });
  cam.select.addEventListener("change", changed);
  mic.select.addEventListener("change", changed);
  return h("div", { class: "grid" },
    h("div", { class: "field" }, h("label", { for: "camera-select" }, "Camera"), cam.select),
    mic.list.length ? h("div", { class: "field" }, h("label", { for: "mic-select" }, "Microphone"), mic.select) : null);
}

/** A bar that moves with the microphone level; returns {element, stop()}. */
export function micMeter(stream) {
  const bar = h("span", {});
  const element = h("div", {}, h("p", { class: "small", id: "mic-level-label" }, "Microphone level (speak to test)"),
    h("div", { class: "meter", role: "meter", "aria-labelledby": "mic-level-label", "aria-valuemin": 0, "aria-valuemax": 100 }, bar));
  const track = stream.getAudioTracks()[0];
  if (!track || !window.AudioContext) {
    element.replaceChildren(h("p", { class: "small muted" }, "No microphone found: the other side will not hear you."));
    return { element, stop() {} };
  }
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 256;
  context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  const resume = () => context.state === "suspended" && context.resume();
  document.addEventListener("click", resume, { once: true });
  const timer = setInterval(() => {
    analyser.getByteTimeDomainData(samples);
    let peak = 0;
    for (const s of samples) peak = Math.max(peak, Math.abs(s - 128));
    const level = Math.min(100, Math.round((peak / 128) * 200));
    bar.style.width = `${level}%`;
    bar.parentElement.setAttribute("aria-valuenow", String(level));
  }, 150);
  let stopped = false;
  return {
    element,
    stop() {  // safe to call twice (joining, then leaving)
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("click", resume);
      context.close().catch(() => {});
    },
  };
}

/**
 * A button that plays a short tone through the speakers, so a person can check they will
 * hear the other side before joining. Returns {element, stop()}.
 */
export function speakerTest() {
  const status = h("p", { class: "small", "aria-live": "polite", "data-testid": "speaker-test-status" });
  let context = null;
  const button = h("button", { type: "button", class: "secondary" }, "Play a test sound");
  button.addEventListener("click", async () => {
    if (!window.AudioContext) {
      status.textContent = "This browser cannot play a test sound.";
      return;
    }
    context = context || new AudioContext();
    await context.resume();
    const tone = context.createOscillator();
    const volume = context.createGain();
    tone.frequency.value = 440;
    volume.gain.value = 0.2;
    tone.connect(volume).connect(context.destination);
    tone.start();
    tone.stop(context.currentTime + 1);
    status.textContent = "Playing a one-second tone…";
    tone.addEventListener("ended", () => {
      status.textContent = "Did you hear the tone? If not, turn up the volume or check your speakers or headphones.";
    });
  });
  const element = h("div", { class: "speaker-test" }, h("p", { class: "small" }, "Speakers"), button, status);
  return { element, stop() { context?.close().catch(() => {}); context = null; } };
}
