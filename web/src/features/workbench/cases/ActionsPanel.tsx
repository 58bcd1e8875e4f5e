import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Empty, Form, Input, Modal, Radio, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import {
  AuditOutlined, CheckCircleOutlined, CloseCircleOutlined, DeleteOutlined, FileSearchOutlined, FormOutlined, LockOutlined, PauseCircleOutlined,
  PlayCircleOutlined, PlusOutlined, SendOutlined, UnlockOutlined, UserOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../auth';
import { DepartmentName } from '../../../lib/departments';
import { validated } from '../../../lib/forms';
import { casesApi } from './casesApi';
import type { CaseDetail, CaseTask, Defect } from '../../applications/types';
import type { DeliveryMethod } from './types';
import { canWork, CaseErrorAlert, isCaseChanged, taskLabel, TrackingNumberField } from './ui';

export interface TargetOption {
  value: string;
  label: string;
}

type ModalKind = 'refuse' | 'correction' | 'review' | 'decide' | 'deliver' | 'specialStart' | 'specialEnd';

interface Props {
  detail: CaseDetail;
  targets: TargetOption[];
  /** The action succeeded: show the case as the server now has it. */
  onUpdated: (d: CaseDetail, message: string) => void;
  /** Someone else changed the case meanwhile (409 applications.case_changed). */
  onConflict: () => void;
  reload: () => void;
}

const MAX_OPINION = 1000;

/** The officer's actions on the open step they may work: claim, then accept / correction / refuse, review, decide, deliver; special procedures. */
export function ActionsPanel({ detail, targets, onUpdated, onConflict, reload }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const c = detail.case;
  const open = detail.tasks.filter((x) => x.status === 'open');
  const workable = open.filter((x) => canWork(me, x));
  const [picked, setPicked] = useState<string | null>(null);
  const task = workable.find((x) => x.id === picked) ?? workable[0] ?? null;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [modal, setModal] = useState<ModalKind | null>(null);
  const [modalError, setModalError] = useState<unknown>(null);
  const [acceptOpinion, setAcceptOpinion] = useState('');
  const [form] = Form.useForm();

  const claimedByMe = !!task?.claimedBy && task.claimedBy === me.displayName;
  const claimedByOther = !!task?.claimedBy && !claimedByMe;
  const specialOpen = c.paused && (c.status === 'reviewing' || c.status === 'deciding');
  const v = c.rowVersion;

  /** Runs an action; a stale view becomes the conflict notice, other errors show where the action was started. */
  async function run(key: string, fn: () => Promise<CaseDetail | null>, done: string, inModal = false): Promise<boolean> {
    setBusy(key);
    setError(null);
    setModalError(null);
    try {
      const d = await fn();
      if (d) onUpdated(d, done);
      else {
        message.success(done);
        reload();
      }
      return true;
    } catch (err) {
      if (isCaseChanged(err)) {
        setModal(null);
        onConflict();
      } else if (inModal) setModalError(err);
      else setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }

  function openModal(kind: ModalKind) {
    form.resetFields();
    setModalError(null);
    if (kind === 'correction') form.setFieldsValue({ defects: [{ target: '', reason: '' }] });
    if (kind === 'review') form.setFieldsValue({ outcome: 'agree' });
    if (kind === 'decide') form.setFieldsValue({ decision: 'approved' });
    if (kind === 'deliver') form.setFieldsValue({ method: c.receivingDepartmentId && c.receivingDepartmentId !== c.departmentId ? 'window' : 'online' });
    setModal(kind);
  }

  async function submitModal() {
    if (!modal) return;
    const values = await validated(form);
    if (!values) return;
    const id = c.id;
    const tid = task?.id ?? '';
    let ok = false;
    switch (modal) {
      case 'refuse':
        ok = await run('refuse', () => casesApi.refuse(id, tid, v, String(values.reason).trim()), t('appWorkbench.actions.refused'), true);
        break;
      case 'correction': {
        const defects = (values.defects as Defect[]).map((d) => ({ target: d.target.trim(), reason: d.reason.trim() }));
        ok = await run('correction', () => casesApi.correction(id, tid, v, defects), t('appWorkbench.actions.correctionSent'), true);
        break;
      }
      case 'review':
        ok = await run('review', () => casesApi.review(id, tid, v, values.outcome, String(values.opinion).trim()), t('appWorkbench.actions.reviewed'), true);
        break;
      case 'decide':
        ok = await run('decide', () => casesApi.decide(id, tid, v, values.decision, String(values.opinion).trim()), t('appWorkbench.actions.decided'), true);
        break;
      case 'deliver':
        ok = await run('deliver', () => casesApi.deliver(id, tid, v, values.method as DeliveryMethod, values.method === 'courier' ? String(values.trackingNumber ?? '').trim() : undefined), t('appWorkbench.actions.delivered'), true);
        break;
      case 'specialStart':
        ok = await run('specialStart', () => casesApi.startSpecial(id, v, String(values.reason).trim()), t('appWorkbench.actions.specialStarted'), true);
        break;
      case 'specialEnd':
        ok = await run('specialEnd', () => casesApi.endSpecial(id, v, values.opinion ? String(values.opinion).trim() : undefined), t('appWorkbench.actions.specialEnded'), true);
        break;
    }
    if (ok) setModal(null);
  }

  const title = (
    <span className="tb-card-title">
      <AuditOutlined /> {t('appWorkbench.actions.title')}
    </span>
  );

  if (!task) {
    const text =
      c.status === 'correction'
        ? t('appWorkbench.actions.waitingCorrection')
        : ['delivered', 'not_accepted'].includes(c.status)
          ? t('appWorkbench.actions.ended')
          : open.length
            ? t('appWorkbench.actions.notYours')
            : t('appWorkbench.actions.noOpenTask');
    return (
      <Card title={title} className="tb-wb-actions" data-testid="case-actions">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid="actions-empty">{text}</span>} />
        {open.length > 0 && <OpenTasks tasks={open} t={t} />}
      </Card>
    );
  }

  const locked = claimedByOther;
  const step = task.step;

  return (
    <Card title={title} className="tb-wb-actions" data-testid="case-actions">
      {workable.length > 1 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('appWorkbench.actions.pickTask')}
          </Typography.Text>
          <Segmented block value={task.id} onChange={(val) => setPicked(String(val))} options={workable.map((x) => ({ value: x.id, label: taskLabel(t, x.name) }))} />
        </div>
      )}
      <div className="tb-wb-task-box mine" data-testid="action-task" data-step={step} data-task-id={task.id}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <span className="tb-wb-task-name">{taskLabel(t, task.name)}</span>
          <Tag color="processing">{t(`appWorkbench.step.${step}`)}</Tag>
        </Space>
        <div className="tb-muted" style={{ fontSize: 12, marginTop: 2 }}>
          <DepartmentName id={task.departmentId} />
        </div>
        <div style={{ marginTop: 8 }}>
          {claimedByMe ? (
            <Space wrap>
              <Tag icon={<LockOutlined />} color="blue">
                {t('appWorkbench.actions.claimedByMe')}
              </Tag>
              <Button size="small" icon={<UnlockOutlined />} loading={busy === 'release'} onClick={() => void run('release', () => casesApi.release(c.id, task.id).then(() => null), t('appWorkbench.actions.released'))} data-testid="action-release">
                {t('appWorkbench.actions.release')}
              </Button>
            </Space>
          ) : claimedByOther ? (
            <Alert type="warning" showIcon icon={<UserOutlined />} title={t('appWorkbench.actions.claimedByOther', { name: task.claimedBy })} />
          ) : (
            <Space wrap>
              <Tooltip title={t('appWorkbench.actions.claimHint')}>
                <Button icon={<LockOutlined />} loading={busy === 'claim'} onClick={() => void run('claim', () => casesApi.claim(c.id, task.id).then(() => null), t('appWorkbench.actions.claimed'))} data-testid="action-claim">
                  {t('appWorkbench.actions.claim')}
                </Button>
              </Tooltip>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('appWorkbench.common.unclaimed')}
              </Typography.Text>
            </Space>
          )}
        </div>
      </div>

      <CaseErrorAlert error={error} onReload={reload} />

      {specialOpen && <Alert type="warning" showIcon icon={<PauseCircleOutlined />} title={t('appWorkbench.actions.pausedNote')} style={{ marginBottom: 12 }} />}

      {step === 'accept' && (
        <>
          <Form layout="vertical" component="div">
            <Form.Item label={t('appWorkbench.actions.acceptOpinion')} style={{ marginBottom: 8 }}>
              <Input.TextArea
                rows={2}
                maxLength={MAX_OPINION}
                value={acceptOpinion}
                onChange={(e) => setAcceptOpinion(e.target.value)}
                placeholder={t('appWorkbench.actions.acceptOpinionPlaceholder')}
                disabled={locked}
                data-testid="opinion-input"
              />
            </Form.Item>
          </Form>
          <div className="tb-wb-action-row">
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={locked}
              loading={busy === 'accept'}
              onClick={() => void run('accept', () => casesApi.accept(c.id, task.id, v, acceptOpinion.trim() || undefined), t('appWorkbench.actions.accepted')).then((ok) => ok && setAcceptOpinion(''))}
              data-testid="action-accept"
            >
              {t('appWorkbench.actions.accept')}
            </Button>
            <Button icon={<FormOutlined />} disabled={locked} onClick={() => openModal('correction')} data-testid="action-correction">
              {t('appWorkbench.actions.correction')}
            </Button>
            <Button danger icon={<CloseCircleOutlined />} disabled={locked} onClick={() => openModal('refuse')} data-testid="action-refuse">
              {t('appWorkbench.actions.refuse')}
            </Button>
          </div>
        </>
      )}

      {step === 'review' && (
        <div className="tb-wb-action-row">
          <Button type="primary" icon={<FileSearchOutlined />} disabled={locked || specialOpen} onClick={() => openModal('review')} data-testid="action-review">
            {t('appWorkbench.actions.review')}
          </Button>
          <Button icon={<FormOutlined />} disabled={locked || specialOpen} onClick={() => openModal('correction')} data-testid="action-correction">
            {t('appWorkbench.actions.correction')}
          </Button>
        </div>
      )}

      {step === 'decide' && (
        <div className="tb-wb-action-row">
          <Button type="primary" icon={<AuditOutlined />} disabled={locked || specialOpen} onClick={() => openModal('decide')} data-testid="action-decide">
            {t('appWorkbench.actions.decide')}
          </Button>
        </div>
      )}

      {step === 'deliver' && (
        <div className="tb-wb-action-row">
          <Button type="primary" icon={<SendOutlined />} disabled={locked} onClick={() => openModal('deliver')} data-testid="action-deliver">
            {t('appWorkbench.actions.deliver')}
          </Button>
        </div>
      )}

      {(step === 'review' || step === 'decide') && (
        <div style={{ marginTop: 16, paddingTop: 12, borderTop: '1px dashed #e6ebf3' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('appWorkbench.actions.special')}
          </Typography.Text>
          <div className="tb-wb-action-row" style={{ marginTop: 6 }}>
            {specialOpen ? (
              <Button icon={<PlayCircleOutlined />} disabled={locked} onClick={() => openModal('specialEnd')} data-testid="action-special-end">
                {t('appWorkbench.actions.specialEnd')}
              </Button>
            ) : (
              <Button icon={<PauseCircleOutlined />} disabled={locked} onClick={() => openModal('specialStart')} data-testid="action-special-start">
                {t('appWorkbench.actions.specialStart')}
              </Button>
            )}
          </div>
        </div>
      )}

      {open.length > 1 && <OpenTasks tasks={open.filter((x) => x.id !== task.id)} t={t} />}

      <Modal
        open={!!modal}
        title={modal ? modalTitle(t, modal) : undefined}
        onCancel={() => setModal(null)}
        onOk={() => void submitModal()}
        confirmLoading={!!busy}
        okText={modal === 'correction' ? t('appWorkbench.actions.correctionSubmit') : t('appWorkbench.actions.submit')}
        okButtonProps={{ 'data-testid': modal === 'correction' ? 'action-correction-submit' : 'action-submit', danger: modal === 'refuse' } as React.ComponentProps<typeof Button>}
        cancelText={t('appWorkbench.actions.cancel')}
        width={modal === 'correction' ? 760 : 560}
        destroyOnHidden
        forceRender={false}
      >
        <CaseErrorAlert
          error={modalError}
          onReload={() => {
            setModal(null);
            reload();
          }}
        />
        <Form form={form} layout="vertical" preserve={false}>
          {modal === 'refuse' && (
            <>
              <Alert type="warning" showIcon title={t('appWorkbench.actions.refuseIntro')} style={{ marginBottom: 12 }} />
              <ReasonField name="reason" label={t('appWorkbench.actions.refuseReason')} placeholder={t('appWorkbench.actions.refuseReasonPlaceholder')} t={t} testId="reason-input" />
            </>
          )}
          {modal === 'correction' && <DefectsEditor targets={targets} t={t} />}
          {modal === 'review' && (
            <>
              <Form.Item name="outcome" label={t('appWorkbench.actions.reviewOutcome')} rules={[{ required: true }]}>
                <Radio.Group>
                  <Radio value="agree">
                    <span data-testid="review-agree">{t('appWorkbench.actions.agree')}</span>
                  </Radio>
                  <Radio value="disagree">
                    <span data-testid="review-disagree">{t('appWorkbench.actions.disagree')}</span>
                  </Radio>
                </Radio.Group>
              </Form.Item>
              <ReasonField name="opinion" label={t('appWorkbench.actions.opinion')} placeholder={t('appWorkbench.actions.reviewOpinionPlaceholder')} t={t} testId="opinion-input" message={t('appWorkbench.actions.opinionRequired')} />
            </>
          )}
          {modal === 'decide' && (
            <>
              <Typography.Paragraph type="secondary">{t('appWorkbench.actions.decideIntro')}</Typography.Paragraph>
              <Form.Item name="decision" label={t('appWorkbench.actions.decision')} rules={[{ required: true }]}>
                <Radio.Group>
                  <Radio value="approved">
                    <span data-testid="decision-approved">{t('appWorkbench.actions.approve')}</span>
                  </Radio>
                  <Radio value="refused">
                    <span data-testid="decision-refused">{t('appWorkbench.actions.refuseDecision')}</span>
                  </Radio>
                </Radio.Group>
              </Form.Item>
              <ReasonField name="opinion" label={t('appWorkbench.actions.opinion')} placeholder={t('appWorkbench.actions.decideOpinionPlaceholder')} t={t} testId="opinion-input" message={t('appWorkbench.actions.opinionRequired')} />
            </>
          )}
          {modal === 'deliver' && <DeliverFields t={t} />}
          {modal === 'specialStart' && (
            <>
              <Typography.Paragraph type="secondary">{t('appWorkbench.actions.specialStartIntro')}</Typography.Paragraph>
              <ReasonField name="reason" label={t('appWorkbench.actions.specialReason')} placeholder={t('appWorkbench.actions.specialReasonPlaceholder')} t={t} testId="reason-input" />
            </>
          )}
          {modal === 'specialEnd' && (
            <Form.Item name="opinion" label={t('appWorkbench.actions.specialEndOpinion')} rules={[{ max: MAX_OPINION, message: t('appWorkbench.actions.maxLength', { max: MAX_OPINION }) }]}>
              <Input.TextArea rows={3} maxLength={MAX_OPINION} placeholder={t('appWorkbench.actions.specialEndPlaceholder')} data-testid="opinion-input" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

function modalTitle(t: TFunction, kind: ModalKind): string {
  const titles: Record<ModalKind, string> = {
    refuse: t('appWorkbench.actions.refuseTitle'),
    correction: t('appWorkbench.actions.correctionTitle'),
    review: t('appWorkbench.actions.reviewTitle'),
    decide: t('appWorkbench.actions.decideTitle'),
    deliver: t('appWorkbench.actions.deliverTitle'),
    specialStart: t('appWorkbench.actions.specialStartTitle'),
    specialEnd: t('appWorkbench.actions.specialEndTitle'),
  };
  return titles[kind];
}

function ReasonField({ name, label, placeholder, t, testId, message }: { name: string; label: string; placeholder: string; t: TFunction; testId: string; message?: string }) {
  const msg = message ?? t('appWorkbench.actions.reasonRequired');
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        { required: true, whitespace: true, message: msg },
        { min: 2, message: msg },
        { max: MAX_OPINION, message: t('appWorkbench.actions.maxLength', { max: MAX_OPINION }) },
      ]}
    >
      <Input.TextArea rows={4} maxLength={MAX_OPINION} showCount placeholder={placeholder} data-testid={testId} />
    </Form.Item>
  );
}

function DeliverFields({ t }: { t: TFunction }) {
  const form = Form.useFormInstance();
  const method = Form.useWatch<DeliveryMethod | undefined>('method', form);
  return (
    <>
      <Form.Item name="method" label={t('appWorkbench.actions.deliverMethod')} rules={[{ required: true }]}>
        <Radio.Group>
          {(['online', 'courier', 'window'] as const).map((m) => (
            <Radio key={m} value={m}>
              <span data-testid={`deliver-method-${m}`}>{t(`appWorkbench.deliveryMethod.${m}`)}</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {method === 'courier' && (
        <TrackingNumberField label={t('appWorkbench.actions.trackingNumber')} />
      )}
    </>
  );
}

/** 一次性告知: every defect at once, each a target (a form field, a material, or free text) and what to fix. */
function DefectsEditor({ targets, t }: { targets: TargetOption[]; t: TFunction }) {
  return (
    <>
      <Alert type="info" showIcon title={t('appWorkbench.actions.correctionIntro')} style={{ marginBottom: 12 }} />
      <Form.List name="defects">
        {(fields, { add, remove }) => (
          <>
            <div className="tb-wb-defect-row" style={{ marginBottom: 4 }}>
              <span />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('appWorkbench.actions.defectTarget')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('appWorkbench.actions.defectReason')}
              </Typography.Text>
              <span />
            </div>
            {fields.map((f, i) => (
              <div key={f.key} className="tb-wb-defect-row" data-testid={`defect-row-${i}`}>
                <span className="tb-wb-defect-no">{i + 1}.</span>
                <div>
                  <Form.Item
                    name={[f.name, 'target']}
                    style={{ marginBottom: 0 }}
                    rules={[
                      { required: true, whitespace: true, message: t('appWorkbench.actions.targetRequired') },
                      { max: 80, message: t('appWorkbench.actions.maxLength', { max: 80 }) },
                    ]}
                  >
                    <AutoComplete
                      options={targets}
                      popupMatchSelectWidth={320}
                      showSearch={{ filterOption: (input, o) => !!o && (String(o.value).toLowerCase().includes(input.toLowerCase()) || String(o.label ?? '').toLowerCase().includes(input.toLowerCase())) }}
                    >
                      <Input maxLength={80} placeholder={t('appWorkbench.actions.defectTargetPlaceholder')} data-testid={`defect-target-${i}`} />
                    </AutoComplete>
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => {
                      const v = getFieldValue(['defects', f.name, 'target']) as string | undefined;
                      const hit = v ? targets.find((o) => o.value === v) : undefined;
                      return hit ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`defect-target-label-${i}`}>
                          {hit.label}
                        </Typography.Text>
                      ) : null;
                    }}
                  </Form.Item>
                </div>
                <Form.Item
                  name={[f.name, 'reason']}
                  style={{ marginBottom: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: t('appWorkbench.actions.defectReasonRequired') },
                    { min: 2, message: t('appWorkbench.actions.defectReasonRequired') },
                    { max: 300, message: t('appWorkbench.actions.maxLength', { max: 300 }) },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} placeholder={t('appWorkbench.actions.defectReasonPlaceholder')} data-testid={`defect-reason-${i}`} />
                </Form.Item>
                <Tooltip title={t('appWorkbench.actions.defectRemove')}>
                  <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={t('appWorkbench.actions.defectRemove')} data-testid={`defect-remove-${i}`} />
                </Tooltip>
              </div>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ target: '', reason: '' })} disabled={fields.length >= 50} data-testid="defect-add">
              {t('appWorkbench.actions.defectAdd')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/** The case's other open steps (other departments' branches, or steps of another role). */
function OpenTasks({ tasks, t }: { tasks: CaseTask[]; t: TFunction }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('appWorkbench.actions.openTasks')}
      </Typography.Text>
      {tasks.map((x) => (
        <div key={x.id} className="tb-wb-task-box" style={{ marginTop: 6, marginBottom: 0 }}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
            <span className="tb-wb-task-name">{taskLabel(t, x.name)}</span>
            {x.claimedBy ? <Tag icon={<UserOutlined />}>{x.claimedBy}</Tag> : <Tag>{t('appWorkbench.common.unclaimed')}</Tag>}
          </Space>
          <div className="tb-muted" style={{ fontSize: 12 }}>
            <DepartmentName id={x.departmentId} />
          </div>
        </div>
      ))}
    </div>
  );
}
