// Component `ref` (docs/miniprogram-runtime.md#references §4.7): the parent's handler named by `ref="…"` gets the
// component's `ref()` value, or the instance itself, after the component's didMount; `ref` is not a prop.
// externalClasses (§4.8): declared names travel in the component's `init` when `options.externalClasses` is on.
import { describe, expect, it } from 'vitest';
import { cardProjectHarness } from './test-support/logic-harness';

function setup(component: Record<string, unknown>, page: Record<string, unknown>) {
  const harness = cardProjectHarness(component, page);
  harness.send({ t: 'component-create', instanceId: 101, parentId: 1, pageId: 1, path: '/components/card/index', props: { ref: 'saveRef', title: 't' }, eventProps: {} });
  return harness;
}

describe('component ref', () => {
  it('hands the instance to the parent handler after didMount; the parent can call its methods', () => {
    const log: string[] = [];
    let child: { props: Record<string, unknown>; bump(): number } | undefined;
    const harness = setup(
      { didMount: () => log.push('didMount'), methods: { bump: () => 42 } },
      {
        saveRef(this: { route: string }, ref: { props: Record<string, unknown>; bump(): number }) {
          log.push(`saveRef:${this.route}`);
          child = ref;
        },
      },
    );
    expect(log).toEqual([]);
    harness.send({ t: 'component-mounted', instanceId: 101 });
    expect(log).toEqual(['didMount', 'saveRef:pages/index/index']);
    expect(child?.bump()).toBe(42);
    expect(child?.props).toEqual({ title: 't' });
  });

  it('ref() decides the value handed over; a missing handler warns; a throwing ref() goes to onError', () => {
    const handed: unknown[] = [];
    const harness = setup({ ref: () => ({ api: 'card' }), methods: {} }, { saveRef: (value: unknown) => handed.push(value) });
    harness.send({ t: 'component-mounted', instanceId: 101 });
    expect(handed).toEqual([{ api: 'card' }]);

    const missing = setup({}, {});
    missing.send({ t: 'component-mounted', instanceId: 101 });
    expect(missing.warnings).toContain('can not find ref handle method "saveRef"');

    const throwing = setup({ ref: () => { throw new Error('no ref'); } }, { saveRef: () => undefined });
    throwing.send({ t: 'component-mounted', instanceId: 101 });
    expect(throwing.sent.filter((message) => message.t === 'problem').map((message) => JSON.stringify(message))).toEqual([expect.stringContaining('no ref')]);
  });
});

describe('component externalClasses', () => {
  it('sends the declared names (mixins included) in init when options.externalClasses is true', () => {
    const harness = setup({ externalClasses: ['my-class'], mixins: [{ externalClasses: ['title-class'] }], options: { externalClasses: true } }, {});
    expect(harness.sent.find((message) => message.t === 'init' && message.instanceId === 101)).toMatchObject({ externalClasses: ['title-class', 'my-class'] });
    expect(harness.warnings).toEqual([]);
  });

  it('without the switch: no names in init, and a warning naming the component', () => {
    const harness = setup({ externalClasses: ['my-class'] }, {});
    const init = harness.sent.find((message) => message.t === 'init' && message.instanceId === 101);
    expect(init).toBeDefined();
    expect(init).not.toHaveProperty('externalClasses');
    expect(harness.warnings).toEqual(['/components/card/index: externalClasses need options: { externalClasses: true }; ignored']);
  });
});

describe('component options.virtualHost', () => {
  it('travels in init when the component sets a boolean (it wins over the .json in the view); absent otherwise', () => {
    const off = setup({ options: { virtualHost: false } }, {});
    expect(off.sent.find((message) => message.t === 'init' && message.instanceId === 101)).toMatchObject({ virtualHost: false });
    const unset = setup({ options: { virtualHost: 'no' } }, {});
    expect(unset.sent.find((message) => message.t === 'init' && message.instanceId === 101)).not.toHaveProperty('virtualHost');
  });
});

