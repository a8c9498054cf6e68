/**
 * The Assistant's public face: knowledge-base articles, retrieval, answering and analytics, all pure
 * (no storage, no network apart from the provider the caller passes). Other modules import only this.
 */
export {
  type AnalyticsSummary,
  type ArticleCount,
  deflectionRate,
  feedbackRatio,
  type GenerationStats,
  generationStats,
  isAnswered,
  mostCitedArticles,
  summariseConversations,
  type Topic,
  type TopicOptions,
  turnRecord,
  unansweredTopics,
} from './analytics/analytics.js';
export { type AnswerOptions, answer } from './answer/answer.js';
export {
  answerProviderFrom,
  type ChatModel,
  DEFAULT_MODEL_TIMEOUT_MS,
} from './answer/chat-model.js';
export { disclosure } from './answer/messages.js';
export { screenKnowledgeBase } from './answer/screen-passage.js';
export { checkSupport, DEFAULT_SUPPORT_THRESHOLD } from './answer/support.js';
export { MAX_MESSAGE_CHARS, validateMessage } from './answer/validate-message.js';
export { type ArticleCheck, type CheckArticleOptions, checkArticle } from './kb/check-article.js';
export {
  addArticle,
  createKnowledgeBase,
  type KnowledgeBase,
  removeArticle,
  upsertArticle,
} from './kb/knowledge-base.js';
export { MAX_ARTICLE_CHARS, type ParseArticleOptions, parseArticle } from './kb/parse-article.js';
export { splitPassages } from './kb/split-passages.js';
export {
  DEFAULT_CONFIDENCE_THRESHOLD,
  type SearchHit,
  type SearchOptions,
  type SearchResultSet,
  search,
} from './retrieval/search.js';
export { detectMessageLanguage } from './text/language.js';
export type * from './types.js';
export { fallbackReasons } from './types.js';
export * from './workspace/index.js';
