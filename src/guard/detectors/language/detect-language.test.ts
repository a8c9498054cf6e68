import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['Our platform helps marketing teams publish faster and safer, with every claim checked.', 'en'],
    ['Notre plateforme aide les équipes marketing à publier plus vite et en toute sécurité.', 'fr'],
    ['Découvrez nos offres et contactez notre équipe commerciale dès aujourd’hui.', 'fr'],
  ])('%s -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('falls back when the text is too short to tell', () => {
    expect(detectLanguage('OK', 'fr')).toBe('fr');
    expect(detectLanguage('', 'en')).toBe('en');
  });
});
