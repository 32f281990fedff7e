// 涉外活动 (foreign affairs): one web module in parts (app/part.ts): activities, visitors & materials.
import { defineWebModule } from '../../app/module.ts';
import { activityPart } from './activity.part.tsx';
import { messages } from './messages.ts';
import { visitorPart } from './visitor.part.tsx';

const parts = [activityPart, visitorPart] as const;

export default defineWebModule({
  name: 'foreign',
  routes: parts.flatMap((p) => p.routes),
  menu: [...activityPart.menu, ...visitorPart.menu],
  messages: { ...messages, ...activityPart.messages, ...visitorPart.messages },
});
