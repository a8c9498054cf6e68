/** One detector per provider rule, built from the rule data so the catalog lists each credential type. */
import type { Detector, DetectorMeta } from '../../types.js';
import { type CompiledSecretRule, compileSecretRule, lowerOnce } from './compile.js';
import type { SecretRule } from './rules.js';

export const SECRET_ENTITY = 'SECRET';

export function secretMeta(
  rule: Pick<SecretRule, 'id' | 'label' | 'example'>,
  severity: 'warn' | 'high',
): DetectorMeta {
  return {
    id: rule.id,
    category: 'secret',
    languages: ['*'],
    defaultSeverity: severity,
    docs: {
      description: {
        en: `Finds a ${rule.label.en} in the text, which must never reach a model or a publication.`,
        fr: `Repère : ${rule.label.fr}, qui ne doit jamais parvenir à un modèle ni être publié.`,
      },
      example: rule.example,
    },
    messages: {
      found: {
        en: `Secret found (${rule.label.en}): remove it from the text and revoke it.`,
        fr: `Secret détecté (${rule.label.fr}) : retirez-le du texte et révoquez-le.`,
      },
    },
  };
}

export function providerDetector(compiled: CompiledSecretRule): Detector {
  const { rule } = compiled;
  return {
    meta: secretMeta(rule, 'high'),
    // Secrets matter in every profile: a prompt, an ingested page, a model's answer, a publication.
    detect(text) {
      return compiled.find(text, lowerOnce(text)).map((m) => ({
        messageId: 'found',
        data: { kind: rule.id.slice('secret.'.length) },
        start: m.start,
        end: m.end,
        entity: SECRET_ENTITY,
        confidence: rule.check === 'notPlaceholder' ? 0.9 : 0.97,
      }));
    },
  };
}

export function compileAll(rules: SecretRule[]): CompiledSecretRule[] {
  return rules.map(compileSecretRule);
}
