// 涉外活动 (foreign-affairs activities, R-FOR-01 … R-FOR-08): one module in parts (the kit's parts,
// kit/parts.ts): activities (activity.part.ts: the activity, its secrecy plan and approval, briefings,
// start, closing) and visitors & materials (visitor.part.ts: the visitor register, visits, materials
// for foreign parties). Part names prefix their files: activity.*, visitor.* (and material.*).
import { defineModule } from '../kit/module.ts';
import { mergeParts } from '../kit/parts.ts';
import { activityPart } from './activity.part.ts';
import { visitorPart } from './visitor.part.ts';

export default defineModule({
  name: 'foreign',
  label: { zh: '涉外活动', en: 'Foreign-affairs activities' },
  prefix: '/api/foreign',
  ...mergeParts([activityPart, visitorPart]),
});
