// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MiniappBounds } from '../../shared/electron-ipc';
import { MiniappPreview } from './miniapp-preview';

afterEach(cleanup);

describe('MiniappPreview', () => {
  it('embeds the browser host mini-app in a scripts-only sandboxed iframe and reloads it', () => {
    render(<MiniappPreview url="http://127.0.0.1:9/index.html" />);
    const frame = screen.getByTitle('mini-app');
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame.getAttribute('src')).toBe('http://127.0.0.1:9/index.html');
    fireEvent.click(screen.getByRole('button', { name: /Reload mini-app/ }));
    expect(screen.getByTitle('mini-app')).not.toBe(frame);
  });

  it('under Electron reports the placeholder rectangle, again on resize, and hides the view on unmount', () => {
    const reported: MiniappBounds[] = [];
    let rect = { left: 12.4, top: 80.6, width: 360, height: 600 };
    HTMLElement.prototype.getBoundingClientRect = function () {
      return { ...rect, right: rect.left + rect.width, bottom: rect.top + rect.height, x: rect.left, y: rect.top, toJSON: () => rect } as DOMRect;
    };
    const { unmount } = render(<MiniappPreview setBounds={(bounds) => reported.push(bounds)} />);
    expect(screen.getByTestId('miniapp-slot')).toBeTruthy();
    expect(reported).toEqual([{ x: 12, y: 81, width: 360, height: 600 }]);
    rect = { left: 0, top: 40, width: 320, height: 500 };
    window.dispatchEvent(new Event('resize'));
    expect(reported[1]).toEqual({ x: 0, y: 40, width: 320, height: 500 });
    unmount();
    expect(reported[reported.length - 1]).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });

  it('says what to do when there is no mini-app', () => {
    render(<MiniappPreview />);
    expect(screen.getByText('No mini-app loaded.')).toBeTruthy();
  });
});
