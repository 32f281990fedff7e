// 涉密人员, web part "leaving" (see part.ts).
import { definePart } from './part.ts';

export const leavingPart = definePart({ routes: [], menu: [], messages: {} });
