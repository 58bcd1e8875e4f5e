import type { Guide } from '../catalog.schemas.js';

/** A complete, valid guide for tests; override what a test is about. */
export function sampleGuide(over: Partial<Guide> = {}): Guide {
  return {
    aliases: ['开饭店', '餐饮许可'],
    serviceObjects: ['enterprise'],
    themes: ['permits', 'food_drug'],
    lifeEvents: ['restaurant_opening'],
    summary: '从事食品销售和餐饮服务，应当依法取得食品经营许可。',
    conditions: '申请人应当具有与经营的食品品种、数量相适应的经营场所，并与有毒、有害场所保持规定的距离。',
    legalBasis: [{ title: '《中华人民共和国食品安全法》', clause: '第三十五条 国家对食品生产经营实行许可制度。' }],
    legalTimeLimit: { value: 20, unit: 'working_day' },
    promisedTimeLimit: { value: 5, unit: 'working_day' },
    caseKind: 'promised',
    process: [
      { name: '申请', description: '网上或窗口提交申请材料' },
      { name: '受理', description: '材料齐全、符合法定形式的予以受理', timeLimit: { value: 1, unit: 'working_day' } },
      { name: '审查', description: '必要时现场核查' },
      { name: '决定', description: '作出准予或不予许可的决定' },
    ],
    places: [{ name: '明湖区政务服务中心市场监管窗口', address: '澜州市明湖区政通路1号', hours: '周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）' }],
    consultation: { phone: '0590-5123456' },
    complaint: { phone: '12345' },
    fees: { charged: false, items: [] },
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: true,
    jointUnits: [],
    result: { name: '食品经营许可证', type: 'license', licenseTypeCode: '11100000MB0143028L003' },
    faq: [{ question: '食品经营许可证有效期多久？', answer: '有效期为5年。' }],
    materials: [
      {
        key: 'application_form', name: '食品经营许可申请书', necessity: 'required', form: 'electronic', copies: 1, sourceChannel: 'applicant',
        substitutes: [], acceptanceStandard: '内容完整、填写规范、签字盖章齐全',
      },
      {
        key: 'business_license', name: '营业执照', necessity: 'required', form: 'copy', copies: 1, sourceChannel: 'government', issuedBy: '市场监督管理部门',
        substitutes: [{ kind: 'license', code: '11100000000013127D001', name: '营业执照' }], acceptanceStandard: '在有效期内',
      },
    ],
    ...over,
  };
}
