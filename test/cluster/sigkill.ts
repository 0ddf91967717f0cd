import { bearer, clientOn, createKey, describe, type Cluster } from './context.js';
import { WriteLoad, countMismatches, isAcknowledged, makeConversations, postMessage, storedCounts } from './load.js';
import { auditOutbox, auditPassed, describeAudit } from './outbox.js';
import { ms } from './report.js';
import { sleep } from './services.js';

const SECTION = 'SIGKILL mid-write';

/**
 * Process 2 is killed with SIGKILL while all three take writes. Nothing it half-wrote may be
 * visible, the other two must not notice, and once restarted it serves and hears revocations.
 */
export async function sigkillScenario(cluster: Cluster): Promise<void> {
  const { report, processes } = cluster;
  const [p1, p2, p3] = processes;
  const writer = await createKey(cluster, 'sigkill writer', 'conversations.write,messages.write');
  const conversations = await makeConversations(cluster, writer.secret, 6, 'sigkill');
  // Four writers on the victim, so several requests are in flight when it dies.
  const load = new WriteLoad(cluster, writer.secret, conversations, [p2], 4, 100);
  const others = new WriteLoad(cluster, writer.secret, conversations, [p1, p3], 1, 110);
  load.start();
  others.start();
  let killedAt = 0;
  try {
    await sleep(1500);
    killedAt = Date.now();
    await p2.kill();
    await sleep(1500);
  } finally {
    await load.stop();
    await others.stop();
  }

  const inFlight = load.writes.filter((w) => w.answer.status === 0 && w.answer.startedAt < killedAt).length;
  const otherBad = others.writes.filter((w) => !isAcknowledged(w));
  report.check(
    SECTION,
    'processes 1 and 3 unaffected (every write 201)',
    otherBad.length === 0,
    `${others.writes.length} writes, ${otherBad.length} not 201${
      otherBad.length
        ? `: ${otherBad
            .slice(0, 3)
            .map((w) => describe(w.answer))
            .join(', ')}`
        : ''
    }`,
  );

  const all = [...load.writes, ...others.writes];
  const counts = await storedCounts(
    cluster,
    all.map((w) => w.key),
  );
  const lost = all.filter((w) => isAcknowledged(w) && counts.get(w.key) !== 1);
  const doubled = all.filter((w) => (counts.get(w.key) ?? 0) > 1);
  const mismatches = await countMismatches(cluster, conversations);
  report.check(
    SECTION,
    'no partial rows: counts agree with messages, acknowledged writes stored once',
    lost.length === 0 && doubled.length === 0 && mismatches.length === 0,
    `${load.writes.filter(isAcknowledged).length} acknowledged by the victim, ${inFlight} cut in flight, ${lost.length} lost, ${doubled.length} doubled, ${mismatches.length} count mismatches`,
  );

  // Cut requests may or may not have committed: a retry with the same key elsewhere settles it once.
  const cut = load.writes.filter((w) => !isAcknowledged(w));
  let retryProblems = 0;
  for (const w of cut) {
    const answer = await postMessage(cluster, clientOn(120), p1, writer.secret, w.conversationId, w.key);
    if (answer.status !== 201) retryProblems++;
  }
  const after = await storedCounts(
    cluster,
    cut.map((w) => w.key),
  );
  const notOnce = cut.filter((w) => after.get(w.key) !== 1).length;
  report.check(
    SECTION,
    'cut writes retried on process 1 are stored exactly once',
    retryProblems === 0 && notOnce === 0,
    `${cut.length} retried, ${retryProblems} refused, ${notOnce} not stored once`,
  );

  // Every write commits with its outbox event (issue #15), so the kill cut both or neither.
  const audit = await auditOutbox(cluster);
  report.check(SECTION, 'no outbox event lost', auditPassed(audit), describeAudit(audit));

  const restartedAt = Date.now();
  await p2.start();
  const healthyMs = Date.now() - restartedAt;
  const write = await postMessage(cluster, clientOn(121), p2, writer.secret, conversations[0], `rejoin-${restartedAt}`);
  const key = await createKey(cluster, 'rejoin check', 'read');
  const warm = await clientOn(122).request(p2.port, 'GET', '/api/v1/me', { headers: bearer(key.secret) });
  await clientOn(5).request(p1.port, 'DELETE', `/api/v1/keys/${key.id}`, { headers: bearer(cluster.adminKey.secret) });
  const revokedAt = Date.now();
  let refused = false;
  while (!refused && Date.now() - revokedAt < 3000) {
    refused =
      (await clientOn(122).request(p2.port, 'GET', '/api/v1/me', { headers: bearer(key.secret) })).status === 401;
    if (!refused) await sleep(20);
  }
  report.check(
    SECTION,
    'the killed process rejoins: serves writes and hears revocations',
    write.status === 201 && warm.status === 200 && refused,
    `healthy ${ms(healthyMs)} after restart; write ${describe(write)}; revocation ${refused ? `refused after ${ms(Date.now() - revokedAt)}` : 'not heard'}`,
  );
}
