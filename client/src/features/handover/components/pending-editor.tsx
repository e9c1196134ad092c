import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useWords } from '../i18n';

export interface PendingDraftItem {
  /** Stable within the editor: the server's key, or a local one for an item added now. */
  id: string;
  /** The server's key; items that have one are carried until marked done, never dropped. */
  key?: string;
  text: string;
  done: boolean;
}

interface Props {
  items: PendingDraftItem[];
  onChange: (items: PendingDraftItem[]) => void;
}

let counter = 0;

/** 待办事项: carried ones are ticked off when done; new ones can still be removed before submitting. */
export function PendingEditor({ items, onChange }: Props) {
  const t = useWords();
  const [text, setText] = useState('');
  const update = (id: string, patch: Partial<PendingDraftItem>) =>
    onChange(items.map((item) => (item.id === id ? { ...item, ...patch } : item)));

  function add() {
    const value = text.trim();
    if (!value) return;
    counter += 1;
    onChange([...items, { id: `new-${Date.now()}-${counter}`, text: value, done: false }]);
    setText('');
  }

  return (
    <div className="ho-pending" data-testid="pending-editor">
      {items.map((item) => (
        <div key={item.id} className="ho-pending-row" data-testid={`pending-${item.key ?? item.id}`}>
          <Input
            value={item.text}
            maxLength={1000}
            onChange={(e) => update(item.id, { text: e.target.value })}
            status={item.text.trim() ? undefined : 'error'}
            className={item.done ? 'ho-pending-done' : undefined}
          />
          {item.key ? (
            <>
              <Checkbox checked={item.done} onChange={(e) => update(item.id, { done: e.target.checked })}>
                {t('handover.pending.done')}
              </Checkbox>
              <Tag className="ho-tag">{t('handover.pending.carried')}</Tag>
            </>
          ) : (
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={() => onChange(items.filter((other) => other.id !== item.id))}
              aria-label={t('handover.pending.remove')}
              title={t('handover.pending.remove')}
              data-testid={`remove-pending-${item.id}`}
            />
          )}
        </div>
      ))}
      <Space.Compact block>
        <Input
          value={text}
          maxLength={1000}
          placeholder={t('handover.pending.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => {
            if (!e.nativeEvent.isComposing) add();
          }}
          data-testid="pending-new-text"
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!text.trim()} data-testid="add-pending">
          {t('handover.pending.add')}
        </Button>
      </Space.Compact>
    </div>
  );
}
