// 涉密人员, web part "training" (see part.ts).
import { definePart } from './part.ts';

export const trainingPart = definePart({ routes: [], menu: [], messages: {} });
