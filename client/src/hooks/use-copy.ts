import { useT } from '@client/lib/i18n';
import { App, type InputRef } from 'antd';
import { useRef } from 'react';

/**
 * Copies a secret or a link shown in a read-only input (pass `input` as its ref), and says so. The
 * Clipboard API exists only in secure contexts; an intranet console may be plain http, so the input
 * is selected and copied the old way, or left selected for the person to copy.
 */
export function useCopy() {
  const t = useT();
  const { message } = App.useApp();
  const input = useRef<InputRef>(null);
  async function copy(text: string | null | undefined) {
    if (!text) return;
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(text);
      else {
        input.current?.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      message.success(t('common.copied'));
    } catch {
      input.current?.select();
      message.error(t('common.copyFailed'));
    }
  }
  return { input, copy };
}
