// Asking before something is lost: a modal dialog (the native <dialog>, focus kept inside, Escape
// cancels) that lists what would be dropped and lets the user keep it, drop it, or go back.
import { t } from './i18n/index.ts';

export type Choice = 'drop' | 'keep' | 'cancel';

export function confirmDrop(dialog: HTMLDialogElement, message: string, items: string[], canKeep: boolean): Promise<Choice> {
  dialog.replaceChildren();
  const form = dialog.appendChild(document.createElement('form'));
  form.method = 'dialog';
  const p = form.appendChild(document.createElement('p'));
  p.id = 'confirm-text';
  p.textContent = message;
  dialog.setAttribute('aria-labelledby', p.id);
  const list = form.appendChild(document.createElement('ul'));
  for (const item of items) list.appendChild(document.createElement('li')).textContent = item;
  const buttons = form.appendChild(document.createElement('div'));
  buttons.className = 'buttons';
  const button = (value: Choice, text: string) => {
    const b = buttons.appendChild(document.createElement('button'));
    b.value = value;
    b.textContent = text;
    b.dataset.choice = value;
    return b;
  };
  // "Keep it" for one, "keep them" for several.
  const n = items.length;
  if (canKeep) button('keep', t('confirm.keep', { n }));
  button('drop', t('confirm.drop', { n }));
  const cancel = button('cancel', t('confirm.cancel'));
  dialog.showModal();
  cancel.focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve((dialog.returnValue || 'cancel') as Choice), { once: true });
    dialog.returnValue = '';
  });
}
