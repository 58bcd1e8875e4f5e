import { useEffect, type ReactNode } from 'react';
import { Anchor, Breadcrumb, Button, Collapse, Descriptions, Dropdown, Empty, Result, Skeleton, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  ClockCircleOutlined, DownloadOutlined, DownOutlined, EnvironmentOutlined, FieldTimeOutlined,
  PayCircleOutlined, PrinterOutlined, SendOutlined, TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { currentLang } from '../../../i18n';
import { fmtDate, fmtDateTime } from '../../../lib/format';
import { getDepartment } from '../../../lib/departments';
import { regionName, useRegions } from '../../../lib/regions';
import { useAsync } from '../../../lib/useAsync';
import { fileUrl, getItem } from '../api';
import type { Contact, FileRef, ItemDetail, Material } from '../types';
import { caseKindText, fileSize, serviceObjectText, timeLimitText } from './format';
import { useVocab } from './useVocab';
import { AskDrawerButton } from '../../consultation/ask/AskDrawer';
import './catalog-hall.css';

const SECTIONS = ['basic', 'conditions', 'materials', 'process', 'fees', 'basis', 'places', 'contact', 'result', 'faq'] as const;
type Section = (typeof SECTIONS)[number];
const sectionId = (s: Section) => `guide-${s}`;

function FileLink({ file, label }: { file: FileRef; label: string }) {
  return (
    <a href={fileUrl(file)} download={file.name} className="guide-file" title={file.name}>
      <DownloadOutlined aria-hidden /> {label}
      <span className="tb-muted"> ({fileSize(file.size)})</span>
    </a>
  );
}

function GuideSection({ id, title, children, testId }: { id: Section; title: string; children: ReactNode; testId?: string }) {
  return (
    <section id={sectionId(id)} className="guide-section" aria-labelledby={`${sectionId(id)}-h`} data-testid={testId}>
      <h2 id={`${sectionId(id)}-h`} className="guide-section-title">
        {title}
      </h2>
      <div className="guide-section-body">{children}</div>
    </section>
  );
}

function Pre({ text }: { text: string }) {
  return <div className="guide-text">{text}</div>;
}

function MaterialsTable({ materials }: { materials: Material[] }) {
  const { t } = useTranslation();
  if (!materials.length) return <Typography.Paragraph>{t('catalogHall.guide.materials.none')}</Typography.Paragraph>;
  const exempt = materials.filter((m) => m.substitutes.length > 0).length;
  const columns: TableColumnsType<Material> = [
    { title: t('catalogHall.guide.materials.index'), key: 'i', width: 56, align: 'center', render: (_v, _m, i) => i + 1 },
    {
      title: t('catalogHall.guide.materials.name'),
      key: 'name',
      width: 250,
      render: (_v, m) => (
        <div className="guide-mat-name">
          <div>
            <strong>{m.name}</strong>
            {m.necessity === 'deferrable' && (
              <Tooltip title={t('catalogHall.guide.materials.deferrableHelp')}>
                <Tag color="orange" className="guide-tag" data-testid="material-deferrable">
                  {t('catalogHall.guide.materials.deferrableTag')}
                </Tag>
              </Tooltip>
            )}
            {m.substitutes.length > 0 && (
              <Tag color="green" className="guide-tag" data-testid="material-exempt">
                {t('catalogHall.guide.materials.exemptTag')}
              </Tag>
            )}
          </div>
          {m.substitutes.length > 0 && (
            <div className="guide-exempt">
              {t('catalogHall.guide.materials.exemptHelp')}
              {m.substitutes.map((s, i) => (
                <span key={s.code}>
                  {i > 0 && '、'}
                  {s.name}（{t(`catalogHall.guide.materials.substituteKinds.${s.kind}`)}）
                </span>
              ))}
            </div>
          )}
          {m.condition && <div className="guide-note">{t('catalogHall.guide.materials.condition', { text: m.condition })}</div>}
          {m.notes && <div className="guide-note">{t('catalogHall.guide.materials.notes', { text: m.notes })}</div>}
          {m.basis && <div className="guide-note">{t('catalogHall.guide.materials.basis', { text: m.basis })}</div>}
        </div>
      ),
    },
    { title: t('catalogHall.guide.materials.necessity'), key: 'necessity', width: 104, render: (_v, m) => t(`catalogHall.guide.materials.necessityValues.${m.necessity}`) },
    {
      title: t('catalogHall.guide.materials.form'),
      key: 'form',
      width: 100,
      render: (_v, m) => (
        <>
          {t(`catalogHall.guide.materials.formValues.${m.form}`)}
          {m.copies > 0 && <div className="tb-muted">{t('catalogHall.guide.materials.copiesN', { count: m.copies })}</div>}
        </>
      ),
    },
    {
      title: t('catalogHall.guide.materials.source'),
      key: 'source',
      width: 124,
      render: (_v, m) => (
        <>
          {t(`catalogHall.guide.materials.sourceValues.${m.sourceChannel}`)}
          {m.issuedBy && <div className="tb-muted">{t('catalogHall.guide.materials.issuedBy', { name: m.issuedBy })}</div>}
        </>
      ),
    },
    { title: t('catalogHall.guide.materials.standard'), key: 'standard', dataIndex: 'acceptanceStandard' },
    {
      title: t('catalogHall.guide.materials.downloads'),
      key: 'files',
      width: 118,
      className: 'guide-files-col',
      render: (_v, m) =>
        m.blankForm || m.sample ? (
          <div className="guide-files">
            {m.blankForm && <FileLink file={m.blankForm} label={t('catalogHall.guide.materials.blankForm')} />}
            {m.sample && <FileLink file={m.sample} label={t('catalogHall.guide.materials.sample')} />}
          </div>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <>
      <div className="guide-mat-summary tb-muted">
        {t('catalogHall.guide.materials.count', { count: materials.length })}
        {exempt > 0 && <> · {t('catalogHall.guide.materials.exemptCount', { count: exempt })}</>}
      </div>
      <Table<Material> className="guide-materials-table" rowKey="key" columns={columns} dataSource={materials} pagination={false} bordered size="middle" scroll={{ x: 960 }} />
    </>
  );
}

function ContactBlock({ c }: { c: Contact }) {
  const { t } = useTranslation();
  return (
    <dl className="guide-contact">
      <div>
        <dt>{t('catalogHall.guide.contact.phone')}</dt>
        <dd>
          <a href={`tel:${c.phone}`}>{c.phone}</a>
        </dd>
      </div>
      {c.address && (
        <div>
          <dt>{t('catalogHall.guide.contact.address')}</dt>
          <dd>{c.address}</dd>
        </div>
      )}
      {c.email && (
        <div>
          <dt>{t('catalogHall.guide.contact.email')}</dt>
          <dd>
            <a href={`mailto:${c.email}`}>{c.email}</a>
          </dd>
        </div>
      )}
      {c.url && (
        <div>
          <dt>{t('catalogHall.guide.contact.url')}</dt>
          <dd>
            <a href={c.url} target="_blank" rel="noreferrer">
              {c.url}
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}

function OtherRegions({ detail }: { detail: ItemDetail }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const lang = currentLang();
  const navigate = useNavigate();
  const others = detail.otherImplementations;
  const button = (
    <Button type="link" size="small" className="guide-region-switch no-print" disabled={!others.length} data-testid="guide-region-switch">
      {t('catalogHall.guide.otherRegions')} <DownOutlined />
    </Button>
  );
  if (!others.length) return <Tooltip title={t('catalogHall.guide.otherRegionsNone')}>{button}</Tooltip>;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'hint', type: 'group', label: <span className="guide-region-hint">{t('catalogHall.guide.otherRegionsHint')}</span> },
          ...others.map((o) => ({
            key: o.id,
            label: (
              <span data-testid="guide-region-option">
                <strong>{regions.byCode.has(o.regionCode) ? regionName(o.regionCode, regions.byCode, lang) : o.regionName}</strong> <span className="tb-muted">{o.departmentName}</span>
              </span>
            ),
          })),
        ],
        onClick: ({ key }) => navigate(`/services/items/${encodeURIComponent(key)}`),
      }}
    >
      {button}
    </Dropdown>
  );
}

function NotPublished() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('catalogHall.guide.notFoundTitle')}
      subTitle={t('catalogHall.guide.notFoundDesc')}
      extra={
        <Link to="/services">
          <Button type="primary">{t('catalogHall.guide.backToCatalog')}</Button>
        </Link>
      }
    />
  );
}

function GuideSkeleton() {
  return (
    <div className="guide-page" aria-busy="true">
      <div className="guide-head">
        <Skeleton active title={{ width: '50%' }} paragraph={{ rows: 3 }} />
      </div>
      <div className="guide-section">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    </div>
  );
}

export default function GuidePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lang = currentLang();
  const vocab = useVocab();
  const detail = useAsync((signal) => getItem(id, { signal }), [id]);
  const d = detail.data?.item.id === id ? detail.data : undefined;
  const regions = useRegions();
  const deptId = d?.item.department.id;
  const dept = useAsync(() => getDepartment(deptId!), [deptId], !!deptId && lang === 'en');

  useEffect(() => {
    if (d) document.title = `${d.item.name} · ${t('catalogHall.title')} · ${t('app.portal')}`;
  }, [d, t]);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [id]);

  if (detail.error instanceof ApiError && detail.error.status === 404) return <NotPublished />;
  if (detail.error) return <ErrorAlert error={detail.error} title={t('catalogHall.guide.loadFailed')} onRetry={detail.reload} />;
  if (!d) return <GuideSkeleton />;

  const { item, guide, version, basic } = d;
  const english = lang === 'en' && basic.nameEn;
  const title = english ? basic.nameEn! : item.name;
  const canApply = guide.onlineDepth >= 2;
  const deptName = (lang === 'en' && dept.data?.id === item.department.id && dept.data.nameEn) || item.department.name;
  const regionText = regions.byCode.has(item.regionCode) ? regionName(item.regionCode, regions.byCode, lang) : item.regionName;
  const yesNo = (b: boolean) => (b ? t('catalogHall.guide.yes') : t('catalogHall.guide.no'));
  const visits = guide.visits === 0 ? t('catalogHall.results.zeroVisits') : t('catalogHall.guide.visitsN', { count: guide.visits });

  const basicItems = [
    { key: 'itemType', label: t('catalogHall.guide.basic.itemType'), children: vocab.name('itemTypes', basic.itemType || item.itemType) },
    { key: 'basicCode', label: t('catalogHall.guide.basic.basicCode'), children: <span className="tb-mono">{basic.code}</span> },
    { key: 'implementationCode', label: t('catalogHall.guide.basic.implementationCode'), children: <span className="tb-mono">{item.implementationCode}</span> },
    { key: 'department', label: t('catalogHall.guide.basic.department'), children: deptName },
    { key: 'region', label: t('catalogHall.guide.basic.region'), children: regionText },
    { key: 'competent', label: t('catalogHall.guide.basic.competent'), children: basic.competentDepartmentName },
    { key: 'serviceObjects', label: t('catalogHall.guide.basic.serviceObjects'), children: guide.serviceObjects.map(serviceObjectText).join('、') },
    { key: 'caseKind', label: t('catalogHall.guide.basic.caseKind'), children: caseKindText(guide.caseKind) },
    { key: 'legalLimit', label: t('catalogHall.guide.basic.legalLimit'), children: timeLimitText(guide.legalTimeLimit) },
    { key: 'promisedLimit', label: t('catalogHall.guide.basic.promisedLimit'), children: timeLimitText(guide.promisedTimeLimit) },
    { key: 'visits', label: t('catalogHall.guide.basic.visits'), children: visits },
    { key: 'onlineDepth', label: t('catalogHall.guide.basic.onlineDepth'), children: vocab.name('onlineDepths', guide.onlineDepth) },
    { key: 'tongbanScope', label: t('catalogHall.guide.basic.tongbanScope'), children: vocab.name('tongbanScopes', guide.tongbanScope) },
    { key: 'charged', label: t('catalogHall.guide.basic.charged'), children: guide.fees.charged ? t('catalogHall.guide.chargedYes') : t('catalogHall.guide.free') },
    { key: 'courier', label: t('catalogHall.guide.basic.courier'), children: yesNo(guide.courier) },
    ...(guide.jointUnits.length ? [{ key: 'jointUnits', label: t('catalogHall.guide.basic.jointUnits'), children: guide.jointUnits.join('、') }] : []),
    ...(guide.intermediaryServices ? [{ key: 'intermediary', label: t('catalogHall.guide.basic.intermediary'), children: guide.intermediaryServices }] : []),
    ...(guide.themes.length ? [{ key: 'themes', label: t('catalogHall.guide.basic.themes'), children: guide.themes.map((c) => <Link key={c} to={`/services?theme=${c}`} className="guide-inline-link">{vocab.name('themes', c)}</Link>) }] : []),
    ...(guide.lifeEvents.length ? [{ key: 'lifeEvents', label: t('catalogHall.guide.basic.lifeEvents'), children: guide.lifeEvents.map((c) => <Link key={c} to={`/services?lifeEvent=${c}&browse=lifeEvent`} className="guide-inline-link">{vocab.name('lifeEvents', c)}</Link>) }] : []),
    ...(guide.aliases.length ? [{ key: 'aliases', label: t('catalogHall.guide.basic.aliases'), children: guide.aliases.join('、') }] : []),
    ...(basic.path.length > 1 ? [{ key: 'path', label: t('catalogHall.guide.basic.path'), span: 2 as const, children: basic.path.map((p) => p.name).join(' › ') }] : []),
  ];

  const sectionTitle = (s: Section) => t(`catalogHall.guide.sections.${s}`);

  return (
    <div className="guide-page">
      <Breadcrumb
        className="guide-breadcrumb no-print"
        items={[
          { title: <Link to="/">{t('catalogHall.guide.breadcrumbHome')}</Link> },
          { title: <Link to="/services">{t('catalogHall.guide.breadcrumbCatalog')}</Link> },
          { title },
        ]}
      />
      <div className="print-only guide-print-head">
        <div>{t('app.portal')}</div>
        <div>{t('catalogHall.guide.printedAt', { date: fmtDateTime(new Date().toISOString()) })}</div>
      </div>

      <header className="guide-head">
        <div className="guide-head-main">
          <h1 className="guide-title" data-testid="guide-title">
            {title}
          </h1>
          {english && <div className="guide-subtitle">{item.name}</div>}
          <div className="guide-tags">
            <Tag color="blue">{vocab.name('itemTypes', basic.itemType || item.itemType)}</Tag>
            <Tag color={guide.caseKind === 'instant' ? 'green' : 'geekblue'}>{caseKindText(guide.caseKind)}</Tag>
            <Tag color={guide.onlineDepth >= 4 ? 'gold' : 'default'}>{vocab.name('onlineDepths', guide.onlineDepth)}</Tag>
            {guide.tongbanScope !== 'none' && <Tag color="purple">{vocab.name('tongbanScopes', guide.tongbanScope)}</Tag>}
            {guide.courier && <Tag icon={<SendOutlined />}>{t('catalogHall.guide.basic.courier')}</Tag>}
          </div>
          <div className="guide-meta">
            <span>
              <TeamOutlined aria-hidden /> {deptName}
            </span>
            <span className="guide-region">
              <EnvironmentOutlined aria-hidden /> {regionText}
              <OtherRegions detail={d} />
            </span>
            <span data-testid="guide-version">
              {version.status === 'published' && version.publishedAt
                ? t('catalogHall.guide.version', { version: version.version, date: fmtDate(version.publishedAt) })
                : t('catalogHall.guide.versionDraft', { version: version.version, status: t(`catalogHall.guide.statuses.${version.status}`) })}
            </span>
          </div>
          {guide.summary && <p className="guide-summary">{guide.summary}</p>}
        </div>
        <div className="guide-actions no-print">
          {canApply ? (
            <Link to={`/hall/apply/${encodeURIComponent(item.id)}`}>
              <Button type="primary" size="large" data-testid="guide-apply">
                {t('catalogHall.guide.apply')}
              </Button>
            </Link>
          ) : (
            <Tooltip title={t('catalogHall.guide.applyUnavailable')}>
              <Button type="primary" size="large" disabled data-testid="guide-apply">
                {t('catalogHall.guide.apply')}
              </Button>
            </Tooltip>
          )}
          <AskDrawerButton itemCode={basic.code} itemName={title} regionCode={item.regionCode} label={t('catalogHall.guide.consult')} testId="guide-consult" />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="guide-print">
            {t('catalogHall.guide.print')}
          </Button>
        </div>
      </header>

      <div className="guide-facts" role="list">
        <div className="guide-fact" role="listitem">
          <FieldTimeOutlined aria-hidden />
          <div>
            <div className="guide-fact-value" data-testid="guide-promised">{timeLimitText(guide.promisedTimeLimit)}</div>
            <div className="guide-fact-label">{t('catalogHall.guide.facts.promised')}</div>
          </div>
        </div>
        <div className="guide-fact" role="listitem">
          <ClockCircleOutlined aria-hidden />
          <div>
            <div className="guide-fact-value">{timeLimitText(guide.legalTimeLimit)}</div>
            <div className="guide-fact-label">{t('catalogHall.guide.facts.legal')}</div>
          </div>
        </div>
        <div className="guide-fact" role="listitem">
          <EnvironmentOutlined aria-hidden />
          <div>
            <div className="guide-fact-value">{visits}</div>
            <div className="guide-fact-label">{t('catalogHall.guide.facts.visits')}</div>
          </div>
        </div>
        <div className="guide-fact" role="listitem">
          <PayCircleOutlined aria-hidden />
          <div>
            <div className="guide-fact-value">{guide.fees.charged ? t('catalogHall.guide.chargedYes') : t('catalogHall.guide.free')}</div>
            <div className="guide-fact-label">{t('catalogHall.guide.facts.fee')}</div>
          </div>
        </div>
      </div>

      <div className="guide-layout">
        <nav className="guide-anchor no-print" aria-label={t('catalogHall.guide.anchorTitle')}>
          <div className="guide-anchor-title">{t('catalogHall.guide.anchorTitle')}</div>
          <Anchor offsetTop={16} targetOffset={24} replace items={SECTIONS.map((s) => ({ key: s, href: `#${sectionId(s)}`, title: sectionTitle(s) }))} />
        </nav>

        <div className="guide-body">
          <GuideSection id="basic" title={sectionTitle('basic')} testId="guide-basic">
            <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={basicItems} className="guide-basic-table" />
          </GuideSection>

          <GuideSection id="conditions" title={sectionTitle('conditions')}>
            <Pre text={guide.conditions} />
          </GuideSection>

          <GuideSection id="materials" title={sectionTitle('materials')} testId="guide-materials">
            <MaterialsTable materials={guide.materials} />
          </GuideSection>

          <GuideSection id="process" title={sectionTitle('process')} testId="guide-process">
            <Steps
              orientation="vertical"
              current={-1}
              size="small"
              className="guide-steps"
              items={guide.process.map((s) => ({
                title: s.name,
                status: 'process' as const,
                content: (
                  <div className="guide-step">
                    <div className="guide-text">{s.description}</div>
                    {s.timeLimit && <div className="tb-muted">{t('catalogHall.guide.process.stepLimit', { limit: timeLimitText(s.timeLimit) })}</div>}
                  </div>
                ),
              }))}
            />
          </GuideSection>

          <GuideSection id="fees" title={sectionTitle('fees')}>
            {!guide.fees.charged || !guide.fees.items.length ? (
              <Typography.Paragraph>{t('catalogHall.guide.fees.none')}</Typography.Paragraph>
            ) : (
              <Table
                rowKey={(f) => f.name}
                size="small"
                bordered
                pagination={false}
                dataSource={guide.fees.items}
                columns={[
                  { title: t('catalogHall.guide.fees.name'), dataIndex: 'name', key: 'name' },
                  { title: t('catalogHall.guide.fees.standard'), dataIndex: 'standard', key: 'standard' },
                  { title: t('catalogHall.guide.fees.basis'), dataIndex: 'basis', key: 'basis' },
                ]}
              />
            )}
            {guide.fees.waivers && (
              <div className="guide-waivers">
                <strong>{t('catalogHall.guide.fees.waivers')}：</strong>
                {guide.fees.waivers}
              </div>
            )}
          </GuideSection>

          <GuideSection id="basis" title={sectionTitle('basis')}>
            <ol className="guide-basis">
              {guide.legalBasis.map((b, i) => (
                <li key={i}>
                  <strong>{b.title}</strong>
                  {b.clause && <div className="guide-text guide-clause">{b.clause}</div>}
                </li>
              ))}
            </ol>
          </GuideSection>

          <GuideSection id="places" title={sectionTitle('places')}>
            <div className="guide-places">
              {guide.places.map((p, i) => (
                <div key={i} className="guide-place">
                  <div className="guide-place-name">{p.name}</div>
                  <dl className="guide-contact">
                    <div>
                      <dt>{t('catalogHall.guide.places.address')}</dt>
                      <dd>{p.address}</dd>
                    </div>
                    <div>
                      <dt>{t('catalogHall.guide.places.hours')}</dt>
                      <dd>{p.hours}</dd>
                    </div>
                    {p.phone && (
                      <div>
                        <dt>{t('catalogHall.guide.places.phone')}</dt>
                        <dd>
                          <a href={`tel:${p.phone}`}>{p.phone}</a>
                        </dd>
                      </div>
                    )}
                  </dl>
                </div>
              ))}
            </div>
          </GuideSection>

          <GuideSection id="contact" title={sectionTitle('contact')}>
            <div className="guide-places">
              <div className="guide-place">
                <div className="guide-place-name">{t('catalogHall.guide.contact.consultation')}</div>
                <ContactBlock c={guide.consultation} />
              </div>
              <div className="guide-place">
                <div className="guide-place-name">{t('catalogHall.guide.contact.complaint')}</div>
                <ContactBlock c={guide.complaint} />
              </div>
            </div>
          </GuideSection>

          <GuideSection id="result" title={sectionTitle('result')}>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'name', label: t('catalogHall.guide.result.name'), children: guide.result.name },
                { key: 'type', label: t('catalogHall.guide.result.type'), children: t(`catalogHall.guide.result.types.${guide.result.type}`) },
                ...(guide.result.licenseTypeCode ? [{ key: 'lt', label: t('catalogHall.guide.result.licenseType'), children: <span className="tb-mono">{guide.result.licenseTypeCode}</span> }] : []),
                ...(guide.result.sample ? [{ key: 'sample', label: t('catalogHall.guide.result.sample'), children: <FileLink file={guide.result.sample} label={guide.result.sample.name} /> }] : []),
              ]}
            />
          </GuideSection>

          <GuideSection id="faq" title={sectionTitle('faq')}>
            {guide.faq.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalogHall.guide.faqEmpty')} />
            ) : (
              <>
                <Collapse
                  className="no-print"
                  items={guide.faq.map((f, i) => ({ key: String(i), label: f.question, children: <div className="guide-text">{f.answer}</div> }))}
                  defaultActiveKey={['0']}
                />
                <dl className="print-only guide-faq-print">
                  {guide.faq.map((f, i) => (
                    <div key={i}>
                      <dt>{f.question}</dt>
                      <dd>{f.answer}</dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </GuideSection>

          <div className="print-only guide-print-foot">{t('catalogHall.guide.printSource', { url: window.location.href })}</div>
        </div>
      </div>
    </div>
  );
}
