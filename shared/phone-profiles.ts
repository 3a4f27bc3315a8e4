// The phones the preview can pretend to be for my.getSystemInfo (docs/behaviour.md#system-info). The
// default is the reference's recommended iPhone 6-class profile; windowHeight follows the documented
// relation screenHeight = windowHeight + statusBarHeight + titleBarHeight.
import type { Json } from './json';

interface PhoneProfile {
  label: string;
  model: string;
  brand: string;
  platform: 'iOS' | 'Android';
  system: string;
  pixelRatio: number;
  screenWidth: number;
  screenHeight: number;
  statusBarHeight: number;
  titleBarHeight: number;
}

export const PHONE_PROFILES = {
  'iphone-6': { label: 'iPhone 6 (375×667 @2x)', model: 'iPhone7,2', brand: 'iPhone', platform: 'iOS', system: '12.5.7', pixelRatio: 2, screenWidth: 375, screenHeight: 667, statusBarHeight: 20, titleBarHeight: 44 },
  'iphone-14': { label: 'iPhone 14 (390×844 @3x)', model: 'iPhone14,7', brand: 'iPhone', platform: 'iOS', system: '17.2', pixelRatio: 3, screenWidth: 390, screenHeight: 844, statusBarHeight: 47, titleBarHeight: 44 },
  'android-1080p': { label: 'Android 1080p (360×780 @3x)', model: 'HUAWEI TAS-AL00', brand: 'HUAWEI', platform: 'Android', system: '10', pixelRatio: 3, screenWidth: 360, screenHeight: 780, statusBarHeight: 24, titleBarHeight: 48 },
} as const satisfies Record<string, PhoneProfile>;

export type PhoneProfileId = keyof typeof PHONE_PROFILES;
export const PHONE_PROFILE_IDS = Object.keys(PHONE_PROFILES) as [PhoneProfileId, ...PhoneProfileId[]];
export const DEFAULT_PHONE_PROFILE: PhoneProfileId = 'iphone-6';

/** The Alipay client version the preview reports. */
export const PREVIEW_CLIENT_VERSION = '10.5.36';

/** getSystemInfo's result for a profile. */
export function systemInfoOf(id: PhoneProfileId): Record<string, Json> {
  const profile: PhoneProfile = PHONE_PROFILES[id];
  const windowHeight = profile.screenHeight - profile.statusBarHeight - profile.titleBarHeight;
  return {
    model: profile.model,
    brand: profile.brand,
    platform: profile.platform,
    system: profile.system,
    pixelRatio: profile.pixelRatio,
    screenWidth: profile.screenWidth,
    screenHeight: profile.screenHeight,
    screen: { width: profile.screenWidth, height: profile.screenHeight },
    windowWidth: profile.screenWidth,
    windowHeight,
    statusBarHeight: profile.statusBarHeight,
    titleBarHeight: profile.titleBarHeight,
    safeArea: { left: 0, right: profile.screenWidth, top: profile.statusBarHeight, bottom: profile.screenHeight, width: profile.screenWidth, height: profile.screenHeight - profile.statusBarHeight },
    language: 'zh-Hans',
    version: PREVIEW_CLIENT_VERSION,
    app: 'alipay',
    fontSizeSetting: 16,
    storage: '128 GB',
    currentBattery: '100%',
  };
}
