/**
 * Which Jupyter the runner and `deno task lab` use, installing it, and the kernelspecs they
 * write. Stand-ins (scripts that record their calls) live under build/test-jupyter/; the user's
 * own Jupyter folders are replaced by temporary ones (JUPYTER_DATA_DIR, PYTHONUSERBASE) wherever
 * a kernelspec may be written.
 */
import assert from "node:assert/strict";
import {
  APT_COMMAND,
  APT_PACKAGES,
  ensureJupyter,
  ensureKernelSpec,
  ensureUserKernelSpec,
  findJupyter,
  hasJupyterClient,
  JupyterMissingError,
  kernelSpec,
  missingJupyterAction,
  pythonOfJupyter,
} from "../../src/runner/jupyter.ts";
import { CHROMIUM_PACKAGES } from "../../src/runner/chromium.ts";
import { aptCommand } from "../../src/runner/system.ts";
import {
  captured,
  FIXTURES,
  processesTagged,
  readLines,
  runCli,
  scratchDir,
  spawnCli,
  waitFor,
  writeScript,
} from "./_cli.ts";
import { lab } from "../../src/runner/lab.ts";

const ROOT = `${Deno.cwd()}/build/test-jupyter`;
const PATH = Deno.env.get("PATH") ?? "";

/** A fresh folder for one test. */
function scratch(name: string): Promise<string> {
  return scratchDir(ROOT, name);
}

/**
 * bin/python3, a wrapper around Debian's Python that records its arguments, and bin/jupyter, a
 * Python script run by that wrapper (#! line) that records its arguments and runs Jupyter.
 */
async function jupyterWrappers(dir: string): Promise<{ jupyter: string; python: string }> {
  const python = await writeScript(
    `${dir}/bin/python3`,
    `#!/bin/sh\necho "python3 $*" >> ${dir}/calls\nexec /usr/bin/python3 "$@"\n`,
  );
  const jupyter = await writeScript(
    `${dir}/bin/jupyter`,
    `#!${python}\nimport sys\nwith open("${dir}/calls", "a") as log:\n` +
      `    log.write("jupyter " + " ".join(sys.argv[1:]) + "\\n")\n` +
      `from jupyter_core.command import main\nsys.exit(main())\n`,
  );
  return { jupyter, python };
}

/**
 * The environment that gives Jupyter a temporary user folder: JUPYTER_DATA_DIR, and
 * PYTHONUSERBASE, as Jupyter also reads kernelspecs from the Python user base (~/.local).
 */
function userFolders(dir: string): Record<string, string> {
  return { JUPYTER_DATA_DIR: `${dir}/data`, PYTHONUSERBASE: `${dir}/userbase` };
}

const NO_DEBIAN = { jupyter: "/nonexistent/jupyter", python: "/nonexistent/python3" };

Deno.test("findJupyter() takes the jupyter first on PATH and the Python of its #! line", async () => {
  const dir = await scratch("path-first");
  const wrappers = await jupyterWrappers(dir);
  assert.deepEqual(await findJupyter({ path: `${dir}/bin:${PATH}`, debian: NO_DEBIAN }), wrappers);
  assert.ok((await readLines(`${dir}/calls`)).includes("python3 -c import jupyter_client"));
});

Deno.test("hasJupyterClient() is false for a Python that is not there, true for Debian's", async () => {
  assert.equal(await hasJupyterClient("/nonexistent/python3"), false);
  assert.equal(await hasJupyterClient("/usr/bin/python3"), true);
});

Deno.test("findJupyter() takes Debian's only when its jupyter is there and its Python has the client", async () => {
  const dir = await scratch("debian-half");
  const debian = { jupyter: "/nonexistent/jupyter", python: "/usr/bin/python3" };
  assert.equal(await findJupyter({ path: `${dir}/bin`, debian }), undefined);
  const full = { jupyter: "/usr/bin/jupyter", python: "/usr/bin/python3" };
  assert.deepEqual(await findJupyter({ path: `${dir}/bin`, debian: full }), full);
});

Deno.test("ensureKernelSpec() writes the private kernelspec once, and again for another deno", async () => {
  const dir = await scratch("private-spec");
  const file = `${dir}/jupyter/kernels/deno/kernel.json`;
  assert.equal(await ensureKernelSpec(dir, "/opt/deno"), true, "written");
  const text = await Deno.readTextFile(file);
  assert.equal(text, JSON.stringify(kernelSpec("/opt/deno"), null, 2) + "\n");
  assert.deepEqual(JSON.parse(text).argv.slice(0, 3), ["/opt/deno", "jupyter", "--kernel"]);
  assert.equal(await ensureKernelSpec(dir, "/opt/deno"), false, "there already");
  assert.equal(await ensureKernelSpec(dir, "/usr/local/bin/deno"), true, "another deno");
  assert.equal(JSON.parse(await Deno.readTextFile(file)).argv[0], "/usr/local/bin/deno");
});

Deno.test("pythonOfJupyter() reads #!/usr/bin/env python3 through PATH, and asks a shell wrapper's jupyter", async (t) => {
  const dir = await scratch("python-of");
  await jupyterWrappers(dir);
  await t.step("#!/usr/bin/env python3", async () => {
    const viaEnv = await writeScript(`${dir}/jupyter-env`, "#!/usr/bin/env python3\nprint(1)\n");
    assert.equal(await pythonOfJupyter(viaEnv, `${dir}/bin:${PATH}`), `${dir}/bin/python3`);
  });
  await t.step("env's options and assignments are passed over to the program", async () => {
    const viaEnv = await writeScript(
      `${dir}/jupyter-env-s`,
      "#!/usr/bin/env -S PYTHONDONTWRITEBYTECODE=1 python3 -u\nprint(1)\n",
    );
    assert.equal(await pythonOfJupyter(viaEnv, `${dir}/bin:${PATH}`), `${dir}/bin/python3`);
  });
  await t.step("the operands of env's -u and -C are not the program", async () => {
    for (const options of ["-u PYTHONHOME", "-C /tmp -i", "--unset PYTHONPATH -S"]) {
      const viaEnv = await writeScript(
        `${dir}/jupyter-env-u`,
        `#!/usr/bin/env ${options} python3\nprint(1)\n`,
      );
      assert.equal(
        await pythonOfJupyter(viaEnv, `${dir}/bin:${PATH}`),
        `${dir}/bin/python3`,
        options,
      );
    }
  });
  await t.step(
    "a shell script (as pyenv's shims are): sys.executable from jupyter troubleshoot",
    async () => {
      const shim = await writeScript(
        `${dir}/jupyter-shim`,
        `#!/bin/sh\necho "shim $*" >> ${dir}/calls\nexec /usr/bin/jupyter "$@"\n`,
      );
      assert.equal(await pythonOfJupyter(shim, PATH), "/usr/bin/python3");
      assert.ok((await readLines(`${dir}/calls`)).includes("shim troubleshoot"));
    },
  );
});

Deno.test("runner uses the jupyter first on PATH: its Python runs the kernel's client", async () => {
  const dir = await scratch("runner-path");
  await jupyterWrappers(dir);
  const child = spawnCli(
    ["--no-update", "--out", `${ROOT}/runner-path/out`, `${FIXTURES}/hello.ipynb`],
    { tag: crypto.randomUUID(), env: { PATH: `${dir}/bin:${PATH}` } },
  );
  const { code, stdout, stderr } = await child.output();
  const text = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
  assert.equal(code, 0, text);
  const calls = await readLines(`${dir}/calls`);
  assert.ok(
    calls.some((call) => /^python3 .*src\/runner\/execute\.py$/.test(call)),
    calls.join("\n"),
  );
});

Deno.test("deno task lab starts the jupyter first on PATH and installs a user kernelspec only when none works", async () => {
  const dir = await scratch("lab");
  await jupyterWrappers(dir);
  const data = `${dir}/data`;
  const child = spawnCli(["--help"], {
    tag: crypto.randomUUID(),
    script: "src/runner/lab.ts",
    env: { PATH: `${dir}/bin:${PATH}`, ...userFolders(dir) },
  });
  const { code, stdout, stderr } = await child.output();
  const text = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
  assert.equal(code, 0, text);
  assert.match(text, new RegExp(`Installed a deno kernelspec in ${data}/kernels/deno for `));
  const calls = await readLines(`${dir}/calls`);
  assert.ok(calls.includes("jupyter kernelspec list --json"), calls.join("\n"));
  // Jupyter refuses to run as root unless told it may, and only root is to tell it.
  const root = Deno.uid() === 0 ? " --allow-root" : "";
  assert.ok(
    calls.includes(`jupyter notebook --notebook-dir=notebooks${root} --help`),
    calls.join("\n"),
  );
  const spec = JSON.parse(await Deno.readTextFile(`${data}/kernels/deno/kernel.json`));
  assert.equal(spec.argv[0], Deno.execPath());
});

Deno.test("deno task lab stops with one line when Jupyter cannot start", async (t) => {
  const spawnLab = async (name: string, python: string, jupyter: string) => {
    const dir = await scratch(name);
    const wrapper = await writeScript(
      `${dir}/bin/python3`,
      `#!/bin/sh\n${python}exec /usr/bin/python3 "$@"\n`,
    );
    await writeScript(
      `${dir}/bin/jupyter`,
      `#!${wrapper}\nimport sys\n${jupyter}` +
        "from jupyter_core.command import main\nsys.exit(main())\n",
    );
    const { code, stdout, stderr } = await spawnCli([], {
      tag: crypto.randomUUID(),
      script: "src/runner/lab.ts",
      env: { PATH: `${dir}/bin:${PATH}`, ...userFolders(dir) },
    }).output();
    return {
      code,
      stdout: new TextDecoder().decode(stdout),
      stderr: new TextDecoder().decode(stderr),
      dir,
    };
  };
  await t.step("a Python with neither notebook nor jupyterlab: exit 2, the fix named", async () => {
    const result = await spawnLab(
      "lab-no-front-end",
      'case "$*" in "-c import notebook"|"-c import jupyterlab") exit 1;; esac\n',
      "",
    );
    assert.equal(result.code, 2, result.stderr);
    assert.equal(
      result.stderr,
      `Cannot start Jupyter: ${result.dir}/bin/python3 has neither notebook nor jupyterlab; ` +
        "install one (pip install notebook), or as root: apt-get install -y jupyter-notebook\n",
    );
    assert.equal(result.stdout, "");
  });
  await t.step("no Jupyter at all, not root: exit 2, the apt-get command named", async () => {
    const dir = await scratch("lab-no-jupyter");
    const { result, output } = await captured(() =>
      lab([], {
        path: `${dir}/bin`,
        debian: { jupyter: `${dir}/usr/bin/jupyter`, python: `${dir}/usr/bin/python3` },
        uid: 1000,
      })
    );
    assert.equal(result, 2);
    assert.equal(output, (missingJupyterAction(1000) as JupyterMissingError).message);
    assert.match(output, /^Jupyter is missing .*; as root, run: apt-get update && apt-get install/);
  });
  await t.step("kernelspecs that cannot be listed: exit 1, Jupyter's last line", async () => {
    const result = await spawnLab(
      "lab-no-kernelspecs",
      "",
      'if sys.argv[1:3] == ["kernelspec", "list"]:\n' +
        '    sys.exit("Traceback (most recent call last):\\n  ...\\nOSError: disk full")\n',
    );
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stderr, "Cannot list Jupyter's kernelspecs: OSError: disk full\n");
  });
});

/**
 * Stand-ins for a machine without Jupyter: bin/python3 is Debian's Python without its site
 * packages (so without jupyter_client) and with pylib/ on its path; bin/jupyter runs on it;
 * bin/apt-get records its arguments and, on "install", writes a jupyter_client module into
 * pylib/ (or fails with code 100 when told to).
 */
async function machineWithoutJupyter(name: string, apt: "works" | "fails" | "installs nothing") {
  const dir = await scratch(name);
  const python = await writeScript(
    `${dir}/bin/python3`,
    `#!/bin/sh\nPYTHONPATH=${dir}/pylib exec /usr/bin/python3 -S "$@"\n`,
  );
  const jupyter = await writeScript(`${dir}/bin/jupyter`, `#!${python}\nprint("stand-in")\n`);
  const install = {
    "works":
      `mkdir -p ${dir}/pylib/jupyter_client\n  : > ${dir}/pylib/jupyter_client/__init__.py\n` +
      `  echo "Setting up jupyter-client (stand-in) ..."`,
    "fails": `echo "E: Unable to locate package (stand-in)" >&2\n  exit 100`,
    "installs nothing": `echo "Nothing to do (stand-in)"`,
  }[apt];
  await writeScript(
    `${dir}/bin/apt-get`,
    `#!/bin/sh\necho "$*" >> ${dir}/apt-get.log\nif [ "$1" = install ]; then\n  ${install}\nfi\n`,
  );
  return {
    dir,
    jupyter,
    python,
    access: {
      path: `${dir}/bin:/usr/bin:/bin`,
      debian: { jupyter: `${dir}/usr/bin/jupyter`, python },
    },
  };
}

Deno.test("ensureJupyter() installs Debian's packages with apt-get as root when no Jupyter works", async (t) => {
  await t.step(
    "apt-get works: update, then install, and the Python now has jupyter_client",
    async () => {
      const machine = await machineWithoutJupyter("install", "works");
      const printed: string[] = [];
      const found = await ensureJupyter({
        ...machine.access,
        uid: 0,
        log: (line) => printed.push(line),
      });
      assert.deepEqual(found, { jupyter: machine.jupyter, python: machine.python });
      assert.deepEqual(await readLines(`${machine.dir}/apt-get.log`), [
        "update",
        `install -y ${APT_PACKAGES.join(" ")}`,
      ]);
      assert.deepEqual(printed, [
        `Jupyter is missing: installing Debian's packages (${APT_PACKAGES.join(" ")})`,
        "  Setting up jupyter-client (stand-in) ...",
        `Installed Jupyter: ${machine.jupyter} (Python ${machine.python})`,
      ]);
    },
  );
  await t.step("apt-get fails: one line saying which apt-get command failed", async () => {
    const machine = await machineWithoutJupyter("install-fails", "fails");
    const printed: string[] = [];
    await assert.rejects(
      ensureJupyter({ ...machine.access, uid: 0, log: (line) => printed.push(line) }),
      (error: Error) => {
        assert.ok(error instanceof JupyterMissingError);
        assert.equal(
          error.message,
          `Cannot install Jupyter: apt-get install -y ${
            APT_PACKAGES.join(" ")
          } exited with code 100`,
        );
        return true;
      },
    );
    assert.ok(printed.includes("  E: Unable to locate package (stand-in)"), printed.join("\n"));
  });
  await t.step("apt-get installs but Jupyter still does not work: says what is wrong", async () => {
    const machine = await machineWithoutJupyter("install-nothing", "installs nothing");
    const { jupyter, python } = machine.access.debian;
    await assert.rejects(
      ensureJupyter({ ...machine.access, uid: 0, log: () => {} }),
      new JupyterMissingError(
        `Cannot use Jupyter after apt-get installed it: ${jupyter} is still missing`,
      ),
    );
    await Deno.mkdir(`${machine.dir}/usr/bin`, { recursive: true });
    await writeScript(jupyter, `#!${python}\nprint("stand-in")\n`);
    await assert.rejects(
      ensureJupyter({ ...machine.access, uid: 0, log: () => {} }),
      new JupyterMissingError(
        `Cannot use Jupyter after apt-get installed it: ${python} still cannot import ` +
          "jupyter_client",
      ),
    );
  });
});

Deno.test("without Jupyter and not root: one line naming the apt-get command, exit code 2", async (t) => {
  await t.step("the decision", () => {
    assert.equal(missingJupyterAction(0), "install");
    const refusal = missingJupyterAction(1000);
    assert.ok(refusal instanceof JupyterMissingError);
    assert.ok(refusal.message.endsWith(`as root, run: ${APT_COMMAND}`), refusal.message);
    assert.ok(!refusal.message.includes("\n"));
  });
  await t.step("ensureJupyter() does not call apt-get", async () => {
    const machine = await machineWithoutJupyter("not-root", "works");
    await assert.rejects(ensureJupyter({ ...machine.access, uid: 1000 }), JupyterMissingError);
    assert.deepEqual(await readLines(`${machine.dir}/apt-get.log`), []);
  });
  await t.step("the runner prints the one line and exits 2", async () => {
    const machine = await machineWithoutJupyter("not-root-cli", "works");
    const { code, output } = await runCli([`${FIXTURES}/hello.ipynb`], {
      system: { ...machine.access, uid: 1000 },
    });
    assert.equal(code, 2);
    assert.equal(output, (missingJupyterAction(1000) as Error).message);
    assert.match(
      output,
      /^Jupyter is missing .*apt-get update && apt-get install -y jupyter-notebook/,
    );
  });
});

Deno.test("headless runs use the private kernelspec under build/jupyter, not the user's", async () => {
  const dir = await scratch("headless");
  const dead = JSON.stringify({
    argv: ["/nonexistent/deno", "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno (gone)",
    language: "typescript",
  });
  await Deno.mkdir(`${dir}/data/kernels/deno`, { recursive: true });
  await Deno.writeTextFile(`${dir}/data/kernels/deno/kernel.json`, dead);
  const tag = crypto.randomUUID();
  const child = spawnCli(["--no-update", "--out", `${dir}/out`, `${FIXTURES}/hello.ipynb`], {
    tag,
    env: userFolders(dir),
  });
  const { code, stdout, stderr } = await child.output();
  const text = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
  assert.equal(code, 0, text);
  assert.equal(await Deno.readTextFile(`${dir}/data/kernels/deno/kernel.json`), dead);
  const spec = JSON.parse(await Deno.readTextFile("build/jupyter/kernels/deno/kernel.json"));
  assert.equal(spec.argv[0], Deno.execPath());
  assert.deepEqual(spec.env, { NO_COLOR: "1" });
  assert.deepEqual(await processesTagged(tag), []);
});

Deno.test("ensureUserKernelSpec() keeps a working deno kernelspec and installs one only when none works", async (t) => {
  const jupyter = await ensureJupyter();
  const dir = await scratch("user-kernelspec");
  const data = `${dir}/data`;
  const file = `${data}/kernels/deno/kernel.json`;
  const options = {
    env: userFolders(dir),
    buildDir: `${dir}/build`,
    deno: Deno.execPath(),
  };
  const writeSpec = async (program: string) => {
    await Deno.mkdir(`${data}/kernels/deno`, { recursive: true });
    const text = JSON.stringify({
      argv: [program, "jupyter", "--kernel", "--conn", "{connection_file}"],
      display_name: "Deno",
      language: "typescript",
    });
    await Deno.writeTextFile(file, text);
    return text;
  };

  await t.step("none: installs one for the running deno", async () => {
    const result = await ensureUserKernelSpec(jupyter, options);
    assert.equal(result.action, "installed");
    assert.equal(
      result.message,
      `Installed a deno kernelspec in ${data}/kernels/deno for ${Deno.execPath()}`,
    );
    assert.equal(JSON.parse(await Deno.readTextFile(file)).argv[0], Deno.execPath());
  });
  await t.step("one whose program is gone: replaces it and says so", async () => {
    await writeSpec("/nonexistent/deno");
    const result = await ensureUserKernelSpec(jupyter, options);
    assert.equal(result.action, "replaced");
    assert.match(result.message, /its program \/nonexistent\/deno no longer exists/);
    assert.equal(JSON.parse(await Deno.readTextFile(file)).argv[0], Deno.execPath());
  });
  await t.step("one whose kernel.json names no program: replaces it and says so", async () => {
    for (const spec of [{ argv: [] }, { display_name: "Deno" }, { argv: [""] }, { argv: [7] }]) {
      await Deno.writeTextFile(file, JSON.stringify(spec));
      const result = await ensureUserKernelSpec(jupyter, options);
      assert.equal(result.action, "replaced", JSON.stringify(spec));
      assert.equal(
        result.message,
        `Replaced the deno kernelspec in ${data}/kernels/deno (its kernel.json names no ` +
          `program) with one in ${data}/kernels/deno for ${Deno.execPath()}`,
      );
      assert.equal(JSON.parse(await Deno.readTextFile(file)).argv[0], Deno.execPath());
    }
  });
  await t.step(
    "one whose program exists (absolute, or a name on PATH): kept as it is",
    async () => {
      for (const program of ["/bin/sh", "sh"]) {
        const text = await writeSpec(program);
        const result = await ensureUserKernelSpec(jupyter, { ...options, path: "/usr/bin:/bin" });
        assert.equal(result.action, "kept");
        assert.equal(
          result.message,
          `Using the deno kernelspec in ${data}/kernels/deno (${program})`,
        );
        assert.equal(await Deno.readTextFile(file), text);
      }
    },
  );
});

Deno.test("ensureUserKernelSpec() says so in one line when Jupyter's kernelspec list is not JSON", async () => {
  const dir = await scratch("kernelspec-list-not-json");
  const printed = "Warning: something on stdout\n{}";
  const jupyter = await writeScript(`${dir}/jupyter`, `#!/bin/sh\nprintf '${printed}'\n`);
  await assert.rejects(
    () => ensureUserKernelSpec({ jupyter, python: "/usr/bin/python3" }),
    new Error(
      "Cannot read Jupyter's kernelspecs: `jupyter kernelspec list --json` printed no JSON " +
        'kernelspec list: "Warning: something on stdout"',
    ),
  );
  const empty = await writeScript(`${dir}/empty`, "#!/bin/sh\necho '{}'\n");
  await assert.rejects(
    () => ensureUserKernelSpec({ jupyter: empty, python: "/usr/bin/python3" }),
    /printed no JSON kernelspec list: "\{\}"$/,
  );
});

Deno.test("the README names the apt-get commands the runner names to a user who is not root", async () => {
  const readme = await Deno.readTextFile(new URL("../../README.md", import.meta.url));
  const lines = readme.split("\n").map((line) => line.replace(/\s+#.*$/, ""));
  assert.ok(lines.includes(APT_COMMAND), `README.md has no line ${APT_COMMAND}`);
  const chromium = aptCommand(CHROMIUM_PACKAGES);
  assert.ok(lines.includes(chromium), `README.md has no line ${chromium}`);
});

Deno.test("ensureJupyter() interrupted during apt-get update stops it at once and never runs apt-get install", async () => {
  const dir = await scratch("apt-interrupted");
  const calls = `${dir}/calls`;
  await writeScript(
    `${dir}/bin/apt-get`,
    `#!/bin/sh\necho "$1" >> ${calls}\n[ "$1" = update ] && exec sleep 10\nexit 0\n`,
  );
  const controller = new AbortController();
  const installing = ensureJupyter({
    path: `${dir}/bin`,
    debian: { jupyter: `${dir}/no-jupyter`, python: `${dir}/no-python` },
    uid: 0,
    log: () => {},
    signal: controller.signal,
  });
  await waitFor("apt-get update", async () => (await readLines(calls)).length > 0 || undefined, 30);
  const start = performance.now();
  controller.abort();
  await assert.rejects(installing);
  const seconds = (performance.now() - start) / 1000;
  assert.ok(seconds < 3, `ended ${seconds} s after the interrupt`);
  assert.deepEqual(await readLines(calls), ["update"], "apt-get install ran");
});
