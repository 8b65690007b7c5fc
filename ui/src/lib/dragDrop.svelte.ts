// Files dragged onto the window: whether something is over it, and what was dropped.

import { getCurrentWebview } from '@tauri-apps/api/webview';

export class DropState {
  over = $state(false);
}

/**
 * Listens for drag and drop on the window (call after app_ready: it costs
 * IPC round trips). Resolves to a function that stops listening.
 */
export async function listenForDrops(state: DropState, ondrop: (paths: string[]) => void): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent(({ payload }) => {
    switch (payload.type) {
      case 'enter':
      case 'over':
        state.over = true;
        break;
      case 'leave':
        state.over = false;
        break;
      case 'drop':
        state.over = false;
        if (payload.paths.length > 0) ondrop(payload.paths);
        break;
    }
  });
}
