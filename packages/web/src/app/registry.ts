// The modules of modules.ts as one list, and the UI dictionary built from the platform's
// strings and every module's.
import * as declared from '../modules.ts';
import { type Bilingual, platformMessages } from './messages.ts';
import type { WebModule } from './module.ts';

type Declared = typeof declared;

export const MODULES: readonly WebModule[] = Object.values(declared);

/** Every key a module or the platform declares: `t()` takes only these. */
export type MessageKey =
  | keyof typeof platformMessages
  | {
      [K in keyof Declared]: keyof Declared[K]['messages'];
    }[keyof Declared];

export const dict: Record<MessageKey, Bilingual> = Object.assign(
  {},
  platformMessages,
  ...MODULES.map((m) => m.messages),
);
