import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../../app/i18n.tsx';

/** R-SYS-02: the recovery codes, shown once. */
export function RecoveryCodesModal({ codes, onClose }: { codes: string[] | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={!!codes}
      title={t('security.recoveryShown')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('security.recoveryDone')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      data-testid="recovery-codes"
    >
      <Alert type="warning" showIcon title={t('security.recoveryOnce')} style={{ marginBottom: 16 }} />
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        {(codes ?? []).map((c) => (
          <Typography.Text key={c} code copyable data-testid="recovery-code" style={{ fontSize: 15 }}>
            {c}
          </Typography.Text>
        ))}
      </div>
    </Modal>
  );
}
