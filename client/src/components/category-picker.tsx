import { useDomainLabels } from '@client/lib/domain-labels';
import { useT } from '@client/lib/i18n';
import { categoryMatches } from '@shared/domain/category-search';
import { classOf } from '@shared/domain/grading';
import { CATEGORIES, type CategoryCode } from '@shared/domain/incident-types';
import { Select, type SelectProps } from 'antd';

type Option = { label: string; value: CategoryCode };

const CLASS_ORDER = ['accident', 'natural_disaster', 'public_health', 'social_security'] as const;

function matches(input: string, option: Option | undefined): boolean {
  if (typeof option?.value !== 'string' || typeof option.label !== 'string') return false;
  // As callers say it in Chinese (or pinyin initials), and by the label shown (English mode).
  return (
    categoryMatches(option.value, input) || option.label.toLowerCase().includes(input.trim().toLowerCase())
  );
}

/** The incident categories, grouped by the four classes; searchable as callers say it (爆炸, 车祸), by pinyin initials (dl) or code. */
export function CategoryPicker(props: Omit<SelectProps<CategoryCode, Option>, 'options' | 'showSearch'>) {
  const t = useT();
  const { category } = useDomainLabels();
  const options = CLASS_ORDER.map((cls) => ({
    label: t(`incidents.class.${cls}`),
    options: CATEGORIES.filter((c) => classOf(c) === cls).map((c) => ({ label: category(c), value: c })),
  }));
  return (
    <Select<CategoryCode, Option>
      {...props}
      options={options as unknown as Option[]}
      showSearch={{ filterOption: matches }}
    />
  );
}
