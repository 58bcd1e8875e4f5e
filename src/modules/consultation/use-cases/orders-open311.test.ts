import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Client, TestPlatform } from '../../../testing/harness.js';
import { manualClock } from '../../../platform/clock.js';
import { ORDERS, act, deptId, deptName, startOrdersPlatform } from './orders-testkit.js';

/*
 * The Open311 GeoReport v2 endpoint, every response validated with Ajv against the schemas published by the Open311
 * project (open311/schema-validation, schema/georeport-v2), read from the shared interop folder as they are.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const INTEROP = process.env.TONGBAN_INTEROP_DIR ?? path.resolve(import.meta.dirname, '../../../../interop');
const SCHEMAS = path.join(INTEROP, 'open311-georeport-v2');
const BASE = '/open311/v2';

let p: TestPlatform;
let zhangsan: Client;
let gjj: Client;
let validate: { services: ValidateFunction; definition: ValidateFunction; requests: ValidateFunction; created: ValidateFunction };
const clock = manualClock(new Date('2026-11-16T02:00:00Z'));

function schemas() {
  if (!fs.existsSync(SCHEMAS)) throw new Error(`the Open311 schemas are not at ${SCHEMAS} (set TONGBAN_INTEROP_DIR to the interop folder)`);
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, f), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat('uid', true); // the Swagger document's own format name for identifiers
  ajv.addSchema(read('service.json'), 'service.json');
  ajv.addSchema(read('request.json'), 'request.json');
  const swagger = read('swagger.json');
  return {
    services: ajv.compile(read('services.json')),
    definition: ajv.compile(read('service-definition.json')),
    requests: ajv.compile(read('requests.json')),
    // POST answers an array of RequestResponse (defined in the Swagger document only)
    created: ajv.compile({ type: 'array', minItems: 1, items: swagger.definitions.RequestResponse }),
  };
}

function valid(v: ValidateFunction, body: unknown): void {
  const ok = v(body);
  expect(ok, JSON.stringify(v.errors) + ' in ' + JSON.stringify(body).slice(0, 500)).toBe(true);
}

const form = (fields: Record<string, string>, token?: string) =>
  p.anonymous().raw(`${BASE}/requests.json`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: new URLSearchParams(fields) })
    .then(async (r) => ({ status: r.status, body: await r.json() as any, type: r.headers.get('content-type') }));

const json = (body: unknown, token?: string) =>
  p.anonymous().raw(`${BASE}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
    .then(async (r) => ({ status: r.status, body: await r.json() as any }));

const getJson = (url: string) => p.anonymous().raw(url).then(async (r) => ({ status: r.status, body: await r.json() as any }));

beforeAll(async () => {
  validate = schemas();
  p = await startOrdersPlatform(clock);
  zhangsan = await p.login('zhangsan');
  gjj = await p.login('lz_gjj_ck1');
}, 120_000);
afterAll(async () => p?.close());

const report = {
  service_code: 'housing-fund', jurisdiction_id: '390102', description: '租房提取住房公积金需要什么材料？每月能提多少？',
  address_string: '云澜省澜州市明湖区湖滨路128号', email: 'resident@example.org', phone: '13900005678', first_name: '小明', last_name: '陈',
  'attribute[request_type]': 'consultation', 'attribute[urgent]': 'no',
};

describe('services', () => {
  it('lists the lines of work of the departments, described by their duties', async () => {
    const r = await getJson(`${BASE}/services.json`);
    expect(r.status).toBe(200);
    valid(validate.services, r.body);
    const fund = r.body.find((s: any) => s.service_code === 'housing-fund');
    expect(fund).toMatchObject({ service_name: '住房公积金', metadata: true, type: 'realtime', group: '民生保障' });
    expect(fund.description).toContain('住房公积金提取审核');
    expect(fund.keywords.split(',')).toContain('公积金提取');
    expect(r.body.map((s: any) => s.service_code)).toContain('general');
    expect((await getJson(`${BASE}/services.json?jurisdiction_id=999999`)).status).toBe(404);
  });

  it('defines each service’s attributes', async () => {
    const r = await getJson(`${BASE}/services/housing-fund.json`);
    expect(r.status).toBe(200);
    valid(validate.definition, r.body);
    expect(r.body.attributes[0]).toMatchObject({ code: 'request_type', required: true, datatype: 'singlevaluelist' });
    expect(r.body.attributes[0].values.map((v: any) => v.key)).toEqual(['consultation', 'help', 'complaint', 'suggestion']);
    const missing = await getJson(`${BASE}/services/no-such.json`);
    expect(missing).toMatchObject({ status: 404, body: [{ code: 404, description: expect.stringContaining('no-such') }] });
    expect((await getJson(`${BASE}/services/housing-fund.xml`)).status).toBe(400);
  });
});

describe('service requests', () => {
  let requestId: string;

  it('creates a work order from form fields, records the channel and routes it', async () => {
    const r = await form(report);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    valid(validate.created, r.body);
    requestId = r.body[0].service_request_id;
    expect(requestId).toMatch(/^GD390102\d{13}$/);
    expect(r.body[0].service_notice).toContain('3 个工作日');
    const row = await p.deps.db.selectFrom('work_orders').selectAll().where('order_number', '=', requestId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'open311', service_code: 'housing-fund', asker_name: '陈小明', asker_email: 'resident@example.org', asker_user_id: null, department_id: await deptId(p, 'lz_gjj'), status: 'to_sign' });
    expect(row.lat).toBeNull();
    expect((await gjj.get(`${ORDERS}/workbench?queue=to_sign`)).body.items.map((o: any) => o.id)).toContain(row.id);
  });

  it('shows the request as GeoReport does, without the reporter’s personal data', async () => {
    const r = await getJson(`${BASE}/requests/${requestId}.json`);
    expect(r.status).toBe(200);
    valid(validate.requests, r.body);
    expect(r.body).toHaveLength(1);
    expect(r.body[0]).toMatchObject({
      service_request_id: requestId, status: 'open', service_code: 'housing-fund', service_name: '住房公积金', agency_responsible: deptName('lz_gjj'),
      address: '云澜省澜州市明湖区湖滨路128号', requested_datetime: clock.nowIso(), expected_datetime: '2026-11-19T15:59:59.999Z',
    });
    const text = JSON.stringify(r.body);
    for (const secret of ['13900005678', 'resident@example.org', '陈小明']) expect(text).not.toContain(secret);
    expect((await getJson(`${BASE}/requests/GD0000.json`)).body).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('takes JSON too, with a location by coordinates, and links a logged-in citizen as the asker', async () => {
    const r = await json({ service_code: 'general', jurisdiction_id: '390102', description: '<i>湖滨路</i>的井盖松动了，有安全隐患', lat: 30.25, long: 120.16, attribute: { request_type: 'help', urgent: 'yes' } }, zhangsan.token!);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    valid(validate.created, r.body);
    expect(r.body[0].service_notice).toContain('当日');
    const mine = (await zhangsan.get(`${ORDERS}/mine`)).body.items;
    const order = mine.find((o: any) => o.orderNumber === r.body[0].service_request_id);
    expect(order).toMatchObject({ channel: 'open311', type: 'help', urgent: true, status: 'dispatching' });
    const one = await getJson(`${BASE}/requests/${r.body[0].service_request_id}.json`);
    valid(validate.requests, one.body);
    expect(one.body[0]).toMatchObject({ lat: 30.25, long: 120.16, description: '<i>湖滨路</i>的井盖松动了，有安全隐患', agency_responsible: deptName('lz_zwsj') });
  });

  it('finds the district from the address when no jurisdiction is given', async () => {
    const { jurisdiction_id: _j, ...rest } = report;
    const r = await form({ ...rest, description: '公积金贷款最高能贷多少' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const row = await p.deps.db.selectFrom('work_orders').select(['region_code']).where('order_number', '=', r.body[0].service_request_id).executeTakeFirstOrThrow();
    expect(row.region_code).toBe('390102');
  });

  it('answers bad requests with GeoReport errors and writes nothing', async () => {
    const count = async () => Number((await p.deps.db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases: Array<[Record<string, string>, number, RegExp]> = [
      [{ ...report, service_code: '' }, 400, /service_code/],
      [{ ...report, service_code: 'teleport' }, 404, /service_code/],
      [{ ...report, description: '   ' }, 400, /description/],
      [{ ...report, address_string: '' }, 400, /location/],
      [{ ...report, lat: '30.1' }, 400, /lat and long/],
      [{ ...report, lat: '91', long: '120' }, 400, /lat/],
      [{ ...report, email: '', phone: '' }, 400, /email or phone/],
      [{ ...report, email: 'not-an-address' }, 400, /email/],
      [{ ...report, 'attribute[request_type]': 'gossip' }, 400, /request_type/],
      [{ ...report, 'attribute[urgent]': 'maybe' }, 400, /urgent/],
      [{ ...report, jurisdiction_id: '999999' }, 404, /jurisdiction_id/],
    ];
    for (const [fields, status, message] of cases) {
      const r = await form(fields);
      expect(r.status, JSON.stringify(fields)).toBe(status);
      expect(r.body).toEqual([{ code: status, description: expect.stringMatching(message) }]);
    }
    const text = await p.anonymous().raw(`${BASE}/requests.json`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
    expect(await count()).toBe(before);
  });

  it('lists requests with GeoReport filters; a concluded request is closed with the reply as its notes', async () => {
    const all = await getJson(`${BASE}/requests.json`);
    valid(validate.requests, all.body);
    expect(all.body.length).toBe(3);
    const order = await p.deps.db.selectFrom('work_orders').select('id').where('order_number', '=', requestId).executeTakeFirstOrThrow();
    await act(gjj, order.id, 'sign');
    await act(gjj, order.id, 'reply', { content: '需提供身份证、租赁合同，每月最高可提取1500元。' });
    await act(gjj, order.id, 'conclude');
    const closed = await getJson(`${BASE}/requests.json?status=closed`);
    valid(validate.requests, closed.body);
    expect(closed.body.map((x: any) => x.service_request_id)).toEqual([requestId]);
    expect(closed.body[0]).toMatchObject({ status: 'closed', status_notes: '需提供身份证、租赁合同，每月最高可提取1500元。', expected_datetime: null });
    const open = await getJson(`${BASE}/requests.json?status=open&service_code=general`);
    valid(validate.requests, open.body);
    expect(open.body).toHaveLength(1);
    const byId = await getJson(`${BASE}/requests.json?service_request_id=${requestId},GD-nothing`);
    expect(byId.body.map((x: any) => x.service_request_id)).toEqual([requestId]);
    expect((await getJson(`${BASE}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z`)).body).toEqual([{ code: 400, description: expect.stringMatching(/90 days/) }]);
    expect((await getJson(`${BASE}/requests.json?start_date=2026-11-15T00:00:00Z&end_date=2026-11-17T00:00:00Z`)).body).toHaveLength(3);
    expect((await getJson(`${BASE}/requests.json?status=pending`)).status).toBe(400);
    // orders filed on other channels are the askers’ own and are not published
    await zhangsan.post(ORDERS, { type: 'consultation', regionCode: '390102', content: '网上提交的咨询' });
    expect((await getJson(`${BASE}/requests.json`)).body).toHaveLength(3);
  });
});
