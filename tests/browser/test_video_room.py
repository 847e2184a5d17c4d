"""The session room on real networks and for families (issue 28), in headless Chromium.

Every participant has their own browser context with a fake camera. Sessions and people are
made through the API (the story here is the room, not booking); each joins by clicking.
To prove what goes through the TURN relay, an init script records the page's
RTCPeerConnections (and, for the relay test, forces `iceTransportPolicy: "relay"`, as a
network that allows nothing else would): the selected candidate pair is read from getStats.
"""
from __future__ import annotations

import os
import signal
import time

import pytest

from tests.browser.conftest import DESKTOP, sign_in
from tests.support.accounts import PASSWORD, make_user
from tests.support.sessions import demo_session, make_session

pytestmark = [pytest.mark.browser, pytest.mark.stack, pytest.mark.slow]

WAIT_MS = 20_000
RECORD_CONNECTIONS = """
(() => {
  const Native = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = function (config = {}, ...rest) {
    const forced = window.__forceRelay ? { ...config, iceTransportPolicy: "relay" } : config;
    const pc = new Native(forced, ...rest);
    window.__pcs.push(pc);
    return pc;
  };
  window.RTCPeerConnection.prototype = Native.prototype;
  Object.setPrototypeOf(window.RTCPeerConnection, Native);
})();
"""
FORCE_RELAY = "window.__forceRelay = true;"
# The candidate types of each connected link's selected pair: [[local, remote], ...].
SELECTED_PAIRS = """async () => {
  const out = [];
  for (const pc of window.__pcs.filter((p) => p.connectionState === "connected")) {
    const stats = await pc.getStats();
    let pair = null;
    stats.forEach((s) => { if (s.type === "transport" && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId); });
    if (pair) out.push([stats.get(pair.localCandidateId).candidateType, stats.get(pair.remoteCandidateId).candidateType]);
  }
  return out;
}"""
SHOWS_GREEN = """(peer) => {
  const v = document.querySelector(`.tile[data-peer='${peer}'] video`);
  if (!v || v.readyState < 2 || !v.videoWidth) return false;
  const c = document.createElement("canvas"); c.width = 64; c.height = 48;
  const g = c.getContext("2d"); g.drawImage(v, 0, 0, 64, 48);
  const d = g.getImageData(0, 0, 64, 48).data; let r = 0, gr = 0, b = 0;
  for (let i = 0; i < d.length; i += 4) { r += d[i]; gr += d[i + 1]; b += d[i + 2]; }
  return gr > r * 1.5 && gr > b * 1.5;
}"""
PLAYING = """(n) => { const vs = [...document.querySelectorAll('video.remote')];
  return vs.length === n && vs.every((v) => v.readyState >= 2 && v.videoWidth > 0 && !v.paused); }"""


def _people(stack, invitees: int = 0) -> dict:
    therapist = make_user(stack, "therapist", name="Dr. Relay")
    patient = make_user(stack, "patient", name="Pat Family")
    invited = [make_user(stack, "patient", name=name) for name in ("Ina Invited", "Ivo Invited")[:invitees]]
    session_id = make_session(stack, patient, therapist, invitees=invited or None)
    return {"therapist": therapist, "patient": patient, "invitees": invited, "session_id": session_id}


def _enter(open_page, user, session_id: str, *, relay_only: bool = False):
    watched = open_page(DESKTOP)
    watched.page.add_init_script(RECORD_CONNECTIONS)
    if relay_only:
        watched.page.add_init_script(FORCE_RELAY)
    sign_in(watched, user.email, PASSWORD, next_path=f"/room/{session_id}")
    watched.page.wait_for_selector("#join-button:enabled", timeout=WAIT_MS)
    watched.page.click("#join-button")
    return watched


def _remote_tile(watched, user):
    return watched.page.locator(f".tile[data-peer='{user.user_id}']")


def _no_problems(*pages) -> None:
    for watched in pages:
        assert not watched.problems(), watched.problems()


def test_a_relay_only_call_carries_video_both_ways_and_the_chat(open_page, stack):
    people = _people(stack)
    t = _enter(open_page, people["therapist"], people["session_id"], relay_only=True)
    p = _enter(open_page, people["patient"], people["session_id"], relay_only=True)
    for side in (t, p):
        side.page.wait_for_function(PLAYING, arg=1, timeout=WAIT_MS)
        pairs = side.page.evaluate(SELECTED_PAIRS)
        # Each side's own end is a relay candidate: with `relay` forced, nothing leaves a
        # browser but through the TURN server. The far end may show as `prflx` (its relayed
        # address seen in a packet before its candidate arrived by signalling): still relayed.
        assert pairs and all(pair[0] == "relay" and pair[1] in ("relay", "prflx")
                             for pair in pairs), pairs
    p.page.wait_for_selector("#call-chat-text:enabled", timeout=WAIT_MS)
    p.page.fill("#call-chat-text", "Can you hear me through the relay?")
    p.page.press("#call-chat-text", "Enter")
    t.page.wait_for_selector(".call-chat-log li.them >> text=through the relay", timeout=10_000)
    t.page.fill("#call-chat-text", "Yes, loud and clear.")
    t.page.press("#call-chat-text", "Enter")
    p.page.wait_for_selector(".call-chat-log li.them >> text=loud and clear", timeout=10_000)
    assert "Dr. Relay" in p.page.inner_text(".call-chat-log li.them")
    t.screenshot("video-relay-therapist-1280")
    _no_problems(t, p)


def test_mute_camera_off_and_the_therapists_shared_screen_show_on_the_other_side(
        open_page, stack):
    people = _people(stack)
    t = _enter(open_page, people["therapist"], people["session_id"])
    p = _enter(open_page, people["patient"], people["session_id"])
    p.page.wait_for_function(PLAYING, arg=1, timeout=WAIT_MS)
    t.page.wait_for_function(PLAYING, arg=1, timeout=WAIT_MS)
    tile = _remote_tile(t, people["patient"])
    p.page.click("button:has-text('Mute')")
    tile.locator("[data-testid=peer-muted]").wait_for(timeout=10_000)
    p.page.click("button:has-text('Camera off')")
    tile.locator("[data-testid=peer-camera-off]").wait_for(timeout=10_000)
    assert "camera is off" in tile.inner_text().lower()
    t.screenshot("video-patient-muted-camera-off-1280")
    p.page.click("button:has-text('Unmute')")
    tile.locator("[data-testid=peer-muted]").wait_for(state="detached", timeout=10_000)

    t.page.click("button:has-text('Share screen')")
    shared = _remote_tile(p, people["therapist"])
    shared.locator("[data-testid=peer-sharing]").wait_for(timeout=10_000)
    # The patient receives the screen: the track the therapist sends is the display capture.
    assert t.page.evaluate("() => window.__pcs.filter((pc) => pc.connectionState === 'connected')"
                           ".every((pc) => pc.getSenders().some((s) => s.track && s.track.kind === 'video'"
                           " && s.track.getSettings().displaySurface))")
    # …and the patient sees it: Chromium's fake screen is green, the fake camera a face.
    p.page.wait_for_function(SHOWS_GREEN, arg=people["therapist"].user_id, timeout=WAIT_MS)
    p.screenshot("video-patient-sees-shared-screen-1280")
    t.page.click("button:has-text('Stop sharing')")
    shared.locator("[data-testid=peer-sharing]").wait_for(state="detached", timeout=10_000)
    _no_problems(t, p)


def test_a_family_session_shows_everyone_and_readings_only_for_who_consented(
        open_page, stack):
    people = _people(stack, invitees=1)
    ina = people["invitees"][0]
    t = _enter(open_page, people["therapist"], people["session_id"])
    p = _enter(open_page, people["patient"], people["session_id"])
    i = _enter(open_page, ina, people["session_id"])
    for side in (t, p, i):
        side.page.wait_for_function(PLAYING, arg=2, timeout=30_000)  # + their own: three videos
        assert side.page.locator("video").count() == 3
    i.page.locator("#analysis-switch").check()
    i.page.wait_for_selector("[data-testid=analysis-on-banner]", timeout=15_000)
    reading = t.page.locator(f"[data-testid=person-reading][data-person='{ina.user_id}']")
    reading.wait_for(timeout=30_000)
    t.page.wait_for_function(
        "(id) => /[1-9]/.test(document.querySelector(`[data-testid=person-reading][data-person='${id}']"
        " [data-testid=person-frames]`)?.textContent || '')", arg=ina.user_id, timeout=30_000)
    assert "Ina Invited" in reading.inner_text()
    assert t.page.locator("[data-testid=person-reading]").count() == 1  # nobody else consented
    assert t.page.locator(f"[data-testid=person-reading][data-person='{people['patient'].user_id}']").count() == 0
    t.screenshot("video-family-therapist-1280")
    _no_problems(t, p, i)


def _relay_process(stack) -> int:
    pidfile = stack.data_dir / "turn" / "turnserver.pid"
    return int(pidfile.read_text().strip())


def test_the_call_survives_a_five_second_network_cut(open_page, stack):
    """The patient's browser goes offline for 5 s (Playwright) and the relay carrying the
    call stops answering for as long: Chromium's offline emulation stops the page's HTTP,
    signalling included, but not WebRTC's own packets, so the relay is frozen too (SIGSTOP),
    which is what a real cut does to the media path."""
    people = _people(stack)
    t = _enter(open_page, people["therapist"], people["session_id"], relay_only=True)
    p = _enter(open_page, people["patient"], people["session_id"], relay_only=True)
    t.page.wait_for_function(PLAYING, arg=1, timeout=WAIT_MS)
    p.page.wait_for_function(PLAYING, arg=1, timeout=WAIT_MS)
    relay = _relay_process(stack)
    cut = time.monotonic()
    p.page.context.set_offline(True)
    os.kill(relay, signal.SIGSTOP)
    try:
        tile = _remote_tile(t, people["patient"])
        tile.locator("[data-testid=peer-state]", has_text="Reconnecting").wait_for(timeout=15_000)
        t.screenshot("video-reconnecting-therapist-1280")
        time.sleep(max(0.0, 5 - (time.monotonic() - cut)))  # the rest of the 5-s cut
    finally:
        os.kill(relay, signal.SIGCONT)
        p.page.context.set_offline(False)
    back = time.monotonic()
    t.page.wait_for_function(
        "() => window.__pcs.some((pc) => pc.connectionState === 'connected')", timeout=10_000)
    tile.locator("[data-testid=peer-state]").wait_for(state="hidden", timeout=10_000)
    resumed = time.monotonic() - back
    # Still the same room: nobody left, and video flows again both ways.
    t.page.wait_for_function(PLAYING, arg=1, timeout=10_000)
    p.page.wait_for_function(PLAYING, arg=1, timeout=10_000)
    assert resumed <= 10, f"resumed {resumed:.1f} s after the network came back"
    print(f"call resumed {resumed:.1f} s after a {back - cut:.1f}-s cut")
    assert "left" not in t.page.inner_text("[data-testid=connection-status]").lower()


def test_the_camera_check_tests_the_network_and_a_waiting_patient_rings_the_therapist(
        open_page, stack):
    patient = make_user(stack, "patient", name="Wren Waiting")
    therapist = make_user(stack, "therapist", name="Dr. Chime")
    session_id = demo_session(stack, patient, therapist)  # a real booking: the waiting room reads it
    people = {"patient": patient, "therapist": therapist, "session_id": session_id}
    t = open_page(DESKTOP)
    t.page.add_init_script("window.__tones = 0;"
                           " const start = OscillatorNode.prototype.start;"
                           " OscillatorNode.prototype.start = function (...a) { window.__tones += 1; return start.apply(this, a); };")
    sign_in(t, people["therapist"].email, PASSWORD)
    t.page.click("body")  # a person has touched the page: browsers allow sound after that
    p = open_page(DESKTOP)
    sign_in(p, people["patient"].email, PASSWORD, next_path=f"/room/{people['session_id']}")
    check = p.page.locator("[data-testid=network-test]")
    check.locator("[data-testid=network-verdict]").wait_for(timeout=30_000)
    text = check.inner_text()
    assert "ms" in text and "relay" in text.lower() and "upload" in text.lower(), text
    assert check.get_attribute("data-relay") == "reachable"
    p.screenshot("video-network-test-1280")
    p.page.click("#join-button")
    t.page.wait_for_function("() => /^\\(1\\)/.test(document.title)", timeout=15_000)
    assert t.page.evaluate("() => window.__tones") >= 1
    t.screenshot("video-waiting-badge-1280")
    _no_problems(t, p)
