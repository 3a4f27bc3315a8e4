import { describe, expect, it } from 'vitest';
import { projectKeyOf } from './project-key';

describe('projectKeyOf', () => {
  it('keys a folder by its absolute path, a URL as given, and the bundled demo as demo', () => {
    expect(projectKeyOf('app', '/home/me/projects')).toBe('/home/me/projects/app');
    expect(projectKeyOf('../other/./app', '/home/me/projects')).toBe('/home/me/other/app');
    expect(projectKeyOf('/abs/app', '/home/me')).toBe('/abs/app');
    expect(projectKeyOf('http://127.0.0.1:8080/app/', '/home/me')).toBe('http://127.0.0.1:8080/app/');
    expect(projectKeyOf(undefined, '/home/me')).toBe('demo');
  });
});
