import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Collapse, Popconfirm, Skeleton, Space, Tag, Tooltip } from 'antd';
import { AuditOutlined, ClockCircleOutlined, DeleteOutlined, FileTextOutlined, SaveOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { useMe } from '../../../auth';
import { currentLang } from '../../../i18n';
import { fmtDateTime } from '../../../lib/format';
import { useAsync } from '../../../lib/useAsync';
import { applyPrefill, SchemaForm, type FormDefinition, type SchemaFormError, type SchemaFormHandle } from '../../../components/schema-form';
import { getItem } from '../../catalog/api';
import { timeLimitText } from '../../catalog/hall/format';
import {
  applicationsApi, newIdempotencyKey, notifyNotificationsChanged, parseMaterialAnswers, usablePrefill, type Draft, type ItemWithForm,
  type PrefillReply,
} from './api';
import type { UsableLicencesReply } from '../types';
import { ApplicantCheck, applicantMismatch } from './ApplicantCheck';
import { DraftStatus } from './DraftStatus';
import { checkMaterialAnswers, draftAnswers, filedAnswers, initialMaterials, serverMaterialErrors, useMaterialsEditing, type MaterialState } from './materials';
import { MaterialsEditor } from './MaterialsEditor';
import { ReceivingPicker } from './ReceivingPicker';
import { AppErrorAlert, appErrorText, colon, NotFoundResult, useDepartmentName } from './ui';
import { useDraftAutosave } from './useDraftAutosave';
import './applications-hall.css';

interface Loaded {
  item: ItemWithForm;
  prefill: PrefillReply | null;
  prefillError: unknown;
  draft: Draft | null;
  /** 免提交: usable licences by material (none when the read fails: the materials are then uploaded) */
  usable: UsableLicencesReply | null;
}

async function load(itemId: string, signal: AbortSignal): Promise<Loaded> {
  const [item, prefill, draft, usable] = await Promise.all([
    getItem(itemId, { signal }) as Promise<ItemWithForm>,
    applicationsApi.prefill(itemId, { signal }).then(
      (p) => ({ p, e: null as unknown }),
      (e: unknown) => {
        if ((e as Error).name === 'AbortError') throw e;
        return { p: null, e };
      },
    ),
    applicationsApi.draft(itemId, { signal }),
    applicationsApi.usableLicences(itemId, { signal }).catch((e: unknown) => {
      if ((e as Error).name === 'AbortError') throw e;
      return null;
    }),
  ]);
  return { item, prefill: prefill.p, prefillError: prefill.e, draft, usable };
}

/** Form fields of a saved draft that the form still has (the guide may have changed since). */
function keepKnownFields(def: FormDefinition | null, data: Record<string, unknown> | undefined): { data: Record<string, unknown>; dropped: boolean } {
  if (!def || !data || typeof data !== 'object') return { data: {}, dropped: false };
  const out: Record<string, unknown> = {};
  let dropped = false;
  for (const [k, v] of Object.entries(data)) {
    if (Object.prototype.hasOwnProperty.call(def.schema.properties, k)) out[k] = v;
    else dropped = true;
  }
  return { data: out, dropped };
}

function SectionTitle({ n, title, extra }: { n: number; title: string; extra?: React.ReactNode }) {
  return (
    <div className="app-step-title">
      <span className="app-step-no" aria-hidden>
        {n}
      </span>
      <h2>{title}</h2>
      {extra && <span className="app-step-extra">{extra}</span>}
    </div>
  );
}

/** 在线办理: the item's form with prefilled values, its materials, an optional receiving window; autosaved; filed once. */
export default function ApplyPage() {
  const { itemId = '' } = useParams();
  const me = useMe();
  // another identity (acting for an enterprise) has its own prefill and draft: start again
  return <ApplyLoader key={`${itemId}|${me.actingFor?.uscc ?? ''}`} itemId={itemId} />;
}

function ApplyLoader({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const data = useAsync((signal) => load(itemId, signal), [itemId]);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [itemId]);

  if (data.error instanceof ApiError && data.error.status === 404) {
    return <NotFoundResult title={t('applicationsHall.apply.notPublished')} backTo="/services" backText={t('applicationsHall.apply.backToServices')} />;
  }
  if (data.error) return <AppErrorAlert error={data.error} title={t('applicationsHall.apply.loadFailed')} onRetry={data.reload} />;
  if (!data.data) {
    return (
      <div className="app-page" aria-busy="true">
        <Card className="app-block">
          <Skeleton active title={{ width: '40%' }} paragraph={{ rows: 2 }} />
        </Card>
        <Card className="app-block">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </div>
    );
  }
  return <ApplyEditor itemId={itemId} loaded={data.data} />;
}

function ApplyEditor({ itemId, loaded }: { itemId: string; loaded: Loaded }) {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { item: detail, prefill, prefillError, draft, usable } = loaded;
  const usableByKey = useMemo(() => Object.fromEntries((usable?.materials ?? []).map((m) => [m.key, m.licences])), [usable]);
  const { item, guide } = detail;
  const deptLookup = useDepartmentName(item.department.id);
  const [receiving, setReceiving] = useState<string | undefined>(draft?.receivingDepartmentId ?? undefined);
  const receivingName = useDepartmentName(receiving);
  const deptName = deptLookup === item.department.id ? item.department.name : deptLookup;
  const def: FormDefinition | null = prefill ? prefill.form : guide.form ?? null;
  const pf = useMemo(() => usablePrefill(prefill?.prefill, def), [prefill, def]);
  const materials = guide.materials;

  // the starting point: the draft where it still fits the guide, the registry's values filled in
  const start = useMemo(() => {
    const f = keepKnownFields(def, draft?.form);
    const m = initialMaterials(materials, parseMaterialAnswers(draft?.materials), usableByKey);
    return { form: def ? applyPrefill(def, f.data, pf) : {}, materials: m.state, dropped: f.dropped || m.dropped };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const [form, setForm] = useState<Record<string, unknown>>(start.form);
  const { mats, setMats, uploading, setUploadingKey, serverMatErrors, setServerMatErrors, changeMaterial: editMaterial } = useMaterialsEditing(start.materials);
  const [attempted, setAttempted] = useState(false);
  const [formErrors, setFormErrors] = useState<SchemaFormError[] | undefined>(undefined);
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const [receivingError, setReceivingError] = useState<string | undefined>(undefined);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [problemCount, setProblemCount] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [restoredNote, setRestoredNote] = useState(!!draft);
  const formRef = useRef<SchemaFormHandle>(null);
  // one key for this page: a retried click (or a reply lost on the way) cannot file two cases
  const idempotencyKey = useRef(newIdempotencyKey());

  const stateRef = useRef({ form, mats, receiving });
  stateRef.current = { form, mats, receiving };
  const payload = useCallback(
    () => ({ form: stateRef.current.form, materials: draftAnswers(materials, stateRef.current.mats), receivingDepartmentId: stateRef.current.receiving ?? null }),
    [materials],
  );
  const autosave = useDraftAutosave(itemId, payload, me.csrfToken, draft?.updatedAt ?? null);

  const mismatch = applicantMismatch(me, guide.serviceObjects);
  const [serverMismatch, setServerMismatch] = useState(false);
  const canApply = guide.onlineDepth >= 2;
  const showReceiving = guide.tongbanScope !== 'none';

  // a warning before leaving while a file is still uploading
  useEffect(() => {
    if (!uploading.size) return;
    const h = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [uploading.size]);

  useEffect(() => {
    document.title = `${t('applicationsHall.apply.title')} · ${item.name} · ${t('app.portal')}`;
  }, [item.name, t]);

  const clientMatErrors = attempted ? checkMaterialAnswers(materials, mats, uploading) : {};
  const matErrors = { ...clientMatErrors, ...serverMatErrors };

  function changeForm(next: Record<string, unknown>) {
    setForm(next);
    autosave.schedule();
  }

  function changeMaterial(key: string, next: MaterialState) {
    editMaterial(key, next);
    autosave.schedule();
  }

  async function discard() {
    await autosave.block();
    try {
      await applicationsApi.deleteDraft(itemId).catch((e) => {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
      });
      const fresh = initialMaterials(materials, [], usableByKey);
      setForm(def ? applyPrefill(def, {}, pf) : {});
      setMats(fresh.state);
      setReceiving(undefined);
      setAttempted(false);
      setFormErrors(undefined);
      setServerMatErrors({});
      setGeneralErrors([]);
      setRestoredNote(false);
      autosave.reset();
      message.success(t('applicationsHall.apply.discarded'));
    } catch (e) {
      message.error(appErrorText(e));
    } finally {
      autosave.unblock();
    }
  }

  function scrollToId(id: string) {
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  async function submit() {
    setSubmitError(null);
    setGeneralErrors([]);
    setReceivingError(undefined);
    setAttempted(true);
    const fErrs = def && formRef.current ? formRef.current.validate() : [];
    const mErrs = checkMaterialAnswers(materials, mats, uploading);
    const mKeys = Object.keys(mErrs);
    if (fErrs.length || mKeys.length) {
      setProblemCount(fErrs.length + mKeys.length);
      if (!fErrs.length) scrollToId(`material-${materials.find((m) => mErrs[m.key])?.key}`);
      return;
    }
    setProblemCount(0);
    setSubmitting(true);
    await autosave.block(); // no draft save may land after the filing (which removes the draft)
    const answers = filedAnswers(materials, mats);
    const sentKeys = answers.map((a) => a.key);
    try {
      const r = await applicationsApi.submit(
        { itemId, form: def ? form : {}, materials: answers, ...(receiving ? { receivingDepartmentId: receiving } : {}) },
        idempotencyKey.current,
        me.csrfToken,
      );
      autosave.reset();
      notifyNotificationsChanged();
      message.success(t('applicationsHall.apply.submitted', { caseNumber: r.case.caseNumber }));
      navigate(`/hall/cases/${encodeURIComponent(r.case.id)}`, { replace: true });
    } catch (e) {
      setSubmitting(false);
      autosave.unblock();
      if (!(e instanceof ApiError)) {
        setSubmitError(e);
        return;
      }
      if (e.code === 'applications.wrong_applicant') {
        setServerMismatch(true);
        window.scrollTo({ top: 0, behavior: 'smooth' });
        return;
      }
      const problems = e.fieldProblems;
      const fe: SchemaFormError[] = problems
        .filter((p) => p.field.startsWith('form.') || p.field.startsWith('/form/'))
        .map((p) => ({ field: p.field.replace(/^\/?form[./]/, ''), message: p.reason, code: (p as { code?: string }).code }));
      const me2 = serverMaterialErrors(e, materials, sentKeys);
      const rec = problems.find((p) => p.field.replace(/^\//, '') === 'receivingDepartmentId');
      if (rec || e.code === 'applications.unknown_department') setReceivingError(appErrorText(e));
      if (fe.length) setFormErrors(fe);
      if (Object.keys(me2.byKey).length) setServerMatErrors(me2.byKey);
      if (me2.general.length) setGeneralErrors(me2.general);
      const placed = fe.length + Object.keys(me2.byKey).length + me2.general.length + (rec ? 1 : 0);
      if (placed) {
        setProblemCount(placed);
        if (fe.length) formRef.current?.focus(fe[0].field);
        else if (Object.keys(me2.byKey).length) scrollToId(`material-${materials.find((m) => me2.byKey[m.key])?.key}`);
        return;
      }
      setSubmitError(e);
    }
  }

  const keyReused = submitError instanceof ApiError && submitError.code === 'applications.idempotency_key_reused';
  const reusedCaseId = keyReused ? ((submitError as ApiError).details as { caseId?: string } | null)?.caseId : undefined;
  const showMismatch = mismatch ?? (serverMismatch ? (me.actingFor ? 'needs_person' : 'needs_enterprise') : null);
  const title = (lang === 'en' && detail.basic.nameEn) || item.name;

  return (
    <div className="app-page app-apply" data-testid="apply-page">
      <Breadcrumb
        className="app-breadcrumb"
        items={[
          { title: <Link to="/hall">{t('applicationsHall.breadcrumb.hall')}</Link> },
          { title: <Link to="/services">{t('applicationsHall.breadcrumb.services')}</Link> },
          { title: <Link to={`/services/items/${encodeURIComponent(item.id)}`}>{title}</Link> },
          { title: t('applicationsHall.breadcrumb.apply') },
        ]}
      />

      <header className="app-head">
        <div className="app-head-main">
          <div className="app-head-kicker">{t('applicationsHall.apply.title')}</div>
          <h1 className="app-head-title" data-testid="apply-title">
            {title}
          </h1>
          {lang === 'en' && detail.basic.nameEn && <div className="tb-muted">{item.name}</div>}
          <div className="app-head-meta">
            <span>
              <TeamOutlined aria-hidden /> {t('applicationsHall.apply.department')}
              {colon()}
              {deptName}
            </span>
            <span>
              <ClockCircleOutlined aria-hidden /> {t('applicationsHall.apply.promised')}
              {colon()}
              {timeLimitText(guide.promisedTimeLimit)}
            </span>
            <Link to={`/services/items/${encodeURIComponent(item.id)}`}>
              <FileTextOutlined aria-hidden /> {t('applicationsHall.apply.guideLink')}
            </Link>
          </div>
        </div>
        <div className="app-head-side">
          <DraftStatus autosave={autosave} />
          {(draft || autosave.savedAt) && (
            <Popconfirm title={t('applicationsHall.apply.discardTitle')} description={t('applicationsHall.apply.discardDesc')} onConfirm={() => void discard()} okButtonProps={{ danger: true }}>
              <Button size="small" type="text" icon={<DeleteOutlined />} data-testid="draft-discard">
                {t('applicationsHall.apply.discardDraft')}
              </Button>
            </Popconfirm>
          )}
        </div>
      </header>

      {restoredNote && draft && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setRestoredNote(false) }}
          className="app-block"
          data-testid="draft-restored"
          title={t('applicationsHall.apply.draftRestored', { date: fmtDateTime(draft.updatedAt) })}
          description={
            draft.itemVersion !== detail.version.version || start.dropped ? (
              <>
                {draft.itemVersion !== detail.version.version && <div>{t('applicationsHall.apply.draftOutdated', { from: draft.itemVersion, to: detail.version.version })}</div>}
                {start.dropped && <div>{t('applicationsHall.apply.draftDropped')}</div>}
              </>
            ) : undefined
          }
        />
      )}

      {!canApply && <Alert type="warning" showIcon className="app-block" title={t('applicationsHall.apply.notOnline')} />}
      {showMismatch && <ApplicantCheck me={me} mismatch={showMismatch} />}
      {me.actingFor && !showMismatch && (
        <Alert type="info" showIcon icon={<AuditOutlined />} className="app-block" data-testid="apply-acting" title={t('applicationsHall.apply.actingAs', { name: me.actingFor.name })} />
      )}
      {prefillError ? <AppErrorAlert error={prefillError} /> : null}

      <section className="app-section" aria-labelledby="apply-form">
        <SectionTitle n={1} title={t('applicationsHall.apply.step1')} />
        {def ? (
          <>
            <p className="app-section-intro tb-muted" id="apply-form">
              {t('applicationsHall.apply.formIntro')}
            </p>
            <SchemaForm ref={formRef} definition={def} value={form} onChange={changeForm} prefill={pf} errors={formErrors} lang={lang} />
          </>
        ) : (
          <Alert type="info" showIcon data-testid="apply-no-form" title={t('applicationsHall.apply.noFormTitle')} description={t('applicationsHall.apply.noForm')} />
        )}
      </section>

      <section className="app-section" aria-labelledby="apply-materials">
        <SectionTitle n={2} title={t('applicationsHall.apply.step2')} />
        <Card className="app-card" id="apply-materials">
          {generalErrors.map((g, i) => (
            <Alert key={i} type="error" showIcon title={g} className="app-block" />
          ))}
          <MaterialsEditor materials={materials} value={mats} onChange={changeMaterial} errors={matErrors} onUploadingChange={setUploadingKey} csrf={me.csrfToken} usable={usableByKey} holder={usable?.holder} />
        </Card>
      </section>

      {showReceiving && (
        <section className="app-section">
          <SectionTitle n={3} title={t('applicationsHall.apply.step3')} extra={<Tag>{t('applicationsHall.receiving.optional')}</Tag>} />
          <Collapse
            className="app-receiving-collapse"
            data-testid="receiving-collapse"
            defaultActiveKey={[]}
            items={[
              {
                key: 'receiving',
                label: receiving ? t('applicationsHall.receiving.toggleChosen', { name: receivingName }) : t('applicationsHall.receiving.toggle'),
                children: <ReceivingPicker value={receiving} onChange={(v) => (setReceiving(v), setReceivingError(undefined), autosave.schedule())} excludeId={item.department.id} error={receivingError} />,
              },
            ]}
          />
        </section>
      )}

      <div className="app-submit-bar" data-testid="apply-submit-bar">
        <div className="app-submit-inner">
          <div className="app-submit-info">
            {problemCount > 0 ? (
              <span className="app-submit-problems" role="alert" data-testid="apply-problems">
                {t('applicationsHall.apply.fixProblems', { count: problemCount })}
              </span>
            ) : uploading.size > 0 ? (
              <span className="tb-muted">{t('applicationsHall.apply.uploadsPending')}</span>
            ) : (
              <span className="tb-muted">{t('applicationsHall.apply.submitHint', { department: deptName })}</span>
            )}
          </div>
          <Space>
            <Button icon={<SaveOutlined />} onClick={() => void autosave.saveNow()} disabled={submitting} data-testid="draft-save">
              {t('applicationsHall.apply.saveNow')}
            </Button>
            <Tooltip title={showMismatch ? (showMismatch === 'needs_person' ? t('applicationsHall.apply.wrongApplicantPerson') : t('applicationsHall.apply.wrongApplicantEnterprise')) : undefined}>
              <Button
                type="primary"
                size="large"
                icon={<SendOutlined />}
                loading={submitting}
                disabled={!canApply || !!showMismatch || uploading.size > 0}
                onClick={() => void submit()}
                data-testid="apply-submit"
              >
                {submitting ? t('applicationsHall.apply.submitting') : t('applicationsHall.apply.submit')}
              </Button>
            </Tooltip>
          </Space>
        </div>
        {submitError ? (
          <div className="app-submit-error">
            {keyReused ? (
              <Alert
                type="warning"
                showIcon
                title={t('applicationsHall.apply.keyReused')}
                action={
                  <Space>
                    {reusedCaseId && (
                      <Link to={`/hall/cases/${encodeURIComponent(reusedCaseId)}`}>
                        <Button size="small">{t('applicationsHall.apply.keyReusedLink')}</Button>
                      </Link>
                    )}
                    <Button size="small" onClick={() => window.location.reload()}>
                      {t('applicationsHall.apply.reloadPage')}
                    </Button>
                  </Space>
                }
              />
            ) : (
              <AppErrorAlert error={submitError} title={t('applicationsHall.apply.submitFailed')} testId="apply-error" />
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
