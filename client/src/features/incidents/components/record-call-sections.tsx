import { CategoryPicker } from '@client/components/category-picker';
import { bureauWallToIso } from '@client/lib/time';
import { gradeLabel } from '@shared/domain/grading';
import type { CategoryCode, Grade } from '@shared/domain/incident-types';
import { Form, Input, Select, Space, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useWords } from '../i18n';
import { FigureFields } from './figure-fields';
import { sourceLabel } from './incident-labels';
import { takesManualGrade } from './record-call-values';

const GRADES: Grade[] = ['I', 'II', 'III', 'IV'];
const SOURCES = Object.keys(sourceLabel) as (keyof typeof sourceLabel)[];
const PHONE = /^[0-9+() -]*$/;

interface Props {
  category: CategoryCode | undefined;
  /** The "now" button beside the time of occurrence. */
  now: ReactNode;
}

/** The fields in the order an officer asks them on the phone. */
export function RecordCallSections({ category, now }: Props) {
  const t = useWords();
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];

  function afterCategory() {
    // Picking the category with Enter closes the list; go on to the account of what happened.
    setTimeout(() => document.getElementById('record-call_summary')?.focus(), 0);
  }

  return (
    <>
      <div className="inc-section-title">{t('incidents.form.sectionCaller')}</div>
      <div className="inc-grid-4">
        <Form.Item
          name={['caller', 'name']}
          label={t('incidents.form.callerName')}
          rules={required('incidents.form.callerNameRule')}
        >
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name={['caller', 'unit']} label={t('incidents.form.callerUnit')}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item name={['caller', 'post']} label={t('incidents.form.callerPost')}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['caller', 'phone']}
          label={t('incidents.form.callerPhone')}
          rules={[{ pattern: PHONE, message: t('incidents.form.callerPhoneRule') }]}
        >
          <Input maxLength={30} autoComplete="off" inputMode="tel" />
        </Form.Item>
      </div>

      <div className="inc-section-title">{t('incidents.form.sectionWhenWhere')}</div>
      <div className="inc-grid-when">
        <Form.Item label={t('incidents.form.occurredAt')} required>
          <Space.Compact block>
            <Form.Item
              name="occurredAt"
              noStyle
              rules={[
                ...required('incidents.form.occurredAtRule'),
                {
                  // The call is received now: it cannot have happened later (the server refuses it).
                  validator: (_, value: string | undefined) => {
                    const at = value ? bureauWallToIso(value) : null;
                    return at && Date.parse(at) > Date.now()
                      ? Promise.reject(new Error(t('incidents.form.occurredAtFuture')))
                      : Promise.resolve();
                  },
                },
              ]}
            >
              <Input type="datetime-local" />
            </Form.Item>
            {now}
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="address"
          label={t('incidents.form.address')}
          rules={required('incidents.form.addressRule')}
        >
          <Input maxLength={300} autoComplete="off" placeholder={t('incidents.form.addressPlaceholder')} />
        </Form.Item>
      </div>
      {/* 事故发生单位: where it happened, apart from the caller's unit (the 首报's （一）). */}
      <div className="inc-grid-4">
        <Form.Item
          name={['accidentUnit', 'name']}
          label={t('incidents.form.accidentUnitName')}
          extra={t('incidents.form.accidentUnitHint')}
        >
          <Input maxLength={120} autoComplete="off" data-testid="accident-unit-name" />
        </Form.Item>
        <Form.Item name={['accidentUnit', 'type']} label={t('incidents.form.accidentUnitType')}>
          <Input
            maxLength={60}
            autoComplete="off"
            placeholder={t('incidents.form.accidentUnitTypePlaceholder')}
          />
        </Form.Item>
      </div>

      <div className="inc-section-title">{t('incidents.form.sectionWhat')}</div>
      <Form.Item
        name="category"
        label={t('incidents.form.category')}
        rules={[{ required: true, message: t('incidents.form.categoryRule') }]}
      >
        <CategoryPicker onSelect={afterCategory} placeholder={t('incidents.form.categoryPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('incidents.form.summary')}
        rules={required('incidents.form.summaryRule')}
        extra={t('incidents.form.summaryHint')}
      >
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>

      <div className="inc-section-title">{t('incidents.form.sectionFigures')}</div>
      <FigureFields category={category} />

      <div className="inc-section-title">{t('incidents.form.sectionOther')}</div>
      <Form.Item name={['caller', 'alreadyTold']} label={t('incidents.form.alreadyTold')}>
        <Input maxLength={300} autoComplete="off" placeholder={t('incidents.form.alreadyToldPlaceholder')} />
      </Form.Item>
      <div className="inc-grid-4">
        <Form.Item name="source" label={t('incidents.form.source')}>
          <Select options={SOURCES.map((s) => ({ value: s, label: t(sourceLabel[s]) }))} />
        </Form.Item>
        <Form.Item name="drill" label={t('incidents.form.drill')} valuePropName="checked">
          <Switch data-testid="record-call-drill" />
        </Form.Item>
        {(category === 'fire' || category === 'road_traffic') && (
          <Form.Item
            name="productionRelated"
            label={t('incidents.form.productionRelated')}
            tooltip={t('incidents.form.productionRelatedHint')}
            valuePropName="checked"
          >
            <Switch data-testid="record-call-production" />
          </Form.Item>
        )}
      </div>
      {takesManualGrade(category) && (
        <div className="inc-grid-grade">
          <Form.Item
            name="grade"
            label={t('incidents.form.manualGrade')}
            extra={t('incidents.form.manualGradeHint')}
          >
            <Select allowClear options={GRADES.map((g) => ({ value: g, label: gradeLabel(g) }))} />
          </Form.Item>
          <Form.Item
            name="gradeReason"
            label={t('incidents.form.gradeReason')}
            dependencies={['grade']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  getFieldValue('grade') && !value?.trim()
                    ? Promise.reject(new Error(t('incidents.form.gradeReasonRule')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
        </div>
      )}
      {category === 'social_security' && <div className="inc-note">{t('incidents.form.noGradeSocial')}</div>}
    </>
  );
}
