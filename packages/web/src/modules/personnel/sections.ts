// Every part's sections of the person's page, in order (the core's person page renders them).
import { corePart } from './core.part.tsx';
import { exitPart } from './exit.part.tsx';
import { leavingPart } from './leaving.part.tsx';
import type { PersonSection } from './part.ts';
import { trainingPart } from './training.part.tsx';

export const personSections: readonly PersonSection[] = [corePart, trainingPart, exitPart, leavingPart]
  .flatMap((p) => p.personSections ?? [])
  .sort((a, b) => a.order - b.order);
