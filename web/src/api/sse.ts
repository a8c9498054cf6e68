// Server-sent events, parsed by hand: the browser's EventSource cannot POST a body. Pure, for tests.

export interface StreamEvent {
  event: string;
  data: unknown;
}

/** Cuts server-sent events out of text that arrives in arbitrary pieces. Pure, for tests. */
export function createEventParser() {
  let buffer = '';
  return {
    push(chunk: string): StreamEvent[] {
      buffer += chunk;
      const out: StreamEvent[] = [];
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length > 0) {
          try {
            out.push({ event, data: JSON.parse(data.join('\n')) });
          } catch {
            // A malformed event is skipped; the final `draft` event decides success.
          }
        }
        end = buffer.indexOf('\n\n');
      }
      return out;
    },
  };
}
