// A component that sets a key to undefined on every render (mini-ali-ui's button and its hoverClass): a phone
// leaves the key unset (docs/miniprogram-runtime.md#references §3.4), and the warning comes once per component
// path and key, not once per render or instance.
import { describe, expect, it } from 'vitest';
import { cardProjectHarness } from './test-support/logic-harness';

type ComponentThis = { data: Record<string, unknown>; props: Record<string, unknown>; setData(changes: object): void };

describe('setData with undefined in a component', () => {
  it('warns once per component path and key over many renders and instances; the key stays unset', async () => {
    const instances: ComponentThis[] = [];
    const harness = cardProjectHarness({
      data: { hoverClass: 'kept' },
      onInit(this: ComponentThis) {
        instances.push(this);
      },
      deriveDataFromProps(this: ComponentThis, next: Record<string, unknown>) {
        this.setData({ hoverClass: undefined, size: next.p });
      },
    });
    for (const instanceId of [101, 102]) {
      harness.send({ t: 'component-create', instanceId, parentId: 1, pageId: 1, path: '/components/card/index', props: { p: 1 }, eventProps: {} });
      harness.send({ t: 'component-mounted', instanceId });
      for (const p of [2, 3, 4]) {
        harness.send({ t: 'component-props', instanceId, props: { p }, eventProps: {} });
        await harness.settle();
      }
    }
    const hoverWarnings = harness.warnings.filter((warning) => warning.includes('"hoverClass" was set to undefined'));
    expect(hoverWarnings).toEqual(['/components/card/index: setData: "hoverClass" was set to undefined (or a function); it is not set, as on a phone (said once per page or component and key)']);
    expect(instances.map((instance) => [instance.data.hoverClass, instance.data.size])).toEqual([['kept', 4], ['kept', 4]]);

    instances[0]?.setData({ other: undefined });
    expect(harness.warnings.filter((warning) => warning.includes('"other" was set to undefined'))).toHaveLength(1);
  });
});
