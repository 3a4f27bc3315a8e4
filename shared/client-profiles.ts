// Client profiles (docs/behaviour.md#client-profiles): which published error table the engine answers with. The
// engine decides a *condition* (named by the seed's code, plus `wss-required`, which the seed has no code for);
// the profile turns it into the code, text and remedy that client family shows.
import type { SocketErrorCode } from './error-codes';
import { socketError } from './error-codes';

export const CLIENT_PROFILES = ['alipay-plus', 'alipay-cn'] as const;
export type ClientProfileName = (typeof CLIENT_PROFILES)[number];
export const DEFAULT_CLIENT_PROFILE: ClientProfileName = 'alipay-plus';

/** What went wrong, as the engine decides it: a seed code, or a ws:// URL where wss is required. */
export type ErrorCondition = SocketErrorCode | 'wss-required';

export interface ProfileError {
  /** The code the app's `error` gets. */
  readonly code: number;
  /** The profile's description: the default `errorMessage`. */
  readonly description: string;
  /** The profile's remedy, shown by the panel. */
  readonly solution: string;
}

export interface ClientProfile {
  readonly name: ClientProfileName;
  readonly label: string;
  /** Where the table comes from. */
  readonly source: string;
  /** The single-mode policy and wss rule that choosing the profile applies (docs/behaviour.md#client-profiles). */
  readonly singleModePolicy: 'replace' | 'reject';
  readonly strictWss: boolean;
  readonly connectTimeoutMs: number;
  /** Conditions whose code or text differ from the seed's; the rest keep the seed's row. */
  readonly overrides: ReadonlyMap<ErrorCondition, ProfileError>;
}

const CN_SOURCE = 'https://opendocs.alipay.com/mini/api/vx19c3';

const cnOverrides: ReadonlyMap<ErrorCondition, ProfileError> = new Map<ErrorCondition, ProfileError>([
  [1, { code: 1, description: '未知错误。', solution: '-' }],
  [3, { code: 2, description: '接口参数无效。', solution: '替换 URL 链接。 (Invalid parameter: check the URL.)' }],
  [
    2,
    {
      code: 3,
      description: '该appId，SocketTaskID对应的WebSocket已存在',
      solution: '单实例（multiple = false）的 WebSocket 只能创建一次：先执行 my.closeSocket 关闭当前 WebSocket，再创建下一个。 (The single-mode socket already exists: create it once, close it before creating another.)',
    },
  ],
  [4, { code: 4, description: '无法识别的 URL 格式。', solution: '替换 URL 链接。 (Unrecognised URL format: replace the URL.)' }],
  [5, { code: 5, description: 'URL 必须以 ws 或者 wss 开头。', solution: '替换 URL 链接。 (The URL must start with ws or wss.)' }],
  [6, { code: 6, description: '连接服务器超时。', solution: '稍后重试。 (Connection timed out: try again later.)' }],
  [12, { code: 12, description: '无法申请更多内存来读取网络数据。', solution: '请检查内存。 (Cannot allocate memory to read the data: check the memory.)' }],
  ['wss-required', { code: 20, description: '请求url不支持ws，请使用wss', solution: '请使用 wss 协议的 url。 (The URL does not support ws: use wss.)' }],
]);

const plusOverrides: ReadonlyMap<ErrorCondition, ProfileError> = new Map<ErrorCondition, ProfileError>([
  // The seed has no code for "wss required"; its scheme code 5 is the closest (docs/behaviour.md#a24-strict-wss).
  ['wss-required', { code: 5, description: socketError(5).description, solution: socketError(8).solution }],
]);

export const PROFILES: ReadonlyMap<ClientProfileName, ClientProfile> = new Map<ClientProfileName, ClientProfile>([
  [
    'alipay-plus',
    {
      name: 'alipay-plus',
      label: 'Alipay+ clients (international docs, codes 1–12)',
      source: 'the seed: the Alipay+ my.connectSocket page (GCash, M-Pesa and other Alipay+ portals publish it)',
      singleModePolicy: 'replace',
      strictWss: false,
      connectTimeoutMs: 30000,
      overrides: plusOverrides,
    },
  ],
  [
    'alipay-cn',
    {
      name: 'alipay-cn',
      label: 'Alipay China (opendocs.alipay.com, codes 1–6, 12, 20)',
      source: `${CN_SOURCE} (AlipayDocs/open-docs mini/api/基础API/网络/my.connectSocket.md); 7–11 as the earlier revision of that page numbered them`,
      singleModePolicy: 'reject',
      strictWss: true,
      connectTimeoutMs: 30000,
      overrides: cnOverrides,
    },
  ],
]);

export function clientProfile(name: ClientProfileName): ClientProfile {
  const profile = PROFILES.get(name);
  if (!profile) throw new RangeError(`unknown client profile ${name}`);
  return profile;
}

/** The code, text and remedy a condition gets under a profile. */
export function profileError(name: ClientProfileName, condition: ErrorCondition): ProfileError {
  const override = clientProfile(name).overrides.get(condition);
  if (override) return override;
  const seed = socketError(condition === 'wss-required' ? 5 : condition);
  return { code: seed.code, description: seed.description, solution: seed.solution };
}

const CONDITIONS: readonly ErrorCondition[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 'wss-required'];

/** A code the app received, explained: the profile's row and what raises it here (the panel's lookup). */
export interface ExplainedCode extends ProfileError {
  readonly profile: ClientProfileName;
  /** What raises it in this emulator. */
  readonly meaning: string;
}

const WSS_REQUIRED_MEANING = 'The URL is ws:// while the wss rule is on (strict wss; the alipay-cn profile turns it on).';

/** The profile's row for a code, or undefined for a code the profile never emits. */
export function explainProfileCode(name: ClientProfileName, code: number): ExplainedCode | undefined {
  for (const condition of CONDITIONS) {
    const row = profileError(name, condition);
    if (row.code !== code) continue;
    const meaning = condition === 'wss-required' ? WSS_REQUIRED_MEANING : socketError(condition).meaning;
    return { ...row, profile: name, meaning };
  }
  return undefined;
}

/** The errorMessage of a condition: the profile's description, with the detail in parentheses. */
export function profileErrorMessage(name: ClientProfileName, condition: ErrorCondition, detail?: string): string {
  const { description } = profileError(name, condition);
  return detail ? `${description} (${detail})` : description;
}

/** Every row a profile can emit, by code (the docs' table and the panel's legend). */
export function profileTable(name: ClientProfileName): ProfileError[] {
  const byCode = new Map<number, ProfileError>();
  for (const condition of CONDITIONS) {
    const row = profileError(name, condition);
    if (!byCode.has(row.code)) byCode.set(row.code, row);
  }
  return [...byCode.values()].sort((a, b) => a.code - b.code);
}

/** What an error entry of the capture records about its profile: nothing for the default, so old captures read the same. */
export function profileStamp(profile: ClientProfileName | undefined): { clientProfile?: ClientProfileName } {
  return profile === undefined || profile === DEFAULT_CLIENT_PROFILE ? {} : { clientProfile: profile };
}

/** The profile an entry's error code belongs to (its stamp, else the default). */
export function profileOfEntryDetail(detail: Readonly<Record<string, unknown>> | undefined): ClientProfileName {
  const stamp = detail?.clientProfile;
  return CLIENT_PROFILES.find((name) => name === stamp) ?? DEFAULT_CLIENT_PROFILE;
}
