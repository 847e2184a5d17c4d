"""The browser's frame batches decode with the pipeline's own reader (one format, two sides)."""
from __future__ import annotations

import base64

import pytest

from emotecare.pipeline.batch_format import decode_batch
from tests.browser.conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.stack]

_BUILD_IN_PAGE = """async () => {
  const { encodeBatch } = await import('./js/room/batch-format.js');
  const canvas = document.createElement('canvas');
  canvas.width = 320; canvas.height = 240;
  const context = canvas.getContext('2d');
  const frames = [];
  for (let i = 0; i < 3; i += 1) {
    context.fillStyle = `rgb(${80 * i}, 120, 200)`;
    context.fillRect(0, 0, 320, 240);
    const blob = await new Promise((done) => canvas.toBlob(done, 'image/jpeg', 0.8));
    frames.push({ capturedAtMs: 1795760000000 + 500 * i, blob });
  }
  const batch = await encodeBatch(frames);
  const bytes = new Uint8Array(await batch.arrayBuffer());
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return { type: batch.type, data: btoa(text) };
}"""


def test_a_batch_built_in_the_browser_decodes_with_the_pipeline_reader(open_page):
    watched = open_page(DESKTOP)
    watched.open("/")
    built = watched.page.evaluate(_BUILD_IN_PAGE)
    frames = decode_batch(base64.b64decode(built["data"]))
    assert built["type"] == "application/octet-stream"
    assert [f.captured_at_ms for f in frames] == [1795760000000, 1795760000500, 1795760001000]
    assert all(f.jpeg.startswith(b"\xff\xd8\xff") and f.jpeg.endswith(b"\xff\xd9") for f in frames)
    assert len({f.jpeg for f in frames}) == 3


def test_the_browser_refuses_an_empty_or_oversized_batch(open_page):
    watched = open_page(DESKTOP)
    watched.open("/")
    errors = watched.page.evaluate("""async () => {
      const { encodeBatch } = await import('./js/room/batch-format.js');
      const blob = new Blob([new Uint8Array([255, 216, 255, 217])], { type: 'image/jpeg' });
      const out = [];
      for (const n of [0, 21]) {
        try { await encodeBatch(Array.from({ length: n }, () => ({ capturedAtMs: 1795760000000, blob }))); out.push('built'); }
        catch (e) { out.push(e.name); }
      }
      return out;
    }""")
    assert errors == ["RangeError", "RangeError"]
