// The network test in the camera check: round trip to the API, whether the TURN relay answers,
// and a rough upload speed, then one line of plain advice. Nothing here is stored.
import { api, post } from "../api.js";
import { h } from "../ui.js";

const PROBE_BYTES = 200_000;  // under the API's body cap; big enough to time on a fast line
const RELAY_WAIT_MS = 6000;
const GOOD_UPLOAD_KBPS = 1500;  // video both ways at the room's 640x480 wants about 1 Mbit/s up
const FAIR_UPLOAD_KBPS = 500;
const SLOW_ROUND_TRIP_MS = 400;

async function roundTripMs() {
  const times = [];
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    await post("/config/network-test", {});
    times.push(performance.now() - started);
  }
  return Math.min(...times);
}

async function uploadKbps(rttMs) {
  const started = performance.now();
  await api("/config/network-test", { method: "POST", body: { padding: "x".repeat(PROBE_BYTES) } });
  const seconds = Math.max(0.001, (performance.now() - started - rttMs) / 1000);
  return Math.round((PROBE_BYTES * 8) / 1000 / seconds);
}

/** Whether the relay hands out a relayed address with our credentials (a TURN allocation). */
async function relayReachable(iceServers) {
  const turn = iceServers.filter((s) => [].concat(s.urls).some((u) => /^turns?:/.test(u)));
  if (!turn.length) return "none";
  const pc = new RTCPeerConnection({ iceServers: turn, iceTransportPolicy: "relay" });
  try {
    pc.createDataChannel("probe");
    const found = new Promise((resolve) => {
      pc.onicecandidate = ({ candidate }) => {
        if (candidate?.type === "relay") resolve("reachable");
        else if (!candidate) resolve("unreachable");  // gathering finished without a relay
      };
      setTimeout(() => resolve("unreachable"), RELAY_WAIT_MS);
    });
    await pc.setLocalDescription(await pc.createOffer());
    return await found;
  } finally {
    pc.close();
  }
}

function advice({ rtt, kbps, relay }) {
  if (relay === "unreachable") return "Your network blocks our video relay. If the call does not connect, try another network (a phone hotspot often works) or ask your IT team to allow it.";
  if (kbps < FAIR_UPLOAD_KBPS) return "Your upload is slow: video may freeze. Move closer to your Wi-Fi router, pause other uploads or downloads, or turn your camera off and keep the sound.";
  if (kbps < GOOD_UPLOAD_KBPS || rtt > SLOW_ROUND_TRIP_MS) return "Your connection is fair: the call should work, perhaps with a softer picture.";
  return "Your connection looks good for video.";
}

/** A card that runs the test as soon as it is shown (and again on request). */
export function networkTest(ice) {
  const results = h("ul", { class: "small" });
  const verdict = h("p", { "aria-live": "polite" }, "Testing your connection…");
  const again = h("button", { type: "button", class: "secondary" }, "Test again");
  const element = h("div", { class: "network-test", "data-testid": "network-test" },
    h("p", { class: "small" }, "Network"), results, verdict, again);

  async function run() {
    again.disabled = true;
    results.replaceChildren();
    verdict.removeAttribute("data-testid");
    verdict.textContent = "Testing your connection…";
    try {
      const [rtt, relay] = await Promise.all([roundTripMs(), relayReachable(ice.ice_servers || [])]);
      const kbps = await uploadKbps(rtt);
      element.dataset.relay = relay;
      results.append(
        h("li", {}, `Round trip to EmoteCare: ${Math.round(rtt)} ms`),
        h("li", {}, relay === "none" ? "Video relay: not used here" : `Video relay: ${relay === "reachable" ? "reachable" : "not reachable"}`),
        h("li", {}, `Upload speed: about ${kbps >= 1000 ? `${(kbps / 1000).toFixed(1)} Mbit/s` : `${kbps} kbit/s`}`));
      verdict.textContent = advice({ rtt, kbps, relay });
    } catch (error) {
      if (error?.redirected) return;
      verdict.textContent = `Could not test the connection: ${error.message}. Check that you are online.`;
    } finally {
      verdict.dataset.testid = "network-verdict";
      again.disabled = false;
    }
  }
  again.addEventListener("click", run);
  run();
  return { element };
}
