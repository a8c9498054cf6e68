/**
 * Work shared by the injection detectors of one scan: the folded view and the phrase hits are computed
 * once per text, lazily, and kept for the next detector (the pipeline runs them one after another on
 * the same string).
 */
import { type FoldedView, fold } from './fold.js';
import { anchorsIn, matchView, type PhraseHit } from './matcher.js';
import type { PhraseRuleId } from './phrases.js';

export interface Analysis {
  folded(): FoldedView;
  hits(rule: PhraseRuleId): PhraseHit[];
}

function analyse(text: string): Analysis {
  let view: FoldedView | undefined;
  let present: Set<string> | undefined;
  const hits = new Map<PhraseRuleId, PhraseHit[]>();
  const folded = () => {
    view ??= fold(text);
    return view;
  };
  return {
    folded,
    hits(rule) {
      let h = hits.get(rule);
      if (!h) {
        present ??= anchorsIn(folded().text);
        h = matchView(folded(), rule, text, present);
        hits.set(rule, h);
      }
      return h;
    },
  };
}

let lastText: string | undefined;
let last: Analysis | undefined;

export function analysisOf(text: string): Analysis {
  if (text !== lastText || !last) {
    lastText = text;
    last = analyse(text);
  }
  return last;
}
