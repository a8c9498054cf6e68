import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Assistant,
  closeConversation,
  createAssistant,
  type FallbackReason,
  fetchAnalytics,
  fetchArticles,
  fetchAssistants,
  fetchConversations,
  fetchMessages,
  importArticle,
  replyToConversation,
} from '../../api/assistant';
import { useSession } from '../../auth/SessionProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { AssistantSettingsForm, originsFrom } from './AssistantSettingsForm';

/** Assistants, their knowledge base, the embed snippet, analytics and the handoff queue. */
export function AssistantConsole() {
  const { t } = useTranslation();
  const { can } = useSession();
  const assistants = useQuery({
    queryKey: ['assistants'],
    queryFn: fetchAssistants,
    enabled: can('assistant:manage'),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const list = assistants.data?.assistants ?? [];
  const current = list.find((a) => a.id === selected) ?? list[0];
  return (
    <>
      <PageHeader title={t('assistantConsole.title')} description={t('assistantConsole.description')} />
      <div className="stack">
        {can('assistant:manage') ? (
          <QueryBoundary query={assistants} loadingLabel={t('assistantConsole.loading')}>
            {() => (
              <>
                <AssistantPicker assistants={list} current={current} onSelect={setSelected} />
                <CreateAssistantForm onCreated={setSelected} />
                {current ? (
                  <>
                    <EmbedSnippet assistant={current} />
                    <AssistantSettingsForm key={current.id} assistant={current} />
                    <KnowledgeBase assistantId={current.id} />
                    <Analytics assistantId={current.id} />
                  </>
                ) : null}
              </>
            )}
          </QueryBoundary>
        ) : null}
        {current && can('assistant:handoff') ? <HandoffQueue assistantId={current.id} /> : null}
      </div>
    </>
  );
}

function AssistantPicker(props: {
  assistants: Assistant[];
  current: Assistant | undefined;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (props.assistants.length === 0) return <p className="muted">{t('assistantConsole.none')}</p>;
  return (
    <section className="card">
      <label htmlFor="assistant-select">{t('assistantConsole.pick')}</label>
      <select
        id="assistant-select"
        data-testid="assistant-select"
        value={props.current?.id}
        onChange={(e) => props.onSelect(e.target.value)}
      >
        {props.assistants.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </section>
  );
}

function CreateAssistantForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [lang, setLang] = useState<'en' | 'fr'>('fr');
  const [origins, setOrigins] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      createAssistant({
        name: name.trim(),
        settings: {
          lang,
          allowedOrigins: originsFrom(origins),
          retentionDays: 30,
        },
      }),
    onSuccess: async ({ assistant }) => {
      setName('');
      await client.invalidateQueries({ queryKey: ['assistants'] });
      onCreated(assistant.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) mutation.mutate();
  };
  return (
    <section className="card" aria-labelledby="assistant-create-title">
      <h2 id="assistant-create-title">{t('assistantConsole.create.title')}</h2>
      <form className="form form-grid" onSubmit={submit} data-testid="assistant-create-form">
        <label htmlFor="assistant-name">{t('assistantConsole.create.name')}</label>
        <input
          id="assistant-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={100}
        />
        <label htmlFor="assistant-lang">{t('assistantConsole.create.lang')}</label>
        <select id="assistant-lang" value={lang} onChange={(e) => setLang(e.target.value as 'en' | 'fr')}>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
        <label htmlFor="assistant-origins">{t('assistantConsole.create.origins')}</label>
        <input
          id="assistant-origins"
          value={origins}
          onChange={(e) => setOrigins(e.target.value)}
          placeholder="https://www.example.com"
        />
        <button
          type="submit"
          className="button"
          data-testid="assistant-create-submit"
          disabled={mutation.isPending}
        >
          {t('assistantConsole.create.submit')}
        </button>
      </form>
      {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
    </section>
  );
}

function EmbedSnippet({ assistant }: { assistant: Assistant }) {
  const { t } = useTranslation();
  const snippet = `<script src="${window.location.origin}/widget.js" data-assistant="${assistant.id}" async></script>`;
  return (
    <section className="card" aria-labelledby="assistant-embed-title">
      <h2 id="assistant-embed-title">{t('assistantConsole.embed.title')}</h2>
      <p className="muted">{t('assistantConsole.embed.help')}</p>
      <pre className="mono break" data-testid="assistant-embed">
        {snippet}
      </pre>
    </section>
  );
}

function KnowledgeBase({ assistantId }: { assistantId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const articles = useQuery({
    queryKey: ['assistant-articles', assistantId],
    queryFn: () => fetchArticles(assistantId),
  });
  const [markdown, setMarkdown] = useState('');
  const mutation = useMutation({
    mutationFn: (text: string) => importArticle(assistantId, text),
    onSuccess: async () => {
      setMarkdown('');
      await client.invalidateQueries({ queryKey: ['assistant-articles', assistantId] });
    },
  });
  const onFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (file) mutation.mutate(await file.text());
  };
  return (
    <section className="card" aria-labelledby="assistant-kb-title">
      <h2 id="assistant-kb-title">{t('assistantConsole.kb.title')}</h2>
      <p className="muted">{t('assistantConsole.kb.help')}</p>
      <form
        className="form"
        data-testid="assistant-import-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (markdown.trim()) mutation.mutate(markdown);
        }}
      >
        <label htmlFor="assistant-article">{t('assistantConsole.kb.paste')}</label>
        <textarea
          id="assistant-article"
          rows={8}
          value={markdown}
          onChange={(e) => setMarkdown(e.target.value)}
          data-testid="assistant-article"
        />
        <label htmlFor="assistant-article-file">{t('assistantConsole.kb.file')}</label>
        <input
          id="assistant-article-file"
          type="file"
          accept=".md,text/markdown,text/plain"
          onChange={(e) => void onFile(e.target.files)}
        />
        <button
          type="submit"
          className="button"
          data-testid="assistant-import-submit"
          disabled={mutation.isPending}
        >
          {t('assistantConsole.kb.import')}
        </button>
      </form>
      {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
      <LiveRegion>
        {mutation.data
          ? t('assistantConsole.kb.imported', {
              status: t(`assistantConsole.status.${mutation.data.article.status}`),
            })
          : null}
      </LiveRegion>
      <QueryBoundary query={articles} loadingLabel={t('assistantConsole.loading')}>
        {({ articles: list }) => (
          <table className="table" data-testid="assistant-articles">
            <thead>
              <tr>
                <th scope="col">{t('assistantConsole.kb.article')}</th>
                <th scope="col">{t('assistantConsole.kb.lang')}</th>
                <th scope="col">{t('assistantConsole.kb.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id} data-testid="assistant-article-row" data-status={a.status}>
                  <td>{a.title}</td>
                  <td>{a.lang}</td>
                  <td>
                    {t(`assistantConsole.status.${a.status}`)}
                    {a.findings.length ? ` (${[...new Set(a.findings.map((f) => f.rule))].join(', ')})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryBoundary>
    </section>
  );
}

function Analytics({ assistantId }: { assistantId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['assistant-analytics', assistantId],
    queryFn: () => fetchAnalytics(assistantId),
  });
  return (
    <section className="card" aria-labelledby="assistant-analytics-title">
      <h2 id="assistant-analytics-title">{t('assistantConsole.analytics.title')}</h2>
      <QueryBoundary query={query} loadingLabel={t('assistantConsole.loading')}>
        {(a) => (
          <dl className="facts" data-testid="assistant-analytics">
            <dt>{t('assistantConsole.analytics.deflection')}</dt>
            <dd>
              {Math.round(a.deflection.rate * 100)} % ({a.deflection.deflected}/{a.deflection.total})
            </dd>
            <dt>{t('assistantSettings.analytics.feedback')}</dt>
            <dd data-testid="assistant-feedback">
              {t('assistantSettings.analytics.feedbackValue', {
                helpful: a.feedback.helpful,
                notHelpful: a.feedback.notHelpful,
              })}
            </dd>
            <dt>{t('assistantSettings.analytics.generative')}</dt>
            <dd data-testid="assistant-generation">{a.generation.generative}</dd>
            <dt>{t('assistantSettings.analytics.fallbacks')}</dt>
            <dd data-testid="assistant-fallbacks">
              {(Object.entries(a.generation.fallbacks) as Array<[FallbackReason, number]>)
                .filter(([, n]) => n > 0)
                .map(([reason, n]) => `${t(`assistantSettings.fallback.${reason}`)} (${n})`)
                .join(' · ') || '—'}
            </dd>
            <dt>{t('assistantConsole.analytics.cited')}</dt>
            <dd>
              {a.mostCited
                .slice(0, 5)
                .map((c) => `${c.title} (${c.citations})`)
                .join(' · ') || '—'}
            </dd>
            <dt>{t('assistantConsole.analytics.unanswered')}</dt>
            <dd>
              {a.unanswered
                .slice(0, 5)
                .map((u) => `${u.label.join(' ')} (${u.count})`)
                .join(' · ') || '—'}
            </dd>
          </dl>
        )}
      </QueryBoundary>
    </section>
  );
}

function HandoffQueue({ assistantId }: { assistantId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const queue = useQuery({
    queryKey: ['assistant-handoff', assistantId],
    queryFn: () => fetchConversations(assistantId, 'handoff'),
    refetchInterval: 5000,
  });
  const [open, setOpen] = useState<string | null>(null);
  const messages = useQuery({
    queryKey: ['assistant-messages', assistantId, open],
    queryFn: () => fetchMessages(assistantId, open!),
    enabled: Boolean(open),
    refetchInterval: 5000,
  });
  const [reply, setReply] = useState('');
  const send = useMutation({
    mutationFn: () => replyToConversation(assistantId, open!, reply.trim()),
    onSuccess: async () => {
      setReply('');
      await client.invalidateQueries({ queryKey: ['assistant-messages', assistantId, open] });
    },
  });
  const close = useMutation({
    mutationFn: () => closeConversation(assistantId, open!),
    onSuccess: async () => {
      setOpen(null);
      await client.invalidateQueries({ queryKey: ['assistant-handoff', assistantId] });
    },
  });
  return (
    <section className="card" aria-labelledby="assistant-queue-title" data-testid="assistant-queue">
      <h2 id="assistant-queue-title">{t('assistantConsole.queue.title')}</h2>
      <QueryBoundary query={queue} loadingLabel={t('assistantConsole.loading')}>
        {({ conversations }) =>
          conversations.length === 0 ? (
            <p className="muted">{t('assistantConsole.queue.empty')}</p>
          ) : (
            <ul className="stack">
              {conversations.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="button button-secondary"
                    data-testid="assistant-conversation"
                    aria-pressed={open === c.id}
                    onClick={() => setOpen(c.id)}
                  >
                    {t('assistantConsole.queue.conversation', {
                      date: new Date(c.updatedAt).toLocaleString(),
                    })}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryBoundary>
      {open && messages.data ? (
        <div className="stack">
          <ol className="stack" data-testid="assistant-messages" aria-live="polite">
            {messages.data.messages.map((m) => (
              <li key={m.id} data-role={m.role}>
                <strong>{t(`assistantConsole.roles.${m.role}`)}</strong> {m.text}
              </li>
            ))}
          </ol>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              if (reply.trim()) send.mutate();
            }}
          >
            <label htmlFor="assistant-reply">{t('assistantConsole.queue.reply')}</label>
            <textarea
              id="assistant-reply"
              rows={3}
              value={reply}
              onChange={(e) => setReply(e.target.value)}
              data-testid="assistant-reply"
            />
            <div className="row">
              <button
                type="submit"
                className="button"
                data-testid="assistant-reply-submit"
                disabled={send.isPending}
              >
                {t('assistantConsole.queue.send')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => close.mutate()}
                data-testid="assistant-close"
              >
                {t('assistantConsole.queue.close')}
              </button>
            </div>
          </form>
          {send.isError ? <ErrorNotice error={send.error} /> : null}
        </div>
      ) : null}
    </section>
  );
}
