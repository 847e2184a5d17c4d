// The patient's emotion-analysis switch: off by default, one sentence, visible while on.
import { put } from "../api.js";
import { h, mount } from "../ui.js";
import { FrameUploader } from "./frames.js";

export function analysisSwitch(sessionId, video, { initiallyOn = false, forWhom = "to help your therapist" } = {}) {
  const id = "analysis-switch";
  const input = h("input", { type: "checkbox", role: "switch", id, "aria-describedby": `${id}-why` });
  const note = h("p", { class: "small", "aria-live": "polite" });
  const banner = h("div", { "aria-live": "polite" });
  const uploader = new FrameUploader(video, sessionId, (stats) => {
    note.textContent = stats.lastError ? `Upload problem: ${stats.lastError}`
      : `${stats.frames} frames sent for analysis.`;
    if (!stats.running && input.checked) setOn(false, "Analysis stopped.");
  });

  function showBanner(on) {
    document.body.classList.toggle("analysis-on", on);
    mount(banner, on ? h("p", { class: "analysis-banner", "data-testid": "analysis-on-banner" },
      "Emotion analysis is ON: a few stills a second are read for facial expression, then deleted.") : null);
  }

  async function setOn(on, message) {
    input.disabled = true;
    if (!on) uploader.stop();  // stop sending first: the user's "off" holds even if the API is slow
    try {
      await put(`/sessions/${encodeURIComponent(sessionId)}/consent`, { analysis_on: on });
      input.checked = on;
      if (on) uploader.start();
      note.textContent = message || (on ? "Starting…" : "Analysis is off. Nothing is sent.");
    } catch (error) {
      input.checked = false;
      uploader.stop();
      note.textContent = error.message;
    } finally {
      input.disabled = false;
      showBanner(input.checked);
    }
  }

  input.addEventListener("change", () => setOn(input.checked));
  const element = h("section", { class: "card" },
    h("div", { class: "switch" }, input,
      h("div", {}, h("label", { for: id }, "Emotion analysis"),
        h("p", { class: "small muted", id: `${id}-why`, style: "margin:0" },
          `When on, your camera's stills are analysed for facial expression ${forWhom}; `,
          "the video itself is never recorded."))),
    note, banner);
  if (initiallyOn) setOn(true);
  return {
    element,
    banner,
    /** Stop uploads at once (leaving the room); the server switch is set off as well. */
    async stop() {
      uploader.stop();
      if (input.checked) {
        input.checked = false;
        showBanner(false);
        try { await put(`/sessions/${encodeURIComponent(sessionId)}/consent`, { analysis_on: false }); } catch { /* leaving anyway */ }
      }
    },
  };
}
