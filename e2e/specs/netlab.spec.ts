import { expect, test } from '@playwright/test';
import { run } from '../support/netlab/shell.js';
import { NetLab } from '../support/netlab/index.js';
import { listNamespaces } from '../support/netlab/topology.js';

/*
 * The network harness itself: every impairment is applied and proven by NetLab's own probes
 * (impair() throws if a probe disagrees), the probes do disagree on a clean link, the
 * impairments clear, and the lab leaves nothing behind, in the root namespace or after it.
 */
const rootLinks = async () =>
  (await run('ip', ['-o', 'link', 'show']))
    .stdout.split('\n')
    .map((line) => line.split(':')[1]?.trim())
    .filter(Boolean)
    .sort();

test('the network lab applies, proves and clears each impairment, and leaves nothing behind', async () => {
  const linksBefore = await rootLinks();
  const lab = await NetLab.create({ schools: 1 });
  const names = [lab.serverNs, lab.schoolNs(0)];
  try {
    expect(await listNamespaces()).toEqual(expect.arrayContaining(names));
    expect(await rootLinks()).toEqual(linksBefore);

    // On a clean link every check must fail: they measure, they do not trust the rules.
    for (const impairment of [{ blockUdp: true }, { cut: true }, { lossPercent: 5 }, { capKbit: 150 }, { onlyTcpTo: [{ ip: lab.turnIp, port: 443 }] }]) {
      await expect(lab.verify(0, impairment), JSON.stringify(impairment)).rejects.toThrow(/NetLab:/);
    }

    const timed = async (what: string, step: () => Promise<void>) => {
      const t0 = performance.now();
      await step();
      console.log(`netlab ${what} applied and checked in ${Math.round(performance.now() - t0)} ms`);
    };
    await timed('blockUdp', () => lab.impair(0, { blockUdp: true }));
    await timed('clear', () => lab.clear(0));
    await timed('onlyTcpTo', () => lab.impair(0, { onlyTcpTo: [{ ip: lab.turnIp, port: 443 }, { ip: lab.appIp, port: lab.appPort }] }));
    await lab.clear(0);
    await timed('lossPercent 5', () => lab.impair(0, { lossPercent: 5 }));
    await lab.clear(0);
    await timed('capKbit 150', () => lab.impair(0, { capKbit: 150 }));
    await lab.clear(0);
    await timed('cut', () => lab.impair(0, { cut: true }));
    await lab.clear(0);
    // Impairments add up: UDP blocked and a cap at once.
    await lab.impair(0, { blockUdp: true });
    await lab.impair(0, { capKbit: 300 });
    await lab.verify(0, { blockUdp: true });
    await lab.clear(0);
  } finally {
    await lab.destroy();
  }
  const left = await listNamespaces();
  for (const ns of names) expect(left).not.toContain(ns);
  expect(await rootLinks()).toEqual(linksBefore);
});
