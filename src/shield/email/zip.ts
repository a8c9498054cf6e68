/**
 * Reads a ZIP's central directory (names and the encryption flag) without extracting anything, so an
 * archive bomb costs nothing. Hand-written because the only need is this bounded listing; bounded to
 * MAX_ENTRIES entries and to the last 64 KiB for the end record.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const MAX_ENTRIES = 2000;

export interface ZipEntry {
  name: string;
  encrypted: boolean;
}

export function listZip(buf: Buffer): ZipEntry[] | undefined {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return undefined;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = Math.min(buf.readUInt16LE(eocd + 10), MAX_ENTRIES);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL) break;
    const flags = buf.readUInt16LE(offset + 8);
    const nameLen = buf.readUInt16LE(offset + 28);
    const extraLen = buf.readUInt16LE(offset + 30);
    const commentLen = buf.readUInt16LE(offset + 32);
    const end = offset + 46 + nameLen;
    if (end > buf.length) break;
    entries.push({ name: buf.toString('utf8', offset + 46, end), encrypted: (flags & 1) === 1 });
    offset = end + extraLen + commentLen;
  }
  return entries;
}
