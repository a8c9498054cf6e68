// Sorting dropped files into "the exported text" and "its manifest". Pure, for tests.

export interface Dropped {
  name: string;
  text: string;
}

/** A manifest is a JSON object with a signature; anything else is the published text. */
export function looksLikeManifest(file: Dropped): boolean {
  if (!file.name.toLowerCase().endsWith('.json') && !file.text.trimStart().startsWith('{')) return false;
  try {
    const value = JSON.parse(file.text) as unknown;
    return typeof value === 'object' && value !== null && 'signature' in value;
  } catch {
    return false;
  }
}

export function sortDropped(files: readonly Dropped[]): { content?: string; manifest?: string } {
  const out: { content?: string; manifest?: string } = {};
  for (const file of files) {
    if (looksLikeManifest(file)) out.manifest = file.text;
    else out.content = file.text;
  }
  return out;
}

/** The manifest as the API wants it: undefined when empty (HTML embeds its own), null when not JSON. */
export function parseManifest(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
