// Designation set-up (定密准备): authority, grants, designators, catalogue. The matter procedure
// itself comes later, on the shared approval engine.
import type { ModuleRoutes } from '../kit/module.ts';
import authorityRoutes from './authority.routes.ts';
import catalogueRoutes from './catalogue.routes.ts';
import designatorRoutes from './designators.routes.ts';
import grantRoutes from './grants.routes.ts';
import statsRoutes from './stats.routes.ts';

/** The Fastify instance the module's routes are registered on (typed from the TypeBox contract). */
export type RoutesApp = Parameters<ModuleRoutes>[0];

export default async function designationRoutes(app: RoutesApp): Promise<void> {
  await authorityRoutes(app);
  await grantRoutes(app);
  await designatorRoutes(app);
  await catalogueRoutes(app);
  await statsRoutes(app);
}
