import { Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogVocab, Contact, Guide, Material } from './adminApi';
import { fmtTimeLimit, msgs } from './guideModel';
import { FileLink, vname } from './ui';

const F = (k: string) => (msgs().fields as Record<string, string>)[k] ?? k;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <div className="tb-cat-section-title" style={{ marginTop: 16 }}>
        {title}
      </div>
      {children}
    </>
  );
}

const pre = (s: string | undefined) => (s ? <span className="tb-cat-pre">{s}</span> : '—');
const contact = (c: Contact) => [c.phone, c.address, c.email, c.url].filter(Boolean).join(' · ');

/** A whole guide, read-only, compact (the review drawer). */
export function GuideView({ guide: g, vocab }: { guide: Guide; vocab: CatalogVocab | undefined }) {
  const { t } = useTranslation();
  const e = msgs().enums;
  return (
    <div className="tb-cat-guide-view" data-testid="guide-view">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'obj', label: F('serviceObjects'), children: g.serviceObjects.map((o) => e.serviceObject[o]).join('、') },
          { key: 'alias', label: F('aliases'), children: g.aliases.length ? g.aliases.map((a) => <Tag key={a}>{a}</Tag>) : '—' },
          { key: 'themes', label: F('themes'), children: g.themes.map((c) => vname(vocab?.themes[c], c)).join('、') || '—' },
          { key: 'le', label: F('lifeEvents'), children: g.lifeEvents.map((c) => vname(vocab?.lifeEvents[c], c)).join('、') || '—' },
          { key: 'sum', label: F('summary'), children: pre(g.summary) },
          { key: 'cond', label: F('conditions'), children: pre(g.conditions) },
          {
            key: 'basis',
            label: F('legalBasis'),
            children: (
              <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                {g.legalBasis.map((b, i) => (
                  <li key={i}>
                    {b.title}
                    {b.clause && <div className="tb-muted tb-cat-pre">{b.clause}</div>}
                  </li>
                ))}
              </ol>
            ),
          },
          { key: 'legal', label: F('legalTimeLimit'), children: fmtTimeLimit(g.legalTimeLimit) },
          { key: 'prom', label: F('promisedTimeLimit'), children: fmtTimeLimit(g.promisedTimeLimit) },
          { key: 'ck', label: F('caseKind'), children: e.caseKind[g.caseKind] },
          { key: 'visits', label: F('visits'), children: g.visits },
          { key: 'depth', label: F('onlineDepth'), children: vname(vocab?.onlineDepths[String(g.onlineDepth)], String(g.onlineDepth)) },
          { key: 'url', label: F('onlineUrl'), children: g.onlineUrl ?? '—' },
          { key: 'scope', label: F('tongbanScope'), children: vname(vocab?.tongbanScopes[g.tongbanScope], g.tongbanScope) },
          { key: 'courier', label: F('courier'), children: g.courier ? t('catalogAdmin.common.yes') : t('catalogAdmin.common.no') },
          { key: 'joint', label: F('jointUnits'), children: g.jointUnits.join('、') || '—' },
          { key: 'inter', label: F('intermediaryServices'), children: pre(g.intermediaryServices) },
          {
            key: 'fees',
            label: F('fees'),
            children: g.fees.charged ? (
              <>
                {g.fees.items.map((f, i) => (
                  <div key={i}>
                    {f.name}：{f.standard}
                    <span className="tb-muted">（{f.basis}）</span>
                  </div>
                ))}
                {g.fees.waivers && <div className="tb-muted">{g.fees.waivers}</div>}
              </>
            ) : (
              t('catalogAdmin.editor.notCharged')
            ),
          },
          {
            key: 'result',
            label: F('result'),
            children: (
              <>
                {g.result.name} · {e.resultType[g.result.type]}
                {g.result.licenseTypeCode && <span className="tb-mono"> · {g.result.licenseTypeCode}</span>}
                {g.result.sample && (
                  <div>
                    <FileLink file={g.result.sample} />
                  </div>
                )}
              </>
            ),
          },
          { key: 'consult', label: F('consultation'), children: contact(g.consultation) },
          { key: 'complaint', label: F('complaint'), children: contact(g.complaint) },
        ]}
      />
      <Section title={`${F('materials')} (${g.materials.length})`}>
        {g.materials.length ? (
          <Table<Material>
            size="small"
            rowKey={(m) => m.key}
            pagination={false}
            dataSource={g.materials}
            scroll={{ x: 700 }}
            columns={[
              { title: '#', key: 'n', width: 40, render: (_, __, i) => i + 1 },
              {
                title: F('material.name'),
                key: 'name',
                render: (_, m) => (
                  <div>
                    <Typography.Text strong>{m.name}</Typography.Text> <span className="tb-cat-material-key">{m.key}</span>
                    {m.condition && <div className="tb-muted" style={{ fontSize: 12 }}>{m.condition}</div>}
                    <div style={{ fontSize: 12 }}>{m.acceptanceStandard}</div>
                    {(m.blankForm || m.sample) && (
                      <div>
                        {m.blankForm && <FileLink file={m.blankForm} />} {m.sample && <FileLink file={m.sample} />}
                      </div>
                    )}
                  </div>
                ),
              },
              { title: F('necessity'), key: 'nec', width: 90, render: (_, m) => e.necessityShort[m.necessity] },
              { title: F('form'), key: 'form', width: 110, render: (_, m) => `${e.form[m.form]} ×${m.copies}` },
              { title: F('sourceChannel'), key: 'src', width: 120, render: (_, m) => `${e.sourceChannel[m.sourceChannel]}${m.issuedBy ? `（${m.issuedBy}）` : ''}` },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Section>
      <Section title={F('process')}>
        <ol style={{ paddingInlineStart: 18 }}>
          {g.process.map((s, i) => (
            <li key={i}>
              <strong>{s.name}</strong>
              {s.timeLimit && <span className="tb-muted">（{fmtTimeLimit(s.timeLimit)}）</span>}：{s.description}
            </li>
          ))}
        </ol>
      </Section>
      <Section title={F('places')}>
        {g.places.map((p, i) => (
          <div key={i} style={{ marginBottom: 6 }}>
            <strong>{p.name}</strong> · {p.address} · {p.hours}
            {p.phone ? ` · ${p.phone}` : ''}
          </div>
        ))}
      </Section>
      {g.faq.length > 0 && (
        <Section title={F('faq')}>
          {g.faq.map((f, i) => (
            <div key={i} style={{ marginBottom: 8 }}>
              <div>
                <strong>Q：</strong>
                {f.question}
              </div>
              <div className="tb-cat-pre">
                <strong>A：</strong>
                {f.answer}
              </div>
            </div>
          ))}
        </Section>
      )}
    </div>
  );
}
