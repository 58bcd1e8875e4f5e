/**
 * Eight weeks of questions for the consultation dashboards (the admin's 在线问政 overview, GET
 * /api/v1/consultation/stats), so that a first visit shows what people ask, on which channels, in which regions, and
 * how often the knowledge base settled it — not an empty chart. Asked through the consultation use cases with a clock
 * set back to each question's moment: the instant answers, the routing and the feedback are what the engine gives.
 *
 * What is asked: the knowledge base's own alternative phrasings (how people put it), in the entry's city or one of its
 * districts, plus questions for a person (complaints, help) that only routing can place. More on weekdays and in office
 * hours, more on the website and the hotline than in the app and mini-program; most askers who got an answer say
 * whether it helped. Deterministic (a seeded generator): every demo database has the same history.
 *
 * Loaded by `npm start` and `seed-demo` (seedDemo's `history` option), not by the test platform, whose tests count
 * their own questions.
 */
import { anonymousActor, type Actor } from '../platform/actor.js';
import type { Deps } from '../platform/deps.js';
import { manualClock } from '../platform/clock.js';
import { mulberry32 } from '../platform/prng.js';
import { askQuestion, submitFeedback } from '../modules/consultation/index.js';
import { demoKbEntries } from './consultation-kb-data.js';
import { demoRegions } from './province-data.js';

const DAYS = 56;
/** Each demo city with its districts: a question is asked in the city or one of them. */
const CITIES: Record<string, string[]> = Object.fromEntries(
  demoRegions.filter((c) => c.level === 'city').map((c) => [c.code, [c.code, ...demoRegions.filter((d) => d.parentCode === c.code).map((d) => d.code)]]),
);
const CHANNELS = [['web', 45], ['hotline', 30], ['app', 15], ['mini_program', 10]] as const;
const CHINA_MS = 8 * 3_600_000;

/** Questions that need a person: the knowledge base has no answer, routing places them. */
const FOR_A_PERSON = [
  '小区门口的路灯坏了好几天了，晚上出门很不安全',
  '楼下餐馆油烟太大，窗户都不敢开，能不能管一管',
  '公司拖欠了我三个月工资，老板一直不给',
  '隔壁工地晚上十一点还在施工，吵得睡不着',
  '买的预付卡商家跑路了，钱还能要回来吗',
  '网上买到假货，商家不退款怎么投诉',
  '小区电梯经常坏，物业不修',
  '路边井盖丢了，很危险',
  '单位不给缴社保，我该去哪里反映',
  '房东不退押金，怎么办',
  '菜市场有商贩缺斤短两',
  '建议在我们小区附近增加一个公交站',
  '医院挂号太难了，能不能多开点号',
  '孩子上学划片不合理，想反映一下',
] as const;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function weighted<T>(r: () => number, xs: readonly (readonly [T, number])[]): T {
  let x = r() * xs.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[xs.length - 1][0];
}

/** Asks the history's questions as the given citizens (and anonymous callers on the hotline). Returns how many. */
export async function seedDemoQuestionHistory(deps: Deps, citizens: readonly Actor[]): Promise<number> {
  const r = mulberry32(20261129); // the same history in every demo database
  const now = deps.clock.nowMs();
  const phrasings = demoKbEntries.flatMap((e) => e.alternatives.map((text) => ({ text, city: e.regionCodes[0] })));
  const anonymous = anonymousActor();
  // one deps with a clock moved to each question's moment (the engine's indexes are kept per deps: built once)
  const clock = manualClock(new Date(now));
  const atDeps: Deps = { ...deps, clock };
  let asked = 0;
  for (let day = DAYS; day >= 1; day--) {
    const midnightChina = Math.floor((now + CHINA_MS) / 86_400_000) * 86_400_000 - CHINA_MS - day * 86_400_000;
    const weekday = new Date(midnightChina + CHINA_MS).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    // a slow rise over the eight weeks, fewer at weekends
    const n = Math.round((weekend ? 2 : 6) * (0.7 + (0.6 * (DAYS - day)) / DAYS) + r() * 3);
    for (let i = 0; i < n; i++) {
      const hour = weekend ? 9 + r() * 12 : pick(r, [9, 10, 10, 11, 14, 15, 15, 16, 17, 20]) + r();
      const at = new Date(midnightChina + hour * 3_600_000);
      const channel = weighted(r, CHANNELS);
      const person = r() < 0.18;
      const { text, city } = person ? { text: pick(r, FOR_A_PERSON), city: pick(r, Object.keys(CITIES)) } : pick(r, phrasings);
      const regionCode = pick(r, CITIES[city] ?? [city]);
      const asker = channel === 'hotline' && r() < 0.5 ? anonymous : pick(r, citizens);
      clock.set(at);
      const q = await askQuestion(atDeps, asker, { text, regionCode, channel });
      asked++;
      if (asker.kind === 'citizen' && q.answers.length > 0 && r() < 0.7) {
        clock.advance(60_000);
        await submitFeedback(atDeps, asker, q.id, { entryCode: q.answers[0].entryCode, helpful: r() < 0.85 });
      }
    }
  }
  return asked;
}
