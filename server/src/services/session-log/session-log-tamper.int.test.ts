import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash } from '../../domain/audit/hash-chain.js';
import { pairings, sessionEvents, sessionOccurrences } from '../../infra/db/schema.js';
import { asDatabaseOwner } from '../../test-support/database-owner.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The CLI as a DSL runs it: a separate process with nothing but the file and the public key. */
function verifyEvidenceCli(file: string, keyFile: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/verify-evidence-cli.ts', file, '--public-key', keyFile], { cwd: serverDir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.each(testDatabaseKinds())('a tampered session log on %s', (kind) => {
  let server: TestServer;
  let dsl: Awaited<ReturnType<typeof signInStaff>>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    dsl = await signInStaff(server, 'dsl@northgate.example');
  });
  afterAll(() => stopTestServer(server));

  /** A finished session: six entries, the last SessionEnded, which checkpoints the head. */
  async function endedSession(): Promise<string> {
    const db = server.database.db;
    const [pairing] = await db.select().from(pairings).limit(1);
    const start = server.clock.now().subtract({ hours: 2 });
    const [occurrence] = await db
      .insert(sessionOccurrences)
      .values({ pairingId: pairing!.id, startsAt: new Date(start.epochMilliseconds), endsAt: new Date(start.add({ minutes: 30 }).epochMilliseconds) })
      .returning();
    const id = occurrence!.id;
    const steps = [
      ['SessionJoined', pairing!.mentorId, {}],
      ['SessionJoined', pairing!.menteeId, {}],
      ['ChatMessageSent', pairing!.menteeId, { text: 'I do not feel safe at home' }],
      ['SessionLeft', pairing!.menteeId, { reason: 'left' }],
      ['SessionLeft', pairing!.mentorId, { reason: 'left' }],
      ['SessionEnded', null, { reason: 'time_up' }],
    ] as const;
    for (const [i, [type, actor, detail]] of steps.entries()) {
      await server.events.append({ occurrenceId: id, type, actor, at: start.add({ minutes: i }), detail: { ...detail } });
    }
    return id;
  }

  const verify = async (id: string) => (await dsl.get(`/api/staff/sessions/${id}/log/verify`).expect(200)).body;
  const rowId = async (id: string, seq: number) => Number((await server.events.list(id)).find((e) => e.seq === seq)!.id);

  it('an untouched log verifies, with its closing checkpoint', async () => {
    const id = await endedSession();
    expect(await verify(id)).toMatchObject({ ok: true, entries: 6, headSeq: 6, checkpoints: 1 });
  });

  it('an edited entry is named', async () => {
    const id = await endedSession();
    await asDatabaseOwner(server, [`update session_events set detail = '{"text":"hello"}'::jsonb where id = ${await rowId(id, 3)}`]);
    expect(await verify(id)).toMatchObject({ ok: false, firstBroken: { seq: 3, problem: 'content_changed' } });
  });

  it('a deleted middle entry is named at the entry after it', async () => {
    const id = await endedSession();
    await asDatabaseOwner(server, [`delete from session_events where id = ${await rowId(id, 3)}`]);
    expect(await verify(id)).toMatchObject({ ok: false, firstBroken: { seq: 4, problem: 'sequence_gap' } });
  });

  it('deleted newest entries are reported as missing against the checkpoint', async () => {
    const id = await endedSession();
    await asDatabaseOwner(server, [`delete from session_events where occurrence_id = '${id}' and seq >= 4`]);
    const result = await verify(id);
    expect(result.ok).toBe(false);
    expect(result.missingTail).toMatchObject({ count: 3, lastPresentSeq: 3, checkpoint: 1, checkpointSeq: 6 });
    expect(result.message).toBe('3 entries are missing after entry #3: checkpoint 1 (session ended) vouches for entries up to #6.');
  });

  it('reordered entries are named', async () => {
    const id = await endedSession();
    const [a, b] = [await rowId(id, 2), await rowId(id, 3)];
    await asDatabaseOwner(server, [
      `update session_events set seq = -1 where id = ${a}`,
      `update session_events set seq = 2 where id = ${b}`,
      `update session_events set seq = 3 where id = ${a}`,
    ]);
    expect(await verify(id)).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
  });

  it('an entry rewritten with every later hash recomputed is named: its signature no longer matches', async () => {
    const id = await endedSession();
    const entries = await server.events.list(id);
    const statements: string[] = [];
    let prevHash = entries[1]!.hash;
    for (const e of entries.slice(2)) {
      const rewritten = { ...e, prevHash, detail: e.seq === 3 ? { text: 'hello' } : e.detail };
      const hash = entryHash(prevHash, rewritten);
      statements.push(`update session_events set detail = '${JSON.stringify(rewritten.detail)}'::jsonb, prev_hash = '${prevHash}', hash = '${hash}' where id = ${Number(e.id)}`);
      prevHash = hash;
    }
    await asDatabaseOwner(server, statements);
    expect(await verify(id)).toMatchObject({ ok: false, firstBroken: { seq: 3, problem: 'bad_signature' } });
  });

  it('a correctly chained entry forged through the application role itself is named', async () => {
    const id = await endedSession();
    const head = (await server.events.list(id)).at(-1)!;
    const content = { sessionId: id, seq: 7, type: 'SessionJoined', at: head.at, actor: head.actor, deviceId: null, detail: {} };
    // The app role may insert; it cannot sign. It copies the key id and an old signature.
    await server.database.db.insert(sessionEvents).values({
      occurrenceId: id,
      seq: 7,
      type: content.type,
      actor: content.actor,
      at: new Date(content.at),
      detail: {},
      prevHash: head.hash,
      hash: entryHash(head.hash, content),
      keyId: head.keyId,
      signature: head.signature,
    });
    expect(await verify(id)).toMatchObject({ ok: false, firstBroken: { seq: 7, problem: 'bad_signature' } });
  });

  it('a log whose start was deleted behind a forged purge anchor is caught', async () => {
    const id = await endedSession();
    const second = (await server.events.list(id))[1]!;
    await asDatabaseOwner(server, [
      `delete from session_events where occurrence_id = '${id}' and seq <= 2`,
      `insert into session_log_anchors (occurrence_id, purged_through_seq, head_hash, purged_at) values ('${id}', 2, '${second.hash}', now())`,
    ]);
    expect(await verify(id)).toMatchObject({ ok: false, unsignedAnchor: { seq: 2 } });
  });

  it('the evidence file verifies offline, and each kind of tampering with it is named by the CLI', async () => {
    const id = await endedSession();
    const res = await dsl.get(`/api/staff/sessions/${id}/log/evidence`).expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?session-log-[0-9a-f-]+\.evidence\.json/);
    const evidence = res.body;
    const dir = server.testDb.dataDir;
    const keyFile = path.join(dir, 'public-key.pem');
    fs.writeFileSync(keyFile, server.logKeys.currentPublicKey());
    const write = (name: string, file: unknown) => {
      const target = path.join(dir, `${name}.json`);
      fs.writeFileSync(target, JSON.stringify(file, null, 2));
      return target;
    };
    const changed = (edit: (f: typeof evidence) => void) => {
      const copy = structuredClone(evidence);
      edit(copy);
      return copy;
    };
    const recomputed = changed((f) => {
      let prev = f.entries[1].prevHash;
      for (const e of f.entries.slice(1)) {
        if (e.seq === 2) e.detail = { forged: true };
        e.prevHash = prev;
        e.hash = entryHash(prev, e);
        prev = e.hash;
      }
    });
    const forgedInsert = changed((f) => {
      const head = f.entries.at(-1);
      const content = { ...head, seq: 7, type: 'SessionJoined', detail: {}, prevHash: head.hash };
      f.entries.push({ ...content, id: 999, hash: entryHash(head.hash, content) });
    });
    const cases: [string, unknown, RegExp][] = [
      ['edited', changed((f) => (f.entries[2].detail = { text: 'hello' })), /Entry #3 was changed after it was written/],
      ['middle-deleted', changed((f) => f.entries.splice(2, 1)), /Entry #4 does not follow the entry before it/],
      ['newest-deleted', changed((f) => f.entries.splice(3)), /3 entries are missing after entry #3: checkpoint 1 \(session ended\)/],
      ['reordered', changed((f) => ([f.entries[1], f.entries[2]] = [f.entries[2], f.entries[1]])), /Entry #3 does not follow/],
      ['recomputed', recomputed, /Entry #2 has a signature that does not match/],
      ['forged-insert', forgedInsert, /Entry #7 has a signature that does not match/],
    ];
    const [intact, ...tampered] = await Promise.all([
      verifyEvidenceCli(write('intact', evidence), keyFile),
      ...cases.map(([name, file]) => verifyEvidenceCli(write(name, file), keyFile)),
    ]);
    expect(intact, intact!.stderr).toMatchObject({ status: 0, stdout: expect.stringMatching(/File signature: valid\.\nINTACT\. Log intact: 6 entries/) });
    tampered.forEach((result, i) => {
      const [name, , expected] = cases[i]!;
      expect(result.status, `${name}: ${result.stderr}`).toBe(1);
      expect(result.stdout, name).toMatch(/File signature: invalid\.\nNOT INTACT\. The file’s signature does not match/);
      expect(result.stdout, name).toMatch(expected);
    });

    // Someone else's key is not this server's key.
    const otherKey = path.join(dir, 'other-key.pem');
    const { generateKeyPairSync } = await import('node:crypto');
    fs.writeFileSync(otherKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(await verifyEvidenceCli(path.join(dir, 'intact.json'), otherKey)).toMatchObject({ status: 1, stdout: expect.stringMatching(/signed with a key other than the one given/) });
    // A file that is not evidence is refused with a reason, not a crash.
    expect(await verifyEvidenceCli(write('junk', { format: 'nope' }), keyFile)).toMatchObject({ status: 2, stderr: expect.stringMatching(/not a Peerbridge evidence file: format/) });
  });
});
