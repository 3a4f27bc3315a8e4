// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonTree, parseJsonContainer } from './json-tree';

afterEach(cleanup);

describe('JsonTree', () => {
  const value = { user: { id: 7, name: '<b>Ann</b>', roles: ['admin', 'dev'], address: { city: 'Hangzhou', zip: null } }, ok: true };

  it('shows nested data two levels open, collapses and expands on click', () => {
    render(<JsonTree value={value} />);
    const tree = screen.getByRole('tree');
    expect(tree.textContent).toContain('user: {4 keys}');
    expect(tree.textContent).toContain('id: 7');
    expect(tree.textContent).toContain('roles: Array(2)');
    expect(tree.textContent).not.toContain('"Hangzhou"'); // third level starts closed
    const address = screen.getAllByRole('treeitem').find((item) => item.textContent?.startsWith('▸address'));
    expect(address).toBeDefined();
    fireEvent.click(within(address as HTMLElement).getByRole('button', { name: 'expand' }));
    expect(tree.textContent).toContain('city: "Hangzhou"');
    expect(tree.textContent).toContain('zip: null');
    const user = screen.getAllByRole('treeitem').find((item) => item.textContent?.startsWith('▾user'));
    fireEvent.click(within(user as HTMLElement).getAllByRole('button', { name: 'collapse' })[0] as HTMLElement);
    expect(tree.textContent).not.toContain('id: 7');
  });

  it('renders strings as text, never as HTML', () => {
    const { container } = render(<JsonTree value={value} />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('"<b>Ann</b>"');
  });

  it('shows only the first 500 items of a huge array', () => {
    render(<JsonTree value={Array.from({ length: 700 }, (_, i) => i)} />);
    expect(screen.getByRole('tree').textContent).toContain('… 200 more');
  });
});

describe('parseJsonContainer', () => {
  it('parses objects and arrays only', () => {
    expect(parseJsonContainer(' {"a":[1]}')).toEqual({ a: [1] });
    expect(parseJsonContainer('[1,2]')).toEqual([1, 2]);
    expect(parseJsonContainer('42')).toBeUndefined();
    expect(parseJsonContainer('{broken')).toBeUndefined();
  });
});
