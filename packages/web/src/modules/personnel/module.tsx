// 涉密人员 (classified personnel): one web module in parts (part.ts): core, training, exit, leaving.
import { defineWebModule } from '../../app/module.ts';
import { corePart } from './core.part.tsx';
import { exitPart } from './exit.part.tsx';
import { leavingPart } from './leaving.part.tsx';
import { messages } from './messages.ts';
import { trainingPart } from './training.part.tsx';

const parts = [corePart, trainingPart, exitPart, leavingPart] as const;

export default defineWebModule({
  name: 'personnel',
  routes: parts.flatMap((p) => p.routes),
  menu: [...corePart.menu, ...trainingPart.menu, ...exitPart.menu, ...leavingPart.menu],
  messages: {
    ...messages,
    ...corePart.messages,
    ...trainingPart.messages,
    ...exitPart.messages,
    ...leavingPart.messages,
  },
});
