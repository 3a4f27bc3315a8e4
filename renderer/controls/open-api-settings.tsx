// The session settings of the login and payment stand-ins (docs/behaviour.md#login-and-payment-stand-ins):
// whether my.getAuthCode is granted or refused, the fixed code a test server accepts, and my.tradePay's resultCode.
import { AUTH_REFUSED_ERROR, MAX_FIXED_AUTH_CODE, PREVIEW_AUTH_CODE_PREFIX, TRADE_PAY_RESULTS, TRADE_PAY_RESULT_CODES, type TradePayResultCode } from '../../shared/open-api-stand-ins';
import type { EngineSettings, SettingsPatch } from '../../shared/settings';
import { CommittedField } from './settings-form-view';

export interface OpenApiSettingsProps {
  settings: EngineSettings;
  onChange(patch: SettingsPatch): void;
}

export function OpenApiSettings({ settings, onChange }: OpenApiSettingsProps) {
  return (
    <>
      <label className="msd-field">
        <span className="msd-field__label">my.getAuthCode (login)</span>
        <select value={settings.authOutcome} onChange={(event) => onChange({ authOutcome: event.target.value === 'refuse' ? 'refuse' : 'grant' })}>
          <option value="grant">the user grants</option>
          <option value="refuse">the user refuses (error {AUTH_REFUSED_ERROR}; auth_base stays silent)</option>
        </select>
      </label>
      <CommittedField
        label="Auth code"
        hint={`empty: ${PREVIEW_AUTH_CODE_PREFIX}<n>; or a code your test server accepts`}
        inputMode="text"
        value={settings.fixedAuthCode}
        parse={(text) => (text.trim().length > MAX_FIXED_AUTH_CODE ? { ok: false, error: `Auth code: at most ${MAX_FIXED_AUTH_CODE} characters` } : { ok: true, value: text.trim() })}
        onCommit={(code) => onChange({ fixedAuthCode: code })}
      />
      <label className="msd-field">
        <span className="msd-field__label">my.tradePay answers (no payment is made)</span>
        <select value={settings.tradePayResultCode} onChange={(event) => onChange({ tradePayResultCode: tradePayResultOf(event.target.value) })}>
          {TRADE_PAY_RESULT_CODES.map((code) => (
            <option key={code} value={code}>
              {code}: {TRADE_PAY_RESULTS[code]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function tradePayResultOf(value: string): TradePayResultCode {
  return TRADE_PAY_RESULT_CODES.find((code) => code === value) ?? '6001';
}
