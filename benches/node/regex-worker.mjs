// Runs one JS RegExp `.test` per request from the parent, off the main thread, so
// the parent can terminate a call that backtracks for too long. workerData:
// `{ source, flags, value }`; each message from the parent asks for one call and
// is answered with `{ ms, matched }`.
import { parentPort, workerData } from "node:worker_threads";

const regex = new RegExp(workerData.source, workerData.flags);
const value = workerData.value;

parentPort.on("message", () => {
  regex.lastIndex = 0;
  const start = process.hrtime.bigint();
  const matched = regex.test(value);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  parentPort.postMessage({ ms, matched });
});
parentPort.postMessage({ ready: true });
