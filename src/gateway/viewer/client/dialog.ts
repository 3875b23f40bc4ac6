/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/dialog
 * The item dialog: the page's `<dialog>` opened modally (focus moves in and stays, Escape
 * closes, focus returns where it was), named by its heading, so it is a `role="dialog"`
 * named after the item.
 */
import { byId } from './dom.js';

let onClose: (() => void) | undefined;
let wired = false;

function parts() {
  return {
    dialog: byId<HTMLDialogElement>('item-dialog'),
    title: byId('dialog-title'),
    body: byId('dialog-body'),
  };
}

export function openDialog(title: string, content: Node, closed: () => void): HTMLElement {
  const { dialog, title: heading, body } = parts();
  if (!wired) {
    wired = true;
    byId('dialog-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      const callback = onClose;
      onClose = undefined;
      callback?.();
    });
    // A click on the backdrop (the dialog itself, outside its box) closes it.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }
  heading.textContent = title;
  body.replaceChildren(content);
  onClose = closed;
  if (!dialog.open) dialog.showModal();
  byId('dialog-close').focus();
  return body;
}

export function closeDialog(): void {
  const { dialog } = parts();
  if (dialog.open) dialog.close();
}

export function dialogOpen(): boolean {
  return parts().dialog.open;
}
