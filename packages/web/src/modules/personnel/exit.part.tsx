// 涉密人员, web part "exit" (see part.ts).
import { definePart } from './part.ts';

export const exitPart = definePart({ routes: [], menu: [], messages: {} });
