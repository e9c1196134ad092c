import { FormModal } from '@client/components/form-modal';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { bureauToday } from '@client/lib/time';
import type { Disaster, Victim, VictimBody } from '@shared/schemas/disasters';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { addVictim, changeVictim, removeVictim } from '../api/disasters';
import { useWords } from '../i18n';

type Editing = { victim: Victim | null } | null;

/** 因灾死亡失踪人员: name, township, cause, date; the district keeps all, a township its own. */
export function VictimsCard({ disaster, mayEdit }: { disaster: Disaster; mayEdit: boolean }) {
  const w = useWords();
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const names = new Map(disaster.townships.map((u) => [u.unitId, u.name]));
  const refresh = () => client.invalidateQueries({ queryKey: ['disaster', disaster.id] });
  const townships = disaster.townships.map((u) => ({ value: u.unitId, label: u.name }));
  return (
    <Card
      size="small"
      title={w('vic.title')}
      className="dis-card"
      data-testid="victims-card"
      extra={
        mayEdit && (
          <Button size="small" onClick={() => setEditing({ victim: null })} data-testid="victim-add">
            {w('vic.add')}
          </Button>
        )
      }
    >
      <div className="dis-scroll">
        <Table<Victim>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={disaster.victims}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: w('vic.empty') }}
          columns={[
            { key: 'name', title: w('vic.name'), dataIndex: 'name' },
            {
              key: 'unit',
              title: w('vic.township'),
              render: (_, v) => v.unitName ?? names.get(v.unitId) ?? `#${v.unitId}`,
            },
            {
              key: 'status',
              title: w('vic.status'),
              render: (_, v) => (
                <Tag color={v.status === 'dead' ? 'default' : 'orange'}>
                  {w(v.status === 'dead' ? 'vic.dead' : 'vic.missing')}
                </Tag>
              ),
            },
            { key: 'cause', title: w('vic.cause'), dataIndex: 'cause' },
            { key: 'date', title: w('vic.date'), dataIndex: 'date' },
            { key: 'note', title: w('vic.note'), dataIndex: 'note' },
            ...(mayEdit
              ? [
                  {
                    key: 'act',
                    title: '',
                    render: (_: unknown, v: Victim) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing({ victim: v })}>
                          {w('vic.edit')}
                        </Button>
                        <Popconfirm
                          title={w('vic.removeConfirm')}
                          okText={w('vic.remove')}
                          cancelText={t('common.cancel')}
                          onConfirm={async () => {
                            try {
                              await removeVictim(disaster.id, v.id);
                              await refresh();
                            } catch (caught) {
                              message.error(describeError(t, caught));
                            }
                          }}
                        >
                          <Button type="link" size="small" danger>
                            {w('vic.remove')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {editing && (
        <FormModal<VictimBody>
          open
          title={w(editing.victim ? 'vic.editTitle' : 'vic.addTitle')}
          okText={w('detail.save')}
          onClose={() => setEditing(null)}
          name="victim"
          testId="victim-modal"
          initialValues={
            editing.victim ?? { unitId: townships[0]?.value, status: 'dead', date: bureauToday(), cause: '' }
          }
          submit={async (v) => {
            const body: VictimBody = {
              unitId: v.unitId,
              name: v.name.trim(),
              status: v.status,
              cause: v.cause.trim(),
              date: v.date,
              note: v.note?.trim() ?? '',
            };
            if (editing.victim) await changeVictim(disaster.id, editing.victim.id, body);
            else await addVictim(disaster.id, body);
            message.success(w('vic.saved'));
            await refresh();
          }}
        >
          <Form.Item
            name="name"
            label={w('vic.name')}
            rules={[{ required: true, whitespace: true, message: w('vic.rule') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={w('vic.township')}
            rules={[{ required: true, message: w('vic.rule') }]}
          >
            <Select options={townships} />
          </Form.Item>
          <Form.Item name="status" label={w('vic.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'dead', label: w('vic.dead') },
                { value: 'missing', label: w('vic.missing') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="cause"
            label={w('vic.cause')}
            rules={[{ required: true, whitespace: true, message: w('vic.rule') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="date" label={w('vic.date')} rules={[{ required: true, message: w('vic.rule') }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="note" label={w('vic.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
