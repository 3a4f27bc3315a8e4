// rpx (750rpx = the phone's width, docs/miniprogram-runtime.md#references §7) as CSS: `calc(N * var(--rpx))`, where the view sets
// `--rpx` from the phone's width. Used by the ACSS compiler and for inline `style` at render time.

const RPX = /(^|[^\w.#-])(-?(?:\d+\.?\d*|\.\d+))rpx\b/g;

/** `12rpx` → `calc(12 * var(--rpx))` inside a CSS value or inline style. */
export function convertRpx(value: string): string {
  return value.includes('rpx') ? value.replace(RPX, (_match, before: string, amount: string) => `${before}calc(${amount} * var(--rpx))`) : value;
}
