/** Providers by name, as a workspace setting or a request names them. */
import { AppError } from '../../core/errors.js';
import { composerProvider } from './composer.js';
import { type LlamaCppConfig, llamaCppProvider } from './llamacpp.js';
import { type OpenAIConfig, openaiProvider } from './openai.js';
import type { Provider } from './types.js';

export const providerNames = ['composer', 'openai', 'llamacpp'] as const;
export type ProviderName = (typeof providerNames)[number];

export interface ProviderSettings {
  openai?: OpenAIConfig;
  llamacpp?: LlamaCppConfig;
}

export function getProvider(name: string, settings: ProviderSettings = {}): Provider {
  switch (name) {
    case 'composer':
      return composerProvider();
    case 'openai':
      if (!settings.openai)
        throw new AppError('CONFIG', 'The openai provider is not configured for this workspace');
      return openaiProvider(settings.openai);
    case 'llamacpp':
      if (!settings.llamacpp)
        throw new AppError('CONFIG', 'The llamacpp provider is not configured for this workspace');
      return llamaCppProvider(settings.llamacpp);
    default:
      throw new AppError('VALIDATION', `Unknown provider; use one of ${providerNames.join(', ')}`);
  }
}
