// A mini-program folder as the view sees it: its configuration, and every AXML, SJS and ACSS file compiled
// (cached per file by mtime + size, so a warm manifest only stats files). `openMiniProgram(folder)` is what a
// host creates once per project; serve-bundle.ts answers the bundle's URLs from it.
import { join } from 'node:path';
import { BUILTIN_TAGS, componentHostClass, pageScopeClass, type ViewManifest } from '../../shared/miniprogram/view-bundle';
import type { RuntimeProblem } from '../../shared/miniprogram/view-logic-protocol';
import { compileAcss, type CompiledAcss, type ComponentSheet, type PageSheet } from './compile-acss';
import { compileAxml, type CompiledAxml } from './compile-axml';
import { compileSjs, type CompiledSjs } from './compile-sjs';
import { loadProjectConfig, miniprogramRootOf } from './project-config';
import { CompileCache, ProjectFiles } from './project-files';

type Cached<T> = T & { files: string[] };

export class MiniProgramProject {
  readonly files: ProjectFiles;
  private readonly axmlCache: CompileCache<Cached<CompiledAxml>>;
  private readonly sjsCache: CompileCache<Cached<CompiledSjs>>;
  private readonly acssCache: CompileCache<CompiledAcss>;
  private readonly rootProblems: RuntimeProblem[];
  /** Sheet path → how components' and pages' sheets are scoped, from the latest manifest. */
  private scopedSheets = new Map<string, ComponentSheet | PageSheet>();

  constructor(folder: string) {
    this.rootProblems = [];
    const root = miniprogramRootOf(new ProjectFiles(folder), this.rootProblems);
    this.files = new ProjectFiles(join(folder, root));
    this.axmlCache = new CompileCache(this.files);
    this.sjsCache = new CompileCache(this.files);
    this.acssCache = new CompileCache(this.files);
  }

  axml(path: string): CompiledAxml {
    return this.axmlCache.get(path, () => {
      const source = this.files.readText(path);
      if (source === undefined) {
        const problem: RuntimeProblem = { kind: 'axml', message: 'file not found', file: path.slice(1) };
        return { ...compileAxml(path, ''), problems: [problem], files: [path] };
      }
      return { ...compileAxml(path, source), files: [path] };
    });
  }

  sjs(path: string): CompiledSjs {
    return this.sjsCache.get(path, () => {
      const source = this.files.readText(path);
      if (source === undefined) {
        const problem: RuntimeProblem = { kind: 'sjs', message: 'file not found', file: path.slice(1) };
        return { ...compileSjs(path, ''), problems: [problem], files: [path] };
      }
      return { ...compileSjs(path, source), files: [path] };
    });
  }

  acss(path: string): CompiledAcss {
    const sheet = this.scopedSheets.get(path);
    const read = (file: string): string | undefined => this.files.readText(file);
    const scope = sheet === undefined ? '' : 'pageClass' in sheet ? [sheet.pageClass, ...(sheet.overriddenTags ?? [])].join(' ') : (sheet.scope ?? '');
    return this.acssCache.get(`${path}|${scope}`, () => compileAcss(path, read(path) ?? '', read, sheet));
  }

  /** Configuration plus the closure of files the view needs, compiling each (from cache when unchanged). */
  manifest(): ViewManifest {
    const config = loadProjectConfig(this.files);
    this.scopedSheets = new Map<string, ComponentSheet | PageSheet>([
      ...config.pages.map((page): [string, PageSheet] => [`/${page.route}.acss`, { pageClass: pageScopeClass(page.route), overriddenTags: Object.keys(page.usingComponents).filter((tag) => BUILTIN_TAGS.has(tag)) }]),
      ...config.components.map((component): [string, ComponentSheet] => [`${component.path}.acss`, { hostClass: componentHostClass(component.path), ...(component.styleScope === undefined ? {} : { scope: component.styleScope }) }]),
    ]);
    const problems: RuntimeProblem[] = [...this.rootProblems, ...config.problems];
    const owners = [...config.components.map((component) => component.path), ...config.pages.map((page) => `/${page.route}`)];

    const axml = new Set<string>();
    const sjs = new Set<string>();
    const deps: Record<string, string[]> = {};
    const axmlQueue = owners.map((owner) => `${owner}.axml`).filter((path) => this.files.exists(path));
    while (axmlQueue.length > 0) {
      const path = axmlQueue.shift() ?? '';
      if (axml.has(path)) continue;
      axml.add(path);
      const compiled = this.axml(path);
      problems.push(...compiled.problems);
      axmlQueue.push(...compiled.imports, ...compiled.includes);
      compiled.sjs.forEach((file) => sjs.add(file));
      deps[path] = [...compiled.imports, ...compiled.includes, ...compiled.sjs];
    }
    for (const path of sjs) {
      const compiled = this.sjs(path);
      problems.push(...compiled.problems);
      compiled.requires.forEach((file) => sjs.add(file));
      deps[path] = compiled.requires;
    }
    const acss = ['/app', ...owners].map((owner) => `${owner}.acss`).filter((path) => this.files.exists(path));
    const remoteUrls: Record<string, string> = {};
    for (const path of acss) {
      const compiled = this.acss(path);
      problems.push(...compiled.problems);
      for (const [url, file] of Object.entries(compiled.remoteUrls)) remoteUrls[url] ??= file;
    }

    return {
      pages: config.pages,
      components: config.components,
      window: config.window,
      ...(config.tabBar ? { tabBar: config.tabBar } : {}),
      axml: [...axml],
      sjs: [...sjs],
      deps,
      acss,
      problems,
      ...(Object.keys(remoteUrls).length > 0 ? { remoteUrls } : {}),
    };
  }
}
