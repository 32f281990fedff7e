// The personnel web module in parts, like the server's (packages/server/src/personnel/part.ts): each
// part (core, training, exit, leaving) declares its pages, menu entries and strings in its own
// <part>.part.tsx; module.tsx merges them. Menu entries of every part stand under 'nav.personnel'.

import type { Bilingual } from '../../app/messages.ts';
import type { MenuEntry, WebRoute } from '../../app/module.ts';

export interface WebPart<M extends Record<string, Bilingual>> {
  routes: readonly WebRoute[];
  menu: readonly MenuEntry<keyof M & string>[];
  messages: M;
}

export function definePart<const M extends Record<string, Bilingual>>(p: WebPart<M>): WebPart<M> {
  return p;
}
