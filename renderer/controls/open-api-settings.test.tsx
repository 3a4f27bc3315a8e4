// @vitest-environment jsdom
// The login and payment stand-in settings send patches (docs/behaviour.md#login-and-payment-stand-ins).
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { OpenApiSettings } from './open-api-settings';

afterEach(cleanup);

describe('OpenApiSettings', () => {
  it('sends the auth outcome, a trimmed fixed code and the tradePay resultCode, and shows 6001 by default', () => {
    const onChange = vi.fn();
    render(<OpenApiSettings settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'my.getAuthCode (login)' }), { target: { value: 'refuse' } });
    expect(onChange).toHaveBeenLastCalledWith({ authOutcome: 'refuse' });
    const code = screen.getByRole('textbox', { name: /Auth code/ });
    fireEvent.change(code, { target: { value: '  code-for-my-server ' } });
    fireEvent.keyDown(code, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ fixedAuthCode: 'code-for-my-server' });
    const tradePay = screen.getByRole('combobox', { name: 'my.tradePay answers (no payment is made)' });
    expect((tradePay as HTMLSelectElement).value).toBe('6001');
    expect([...tradePay.querySelectorAll('option')].map((option) => option.value)).toEqual(['9000', '8000', '4000', '6001', '6002', '6004']);
    fireEvent.change(tradePay, { target: { value: '9000' } });
    expect(onChange).toHaveBeenLastCalledWith({ tradePayResultCode: '9000' });
  });

  it('refuses an auth code longer than 256 characters', () => {
    const onChange = vi.fn();
    render(<OpenApiSettings settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const code = screen.getByRole('textbox', { name: /Auth code/ });
    fireEvent.change(code, { target: { value: 'x'.repeat(257) } });
    fireEvent.blur(code);
    expect(screen.getByRole('alert').textContent).toBe('Auth code: at most 256 characters');
    expect(onChange).not.toHaveBeenCalled();
  });
});
