// 涉密人员, web part "core" (see part.ts).
import { definePart } from './part.ts';

export const corePart = definePart({ routes: [], menu: [], messages: {} });
