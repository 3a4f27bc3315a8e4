// The `rt` every compiled render module receives (shared/miniprogram/view-bundle.ts RenderRuntime): the value
// rules of AXML expressions and `a:for` lists (docs/miniprogram-runtime.md#references §5.1, §5.3).
import { h } from 'preact';
import type { RenderChild, RenderRuntime, RenderScope } from '../../../shared/miniprogram/view-bundle';
import { ListBlock } from './list-block';

/** Keys that would reach prototypes through a computed member access (`a[k]`). */
const UNSAFE_KEYS = new Set(['constructor', '__proto__', 'prototype']);

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `a:for` items as [item, index] pairs: arrays, numbers (0…n-1), strings, objects (key as index). */
function each(value: unknown): Array<[unknown, number | string]> {
  if (Array.isArray(value)) return value.map((item, index): [unknown, number] => [item, index]);
  if (typeof value === 'number') return Array.from({ length: Math.max(0, Math.floor(value)) }, (_, index): [unknown, number] => [index, index]);
  if (typeof value === 'string') return [...value].map((char, index): [unknown, number] => [char, index]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([key, item]): [unknown, string] => [item, key]);
  return [];
}

export const renderRuntime: RenderRuntime = {
  text,
  cat: (parts) => parts.map(text).join(''),
  scope(parent: RenderScope | null, data: unknown): RenderScope {
    const scope = Object.create(parent) as RenderScope;
    if (typeof data === 'object' && data !== null) Object.assign(scope, data);
    return scope;
  },
  list: (value, deps, keyOf, renderItem) => h(ListBlock, { pairs: each(value), deps, keyOf, renderItem }) as RenderChild,
  key(value) {
    if (typeof value === 'number') return value;
    const key = String(value);
    return UNSAFE_KEYS.has(key) ? `\u0000${key}` : key;
  },
};
