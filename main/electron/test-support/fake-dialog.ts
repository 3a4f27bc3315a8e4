// Test support: a fake of Electron's `dialog.showOpenDialog` that answers with a scripted folder (or a
// cancel) and records what it was asked.
import type { FolderDialog } from '../electron-preview';

export interface FakeFolderDialog extends FolderDialog<string> {
  readonly asked: { window: string; title: string; properties: string[] }[];
}

/** Answers every call with `folder`, or cancels when it is undefined. */
export function fakeFolderDialog(folder: string | undefined): FakeFolderDialog {
  const asked: FakeFolderDialog['asked'] = [];
  return {
    asked,
    showOpenDialog(window, options) {
      asked.push({ window, title: options.title, properties: [...options.properties] });
      return Promise.resolve(folder === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [folder] });
    },
  };
}
