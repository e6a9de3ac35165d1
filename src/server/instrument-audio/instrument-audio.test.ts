// The spoken questions' clips through HTTP on both databases (decision 023): recorded, listed,
// served (audio type, immutable, byte ranges), replaced, reviewed by someone else, removed; bad
// uploads are 400s naming the field and write nothing; who may do what; one municipality never
// sees another's clips (routes and row-level security); a handed-over session only listens.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { AUDIO_MAX_BYTES } from '../../contract/instrument-audio.ts';
import { createFixture, createUser, expectFieldError, login, registerCitizen, startRound, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';
import { CHROMIUM_CLIP, fakeOgg, fakeWebm } from '../../../tests/support/audio-clips.ts';
import { byteRange } from './routes.ts';
import { sniffOpus } from './opus-container.ts';

describe('opus container and byte ranges', () => {
  it('takes Opus in WebM or Ogg, nothing else', () => {
    // A real recording: its SeekHead names the Cluster ID before the Tracks, then CodecID A_OPUS.
    expect(sniffOpus(CHROMIUM_CLIP)).toEqual({ ok: true, mimeType: 'audio/webm' });
    expect(sniffOpus(fakeWebm())).toEqual({ ok: true, mimeType: 'audio/webm' });
    expect(sniffOpus(fakeOgg())).toEqual({ ok: true, mimeType: 'audio/ogg' });
    expect(sniffOpus(Buffer.from('RIFF....WAVEfmt ', 'latin1')).ok).toBe(false);
    expect(sniffOpus(Buffer.from(fakeWebm().toString('latin1').replace('A_OPUS', 'A_VORB'), 'latin1')).ok).toBe(false);
    expect(sniffOpus(Buffer.from(fakeWebm().toString('latin1').replace('A_OPUS', 'V_VP8\u0086'), 'latin1'))).toMatchObject({ ok: false, reason: expect.stringMatching(/video/) });
    expect(sniffOpus(Buffer.from(fakeOgg().toString('latin1').replace('OpusHead', '\u0001vorbis\u0000'), 'latin1')).ok).toBe(false);
  });
  it('reads one byte range, ignores several, refuses one past the end', () => {
    expect(byteRange(undefined, 100)).toBe('none');
    expect(byteRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(byteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(byteRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=0-1,5-6', 100)).toBe('none');
    expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(byteRange('bytes=-0', 100)).toBe('unsatisfiable');
  });
});

describe.each(databases)('spoken questions on %s', (kind) => {
  let f: Fixture;
  let manager: Login;
  let interpreter: Login;
  let caseworker: Login;
  let other: Login;
  const now = new Date('2026-12-05T10:00:00Z');

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => now });
    await createUser(f, 'manager@607', 'manager', '607');
    await createUser(f, 'tolk@607', 'interpreter', '607');
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'company@607', 'company_consultant', '607');
    await createUser(f, 'evaluator@607', 'evaluator', '607');
    await createUser(f, 'manager@727', 'manager', '727');
    manager = await login(f, 'manager@607');
    interpreter = await login(f, 'tolk@607');
    caseworker = await login(f, 'caseworker@607');
    other = await login(f, 'manager@727');
  });
  afterAll(async () => {
    await f.close();
  });

  const save = (as: Login, payload: Record<string, unknown>) => f.app.inject({ method: 'PUT', url: '/api/instrument-audio/clip', headers: as.headers, payload });
  const clipBody = (overrides: Record<string, unknown> = {}) => ({
    version: 'fip-v1', language: 'ti', target: 'item:c01', mimeType: 'audio/webm', durationMs: 2300, clip: fakeWebm().toString('base64'), ...overrides,
  });
  const set = (as: Login, query = '?language=ti') => f.app.inject({ method: 'GET', url: `/api/instrument-audio${query}`, headers: as.headers });
  const rows = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM instrument_audio`.execute(f.test.db.kysely)).rows[0]?.n;
  const audit = () => f.test.db.kysely.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'detail', 'actor_role']).orderBy('id').execute();

  it('records a clip, lists it and serves its bytes with an audio type, immutable, with byte ranges', async () => {
    const res = await save(interpreter, clipBody());
    expect(res.statusCode, res.body).toBe(200);
    const { clip, replaced } = res.json();
    expect(replaced).toBeNull();
    expect(clip).toMatchObject({ language: 'ti', target: 'item:c01', mimeType: 'audio/webm', bytes: fakeWebm().length, durationMs: 2300, reviewed: false, recordedBy: 'tolk@607', recordedByYou: true, recordedAt: now.toISOString() });
    expect(clip.url).toBe(`/audio/${clip.sha256}.webm`);
    expect((await audit()).at(-1)).toMatchObject({ action: 'audio.save', entity: 'instrument_audio', entity_id: 'fip-v1/ti/item:c01', actor_role: 'interpreter', detail: { sha256: clip.sha256, replaced: null } });

    const listed = await set(manager);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toMatchObject({ version: 'fip-v1', versions: ['fip-v1'], abilities: ['instrument.listen', 'instrument.audio'] });
    expect(listed.json().clips).toEqual([{ ...clip, recordedByYou: false }]);
    // The caseworker's set: listen only; Danish has none yet.
    expect((await set(caseworker)).json().abilities).toEqual(['instrument.listen']);
    expect((await set(caseworker, '?language=da')).json().clips).toEqual([]);

    const file = await f.app.inject({ method: 'GET', url: clip.url, headers: { cookie: caseworker.headers.cookie ?? '' } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('audio/webm');
    expect(file.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(file.headers['content-encoding']).toBeUndefined();
    expect(file.headers['accept-ranges']).toBe('bytes');
    expect(file.rawPayload.equals(fakeWebm())).toBe(true);
    const part = await f.app.inject({ method: 'GET', url: clip.url, headers: { cookie: caseworker.headers.cookie ?? '', range: 'bytes=0-3' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-3/${fakeWebm().length}`);
    expect([...part.rawPayload]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    const again = await f.app.inject({ method: 'GET', url: clip.url, headers: { cookie: caseworker.headers.cookie ?? '', 'if-none-match': `"${clip.sha256}"` } });
    expect(again.statusCode).toBe(304);
    // The same name with the other container's extension is not this clip.
    expect((await f.app.inject({ method: 'GET', url: clip.url.replace('.webm', '.ogg'), headers: caseworker.headers })).statusCode).toBe(404);
    // Without a session: 401; a role that does not listen: 403.
    expect((await f.app.inject({ method: 'GET', url: clip.url })).statusCode).toBe(401);
    const company = await login(f, 'company@607');
    expect((await f.app.inject({ method: 'GET', url: clip.url, headers: company.headers })).statusCode).toBe(403);
    expect((await set(company)).statusCode).toBe(403);
  });

  it('refuses a bad upload with 400 naming the field, writing nothing', async () => {
    const before = { rows: await rows(), audit: (await audit()).length };
    const cases: [Record<string, unknown>, string][] = [
      [clipBody({ clip: 'not base64!' }), 'clip'],
      [clipBody({ clip: '' }), 'clip'],
      [clipBody({ clip: Buffer.from('RIFF1234WAVEfmt junk').toString('base64') }), 'clip'],
      [clipBody({ clip: Buffer.concat([fakeWebm(AUDIO_MAX_BYTES)]).toString('base64') }), 'clip'],
      [clipBody({ clip: fakeOgg().toString('base64') }), 'mimeType'],
      [clipBody({ mimeType: 'audio/mpeg' }), 'mimeType'],
      [clipBody({ mimeType: 'audio/webm;codecs=opus' }), 'mimeType'],
      [clipBody({ version: 'fip-v9' }), 'version'],
      [clipBody({ target: 'item:w01' }), 'target'],
      [clipBody({ target: 'anchor:5' }), 'target'],
      [clipBody({ target: 'title' }), 'target'],
      [clipBody({ language: 'de' }), 'language'],
      [clipBody({ durationMs: 0 }), 'durationMs'],
      [clipBody({ clip: undefined }), 'clip'],
    ];
    for (const [payload, field] of cases) expectFieldError(await save(manager, payload), field, JSON.stringify({ ...payload, clip: String(payload.clip).slice(0, 40) }));
    // Larger than the route reads at all: 413 naming the body.
    const huge = await save(manager, clipBody({ clip: 'A'.repeat(2 * AUDIO_MAX_BYTES) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().errors?.[0]?.field ?? 'body').toBe('body');
    expect({ rows: await rows(), audit: (await audit()).length }).toEqual(before);
  });

  it('lets managers and interpreters record, not caseworkers, company consultants or evaluators', async () => {
    for (const who of ['caseworker@607', 'company@607', 'evaluator@607']) {
      const res = await save(await login(f, who), clipBody({ target: 'dontKnow' }));
      expect(res.statusCode, who).toBe(403);
    }
    const ogg = await save(manager, clipBody({ target: 'dontKnow', mimeType: 'audio/ogg', clip: fakeOgg().toString('base64') }));
    expect(ogg.statusCode, ogg.body).toBe(200);
    expect(ogg.json().clip.url).toMatch(/^\/audio\/[0-9a-f]{64}\.ogg$/);
    const file = await f.app.inject({ method: 'GET', url: ogg.json().clip.url, headers: manager.headers });
    expect(file.headers['content-type']).toBe('audio/ogg');
  });

  it('replaces a clip (a new URL, not reviewed), reviewed only by someone else and only as listened to, and removes it', async () => {
    const first = (await save(interpreter, clipBody({ target: 'anchor:1', clip: fakeWebm(2000, 0x55).toString('base64') }))).json().clip;
    const review = (as: Login, sha256: string) =>
      f.app.inject({ method: 'POST', url: '/api/instrument-audio/clip/review', headers: as.headers, payload: { version: 'fip-v1', language: 'ti', target: 'anchor:1', sha256 } });
    const own = await review(interpreter, first.sha256);
    expect(own.statusCode).toBe(409);
    expect(own.json().detail).toMatch(/someone other than who recorded it/);
    const ok = await review(manager, first.sha256);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().clip).toMatchObject({ reviewed: true, reviewedBy: 'manager@607', reviewedAt: now.toISOString() });
    expect((await audit()).at(-1)).toMatchObject({ action: 'audio.review', entity_id: 'fip-v1/ti/anchor:1', actor_role: 'manager' });

    const second = await save(interpreter, clipBody({ target: 'anchor:1', clip: fakeWebm(3000, 0x33).toString('base64') }));
    expect(second.json()).toMatchObject({ replaced: first.sha256, clip: { reviewed: false, reviewedBy: null } });
    expect(second.json().clip.url).not.toBe(first.url);
    expect((await f.app.inject({ method: 'GET', url: first.url, headers: manager.headers })).statusCode).toBe(404);
    // The old bytes were listened to, not these.
    expect((await review(manager, first.sha256)).statusCode).toBe(409);

    const remove = (as: Login) => f.app.inject({ method: 'DELETE', url: '/api/instrument-audio/clip?version=fip-v1&language=ti&target=anchor:1', headers: as.headers });
    expect((await remove(caseworker)).statusCode).toBe(403);
    const gone = await remove(manager);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toEqual({ removed: second.json().clip.sha256 });
    expect((await remove(manager)).statusCode).toBe(404);
    expect((await set(manager)).json().clips.map((c: { target: string }) => c.target)).not.toContain('anchor:1');
  });

  it('keeps each municipality to its own clips, through the routes and in the database', async () => {
    const mine = (await set(manager)).json().clips as { url: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect((await set(other)).json().clips).toEqual([]);
    for (const clip of mine) expect((await f.app.inject({ method: 'GET', url: clip.url, headers: other.headers })).statusCode).toBe(404);
    // 727 records its own for the same text: 607's stays as it was.
    expect((await save(other, clipBody({ clip: fakeWebm(500, 0x44).toString('base64') }))).statusCode).toBe(200);
    expect((await set(manager)).json().clips.find((c: { target: string }) => c.target === 'item:c01').bytes).toBe(fakeWebm().length);
    // As the app's role without any WHERE: only the transaction's municipality's rows.
    const seen = (code: string) =>
      withTenant(f.test.db, { municipalityCode: code, userId: null, role: 'manager' }, async (tx) =>
        (await sql<{ m: string }>`SELECT DISTINCT municipality_code AS m FROM instrument_audio`.execute(tx)).rows.map((r) => r.m),
      );
    expect(await seen('607')).toEqual(['607']);
    expect(await seen('727')).toEqual(['727']);
    expect(await seen('')).toEqual([]);
    await expect(
      withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'manager' }, (tx) =>
        sql`UPDATE instrument_audio SET reviewed = false WHERE municipality_code = '607'`.execute(tx).then((r) => Number(r.numAffectedRows ?? 0)),
      ),
    ).resolves.toBe(0);
  });

  it('lets a handed-over session list and play the clips, without names, and nothing else', async () => {
    const session = await login(f, 'caseworker@607');
    const citizenId = await registerCitizen(f, session, { language: 'ti' });
    const roundId = await startRound(f, session, citizenId);
    expect((await f.app.inject({ method: 'POST', url: `/api/rounds/${roundId}/handover`, headers: session.headers })).statusCode).toBe(200);
    const listed = await set(session);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().abilities).toEqual(['instrument.listen']);
    const clip = listed.json().clips[0];
    expect(clip).toMatchObject({ recordedBy: null, reviewedBy: null });
    expect((await f.app.inject({ method: 'GET', url: clip.url, headers: session.headers })).statusCode).toBe(200);
    expect((await save(session, clipBody())).statusCode).toBe(423);
  });
});
