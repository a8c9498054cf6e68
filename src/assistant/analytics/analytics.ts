/**
 * Analytics over stored conversations (pure: the caller loads the records). Questions are already
 * pseudonymised, so topics never expose a customer's personal data.
 */
import { analyze, analyzeWord, tokenize } from '../text/analyzer.js';
import {
  type AnswerResult,
  type ConversationRecord,
  type FallbackReason,
  fallbackReasons,
  type Lang,
  type TurnRecord,
} from '../types.js';

/** What to store of a turn for analytics (the question is the pseudonymised one). */
export function turnRecord(result: AnswerResult, feedback?: TurnRecord['feedback']): TurnRecord {
  return {
    question: result.pseudonymisedQuestion,
    lang: result.lang,
    confidence: result.confidence,
    handoff: result.handoff,
    ...(result.refused ? { refused: result.refused } : {}),
    citations: result.citations.map((c) => ({ articleId: c.articleId, title: c.title })),
    ...(feedback ? { feedback } : {}),
    mode: result.mode,
    ...(result.fallback ? { fallback: result.fallback } : {}),
  };
}

/** A turn counts as answered when the assistant gave an answer and did not offer a human. */
export function isAnswered(turn: TurnRecord): boolean {
  return !turn.handoff && !turn.refused;
}

/**
 * Share of conversations the assistant resolved alone: at least one answered turn and no human
 * took over. Conversations made only of refusals (attacks, malformed input) are left out.
 */
export function deflectionRate(conversations: ConversationRecord[]): {
  rate: number;
  deflected: number;
  total: number;
} {
  const counted = conversations.filter((c) => c.handedOff || c.turns.some((t) => !t.refused));
  const deflected = counted.filter((c) => !c.handedOff && c.turns.some(isAnswered)).length;
  return { rate: counted.length ? deflected / counted.length : 0, deflected, total: counted.length };
}

export interface ArticleCount {
  articleId: string;
  title: string;
  citations: number;
}

export function mostCitedArticles(conversations: ConversationRecord[], limit = 10): ArticleCount[] {
  const counts = new Map<string, ArticleCount>();
  for (const c of conversations) {
    for (const t of c.turns) {
      for (const cit of t.citations) {
        const entry = counts.get(cit.articleId) ?? {
          articleId: cit.articleId,
          title: cit.title,
          citations: 0,
        };
        entry.citations++;
        counts.set(cit.articleId, entry);
      }
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.citations - a.citations || a.articleId.localeCompare(b.articleId))
    .slice(0, limit);
}

export function feedbackRatio(conversations: ConversationRecord[]): {
  helpful: number;
  notHelpful: number;
  ratio: number;
} {
  let helpful = 0;
  let notHelpful = 0;
  for (const c of conversations) {
    for (const t of c.turns) {
      if (t.feedback === 'helpful') helpful++;
      else if (t.feedback === 'not-helpful') notHelpful++;
    }
  }
  const total = helpful + notHelpful;
  return { helpful, notHelpful, ratio: total ? helpful / total : 0 };
}

export interface GenerationStats {
  /** Turns answered by the model (draft supported by the passages and passed by Guard). */
  generative: number;
  /** Turns where generative mode fell back to the extractive answer, by reason. */
  fallbacks: Record<FallbackReason, number>;
}

/** How generative mode fared: model answers kept, and fall-backs to extractive with their reasons. */
export function generationStats(conversations: ConversationRecord[]): GenerationStats {
  const fallbacks = Object.fromEntries(fallbackReasons.map((r) => [r, 0])) as Record<FallbackReason, number>;
  let generative = 0;
  for (const c of conversations) {
    for (const t of c.turns) {
      if (t.mode === 'generative') generative++;
      if (t.fallback) fallbacks[t.fallback]++;
    }
  }
  return { generative, fallbacks };
}

export interface Topic {
  lang: Lang;
  /** The most frequent words of the topic (surface forms), e.g. ["warranty", "battery"]. */
  label: string[];
  count: number;
  /** A few example questions (pseudonymised). */
  examples: string[];
}

export interface TopicOptions {
  /** Topics smaller than this are dropped (default 1). */
  minSize?: number;
  /** Examples kept per topic (default 3). */
  examples?: number;
  /** Terms two questions must share to join a topic (default 1 for one-word questions, else 2). */
  minShared?: number;
}

interface Cluster {
  lang: Lang;
  termCounts: Map<string, number>;
  surface: Map<string, Map<string, number>>;
  questions: string[];
}

/** Bounded so that grouping stays fast on a month of questions. */
const MAX_QUESTIONS = 5000;

/**
 * Unanswered questions grouped by shared stemmed terms: each question joins the topic it shares
 * the most terms with (at least `minShared`), otherwise starts a new topic.
 */
export function unansweredTopics(conversations: ConversationRecord[], options: TopicOptions = {}): Topic[] {
  const clusters: Cluster[] = [];
  const questions = conversations
    .flatMap((c) => c.turns)
    .filter((t) => t.handoff && !t.refused)
    .slice(0, MAX_QUESTIONS);
  for (const turn of questions) {
    const terms = new Set(analyze(turn.question, turn.lang));
    if (terms.size === 0) continue;
    const need = options.minShared ?? Math.min(2, terms.size);
    let best: Cluster | undefined;
    let bestShared = 0;
    for (const c of clusters) {
      if (c.lang !== turn.lang) continue;
      let shared = 0;
      for (const t of terms) if (c.termCounts.has(t)) shared++;
      if (shared >= need && shared > bestShared) {
        best = c;
        bestShared = shared;
      }
    }
    if (!best) {
      best = { lang: turn.lang, termCounts: new Map(), surface: new Map(), questions: [] };
      clusters.push(best);
    }
    best.questions.push(turn.question);
    for (const t of terms) best.termCounts.set(t, (best.termCounts.get(t) ?? 0) + 1);
    for (const word of tokenize(turn.question)) {
      const term = analyzeWord(word, turn.lang);
      if (!term) continue;
      const forms = best.surface.get(term) ?? new Map<string, number>();
      const form = word.toLowerCase();
      forms.set(form, (forms.get(form) ?? 0) + 1);
      best.surface.set(term, forms);
    }
  }
  const minSize = options.minSize ?? 1;
  return clusters
    .filter((c) => c.questions.length >= minSize)
    .map((c) => ({
      lang: c.lang,
      label: [...c.termCounts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([term]) => mostFrequent(c.surface.get(term)) ?? term),
      count: c.questions.length,
      examples: c.questions.slice(0, options.examples ?? 3),
    }))
    .sort((a, b) => b.count - a.count || a.label.join(' ').localeCompare(b.label.join(' ')));
}

function mostFrequent(forms: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let count = 0;
  for (const [form, n] of forms ?? []) {
    if (n > count) {
      best = form;
      count = n;
    }
  }
  return best;
}

export interface AnalyticsSummary {
  deflection: ReturnType<typeof deflectionRate>;
  feedback: ReturnType<typeof feedbackRatio>;
  generation: GenerationStats;
  mostCited: ArticleCount[];
  unanswered: Topic[];
}

/** Everything the console's analytics page shows, in one call. */
export function summariseConversations(conversations: ConversationRecord[]): AnalyticsSummary {
  return {
    deflection: deflectionRate(conversations),
    feedback: feedbackRatio(conversations),
    generation: generationStats(conversations),
    mostCited: mostCitedArticles(conversations),
    unanswered: unansweredTopics(conversations),
  };
}
