import type { OfficialDocument } from './document.js';
import type { SealDepartment } from './seal.js';

/**
 * One realistic document of each kind, from the demo province: used by the tests and by scripts/sample-documents.mjs
 * (which writes them out signed, with PNGs of their pages, to be looked at).
 */

export interface SampleDocument {
  file: string;
  department: SealDepartment;
  doc: OfficialDocument;
}

const verify = (id: string) => `https://zwfw.yunlan.gov.cn/verify/${id}`;
export const SAMPLE_DEPARTMENTS: Record<'civil' | 'market', SealDepartment> = {
  civil: { uscc: '11390100MB0000001X', name: '澜州市民政局' },
  market: { uscc: '11390102MB0000002Y', name: '澜州市明湖区市场监督管理局' },
};
const { civil, market } = SAMPLE_DEPARTMENTS;

export function sampleDocuments(date: Date = new Date('2026-11-28T02:00:00Z')): SampleDocument[] {
  return [
    {
      file: '01-准予行政许可决定书.pdf',
      department: civil,
      doc: {
        kind: '准予许可决定书',
        department: civil.name,
        number: '澜民许字〔2026〕第0012号',
        addressee: '澜州市明湖区康乐养老服务中心',
        paragraphs: [
          '你单位于二〇二六年十一月二十日提出的养老机构设立许可申请（申请编号：SQ202611200031），本机关已依法受理。经审查，申请材料齐全，符合法定形式，现场核查情况与申请材料一致，符合《中华人民共和国老年人权益保障法》《养老机构管理办法》规定的条件。',
          '根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予你单位的行政许可申请，许可事项如下：',
        ],
        table: {
          rows: [
            { label: '机构名称', value: '澜州市明湖区康乐养老服务中心' },
            { label: '统一社会信用代码', value: '52390102MJ0000123K' },
            { label: '服务场所', value: '澜州市明湖区政务路18号1—3层' },
            { label: '床位数', value: '120张' },
            { label: '许可有效期', value: '二〇二六年十一月二十八日至二〇三一年十一月二十七日' },
          ],
        },
        closing: [
          '你单位应当按照许可内容依法开展服务，并自觉接受民政部门的监督检查。',
          '如不服本决定，可以自收到本决定书之日起六十日内向澜州市人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
        ],
        date,
        qr: { text: verify('D7Q2-4K9M-0012'), caption: '扫码核验本决定书真伪' },
      },
    },
    {
      file: '02-不予受理通知书.pdf',
      department: market,
      doc: {
        kind: '不予受理通知书',
        department: market.name,
        number: '明市监不受字〔2026〕第0037号',
        addressee: '张三',
        paragraphs: [
          '你于二〇二六年十一月二十五日提交的食品经营许可申请（申请编号：SQ202611250117）收悉。经审查，该申请事项不属于本机关职权范围：你申请经营的场所位于澜州市澜江区，依法应当向澜州市澜江区市场监督管理局提出申请。',
          '根据《中华人民共和国行政许可法》第三十二条第一款第（二）项的规定，本机关决定不予受理。你可以依法向有关行政机关提出申请。',
          '如不服本决定，可以自收到本通知书之日起六十日内向澜州市明湖区人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
        ],
        date,
        qr: { text: verify('N3T8-2Q6W-0037') },
      },
    },
    {
      file: '03-补正材料通知书.pdf',
      department: market,
      doc: {
        kind: '补正通知书',
        department: market.name,
        number: '明市监补字〔2026〕第0105号',
        addressee: '澜州市明湖区鲜味餐饮管理有限公司',
        paragraphs: [
          '你单位于二〇二六年十一月二十六日提交的食品经营许可申请（申请编号：SQ202611260042），经审查，申请材料不齐全、不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，请你单位对下列材料予以补正：',
        ],
        table: {
          caption: '需要补正的材料',
          headers: ['材料名称', '补正要求'],
          rows: [
            { label: '食品经营场所平面图', value: '未标明操作间、库房的面积与布局，请按1:100比例重新绘制并标注各功能区面积。' },
            { label: '食品安全管理制度', value: '缺少从业人员健康管理制度和进货查验记录制度，请补充。' },
            { label: '法定代表人身份证明', value: '身份证复印件已过有效期（有效期至2026年10月31日），请提供有效证件。' },
          ],
        },
        closing: [
          '请你单位自收到本通知书之日起三十日内通过云澜省政务服务网或到澜州市明湖区政务服务中心一次性提交补正材料。逾期未补正的，视为撤回申请。咨询电话：0590-12345678。',
        ],
        date,
        qr: { text: verify('B5R1-7H3C-0105'), caption: '扫码查看补正要求并在线提交' },
      },
    },
    {
      file: '04-食品经营许可证打印件.pdf',
      department: market,
      doc: {
        kind: '证照打印件',
        department: market.name,
        title: '食品经营许可证',
        number: 'JY23901020012345',
        paragraphs: [],
        table: {
          rows: [
            { label: '经营者名称', value: '澜州市明湖区鲜味餐饮管理有限公司' },
            { label: '统一社会信用代码', value: '91390102MA0000456L' },
            { label: '法定代表人（负责人）', value: '李四' },
            { label: '住所', value: '澜州市明湖区湖滨路66号' },
            { label: '经营场所', value: '澜州市明湖区湖滨路66号1层101室' },
            { label: '主体业态', value: '餐饮服务经营者（中型餐馆）' },
            { label: '经营项目', value: '热食类食品制售；冷食类食品制售（不含烧卤熟肉）；自制饮品制售（普通类饮品）' },
            { label: '许可证编号', value: 'JY23901020012345' },
            { label: '有效期至', value: '2031年11月27日' },
            { label: '证照标识', value: '1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.003.Y' },
            { label: '日常监督管理机构', value: '澜州市明湖区市场监督管理局湖滨市场监管所' },
            { label: '投诉举报电话', value: '12315' },
          ],
        },
        date,
        qr: { text: verify('L9F4-6P2Z-2345'), caption: '扫码核验电子证照' },
        seal: { subtitle: '行政许可专用章' },
        footnote: '本件为电子证照打印件，由云澜省政务服务平台生成，与电子证照具有同等效力。可扫描二维码或登录核验页面核验真伪，也可用PDF阅读器查看电子签章。',
      },
    },
  ];
}
