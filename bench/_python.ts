/**
 * A Python reference process for the benchmarks: Debian's `/usr/bin/python3` running one of the
 * `bench/_*.py` scripts, which answer one JSON line per JSON line they are sent. Keeping one
 * process for a whole benchmark lets its runs interleave with ours without paying Python's
 * start-up (and `import torch`) in every run.
 *
 * @module
 */

/** The interpreter: Debian's, which has numpy, scikit-learn and PyTorch from apt. */
export const PYTHON = "/usr/bin/python3";

/** A running reference script. */
export class PythonProcess {
  /**
   * The CPUs the script may run on (`os.sched_getaffinity`), from its greeting: inherited from
   * the benchmark, so they are ours too.
   */
  cpus: number[] | undefined;
  /** What the script did to glibc's heap (`_heap.py`), from its greeting. */
  heap: string | undefined;
  /** Which BLAS the script runs, with which kernels (`_blas.py`), from its greeting. */
  blas: string | undefined;
  #child: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #lines: AsyncIterator<string>;
  #stderr: Promise<string>;

  private constructor(child: Deno.ChildProcess) {
    this.#child = child;
    this.#writer = child.stdin.getWriter();
    this.#lines = lines(child.stdout)[Symbol.asyncIterator]();
    this.#stderr = new Response(child.stderr).text();
  }

  /**
   * Starts `bench/<script>`, or returns why it cannot run ("not run (...)"): no permission to
   * run Python, or no Python.
   */
  static async start(script: string): Promise<PythonProcess | string> {
    const permission = await Deno.permissions.query({ name: "run", command: PYTHON });
    if (permission.state !== "granted") return `not run (needs --allow-run=${PYTHON})`;
    const path = new URL(`./${script}`, import.meta.url).pathname;
    try {
      const child = new Deno.Command(PYTHON, {
        args: [path],
        // The scripts import their helpers (bench/_setup.py and what it imports): no __pycache__
        // written into the repository.
        env: { PYTHONDONTWRITEBYTECODE: "1" },
        stdin: "piped",
        stdout: "piped",
        stderr: "piped",
      }).spawn();
      return new PythonProcess(child);
    } catch (error) {
      return `not run (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  /**
   * Sends one request and returns the reply, or "not run (...)" with the script's last error
   * line when it replied `{"error": ...}` or ended.
   */
  async request<T>(message: unknown): Promise<T | string> {
    try {
      await this.#writer.write(new TextEncoder().encode(JSON.stringify(message) + "\n"));
    } catch {
      // the process has ended: its error is read below
    }
    return await this.#reply<T>();
  }

  /** The first line the script prints on its own (before any request). */
  async greeting<T>(): Promise<T | string> {
    const reply = await this.#reply<T>();
    const { cpus, heap, blas } = (reply ?? {}) as {
      cpus?: unknown;
      heap?: unknown;
      blas?: unknown;
    };
    if (Array.isArray(cpus)) this.cpus = cpus;
    if (typeof heap === "string") this.heap = heap;
    if (typeof blas === "string") this.blas = blas;
    return reply;
  }

  async #reply<T>(): Promise<T | string> {
    const next = await this.#lines.next();
    if (next.done) {
      const message = (await this.#stderr).trim().split("\n").pop();
      return `not run (${message || "the Python process ended"})`;
    }
    const reply = JSON.parse(next.value);
    if (typeof reply?.error === "string") return `not run (${reply.error})`;
    return reply as T;
  }

  /** Closes its input (the script then exits) and waits for it. */
  async close(): Promise<void> {
    try {
      await this.#writer.close();
    } catch {
      // already closed: the process has ended
    }
    const status = await this.#child.status;
    if (!status.success) await this.#stderr;
  }
}

/**
 * The title lines that say how a Python reference ran (none without a Python process):
 *
 * - where the two sides ran. The two CPUs of this project's machine are shared with other
 *   machines, and at the same moment one can run a job 1.6 times slower than the other; a
 *   benchmark and its Python process left free to run on both can land on different ones, and the
 *   ratio then measures the CPUs. Under `taskset -c 0` they share one;
 * - how it kept its memory: the scripts stop glibc from handing freed memory back to the kernel,
 *   whose page faults made PyTorch's runs twice as slow at random (`_heap.py`);
 * - which BLAS kernels it ran: the scripts let OpenBLAS pick the kernels for this processor,
 *   where the environment may have named slower ones (`_blas.py`).
 */
export function pythonNotes(python: PythonProcess | undefined): string[] {
  const notes: string[] = [];
  const cpus = python?.cpus;
  if (cpus !== undefined) {
    notes.push(
      cpus.length === 1
        ? `ours and Python pinned to CPU ${cpus[0]}`
        : `NOT PINNED: ours and Python may each run on any of CPUs ${cpus.join(", ")}, ` +
          "whose speeds can differ at the same moment; run under taskset -c 0",
    );
  }
  if (python?.heap !== undefined) notes.push(`Python: ${python.heap}`);
  if (python?.blas !== undefined) notes.push(`Python's BLAS: ${python.blas}`);
  return notes;
}

/** The lines of a byte stream. */
async function* lines(stream: ReadableStream<Uint8Array>): AsyncIterable<string> {
  let pending = "";
  const decoder = new TextDecoder();
  for await (const bytes of stream) {
    pending += decoder.decode(bytes, { stream: true });
    let end: number;
    while ((end = pending.indexOf("\n")) >= 0) {
      yield pending.slice(0, end);
      pending = pending.slice(end + 1);
    }
  }
  if (pending.length > 0) yield pending;
}
