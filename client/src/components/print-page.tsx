import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Translate } from '@client/lib/i18n';
import { Button, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { LoadError } from './load-error';
import './print-page.css';

interface Props {
  testId: string;
  /** The feature's class for its sheet's styles. */
  className: string;
  landscape?: boolean;
  /** The `@page` rule, rendered only while the page is mounted, so other pages keep the browser's default paper. */
  pageRule: string;
  back: { href: string; label: ReactNode };
  /** Beside the way back (e.g. the previous and next month). */
  tools?: ReactNode;
  printLabel: ReactNode;
  error: unknown;
  describe?: (t: Translate, error: unknown) => string;
  /** The refusal's own words, without "could not load". */
  bare?: boolean;
  /** The sheet can be drawn; until then a spinner (or the error). */
  ready: boolean;
  children: ReactNode;
}

/** A printable sheet: the way back and the print button above it, neither of them on paper. */
export function PrintPage(props: Props) {
  const { back, ready, error } = props;
  const classes = ['print-page', props.landscape ? 'print-page-landscape' : '', props.className];
  return (
    <div className={classes.join(' ')} data-testid={props.testId} data-ready={ready ? 'true' : 'false'}>
      <style>{props.pageRule}</style>
      <div className="print-page-toolbar no-print">
        <Space>
          <Button icon={<ArrowLeftOutlined />} href={back.href}>
            {back.label}
          </Button>
          {props.tools}
        </Space>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-now"
        >
          {props.printLabel}
        </Button>
      </div>
      <LoadError
        error={error}
        describe={props.describe}
        bare={props.bare}
        className="no-print print-page-alert"
      />
      {ready
        ? props.children
        : (error === null || error === undefined) && <Spin size="large" className="print-page-spin" />}
    </div>
  );
}
