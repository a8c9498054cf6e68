import jpeg from 'jpeg-js';
import jsQRModule, { type Options, type QRCode } from 'jsqr';
import { PNG } from 'pngjs';
import type { AttachmentInfo } from './types.js';

// jsqr is a CommonJS bundle whose function is both the module and its `default`: take whichever is callable.
type JsQr = (data: Uint8ClampedArray, width: number, height: number, options?: Options) => QRCode | null;
const jsQR: JsQr = (jsQRModule as unknown as { default?: JsQr }).default ?? (jsQRModule as unknown as JsQr);

/** Images larger than this are not decoded: QR lures are small pictures, and decoding costs CPU. */
const MAX_IMAGE_BYTES = 3 * 1024 * 1024;
const MAX_PIXELS = 3_000_000;
const MAX_IMAGES = 4;

export interface QrFinding {
  filename: string;
  text: string;
}

function isPng(b: Buffer): boolean {
  return b.length > 24 && b.readUInt32BE(0) === 0x89504e47;
}

function isJpeg(b: Buffer): boolean {
  return b.length > 4 && b[0] === 0xff && b[1] === 0xd8;
}

/** PNG width and height from the IHDR chunk, read before decoding so huge images are skipped. */
function pngPixels(b: Buffer): number {
  return b.readUInt32BE(16) * b.readUInt32BE(20);
}

function decodePixels(b: Buffer): { data: Uint8ClampedArray; width: number; height: number } | undefined {
  try {
    if (isPng(b)) {
      if (pngPixels(b) > MAX_PIXELS) return undefined;
      const png = PNG.sync.read(b);
      return {
        data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
        width: png.width,
        height: png.height,
      };
    }
    if (isJpeg(b)) {
      const img = jpeg.decode(b, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 64,
      });
      return {
        data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length),
        width: img.width,
        height: img.height,
      };
    }
  } catch {
    // A broken or hostile image is simply not read.
  }
  return undefined;
}

/**
 * QR codes in image attachments (inline ones too), decoded in pure JavaScript from raw pixels. Links
 * are never followed: the decoded text is analysed like any other link.
 */
export function decodeQrCodes(attachments: AttachmentInfo[]): QrFinding[] {
  const out: QrFinding[] = [];
  let tried = 0;
  for (const a of attachments) {
    if (tried >= MAX_IMAGES) break;
    const b = a.content;
    if (b.length === 0 || b.length > MAX_IMAGE_BYTES || !(isPng(b) || isJpeg(b))) continue;
    tried++;
    const img = decodePixels(b);
    if (!img || img.width * img.height > MAX_PIXELS) continue;
    const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
    if (code?.data) out.push({ filename: a.filename || '(image)', text: code.data.slice(0, 2000) });
  }
  return out;
}
