// A page's compiled modules and style sheets, loaded the first time a page needs them (docs/miniprogram-runtime.md
// "Loading the view"), each file once. The start of the view loads a file as the ordinary <script> or <link> of
// its bundle URL, so error stacks keep naming `/__mp/view/<file>.axml.js`, which the problem mapping relies on.
import { modulesOfPage, sheetsOfPage, type ModuleGraph } from '../../../shared/miniprogram/page-modules';

/** Loads one compiled file (a project path: `/pages/a/a.axml`, `/u.sjs`, `/app.acss`); resolves false when it failed. */
export type LoadFile = (path: string) => Promise<boolean>;

export class PageModuleLoader {
  private readonly requests = new Map<string, Promise<void>>();
  private readonly settled = new Set<string>();

  constructor(
    private readonly graph: ModuleGraph,
    private readonly loadFile: LoadFile,
    /** A file that failed to load (reported once: each file is requested once). */
    private readonly onFailure: (path: string) => void,
  ) {}

  /** Undefined when every file of `routes` is loaded (or failed) already; else a promise of that moment. */
  pagesReady(routes: readonly string[]): Promise<void> | undefined {
    const files = new Set(routes.flatMap((route) => [...sheetsOfPage(this.graph, route), ...modulesOfPage(this.graph, route)]));
    return this.filesReady([...files]);
  }

  /** Every file of the manifest not requested yet, `batch` at a time, each batch after `next` resolves. */
  async prefetchAll(next: () => Promise<void>, batch = 6): Promise<void> {
    const rest = [...this.graph.acss, ...this.graph.axml, ...this.graph.sjs].filter((file) => !this.requests.has(file));
    for (let start = 0; start < rest.length; start += batch) {
      await next();
      await this.filesReady(rest.slice(start, start + batch));
    }
  }

  private filesReady(files: readonly string[]): Promise<void> | undefined {
    if (files.every((file) => this.settled.has(file))) return undefined;
    return Promise.all(files.map((file) => this.request(file))).then(() => undefined);
  }

  private request(file: string): Promise<void> {
    let request = this.requests.get(file);
    if (request === undefined) {
      request = this.loadFile(file).then((ok) => {
        this.settled.add(file);
        if (!ok) this.onFailure(file);
      });
      this.requests.set(file, request);
    }
    return request;
  }
}
