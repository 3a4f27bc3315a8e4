// What the panel remembers across restarts, per user (docs/behaviour.md#panel-preferences): pane layout,
// log columns, filters, the theme override and session settings. The engine stores it as one JSON file; the panel sends
// the whole object on every change, so the file is always one consistent state.
import * as z from 'zod';
import { settingsPatchSchema } from './settings';

const MAX_KEYS = 32;
/** Recent projects the panel lists. */
export const MAX_RECENT_PROJECTS = 8;
const key = z.string().min(1).max(64);

/** Group id → panel id → size in percent (react-resizable-panels' Layout). */
const layoutsSchema = z.record(key, z.record(key, z.number().min(0).max(100))).refine((value) => Object.keys(value).length <= MAX_KEYS);

export const panelPreferencesSchema = z.object({
  layouts: layoutsSchema.optional(),
  columns: z
    .object({
      hidden: z.array(key).max(MAX_KEYS),
      widths: z.record(key, z.number().int().min(16).max(2000)).refine((value) => Object.keys(value).length <= MAX_KEYS),
    })
    .optional(),
  filters: z
    .object({
      directions: z.array(z.enum(['out', 'in', 'none'])).max(3),
      types: z.array(key).max(MAX_KEYS),
      text: z.string().max(1000),
    })
    .optional(),
  settings: settingsPatchSchema.optional(),
  /** The panel's colours: the system's (absent or 'system'), or always light or dark (docs/behaviour.md#panel-theme). */
  theme: z.enum(['system', 'light', 'dark']).optional(),
  /** Projects opened lately, newest first (docs/miniprogram-runtime.md "Opening projects"). */
  recentProjects: z.array(z.string().min(1).max(4096)).max(MAX_RECENT_PROJECTS).optional(),
  /** Side section title → open, for the sections the user opened or folded (docs/behaviour.md#panel-layout). */
  sideSections: z.record(key, z.boolean()).refine((value) => Object.keys(value).length <= MAX_KEYS).optional(),
});
export type PanelPreferences = z.infer<typeof panelPreferencesSchema>;
