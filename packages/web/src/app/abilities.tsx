// Issue 6 §4: pages show actions from the `abilities` the server computed with the same rules it
// enforces — a page never re-derives a rule. An action not allowed is hidden, or shown disabled with
// the server's reason in a tooltip (e.g. 批准 for a B designator while A is present).
import type { Ability } from '@baomi/domain';
import { Button, type ButtonProps, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from './i18n.tsx';

export type Abilities = Record<string, Ability>;

/** Is `action` allowed? (absent: no) */
export const can = (abilities: Abilities | undefined, action: string): boolean =>
  abilities?.[action]?.allowed === true;

/** The reason an action is refused, in the page's language ('' when allowed or unknown). */
export function useReason(): (ability: Ability | undefined) => string {
  const { l } = useI18n();
  return (a) => (a && !a.allowed && a.reason ? l(a.reason) : '');
}

/** Wraps a control in a tooltip with the refusal's reason, when there is one. */
export function WithReason({ ability, children }: { ability: Ability | undefined; children: ReactNode }) {
  const reason = useReason()(ability);
  if (!reason) return <>{children}</>;
  return (
    <Tooltip title={reason}>
      <span data-reason={reason} style={{ display: 'inline-block' }}>
        {children}
      </span>
    </Tooltip>
  );
}

/**
 * A button for one ability: hidden when refused and `hideWhenRefused`, else disabled with the reason
 * in a tooltip.
 */
export function AbilityButton({
  ability,
  hideWhenRefused = false,
  ...props
}: ButtonProps & { ability: Ability | undefined; hideWhenRefused?: boolean }) {
  if (!ability) return null;
  if (!ability.allowed && hideWhenRefused) return null;
  return (
    <WithReason ability={ability}>
      <Button {...props} disabled={!ability.allowed || props.disabled} />
    </WithReason>
  );
}
