import { readFile, stat } from 'node:fs/promises';
import { MAX_SCAN_BYTES } from '../../guard/index.js';
import { type Io, readBounded } from '../io.js';

export interface TextInput {
  path: string;
  text?: string;
  error?: string;
  note?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Decodes file bytes: binary files are skipped, invalid UTF-8 is replaced and noted. */
export function decodeText(path: string, bytes: Buffer): TextInput {
  if (bytes.subarray(0, 8192).includes(0)) return { path, error: 'binary file skipped' };
  try {
    return { path, text: utf8.decode(bytes) };
  } catch {
    return { path, text: lenient.decode(bytes), note: 'invalid UTF-8 sequences were replaced' };
  }
}

/** Reads each input (`-` is standard input); one that cannot be read gets an error, the others go on. */
export async function readInputs(paths: string[], io: Io): Promise<TextInput[]> {
  const list = paths.length > 0 ? paths : ['-'];
  const out: TextInput[] = [];
  for (const path of list) {
    try {
      if (path === '-') {
        const bytes = await readBounded(
          io.stdin,
          MAX_SCAN_BYTES,
          `standard input is larger than ${MAX_SCAN_BYTES / 1024 / 1024} MB`,
        );
        out.push(decodeText(path, bytes));
        continue;
      }
      const info = await stat(path);
      if (info.isDirectory()) {
        out.push({ path, error: 'is a directory' });
        continue;
      }
      if (info.size > MAX_SCAN_BYTES) {
        out.push({
          path,
          error: `file larger than ${MAX_SCAN_BYTES / 1024 / 1024} MB: split it or scan it in parts`,
        });
        continue;
      }
      out.push(decodeText(path, await readFile(path)));
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      out.push({
        path,
        error: e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message,
      });
    }
  }
  return out;
}
