import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useShowError } from './errors.ts';
import { useBusy } from './hooks.ts';
import { useI18n } from './i18n.tsx';

// biome-ignore lint/suspicious/noExplicitAny: antd forms are typed loosely by field name
type AnyValues = Record<string, any>;

/**
 * A modal holding one form. Enter in a field submits it (a hidden submit button makes the
 * browser's implicit submission work), the OK button shows progress, and server errors that
 * name a field appear under that field.
 */
export function FormModal<T extends AnyValues>({
  title,
  initialValues,
  onSubmit,
  onClose,
  okText,
  fields,
  children,
  width = 560,
  testId,
}: {
  title: ReactNode;
  initialValues?: Partial<T>;
  onSubmit: (values: T, form: FormInstance<T>) => Promise<void>;
  onClose: () => void;
  okText?: string;
  /** Field names that server errors may point at. */
  fields: string[];
  children: ReactNode;
  width?: number;
  testId?: string;
}) {
  const [form] = Form.useForm<T>();
  const [busy, run] = useBusy();
  const showError = useShowError();
  const { t } = useI18n();
  const finish = (values: T) =>
    run(
      () => onSubmit(values, form),
      (e) => showError(e, form, fields),
    );
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid={testId}
    >
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={finish}
        disabled={busy}
        style={{ marginTop: 16 }}
        data-testid={testId ? `${testId}-form` : undefined}
      >
        {children}
        <button
          type="submit"
          tabIndex={-1}
          aria-hidden="true"
          style={{
            position: 'absolute',
            width: 1,
            height: 1,
            opacity: 0,
            pointerEvents: 'none',
            border: 0,
            padding: 0,
          }}
        />
      </Form>
    </Modal>
  );
}
