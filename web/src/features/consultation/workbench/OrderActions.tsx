import { useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, Modal, Progress, Radio, Switch, Tag, Typography } from 'antd';
import {
  AimOutlined, AuditOutlined, BellOutlined, CheckCircleOutlined, CheckOutlined, ClusterOutlined, EditOutlined, GlobalOutlined, MessageOutlined, PhoneOutlined,
  QuestionCircleOutlined, RollbackOutlined, SendOutlined, SwapOutlined, TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../auth';
import { validated } from '../../../lib/forms';
import { useAsync } from '../../../lib/useAsync';
import { consultApi, type OrderAction, type OrderDetail, type ReturnBasis, type RouteResult } from '../api';
import { RegionTreeSelect } from '../../admin/pickers';
import { DeptPicker } from '../pickers';
import { useDeptName } from '../../../lib/departments';
import { ConsultErrorAlert, isStale, returnBasisText } from '../ui';

type Kind = 'sign' | 'reply' | 'requestInfo' | 'transfer' | 'return' | 'coUnits' | 'opinion' | 'conclude' | 'dispatch' | 'crossRegion' | 'chase' | 'followUp';

const ACTION: Record<Kind, OrderAction> = {
  sign: 'sign',
  reply: 'reply',
  requestInfo: 'request-info',
  transfer: 'transfer',
  return: 'return',
  coUnits: 'co-units',
  opinion: 'opinion',
  conclude: 'conclude',
  dispatch: 'dispatch',
  crossRegion: 'cross-region',
  chase: 'chase',
  followUp: 'follow-up',
};

/** Actions that do not carry the order's version (the server takes them at any version). */
const UNVERSIONED: Kind[] = ['opinion', 'chase'];

const req = (message: string, min = 2) => [
  { required: true, whitespace: true, message },
  { min, message },
];

/** Units the routing engine would suggest for the order's text (staff preview; nothing stored). */
export function useSuggestions(d: OrderDetail | undefined, enabled: boolean) {
  return useAsync(
    (signal) => consultApi.routePreview(`${d!.order.title}\n${d!.content}`.slice(0, 2000), d!.order.regionCode, { signal }),
    [d?.order.id, enabled],
    enabled && !!d,
  );
}

/** The routing engine's candidates for an order: best first, with the matched duty and confidence; a click picks one. */
export function Suggestions({ route, exclude, onPick, testId = 'route-suggestions' }: { route: RouteResult | undefined; exclude?: string | null; onPick: (id: string, name: string) => void; testId?: string }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  if (!route) return null;
  const rows = [
    ...(!route.toDispatcher ? [{ departmentId: route.departmentId, departmentName: route.departmentName, duty: route.duty, confidence: route.confidence }] : []),
    ...route.alternatives,
  ].filter((r) => r.departmentId !== exclude);
  if (!rows.length) return <Typography.Text type="secondary">{t('consult.actions.noSuggestions')}</Typography.Text>;
  return (
    <div className="tb-cs-suggestions" data-testid={testId}>
      {rows.map((r) => (
        <div key={r.departmentId} className="tb-cs-suggestion" data-testid="route-suggestion" data-dept={r.departmentName}>
          <div className="tb-cs-suggestion-main">
            <div className="tb-cs-suggestion-name">{deptName(r.departmentId, r.departmentName)}</div>
            {r.duty && (
              <div className="tb-muted" style={{ fontSize: 12 }}>
                {t('consult.actions.matchedDuty', { matter: r.duty.matter })} <span className="tb-mono">{r.duty.code}</span>
              </div>
            )}
            <Progress percent={Math.round(r.confidence * 100)} size="small" strokeColor={r.confidence >= 0.5 ? '#389e0d' : '#fa8c16'} format={(p) => t('consult.actions.confidence', { p })} />
          </div>
          <Button size="small" icon={<AimOutlined />} onClick={() => onPick(r.departmentId, deptName(r.departmentId, r.departmentName))} data-testid="route-suggestion-pick">
            {t('consult.actions.pick')}
          </Button>
        </div>
      ))}
    </div>
  );
}

/** A unit chosen elsewhere on the page (the routing's runner-ups): opens the dispatch or transfer dialog with it. */
export interface ActionPreset {
  kind: 'dispatch' | 'transfer';
  departmentId: string;
  departmentName: string;
  /** Changes on every click, so picking the same unit again reopens the dialog. */
  n: number;
}

interface Props {
  detail: OrderDetail;
  onUpdated: (d: OrderDetail, message: string) => void;
  onConflict: () => void;
  preset?: ActionPreset | null;
}

/** What the reader may do with the order now (the server says which, in `can`), each with its dialog. */
export function OrderActions({ detail: d, onUpdated, onConflict, preset }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const [modal, setModal] = useState<Kind | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const [picked, setPicked] = useState<Array<{ id: string; name: string }>>([]);
  const c = d.can;
  const o = d.order;
  const needsSuggestions = modal === 'transfer' || modal === 'dispatch' || modal === 'return' || modal === 'coUnits';
  const suggestions = useSuggestions(d, needsSuggestions);

  const [target, setTarget] = useState<string | undefined>(undefined);
  function open(kind: Kind, unit?: { id: string; name: string }) {
    form.resetFields();
    setError(null);
    setPicked(unit ? [unit] : []);
    setTarget(unit?.id);
    if (kind === 'return') form.setFieldsValue({ basis: 'function_overlap' });
    if (kind === 'followUp') form.setFieldsValue({ reached: true });
    setModal(kind);
  }

  useEffect(() => {
    if (preset && ((preset.kind === 'dispatch' && c.dispatch) || (preset.kind === 'transfer' && c.transfer))) {
      open(preset.kind, { id: preset.departmentId, name: preset.departmentName });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset?.n]);

  async function submit(kind: Kind, values: Record<string, unknown> = {}) {
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
      body[k] = typeof v === 'string' ? v.trim() : v;
    }
    if (!UNVERSIONED.includes(kind)) body.expectedVersion = o.rowVersion;
    try {
      const next = await consultApi.act(o.id, ACTION[kind], body);
      setModal(null);
      onUpdated(next, t(`consult.actions.done.${kind}`));
    } catch (err) {
      if (isStale(err)) {
        setModal(null);
        onConflict();
      } else setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function ok() {
    if (!modal) return;
    const v = await validated(form);
    if (!v) return;
    await submit(modal, v as Record<string, unknown>);
  }

  const buttons: Array<{ kind: Kind; show: boolean; icon: React.ReactNode; primary?: boolean; danger?: boolean }> = [
    { kind: 'sign', show: c.sign, icon: <CheckOutlined />, primary: true },
    { kind: 'dispatch', show: c.dispatch, icon: <ClusterOutlined />, primary: true },
    { kind: 'reply', show: c.reply, icon: <MessageOutlined />, primary: !c.sign },
    { kind: 'conclude', show: c.conclude, icon: <CheckCircleOutlined />, primary: true },
    { kind: 'opinion', show: c.contribute, icon: <EditOutlined />, primary: true },
    { kind: 'requestInfo', show: c.requestInfo, icon: <QuestionCircleOutlined /> },
    { kind: 'coUnits', show: c.reply || c.dispatch, icon: <TeamOutlined /> },
    { kind: 'transfer', show: c.transfer, icon: <SwapOutlined /> },
    { kind: 'return', show: c.return, icon: <RollbackOutlined />, danger: true },
    { kind: 'crossRegion', show: c.dispatch, icon: <GlobalOutlined /> },
    { kind: 'chase', show: c.chase, icon: <BellOutlined /> },
    { kind: 'followUp', show: c.followUp, icon: <PhoneOutlined /> },
  ];
  const shown = buttons.filter((b) => b.show);
  const title = (
    <span className="tb-card-title">
      <AuditOutlined /> {t('consult.actions.title')}
    </span>
  );

  const pick = (field: string, multiple: boolean) => (id: string, name: string) => {
    setPicked((old) => (old.some((x) => x.id === id) ? old : [...old, { id, name }]));
    if (multiple) {
      const cur = (form.getFieldValue(field) as string[] | undefined) ?? [];
      if (!cur.includes(id)) form.setFieldsValue({ [field]: [...cur, id] });
    } else form.setFieldsValue({ [field]: id });
  };
  const coUnitIds = d.coUnits.map((x) => x.departmentId);

  return (
    <Card title={title} className="tb-cs-actions" data-testid="order-actions">
      {shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <span data-testid="actions-empty">
              {o.status === 'concluded' || o.status === 'rated'
                ? t('consult.actions.closed')
                : o.departmentId && o.departmentId !== me.department?.id
                  ? t('consult.actions.elsewhere', { unit: o.departmentName ?? '' })
                  : o.status === 'dispatching'
                    ? t('consult.actions.atDispatcher')
                    : t('consult.actions.none')}
            </span>
          }
        />
      ) : (
        <>
          {c.sign && <Alert type="info" showIcon title={t('consult.actions.signFirst')} style={{ marginBottom: 12 }} />}
          {o.finalRuling && (c.reply || c.sign) && <Alert type="warning" showIcon title={t('consult.actions.finalRuling')} style={{ marginBottom: 12 }} />}
          <div className="tb-cs-action-grid">
            {shown.map((b) =>
              b.kind === 'sign' ? (
                <Button key={b.kind} type="primary" icon={b.icon} loading={busy && modal === null} onClick={() => void submit('sign')} data-testid="action-sign">
                  {t('consult.actions.sign')}
                </Button>
              ) : (
                <Button key={b.kind} type={b.primary ? 'primary' : 'default'} danger={b.danger} icon={b.icon} onClick={() => open(b.kind)} data-testid={`action-${b.kind}`}>
                  {t(`consult.actions.${b.kind}`)}
                </Button>
              ),
            )}
          </div>
          {!modal && <ConsultErrorAlert error={error} style={{ marginTop: 12 }} />}
        </>
      )}

      <Modal
        open={!!modal}
        title={modal ? t(`consult.actions.${modal}`) : ''}
        onCancel={() => setModal(null)}
        onOk={() => void ok()}
        okText={t('consult.actions.confirm')}
        okButtonProps={{ loading: busy, ...({ 'data-testid': 'action-submit' } as object) }}
        destroyOnHidden
        width={modal === 'transfer' || modal === 'dispatch' || modal === 'return' || modal === 'coUnits' ? 680 : 560}
        data-testid="action-modal"
      >
        <ConsultErrorAlert error={error} />
        <Form form={form} layout="vertical" preserve={false}>
          {modal && <Typography.Paragraph type="secondary">{t(`consult.actions.hint.${modal}`, { cap: d.bounceCap, n: o.bounceCount })}</Typography.Paragraph>}

          {modal === 'reply' && (
            <Form.Item name="content" label={t('consult.actions.replyContent')} rules={req(t('consult.actions.replyRequired'))} initialValue={d.reply?.content}>
              <Input.TextArea rows={8} maxLength={4000} showCount data-testid="reply-input" />
            </Form.Item>
          )}

          {modal === 'requestInfo' && (
            <Form.Item name="request" label={t('consult.actions.requestLabel')} rules={req(t('consult.actions.requestRequired'))}>
              <Input.TextArea rows={4} maxLength={1000} showCount data-testid="request-input" />
            </Form.Item>
          )}

          {(modal === 'transfer' || modal === 'dispatch') && (
            <>
              <div className="tb-cs-section-title">{t('consult.actions.suggested')}</div>
              {suggestions.loading ? <Progress percent={100} status="active" showInfo={false} size="small" /> : <Suggestions route={suggestions.data} exclude={modal === 'transfer' ? o.departmentId : null} onPick={pick('departmentId', false)} />}
              <Form.Item name="departmentId" label={t('consult.actions.targetUnit')} rules={[{ required: true, message: t('consult.actions.unitRequired') }]} initialValue={target} style={{ marginTop: 12 }}>
                <DeptPicker exclude={o.departmentId ? [o.departmentId] : []} known={picked} placeholder={t('consult.actions.unitPlaceholder')} testId="target-unit" />
              </Form.Item>
            </>
          )}

          {modal === 'transfer' && (
            <Form.Item name="reason" label={t('consult.actions.transferReason')} rules={req(t('consult.actions.reasonRequired'))}>
              <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('consult.actions.transferReasonPlaceholder')} data-testid="transfer-reason" />
            </Form.Item>
          )}

          {modal === 'dispatch' && (
            <>
              <Form.Item name="coDepartmentIds" label={t('consult.actions.coUnitsOptional')}>
                <DeptPicker multiple known={picked} testId="dispatch-co-units" />
              </Form.Item>
              <Form.Item name="note" label={t('consult.actions.dispatchNote')}>
                <Input.TextArea rows={3} maxLength={1000} showCount data-testid="dispatch-note" />
              </Form.Item>
            </>
          )}

          {modal === 'return' && (
            <>
              <Form.Item name="basis" label={t('consult.actions.returnBasis')} rules={[{ required: true }]}>
                <Radio.Group data-testid="return-basis">
                  {(['territory_mismatch', 'ownership_unclear', 'function_overlap'] as ReturnBasis[]).map((b) => (
                    <Radio.Button key={b} value={b}>
                      {returnBasisText(b)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Form.Item name="legalBasis" label={t('consult.actions.legalBasis')} rules={req(t('consult.actions.legalBasisRequired'))} extra={t('consult.actions.legalBasisHint')}>
                <Input maxLength={500} data-testid="return-legal-basis" />
              </Form.Item>
              <Form.Item name="reason" label={t('consult.actions.returnReason')} rules={req(t('consult.actions.reasonRequired'))}>
                <Input.TextArea rows={3} maxLength={1000} showCount data-testid="return-reason" />
              </Form.Item>
              <div className="tb-cs-section-title">{t('consult.actions.suggested')}</div>
              <Suggestions route={suggestions.data} exclude={o.departmentId} onPick={pick('suggestedDepartmentId', false)} />
              <Form.Item name="suggestedDepartmentId" label={t('consult.actions.suggestUnit')} style={{ marginTop: 12 }}>
                <DeptPicker exclude={o.departmentId ? [o.departmentId] : []} known={picked} testId="return-suggest" />
              </Form.Item>
            </>
          )}

          {modal === 'coUnits' && (
            <>
              <Suggestions route={suggestions.data} exclude={o.departmentId} onPick={pick('departmentIds', true)} />
              <Form.Item name="departmentIds" label={t('consult.actions.coUnits')} rules={[{ required: true, message: t('consult.actions.unitRequired') }]} style={{ marginTop: 12 }}>
                <DeptPicker multiple exclude={[...(o.departmentId ? [o.departmentId] : []), ...coUnitIds]} known={picked} testId="co-units" />
              </Form.Item>
              <Form.Item name="note" label={t('consult.actions.coUnitsNote')}>
                <Input.TextArea rows={3} maxLength={1000} showCount />
              </Form.Item>
            </>
          )}

          {modal === 'opinion' && (
            <Form.Item name="opinion" label={t('consult.actions.opinionLabel')} rules={req(t('consult.actions.opinionRequired'))}>
              <Input.TextArea rows={5} maxLength={2000} showCount data-testid="opinion-input" />
            </Form.Item>
          )}

          {modal === 'conclude' && (
            <>
              {d.coUnits.some((x) => x.status === 'pending') && <Alert type="warning" showIcon title={t('consult.actions.coUnitsPending')} style={{ marginBottom: 12 }} />}
              <Form.Item name="conclusion" label={t('consult.actions.conclusionLabel')}>
                <Input.TextArea rows={3} maxLength={2000} showCount data-testid="conclusion-input" />
              </Form.Item>
            </>
          )}

          {modal === 'crossRegion' && (
            <>
              <Form.Item name="regionCode" label={t('consult.actions.crossRegionRegion')} rules={[{ required: true, message: t('consult.actions.regionRequired') }]}>
                <RegionTreeSelect testId="cross-region-region" />
              </Form.Item>
              <Form.Item name="departmentId" label={t('consult.actions.crossRegionUnit')}>
                <DeptPicker testId="cross-region-unit" />
              </Form.Item>
              <Form.Item name="note" label={t('consult.actions.crossRegionNote')} rules={req(t('consult.actions.noteRequired'))}>
                <Input.TextArea rows={3} maxLength={1000} showCount data-testid="cross-region-note" />
              </Form.Item>
            </>
          )}

          {modal === 'chase' && (
            <Form.Item name="note" label={t('consult.actions.chaseNote')} rules={req(t('consult.actions.noteRequired'))}>
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="chase-note" />
            </Form.Item>
          )}

          {modal === 'followUp' && (
            <>
              <Form.Item name="reached" label={t('consult.actions.reached')} valuePropName="checked">
                <Switch data-testid="follow-up-reached" />
              </Form.Item>
              <Form.Item name="note" label={t('consult.actions.followUpNote')} rules={req(t('consult.actions.noteRequired'))}>
                <Input.TextArea rows={3} maxLength={1000} showCount data-testid="follow-up-note" />
              </Form.Item>
            </>
          )}
        </Form>
        {modal === 'transfer' && o.bounceCount + 1 >= d.bounceCap && <Alert type="warning" showIcon title={t('consult.actions.transferToDispatcher')} />}
        {modal === 'dispatch' && o.bounceCount >= d.bounceCap && (
          <Alert type="warning" showIcon icon={<SendOutlined />} title={t('consult.actions.rulingFinal')} />
        )}
      </Modal>
      {o.bounceCount > 0 && (
        <div className="tb-muted" style={{ marginTop: 12, fontSize: 12 }}>
          <Tag color="volcano">{t('consult.flags.bounced', { n: o.bounceCount })}</Tag> {t('consult.actions.bounceCap', { cap: d.bounceCap })}
        </div>
      )}
    </Card>
  );
}
