import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Badge, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { CloudUploadOutlined, EditOutlined, ExportOutlined, HistoryOutlined, PlusOutlined, RollbackOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, type Department } from '../../../api';
import { hasRole, useMe } from '../../../auth';
import { currentLang } from '../../../i18n';
import { getDepartment } from '../../../lib/departments';
import { fmtDateTime } from '../../../lib/format';
import { PageHead } from '../../../components/PageHead';
import { catalogAdminApi, type BasicItem, type CatalogVocab, type Guide, type ItemDetail, type Material } from './adminApi';
import { ListEditor, textRules, TimeLimitFields } from './fields';
import { allMaterialProblems, approxDays, emptyGuide, fill, fromFormValues, msgs, pathLabel, serverProblems, TAB_OF, TABS, toFormValues, type NamePath, type Problem, type TabKey } from './guideModel';
import { GuideView } from './GuideView';
import { MaterialDrawer, MaterialsTable } from './MaterialEditor';
import { editPath, historyPath, publicGuidePath, viewPath } from './paths';
import { CatalogErrorAlert, catalogErrorText, DeptName, FileField, itemName, itemTypeName, RegionName, StatusTag, useVocab, vname, vocabOptions } from './ui';
import { useUnsavedGuard } from './useUnsavedGuard';
import './catalog-admin.css';

type Mode = 'edit' | 'view' | 'new';
type FormGuide = Omit<Guide, 'materials'>;

/** /admin/catalog/items/:id/versions/:version[/edit] and /admin/catalog/items/new?basic=&department= */
export default function EditorPage({ mode }: { mode: Mode }) {
  const { id, version } = useParams();
  const [sp] = useSearchParams();
  const key = mode === 'new' ? `new:${sp.get('basic')}:${sp.get('department')}` : `${id}:${version}:${mode}`;
  return <Editor key={key} mode={mode} id={id ?? ''} version={Number(version)} basicCode={sp.get('basic') ?? ''} departmentId={sp.get('department') ?? ''} />;
}

const samePath = (a: NamePath, b: NamePath) => a.length === b.length && a.every((x, i) => x === b[i]);

function dedupe(ps: Problem[]): Problem[] {
  const out: Problem[] = [];
  for (const p of ps) if (!out.some((o) => samePath(o.name, p.name) && o.message === p.message)) out.push(p);
  return out;
}

function Editor({ mode, id, version, basicCode, departmentId }: { mode: Mode; id: string; version: number; basicCode: string; departmentId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const vocab = useVocab();
  const [form] = Form.useForm<FormGuide>();

  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [newCtx, setNewCtx] = useState<{ basic: BasicItem; department: Department } | null>(null);
  const [initial, setInitial] = useState<FormGuide | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [materials, setMaterials] = useState<Material[]>([]);
  const [changeNote, setChangeNote] = useState('');
  const [changeNoteError, setChangeNoteError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [clientProblems, setClientProblems] = useState<Problem[]>([]);
  const [srvProblems, setSrvProblems] = useState<Problem[]>([]);
  const [tab, setTab] = useState<TabKey>('basic');
  const [drawer, setDrawer] = useState<{ index: number | 'new'; focus?: NamePath } | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | 'withdraw' | 'newVersion' | null>(null);
  const guard = useUnsavedGuard(dirty);
  const problemsRef = useRef<HTMLDivElement>(null);

  const isPlatformAdmin = hasRole(me, 'platform_admin');
  const itemDept = detail?.item.department.id ?? newCtx?.department.id;
  const canEdit = isPlatformAdmin || (hasRole(me, 'department_admin') && !!itemDept && itemDept === me.department?.id);
  const status = detail?.version.status ?? 'draft';
  const readOnly = mode === 'view' || status !== 'draft' || !canEdit;

  // ---------------------------------------------------------------------------------------------------------
  // Loading

  const applyDetail = useCallback((d: ItemDetail) => {
    const { materials: ms, ...rest } = toFormValues(d.guide);
    setDetail(d);
    setInitial(rest);
    setMaterials(ms);
    setChangeNote(d.version.changeNote ?? '');
    setChangeNoteError(null);
    setFormKey((k) => k + 1);
    setDirty(false);
    setAttempted(false);
    setClientProblems([]);
    setSrvProblems([]);
  }, []);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      if (mode === 'new') {
        const [basic, department] = await Promise.all([catalogAdminApi.basicItem(basicCode), getDepartment(departmentId)]);
        const g = emptyGuide();
        g.consultation = { phone: department.phone, address: department.address };
        g.complaint = { phone: department.phone };
        g.places = [{ name: department.name, address: department.address, hours: '' }];
        const { materials: ms, ...rest } = g;
        setNewCtx({ basic, department });
        setInitial(rest);
        setMaterials(ms);
        setFormKey((k) => k + 1);
      } else {
        applyDetail(await catalogAdminApi.version(id, version));
      }
    } catch (err) {
      setLoadError(err);
    }
  }, [mode, id, version, basicCode, departmentId, applyDetail]);

  useEffect(() => {
    void load();
  }, [load]);

  // a (re)loaded guide replaces what the form holds: the form instance outlives the remount and would keep old values
  const editable = mode !== 'view' && (detail?.version.status ?? 'draft') === 'draft';
  useEffect(() => {
    if (formKey > 0 && editable) form.resetFields();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formKey]);

  // ---------------------------------------------------------------------------------------------------------
  // Problems (client checks, server details) and jumping to them

  const problems = useMemo(() => dedupe([...clientProblems, ...srvProblems]), [clientProblems, srvProblems]);
  const materialProblemsOf = (i: number | 'new') => (typeof i === 'number' ? problems.filter((p) => p.name[0] === 'materials' && p.name[1] === i).map((p) => ({ ...p, name: p.name.slice(2) })) : []);
  const tabProblemCount = (k: TabKey) => problems.filter((p) => (TAB_OF[String(p.name[0])] ?? 'basic') === k).length;

  /** Every problem the client can see; `quiet` checks without touching the fields' shown errors (server ones stay). */
  const checkAll = useCallback(async (quiet = false): Promise<Problem[]> => {
    const out: Problem[] = [];
    try {
      if (quiet) await form.validateFields({ validateOnly: true, recursive: true });
      else await form.validateFields({ recursive: true });
    } catch (e) {
      const fields = (e as { errorFields?: Array<{ name: NamePath; errors: string[] }> }).errorFields;
      if (!fields) throw e;
      for (const f of fields) out.push({ name: f.name, message: f.errors[0] });
    }
    out.push(...allMaterialProblems(materials));
    return out;
  }, [form, materials]);

  // after a failed save, keep the list of problems current while the user fixes them
  const recheckTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleRecheck = useCallback(() => {
    if (!attempted) return;
    if (recheckTimer.current) clearTimeout(recheckTimer.current);
    recheckTimer.current = setTimeout(() => {
      void checkAll(true)
        .then((ps) => {
          setClientProblems(ps);
          // a server problem stays listed while its field still shows it
          setSrvProblems((old) => old.filter((p) => p.name[0] === 'materials' || p.name[0] === 'changeNote' || form.getFieldError(p.name as never).length > 0));
        })
        .catch(() => undefined);
    }, 350);
  }, [attempted, checkAll, form]);
  useEffect(() => scheduleRecheck(), [materials, scheduleRecheck]);

  function jumpTo(p: Problem) {
    const top = String(p.name[0] ?? '');
    if (top === 'changeNote') {
      document.getElementById('tb-cat-change-note')?.focus();
      return;
    }
    const k = (TAB_OF[top] ?? 'basic') as TabKey;
    setTab(k);
    if (top === 'materials' && typeof p.name[1] === 'number' && p.name[1] < materials.length) {
      setDrawer({ index: p.name[1], focus: p.name.slice(2) });
      return;
    }
    setTimeout(() => {
      try {
        form.scrollToField(p.name as never, { block: 'center', focus: true });
      } catch {
        /* not a field of its own */
      }
    }, 80);
  }

  function showProblems(ps: Problem[]) {
    setTimeout(() => problemsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 30);
    if (ps[0]) {
      const k = (TAB_OF[String(ps[0].name[0])] ?? tab) as TabKey;
      setTab(k);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Save, submit, withdraw, new version

  const collectGuide = (): Guide => fromFormValues({ ...(form.getFieldsValue(true) as FormGuide), materials });

  async function reloadAfter(note?: string) {
    guard.allow();
    await load();
    if (note) message.info(note);
  }

  function handleSaveError(err: unknown) {
    if (err instanceof ApiError && err.code === 'catalog.edit_conflict') {
      modal.confirm({
        title: t('catalogAdmin.editor.conflictTitle'),
        content: t('catalogAdmin.editor.conflictBody', { when: fmtDateTime((err.details as { updatedAt?: string } | null)?.updatedAt ?? null) }),
        okText: t('catalogAdmin.editor.conflictReload'),
        okButtonProps: { 'data-testid': 'editor-conflict-reload' },
        cancelText: t('catalogAdmin.editor.stay'),
        onOk: () => reloadAfter(),
      });
      return;
    }
    if (err instanceof ApiError && err.code === 'catalog.version_immutable') {
      modal.warning({ title: t('catalogAdmin.editor.immutable'), onOk: () => reloadAfter() });
      return;
    }
    const ps = serverProblems(err);
    if (ps.length) {
      const fieldPs = ps.filter((p) => p.name[0] !== 'materials' && p.name[0] !== 'changeNote' && p.name.length > 0);
      if (fieldPs.length) form.setFields(fieldPs.map((p) => ({ name: p.name as never, errors: [p.message] })));
      const note = ps.find((p) => p.name[0] === 'changeNote');
      if (note) setChangeNoteError(note.message);
      setSrvProblems(ps);
      setAttempted(true);
      showProblems(ps);
      message.error(t('catalogAdmin.editor.serverRejected'));
      return;
    }
    message.error(catalogErrorText(err));
  }

  async function save(): Promise<boolean> {
    if (readOnly) return false;
    setAttempted(true);
    setSrvProblems([]);
    const ps = await checkAll();
    setClientProblems(ps);
    if (ps.length) {
      showProblems(ps);
      message.error(t('catalogAdmin.editor.fixFirst'));
      return false;
    }
    setBusy('save');
    try {
      const guide = collectGuide();
      const note = changeNote.trim() || undefined;
      if (mode === 'new') {
        const d = await catalogAdminApi.createItem({ basicCode, departmentId, guide, ...(note ? { changeNote: note } : {}) });
        message.success(t('catalogAdmin.editor.created'));
        guard.allow();
        setDirty(false);
        navigate(editPath(d.item.id, d.version.version), { replace: true });
        return true;
      }
      const d = await catalogAdminApi.saveVersion(id, version, { guide, ...(note ? { changeNote: note } : {}), expectedUpdatedAt: detail?.version.updatedAt });
      setDetail(d);
      setMaterials(toFormValues(d.guide).materials);
      setDirty(false);
      setAttempted(false);
      setClientProblems([]);
      message.success(t('catalogAdmin.editor.saved'));
      return true;
    } catch (err) {
      handleSaveError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function submit() {
    if (!detail) return;
    if (dirty && !(await save())) return;
    modal.confirm({
      title: t('catalogAdmin.editor.submitConfirmTitle'),
      content: t('catalogAdmin.editor.submitConfirm', { n: detail.version.version }),
      okText: t('catalogAdmin.editor.submit'),
      okButtonProps: { 'data-testid': 'editor-submit-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy('submit');
        try {
          await catalogAdminApi.submit(id, version);
          message.success(t('catalogAdmin.editor.submitted'));
          await reloadAfter();
        } catch (err) {
          message.error(catalogErrorText(err));
        } finally {
          setBusy(null);
        }
      },
    });
  }

  async function withdraw() {
    setBusy('withdraw');
    try {
      await catalogAdminApi.withdraw(id, version);
      message.success(t('catalogAdmin.editor.withdrawn'));
      if (mode === 'view') navigate(editPath(id, version));
      else await reloadAfter();
    } catch (err) {
      message.error(catalogErrorText(err));
    } finally {
      setBusy(null);
    }
  }

  async function newVersion() {
    setBusy('newVersion');
    try {
      const d = await catalogAdminApi.newVersion(id);
      message.success(t('catalogAdmin.manage.newDraftCreated', { n: d.version.version }));
      navigate(editPath(id, d.version.version));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'catalog.open_draft_exists' && detail) {
        navigate(editPath(id, detail.item.latestVersion));
        return;
      }
      message.error(catalogErrorText(err));
    } finally {
      setBusy(null);
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  if (loadError) {
    return (
      <>
        <PageHead title={mode === 'new' ? t('catalogAdmin.editor.titleNew') : t('catalogAdmin.editor.title')} />
        <CatalogErrorAlert error={loadError} onRetry={() => void load()} />
        <Link to="/admin/catalog">{t('catalogAdmin.common.back')}</Link>
      </>
    );
  }
  if (!initial || (mode !== 'new' && !detail) || (mode === 'new' && !newCtx)) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const name = detail ? itemName(detail.item) : itemName(newCtx!.basic);
  const lang = currentLang();
  const v = detail?.version;
  const openDraftVersion = detail && detail.item.latestVersion > detail.version.version && (detail.item.latestStatus === 'draft' || detail.item.latestStatus === 'submitted') ? detail.item.latestVersion : null;

  const banner = (() => {
    if (!detail || !v) return null;
    if (!canEdit && mode !== 'view') return <Alert type="info" showIcon title={t('catalogAdmin.editor.readOnlyOther')} />;
    if (v.status === 'published' || v.status === 'retired') {
      return (
        <Alert
          type={v.status === 'published' ? 'info' : 'warning'}
          showIcon
          data-testid="editor-readonly-banner"
          title={v.status === 'published' ? t('catalogAdmin.editor.readOnlyPublished') : t('catalogAdmin.editor.readOnlyRetired')}
          action={
            canEdit &&
            !detail.item.retired &&
            (openDraftVersion ? (
              <Button size="small" type="primary" onClick={() => navigate(editPath(id, openDraftVersion))}>
                {t('catalogAdmin.manage.continueEdit')} · {t('catalogAdmin.common.vN', { n: openDraftVersion })}
              </Button>
            ) : (
              <Button size="small" type="primary" icon={<PlusOutlined />} loading={busy === 'newVersion'} onClick={() => void newVersion()} data-testid="editor-new-version">
                {t('catalogAdmin.editor.newVersion')}
              </Button>
            ))
          }
        />
      );
    }
    if (v.status === 'submitted') {
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="editor-readonly-banner"
          title={t('catalogAdmin.editor.readOnlySubmitted')}
          action={
            canEdit && (
              <Button size="small" icon={<RollbackOutlined />} loading={busy === 'withdraw'} onClick={() => void withdraw()} data-testid="editor-withdraw">
                {t('catalogAdmin.editor.withdraw')}
              </Button>
            )
          }
        />
      );
    }
    if (mode === 'view' && canEdit) {
      return (
        <Alert
          type="info"
          showIcon
          title={t('catalogAdmin.editor.titleView')}
          action={
            <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => navigate(editPath(id, version))}>
              {t('catalogAdmin.manage.continueEdit')}
            </Button>
          }
        />
      );
    }
    return null;
  })();

  const tabLabel = (k: TabKey) => {
    const n = tabProblemCount(k);
    const text = t(`catalogAdmin.editor.tabs.${k}`);
    return (
      <span data-testid={`editor-tab-${k}`}>
        {n > 0 ? (
          <Badge count={n} size="small" offset={[6, -4]}>
            <span style={{ color: '#c8161d' }}>{text}</span>
          </Badge>
        ) : (
          text
        )}
        {k === 'materials' && n === 0 && <span className="tb-muted"> ({materials.length})</span>}
      </span>
    );
  };

  const panes: Record<TabKey, React.ReactNode> = {
    basic: <BasicTab vocab={vocab.data} readOnly={readOnly} />,
    conditions: <ConditionsTab readOnly={readOnly} />,
    timing: <TimingTab />,
    materials: (
      <MaterialsTable
        materials={materials}
        readOnly={readOnly}
        problems={problems}
        onOpen={(index) => setDrawer({ index })}
        onChange={(ms) => {
          setMaterials(ms);
          setSrvProblems((old) => old.filter((p) => p.name[0] !== 'materials'));
          setDirty(true);
        }}
      />
    ),
    process: <ProcessTab readOnly={readOnly} />,
    places: <PlacesTab readOnly={readOnly} />,
    fees: <FeesTab readOnly={readOnly} />,
    delivery: <DeliveryTab vocab={vocab.data} />,
    result: <ResultTab readOnly={readOnly} />,
    faq: <FaqTab readOnly={readOnly} />,
  };

  return (
    <div data-testid="item-editor" data-mode={readOnly ? 'readonly' : 'edit'} data-status={status}>
      <PageHead
        title={name}
        documentTitle
        intro={
          <div className="tb-cat-editor-meta">
            <span>
              {v ? (
                <Space size={4}>
                  <Tag className="tb-mono" style={{ marginInlineEnd: 0 }}>
                    {t('catalogAdmin.common.vN', { n: v.version })}
                  </Tag>
                  <StatusTag status={v.status} testId="editor-status" />
                </Space>
              ) : (
                <Tag color="blue">{t('catalogAdmin.common.newItem')}</Tag>
              )}
            </span>
            <span>
              {t('catalogAdmin.common.basicCode')}: <span className="tb-mono">{detail?.basic.code ?? newCtx!.basic.code}</span>
            </span>
            {detail && (
              <span>
                {t('catalogAdmin.common.implementationCode')}: <span className="tb-mono">{detail.item.implementationCode}</span>
              </span>
            )}
            <span>
              {t('catalogAdmin.common.department')}: {detail ? <DeptName dept={detail.item.department} /> : lang === 'en' && newCtx!.department.nameEn ? newCtx!.department.nameEn : newCtx!.department.name}
            </span>
            {detail && (
              <span>
                {t('catalogAdmin.common.region')}: <RegionName code={detail.item.regionCode} fallback={detail.item.regionName} />
              </span>
            )}
            <span>
              {t('catalogAdmin.common.itemType')}: {itemTypeName(vocab.data, detail?.basic.itemType ?? newCtx!.basic.itemType)}
            </span>
          </div>
        }
        extra={
          <Space wrap>
            {detail && (
              <Button icon={<HistoryOutlined />} onClick={() => navigate(historyPath(id))} data-testid="editor-history">
                {t('catalogAdmin.editor.history')}
              </Button>
            )}
            {detail?.item.publishedVersion && !detail.item.retired && (
              <Button icon={<ExportOutlined />} href={publicGuidePath(id)} target="_blank">
                {t('catalogAdmin.common.publicPage')}
              </Button>
            )}
          </Space>
        }
      />

      <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 12 }}>
        {banner}
        {v?.status === 'draft' && v.reviewComment && (
          <Alert type="error" showIcon icon={<WarningOutlined />} data-testid="editor-review-comment" title={t('catalogAdmin.editor.reviewRejected', { comment: v.reviewComment })} description={v.reviewedBy ? t('catalogAdmin.editor.reviewRejectedBy', { who: v.reviewedBy, when: fmtDateTime(v.reviewedAt) }) : undefined} />
        )}
        {problems.length > 0 && !readOnly && (
          <div ref={problemsRef}>
            <Alert
              type="error"
              showIcon
              className="tb-cat-problems"
              data-testid="editor-problems"
              title={t('catalogAdmin.editor.problemsTitle', { count: problems.length })}
              description={
                <>
                  <Typography.Text type="secondary">{t('catalogAdmin.editor.problemsHint')}</Typography.Text>
                  <ul>
                    {problems.map((p, i) => (
                      <li key={i}>
                        <a onClick={() => jumpTo(p)} data-testid="editor-problem">
                          {p.name.length ? pathLabel(p.name) : t('catalogAdmin.editor.title')}
                        </a>
                        {lang === 'en' ? ': ' : '：'}
                        {p.message}
                      </li>
                    ))}
                  </ul>
                </>
              }
            />
          </div>
        )}
      </Space>

      <Card styles={{ body: { paddingTop: 8 } }}>
        {v && (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 8 }}
            items={[
              { key: 'c', label: t('catalogAdmin.versions.created'), children: t('catalogAdmin.common.by', { who: v.createdBy, when: fmtDateTime(v.createdAt) }) },
              { key: 'u', label: t('catalogAdmin.common.updatedAt'), children: fmtDateTime(v.updatedAt) },
              ...(v.submittedAt ? [{ key: 's', label: t('catalogAdmin.versions.submitted'), children: t('catalogAdmin.common.by', { who: v.submittedBy ?? '—', when: fmtDateTime(v.submittedAt) }) }] : []),
              ...(v.publishedAt ? [{ key: 'p', label: t('catalogAdmin.versions.published'), children: fmtDateTime(v.publishedAt) }] : []),
            ]}
          />
        )}
        <Form.Item
          label={t('catalogAdmin.fields.changeNote')}
          validateStatus={changeNoteError ? 'error' : undefined}
          help={changeNoteError ?? undefined}
          layout="horizontal"
          style={{ marginBottom: 8 }}
          labelCol={{ flex: '90px' }}
        >
          {readOnly ? (
            <Typography.Text>{changeNote || t('common.none')}</Typography.Text>
          ) : (
            <Input
              id="tb-cat-change-note"
              value={changeNote}
              maxLength={300}
              showCount
              placeholder={t('catalogAdmin.editor.changeNotePlaceholder')}
              onChange={(e) => {
                setChangeNote(e.target.value);
                setChangeNoteError(null);
                setDirty(true);
              }}
              data-testid="editor-change-note"
            />
          )}
        </Form.Item>

        {readOnly && detail ? (
          <GuideView guide={detail.guide} vocab={vocab.data} />
        ) : (
        <Form<FormGuide>
          key={formKey}
          form={form}
          layout="vertical"
          initialValues={initial}
          disabled={readOnly}
          scrollToFirstError={false}
          onValuesChange={(changed) => {
            setDirty(true);
            if ('serviceObjects' in changed) {
              const objs: string[] = changed.serviceObjects ?? [];
              const themes: string[] = form.getFieldValue('themes') ?? [];
              const keep = themes.filter((th) => objs.includes(vocab.data?.themes[th]?.object ?? ''));
              if (keep.length !== themes.length) {
                form.setFieldValue('themes', keep);
                message.info(t('catalogAdmin.editor.themesRemoved'));
              }
            }
            scheduleRecheck();
          }}
        >
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as TabKey)}
            items={TABS.map((k) => ({ key: k, label: tabLabel(k), forceRender: true, children: <div style={k === 'materials' ? undefined : { maxWidth: 980 }}>{panes[k]}</div> }))}
          />
        </Form>
        )}

        {!readOnly && (
          <div className="tb-cat-sticky-bar" data-testid="editor-bar">
            <Typography.Text type={dirty ? 'warning' : 'secondary'} data-testid="editor-dirty" data-dirty={dirty ? '1' : '0'}>
              {dirty ? (
                <>
                  <WarningOutlined /> {t('catalogAdmin.editor.unsaved')}
                </>
              ) : v ? (
                t('catalogAdmin.editor.lastSaved', { when: fmtDateTime(v.updatedAt) })
              ) : null}
            </Typography.Text>
            <Space wrap>
              <Button onClick={() => navigate(mode === 'new' ? '/admin/catalog' : viewPath(id, version))}>{t('common.cancel')}</Button>
              <Button type={mode === 'new' ? 'primary' : 'default'} icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void save()} data-testid="editor-save">
                {t('catalogAdmin.editor.save')}
              </Button>
              {mode !== 'new' && (
                <Button type="primary" icon={<CloudUploadOutlined />} loading={busy === 'submit'} disabled={busy === 'save'} onClick={() => void submit()} data-testid="editor-submit">
                  {t('catalogAdmin.editor.submit')}
                </Button>
              )}
            </Space>
          </div>
        )}
      </Card>

      <MaterialDrawer
        open={!!drawer}
        index={drawer?.index ?? 'new'}
        focus={drawer?.focus}
        materials={materials}
        readOnly={readOnly}
        problems={drawer ? materialProblemsOf(drawer.index) : []}
        onClose={() => setDrawer(null)}
        onApply={(m) => {
          const idx = drawer?.index ?? 'new';
          setMaterials((old) => (idx === 'new' ? [...old, m] : old.map((x, i) => (i === idx ? m : x))));
          if (typeof idx === 'number') setSrvProblems((old) => old.filter((p) => !(p.name[0] === 'materials' && p.name[1] === idx)));
          setDirty(true);
          setDrawer(null);
        }}
      />
    </div>
  );
}

// -------------------------------------------------------------------------------------------------------------
// Tabs

const F = (k: string) => (msgs().fields as Record<string, string>)[k] ?? k;
const opt = (k: string) => fill(msgs().validation.required, { field: F(k) });

function tagsRule(max: number, maxLen: number) {
  return {
    validator: async (_: unknown, v: string[] | undefined) => {
      if ((v?.length ?? 0) > max) throw new Error(fill(msgs().validation.maxItems, { max }));
      if (v?.some((s) => s.trim().length > maxLen)) throw new Error(fill(msgs().validation.maxLength, { max: maxLen }));
    },
  };
}

function BasicTab({ vocab, readOnly }: { vocab: CatalogVocab | undefined; readOnly: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const objects: string[] = Form.useWatch('serviceObjects', form) ?? [];
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="serviceObjects" label={F('serviceObjects')} rules={[{ required: true, type: 'array', min: 1, message: t('catalogAdmin.validation.serviceObjects') }]}>
          <Checkbox.Group data-testid="editor-service-objects" options={(['person', 'enterprise'] as const).map((o) => ({ value: o, label: t(`catalogAdmin.enums.serviceObject.${o}`) }))} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="aliases" label={t('common.optionalLabel', { field: F('aliases') })} extra={t('catalogAdmin.editor.aliasesHint')} rules={[tagsRule(20, 40)]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} maxCount={20} data-testid="editor-aliases" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="themes" label={t('common.optionalLabel', { field: F('themes') })} extra={t('catalogAdmin.editor.themesHint')} rules={[tagsRule(6, 64)]}>
          <Select mode="multiple" maxCount={6} allowClear data-testid="editor-themes" options={vocabOptions(vocab?.themes, (c) => objects.includes(vocab?.themes[c]?.object ?? ''))} optionFilterProp="label" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="lifeEvents" label={t('common.optionalLabel', { field: F('lifeEvents') })} rules={[tagsRule(6, 64)]}>
          <Select mode="multiple" maxCount={6} allowClear data-testid="editor-life-events" options={vocabOptions(vocab?.lifeEvents)} optionFilterProp="label" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="summary" label={t('common.optionalLabel', { field: F('summary') })} rules={textRules(F('summary'), 300, false)}>
          <Input.TextArea rows={3} maxLength={300} showCount={!readOnly} placeholder={t('catalogAdmin.editor.summaryPlaceholder')} data-testid="editor-summary" />
        </Form.Item>
      </Col>
    </Row>
  );
}

function ConditionsTab({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="conditions" label={F('conditions')} rules={textRules(F('conditions'), 4000)}>
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={4000} showCount={!readOnly} placeholder={t('catalogAdmin.editor.conditionsPlaceholder')} data-testid="editor-conditions" />
      </Form.Item>
      <ListEditor name={['legalBasis']} title={F('legalBasis')} rowTitle={(i) => fill(msgs().paths.legalBasis, { n: i + 1 })} addLabel={t('catalogAdmin.editor.addLegalBasis')} newRow={() => ({ title: '' })} min={1} max={20} readOnly={readOnly} testId="editor-legal-basis">
        {(field) => (
          <>
            <Form.Item name={[field.name, 'title']} label={F('legalBasis.title')} rules={textRules(F('legalBasis.title'), 120)}>
              <Input maxLength={120} placeholder="《中华人民共和国食品安全法》" />
            </Form.Item>
            <Form.Item name={[field.name, 'clause']} label={t('common.optionalLabel', { field: F('legalBasis.clause') })} rules={textRules(F('legalBasis.clause'), 1000, false)}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </ListEditor>
    </>
  );
}

function TimingTab() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const legal = Form.useWatch('legalTimeLimit', form);
  const promised = Form.useWatch('promisedTimeLimit', form);
  const caseKind = Form.useWatch('caseKind', form);
  const l = approxDays(legal);
  const p = approxDays(promised);
  // same units: the field's own rule refuses it; different units: a warning (working days are roughly 7/5 days)
  const over = l !== null && p !== null && legal?.unit !== promised?.unit && p > l;
  return (
    <>
      <Alert type="info" showIcon title={t('catalogAdmin.editor.timeLimitHint')} style={{ marginBottom: 16 }} />
      <TimeLimitFields name={['legalTimeLimit']} label={F('legalTimeLimit')} testId="editor-legal-limit" />
      <TimeLimitFields
        name={['promisedTimeLimit']}
        label={F('promisedTimeLimit')}
        testId="editor-promised-limit"
        valueDependencies={[['legalTimeLimit', 'value'], ['legalTimeLimit', 'unit'], ['promisedTimeLimit', 'unit'], ['caseKind']]}
        valueRules={[
          ({ getFieldValue }) => ({
            validator: async (_, value: number | null | undefined) => {
              if (value === null || value === undefined) return;
              const lv = getFieldValue(['legalTimeLimit', 'value']);
              if (getFieldValue(['legalTimeLimit', 'unit']) === getFieldValue(['promisedTimeLimit', 'unit']) && typeof lv === 'number' && value > lv) throw new Error(t('catalogAdmin.editor.promisedOverLegalError', { n: lv }));
              if (getFieldValue('caseKind') === 'instant' && value > 1) throw new Error(t('catalogAdmin.editor.instantLimit'));
            },
          }),
        ]}
        extra={
          over ? (
            <Typography.Text type="warning" data-testid="editor-promised-warning">
              <WarningOutlined /> {t('catalogAdmin.editor.promisedOverLegal')}
            </Typography.Text>
          ) : undefined
        }
      />
      <Form.Item name="caseKind" label={F('caseKind')} rules={[{ required: true, message: fill(msgs().validation.select, { field: F('caseKind') }) }]} extra={caseKind === 'instant' ? t('catalogAdmin.editor.instantHint') : undefined}>
        <Radio.Group data-testid="editor-case-kind" optionType="button" options={(['promised', 'instant'] as const).map((k) => ({ value: k, label: t(`catalogAdmin.enums.caseKind.${k}`) }))} />
      </Form.Item>
    </>
  );
}

function ProcessTab({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <ListEditor name={['process']} rowTitle={(i) => fill(msgs().paths.step, { n: i + 1 })} addLabel={t('catalogAdmin.editor.addStep')} newRow={() => ({ name: '', description: '' })} min={1} max={20} readOnly={readOnly} testId="editor-process">
      {(field) => (
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              name={[field.name, 'name']}
              label={F('process.name')}
              rules={[
                ...textRules(F('process.name'), 40),
                ({ getFieldValue }) => ({
                  validator: async (_, v: string | undefined) => {
                    const steps: Array<{ name?: string }> = getFieldValue('process') ?? [];
                    if (v?.trim() && steps.some((s, j) => j !== field.name && s?.name?.trim() === v.trim())) throw new Error(t('catalogAdmin.editor.stepNameTaken'));
                  },
                }),
              ]}
            >
              <Input maxLength={40} placeholder="受理" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <TimeLimitFields name={[field.name, 'timeLimit']} absolute={['process', field.name, 'timeLimit']} label={t('common.optionalLabel', { field: F('process.timeLimit') })} required={false} />
          </Col>
          <Col span={24}>
            <Form.Item name={[field.name, 'description']} label={F('process.description')} rules={textRules(F('process.description'), 500)}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListEditor>
  );
}

function ContactFields({ name, title }: { name: 'consultation' | 'complaint'; title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="tb-cat-section-title">{title}</div>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'phone']} label={F('phone')} rules={textRules(F('phone'), 40)}>
            <Input maxLength={40} data-testid={`editor-${name}-phone`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[name, 'address']} label={t('common.optionalLabel', { field: F('address') })} rules={textRules(F('address'), 200, false)}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'email']} label={t('common.optionalLabel', { field: F('email') })} rules={[{ type: 'email', message: t('catalogAdmin.validation.email') }, { max: 120, message: t('catalogAdmin.validation.maxLength', { max: 120 }) }]}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[name, 'url']} label={t('common.optionalLabel', { field: F('url') })} rules={[{ pattern: /^https?:\/\//, message: t('catalogAdmin.validation.url') }, { max: 300, message: t('catalogAdmin.validation.maxLength', { max: 300 }) }]}>
            <Input maxLength={300} placeholder="https://" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function PlacesTab({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <ListEditor name={['places']} title={F('places')} rowTitle={(i) => fill(msgs().paths.place, { n: i + 1 })} addLabel={t('catalogAdmin.editor.addPlace')} newRow={() => ({ name: '', address: '', hours: '' })} min={1} max={10} readOnly={readOnly} testId="editor-places">
        {(field) => (
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name={[field.name, 'name']} label={F('places.name')} rules={textRules(F('places.name'), 100)}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={[field.name, 'phone']} label={t('common.optionalLabel', { field: F('places.phone') })} rules={textRules(F('places.phone'), 40, false)}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={[field.name, 'address']} label={F('places.address')} rules={textRules(F('places.address'), 200)}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={[field.name, 'hours']} label={F('places.hours')} rules={textRules(F('places.hours'), 200)}>
                <Input maxLength={200} placeholder={t('catalogAdmin.editor.hoursPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </ListEditor>
      <ContactFields name="consultation" title={F('consultation')} />
      <ContactFields name="complaint" title={F('complaint')} />
    </>
  );
}

function FeesTab({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const charged: boolean = Form.useWatch(['fees', 'charged'], form) ?? false;
  return (
    <>
      <Form.Item name={['fees', 'charged']} label={F('charged')} valuePropName="checked">
        <Switch checkedChildren={t('catalogAdmin.common.yes')} unCheckedChildren={t('catalogAdmin.common.no')} data-testid="editor-fees-charged" />
      </Form.Item>
      {charged ? (
        <ListEditor name={['fees', 'items']} title={F('items')} rowTitle={(i) => fill(msgs().paths.fee, { n: i + 1 })} addLabel={t('catalogAdmin.editor.addFee')} newRow={() => ({ name: '', standard: '', basis: '' })} min={1} max={20} readOnly={readOnly} testId="editor-fees">
          {(field) => (
            <Row gutter={12}>
              <Col xs={24} md={10}>
                <Form.Item name={[field.name, 'name']} label={F('items.name')} rules={textRules(F('items.name'), 100)}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={14}>
                <Form.Item name={[field.name, 'standard']} label={F('items.standard')} rules={textRules(F('items.standard'), 200)}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name={[field.name, 'basis']} label={F('items.basis')} rules={textRules(F('items.basis'), 300)}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
                </Form.Item>
              </Col>
            </Row>
          )}
        </ListEditor>
      ) : (
        <Alert type="success" showIcon title={t('catalogAdmin.editor.notCharged')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name={['fees', 'waivers']} label={t('common.optionalLabel', { field: F('waivers') })} rules={textRules(F('waivers'), 500, false)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
      </Form.Item>
    </>
  );
}

function DeliveryTab({ vocab }: { vocab: CatalogVocab | undefined }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name="visits"
          label={F('visits')}
          dependencies={['onlineDepth']}
          rules={[
            { required: true, type: 'integer', min: 0, max: 5, message: t('catalogAdmin.validation.range', { min: 0, max: 5 }) },
            ({ getFieldValue }) => ({
              validator: async (_, v: number | undefined) => {
                if (getFieldValue('onlineDepth') === 4 && v && v > 0) throw new Error(t('catalogAdmin.editor.fullyOnlineVisits'));
              },
            }),
          ]}
        >
          <InputNumber min={0} max={5} precision={0} style={{ width: '100%' }} data-testid="editor-visits" />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="onlineDepth" label={F('onlineDepth')} rules={[{ required: true, message: fill(msgs().validation.select, { field: F('onlineDepth') }) }]}>
          <Select
            data-testid="editor-online-depth"
            options={Object.entries(vocab?.onlineDepths ?? { 1: { zh: '1', en: '1' }, 2: { zh: '2', en: '2' }, 3: { zh: '3', en: '3' }, 4: { zh: '4', en: '4' } }).map(([k, v]) => ({ value: Number(k), label: vname(v, k) }))}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="onlineUrl" label={t('common.optionalLabel', { field: F('onlineUrl') })} extra={t('catalogAdmin.editor.onlineUrlHint')} rules={[{ pattern: /^(https?:\/\/|\/)/, message: t('catalogAdmin.validation.urlOrPath') }, { max: 300, message: t('catalogAdmin.validation.maxLength', { max: 300 }) }]}>
          <Input maxLength={300} placeholder="https://" data-testid="editor-online-url" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="tongbanScope" label={F('tongbanScope')} rules={[{ required: true, message: fill(msgs().validation.select, { field: F('tongbanScope') }) }]}>
          <Select data-testid="editor-tongban-scope" options={vocabOptions(vocab?.tongbanScopes)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="courier" label={F('courier')} valuePropName="checked">
          <Switch checkedChildren={t('catalogAdmin.common.yes')} unCheckedChildren={t('catalogAdmin.common.no')} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="jointUnits" label={t('common.optionalLabel', { field: F('jointUnits') })} extra={t('catalogAdmin.editor.jointUnitsHint')} rules={[tagsRule(10, 100)]}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} maxCount={10} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="intermediaryServices" label={t('common.optionalLabel', { field: F('intermediaryServices') })} rules={textRules(F('intermediaryServices'), 500, false)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function ResultTab({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const type = Form.useWatch(['result', 'type'], form);
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={['result', 'name']} label={F('result.name')} rules={textRules(F('result.name'), 100)}>
          <Input maxLength={100} data-testid="editor-result-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['result', 'type']} label={F('result.type')} rules={[{ required: true, message: opt('result.type') }]}>
          <Radio.Group optionType="button" options={(['license', 'approval_document', 'other'] as const).map((k) => ({ value: k, label: t(`catalogAdmin.enums.resultType.${k}`) }))} />
        </Form.Item>
      </Col>
      {type === 'license' && (
        <Col xs={24} md={12}>
          <Form.Item name={['result', 'licenseTypeCode']} label={F('licenseTypeCode')} extra={t('catalogAdmin.editor.licenseTypeCodeHint')} rules={textRules(F('licenseTypeCode'), 64)}>
            <Input maxLength={64} className="tb-mono" />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item name={['result', 'sample']} label={t('common.optionalLabel', { field: F('result.sample') })} extra={!readOnly ? t('catalogAdmin.editor.resultSampleHint') : undefined}>
          <FileField disabled={readOnly} testId="editor-result-sample" />
        </Form.Item>
      </Col>
    </Row>
  );
}

function FaqTab({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <ListEditor name={['faq']} rowTitle={(i) => fill(msgs().paths.faq, { n: i + 1 })} addLabel={t('catalogAdmin.editor.addFaq')} newRow={() => ({ question: '', answer: '' })} max={30} readOnly={readOnly} testId="editor-faq">
      {(field) => (
        <>
          <Form.Item name={[field.name, 'question']} label={F('question')} rules={textRules(F('question'), 200)}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name={[field.name, 'answer']} label={F('answer')} rules={textRules(F('answer'), 2000)}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </ListEditor>
  );
}
