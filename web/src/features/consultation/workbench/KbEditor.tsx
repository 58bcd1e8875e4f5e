import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Col, DatePicker, Divider, Drawer, Form, Input, Row, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { currentLang } from '../../../i18n';
import { applyFieldErrors, validated } from '../../../lib/forms';
import { useRegions } from '../../../lib/regions';
import { useAsync } from '../../../lib/useAsync';
import { useDeptName } from '../../../lib/departments';
import { buildRegionTree } from '../../admin/pickers';
import { consultApi, type Basis, type KbEntry, type KbEntryContent, type KbSaveResult, type KbWarning } from '../api';
import { ConsultErrorAlert, factText, PlainText } from '../ui';

interface Values {
  code: string;
  question: string;
  alternatives: string[];
  answer: string;
  basis: Basis[];
  regionCodes: string[];
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  tags: string[];
  itemCodes: string[];
  topic: string;
  materials: string[];
  limit: string;
  fee: string;
  eligibility: string;
  timeLimit: string;
  changeNote: string;
}

const FIELDS = ['code', 'question', 'alternatives', 'answer', 'basis', 'regionCodes', 'validFrom', 'validTo', 'tags', 'itemCodes', 'topic', 'facts', 'changeNote'];

function toValues(e: KbEntry | null, defaultRegion: string | undefined): Partial<Values> {
  if (!e) return { basis: [{ document: '' }], regionCodes: defaultRegion ? [defaultRegion] : [], alternatives: [], tags: [], itemCodes: [], materials: [] };
  return {
    code: e.code,
    question: e.question,
    alternatives: e.alternatives,
    answer: e.answer,
    basis: e.basis.length ? e.basis : [{ document: '' }],
    regionCodes: e.regionCodes,
    validFrom: e.validFrom ? dayjs(e.validFrom) : null,
    validTo: e.validTo ? dayjs(e.validTo) : null,
    tags: e.tags,
    itemCodes: e.itemCodes,
    topic: e.topic ?? '',
    materials: e.facts?.materials ?? [],
    limit: e.facts?.limit ?? '',
    fee: e.facts?.fee ?? '',
    eligibility: e.facts?.eligibility ?? '',
    timeLimit: e.facts?.timeLimit ?? '',
  };
}

function toContent(v: Values): KbEntryContent {
  const s = (x: string | undefined) => (x ?? '').trim();
  const list = (x: string[] | undefined) => (x ?? []).map((y) => y.trim()).filter(Boolean);
  const facts = {
    ...(list(v.materials).length ? { materials: list(v.materials) } : {}),
    ...(s(v.limit) ? { limit: s(v.limit) } : {}),
    ...(s(v.fee) ? { fee: s(v.fee) } : {}),
    ...(s(v.eligibility) ? { eligibility: s(v.eligibility) } : {}),
    ...(s(v.timeLimit) ? { timeLimit: s(v.timeLimit) } : {}),
  };
  return {
    question: s(v.question),
    alternatives: list(v.alternatives),
    answer: s(v.answer),
    basis: v.basis.filter((b) => s(b.document)).map((b) => ({ document: s(b.document), ...(s(b.clause) ? { clause: s(b.clause) } : {}) })),
    regionCodes: v.regionCodes,
    ...(v.validFrom ? { validFrom: v.validFrom.format('YYYY-MM-DD') } : {}),
    ...(v.validTo ? { validTo: v.validTo.format('YYYY-MM-DD') } : {}),
    tags: list(v.tags),
    itemCodes: list(v.itemCodes),
    ...(s(v.topic) ? { topic: s(v.topic) } : {}),
    ...(Object.keys(facts).length ? { facts } : {}),
  };
}

const show = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join('、') : v ?? '');

/** One contradiction the save found: the other unit's entry beside mine, fact by fact, and both answers. */
function WarningBlock({ w, mine }: { w: KbWarning; mine: KbEntry }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const other = useAsync((signal) => consultApi.kbEntry(w.entryCode, { signal }), [w.entryCode]);
  return (
    <div className="tb-cs-warning" data-testid="kb-warning" data-entry={w.entryCode}>
      <Typography.Text strong>
        <WarningOutlined style={{ color: '#d46b08' }} /> {t('consult.kb.warningWith', { dept: deptName(w.departmentId, w.departmentName), code: w.entryCode })}
      </Typography.Text>
      <Table
        size="small"
        pagination={false}
        style={{ marginTop: 8 }}
        rowKey="fact"
        dataSource={w.differences}
        columns={[
          { title: t('consult.kb.fact'), dataIndex: 'fact', width: 110, render: (f: string) => factText(f) },
          { title: t('consult.kb.mine', { dept: deptName(mine.departmentId, mine.departmentName) }), dataIndex: 'mine', render: (v: string | string[]) => <span className="tb-cs-diff mine">{show(v)}</span> },
          { title: t('consult.kb.theirs', { dept: deptName(w.departmentId, w.departmentName) }), dataIndex: 'theirs', render: (v: string | string[]) => <span className="tb-cs-diff theirs">{show(v)}</span> },
        ]}
      />
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col span={12}>
          <div className="tb-cs-side-title">{deptName(mine.departmentId, mine.departmentName)}</div>
          <PlainText text={mine.answer} className="tb-cs-side" />
        </Col>
        <Col span={12}>
          <div className="tb-cs-side-title">{deptName(w.departmentId, w.departmentName)}</div>
          {other.data ? <PlainText text={other.data.answer} className="tb-cs-side" /> : other.error ? <Typography.Text type="secondary">{t('consult.kb.otherHidden')}</Typography.Text> : <Typography.Text type="secondary">…</Typography.Text>}
        </Col>
      </Row>
    </div>
  );
}

/** Create or edit an entry: content, policy basis, validity, regions, linked items, topic and the comparable facts. */
export function KbEditor({ open, entry, departmentId, departmentRegion, onClose, onSaved }: { open: boolean; entry: KbEntry | null; departmentId?: string; departmentRegion?: string; onClose: () => void; onSaved: (r: KbSaveResult) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const regions = useRegions();
  const lang = currentLang();
  const tree = useMemo(() => buildRegionTree(regions.list, lang), [regions.list, lang]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<KbSaveResult | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setSaved(null);
    form.resetFields();
    form.setFieldsValue(toValues(entry, departmentRegion) as Values);
  }, [open, entry, departmentRegion, form]);

  async function save() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const content = toContent(v);
      const note = v.changeNote?.trim() ? { changeNote: v.changeNote.trim() } : {};
      const r = entry
        ? await consultApi.updateKbEntry(entry.code, { ...content, expectedVersion: entry.version, ...note })
        : await consultApi.createKbEntry({ code: v.code.trim(), ...(departmentId ? { departmentId } : {}), ...content, ...note });
      onSaved(r);
      if (r.warnings.length) setSaved(r);
      else onClose();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) applyFieldErrors(form, err, FIELDS);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={860}
      destroyOnHidden
      title={entry ? t('consult.kb.editTitle', { code: entry.code }) : t('consult.kb.newTitle')}
      data-testid="kb-editor"
      footer={
        saved ? (
          <Button type="primary" onClick={onClose} data-testid="kb-warnings-close">
            {t('consult.kb.understood')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="kb-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {saved ? (
        <div data-testid="kb-warnings">
          <Alert type="warning" showIcon title={t('consult.kb.savedWithWarnings', { n: saved.warnings.length, version: saved.entry.version })} description={t('consult.kb.warningsHint')} style={{ marginBottom: 16 }} />
          {saved.warnings.map((w) => (
            <WarningBlock key={w.conflictId} w={w} mine={saved.entry} />
          ))}
        </div>
      ) : (
        <>
          <ConsultErrorAlert error={error} />
          <Form form={form} layout="vertical" requiredMark="optional">
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item name="code" label={t('consult.kb.code')} rules={[{ required: true, message: t('consult.kb.codeRequired') }, { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/, message: t('consult.kb.codePattern') }]} extra={entry ? undefined : t('consult.kb.codeHint')}>
                  <Input disabled={!!entry} className="tb-mono" maxLength={64} data-testid="kb-code" />
                </Form.Item>
              </Col>
              <Col xs={24} md={14}>
                <Form.Item name="topic" label={t('consult.kb.topic')} rules={[{ pattern: /^[a-z0-9][a-z0-9_.-]{0,99}$/, message: t('consult.kb.topicPattern') }]} extra={t('consult.kb.topicHint')}>
                  <Input className="tb-mono" maxLength={100} placeholder="gjj.withdrawal.rent" data-testid="kb-topic" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="question" label={t('consult.kb.question')} rules={[{ required: true, whitespace: true, min: 2, message: t('consult.kb.questionRequired') }]}>
              <Input maxLength={300} showCount data-testid="kb-question" />
            </Form.Item>
            <Form.Item name="alternatives" label={t('consult.kb.alternatives')} extra={t('consult.kb.alternativesHint')}>
              <Select mode="tags" tokenSeparators={['\n']} maxCount={20} open={false} suffixIcon={null} data-testid="kb-alternatives" />
            </Form.Item>
            <Form.Item name="answer" label={t('consult.kb.answer')} rules={[{ required: true, whitespace: true, message: t('consult.kb.answerRequired') }]} extra={t('consult.kb.answerHint')}>
              <Input.TextArea rows={7} maxLength={5000} showCount data-testid="kb-answer" />
            </Form.Item>

            <Divider titlePlacement="start">{t('consult.kb.basisTitle')}</Divider>
            <Form.List name="basis" rules={[{ validator: async (_, v: Basis[]) => (v?.some((b) => b?.document?.trim()) ? undefined : Promise.reject(new Error(t('consult.kb.basisRequired')))) }]}>
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((f, i) => (
                    <Row key={f.key} gutter={8} align="top">
                      <Col flex="auto">
                        <Form.Item name={[f.name, 'document']} style={{ marginBottom: 8 }}>
                          <Input placeholder={t('consult.kb.basisDocument')} maxLength={200} data-testid={`kb-basis-document-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col flex="200px">
                        <Form.Item name={[f.name, 'clause']} style={{ marginBottom: 8 }}>
                          <Input placeholder={t('consult.kb.basisClause')} maxLength={200} data-testid={`kb-basis-clause-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col flex="32px">
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 1} aria-label={t('consult.kb.removeBasis')} />
                      </Col>
                    </Row>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ document: '' })} disabled={fields.length >= 10}>
                    {t('consult.kb.addBasis')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>

            <Divider titlePlacement="start">{t('consult.kb.scopeTitle')}</Divider>
            <Form.Item name="regionCodes" label={t('consult.kb.regions')} rules={[{ required: true, message: t('consult.kb.regionsRequired') }]} extra={t('consult.kb.regionsHint')}>
              <TreeSelect treeData={tree} multiple treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} data-testid="kb-regions" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="validFrom" label={t('consult.kb.validFrom')}>
                  <DatePicker style={{ width: '100%' }} data-testid="kb-valid-from" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="validTo"
                  label={t('consult.kb.validTo')}
                  dependencies={['validFrom']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_, v: Dayjs | null) => {
                        const from = getFieldValue('validFrom') as Dayjs | null;
                        if (v && from && v.isBefore(from, 'day')) throw new Error(t('consult.kb.validityOrder'));
                      },
                    }),
                  ]}
                >
                  <DatePicker style={{ width: '100%' }} data-testid="kb-valid-to" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="tags" label={t('consult.kb.tags')}>
                  <Select mode="tags" maxCount={20} open={false} suffixIcon={null} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="itemCodes" label={t('consult.kb.itemCodes')} extra={t('consult.kb.itemCodesHint')}>
                  <Select mode="tags" maxCount={20} open={false} suffixIcon={null} className="tb-mono" />
                </Form.Item>
              </Col>
            </Row>

            <Divider titlePlacement="start">{t('consult.kb.factsTitle')}</Divider>
            <Typography.Paragraph type="secondary">{t('consult.kb.factsHint')}</Typography.Paragraph>
            <Form.Item name="materials" label={factText('materials')}>
              <Select mode="tags" maxCount={40} open={false} suffixIcon={null} data-testid="kb-materials" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="limit" label={factText('limit')}>
                  <Input maxLength={300} data-testid="kb-limit" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="fee" label={factText('fee')}>
                  <Input maxLength={300} data-testid="kb-fee" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="eligibility" label={factText('eligibility')}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="timeLimit" label={factText('timeLimit')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="changeNote" label={t('consult.kb.changeNote')}>
              <Input maxLength={300} />
            </Form.Item>
          </Form>
          {entry && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('consult.kb.versionNote', { v: entry.version, who: entry.updatedBy })} <Tag>{entry.shown ? t('consult.kb.shown') : t('consult.kb.notShown')}</Tag>
            </Typography.Text>
          )}
        </>
      )}
    </Drawer>
  );
}
