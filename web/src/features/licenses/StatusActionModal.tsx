import { useEffect, useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { licencesApi, type LicenceSummary, type StatusAction } from './api';
import { LicenceErrorAlert, StatusTag } from './ui';

/** 暂停 / 撤销 / 恢复 a licence, with the reason (2–500 characters); the modal is the confirmation. */
export function StatusActionModal({ licence, action, onClose, onDone }: { licence: LicenceSummary | null; action: StatusAction | null; onClose: () => void; onDone: (l: LicenceSummary) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = !!licence && !!action;

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  if (!licence || !action) return null;
  const title = { suspend: t('licences.statusAction.suspendTitle'), revoke: t('licences.statusAction.revokeTitle'), reinstate: t('licences.statusAction.reinstateTitle') }[action];
  const hint = { suspend: t('licences.statusAction.suspendHint'), revoke: t('licences.statusAction.revokeHint'), reinstate: t('licences.statusAction.reinstateHint') }[action];
  const okText = { suspend: t('licences.statusAction.confirmSuspend'), revoke: t('licences.statusAction.confirmRevoke'), reinstate: t('licences.statusAction.confirmReinstate') }[action];

  async function submit() {
    const { reason } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const updated = await licencesApi.changeStatus(licence!.licenceId, action!, reason.trim());
      message.success(t('licences.statusAction.done', { licence: `${updated.typeName} ${updated.number}`, action: t(`licences.statusAction.doneAction.${action!}`) }));
      onDone(updated);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText}
      okButtonProps={{ danger: action !== 'reinstate', loading: busy, 'data-testid': 'status-action-confirm' } as never}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <div data-testid="status-action-modal" data-action={action}>
      <Alert type={action === 'revoke' ? 'error' : action === 'suspend' ? 'warning' : 'info'} showIcon title={hint} style={{ marginBottom: 12 }} />
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 12 }}
        items={[
          { key: 'l', label: t('licences.statusAction.licence'), children: <span>{licence.typeName} · <span className="tb-mono">{licence.number}</span></span> },
          { key: 'h', label: t('licences.common.holder'), children: `${licence.holder.name} · ${licence.holder.idMasked}` },
          { key: 's', label: t('licences.common.status'), children: <StatusTag licence={licence} /> },
        ]}
      />
      <Form form={form} layout="vertical" disabled={busy}>
        <Form.Item
          name="reason"
          label={t('licences.statusAction.reason')}
          rules={[
            { required: true, whitespace: true, message: t('licences.statusAction.reasonRequired') },
            { min: 2, message: t('licences.statusAction.reasonRequired') },
            { max: 500, message: t('licences.statusAction.reasonMax') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('licences.statusAction.reasonPlaceholder')} data-testid="status-action-reason" />
        </Form.Item>
      </Form>
      <LicenceErrorAlert error={error} />
      </div>
    </Modal>
  );
}
