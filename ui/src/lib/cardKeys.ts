// One key per decision on a card in the reader's Cards panel, so a learner can
// go through a text's suggestions without the mouse: A accepts, X (or Delete)
// rejects, E edits. Moving between cards is `moveInList`'s (↓/↑, J/K).

export type CardKeyAction = 'accept' | 'reject' | 'edit';

/** The decision a key press on a card asks for, or null for any other key. */
export function cardKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): CardKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  // Caps Lock gives 'A' without Shift: still the A key.
  switch (event.key.length === 1 ? event.key.toLowerCase() : event.key) {
    case 'a':
      return 'accept';
    case 'x':
    case 'Delete':
      return 'reject';
    case 'e':
      return 'edit';
    default:
      return null;
  }
}
