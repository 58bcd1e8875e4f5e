import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DiffOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { hasRole, useMe } from '../../../auth';
import { fmtDateTime } from '../../../lib/format';
import { useAsync } from '../../../lib/useAsync';
import { PageHead } from '../../../components/PageHead';
import { catalogAdminApi, type VersionInfo } from './adminApi';
import { DiffView } from './DiffView';
import { msgs } from './guideModel';
import { editPath, viewPath } from './paths';
import { CatalogErrorAlert, DeptName, itemName, StatusTag, useVocab } from './ui';
import './catalog-admin.css';

/** What happened to a version, in order (labels from the current language). */
function events(v: VersionInfo) {
  const L = msgs().versions;
  const out: Array<{ label: string; who?: string | null; at: string; color: string; note?: string | null }> = [{ label: L.created, who: v.createdBy, at: v.createdAt, color: 'gray' }];
  if (v.submittedAt) out.push({ label: L.submitted, who: v.submittedBy, at: v.submittedAt, color: 'blue' });
  if (v.reviewedAt) out.push({ label: L.reviewed, who: v.reviewedBy, at: v.reviewedAt, color: v.publishedAt ? 'green' : 'red', note: v.reviewComment });
  if (v.publishedAt) out.push({ label: L.published, at: v.publishedAt, color: 'green' });
  if (v.retiredAt) out.push({ label: L.retired, at: v.retiredAt, color: 'red' });
  return out;
}

/** 版本历史: every version with who did what when, and a diff between any two. */
export default function VersionsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [sp, setSp] = useSearchParams();
  const me = useMe();
  const navigate = useNavigate();
  const vocab = useVocab();
  const versions = useAsync((signal) => catalogAdminApi.versions(id, signal).then((r) => r.items), [id]);
  const newest = versions.data?.[0]?.version;
  const head = useAsync((signal) => catalogAdminApi.version(id, newest!, signal), [id, newest], !!newest);
  const [from, setFrom] = useState<number | undefined>(sp.get('from') ? Number(sp.get('from')) : undefined);
  const [to, setTo] = useState<number | undefined>(sp.get('to') ? Number(sp.get('to')) : undefined);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(sp.get('from') && sp.get('to') ? { from: Number(sp.get('from')), to: Number(sp.get('to')) } : null);
  const diff = useAsync((signal) => catalogAdminApi.diff(id, compare!.from, compare!.to, signal), [id, compare?.from, compare?.to], !!compare);

  // default comparison: the published version (or the one before the newest) against the newest
  useEffect(() => {
    const list = versions.data;
    if (!list?.length || from !== undefined || to !== undefined) return;
    const published = list.find((v) => v.status === 'published');
    const base = published && published.version !== list[0].version ? published.version : list[1]?.version;
    if (base !== undefined) {
      setFrom(base);
      setTo(list[0].version);
    }
  }, [versions.data, from, to]);

  function runCompare(a = from, b = to) {
    if (a === undefined || b === undefined) return;
    setCompare({ from: a, to: b });
    setSp({ from: String(a), to: String(b) }, { replace: true });
  }

  const detail = head.data;
  const canEdit = hasRole(me, 'platform_admin') || (!!detail && detail.item.department.id === me.department?.id);
  const options = (versions.data ?? []).map((v) => ({ value: v.version, label: `${t('catalogAdmin.common.vN', { n: v.version })} · ${t(`catalogAdmin.status.${v.status}`)}` }));

  return (
    <>
      <PageHead
        title={t('catalogAdmin.versions.title')}
        intro={
          detail ? (
            <span>
              <Link to={viewPath(id, detail.item.publishedVersion ?? detail.item.latestVersion)}>{itemName(detail.item)}</Link>
              <span className="tb-muted">
                {' · '}
                <DeptName dept={detail.item.department} />
                {' · '}
              </span>
              <span className="tb-mono tb-muted">{detail.item.implementationCode}</span>
            </span>
          ) : (
            t('catalogAdmin.versions.intro')
          )
        }
        testId="catalog-versions-title"
      />
      <CatalogErrorAlert error={versions.error ?? head.error} onRetry={versions.reload} />
      <Row gutter={16}>
        <Col span={24}>
          <Card style={{ marginBottom: 16 }}>
            <Table<VersionInfo>
              data-testid="versions-table"
              rowKey="id"
              size="middle"
              loading={versions.loading}
              dataSource={versions.data ?? []}
              pagination={false}
              scroll={{ x: 820 }}
              onRow={(v) => ({ 'data-version': v.version }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t('catalogAdmin.common.version'),
                  key: 'v',
                  width: 120,
                  render: (_, v) => (
                    <Space orientation="vertical" size={2}>
                      <span className="tb-mono" style={{ fontWeight: 600 }}>
                        {t('catalogAdmin.common.vN', { n: v.version })}
                      </span>
                      <StatusTag status={v.status} />
                    </Space>
                  ),
                },
                {
                  title: t('catalogAdmin.versions.timeline'),
                  key: 'events',
                  width: 360,
                  render: (_, v) => (
                    <div style={{ fontSize: 12, lineHeight: 1.7 }}>
                      {events(v).map((e, i) => (
                        <div key={i}>
                          <Tag color={e.color} style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 6 }}>
                            {e.label}
                          </Tag>
                          {e.who ? `${e.who} · ` : ''}
                          {fmtDateTime(e.at)}
                        </div>
                      ))}
                    </div>
                  ),
                },
                {
                  title: t('catalogAdmin.versions.changeNote'),
                  key: 'note',
                  render: (_, v) => (
                    <div>
                      <div>{v.changeNote || <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}</div>
                      {v.reviewComment && (
                        <div style={{ marginTop: 4, fontSize: 12 }}>
                          <Typography.Text type={v.status === 'draft' ? 'danger' : 'secondary'}>
                            {t('catalogAdmin.versions.reviewComment')}: {v.reviewComment}
                          </Typography.Text>
                        </div>
                      )}
                    </div>
                  ),
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 200,
                  render: (_, v, i) => (
                    <Space size={0} wrap>
                      {v.status === 'draft' && canEdit ? (
                        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => navigate(editPath(id, v.version))}>
                          {t('catalogAdmin.manage.continueEdit')}
                        </Button>
                      ) : (
                        <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => navigate(viewPath(id, v.version))} data-testid={`version-open-${v.version}`}>
                          {t('catalogAdmin.versions.open')}
                        </Button>
                      )}
                      {versions.data?.[i + 1] && (
                        <Button
                          size="small"
                          type="link"
                          icon={<DiffOutlined />}
                          data-testid={`version-diff-prev-${v.version}`}
                          onClick={() => {
                            const prev = versions.data![i + 1].version;
                            setFrom(prev);
                            setTo(v.version);
                            runCompare(prev, v.version);
                          }}
                        >
                          {t('catalogAdmin.versions.compare')} {t('catalogAdmin.common.vN', { n: versions.data![i + 1].version })}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card
        title={
          <span className="tb-card-title">
            <DiffOutlined /> {t('catalogAdmin.versions.compareTitle')}
          </span>
        }
        extra={
          <Space wrap>
            <Select size="middle" style={{ width: 150 }} placeholder={t('catalogAdmin.versions.from')} value={from} onChange={setFrom} options={options} data-testid="diff-from" />
            <span>→</span>
            <Select size="middle" style={{ width: 150 }} placeholder={t('catalogAdmin.versions.to')} value={to} onChange={setTo} options={options} data-testid="diff-to" />
            <Button type="primary" disabled={from === undefined || to === undefined || from === to} onClick={() => runCompare()} data-testid="diff-compare">
              {t('catalogAdmin.versions.compare')}
            </Button>
          </Space>
        }
      >
        {!compare ? (
          <Alert type="info" showIcon title={t('catalogAdmin.versions.compareHint')} />
        ) : (
          <>
            <CatalogErrorAlert error={diff.error} />
            {diff.loading ? <Table loading columns={[]} dataSource={[]} /> : diff.data && <DiffView changes={diff.data.changes} vocab={vocab.data} />}
          </>
        )}
      </Card>
    </>
  );
}
