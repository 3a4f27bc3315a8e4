// A react-resizable-panels Group whose layout is remembered (docs/behaviour.md#panel-preferences): it saves
// each finished change, and applies the stored layout when the preferences arrive, or each pane's default
// size after "Reset layout" (without remounting: the mini-app must not reload).
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Group, useGroupRef, type Layout, type PanelImperativeHandle } from 'react-resizable-panels';
import { usePreferencesStore } from '../store/preferences-store';

/** Panes of a group that have a default size to go back to. */
export type PaneDefaults = ReadonlyMap<string, { ref: React.RefObject<PanelImperativeHandle | null>; size: string }>;

interface PersistedGroupProps {
  id: string;
  orientation: 'horizontal' | 'vertical';
  className?: string;
  defaults: PaneDefaults;
  children: ReactNode;
}

export function PersistedGroup({ id, orientation, className, defaults, children }: PersistedGroupProps) {
  const groupRef = useGroupRef();
  const generation = usePreferencesStore((state) => state.generation);
  const applied = useRef(0);

  useEffect(() => {
    if (generation === applied.current) return;
    applied.current = generation;
    const stored = usePreferencesStore.getState().preferences.layouts?.[id];
    if (stored && sameKeys(stored, groupRef.current?.getLayout() ?? {})) {
      groupRef.current?.setLayout(stored);
      return;
    }
    for (const { ref, size } of defaults.values()) {
      if (ref.current?.isCollapsed()) ref.current.expand();
      ref.current?.resize(size);
    }
  }, [generation, id, defaults, groupRef]);

  function save(layout: Layout): void {
    const { preferences, loaded, update } = usePreferencesStore.getState();
    if (!loaded) return;
    update({ layouts: { ...preferences.layouts, [id]: layout } });
  }

  return (
    <Group id={id} orientation={orientation} className={className} groupRef={groupRef} onLayoutChanged={save} resizeTargetMinimumSize={{ coarse: 20, fine: 8 }}>
      {children}
    </Group>
  );
}

function sameKeys(a: Layout, b: Layout): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => key in a);
}
