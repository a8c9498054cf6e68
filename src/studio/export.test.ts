import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compose } from './composer/index.js';
import { DEFAULT_WORDING } from './disclosure.js';
import { makeDraft } from './draft.js';
import {
  embedManifest,
  exportDraft,
  exportSigned,
  extractManifest,
  MANIFEST_SCRIPT_TYPE,
  verifyExport,
} from './export.js';
import { buildManifest, type Signer, signManifest } from './provenance.js';
import { sampleBrief } from './sample-briefs.js';

const NOW = new Date('2026-11-29T08:00:00Z');
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const signer: Signer = (bytes) => ({ signature: sign(null, bytes, privateKey), keyId: 'signing:1' });

function hostileDraft() {
  return makeDraft({
    type: 'web-page',
    lang: 'en',
    title: 'Hello </script><script>alert(1)</script>',
    sections: [
      { name: 'hero', kind: 'title', text: 'Hello </script><script>alert(1)</script>' },
      {
        name: 'body',
        kind: 'paragraph',
        text: 'Tom & Jerry say "hi" <b>bold</b> — see https://vigie.example/a?b=1&c=2.',
      },
      { name: 'list', kind: 'list', text: 'one <i>\ntwo' },
    ],
    warnings: [],
    provider: 'openai',
    model: 'm',
    involvement: 'generated',
  });
}

function exportAndSign(
  format: 'md' | 'html' | 'text',
  draft = compose(sampleBrief('press-release', 'fr'), { now: NOW })[0]!,
) {
  const exported = exportDraft(draft, format, { involvement: 'generated' });
  const manifest = signManifest(
    buildManifest({
      content: exported.content,
      mediaType: exported.mediaType,
      provider: 'openai',
      model: 'm',
      author: 'user:a',
      reviewers: ['user:b'],
      involvement: 'generated',
    }),
    signer,
    publicKey,
  );
  return { exported, manifest };
}

describe('exportDraft', () => {
  it.each([
    ['md', 'text/markdown; charset=utf-8', '# '],
    ['html', 'text/html; charset=utf-8', '<h1 class="headline">'],
    ['text', 'text/plain; charset=utf-8', 'Communiqué de presse'],
  ] as const)('exports %s with the disclosure', (format, mediaType, marker) => {
    const { exported } = exportAndSign(format);
    expect(exported.mediaType).toBe(mediaType);
    expect(exported.content).toContain(marker);
    expect(exported.content).toContain(
      format === 'html' ? DEFAULT_WORDING.generated.fr.replaceAll('’', '’') : DEFAULT_WORDING.generated.fr,
    );
  });

  it('adds no disclosure to a composer draft (no AI involved)', () => {
    const draft = compose(sampleBrief('press-release', 'en'), { now: NOW })[0]!;
    expect(exportDraft(draft, 'text').content).not.toContain('artificial intelligence');
  });

  it('escapes every piece of text in HTML and links URLs', () => {
    const html = exportDraft(hostileDraft(), 'html').content;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('Hello &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Tom &amp; Jerry say &quot;hi&quot;');
    expect(html).toContain(
      '<a href="https://vigie.example/a?b=1&amp;c=2">https://vigie.example/a?b=1&amp;c=2</a>.',
    );
    expect(html).toContain('<li>one &lt;i&gt;</li>');
  });
});

describe('provenance of exports', () => {
  it('embeds the manifest in HTML so it cannot close its script element', () => {
    const { exported, manifest } = exportAndSign('html', hostileDraft());
    const withManifest = embedManifest(exported.content, {
      ...manifest,
      author: '</script><script>alert(1)</script>',
    });
    const block = withManifest.slice(withManifest.indexOf(`<script type="${MANIFEST_SCRIPT_TYPE}">`));
    expect(block.indexOf('</script>')).toBe(block.indexOf('}</script>') + 1);
    expect(extractManifest(withManifest)!.content).toBe(exported.content);
  });

  it.each(['md', 'html', 'text'] as const)(
    'verifies an untouched %s export and fails on any modified byte',
    (format) => {
      const { exported, manifest } = exportAndSign(format);
      const file = Buffer.from(
        format === 'html' ? embedManifest(exported.content, manifest) : exported.content,
        'utf8',
      );
      const sidecar = format === 'html' ? undefined : manifest;
      expect(verifyExport(file, sidecar, publicKey)).toMatchObject({ ok: true });
      // Any modified byte must fail, in the content or in the manifest.
      for (let i = 0; i < file.length; i++) {
        const copy = Buffer.from(file);
        copy[i] = copy[i]! ^ 0x20;
        expect(verifyExport(copy, sidecar, publicKey).ok, `byte ${i}`).toBe(false);
      }
    },
  );

  it('fails an HTML file with no manifest, or two', () => {
    const { exported, manifest } = exportAndSign('html');
    expect(verifyExport(exported.content).reason).toBe('malformed');
    const twice = embedManifest(exported.content, manifest).replace(
      '</head>',
      `<script type="${MANIFEST_SCRIPT_TYPE}">{}</script>\n</head>`,
    );
    expect(verifyExport(twice).ok).toBe(false);
    expect(() => embedManifest(embedManifest(exported.content, manifest), manifest)).toThrow(/already/);
  });
});

describe('exportSigned', () => {
  it.each(['md', 'html', 'text'] as const)(
    'exports %s in one call that verifies against the trusted key',
    (format) => {
      const draft = compose(sampleBrief('press-release', 'en'), { now: NOW })[0]!;
      const brief = sampleBrief('press-release', 'en');
      const out = exportSigned(draft, format, {
        brief,
        author: 'user:alice',
        reviewers: ['user:bob'],
        timestamps: { approved: '2026-11-29T09:00:00Z' },
        ledgerSeq: 7,
        sign: signer,
        publicKey,
      });
      expect(out.manifest).toMatchObject({
        provider: 'composer',
        model: null,
        involvement: 'none',
        ledgerSeq: 7,
      });
      const sidecar = format === 'html' ? undefined : out.manifest;
      expect(verifyExport(out.content, sidecar, publicKey)).toMatchObject({ ok: true });
      expect(verifyExport(out.content.replace('Vigie', 'Vigi3'), sidecar, publicKey)).toMatchObject({
        ok: false,
      });
      if (format === 'html') expect(out.content).toContain(MANIFEST_SCRIPT_TYPE);
    },
  );
});
