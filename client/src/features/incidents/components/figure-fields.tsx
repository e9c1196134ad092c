import { CASUALTY_FIELDS } from '@shared/domain/incident-flags';
import type { CategoryCode } from '@shared/domain/incident-types';
import { Checkbox, Form, InputNumber, type InputNumberProps } from 'antd';
import { useWords } from '../i18n';
import { casualtyLabel } from './incident-labels';
import { isAccident, isFire } from './record-call-values';

/** A quantity in its unit; Form.Item hands it value and onChange. */
function Amount({ unit, ...props }: InputNumberProps<number> & { unit: string }) {
  return <InputNumber min={0} className="inc-number" suffix={unit} {...props} />;
}

/**
 * The figures that grade an incident: casualties, direct loss in 万元, the damaged forest or
 * grassland area for fires (the burned area beside it, as a figure), and the near-miss facts for accidents. Shared by intake and "edit figures".
 */
export function FigureFields({ category }: { category: CategoryCode | undefined }) {
  const t = useWords();
  return (
    <>
      <div className="inc-figure-grid">
        {CASUALTY_FIELDS.map((field) => (
          <Form.Item key={field} name={['casualties', field]} label={t(casualtyLabel[field])}>
            <InputNumber min={0} max={1_000_000} precision={0} className="inc-number" />
          </Form.Item>
        ))}
      </div>
      <div className="inc-figure-grid">
        <Form.Item
          name="lossWan"
          label={t('incidents.form.lossWan')}
          extra={t('incidents.form.lossWanHint')}
          className="inc-figure-wide"
        >
          <Amount max={1e9} precision={4} unit={t('incidents.unit.wan')} />
        </Form.Item>
        {category === 'forest_fire' && (
          <Form.Item
            name="damagedForestHa"
            label={t('incidents.form.damagedForest')}
            extra={t('incidents.form.damagedForestHint')}
          >
            <Amount max={1e7} precision={2} unit={t('incidents.unit.ha')} />
          </Form.Item>
        )}
        {category === 'grassland_fire' && (
          <Form.Item
            name="damagedGrasslandHa"
            label={t('incidents.form.damagedGrassland')}
            extra={t('incidents.form.damagedGrasslandHint')}
          >
            <Amount max={1e7} precision={2} unit={t('incidents.unit.ha')} />
          </Form.Item>
        )}
        {isFire(category) && (
          <Form.Item name="burnedAreaHa" label={t('incidents.form.burnedArea')}>
            <Amount max={1e7} precision={2} unit={t('incidents.unit.ha')} />
          </Form.Item>
        )}
        {isAccident(category) && (
          <Form.Item label={t('incidents.form.nearMissFacts')} className="inc-figure-wide">
            <div className="inc-checks">
              <Form.Item name="seriousPollution" valuePropName="checked" noStyle>
                <Checkbox>{t('incidents.form.seriousPollution')}</Checkbox>
              </Form.Item>
              <Form.Item name="keyFacilityDanger" valuePropName="checked" noStyle>
                <Checkbox>{t('incidents.form.keyFacilityDanger')}</Checkbox>
              </Form.Item>
            </div>
          </Form.Item>
        )}
      </div>
    </>
  );
}
