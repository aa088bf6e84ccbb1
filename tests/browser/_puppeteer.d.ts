/**
 * The part of puppeteer-core's API the browser tests use, typed here instead of by the
 * package's own declarations: those start with `/// <reference types="node" />`, which makes
 * `deno check .` load the newest `@types/node` in node_modules for the whole program and turns
 * `assert.ok(value, message?: string)` in other tests into a type error.
 */

/** Options of {@linkcode PuppeteerNode.launch}. */
export interface LaunchOptions {
  executablePath: string;
  headless?: boolean;
  args?: string[];
  timeout?: number;
  protocolTimeout?: number;
  /** The browser's environment. Default: this process's. */
  env?: Record<string, string | undefined>;
}

/** A browser process. */
export interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A console message of the page. */
export interface ConsoleMessage {
  type(): string;
  text(): string;
  /** Where the message came from: the script, or the resource that failed to load. */
  location(): { url?: string; lineNumber?: number; columnNumber?: number };
}

/** A tab. */
export interface Page {
  goto(url: string, options?: { waitUntil?: string; timeout?: number }): Promise<unknown>;
  setContent(html: string, options?: { waitUntil?: string; timeout?: number }): Promise<void>;
  setViewport(viewport: { width: number; height: number }): Promise<void>;
  setDefaultTimeout(ms: number): void;
  evaluate<T>(fn: () => T | Promise<T>): Promise<Awaited<T>>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<Awaited<T>>;
  evaluateOnNewDocument(fn: () => void): Promise<unknown>;
  waitForFunction<A>(
    fn: (arg: A) => unknown,
    options: { timeout?: number; polling?: number | "raf" },
    arg: A,
  ): Promise<unknown>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  $eval<T>(selector: string, fn: (element: Element) => T): Promise<Awaited<T>>;
  $eval<T, A>(selector: string, fn: (element: Element, arg: A) => T, arg: A): Promise<Awaited<T>>;
  $$eval<T>(selector: string, fn: (elements: Element[]) => T): Promise<Awaited<T>>;
  select(selector: string, ...values: string[]): Promise<string[]>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  keyboard: {
    press(key: string): Promise<void>;
    down(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
  screenshot(options: { path?: string; fullPage?: boolean }): Promise<Uint8Array>;
  on(event: "console", handler: (message: ConsoleMessage) => void): void;
  on(event: "pageerror", handler: (error: Error) => void): void;
  close(): Promise<void>;
}

/** The package's default export. */
export interface PuppeteerNode {
  launch(options: LaunchOptions): Promise<Browser>;
}

declare const puppeteer: PuppeteerNode;
export default puppeteer;
