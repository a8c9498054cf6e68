/**
 * `npm run bench -- assistant`: the Assistant on a 1,000-article knowledge base (half English, half
 * French) generated deterministically from a seed. Prints the build time, extractive answers per
 * second with p50/p95/p99 latency (cold: passages screened on first use; warm: screened already),
 * and, for the generative path with an in-process fake provider, the Guard overhead per turn
 * (input scan + output scan) next to the whole turn. Target: extractive p95 < 50 ms, Guard < 10 ms.
 */
import {
  answer,
  createKnowledgeBase,
  type KnowledgeBase,
  parseArticle,
  screenKnowledgeBase,
} from '../src/assistant/index.js';
import type { Lang } from '../src/assistant/types.js';
import { scan } from '../src/guard/index.js';
import { report } from './report.js';

const ARTICLES = 1000;
const QUESTIONS = 400;
const SEED = 20261129;

/** mulberry32: a tiny deterministic PRNG, so every run indexes the same knowledge base. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = [
  'Aurora kettle',
  'Nimbus backpack',
  'Velo city bike',
  'Orbit smartwatch',
  'Terra hiking boots',
  'Lumen desk lamp',
  'Cascade coffee maker',
  'Summit tent',
  'Pulse headphones',
  'Harbor raincoat',
  'Ember stove',
  'Drift paddle board',
  'Atlas suitcase',
  'Breeze fan',
  'Quartz blender',
  'Sierra sleeping bag',
  'Nova tablet',
  'Echo speaker',
  'Glacier water bottle',
  'Canopy umbrella',
  'Pixel camera',
  'Meadow garden hose',
  'Zephyr scooter',
  'Tundra jacket',
];
const PRODUITS = [
  'bouilloire Aurora',
  'sac à dos Nimbus',
  'vélo urbain Velo',
  'montre connectée Orbit',
  'chaussures de randonnée Terra',
  'lampe de bureau Lumen',
  'cafetière Cascade',
  'tente Summit',
  'casque Pulse',
  'imperméable Harbor',
  'réchaud Ember',
  'planche de pagaie Drift',
  'valise Atlas',
  'ventilateur Breeze',
  'blender Quartz',
  'sac de couchage Sierra',
  'tablette Nova',
  'enceinte Echo',
  'gourde Glacier',
  'parapluie Canopy',
  'appareil photo Pixel',
  'tuyau Meadow',
  'trottinette Zephyr',
  'veste Tundra',
];

interface Topic {
  title: (p: string) => string;
  sections: Array<{ heading: string; sentences: string[] }>;
  questions: string[];
}

// {p} is the product, {n} a small number, {d} a number of days, {c} a country.
const TOPICS: Record<Lang, Topic[]> = {
  en: [
    {
      title: (p) => `Returning your ${p}`,
      sections: [
        {
          heading: 'Return window',
          sentences: [
            'You can return the {p} within {d} days of delivery for a full refund.',
            'The {p} must be unused and in its original packaging.',
            'Returns from {c} are accepted through our partner carrier.',
            'Opened hygiene items cannot be returned once the seal is broken.',
          ],
        },
        {
          heading: 'How to send it back',
          sentences: [
            'Open My orders, choose the {p} and select Return an item.',
            'Print the prepaid label and drop the parcel at a post office.',
            'Keep the receipt until the refund appears on your statement.',
            'Returns are free in mainland France and cost {n} euros from {c}.',
          ],
        },
      ],
      questions: [
        'How do I return my {p}?',
        'Can I send back the {p} after {d} days?',
        'Is returning the {p} free from {c}?',
      ],
    },
    {
      title: (p) => `Warranty for the ${p}`,
      sections: [
        {
          heading: 'What is covered',
          sentences: [
            'The {p} has a {n}-year warranty against manufacturing defects.',
            'The battery of the {p} is covered for one year.',
            'Accidental damage and normal wear are not covered.',
            'The warranty starts on the delivery date shown on your invoice.',
          ],
        },
        {
          heading: 'Making a claim',
          sentences: [
            'Contact after-sales with your order number and a photo of the defect.',
            'We repair or replace the {p} free of charge within {d} days.',
            'A courier collects the faulty {p} from your home in {c}.',
            'You receive a replacement tracking number by e-mail.',
          ],
        },
      ],
      questions: [
        'Is my {p} still under warranty?',
        'The {p} is broken, how do I claim the warranty?',
        'Does the warranty cover the battery of the {p}?',
      ],
    },
    {
      title: (p) => `Delivery of the ${p}`,
      sections: [
        {
          heading: 'Delivery times',
          sentences: [
            'Standard delivery of the {p} takes {n} to {d} business days.',
            'Express delivery arrives the next business day when you order before 1 pm.',
            'Deliveries to {c} can take a few more days.',
            'Large items such as the {p} are delivered by appointment.',
          ],
        },
        {
          heading: 'Tracking',
          sentences: [
            'We send a tracking link by e-mail once the {p} ships.',
            'Tracking can take up to 24 hours to appear.',
            'If the parcel is late, contact us after {d} days.',
            'You can change the delivery address until the parcel ships.',
          ],
        },
      ],
      questions: [
        'How long does delivery of the {p} take?',
        'Where can I track my {p}?',
        'Do you deliver the {p} to {c}?',
      ],
    },
    {
      title: (p) => `Caring for your ${p}`,
      sections: [
        {
          heading: 'Cleaning',
          sentences: [
            'Clean the {p} with a soft damp cloth and mild soap.',
            'Never put the {p} in the dishwasher.',
            'Let the {p} dry for {n} hours before storing it.',
            'Descale it every {d} days if your water is hard.',
          ],
        },
        {
          heading: 'Storage',
          sentences: [
            'Store the {p} in a dry place away from direct sunlight.',
            'Charge the battery to half before storing the {p} for a long time.',
            'Spare parts for the {p} are sold in our online shop.',
            'Recycle the packaging according to the rules in {c}.',
          ],
        },
      ],
      questions: [
        'How do I clean the {p}?',
        'Can I put the {p} in the dishwasher?',
        'How should I store my {p}?',
      ],
    },
  ],
  fr: [
    {
      title: (p) => `Retourner votre ${p}`,
      sections: [
        {
          heading: 'Délai de retour',
          sentences: [
            'Vous pouvez retourner votre {p} dans les {d} jours suivant la livraison pour un remboursement complet.',
            'Le produit doit être neuf et dans son emballage d’origine.',
            'Les retours depuis {c} sont acceptés via notre transporteur partenaire.',
            'Les articles d’hygiène ouverts ne sont pas repris.',
          ],
        },
        {
          heading: 'Renvoyer le colis',
          sentences: [
            'Ouvrez Mes commandes, choisissez le produit et sélectionnez Retourner un article.',
            'Imprimez l’étiquette prépayée et déposez le colis au bureau de poste.',
            'Gardez le reçu jusqu’à l’arrivée du remboursement sur votre relevé.',
            'Les retours sont gratuits en France métropolitaine et coûtent {n} euros depuis {c}.',
          ],
        },
      ],
      questions: [
        'Comment retourner ma {p} ?',
        'Puis-je renvoyer le produit après {d} jours ?',
        'Le retour est-il gratuit depuis {c} ?',
      ],
    },
    {
      title: (p) => `Garantie : ${p}`,
      sections: [
        {
          heading: 'Ce qui est couvert',
          sentences: [
            'Votre {p} est garanti {n} ans contre les défauts de fabrication.',
            'La batterie est garantie un an.',
            'Les dommages accidentels et l’usure normale ne sont pas couverts.',
            'La garantie commence à la date de livraison indiquée sur la facture.',
          ],
        },
        {
          heading: 'Faire une réclamation',
          sentences: [
            'Contactez le service après-vente avec votre numéro de commande et une photo du défaut.',
            'Nous réparons ou remplaçons le produit gratuitement sous {d} jours.',
            'Un coursier vient chercher le produit défectueux chez vous, en {c}.',
            'Vous recevez un numéro de suivi du remplacement par courriel.',
          ],
        },
      ],
      questions: [
        'Ma {p} est-elle encore sous garantie ?',
        'Le produit est cassé, comment faire jouer la garantie ?',
        'La garantie couvre-t-elle la batterie ?',
      ],
    },
    {
      title: (p) => `Livraison : ${p}`,
      sections: [
        {
          heading: 'Délais de livraison',
          sentences: [
            'La livraison standard prend de {n} à {d} jours ouvrés.',
            'La livraison express arrive le jour ouvré suivant pour une commande passée avant 13 h.',
            'Les livraisons vers {c} peuvent prendre quelques jours de plus.',
            'Les articles volumineux sont livrés sur rendez-vous.',
          ],
        },
        {
          heading: 'Suivi du colis',
          sentences: [
            'Nous envoyons un lien de suivi par courriel dès l’expédition.',
            'Le suivi peut mettre jusqu’à 24 heures à apparaître.',
            'Si le colis est en retard, contactez-nous après {d} jours.',
            'Vous pouvez modifier l’adresse de livraison jusqu’à l’expédition.',
          ],
        },
      ],
      questions: [
        'Combien de temps prend la livraison de ma {p} ?',
        'Où suivre mon colis ?',
        'Livrez-vous en {c} ?',
      ],
    },
    {
      title: (p) => `Entretien : ${p}`,
      sections: [
        {
          heading: 'Nettoyage',
          sentences: [
            'Nettoyez le produit avec un chiffon doux humide et un savon neutre.',
            'Ne le mettez jamais au lave-vaisselle.',
            'Laissez sécher {n} heures avant de le ranger.',
            'Détartrez tous les {d} jours si votre eau est calcaire.',
          ],
        },
        {
          heading: 'Rangement',
          sentences: [
            'Rangez le produit dans un endroit sec, à l’abri du soleil.',
            'Chargez la batterie à moitié avant un long rangement.',
            'Les pièces détachées sont vendues sur notre boutique en ligne.',
            'Recyclez l’emballage selon les règles en vigueur en {c}.',
          ],
        },
      ],
      questions: [
        'Comment nettoyer ma {p} ?',
        'Peut-on la mettre au lave-vaisselle ?',
        'Comment ranger le produit ?',
      ],
    },
  ],
};
const COUNTRIES: Record<Lang, string[]> = {
  en: ['Belgium', 'Switzerland', 'Germany', 'Spain', 'Italy', 'Canada', 'Portugal'],
  fr: ['Belgique', 'Suisse', 'Allemagne', 'Espagne', 'Italie', 'Canada', 'Portugal'],
};
const OFF_TOPIC: Record<Lang, string[]> = {
  en: [
    'What will the weather be in Lyon tomorrow?',
    'Who won the football match last night?',
    'Can you write me a poem about cats?',
  ],
  fr: [
    'Quel temps fera-t-il à Lyon demain ?',
    'Qui a gagné le match hier soir ?',
    'Peux-tu m’écrire un poème sur les chats ?',
  ],
};

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w)\}/g, (_, k: string) => slots[k] ?? '');
}

function pick<T>(rand: () => number, list: T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

export function generate(): {
  markdown: string[];
  questions: Array<{ text: string; lang: Lang; title?: string }>;
} {
  const rand = prng(SEED);
  const markdown: string[] = [];
  const questions: Array<{ text: string; lang: Lang; title?: string }> = [];
  for (let i = 0; i < ARTICLES; i++) {
    const lang: Lang = i % 2 === 0 ? 'en' : 'fr';
    const product = (lang === 'en' ? PRODUCTS : PRODUITS)[Math.floor(i / 2) % PRODUCTS.length]!;
    const topic = TOPICS[lang][Math.floor(i / (2 * PRODUCTS.length)) % TOPICS[lang].length]!;
    const slots = () => ({
      p: product,
      n: String(2 + Math.floor(rand() * 4)),
      d: String(7 + Math.floor(rand() * 40)),
      c: pick(rand, COUNTRIES[lang]),
    });
    const sections = topic.sections.flatMap((s) => {
      // Two to three paragraphs a section, sentences shuffled, so articles differ in wording and length.
      const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 3) }, () =>
        [...s.sentences]
          .sort(() => rand() - 0.5)
          .slice(0, 2 + Math.floor(rand() * 3))
          .map((t) => fill(t, slots()))
          .join(' '),
      );
      return [`## ${s.heading}`, '', ...paragraphs.flatMap((p) => [p, ''])];
    });
    markdown.push(
      [
        '---',
        `id: kb-${i}`,
        `title: "${topic.title(product)} (${i})"`,
        'owner: Customer care',
        `language: ${lang}`,
        'review_date: 2027-06-30',
        `version: ${1 + (i % 5)}`,
        'tags: [bench]',
        '---',
        '',
        `# ${topic.title(product)}`,
        '',
        ...sections,
      ].join('\n'),
    );
    if ((questions.length < QUESTIONS && i % 2 === 0) || (questions.length < QUESTIONS && i % 5 === 1)) {
      questions.push({ text: fill(pick(rand, topic.questions), slots()), lang, title: topic.title(product) });
    }
  }
  for (let i = 0; questions.length < QUESTIONS + 40; i++) {
    const lang: Lang = i % 2 === 0 ? 'en' : 'fr';
    questions.push({ text: OFF_TOPIC[lang][i % OFF_TOPIC[lang].length]!, lang });
  }
  return { markdown, questions };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((s, t) => s + t, 0);
  return {
    perSecond: Math.round((times.length / total) * 1000),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
  };
}

async function timeAnswers(kb: KnowledgeBase, questions: Array<{ text: string; title?: string }>) {
  const times: number[] = [];
  let answered = 0;
  // Answered questions whose first citation is an article on the same product and topic.
  let onTopic = 0;
  for (const q of questions) {
    const t0 = performance.now();
    const r = await answer(q.text, { kb, conversation: { disclosed: true } });
    times.push(performance.now() - t0);
    if (!r.handoff && !r.refused) answered++;
    if (q.title && r.citations[0]?.title.startsWith(`${q.title} (`)) onTopic++;
  }
  return { ...stats(times), answered, citedRightTopic: onTopic, total: questions.length };
}

export async function run(): Promise<void> {
  const { markdown, questions } = generate();
  let t0 = performance.now();
  const articles = markdown.map((m) => parseArticle(m));
  const kb = createKnowledgeBase(articles);
  const buildMs = performance.now() - t0;
  const words = articles.reduce((s, a) => s + a.body.split(/\s+/).length, 0);
  report({
    bench: 'assistant',
    metric: 'build',
    articles: articles.length,
    passages: kb.passages.size,
    avgWordsPerArticle: Math.round(words / articles.length),
    buildMs: Math.round(buildMs),
  });

  // Warm Guard's lazy loading (models, lexicons) on a throwaway knowledge base first.
  await answer('How do I return my Aurora kettle?', { kb: createKnowledgeBase(articles.slice(0, 10)) });
  const cold = await timeAnswers(kb, questions);
  report({
    bench: 'assistant',
    metric: 'extractive',
    phase: 'cold (passages screened on first use)',
    ...cold,
  });
  const warm = await timeAnswers(kb, questions);
  report({ bench: 'assistant', metric: 'extractive', phase: 'warm', ...warm, targetP95Ms: 50 });

  const screenKb = createKnowledgeBase(articles);
  t0 = performance.now();
  screenKnowledgeBase(screenKb);
  report({
    bench: 'assistant',
    metric: 'screenAllPassages',
    passages: screenKb.passages.size,
    ms: Math.round(performance.now() - t0),
  });

  // Generative path with an in-process provider that quotes passage 1: measures our own work.
  const provider = {
    async generate({ system }: { system: string }) {
      const passage = /<passage n="1"[^>]*>\n([^<]*)\n<\/passage>/.exec(system)?.[1] ?? '';
      return `${passage.split(/(?<=\.)\s/)[0] ?? ''} [1]`;
    },
  };
  const turnTimes: number[] = [];
  const turns: Array<{ question: string; lang: Lang; answer: string; answerLang: Lang }> = [];
  let generative = 0;
  for (const q of questions) {
    const t1 = performance.now();
    const r = await answer(q.text, { kb, mode: 'generative', provider, conversation: { disclosed: true } });
    turnTimes.push(performance.now() - t1);
    if (r.mode === 'generative') generative++;
    turns.push({ question: q.text, lang: q.lang, answer: r.text, answerLang: r.lang });
  }
  // Guard's share of a turn: the same input and output scans, timed alone in a separate pass so no
  // detector can reuse work from the turn that just ran on the same text.
  const guardTimes: number[] = [];
  const inputTimes: number[] = [];
  const outputTimes: number[] = [];
  const canaries = ['VIGIE-CANARY-0123456789abcdef'];
  for (const t of turns) {
    const t2 = performance.now();
    scan(t.question, { profile: 'input', lang: t.lang });
    const t3 = performance.now();
    scan(t.answer, { profile: 'output', lang: t.answerLang, context: { canaries } });
    const t4 = performance.now();
    inputTimes.push(t3 - t2);
    outputTimes.push(t4 - t3);
    guardTimes.push(t4 - t2);
  }
  report({
    bench: 'assistant',
    metric: 'generativeTurn',
    provider: 'in-process fake',
    generative,
    ...stats(turnTimes),
  });
  report({
    bench: 'assistant',
    metric: 'guardOverheadPerTurn',
    scans: 'input + output',
    ...stats(guardTimes),
    targetP95Ms: 10,
  });
  report({ bench: 'assistant', metric: 'guardInputScan', ...stats(inputTimes) });
  report({ bench: 'assistant', metric: 'guardOutputScan', ...stats(outputTimes) });
}
