// `node --import ./scripts/node-hooks.mjs scripts/make-icons.ts`: draws the app's icons in public/
// from public/icon.svg, in Chromium (the browser the tests use), so every PNG is the same drawing:
// favicon.ico (16 and 32 px), the home-screen icons of the web manifest (192, 512 and a maskable
// 512 whose background fills the square), apple-touch-icon.png (180, square: iOS rounds it) and
// logo.png (96 px, shown at 48 in the emails). Run it again after changing icon.svg.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const publicDir = path.resolve(import.meta.dirname, "..", "public");
const rounded = readFileSync(path.join(publicDir, "icon.svg"), "utf8");
// Square corners for icons the platform masks or rounds itself.
const square = rounded.replace(/(<rect id="background"[^>]*?) rx="\d+"/, "$1");

const OUTPUTS: { file: string; size: number; svg: string }[] = [
  { file: "icon-192.png", size: 192, svg: rounded },
  { file: "icon-512.png", size: 512, svg: rounded },
  { file: "icon-maskable-512.png", size: 512, svg: square },
  { file: "apple-touch-icon.png", size: 180, svg: square },
  { file: "logo.png", size: 96, svg: rounded },
];

/** An .ico holding PNG images (every browser reads PNG inside ICO): a header and one entry per image. */
function icoOf(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  const draw = async (svg: string, size: number) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
    return page.screenshot({ type: "png", omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  for (const output of OUTPUTS) {
    writeFileSync(path.join(publicDir, output.file), await draw(output.svg, output.size));
    console.log(`public/${output.file}`);
  }
  writeFileSync(path.join(publicDir, "favicon.ico"), icoOf([{ size: 16, png: await draw(rounded, 16) }, { size: 32, png: await draw(rounded, 32) }]));
  console.log("public/favicon.ico");
} finally {
  await browser.close();
}
