import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { formatShortInstant } from '@client/lib/time';
import type { SignoffRequest } from '@shared/schemas/signoffs';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { openIncidentsQuery } from '../api/list-open-incidents';
import { acknowledgeIncident, decideSignoff, mySignoffsQuery } from '../api/my-signoffs';

/**
 * 我的待办 of the leader on call, on a phone as on a desk: incidents still to acknowledge, and the
 * written reports waiting for their sign-off, approved or returned with a comment right here.
 */
export function MyTodoCard() {
  const t = useT();
  const signoffs = useQuery(mySignoffsQuery());
  const incidents = useQuery(openIncidentsQuery());
  const unacknowledged = (incidents.data ?? []).filter((i) => !i.acknowledgedAt && !i.drill);
  const waiting = signoffs.data ?? [];
  const empty = waiting.length === 0 && unacknowledged.length === 0;
  const error = signoffs.error ?? incidents.error;

  return (
    <Card
      title={t('todo.title')}
      className="todo-card"
      data-testid="my-todo"
      data-count={waiting.length + unacknowledged.length}
    >
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      {empty && !error && (
        <Typography.Paragraph type="secondary" className="console-empty">
          {t('todo.empty')}
        </Typography.Paragraph>
      )}
      {waiting.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('todo.signoffs')}</Typography.Title>
          <ul className="todo-list">
            {waiting.map((s) => (
              <SignoffItem key={s.id} request={s} onDone={() => void signoffs.refetch()} />
            ))}
          </ul>
        </section>
      )}
      {unacknowledged.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('todo.acknowledge')}</Typography.Title>
          <ul className="todo-list">
            {unacknowledged.map((i) => (
              <AcknowledgeItem
                key={i.id}
                id={i.id}
                summary={i.summary}
                receivedAt={i.receivedAt}
                onDone={() => void incidents.refetch()}
              />
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}

function SignoffItem({ request, onDone }: { request: SignoffRequest; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'return' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: 'approve' | 'return') {
    if (decision === 'return' && !comment.trim()) {
      setError(t('todo.returnRule'));
      return;
    }
    setBusy(decision);
    setError(null);
    try {
      await decideSignoff(request.id, decision, comment.trim() || undefined);
      message.success(t(decision === 'approve' ? 'todo.approved' : 'todo.returned'));
      onDone();
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="todo-item" data-testid={`todo-signoff-${request.id}`}>
      <Link to={`/incidents/${request.incidentId}`} className="todo-head">
        #{request.incidentId} {request.incidentSummary}
      </Link>
      <Typography.Text type="secondary" className="todo-meta">
        {t('todo.requestedBy', {
          name: request.requestedByName,
          time: formatShortInstant(request.requestedAt),
          to: request.recipient,
        })}
      </Typography.Text>
      <Typography.Paragraph
        className="todo-text"
        ellipsis={{
          rows: 4,
          expandable: 'collapsible',
          symbol: (open) => t(open ? 'incidents.collapse' : 'incidents.expand'),
        }}
      >
        {request.text}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <Input.TextArea
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={1000}
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={`${t('todo.approveComment')} / ${t('todo.returnComment')}`}
        data-testid="todo-comment"
      />
      <Space wrap className="todo-actions">
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy === 'approve'}
          disabled={busy !== null}
          onClick={() => void decide('approve')}
          data-testid="todo-approve"
        >
          {t('todo.approve')}
        </Button>
        <Button
          danger
          icon={<RollbackOutlined />}
          loading={busy === 'return'}
          disabled={busy !== null}
          onClick={() => void decide('return')}
          data-testid="todo-return"
        >
          {t('todo.return')}
        </Button>
      </Space>
    </li>
  );
}

function AcknowledgeItem({
  id,
  summary,
  receivedAt,
  onDone,
}: {
  id: number;
  summary: string;
  receivedAt: string;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <li className="todo-item" data-testid={`todo-ack-${id}`}>
      <Link to={`/incidents/${id}`} className="todo-head">
        #{id} {summary}
      </Link>
      <Typography.Text type="secondary" className="todo-meta">
        {formatShortInstant(receivedAt)}
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      <Space wrap className="todo-actions">
        <Button
          icon={<CheckOutlined />}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await acknowledgeIncident(id);
              message.success(t('todo.acked'));
              onDone();
            } catch (caught) {
              setError(describeError(t, caught));
            } finally {
              setBusy(false);
            }
          }}
          data-testid="todo-ack"
        >
          {t('todo.ackButton')}
        </Button>
      </Space>
    </li>
  );
}
