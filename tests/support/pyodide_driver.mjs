// Runs Python in real Pyodide under node, for tests/support/pyodide.py.
//
//   node pyodide_driver.mjs INDEX_DIR HOST_DIR WHEEL...
//
// Boots Pyodide from INDEX_DIR (the unpacked npm package), installs the wheels
// (local files), mounts HOST_DIR at /host, then answers one JSON request per
// stdin line ({"code": "..."}) with one JSON line on stdout: {"ok": true,
// "result": "<str of the code's last expression>"} or {"ok": false, "error": "..."}.
// Python's own output goes to stderr, so stdout carries only answers.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const [indexDir, hostDir, ...wheels] = process.argv.slice(2);
const answer = (message) => process.stdout.write(JSON.stringify(message) + "\n");
const toStderr = (text) => process.stderr.write(text + "\n");

const started = performance.now();
const { loadPyodide } = await import(pathToFileURL(indexDir + "/pyodide.mjs").href);
const py = await loadPyodide({ indexURL: indexDir + "/", stdout: toStderr, stderr: toStderr });
const booted = performance.now();
await py.loadPackage(wheels.map((wheel) => pathToFileURL(wheel).href),
                     { messageCallback: () => {}, errorCallback: toStderr });
py.FS.mkdirTree("/host");
py.FS.mount(py.FS.filesystems.NODEFS, { root: hostDir }, "/host");
answer({ ok: true, result: JSON.stringify({
  boot: (booted - started) / 1000, install: (performance.now() - booted) / 1000 }) });

for await (const line of createInterface({ input: process.stdin })) {
  try {
    const result = await py.runPythonAsync(JSON.parse(line).code);
    answer({ ok: true, result: String(result) });
  } catch (error) {
    answer({ ok: false, error: String(error) });
  }
}
