import { useMemo, useState } from 'react';
import { App, Button, Card, Drawer, Input, Popconfirm, Segmented, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { HistoryOutlined, PlusOutlined, ReloadOutlined, SearchOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../../auth';
import { fmtDate, fmtDateTime } from '../../../lib/format';
import { useAsync } from '../../../lib/useAsync';
import { getDepartment, localDeptName, useDeptName } from '../../../lib/departments';
import { PageHead } from '../../../components/PageHead';
import { consultApi, type KbEntry } from '../api';
import { DeptPicker } from '../pickers';
import { ConsultErrorAlert, consultErrorText, PlainText } from '../ui';
import { KbEditor } from './KbEditor';

type StatusFilter = 'active' | 'retired' | 'all';

function matches(e: KbEntry, q: string): boolean {
  if (!q) return true;
  const hay = [e.code, e.question, e.answer, e.topic ?? '', ...e.alternatives, ...e.tags].join('\n').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

function Validity({ e }: { e: KbEntry }) {
  const { t } = useTranslation();
  if (!e.validFrom && !e.validTo) return <Typography.Text type="secondary">{t('consult.kb.always')}</Typography.Text>;
  return (
    <span className="tb-nowrap">
      {e.validFrom ? fmtDate(e.validFrom) : '…'} ~ {e.validTo ? fmtDate(e.validTo) : '…'}
    </span>
  );
}

/** An entry's versions, newest first, with what changed and who changed it. */
function VersionsDrawer({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const versions = useAsync((signal) => consultApi.kbVersions(code!, { signal }), [code], !!code);
  return (
    <Drawer open={!!code} onClose={onClose} size={640} title={t('consult.kb.versionsTitle', { code: code ?? '' })} destroyOnHidden>
      <ConsultErrorAlert error={versions.error} onRetry={versions.reload} />
      <Timeline
        items={(versions.data?.items ?? []).map((v) => ({
          key: v.version,
          color: v.status === 'retired' ? 'gray' : 'blue',
          content: (
            <div>
              <Space wrap>
                <Typography.Text strong>{t('consult.kb.vN', { v: v.version })}</Typography.Text>
                {v.status === 'retired' && <Tag>{t('consult.kb.retired')}</Tag>}
                <Typography.Text type="secondary">{t('consult.timeline.by', { who: v.createdBy, when: fmtDateTime(v.createdAt) })}</Typography.Text>
              </Space>
              {v.changeNote && <div className="tb-muted">{v.changeNote}</div>}
              <div className="tb-cs-version">
                <strong>{v.content.question}</strong>
                <PlainText text={v.content.answer} />
              </div>
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}

/** `/workbench/knowledge`: a department's knowledge-base entries — search, create, edit (with contradiction warnings), retire. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const me = useMe();
  const { message } = App.useApp();
  const platform = hasRole(me, 'platform_admin');
  const [deptId, setDeptId] = useState<string | undefined>(me.department?.id);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ entry: KbEntry | null } | null>(null);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const list = useAsync(() => consultApi.allKbEntries({ departmentId: deptId, status: status === 'all' ? undefined : status }), [deptId, status]);
  const dept = useAsync(() => getDepartment(deptId!), [deptId], !!deptId);
  const rows = useMemo(() => (list.data ?? []).filter((e) => matches(e, q.trim())), [list.data, q]);
  const mayEdit = (e: KbEntry | null) => platform || (hasRole(me, 'department_admin') && (!e || e.departmentId === me.department?.id));

  async function retire(e: KbEntry) {
    try {
      await consultApi.retireKbEntry(e.code);
      message.success(t('consult.kb.retiredDone', { code: e.code }));
      list.reload();
    } catch (err) {
      message.error(consultErrorText(err));
    }
  }

  return (
    <>
      <PageHead
        title={t('consult.kb.title')}
        intro={t('consult.kb.intro')}
        testId="kb-title"
        extra={
          mayEdit(null) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: null })} disabled={!deptId} data-testid="kb-new">
              {t('consult.kb.new')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap className="tb-filter-bar">
          {platform && (
            <div style={{ width: 320 }}>
              <DeptPicker value={deptId} onChange={(v) => setDeptId(v as string | undefined)} known={me.department ? [{ id: me.department.id, name: localDeptName(me.department) }] : []} placeholder={t('consult.kb.allDepartments')} testId="kb-department" />
            </div>
          )}
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'active', label: t('consult.kb.statusActive') },
              { value: 'retired', label: t('consult.kb.retired') },
              { value: 'all', label: t('common.all') },
            ]}
          />
          <Input allowClear prefix={<SearchOutlined />} placeholder={t('consult.kb.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 320 }} data-testid="kb-search" />
          <Button icon={<ReloadOutlined />} onClick={list.reload} loading={list.loading}>
            {t('consult.common.reload')}
          </Button>
          <Typography.Text type="secondary">{t('consult.kb.count', { n: rows.length, total: list.data?.length ?? 0 })}</Typography.Text>
        </Space>
        <ConsultErrorAlert error={list.error} onRetry={list.reload} />
        <Table<KbEntry>
          data-testid="kb-table"
          rowKey="code"
          loading={list.loading}
          dataSource={rows}
          size="middle"
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          expandable={{
            expandedRowRender: (e) => (
              <div className="tb-cs-kb-expand">
                <PlainText text={e.answer} />
                {e.alternatives.length > 0 && <div className="tb-muted">{t('consult.kb.alternatives')}：{e.alternatives.join(' / ')}</div>}
                <div className="tb-muted">
                  {t('consult.common.basis')}：{e.basis.map((b) => `${b.document}${b.clause ? ` ${b.clause}` : ''}`).join('；')}
                </div>
              </div>
            ),
          }}
          columns={[
            { title: t('consult.kb.code'), dataIndex: 'code', width: 170, render: (v: string) => <span className="tb-mono">{v}</span> },
            {
              title: t('consult.kb.question'),
              dataIndex: 'question',
              render: (v: string, e) => (
                <div data-testid="kb-row" data-code={e.code}>
                  <div className="tb-cs-title">{v}</div>
                  <Space size={4} wrap>
                    {e.topic && <Tag className="tb-mono">{e.topic}</Tag>}
                    {e.tags.slice(0, 4).map((x) => (
                      <Tag key={x} color="blue">
                        {x}
                      </Tag>
                    ))}
                  </Space>
                </div>
              ),
            },
            ...(platform && !deptId ? [{ title: t('consult.common.unit'), dataIndex: 'departmentName', width: 200, render: (v: string, r: KbEntry) => deptName(r.departmentId, v) }] : []),
            { title: t('consult.kb.validity'), key: 'validity', width: 190, render: (_: unknown, e: KbEntry) => <Validity e={e} /> },
            {
              title: t('consult.common.status'),
              key: 'status',
              width: 110,
              render: (_: unknown, e: KbEntry) =>
                e.status === 'retired' ? (
                  <Tag>{t('consult.kb.retired')}</Tag>
                ) : e.shown ? (
                  <Tag color="green">{t('consult.kb.shown')}</Tag>
                ) : (
                  <Tooltip title={t('consult.kb.notShownHint')}>
                    <Tag color="orange">{t('consult.kb.notShown')}</Tag>
                  </Tooltip>
                ),
            },
            { title: t('consult.kb.version'), dataIndex: 'version', width: 70, align: 'right' as const },
            { title: t('consult.kb.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => <span className="tb-nowrap">{fmtDateTime(v)}</span> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 190,
              fixed: 'right' as const,
              render: (_: unknown, e: KbEntry) => (
                <Space size={0}>
                  {mayEdit(e) && e.status === 'active' && (
                    <Button type="link" size="small" onClick={() => setEditing({ entry: e })} data-testid="kb-edit">
                      {t('common.edit')}
                    </Button>
                  )}
                  <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setVersionsOf(e.code)}>
                    {t('consult.kb.versions')}
                  </Button>
                  {mayEdit(e) && e.status === 'active' && (
                    <Popconfirm title={t('consult.kb.retireConfirm')} onConfirm={() => void retire(e)}>
                      <Button type="link" size="small" danger icon={<StopOutlined />}>
                        {t('consult.kb.retire')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <KbEditor
        open={!!editing}
        entry={editing?.entry ?? null}
        departmentId={platform ? deptId : undefined}
        departmentRegion={dept.data?.regionCode}
        onClose={() => setEditing(null)}
        onSaved={(r) => {
          message.success(t('consult.kb.saved', { code: r.entry.code, v: r.entry.version }));
          list.reload();
        }}
      />
      <VersionsDrawer code={versionsOf} onClose={() => setVersionsOf(null)} />
    </>
  );
}
