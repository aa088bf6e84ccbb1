/**
 * What the set-up code asks of the machine (`src/runner/system.ts`) and Chromium's check and
 * install (`src/runner/chromium.ts`), against stand-ins under build/test-system/: an apt-get
 * that records its calls (and what DEBIAN_FRONTEND it got) and, told to, installs a Chromium
 * that prints a version line, fails, or installs nothing.
 */
import assert from "node:assert/strict";
import { ChromiumMissingError, ensureChromium } from "../../src/runner/chromium.ts";
import { aptInstall, findExecutable, searchPath, userId } from "../../src/runner/system.ts";
import { readLines, scratchDir, writeScript } from "./_cli.ts";

const ROOT = `${Deno.cwd()}/build/test-system`;

function scratch(name: string): Promise<string> {
  return scratchDir(ROOT, name);
}

Deno.test("findExecutable() finds what the shell would run: executable files only, in PATH's order", async (t) => {
  const dir = await scratch("find-executable");
  for (const sub of ["a", "b", "c", "d"]) await Deno.mkdir(`${dir}/${sub}`);
  await Deno.mkdir(`${dir}/a/tool`); // a folder of that name
  await Deno.writeTextFile(`${dir}/b/tool`, "#!/bin/sh\n"); // a file that may not run
  await writeScript(`${dir}/c/tool`, "#!/bin/sh\n");
  await writeScript(`${dir}/d/tool`, "#!/bin/sh\n");
  await t.step("a folder and a file without the x bit are passed over", async () => {
    const path = `${dir}/a::${dir}/b:${dir}/c/:${dir}/d`;
    assert.equal(await findExecutable("tool", path), `${dir}/c/tool`);
  });
  await t.step(
    "a name with a slash is that file, if it may run; none in PATH is undefined",
    async () => {
      assert.equal(await findExecutable("tool", `${dir}/a:${dir}/b`), undefined);
      assert.equal(await findExecutable(`${dir}/b/tool`, Deno.env.get("PATH") ?? ""), undefined);
      assert.equal(await findExecutable(`${dir}/d/tool`, ""), `${dir}/d/tool`);
    },
  );
});

type Apt = "installs" | "update fails" | "installs nothing" | "absent";

/**
 * A machine without Chromium: `<dir>/chromium` is not there; `<dir>/bin/apt-get` records each
 * call in apt-get.log and, on "install", acts as told.
 */
async function machineWithoutChromium(name: string, apt: Apt) {
  const dir = await scratch(name);
  const chromium = `${dir}/chromium`;
  const install = {
    "installs": `printf '#!/bin/sh\\necho "Chromium 1.2.3.4 stand-in"\\n' > ${chromium}\n` +
      `  chmod 755 ${chromium}\n  echo "Setting up chromium (stand-in) ..."`,
    "installs nothing": `echo "Nothing to do (stand-in)"`,
    "update fails": "",
    "absent": "",
  }[apt];
  const update = apt === "update fails"
    ? `if [ "$1" = update ]; then\n  echo "E: Could not resolve (stand-in)" >&2\n  exit 100\nfi\n`
    : "";
  if (apt !== "absent") {
    await writeScript(
      `${dir}/bin/apt-get`,
      `#!/bin/sh\necho "$* ($DEBIAN_FRONTEND)" >> ${dir}/apt-get.log\n${update}` +
        `if [ "$1" = install ]; then\n  ${install}\nfi\n`,
    );
  }
  const printed: string[] = [];
  const access = { chromium, path: `${dir}/bin`, log: (line: string) => printed.push(line) };
  return { dir, chromium, access, printed, calls: () => readLines(`${dir}/apt-get.log`) };
}

/** Asserts that `promise` rejects with a ChromiumMissingError of exactly `message`. */
async function refuses(promise: Promise<unknown>, message: string): Promise<void> {
  await assert.rejects(promise, (error: Error) => {
    assert.ok(error instanceof ChromiumMissingError, String(error));
    assert.equal(error.message, message);
    return true;
  });
}

Deno.test("userId() and searchPath() take the value given, else this process's", () => {
  assert.equal(userId(0), 0);
  assert.equal(userId(1000), 1000);
  assert.equal(userId(null), null, "no user id, as on Windows");
  assert.equal(userId(), Deno.uid());
  assert.equal(searchPath("/a:/b"), "/a:/b");
  assert.equal(searchPath(""), "", "an empty path stays empty");
  assert.equal(searchPath(), Deno.env.get("PATH") ?? "");
});

Deno.test("ensureChromium() gives the version line of a Chromium that runs, and installs nothing", async () => {
  const machine = await machineWithoutChromium("found", "installs");
  await writeScript(machine.chromium, '#!/bin/sh\necho "Chromium 9.8.7.6 stand-in"\n');
  assert.equal(await ensureChromium({ ...machine.access, uid: 0 }), "Chromium 9.8.7.6 stand-in");
  assert.deepEqual([await machine.calls(), machine.printed], [[], []]);
});

Deno.test("ensureChromium() installs Debian's chromium with apt-get as root, and says so", async (t) => {
  await t.step("apt-get works: update, then install, non-interactive", async () => {
    const machine = await machineWithoutChromium("installs", "installs");
    const version = await ensureChromium({ ...machine.access, uid: 0 });
    assert.equal(version, "Chromium 1.2.3.4 stand-in");
    assert.deepEqual(await machine.calls(), [
      "update (noninteractive)",
      "install -y chromium (noninteractive)",
    ]);
    assert.deepEqual(machine.printed, [
      "Chromium is missing: installing Debian's packages (chromium)",
      "  Setting up chromium (stand-in) ...",
      `Installed Chromium 1.2.3.4 stand-in (${machine.chromium})`,
    ]);
  });
  await t.step("apt-get update fails: one line naming it and its code; no install", async () => {
    const machine = await machineWithoutChromium("update-fails", "update fails");
    await refuses(
      ensureChromium({ ...machine.access, uid: 0 }),
      "Cannot install Chromium: apt-get update exited with code 100",
    );
    assert.deepEqual(await machine.calls(), ["update (noninteractive)"]);
    assert.deepEqual(machine.printed.slice(1), ["  E: Could not resolve (stand-in)"]);
  });
  await t.step("apt-get installs but Chromium still does not run: says so", async () => {
    const machine = await machineWithoutChromium("installs-nothing", "installs nothing");
    await refuses(
      ensureChromium({ ...machine.access, uid: 0 }),
      `Cannot use Chromium after apt-get installed it: ${machine.chromium} --version fails`,
    );
  });
  await t.step("no apt-get: one line saying what to install where", async () => {
    const machine = await machineWithoutChromium("no-apt-get", "absent");
    await refuses(
      ensureChromium({ ...machine.access, uid: 0 }),
      `Chromium is missing (${machine.chromium} does not run) and apt-get is not on PATH: ` +
        `install Chromium as ${machine.chromium}`,
    );
  });
});

Deno.test("ensureChromium() not as root: one line naming the apt-get command, apt-get not run", async () => {
  const machine = await machineWithoutChromium("not-root", "installs");
  await refuses(
    ensureChromium({ ...machine.access, uid: 1000 }),
    `Chromium is missing (${machine.chromium} does not run); as root, run: ` +
      "apt-get update && apt-get install -y chromium",
  );
  assert.deepEqual([await machine.calls(), machine.printed], [[], []]);
});

Deno.test("aptInstall() passes apt-get's output on, indented, and names the command that failed", async () => {
  const dir = await scratch("apt-install");
  const aptGet = await writeScript(
    `${dir}/bin/apt-get`,
    `#!/bin/sh\necho "$*"\necho "   " \nif [ "$1" = install ]; then echo "E: $3 not found" >&2; exit 7; fi\n`,
  );
  const printed: string[] = [];
  const failed = await aptInstall(aptGet, ["a", "b"], {
    log: (line) => printed.push(line),
    env: { DEBIAN_FRONTEND: "readline" },
  });
  assert.equal(failed, "apt-get install -y a b exited with code 7");
  // stdout and stderr are read side by side: the install's two lines may come in either order.
  assert.deepEqual(
    [printed[0], ...printed.slice(1).sort()],
    ["  update", "  E: a not found", "  install -y a b"],
  );
});

Deno.test("aptInstall() passes each line on while apt-get runs, not once it ends", async () => {
  const dir = await scratch("apt-install-lines");
  const mark = `${dir}/seen`;
  // Prints a line, then waits up to 5 s for the caller to have seen it.
  const aptGet = await writeScript(
    `${dir}/bin/apt-get`,
    `#!/bin/sh\nrm -f "$MARK"\nprintf "%s\\n" "$1 started"\ni=0\n` +
      `while [ ! -e "$MARK" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done\n` +
      `if [ -e "$MARK" ]; then echo "$1 seen while running"; else echo "$1 not seen"; fi\n` +
      `printf "no newline at the end"\n`,
  );
  const printed: string[] = [];
  const failed = await aptInstall(aptGet, ["a"], {
    log: (line) => {
      printed.push(line);
      if (line.endsWith(" started")) Deno.writeTextFileSync(mark, "");
    },
    env: { MARK: mark },
  });
  assert.equal(failed, undefined);
  assert.deepEqual(printed, [
    "  update started",
    "  update seen while running",
    "  no newline at the end",
    "  install started",
    "  install seen while running",
    "  no newline at the end",
  ]);
});

Deno.test("aptInstall() names an apt-get that cannot start", async () => {
  const dir = await scratch("apt-install-missing");
  const printed: string[] = [];
  const failed = await aptInstall(`${dir}/no-apt-get`, ["a"], {
    log: (line) => printed.push(line),
  });
  assert.equal(failed, "apt-get update exited with code -1");
  assert.equal(printed.length, 1);
  assert.match(printed[0], /^ {2}NotFound: .*no-apt-get/);
});
