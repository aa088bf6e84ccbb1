/** The static picture's PNG encoder, checked by decoding what it writes. */
import assert from "node:assert/strict";
import { adler32, crc32, encodePng, toBase64 } from "../../src/explorer/_png.ts";

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

interface Chunk {
  type: string;
  data: Uint8Array;
  crcOk: boolean;
}

function chunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = view.getUint32(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length));
    found.push({ type, data, crcOk });
    at += 12 + length;
  }
  return found;
}

Deno.test("crc32() and adler32() match their reference values", () => {
  const text = new TextEncoder().encode("123456789");
  assert.equal(crc32(text), 0xcbf43926);
  assert.equal(adler32(new TextEncoder().encode("Wikipedia")), 0x11e60398);
});

Deno.test("encodePng() writes a PNG whose pixels decode back", async (t) => {
  for (const [width, height] of [[3, 2], [50, 50], [300, 80]]) {
    await t.step(`${width} x ${height}`, async () => {
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37) % 256;
      const png = encodePng(width, height, rgba);
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const parts = chunks(png);
      assert.deepEqual(parts.map((c) => c.type), ["IHDR", "IDAT", "IEND"]);
      assert.ok(parts.every((c) => c.crcOk), "every chunk's CRC holds");
      const header = new DataView(parts[0].data.buffer, parts[0].data.byteOffset);
      assert.equal(header.getUint32(0), width);
      assert.equal(header.getUint32(4), height);
      // Bit depth 8, colour type 2 (RGB), deflate, no filter method, no interlace.
      assert.deepEqual([...parts[0].data.subarray(8)], [8, 2, 0, 0, 0]);
      assert.equal(parts[2].data.length, 0, "IEND is empty");
      const raw = await inflate(parts[1].data);
      assert.equal(raw.length, height * (1 + 3 * width));
      for (let y = 0; y < height; y++) {
        assert.equal(raw[y * (1 + 3 * width)], 0, "filter none");
        for (let x = 0; x < width; x++) {
          for (let c = 0; c < 3; c++) {
            assert.equal(raw[y * (1 + 3 * width) + 1 + 3 * x + c], rgba[4 * (y * width + x) + c]);
          }
        }
      }
    });
  }
});

Deno.test("encodePng() refuses pixels of the wrong length", () => {
  assert.throws(
    () => encodePng(2, 2, new Uint8Array(15)),
    /width=2, height=2, rgba.length=15/,
  );
});

Deno.test("toBase64() encodes any length, across its 32 KiB pieces", () => {
  for (const length of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 + 1, 3 * 0x8000 + 5]) {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + (i >> 8)) % 256);
    const text = toBase64(bytes);
    assert.equal(text.length, 4 * Math.ceil(length / 3));
    const back = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    assert.deepEqual(back, bytes, `${length} bytes round-trip`);
  }
});
