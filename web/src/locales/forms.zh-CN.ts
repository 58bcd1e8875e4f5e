/** 在线申请表单（SchemaForm 渲染器）界面文案。Merged into zh-CN.ts under `forms`; en has the same keys. */
const formsZh = {
  forms: {
    addRow: '添加一行',
    removeRowLabel: '删除第 {{n}} 行',
    rowNo: '序号',
    actions: '操作',
    emptyTable: '尚未填写，请点击“添加一行”',
    rowsLimit: '最多 {{max}} 行',
    notApplicable: '无需填写',
    source: '来源：{{department}} · 更新于 {{date}}',
    locked: '已核验',
    lockedHint: '该信息由政府部门核验，不能修改；如有误，请联系来源部门更正。',
    prefilled: '已自动填写',
    edited: '已修改',
    restore: '恢复原值',
    yes: '是',
    no: '否',
    placeholderInput: '请输入',
    placeholderSelect: '请选择',
    placeholderDate: '请选择日期',
    placeholderRegion: '请选择省 / 市 / 区县',
    regionsFailed: '地区列表加载失败',
    empty: '未填写',
    errorSummary: '有 {{count}} 处需要修改：',
    errorMore: '……另有 {{count}} 处',
  },
};

export default formsZh;
export type FormsMessages = typeof formsZh;
