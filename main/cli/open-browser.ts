// Opens the user's browser on a URL with the platform's opener; failure (no opener, no display) is ignored
// because the URL is printed anyway.
import { spawn } from 'node:child_process';

/** Starts the platform opener for `url` and forgets about it. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // The URL is on the terminal; opening it by hand works as well.
  }
}
