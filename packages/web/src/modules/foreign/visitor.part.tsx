// 涉外活动, web part "visitors & materials": built by its own branch; empty here.
import { defineWebPart } from '../../app/part.ts';

export const visitorPart = defineWebPart({ routes: [], menu: [], messages: {} });
