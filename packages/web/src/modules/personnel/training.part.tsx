// 涉密人员, web part "training" (see part.ts): 保密教育培训 (R-PER-04), 培训学时不足, 重大事项报告
// (R-PER-05), 年度保密考核 (R-PER-07), and the section 培训与考核 of the person's page.
import { AlertOutlined, BookOutlined, SolutionOutlined, WarningOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';
import { definePart } from './part.ts';
import { trainingMessages } from './training.messages.ts';

const business = { roles: ['business'] } as const;
const officerOrLeader = { roles: ['business'], businessRoles: ['secrecy_officer', 'leader'] } as const;
const keepers = {
  roles: ['business'],
  businessRoles: ['secrecy_officer', 'leader', 'department_head'],
} as const;

export const trainingPart = definePart({
  routes: [
    {
      path: '/personnel/training',
      page: lazyPage(() => import('./TrainingPage.tsx'), 'TrainingPage'),
      access: officerOrLeader,
    },
    {
      path: '/personnel/training/shortfall',
      page: lazyPage(() => import('./TrainingShortfallPage.tsx'), 'TrainingShortfallPage'),
      access: keepers,
    },
    {
      path: '/personnel/matters',
      page: lazyPage(() => import('./TrainingMattersPage.tsx'), 'TrainingMattersPage'),
      access: business,
    },
    {
      path: '/personnel/assessments',
      page: lazyPage(() => import('./TrainingAssessmentsPage.tsx'), 'TrainingAssessmentsPage'),
      access: business,
    },
  ],
  menu: [
    {
      path: '/personnel/training',
      label: 'nav.personnelTraining',
      icon: <BookOutlined />,
      group: 'nav.personnel',
      order: 39.2,
    },
    {
      path: '/personnel/training/shortfall',
      label: 'nav.personnelTrainingShortfall',
      icon: <WarningOutlined />,
      group: 'nav.personnel',
      order: 39.3,
    },
    {
      path: '/personnel/matters',
      label: 'nav.personnelMatters',
      icon: <AlertOutlined />,
      group: 'nav.personnel',
      order: 39.4,
    },
    {
      path: '/personnel/assessments',
      label: 'nav.personnelAssessments',
      icon: <SolutionOutlined />,
      group: 'nav.personnel',
      order: 39.5,
    },
  ],
  messages: { ...messages, ...trainingMessages },
  personSections: [
    {
      key: 'training',
      label: 'ptrn.section',
      order: 20,
      component: lazy(() => import('./TrainingSection.tsx').then((m) => ({ default: m.TrainingSection }))),
    },
  ],
});
