import type { KeyboardEvent } from 'react';

const FOCUSABLE = [
  'input:not([type=hidden]):not([disabled])',
  'textarea:not([disabled])',
  'button[role=switch]:not([disabled])',
].join(',');

function fields(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.offsetParent !== null && el.tabIndex >= 0,
  );
}

/** Focus the field after `from` in the form's order; past the last, the element `lastId` (the submit). */
export function focusNext(container: HTMLElement, from: HTMLElement, lastId?: string): void {
  const list = fields(container);
  const index = list.findIndex((el) => el === from || el.contains(from));
  const next = list[index + 1] ?? (lastId ? document.getElementById(lastId) : null);
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement && next.type !== 'checkbox' && next.type !== 'radio') next.select();
  }
}

/**
 * Keyboard-first forms: Enter goes to the next field (Shift+Enter is a new line in a text area),
 * Ctrl+Enter submits from anywhere. An open drop-down keeps its Enter to pick the option.
 */
export function formKeyHandler(submit: () => void, lastId?: string) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
      return;
    }
    if (e.shiftKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') === 'combobox' && target.getAttribute('aria-expanded') === 'true') return;
    if (target.tagName === 'BUTTON' && target.getAttribute('role') !== 'switch') return;
    e.preventDefault();
    focusNext(e.currentTarget, target, lastId);
  };
}
