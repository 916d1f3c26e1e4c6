import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/*
 * The production-like stack as the compose tool itself reads it (`docker compose config`,
 * or Debian's `docker-compose config`): TURN is on by default, its relay range is published
 * and matches coturn's own configuration, and no two services claim one host port.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const composeFile = path.join(repoRoot, 'docker-compose.yml');
const env = { ...process.env, SESSION_SECRET: 's'.repeat(40), TURN_SECRET: 'shared-turn-secret', TURN_HOST: 'turn.school.example', MEDIA_ANNOUNCED_ADDRESS: '203.0.113.7' };

/** `docker compose` (v2) or Debian's `docker-compose` (v1), whichever answers; a loud failure if neither. */
function composeTool(): string[] {
  const tried: string[] = [];
  for (const tool of [['docker', 'compose'], ['docker-compose']]) {
    const [cmd, ...sub] = tool as [string, ...string[]];
    const result = spawnSync(cmd, [...sub, 'version'], { encoding: 'utf8' });
    if (result.status === 0) return tool;
    tried.push(`${tool.join(' ')}: ${result.error?.message ?? result.stderr.trim().split('\n')[0]}`);
  }
  throw new Error(`no compose tool to check docker-compose.yml with (install Debian's docker-compose: npm run setup -- --with-browser):\n${tried.join('\n')}`);
}

const tool = composeTool();

function composeConfig(withEnv: NodeJS.ProcessEnv) {
  const [cmd, ...sub] = tool as [string, ...string[]];
  return spawnSync(cmd, [...sub, '-f', composeFile, 'config'], { env: withEnv, encoding: 'utf8', cwd: repoRoot });
}

const accepted = composeConfig(env);
if (accepted.status !== 0) throw new Error(`${tool.join(' ')} config rejected docker-compose.yml: ${accepted.stderr}`);

interface PortMapping {
  target: number;
  published: number | string;
  protocol?: string;
}
interface Service {
  environment?: Record<string, string>;
  ports?: PortMapping[];
  command?: string[];
}

const config = parse(accepted.stdout) as { services: Record<string, Service> };
const services = config.services;

/** Every host port a service publishes, as "port/protocol", ranges expanded (long syntax or "a-b:c-d/proto"). */
function publishedPorts(service: Service): string[] {
  return (service.ports ?? []).flatMap((p) => {
    if (typeof p === 'string') {
      const match = /^(?:[\d.]+:)?(\d+)(?:-(\d+))?:\d+(?:-\d+)?(?:\/(\w+))?$/.exec(p);
      if (!match) throw new Error(`unreadable port mapping ${p}`);
      const [from, to] = [Number(match[1]), Number(match[2] ?? match[1])];
      return Array.from({ length: to - from + 1 }, (_, i) => `${from + i}/${match[3] ?? 'tcp'}`);
    }
    const [from, to] = String(p.published).split('-').map(Number) as [number, number | undefined];
    return Array.from({ length: (to ?? from) - from + 1 }, (_, i) => `${from + i}/${p.protocol ?? 'tcp'}`);
  });
}

const turnConf = fs.readFileSync(path.join(repoRoot, 'deploy/coturn/turnserver.conf'), 'utf8');
const confValue = (key: string) => new RegExp(`^${key}=(.+)$`, 'm').exec(turnConf)?.[1]?.trim();

describe('docker-compose.yml', () => {
  it('runs coturn and hands the app TURN URLs for UDP, TCP and TLS on 443, built from TURN_HOST', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['app', 'coturn', 'postgres', 'redis']));
    const appEnv = services.app!.environment!;
    expect(appEnv.TURN_URLS!.split(',')).toEqual([
      'turn:turn.school.example:3478?transport=udp',
      'turn:turn.school.example:3478?transport=tcp',
      'turns:turn.school.example:443?transport=tcp',
    ]);
    // One secret for both: the app signs the time-limited credentials coturn checks.
    expect(appEnv.TURN_SECRET).toBe('shared-turn-secret');
    expect(services.coturn!.environment!.TURN_SECRET).toBe('shared-turn-secret');
    expect(services.coturn!.command!.join(' ')).toMatch(/--static-auth-secret=\$\$?\{TURN_SECRET\}/);
    expect(turnConf).toMatch(/^use-auth-secret$/m);
  });

  it('publishes TURN on 3478 UDP/TCP and 443 TCP, and exactly coturn’s relay range', () => {
    const coturn = publishedPorts(services.coturn!);
    expect(coturn).toEqual(expect.arrayContaining(['3478/udp', '3478/tcp', '443/tcp']));
    const [min, max] = [Number(confValue('min-port')), Number(confValue('max-port'))];
    expect(max).toBeGreaterThan(min);
    const relay = coturn.filter((p) => p.endsWith('/udp') && Number.parseInt(p) >= 1024 && Number.parseInt(p) !== 3478);
    expect(relay).toEqual(Array.from({ length: max - min + 1 }, (_, i) => `${min + i}/udp`));
    expect(Number(confValue('listening-port'))).toBe(3478);
    expect(Number(confValue('tls-listening-port'))).toBe(443);
  });

  it('has no host port claimed twice, and the app keeps 3000 and its SFU ports', () => {
    const claims = Object.entries(services).flatMap(([name, service]) => publishedPorts(service).map((port) => ({ name, port })));
    const seen = new Map<string, string>();
    for (const { name, port } of claims) {
      expect(seen.get(port), `${port} is published by ${seen.get(port)} and ${name}`).toBeUndefined();
      seen.set(port, name);
    }
    const app = publishedPorts(services.app!);
    expect(app).toEqual(expect.arrayContaining(['3000/tcp', '40000/udp', '40001/udp', '40000/tcp', '40001/tcp']));
    const workers = Number(services.app!.environment!.MEDIA_WORKERS);
    expect(app.filter((p) => p.endsWith('/udp'))).toHaveLength(workers);
  });

  it('refuses to start without TURN_HOST, so TURN cannot be left off by accident', () => {
    const refused = composeConfig({ ...env, TURN_HOST: '' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/TURN_HOST/);
  });
});
