import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { startSession, useSession } from '@client/lib/session';
import type { LoginBody } from '@shared/schemas/auth';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { login } from '../api/login';
import './sign-in-page.css';

export function SignInPage({ extra }: { extra?: ReactNode }) {
  const t = useT();
  const session = useSession();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ended = session.status === 'anonymous' ? session.ended : null;

  async function onFinish(values: LoginBody) {
    setSubmitting(true);
    setError(null);
    try {
      startSession(await login({ username: values.username.trim(), password: values.password }));
    } catch (caught) {
      setError(describeError(t, caught));
      setSubmitting(false);
    }
  }

  return (
    <div className="sign-in-backdrop">
      {extra && <div className="sign-in-extra">{extra}</div>}
      <Card className="sign-in-card">
        <div className="sign-in-brand">
          <SafetyCertificateOutlined className="sign-in-logo" />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('signIn.title')}</Typography.Text>
        </div>
        {ended && !error && (
          <Alert
            type={ended === 'signed_out' ? 'info' : 'warning'}
            showIcon
            title={t(`signIn.ended.${ended}`)}
            style={{ marginBottom: 16 }}
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="sign-in-error"
          />
        )}
        <Form<LoginBody>
          name="sign-in"
          layout="vertical"
          size="large"
          onFinish={onFinish}
          requiredMark={false}
        >
          <Form.Item
            name="username"
            label={t('signIn.username')}
            rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={40} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
