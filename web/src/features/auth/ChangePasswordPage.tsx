import { useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { homePath, useMe } from '../../auth';
import { errorText } from '../../i18n';
import { passwordProblems } from '../../lib/codes';
import { applyFieldErrors } from '../../lib/forms';
import { PageHead } from '../../components/PageHead';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function onFinish(v: Values) {
    setBusy(true);
    try {
      await api.post('/api/v1/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.done'));
      form.resetFields();
      navigate(homePath(me));
    } catch (err) {
      if (!applyFieldErrors(form, err, ['currentPassword', 'newPassword'])) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHead title={t('password.title')} intro={t('password.intro')} testId="password-title" />
      <Card style={{ maxWidth: 560 }}>
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={busy}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('validation.required', { field: t('password.current') }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.next')}
            extra={t('password.rules')}
            rules={[
              { required: true, message: t('validation.required', { field: t('password.next') }) },
              {
                validator: async (_, value: string) => {
                  if (!value) return;
                  const p = passwordProblems(value, me.username);
                  if (p.includes('length')) throw new Error(t('validation.passwordLength'));
                  if (p.includes('classes')) throw new Error(t('validation.passwordClasses'));
                  if (p.includes('username')) throw new Error(t('validation.passwordUsername'));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('validation.required', { field: t('password.confirm') }) },
              ({ getFieldValue }) => ({
                validator: async (_, value: string) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
