// What every tab of the authority page shares.
import type { BusinessRole } from '@baomi/domain';
import type { Dayjs } from 'dayjs';
import { useMe } from '../../../app/session.tsx';

export const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Whether the signed-in person holds one of these roles (which actions the tab offers). */
export function useRoles() {
  const me = useMe();
  const roles = me.person?.roles ?? [];
  return (...want: BusinessRole[]) => want.some((r) => roles.includes(r));
}
