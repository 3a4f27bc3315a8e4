// What the frame log filter holds (the store keeps one of these; filter.ts applies it).
import type { Direction } from '../../shared/capture';
import type { EntryType } from '../capture/entry-type';
import { ENTRY_TYPES } from '../capture/entry-type';

/** An entry is shown when it passes every part. */
export interface LogFilters {
  /** Directions shown ('none' = no direction: calls, results, lifecycle, warnings). */
  directions: readonly Direction[];
  /** Entry types shown. */
  types: readonly EntryType[];
  /** Only this connection; null = every connection (and entries without one). */
  connectionId: string | null;
  /** Text or regex (Chrome's rule: a case-insensitive RegExp if it compiles, else a literal). '' = all. */
  text: string;
}

/** Everything shown. */
export const NO_FILTERS: LogFilters = {
  directions: ['out', 'in', 'none'],
  types: ENTRY_TYPES,
  connectionId: null,
  text: '',
};
