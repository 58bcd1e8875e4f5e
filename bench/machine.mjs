// Facts about the machine a benchmark ran on, for the dated sections in bench/RESULTS.md.
import fs from 'node:fs';
import os from 'node:os';

export function machineFacts() {
  let cpu = 'unknown';
  try {
    cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1].trim() ?? cpu;
  } catch {
    cpu = os.cpus()[0]?.model ?? cpu;
  }
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const memGiB = (os.totalmem() / 2 ** 30).toFixed(0);
  return { cpu, cores, memGiB, node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}`, date: new Date().toISOString(), load: os.loadavg().map((l) => l.toFixed(2)).join(' ') };
}
