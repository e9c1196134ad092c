import { describeError } from '@client/lib/error-text';
import { gradeLabel } from '@shared/domain/grading';
import { CASUALTY_FIELDS } from '@shared/domain/incident-flags';
import type { Grade } from '@shared/domain/incident-types';
import type { Incident, IncidentPatch } from '@shared/schemas/incidents';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { patchIncident } from '../api/patch-incident';
import { useWords } from '../i18n';
import { FigureFields } from './figure-fields';
import { GradePreview } from './grade-preview';
import {
  cleanCasualties,
  gradingInputOf,
  isFire,
  type RecordCallValues,
  takesManualGrade,
  toYuan,
} from './record-call-values';

type Values = Pick<
  RecordCallValues,
  | 'casualties'
  | 'lossWan'
  | 'burnedAreaHa'
  | 'damagedForestHa'
  | 'damagedGrasslandHa'
  | 'seriousPollution'
  | 'keyFacilityDanger'
  | 'grade'
  | 'gradeReason'
  | 'accidentUnit'
  | 'productionRelated'
>;

/** Fires and road accidents count for the statistics direct report only in production and business activity. */
const NOTIFIED = new Set<Incident['category']>(['fire', 'road_traffic']);

interface Props {
  incident: Incident;
  open: boolean;
  onClose: () => void;
  onSaved: (incident: Incident) => void;
}

function initialOf(incident: Incident): Values {
  return {
    casualties: cleanCasualties(incident.casualties),
    lossWan: incident.directLossYuan === null ? null : incident.directLossYuan / 10_000,
    burnedAreaHa: incident.burnedAreaHa,
    damagedForestHa: incident.damagedForestHa,
    damagedGrasslandHa: incident.damagedGrasslandHa,
    grade: incident.gradeBasis === 'manual' ? incident.grade : null,
    seriousPollution: false,
    keyFacilityDanger: false,
    productionRelated: incident.productionRelated === true,
    accidentUnit: {
      name: incident.accidentUnit?.name ?? '',
      type: incident.accidentUnit?.type ?? '',
    },
  };
}

/** 编辑数字: new casualty or loss figures re-grade the incident and make a 续报 fall due. */
export function EditFiguresModal({ incident, open, onClose, onSaved }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch((all: Values) => all, { form, preserve: true });
  const manual = takesManualGrade(incident.category);

  function patchOf(v: Values): IncidentPatch {
    const before = initialOf(incident);
    const patch: IncidentPatch = {};
    const casualties = cleanCasualties(v.casualties);
    if (CASUALTY_FIELDS.some((f) => casualties[f] !== (incident.casualties[f] ?? 0)))
      patch.casualties = casualties;
    const loss = toYuan(v.lossWan);
    if (loss !== undefined && loss !== incident.directLossYuan) patch.directLossYuan = loss;
    if (isFire(incident.category) && v.burnedAreaHa != null && v.burnedAreaHa !== incident.burnedAreaHa) {
      patch.burnedAreaHa = v.burnedAreaHa;
    }
    if (
      incident.category === 'forest_fire' &&
      v.damagedForestHa != null &&
      v.damagedForestHa !== incident.damagedForestHa
    ) {
      patch.damagedForestHa = v.damagedForestHa;
    }
    if (
      incident.category === 'grassland_fire' &&
      v.damagedGrasslandHa != null &&
      v.damagedGrasslandHa !== incident.damagedGrasslandHa
    ) {
      patch.damagedGrasslandHa = v.damagedGrasslandHa;
    }
    if (manual && (v.grade ?? null) !== (before.grade ?? null))
      patch.grade = (v.grade ?? null) as Grade | null;
    if (manual && v.gradeReason?.trim()) patch.gradeReason = v.gradeReason.trim();
    if (form.isFieldTouched('seriousPollution')) patch.seriousPollution = v.seriousPollution === true;
    if (form.isFieldTouched('keyFacilityDanger')) patch.keyFacilityDanger = v.keyFacilityDanger === true;
    if (NOTIFIED.has(incident.category) && (v.productionRelated === true) !== before.productionRelated)
      patch.productionRelated = v.productionRelated === true;
    const unitName = v.accidentUnit?.name?.trim() ?? '';
    const unitType = v.accidentUnit?.type?.trim() ?? '';
    if (unitName !== (before.accidentUnit?.name ?? '') || unitType !== (before.accidentUnit?.type ?? '')) {
      const address = incident.accidentUnit?.address;
      patch.accidentUnit = unitName
        ? { name: unitName, ...(unitType ? { type: unitType } : {}), ...(address ? { address } : {}) }
        : null;
    }
    return patch;
  }

  const save = useMutation({
    mutationFn: (patch: IncidentPatch) => patchIncident(incident.id, patch),
    onSuccess: (saved) => {
      message.success(
        saved.grade === incident.grade
          ? t('incidents.edit.saved')
          : t('incidents.edit.regraded', { from: gradeLabel(incident.grade), to: gradeLabel(saved.grade) }),
      );
      onSaved(saved);
      onClose();
    },
  });

  function onFinish(v: Values) {
    const patch = patchOf(v);
    if (Object.keys(patch).length === 0) onClose();
    else save.mutate(patch);
  }

  const preview = values ? gradingInputOf({ ...values, caller: {}, category: incident.category }) : null;
  return (
    <Modal
      open={open}
      width={820}
      title={t('incidents.edit.title', { id: incident.id })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending, id: 'edit-figures-submit' }}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="edit-figures"
          layout="vertical"
          initialValues={initialOf(incident)}
          clearOnDestroy
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {save.error && (
        <Alert type="error" showIcon title={describeError(t, save.error)} className="inc-modal-alert" />
      )}
      <div className="inc-edit-layout">
        <div>
          <div className="inc-grid-4">
            <Form.Item
              name={['accidentUnit', 'name']}
              label={t('incidents.form.accidentUnitName')}
              extra={t('incidents.form.accidentUnitHint')}
            >
              <Input maxLength={120} autoComplete="off" data-testid="edit-accident-unit-name" />
            </Form.Item>
            <Form.Item name={['accidentUnit', 'type']} label={t('incidents.form.accidentUnitType')}>
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
          </div>
          <FigureFields category={incident.category} />
          {NOTIFIED.has(incident.category) && (
            <Form.Item
              name="productionRelated"
              label={t('incidents.form.productionRelated')}
              tooltip={t('incidents.form.productionRelatedHint')}
              valuePropName="checked"
            >
              <Switch data-testid="edit-production" />
            </Form.Item>
          )}
          {manual && (
            <div className="inc-grid-grade">
              <Form.Item name="grade" label={t('incidents.form.manualGrade')}>
                <Select
                  allowClear
                  options={(['I', 'II', 'III', 'IV'] as const).map((g) => ({
                    value: g,
                    label: gradeLabel(g),
                  }))}
                />
              </Form.Item>
              <Form.Item name="gradeReason" label={t('incidents.form.gradeReason')}>
                <Input maxLength={500} />
              </Form.Item>
            </div>
          )}
          <div className="inc-note">{t('incidents.edit.hint')}</div>
        </div>
        <GradePreview input={preview} current={incident.grade} />
      </div>
    </Modal>
  );
}
