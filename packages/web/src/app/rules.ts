// Form rules with the console's wording: every "required", "choose" and "too long" message
// names its field the same way.
import type { FormRule } from 'antd';
import { useMemo } from 'react';
import { useI18n } from './i18n.tsx';

export interface Rules {
  /** A value must be given (a password, a number). */
  required: (field: string) => FormRule;
  /** Text must be filled in; blanks alone do not count. */
  filled: (field: string) => FormRule;
  /** One of the choices must be picked. */
  chosen: (field: string) => FormRule;
  maxLength: (field: string, max: number) => FormRule;
  /** A text field that must be filled in, at most `max` long. */
  text: (field: string, max: number) => FormRule[];
}

export function useRules(): Rules {
  const { t } = useI18n();
  return useMemo(() => {
    const filled = (field: string): FormRule => ({
      required: true,
      whitespace: true,
      message: t('common.required', { field }),
    });
    const maxLength = (field: string, max: number): FormRule => ({
      max,
      message: t('common.tooLong', { field, max }),
    });
    return {
      required: (field) => ({ required: true, message: t('common.required', { field }) }),
      filled,
      chosen: (field) => ({ required: true, message: t('common.select', { field }) }),
      maxLength,
      text: (field, max) => [filled(field), maxLength(field, max)],
    };
  }, [t]);
}
