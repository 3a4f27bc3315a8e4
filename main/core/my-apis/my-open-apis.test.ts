// Login and payment stand-ins through a real engine and `my` client (docs/behaviour.md#login-and-payment-stand-ins):
// my.getAuthCode grants a preview-auth-<n> code, a fixed code or a refusal with 11; my.getOpenUserInfo answers
// the documented response string; my.tradePay answers the chosen resultCode with a Problems warning; wrong
// arguments fail with 2; every call is logged as a call and its result.
import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../shared/capture';
import type { MyApi } from '../../../shared/my';
import type { EngineSettings } from '../../../shared/settings';
import { attachMyClient } from '../test-support/attach-my';
import { engineEachTest } from '../test-support/engine-per-test';

const engines = engineEachTest();
const attachMy = (settings: Partial<EngineSettings> = {}): MyApi => attachMyClient(engines.shared(settings)).my;

const entries = (name: string): CaptureEntry[] => [...(engines.current().capture.from(0))].filter((entry) => entry.name === name);

describe('my.getAuthCode', () => {
  it('grants a new preview-auth-<n> code per call across pages, with the scopes asked, and logs call and result', async () => {
    const first = attachMy();
    const second = attachMy();
    await expect(first.getAuthCode({ scopes: 'auth_user' })).resolves.toEqual({ authCode: 'preview-auth-1', authSuccessScopes: ['auth_user'], authErrorScopes: {} });
    const seen: unknown[] = [];
    await second.getAuthCode({ success: (res: unknown) => seen.push(res), complete: () => seen.push('complete') });
    expect(seen).toEqual([{ authCode: 'preview-auth-2', authSuccessScopes: ['auth_base'], authErrorScopes: {} }, 'complete']);
    const logged = entries('getAuthCode');
    expect(logged.map((entry) => entry.kind)).toEqual(['call', 'result', 'call', 'result']);
    expect(logged[0]?.detail?.['options']).toEqual({ scopes: 'auth_user' });
    expect(logged[1]?.detail?.['payload']).toMatchObject({ authCode: 'preview-auth-1' });
  });

  it('answers the fixed code the settings give, whatever the scopes', async () => {
    const my = attachMy({ fixedAuthCode: 'test-server-code' });
    await expect(my.getAuthCode({ scopes: ['auth_base', 'auth_user'] })).resolves.toMatchObject({ authCode: 'test-server-code', authSuccessScopes: ['auth_base', 'auth_user'] });
  });

  it('fails with 11 and authErrorScopes when the user refuses, except the silent auth_base', async () => {
    const my = attachMy({ authOutcome: 'refuse' });
    await expect(my.getAuthCode({ scopes: ['auth_base', 'auth_user'] })).rejects.toEqual({ error: 11, errorMessage: 'The user refused authorization (preview setting "user refuses").', authErrorScopes: { auth_user: '11' } });
    await expect(my.getAuthCode({ scopes: 'auth_base' })).resolves.toMatchObject({ authCode: 'preview-auth-1' });
    expect(entries('getAuthCode').filter((entry) => entry.kind === 'result').map((entry) => entry.errorCode)).toEqual([11, undefined]);
  });

  it('follows a settings change made while the page runs', async () => {
    const my = attachMy();
    engines.current().updateSettings({ authOutcome: 'refuse' });
    await expect(my.getAuthCode({ scopes: 'auth_user' })).rejects.toMatchObject({ error: 11 });
  });

  it('fails with 2 and says why for wrong scopes or options', async () => {
    const my = attachMy();
    await expect(my.getAuthCode({ scopes: 42 })).rejects.toEqual({ error: 2, errorMessage: 'invalid parameter (getAuthCode: scopes must be a scope name or an array of scope names, got number)' });
    await expect(my.getAuthCode({ scopes: ['auth_user', ''] })).rejects.toMatchObject({ error: 2 });
    await expect(my.getAuthCode('auth_user')).rejects.toEqual({ error: 2, errorMessage: 'invalid parameter (getAuthCode: expects an options object, got string)' });
  });
});

describe('my.getOpenUserInfo', () => {
  it('answers the documented double-wrapped response string with a stand-in profile', async () => {
    const my = attachMy();
    const { response } = (await my.getOpenUserInfo()) as { response: string };
    expect(JSON.parse(response)).toEqual({ response: { code: '10000', msg: 'Success', nickName: 'Preview user', avatar: '', gender: '', countryCode: '', province: '', city: '' } });
  });

  it('answers 40003 (no authorization) when the user refuses', async () => {
    const my = attachMy({ authOutcome: 'refuse' });
    const { response } = (await my.getOpenUserInfo({})) as { response: string };
    expect(JSON.parse(response)).toMatchObject({ response: { code: '40003', subCode: 'isv.invalid-auth-relations' } });
  });
});

describe('my.tradePay', () => {
  it('answers 6001 (the user cancelled) by default, with a warning that nothing was paid', async () => {
    const my = attachMy();
    await expect(my.tradePay({ tradeNO: '2026120722001' })).resolves.toEqual({ resultCode: '6001' });
    const [warning] = entries('payment-not-emulated');
    expect(warning?.errorMessage).toBe('my.tradePay(2026120722001) answered resultCode 6001 (the user cancelled): payments are not emulated, nothing was paid.');
    expect(entries('tradePay').map((entry) => entry.kind)).toEqual(['call', 'result']);
  });

  it('answers the resultCode the settings choose, for orderStr too', async () => {
    const my = attachMy({ tradePayResultCode: '9000' });
    await expect(my.tradePay({ orderStr: 'app_id=1&biz_content=x' })).resolves.toEqual({ resultCode: '9000' });
    expect(entries('payment-not-emulated')[0]?.detail).toMatchObject({ resultCode: '9000' });
  });

  it('fails with 2 without a tradeNO or orderStr, and warns of no payment then', async () => {
    const my = attachMy();
    await expect(my.tradePay({ tradeNo: 'wrong case' })).rejects.toEqual({ error: 2, errorMessage: 'invalid parameter (tradePay: give tradeNO (a trade number string) or orderStr, got tradeNO undefined and orderStr undefined)' });
    await expect(my.tradePay()).rejects.toMatchObject({ error: 2 });
    expect(entries('payment-not-emulated')).toEqual([]);
  });

  it('is offered to canIUse', () => {
    const my = attachMy();
    expect(['getAuthCode', 'getOpenUserInfo', 'tradePay'].map((api) => my.canIUse(api))).toEqual([true, true, true]);
  });
});
