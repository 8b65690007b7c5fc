// Start-up benchmark: launches Clio N times and reports the median time from
// process start to the first screen being interactive (the UI calls `app_ready`,
// the shell prints "clio: ready"), and the memory (PSS) of the whole process
// tree, WebKit's web and network processes included.
//   tests/e2e/run.sh --bench target/release/clio [runs]     (make bench)
// Targets: ready in at most 0.5 s, at most 200 MB.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [binary = 'target/release/clio', runsArg = '10'] = process.argv.slice(2);
const runs = Number(runsArg);
const SETTLE_MS = 1000;

function children() {
  const map = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!map.has(ppid)) map.set(ppid, []);
      map.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

function tree(pid) {
  const map = children();
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(map.get(out[i]) ?? []));
  return out;
}

function pssKiB(pids) {
  let total = 0;
  for (const pid of pids) {
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      if (m) total += Number(m[1]);
    } catch {
      // ended
    }
  }
  return total;
}

async function once() {
  const dir = mkdtempSync(path.join(tmpdir(), 'clio-bench-'));
  const env = { ...process.env, CLIO_REPORT_READY: '1', XDG_DATA_HOME: dir, XDG_CACHE_HOME: dir };
  const start = process.hrtime.bigint();
  const child = spawn(binary, ['--db', path.join(dir, 'bench.sqlite3')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const readyMs = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('not ready within 30 s')), 30000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('clio: ready')) {
        clearTimeout(timer);
        resolve(Number(process.hrtime.bigint() - start) / 1e6);
      }
    });
    child.on('exit', (code) => reject(new Error(`clio exited with ${code} before it was ready`)));
  });
  const atReady = pssKiB(tree(child.pid));
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const pids = tree(child.pid);
  const settled = pssKiB(pids);
  for (const pid of pids.reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  rmSync(dir, { recursive: true, force: true });
  return { readyMs, pssMiB: Math.max(atReady, settled) / 1024, processes: pids.length };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

await once(); // warm the page cache; not counted
const results = [];
for (let i = 0; i < runs; i++) {
  const r = await once();
  results.push(r);
  console.log(`run ${String(i + 1).padStart(2)}: ready ${r.readyMs.toFixed(0).padStart(5)} ms, PSS ${r.pssMiB.toFixed(1)} MiB (${r.processes} processes)`);
}
const ready = results.map((r) => r.readyMs);
const pss = results.map((r) => r.pssMiB);
console.log(`\n${binary}: ${runs} launches`);
console.log(`ready (start → first screen interactive): median ${median(ready).toFixed(0)} ms, min ${Math.min(...ready).toFixed(0)}, max ${Math.max(...ready).toFixed(0)}   target ≤ 500 ms`);
console.log(`memory (PSS, whole process tree):         median ${median(pss).toFixed(1)} MiB, max ${Math.max(...pss).toFixed(1)}   target ≤ 200 MB`);
