/** Shared shape of injection detectors' metadata and their profile gate. */
import type { DetectContext, DetectorMeta, LocalisedMessage, Profile, Severity } from '../../types.js';

export interface InjectionMetaInput {
  name: string;
  severity: Severity;
  description: LocalisedMessage;
  example: string;
  messages: Record<string, LocalisedMessage>;
}

export function injectionMeta(input: InjectionMetaInput): DetectorMeta {
  return {
    id: `injection.${input.name}`,
    category: 'injection',
    languages: ['en', 'fr'],
    defaultSeverity: input.severity,
    docs: { description: input.description, example: input.example },
    messages: input.messages,
  };
}

export function appliesTo(profiles: readonly Profile[], ctx: DetectContext): boolean {
  return profiles.includes(ctx.profile);
}

/** Profiles where text is headed into a model: the user's prompt and content fed to it. */
export const TOWARDS_MODEL: readonly Profile[] = ['input', 'ingested'];
