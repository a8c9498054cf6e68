/*
 * Vigie assistant widget: <script src="https://VIGIE_HOST/widget.js" data-assistant="ID" async></script>
 * Plain JavaScript so it runs on any site without a build; everything lives in a shadow root so the
 * host page's styles cannot break it (nor it the page). Talks only to the public chat API of the origin
 * it was loaded from. Accessible: a labelled button, a dialog, a polite live log, keyboard throughout.
 */
(() => {
  const script = document.currentScript;
  if (!script) return;
  const assistantId = script.getAttribute('data-assistant');
  if (!assistantId || !/^[0-9a-f-]{36}$/i.test(assistantId)) return;
  const base = `${new URL(script.src).origin}/public/v1/assistants/${assistantId}`;
  const lang = (
    script.getAttribute('data-lang') ||
    document.documentElement.lang ||
    navigator.language ||
    'en'
  )
    .toLowerCase()
    .startsWith('fr')
    ? 'fr'
    : 'en';
  const T = {
    en: {
      open: 'Chat with us',
      close: 'Close the chat',
      title: 'Assistant',
      label: 'Your message',
      send: 'Send',
      human: 'Talk to a person',
      waiting: 'A person will answer here shortly.',
      error: 'Something went wrong. Please try again.',
      sources: 'Sources',
      you: 'You',
      bot: 'Assistant',
      agent: 'Support',
      rate: 'Was this answer helpful?',
      helpful: 'Helpful',
      notHelpful: 'Not helpful',
      thanks: 'Thank you for your feedback.',
    },
    fr: {
      open: 'Discuter avec nous',
      close: 'Fermer la discussion',
      title: 'Assistant',
      label: 'Votre message',
      send: 'Envoyer',
      human: 'Parler à une personne',
      waiting: 'Une personne va vous répondre ici.',
      error: 'Une erreur est survenue. Veuillez réessayer.',
      sources: 'Sources',
      you: 'Vous',
      bot: 'Assistant',
      agent: 'Support',
      rate: 'Cette réponse vous a-t-elle aidé ?',
      helpful: 'Utile',
      notHelpful: 'Pas utile',
      thanks: 'Merci pour votre retour.',
    },
  }[lang];

  const host = document.createElement('div');
  host.setAttribute('data-vigie-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; font: 15px/1.45 system-ui, sans-serif; color: #14202b; }
    .launcher { position: fixed; right: 20px; bottom: 20px; background: #0e6b66; color: #fff; border: 0;
      border-radius: 999px; padding: 12px 18px; font: inherit; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.2); }
    .launcher:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #f4b400; outline-offset: 2px; }
    .panel { position: fixed; right: 20px; bottom: 76px; width: min(360px, calc(100vw - 40px)); max-height: 70vh;
      display: flex; flex-direction: column; background: #fff; border: 1px solid #c9d3dc; border-radius: 12px;
      box-shadow: 0 8px 28px rgba(0,0,0,.22); overflow: hidden; }
    .panel[hidden] { display: none; }
    header { display: flex; justify-content: space-between; align-items: center; padding: 10px 14px; background: #0e6b66; color: #fff; }
    header h2 { font-size: 16px; margin: 0; }
    header button { background: transparent; color: #fff; border: 0; font-size: 20px; cursor: pointer; }
    .log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
    .msg { padding: 8px 10px; border-radius: 10px; max-width: 88%; white-space: pre-wrap; }
    .msg.customer { align-self: flex-end; background: #e3f1f0; }
    .msg.assistant, .msg.agent { align-self: flex-start; background: #f1f4f7; }
    .msg .who { display: block; font-size: 12px; font-weight: 600; color: #3d4f5f; }
    .msg ul { margin: 4px 0 0 16px; padding: 0; font-size: 13px; }
    form { display: flex; flex-direction: column; gap: 6px; padding: 10px; border-top: 1px solid #e0e6eb; }
    textarea { font: inherit; resize: vertical; min-height: 44px; border: 1px solid #8a99a8; border-radius: 8px; padding: 6px; }
    .row { display: flex; gap: 6px; justify-content: space-between; }
    .row button { font: inherit; border-radius: 8px; padding: 6px 12px; cursor: pointer; border: 1px solid #0e6b66; }
    .send { background: #0e6b66; color: #fff; }
    .human { background: #fff; color: #0e6b66; }
    .rate { display: flex; gap: 6px; align-items: center; margin-top: 6px; font-size: 12px; color: #3d4f5f; }
    .rate button { font: inherit; background: #fff; color: #0e6b66; border: 1px solid #8a99a8; border-radius: 999px;
      padding: 2px 10px; cursor: pointer; }
    .rate button[aria-pressed="true"] { background: #0e6b66; color: #fff; border-color: #0e6b66; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }`;
  root.append(style);

  const launcher = el(
    'button',
    { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'vigie-panel' },
    T.open,
  );
  const panel = el('div', {
    class: 'panel',
    id: 'vigie-panel',
    role: 'dialog',
    'aria-label': T.title,
    hidden: '',
  });
  const closeBtn = el('button', { type: 'button', 'aria-label': T.close }, '×');
  const header = el('header', {}, el('h2', {}, T.title), closeBtn);
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  // Confirmations that should be read out without adding to the conversation log.
  const status = el('div', { class: 'sr', role: 'status' });
  const input = el('textarea', { id: 'vigie-input', maxlength: '2000', rows: '2' });
  const form = el(
    'form',
    {},
    el('label', { for: 'vigie-input', class: 'sr' }, T.label),
    input,
    el(
      'div',
      { class: 'row' },
      el('button', { type: 'button', class: 'human' }, T.human),
      el('button', { type: 'submit', class: 'send' }, T.send),
    ),
  );
  panel.append(header, log, status, form);
  root.append(launcher, panel);
  document.body.append(host);

  let conversation = null;
  let lastSeq = 0;
  let poller = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }

  /** Server messages carry a sequence number; local notices (m.local) are shown without one. */
  function show(m) {
    if (!m.local) {
      if (m.seq <= lastSeq) return;
      lastSeq = m.seq;
    }
    const who = m.role === 'customer' ? T.you : m.role === 'agent' ? T.agent : T.bot;
    const item = el(
      'div',
      { class: `msg ${m.role}`, 'data-role': m.role },
      el('span', { class: 'who' }, who),
      document.createTextNode(m.text),
    );
    if (m.citations?.length) {
      const list = el('ul', { 'aria-label': T.sources });
      for (const c of m.citations) list.append(el('li', {}, `[${c.n}] ${c.title}`));
      item.append(list);
    }
    if (m.role === 'assistant' && m.rateable) item.append(rating(m));
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  /** Helpful / not helpful under an answer: real toggle buttons, the choice kept by the server. */
  function rating(m) {
    const group = el('div', { class: 'rate', role: 'group', 'aria-label': T.rate });
    const choices = [
      { helpful: true, label: T.helpful, icon: '\u{1F44D}' },
      { helpful: false, label: T.notHelpful, icon: '\u{1F44E}' },
    ];
    const buttons = choices.map((c) => {
      const pressed = m.feedback === (c.helpful ? 'helpful' : 'not-helpful');
      const b = el(
        'button',
        {
          type: 'button',
          'aria-pressed': String(pressed),
          'data-feedback': c.helpful ? 'helpful' : 'not-helpful',
        },
        el('span', { 'aria-hidden': 'true' }, `${c.icon} `),
        c.label,
      );
      b.addEventListener('click', async () => {
        try {
          await call('POST', `/conversations/${conversation.id}/feedback`, {
            messageId: m.id,
            helpful: c.helpful,
          });
          m.feedback = c.helpful ? 'helpful' : 'not-helpful';
          for (const other of buttons) other.setAttribute('aria-pressed', String(other === b));
          status.textContent = T.thanks;
        } catch {
          fail();
        }
      });
      return b;
    });
    group.append(el('span', { 'aria-hidden': 'true' }, T.rate), ...buttons);
    return group;
  }

  async function call(method, path, body) {
    const headers = body ? { 'content-type': 'application/json' } : {};
    if (conversation) headers['x-conversation-token'] = conversation.token;
    const res = await fetch(base + path, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit',
    });
    if (!res.ok && res.status !== 204) throw new Error(String(res.status));
    return res.status === 204 ? null : res.json();
  }

  async function ensureConversation() {
    if (conversation) return;
    const r = await call('POST', '/conversations', { lang });
    conversation = { id: r.conversationId, token: r.token };
    for (const m of r.messages) show(m);
  }

  function poll() {
    if (poller) return;
    poller = setInterval(async () => {
      try {
        const r = await call('GET', `/conversations/${conversation.id}/messages?after=${lastSeq}`);
        for (const m of r.messages) show(m);
      } catch {
        /* keep polling quietly */
      }
    }, 3000);
  }

  function fail() {
    show({ local: true, role: 'assistant', text: T.error });
  }

  launcher.addEventListener('click', async () => {
    const open = panel.hasAttribute('hidden');
    panel.toggleAttribute('hidden', !open);
    launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      input.focus();
      try {
        await ensureConversation();
      } catch {
        fail();
      }
    }
  });
  closeBtn.addEventListener('click', () => {
    panel.setAttribute('hidden', '');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeBtn.click();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    try {
      await ensureConversation();
      const r = await call('POST', `/conversations/${conversation.id}/messages`, { text });
      // The server numbers messages: re-read them so sequence numbers stay exact.
      const all = await call('GET', `/conversations/${conversation.id}/messages?after=0`);
      log.replaceChildren();
      lastSeq = 0;
      for (const m of all.messages) show(m);
      if (r.handoff) poll();
    } catch {
      fail();
    }
  });
  form.querySelector('.human').addEventListener('click', async () => {
    try {
      await ensureConversation();
      await call('POST', `/conversations/${conversation.id}/handoff`);
      show({ local: true, role: 'assistant', text: T.waiting });
      poll();
    } catch {
      fail();
    }
  });
})();
