import { CopyOutlined } from '@ant-design/icons';
import { useCopy } from '@client/hooks/use-copy';
import { useT } from '@client/lib/i18n';
import { Input } from 'antd';

/** A link shown once, read-only, with a button that copies it. */
export function CopyField({ value, testId }: { value: string; testId: string }) {
  const t = useT();
  const { input, copy } = useCopy();
  return (
    <Input.Search
      ref={input}
      readOnly
      value={value}
      enterButton={
        <span>
          <CopyOutlined /> {t('common.copy')}
        </span>
      }
      onSearch={() => copy(value)}
      onFocus={(event) => event.target.select()}
      data-testid={testId}
    />
  );
}
