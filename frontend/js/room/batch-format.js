// The frame batch container ("ECB1"), exactly as emotecare/pipeline/batch_format.py documents:
// an 8-byte header (magic, version, frame count, reserved) then, per frame, a 16-byte header
// (capture time ms uint64, JPEG length uint32, reserved uint32) and the JPEG bytes.
// Little-endian. Built from canvas.toBlob() JPEGs with DataView + Blob: no base64.

export const MAX_FRAMES = 20;
export const CONTENT_TYPE = "application/octet-stream";
const MAGIC = 0x31424345; // "ECB1" read as a little-endian uint32
const VERSION = 1;

/** Build one batch Blob from `[{capturedAtMs, blob}]` (1..20 JPEG frames). */
export async function encodeBatch(frames) {
  if (frames.length < 1 || frames.length > MAX_FRAMES) {
    throw new RangeError(`a batch holds 1..${MAX_FRAMES} frames, not ${frames.length}`);
  }
  const jpegs = await Promise.all(frames.map((f) => f.blob.arrayBuffer()));
  const head = new DataView(new ArrayBuffer(8));
  head.setUint32(0, MAGIC, true);
  head.setUint8(4, VERSION);
  head.setUint8(5, jpegs.length);
  const parts = [head.buffer];
  jpegs.forEach((jpeg, i) => {
    const frameHead = new DataView(new ArrayBuffer(16));
    frameHead.setBigUint64(0, BigInt(Math.round(frames[i].capturedAtMs)), true);
    frameHead.setUint32(8, jpeg.byteLength, true);
    parts.push(frameHead.buffer, jpeg);
  });
  return new Blob(parts, { type: CONTENT_TYPE });
}
