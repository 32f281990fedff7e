// The personnel web module in parts (app/part.ts), like the server's (packages/server/src/personnel/part.ts): each
// part (core, training, exit, leaving) declares its pages, menu entries and strings in its own
// <part>.part.tsx; module.tsx merges them. Menu entries of every part stand under 'nav.personnel'.
// A part may add a section to the person's page (personSections; sections.ts orders them).
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Bilingual } from '../../app/messages.ts';
import type { WebPart as KitWebPart } from '../../app/part.ts';

/** What a section of the person's page gets: whose page, and whether the caller may keep the record. */
export interface PersonSectionProps {
  personId: string;
  canWrite: boolean;
}

/** A part's section on the person's page (/personnel/:personId), e.g. 培训 or 出国（境）. */
export interface PersonSection {
  key: string;
  /** A message key of the part. */
  label: string;
  /** Place on the page, lowest first. */
  order: number;
  component: LazyExoticComponent<ComponentType<PersonSectionProps>>;
}

export interface WebPart<M extends Record<string, Bilingual>> extends KitWebPart<M> {
  personSections?: readonly PersonSection[];
}

export function definePart<const M extends Record<string, Bilingual>>(p: WebPart<M>): WebPart<M> {
  return p;
}
