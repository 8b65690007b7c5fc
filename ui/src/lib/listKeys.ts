// Moving through a list of rows with the keyboard: ↓/↑ (or J/K) to the next or
// previous row, Home and End to the first and last. Each row holds one button
// (`selector`) that opens it; Enter then opens the row focused.

/** Handles a keydown in `list`; returns whether it moved the focus. */
export function moveInList(event: KeyboardEvent, list: HTMLElement | undefined, selector = '.row-link'): boolean {
  if (!list || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  const rows = Array.from(list.querySelectorAll<HTMLElement>(selector));
  if (rows.length === 0) return false;
  const at = rows.findIndex((row) => row === document.activeElement || row.contains(document.activeElement));
  let to: number;
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
      to = at < 0 ? 0 : Math.min(rows.length - 1, at + 1);
      break;
    case 'ArrowUp':
    case 'k':
      to = at < 0 ? 0 : Math.max(0, at - 1);
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = rows.length - 1;
      break;
    default:
      return false;
  }
  event.preventDefault();
  rows[to]!.focus();
  rows[to]!.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** Whether a key press is meant for a text field (or a dialog) rather than a page shortcut. */
export function typingOrDialog(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return (
    Boolean(target?.closest?.('input, textarea, select, [contenteditable="true"]')) ||
    document.querySelector('dialog[open]') !== null
  );
}
