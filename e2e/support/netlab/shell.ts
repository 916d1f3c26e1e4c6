import { execFile, spawnSync } from 'node:child_process';

/*
 * Running the tools that build and impair the lab (ip, nft, tc) and commands inside
 * its namespaces. Everything here fails loudly: a lab that is not what the test
 * thinks it is would make every figure it prints a lie.
 */

export interface ExecResult {
  stdout: string;
  stderr: string;
}

/** Runs `cmd args`, resolving with its output, rejecting with the command, exit code and stderr. */
export function run(cmd: string, args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`\`${[cmd, ...args].join(' ')}\` failed (${error.code ?? error.signal ?? error.message}): ${stderr.trim()}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** The argv prefix that runs a command inside network namespace `ns`. */
export function inNamespace(ns: string): string[] {
  return ['ip', 'netns', 'exec', ns];
}

/** Runs `cmd args` inside network namespace `ns`. */
export function runIn(ns: string, cmd: string, args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
  const [ip, ...prefix] = inNamespace(ns);
  return run(ip!, [...prefix, cmd, ...args], options);
}

/** The lab needs root (network namespaces, nftables, tc). Without it the impairment tests must fail, never skip. */
export function requireRoot(): void {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'NetLab needs root: it creates network namespaces, veth pairs, nftables rules and tc qdiscs. ' +
        'Run the impairment specs as root (CI does); they are never skipped.',
    );
  }
  for (const tool of ['ip', 'nft', 'tc']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
    if (found.status !== 0) {
      throw new Error(`NetLab needs \`${tool}\` on PATH (Debian packages iproute2 and nftables; \`npm run setup -- --with-browser\` installs them)`);
    }
  }
}
