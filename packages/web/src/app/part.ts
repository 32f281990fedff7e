// A web module built in parts, like the server's (packages/server/src/kit/parts.ts): each part declares
// its pages, menu entries and strings in its own <part>.part.tsx; the module's module.tsx merges them.
import type { Bilingual } from './messages.ts';
import type { MenuEntry, WebRoute } from './module.ts';

export interface WebPart<M extends Record<string, Bilingual>> {
  routes: readonly WebRoute[];
  menu: readonly MenuEntry<keyof M & string>[];
  messages: M;
}

export function defineWebPart<const M extends Record<string, Bilingual>>(p: WebPart<M>): WebPart<M> {
  return p;
}
