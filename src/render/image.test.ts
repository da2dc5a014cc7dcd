import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors";
import { reencodeImage, sniffImage } from "./image";

const fails = async (bytes: Uint8Array) => {
  try {
    await reencodeImage(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fields?.image ?? "";
  }
  throw new Error("expected a refusal");
};

describe("scene image re-encoding", () => {
  it("re-encodes PNG with transparency as PNG, and JPEG and WebP as JPEG, upright and bounded", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer();
    expect(await reencodeImage(png)).toMatchObject({ content_type: "image/png", width: 40, height: 30 });
    const big = await sharp({ create: { width: 4000, height: 1000, channels: 3, background: "#08f" } }).jpeg().toBuffer();
    expect(await reencodeImage(big)).toMatchObject({ content_type: "image/jpeg", width: 2048, height: 512 });
    const webp = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#0f0" } }).webp().toBuffer();
    const out = await reencodeImage(webp);
    expect(out.content_type).toBe("image/jpeg");
    expect(sniffImage(out.data)).toBe("jpeg");
  });

  it("drops metadata (no EXIF, no GPS) from what it stores", async () => {
    const withExif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } })
      .withExifMerge({ IFD0: { Copyright: "secret-location" } })
      .jpeg()
      .toBuffer();
    const out = await reencodeImage(withExif);
    expect((await sharp(out.data).metadata()).exif).toBeUndefined();
    expect(out.data.includes(Buffer.from("secret-location"))).toBe(false);
  });

  it("refuses SVG, HTML, a script named .png, a truncated image and anything over 5 MB", async () => {
    expect(await fails(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toMatch(/PNG, JPEG or WebP/);
    expect(await fails(Buffer.from("<!doctype html><script>alert(1)</script>"))).toMatch(/PNG, JPEG or WebP/);
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#f00" } }).png().toBuffer();
    expect(await fails(png.subarray(0, 40))).toMatch(/could not be read/);
    const polyglot = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("<script>alert(1)</script>")]);
    expect(await fails(polyglot)).toMatch(/could not be read/);
    expect(await fails(new Uint8Array(5 * 1024 * 1024 + 1))).toMatch(/at most 5 MB/);
    expect(await fails(new Uint8Array(0))).toMatch(/empty/);
  });
});
