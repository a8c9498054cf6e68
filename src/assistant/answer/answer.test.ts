import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../guard/index.js';
import { turnRecord } from '../analytics/analytics.js';
import { createKnowledgeBase } from '../kb/knowledge-base.js';
import { answer } from './answer.js';
import { decline, disclosure } from './messages.js';
import { fixtureKb, onlyApprovedText } from './test-support.js';

const kb = fixtureKb();
const later = { disclosed: true };

describe('answer (extractive)', () => {
  it.each([
    // question, language, cited passage, a fact the answer must carry
    ['How do I return an item?', 'en', 'returns-en#how-to-return-an-item', 'prepaid return label'],
    ['When will I get my refund?', 'en', 'returns-en#when-will-i-get-my-refund', '5 business days'],
    ['How long does delivery take?', 'en', 'delivery-en#delivery-times-and-tracking', '3 to 5 business days'],
    ['Is the battery covered by the warranty?', 'en', 'warranty-en#product-warranty', 'one year'],
    [
      'Comment retourner un article ?',
      'fr',
      'retours-fr#comment-retourner-un-article',
      'étiquette de retour',
    ],
    ['Quand serai-je remboursé ?', 'fr', 'retours-fr#quand-serai-je-remboursé-', 'remboursement'],
    [
      'Combien de temps prend la livraison ?',
      'fr',
      'livraison-fr#délais-de-livraison-et-suivi-de-colis',
      '3 à 5 jours',
    ],
    ['La batterie est-elle garantie ?', 'fr', 'garantie-fr#garantie-des-produits', 'un an'],
  ] as const)('%s', async (question, lang, passageId, fact) => {
    const r = await answer(question, { kb, conversation: later });
    expect(r).toMatchObject({ lang, mode: 'extractive', handoff: false });
    expect(r.refused).toBeUndefined();
    expect(r.citations[0]).toMatchObject({ n: 1, passageId });
    expect(r.text).toContain(fact);
    expect(r.text).toContain('[1]');
    expect(r.confidence).toBeGreaterThanOrEqual(0.5);
    expect(onlyApprovedText(r.text)).toBe(true);
  });

  it('keeps answers short: at most 3 sentences from at most 2 articles', async () => {
    for (const q of [
      'returns refunds delivery warranty tracking',
      'retours livraison garantie suivi remboursement',
    ]) {
      const r = await answer(q, { kb, conversation: later });
      const sentences = r.text
        .replace(/\s*\[\d+\]/g, '')
        .split(/(?<=[.!?])\s+/)
        .filter(Boolean);
      expect(sentences.length).toBeLessThanOrEqual(3);
      expect(new Set(r.citations.map((c) => c.articleId)).size).toBeLessThanOrEqual(2);
      expect(r.citations.map((c) => c.n)).toEqual(r.citations.map((_, i) => i + 1));
    }
  });

  it.each([
    ['What is the weather in Paris tomorrow?', 'en'],
    ['Do you sell electric bikes in Canada?', 'en'],
    ['Quel temps fera-t-il à Lyon demain ?', 'fr'],
    ['Vendez-vous des vélos électriques au Canada ?', 'fr'],
  ] as const)('declines and offers a human in the customer language: %s', async (question, lang) => {
    const r = await answer(question, { kb, conversation: later });
    expect(r).toMatchObject({ lang, handoff: true, citations: [], text: decline[lang] });
    expect(r.refused).toBeUndefined();
  });

  it.each([
    ['How do I return an item?', 'en'],
    ['Comment retourner un article ?', 'fr'],
  ] as const)('discloses the AI on the first turn only (%s)', async (question, lang) => {
    const first = await answer(question, { kb });
    expect(first.text.startsWith(disclosure[lang])).toBe(true);
    expect(first.conversation.disclosed).toBe(true);
    const second = await answer(question, { kb, conversation: first.conversation });
    expect(second.text).not.toContain(disclosure[lang]);
  });

  it('discloses even when the first message is refused or declined', async () => {
    expect((await answer('', { kb, lang: 'fr' })).text.startsWith(disclosure.fr)).toBe(true);
    expect((await answer('Quel temps fera-t-il demain ?', { kb })).text.startsWith(disclosure.fr)).toBe(true);
  });

  it('honours a language given by the caller', async () => {
    const r = await answer('livraison', { kb, lang: 'fr', conversation: later });
    expect(r.lang).toBe('fr');
    expect(r.citations[0]?.articleId).toBe('livraison-fr');
  });

  it('pseudonymises what the customer typed and keeps it out of the stored state', async () => {
    const r = await answer('My email is jane.doe@example.org, how can I track my parcel?', {
      kb,
      conversation: later,
    });
    expect(r.pseudonymisedQuestion).not.toContain('jane.doe@example.org');
    expect(r.pseudonymisedQuestion).toContain('[EMAIL_1]');
    expect(r.citations[0]?.passageId).toBe('delivery-en#tracking-a-parcel');
    expect(JSON.stringify(r.conversation.history)).not.toContain('jane.doe');
    expect(r.conversation.mapping?.entries.map((e) => e.original)).toContain('jane.doe@example.org');
    // The same value keeps its placeholder on the next turn.
    const next = await answer('Is jane.doe@example.org the right address for the refund?', {
      kb,
      conversation: r.conversation,
    });
    expect(next.pseudonymisedQuestion).toContain('[EMAIL_1]');
  });

  it('reports the Guard findings of the turn without raw values in their messages', async () => {
    const r = await answer('Call me on +33 6 12 34 56 78 about my refund', { kb, conversation: later });
    const input = r.findings.filter((f) => f.stage === 'input');
    expect(input.some((f) => f.category === 'pii')).toBe(true);
    expect(JSON.stringify(input.map((f) => f.message))).not.toContain('12 34 56');
  });

  it('lets a lower threshold answer and a higher one decline', async () => {
    const q = 'How much does express delivery cost?';
    expect((await answer(q, { kb, conversation: later, threshold: 0.2 })).handoff).toBe(false);
    expect((await answer(q, { kb, conversation: later, threshold: 0.99 })).handoff).toBe(true);
  });
});

describe('both languages on one knowledge base', () => {
  it.each([
    ['How do I return an item?', 'Comment retourner un article ?', 'returns-en', 'retours-fr'],
    ['How can I track my parcel?', 'Comment suivre mon colis ?', 'delivery-en', 'livraison-fr'],
    [
      'Does the warranty cover batteries?',
      'La garantie couvre-t-elle les batteries ?',
      'warranty-en',
      'garantie-fr',
    ],
  ])('answers %s and its French twin from the article in the same language', async (en, fr, enId, frId) => {
    const a = await answer(en, { kb, conversation: later });
    const b = await answer(fr, { kb, conversation: later });
    expect([a.lang, a.citations[0]?.articleId]).toEqual(['en', enId]);
    expect([b.lang, b.citations[0]?.articleId]).toEqual(['fr', frId]);
  });

  it('keeps the conversation language for a message too short to tell', async () => {
    const first = await answer('Comment retourner un article ?', { kb });
    expect(first.conversation.lang).toBe('fr');
    const next = await answer('ok', { kb, conversation: first.conversation });
    expect(next).toMatchObject({ lang: 'fr', handoff: true, text: decline.fr });
  });
});

describe('edge cases', () => {
  it('declines on an empty knowledge base', async () => {
    const r = await answer('How do I return an item?', { kb: createKnowledgeBase(), conversation: later });
    expect(r).toMatchObject({ handoff: true, text: decline.en, confidence: 0 });
  });
});

describe('policy and records', () => {
  it('follows a workspace policy that lets personal data through to retrieval', async () => {
    const policy = loadPolicy({ profiles: { input: { categories: { pii: 'allow' } } } });
    const r = await answer('My email is jane.doe@example.org, how can I track my parcel?', {
      kb,
      conversation: later,
      policy,
    });
    expect(r.pseudonymisedQuestion).toContain('jane.doe@example.org');
  });

  it('turns a result into an analytics record without personal data', async () => {
    const r = await answer('My email is jane.doe@example.org, how can I track my parcel?', {
      kb,
      conversation: later,
    });
    expect(turnRecord(r, 'helpful')).toEqual({
      question: 'My email is [EMAIL_1], how can I track my parcel?',
      lang: 'en',
      confidence: r.confidence,
      handoff: false,
      citations: [{ articleId: 'delivery-en', title: 'Delivery times and tracking' }],
      feedback: 'helpful',
      mode: 'extractive',
    });
  });
});
