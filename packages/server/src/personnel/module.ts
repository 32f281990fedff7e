// 涉密人员 (classified personnel, R-PER-01 … R-PER-07, R-PER-06a, R-SITE-01/04): one module in parts
// (part.ts): core, training, exit, leaving.
import { defineModule } from '../kit/module.ts';
import { corePart } from './core.part.ts';
import { exitPart } from './exit.part.ts';
import { leavingPart } from './leaving.part.ts';
import { mergeParts } from './part.ts';
import { trainingPart } from './training.part.ts';

export default defineModule({
  name: 'personnel',
  label: { zh: '涉密人员', en: 'Classified personnel' },
  prefix: '/api/personnel',
  ...mergeParts([corePart, trainingPart, exitPart, leavingPart]),
});
