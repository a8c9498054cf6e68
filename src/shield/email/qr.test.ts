import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQrCodes } from './qr.js';
import type { AttachmentInfo } from './types.js';

const image = (filename: string, contentType: string, content: Buffer): AttachmentInfo => ({
  filename,
  contentType,
  size: content.length,
  content,
});

async function qrJpeg(text: string): Promise<Buffer> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { width: 240 }));
  return jpeg.encode({ data: png.data, width: png.width, height: png.height }, 90).data;
}

describe('decodeQrCodes', () => {
  it('reads the link of a QR code in a PNG and in a JPEG', async () => {
    const found = decodeQrCodes([
      image('scan.png', 'image/png', await QRCode.toBuffer('https://login-77.example/mfa', { width: 200 })),
      image('colis.jpg', 'image/jpeg', await qrJpeg('https://colis-88.example/paiement')),
    ]);
    expect(found).toEqual([
      { filename: 'scan.png', text: 'https://login-77.example/mfa' },
      { filename: 'colis.jpg', text: 'https://colis-88.example/paiement' },
    ]);
  });

  it.each([
    [
      'a picture without a QR code',
      () => PNG.sync.write(Object.assign(new PNG({ width: 64, height: 64 }), {})),
    ],
    ['a corrupted PNG', () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(60, 7)])],
    [
      'a PNG that claims to be 100 000 x 100 000 pixels (never decoded)',
      () => {
        const header = Buffer.alloc(33);
        header.writeUInt32BE(0x89504e47, 0);
        header.writeUInt32BE(100_000, 16);
        header.writeUInt32BE(100_000, 20);
        return header;
      },
    ],
    ['a file that is not an image', () => Buffer.from('%PDF-1.4')],
  ])('%s gives nothing', (_name, make) => {
    expect(decodeQrCodes([image('x.png', 'image/png', make())])).toEqual([]);
  });
});
