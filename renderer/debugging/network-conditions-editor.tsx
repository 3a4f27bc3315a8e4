// Network conditions (docs/debugging.md#network-conditions) for all connections or one: a preset or own
// figures for latency each way, jitter, bandwidth and loss, and offline.
import type { NetworkConditions, NetworkPresetName } from '../../shared/debugging/network-conditions';
import { NETWORK_PRESETS, NO_CONDITIONS } from '../../shared/debugging/network-conditions';

const PRESET_LABELS: Record<NetworkPresetName, string> = { 'slow-3g': 'Slow 3G', '4g': '4G', 'flaky-wifi': 'Flaky Wi-Fi', offline: 'Offline' };

/** Each figure with the limit the engine's schema accepts (shared/debugging/network-conditions.ts). */
const FIELDS: { key: Exclude<keyof NetworkConditions, 'offline'>; label: string; unit: string; max: number }[] = [
  { key: 'latencyInMs', label: 'Latency ↓', unit: 'ms', max: 60_000 },
  { key: 'latencyOutMs', label: 'Latency ↑', unit: 'ms', max: 60_000 },
  { key: 'jitterMs', label: 'Jitter ±', unit: 'ms', max: 60_000 },
  { key: 'bandwidthKbps', label: 'Bandwidth', unit: 'kbit/s (0 = unlimited)', max: 10_000_000 },
  { key: 'lossPercent', label: 'Drop chance per frame', unit: '%', max: 100 },
];

/** The preset these conditions are, or 'custom' / 'none'. */
export function presetOf(conditions: NetworkConditions | null | undefined): NetworkPresetName | 'custom' | 'none' {
  if (!conditions) return 'none';
  const found = (Object.keys(NETWORK_PRESETS) as NetworkPresetName[]).find((name) => JSON.stringify(NETWORK_PRESETS[name]) === JSON.stringify(conditions));
  return found ?? 'custom';
}

export interface NetworkConditionsEditorProps {
  label: string;
  conditions: NetworkConditions | null;
  onChange(conditions: NetworkConditions | null): void;
}

export function NetworkConditionsEditor({ label, conditions, onChange }: NetworkConditionsEditorProps) {
  const preset = presetOf(conditions);
  return (
    <div className="network-conditions" aria-label={label}>
      <label>
        {label}{' '}
        <select
          aria-label={`${label} preset`}
          value={preset}
          onChange={(event) => {
            const value = event.target.value as NetworkPresetName | 'custom' | 'none';
            if (value === 'none') onChange(null);
            else if (value === 'custom') onChange({ ...(conditions ?? NO_CONDITIONS), offline: false });
            else onChange({ ...NETWORK_PRESETS[value] });
          }}
        >
          <option value="none">No throttling</option>
          {(Object.keys(PRESET_LABELS) as NetworkPresetName[]).map((name) => (
            <option key={name} value={name}>
              {PRESET_LABELS[name]}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {conditions && (
        <div className="network-fields">
          <label className="network-offline">
            <input type="checkbox" checked={conditions.offline} onChange={(event) => onChange({ ...conditions, offline: event.target.checked })} /> Offline
          </label>
          {FIELDS.map((field) => (
            <label key={field.key}>
              <span>{field.label}</span>
              <input
                type="number"
                min={0}
                max={field.max}
                aria-label={`${label} ${field.label}`}
                value={conditions[field.key]}
                onChange={(event) => onChange({ ...conditions, [field.key]: Math.min(field.max, Math.max(0, Number(event.target.value) || 0)) })}
              />
              <span className="msd-muted">{field.unit}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
