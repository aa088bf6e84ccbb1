/**
 * Every exported function, class and constant has an `@example` that asserts: those of the module (each entry
 * point `deno.json` exports) and those of the runner (`src/runner/*.ts`). `deno doc --lint` asks
 * for JSDoc only; the examples themselves run as doc tests (`deno test --doc`). Needs
 * `--allow-run` (it runs `deno doc --json`) and `--allow-read`, as `deno task test:notebooks`
 * grants.
 */
import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url);

interface DocDeclaration {
  kind: string;
  location: { filename: string; line: number };
  jsDoc?: { tags?: { kind: string; doc?: string }[] };
  def?: { hasBody?: boolean };
}

interface DocNode {
  name: string;
  declarations: DocDeclaration[];
}

/** The public symbols of `files`, as `deno doc --json` lists them, by file. */
async function documented(files: string[]): Promise<[string, DocNode[]][]> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--json", ...files],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  assert.ok(output.success, new TextDecoder().decode(output.stderr));
  const { nodes } = JSON.parse(new TextDecoder().decode(output.stdout)) as {
    nodes: Record<string, { symbols: DocNode[] }>;
  };
  return Object.entries(nodes).map(([file, { symbols }]) => [file, symbols]);
}

/**
 * The functions, classes and constants among `nodes` whose JSDoc has no `@example` that asserts
 * (calls `assert(...)` or one of `assert`'s methods: an example that only runs proves little). An
 * overloaded function's implementation (the declaration with a body after its overloads) is
 * not asked for one: callers see the overloads only, and those carry the JSDoc.
 */
function withoutExample(nodes: DocNode[]): string[] {
  return nodes.flatMap((node) =>
    node.declarations
      .filter((d) => ["function", "class", "variable"].includes(d.kind))
      .filter((d) => !isOverloadedImplementation(d, node))
      .filter((d) => !(d.jsDoc?.tags ?? []).some((tag) => tag.kind === "example" && asserts(tag)))
      .map((d) => `${node.name} (${d.location.filename.replace(ROOT.href, "")}:${d.location.line})`)
  );
}

/** Whether an example calls `assert` or one of its methods (`assert.equal(`, `assert.throws(`). */
function asserts(tag: { doc?: string }): boolean {
  return /\bassert(\.\w+)?\(/.test(tag.doc ?? "");
}

/** Whether `declaration` is the body of a function `node` also declares without one. */
function isOverloadedImplementation(declaration: DocDeclaration, node: DocNode): boolean {
  return declaration.kind === "function" && declaration.def?.hasBody === true &&
    node.declarations.some((d) => d.kind === "function" && d.def?.hasBody !== true);
}

async function entryPoints(): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", ROOT)));
  return Object.values(config.exports as Record<string, string>);
}

async function runnerFiles(): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(new URL("src/runner/", ROOT))) {
    if (entry.isFile && entry.name.endsWith(".ts")) files.push(`./src/runner/${entry.name}`);
  }
  return files.sort();
}

Deno.test("every function, class and constant the module exports has an @example that asserts", async () => {
  const files = await documented(await entryPoints());
  const symbols = files.reduce((count, [, nodes]) => count + nodes.length, 0);
  assert.ok(symbols > 200, `deno doc listed ${symbols} symbols`);
  assert.deepEqual(files.flatMap(([, nodes]) => withoutExample(nodes)), []);
});

Deno.test("every function, class and constant the runner exports has an @example that asserts", async () => {
  const files = await documented(await runnerFiles());
  const functions = files.flatMap(([, nodes]) => nodes).filter((node) =>
    node.declarations.some((d) => d.kind === "function")
  );
  assert.ok(functions.length > 50, `deno doc listed ${functions.length} functions`);
  assert.deepEqual(files.flatMap(([, nodes]) => withoutExample(nodes)), []);
});
