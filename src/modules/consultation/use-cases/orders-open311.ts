import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { withTx } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import type { RouteResult } from '../consultation.schemas.js';
import { CONTENT_MAX } from '../consultation.orders.schemas.js';
import type { OrderStatus, WorkOrdersTable } from '../consultation.orders.tables.js';
import { receiveOrder, suggestUnit, titleOf } from './orders-create.js';
import { ORDER_TYPES, orderSettings, type OrderType } from './orders-settings.js';
import { cleanText, requireRegion } from './orders-store.js';

/*
 * Open311 GeoReport v2 (JSON) over the work orders: services are the lines of work of the deployment's departments
 * (the kinds of department that hold duties), each with its duty matters as description and keywords; a service
 * request is a work order received through the channel 'open311' and routed like any other. docs/open311.md.
 */

export interface ServiceCategory {
  code: string;
  kind: string;
  name: string;
  group: string;
}

/** Lines of work, by department kind. 'general' (the 12345 centre) takes what fits no line: the dispatcher decides. */
export const SERVICE_CATEGORIES: readonly ServiceCategory[] = [
  { code: 'housing-fund', kind: 'housing_fund', name: '住房公积金', group: '民生保障' },
  { code: 'social-security', kind: 'hrss', name: '社会保障与就业', group: '民生保障' },
  { code: 'medical-insurance', kind: 'medical_insurance', name: '医疗保障', group: '民生保障' },
  { code: 'civil-affairs', kind: 'civil_affairs', name: '民政（婚姻、养老、救助）', group: '民生保障' },
  { code: 'health', kind: 'health', name: '卫生健康', group: '民生保障' },
  { code: 'education', kind: 'education', name: '教育', group: '民生保障' },
  { code: 'public-security', kind: 'public_security', name: '户籍与治安', group: '公共安全' },
  { code: 'fire-safety', kind: 'fire_rescue', name: '消防安全', group: '公共安全' },
  { code: 'market-regulation', kind: 'market_regulation', name: '市场监管（食品安全、消费维权、经营主体）', group: '市场与企业' },
  { code: 'tax', kind: 'tax', name: '税务', group: '市场与企业' },
  { code: 'housing', kind: 'housing_construction', name: '住房和城乡建设（物业、房屋、工地）', group: '城市管理' },
  { code: 'natural-resources', kind: 'natural_resources', name: '自然资源和规划', group: '城市管理' },
  { code: 'transport', kind: 'transport', name: '交通运输', group: '城市管理' },
  { code: 'environment', kind: 'ecology_environment', name: '生态环境（噪声、污染）', group: '城市管理' },
  { code: 'general', kind: 'government_services_data', name: '其他诉求（由 12345 派单）', group: '综合' },
];

const TYPE_NAMES: Record<OrderType, string> = { consultation: '咨询', help: '求助', complaint: '投诉', suggestion: '建议' };

/** An Open311 error: `[{ code, description }]` with the HTTP status `code`. */
export class Open311Error extends Error {
  constructor(readonly status: number, readonly description: string) {
    super(description);
  }
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime';
  keywords: string | null;
  group: string | null;
}

async function dutiesByKind(db: DbOrTx): Promise<Map<string, { matters: string[]; keywords: string[] }>> {
  const rows = await db.selectFrom('duty_entries').innerJoin('departments', 'departments.id', 'duty_entries.department_id')
    .select(['departments.kind', 'duty_entries.matter', 'duty_entries.keywords']).where('duty_entries.status', '=', 'active').where('departments.active', '=', 1)
    .orderBy('duty_entries.code').execute();
  const out = new Map<string, { matters: string[]; keywords: string[] }>();
  for (const r of rows) {
    let e = out.get(r.kind);
    if (!e) out.set(r.kind, (e = { matters: [], keywords: [] }));
    if (!e.matters.includes(r.matter)) e.matters.push(r.matter);
    for (const k of JSON.parse(r.keywords) as string[]) if (!e.keywords.includes(k)) e.keywords.push(k);
  }
  return out;
}

/** The services: lines of work some active department of the deployment has, described by their duty matters. */
export async function listServices(deps: Deps): Promise<Open311Service[]> {
  const kinds = new Set((await deps.db.selectFrom('departments').select('kind').distinct().where('active', '=', 1).execute()).map((r) => r.kind));
  const duties = await dutiesByKind(deps.db);
  return SERVICE_CATEGORIES.filter((c) => kinds.has(c.kind)).map((c) => {
    const d = duties.get(c.kind);
    const matters = d?.matters.slice(0, 12) ?? [];
    return {
      service_code: c.code, service_name: c.name,
      description: matters.length ? `${c.name}：${matters.join('、')}` : c.name,
      metadata: true, type: 'realtime', keywords: d?.keywords.length ? d.keywords.slice(0, 20).join(',') : null, group: c.group,
    };
  });
}

export function categoryOf(code: string): ServiceCategory {
  const c = SERVICE_CATEGORIES.find((x) => x.code === code);
  if (!c) throw new Open311Error(404, `service_code ${JSON.stringify(code.slice(0, 40))} not found`);
  return c;
}

export function serviceDefinition(deps: Deps, code: string) {
  const c = categoryOf(code);
  const s = orderSettings(deps);
  return {
    service_code: c.code,
    attributes: [
      {
        variable: true, code: 'request_type', datatype: 'singlevaluelist' as const, required: true, datatype_description: null, order: 1,
        description: `诉求类型（办理时限：${ORDER_TYPES.map((t) => `${TYPE_NAMES[t]} ${s.limits[t]} 个工作日`).join('，')}）`,
        values: ORDER_TYPES.map((t) => ({ key: t, name: TYPE_NAMES[t] })),
      },
      {
        variable: true, code: 'urgent', datatype: 'singlevaluelist' as const, required: false, datatype_description: null, order: 2,
        description: '是否紧急（紧急诉求当日办理）', values: [{ key: 'no', name: '否' }, { key: 'yes', name: '是' }],
      },
    ],
  };
}

// ---- requests

/** The body of POST /requests.json after parsing (form fields or JSON). */
export type Open311Params = Record<string, unknown>;

const str = (p: Open311Params, k: string): string | undefined => {
  const v = p[k];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') throw new Open311Error(400, `${k} must be a string`);
  return v;
};

function num(p: Open311Params, k: string, min: number, max: number): number | null {
  const v = str(p, k);
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Open311Error(400, `${k} must be a number from ${min} to ${max}`);
  return n;
}

/** attribute[code]=value (form) or attribute: {code: value} (JSON). */
function attributes(p: Open311Params): Record<string, string> {
  const out: Record<string, string> = {};
  const obj = p.attribute;
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) for (const [k, v] of Object.entries(obj)) out[k] = String(v);
  for (const [k, v] of Object.entries(p)) {
    const m = /^attribute\[([^\]]+)\]$/.exec(k);
    if (m) out[m[1]] = String(Array.isArray(v) ? v[0] : v);
  }
  return out;
}

/** A region named in an address (the most specific: district, then city, then province). */
async function regionInAddress(db: DbOrTx, address: string): Promise<string | null> {
  const regions = await db.selectFrom('regions').select(['code', 'name', 'level']).execute();
  const rank = { district: 3, city: 2, province: 1 } as Record<string, number>;
  const hits = regions.filter((r) => address.includes(r.name)).sort((a, b) => (rank[b.level] ?? 0) - (rank[a.level] ?? 0));
  return hits[0]?.code ?? null;
}

/** The category's line of work decides the kind of unit; routing picks within it (or the nearest such unit). */
async function routeFor(deps: Deps, category: ServiceCategory, text: string, regionCode: string): Promise<RouteResult> {
  const route = await suggestUnit(deps, text, regionCode);
  if (category.kind === 'government_services_data' || (!route.toDispatcher && route.departmentKind === category.kind)) return route;
  const chain = [regionCode, regionCode.slice(0, 4) + '00', regionCode.slice(0, 2) + '0000'].filter((c, i, a) => a.indexOf(c) === i);
  for (const code of chain) {
    const d = await deps.db.selectFrom('departments').selectAll().where('region_code', '=', code).where('kind', '=', category.kind).where('active', '=', 1).orderBy('id').executeTakeFirst();
    if (d) {
      return {
        departmentId: d.id, departmentName: d.name, departmentKind: d.kind, contact: { phone: d.phone, address: d.address }, regionCode: d.region_code,
        duty: null, confidence: route.confidence, toDispatcher: false, reason: `按 Open311 服务类别“${category.name}”派至${d.name}（辖区最近的该类单位）。`, alternatives: route.alternatives,
      };
    }
  }
  return route;
}

/** POST /requests.json: a work order from an Open311 client. */
export async function createServiceRequest(deps: Deps, actor: Actor, p: Open311Params): Promise<{ order: WorkOrdersTable; notice: string }> {
  const code = str(p, 'service_code');
  if (!code) throw new Open311Error(400, 'service_code is required');
  const category = categoryOf(code);
  const description = str(p, 'description');
  if (!description || !description.trim()) throw new Open311Error(400, 'description is required');
  if (description.length > CONTENT_MAX) throw new Open311Error(400, `description must be at most ${CONTENT_MAX} characters`);
  const lat = num(p, 'lat', -90, 90);
  const long = num(p, 'long', -180, 180);
  if ((lat === null) !== (long === null)) throw new Open311Error(400, 'lat and long go together');
  const addressString = str(p, 'address_string')?.trim();
  const addressId = str(p, 'address_id')?.trim();
  if (lat === null && !addressString && !addressId) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  const email = str(p, 'email')?.trim();
  if (email && !/^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/.test(email)) throw new Open311Error(400, 'email is not a valid address');
  const phone = str(p, 'phone')?.trim();
  if (phone && !/^[0-9+\- ]{5,20}$/.test(phone)) throw new Open311Error(400, 'phone is not a valid number');
  const citizen = actor.kind === 'citizen' && !actor.onBehalfOf;
  if (!citizen && !email && !phone) throw new Open311Error(400, 'give email or phone (or send the request logged in) so that the reply reaches you');
  const attrs = attributes(p);
  const type = attrs.request_type;
  if (!type || !(ORDER_TYPES as readonly string[]).includes(type)) throw new Open311Error(400, `attribute[request_type] is required: one of ${ORDER_TYPES.join(', ')}`);
  if (attrs.urgent !== undefined && !['yes', 'no'].includes(attrs.urgent)) throw new Open311Error(400, 'attribute[urgent] must be yes or no');

  let regionCode = str(p, 'jurisdiction_id');
  if (regionCode) {
    try {
      await requireRegion(deps.db, regionCode, 'jurisdiction_id');
    } catch {
      throw new Open311Error(404, `jurisdiction_id ${JSON.stringify(regionCode.slice(0, 20))} not found`);
    }
  } else {
    regionCode = (addressString ? await regionInAddress(deps.db, addressString) : null) ?? undefined;
    if (!regionCode) throw new Open311Error(400, 'jurisdiction_id is required (a region code) unless address_string names the district or city');
  }
  let content: string;
  try {
    content = cleanText(description, 'description');
  } catch (err) {
    if (err instanceof AppError) throw new Open311Error(400, 'description is required');
    throw err;
  }
  const first = str(p, 'first_name')?.trim() ?? '';
  const last = str(p, 'last_name')?.trim() ?? '';
  const name = citizen ? actor.displayName : `${last}${first}`.slice(0, 50) || '匿名';
  const title = titleOf(content);
  const route = await routeFor(deps, category, `${category.name} ${content}`, regionCode);
  const order = await withTx(deps.db, (tx) => receiveOrder(tx, deps, actor, {
    channel: 'open311', type: type as OrderType, urgent: attrs.urgent === 'yes', title, content, regionCode: regionCode!,
    asker: { userId: citizen ? actor.userId : null, idNumber: citizen ? actor.idNumber : null, name, phone: phone ?? null, email: email ?? null },
    address: addressString ?? (addressId ? `address_id:${addressId}` : null), lat, long, serviceCode: category.code, route,
  }));
  return { order, notice: serviceNotice(order) };
}

function serviceNotice(o: WorkOrdersTable): string {
  return o.limit_days === 0 ? '紧急诉求，当日办理。' : `将在 ${o.limit_days} 个工作日内答复（等待补充信息的时间不计）。`;
}

const STATUS_NOTES: Record<OrderStatus, string> = {
  dispatching: '已受理，正在派单', to_sign: '已派单，等待承办单位签收', in_progress: '承办单位办理中', waiting_asker: '等待补充信息',
  replied: '承办单位已答复，待办结', concluded: '已办结', rated: '已办结',
};

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** An order as a GeoReport request. Names, phones and e-mails of askers are never part of it. */
export function toOpen311Request(o: WorkOrdersTable, agency: string | null): Open311Request {
  const closed = o.status === 'concluded' || o.status === 'rated';
  const category = SERVICE_CATEGORIES.find((c) => c.code === o.service_code);
  const addressId = o.address?.startsWith('address_id:') ? o.address.slice('address_id:'.length) : null;
  return {
    service_request_id: o.order_number,
    status: closed ? 'closed' : 'open',
    status_notes: closed ? (o.reply ?? STATUS_NOTES[o.status]) : STATUS_NOTES[o.status],
    service_name: category?.name ?? null,
    service_code: o.service_code ?? 'general',
    description: o.content,
    agency_responsible: agency,
    service_notice: serviceNotice(o),
    requested_datetime: o.created_at,
    updated_datetime: closed ? (o.concluded_at ?? o.updated_at) : o.updated_at,
    expected_datetime: closed ? null : o.due_at,
    address: addressId ? null : o.address,
    address_id: addressId,
    zipcode: null,
    lat: o.lat === null ? null : Number(o.lat),
    long: o.long === null ? null : Number(o.long),
    media_url: null,
  };
}

async function withAgencies(deps: Deps, rows: WorkOrdersTable[]): Promise<Open311Request[]> {
  const ids = [...new Set(rows.map((r) => r.department_id ?? r.dispatcher_department_id))];
  const names = new Map((ids.length ? await deps.db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute() : []).map((d) => [d.id, d.name]));
  return rows.map((r) => toOpen311Request(r, names.get(r.department_id ?? r.dispatcher_department_id) ?? null));
}

const MAX_SPAN_MS = 90 * 86_400_000;
const MAX_LIST = 1000;

function parseDate(value: string | undefined, name: string): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) throw new Open311Error(400, `${name} must be an ISO 8601 date-time`);
  return t;
}

/** GET /requests.json: requests received through Open311 (other channels' orders are the askers' own, not published). */
export async function listServiceRequests(deps: Deps, q: Record<string, string | undefined>): Promise<Open311Request[]> {
  let query = deps.db.selectFrom('work_orders').selectAll().where('channel', '=', 'open311');
  if (q.service_request_id) {
    const ids = q.service_request_id.split(',').map((s) => s.trim()).filter(Boolean).slice(0, MAX_LIST);
    if (ids.length === 0) return [];
    return withAgencies(deps, await query.where('order_number', 'in', ids).orderBy('created_at', 'desc').execute());
  }
  const now = Date.parse(deps.clock.nowIso());
  const start = parseDate(q.start_date, 'start_date');
  const end = parseDate(q.end_date, 'end_date');
  if (start !== null && end !== null && end < start) throw new Open311Error(400, 'end_date is before start_date');
  if (start !== null && end !== null && end - start > MAX_SPAN_MS) throw new Open311Error(400, 'start_date and end_date may not span more than 90 days');
  const to = end ?? (start !== null ? start + MAX_SPAN_MS : now);
  const from = start ?? to - MAX_SPAN_MS;
  query = query.where('created_at', '>=', new Date(from).toISOString()).where('created_at', '<=', new Date(to).toISOString());
  if (q.service_code) query = query.where('service_code', 'in', q.service_code.split(',').map((s) => s.trim()));
  if (q.status) {
    const wanted = q.status.split(',').map((s) => s.trim());
    if (wanted.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
    if (!(wanted.includes('open') && wanted.includes('closed'))) {
      query = wanted.includes('closed') ? query.where('status', 'in', ['concluded', 'rated']) : query.where('status', 'not in', ['concluded', 'rated']);
    }
  }
  if (q.jurisdiction_id) {
    const region = await deps.db.selectFrom('regions').select('code').where('code', '=', q.jurisdiction_id).executeTakeFirst();
    if (!region) throw new Open311Error(404, `jurisdiction_id ${JSON.stringify(q.jurisdiction_id.slice(0, 20))} not found`);
    const c = region.code;
    const prefix = c.endsWith('0000') ? c.slice(0, 2) : c.endsWith('00') ? c.slice(0, 4) : c;
    query = query.where('region_code', 'like', `${prefix}%`);
  }
  return withAgencies(deps, await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(MAX_LIST).execute());
}

/** GET /requests/:id.json: one request (as an array of one, as GeoReport answers). */
export async function getServiceRequest(deps: Deps, orderNumber: string): Promise<Open311Request[]> {
  const o = await deps.db.selectFrom('work_orders').selectAll().where('order_number', '=', orderNumber).where('channel', '=', 'open311').executeTakeFirst();
  if (!o) throw new Open311Error(404, `service_request_id ${JSON.stringify(orderNumber.slice(0, 40))} not found`);
  return withAgencies(deps, [o]);
}

