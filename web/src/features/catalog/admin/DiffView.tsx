import { useMemo, useState } from 'react';
import { Empty, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogVocab, DiffEntry, FileRef } from './adminApi';
import { fmtSize, fmtTimeLimit, msgs, parsePath, pathLabel, TAB_OF, TABS } from './guideModel';
import { vname } from './ui';

type Piece = { kind: 'same' | 'add' | 'del'; text: string };

/** Diff of two token lists (longest common subsequence); bounded, very long inputs fall back to all removed / all added. */
function tokenDiff(x: string[], y: string[]): Piece[] {
  if (x.length * y.length > 250_000) return [...x.map((text) => ({ kind: 'del' as const, text })), ...y.map((text) => ({ kind: 'add' as const, text }))];
  const n = x.length;
  const m = y.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = x[i] === y[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out: Piece[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ kind: 'same', text: x[i] });
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) out.push({ kind: 'del', text: x[i++] });
    else out.push({ kind: 'add', text: y[j++] });
  }
  while (i < n) out.push({ kind: 'del', text: x[i++] });
  while (j < m) out.push({ kind: 'add', text: y[j++] });
  return out;
}

/** Line diff for texts written in lines. */
export const lineDiff = (a: string, b: string): Piece[] => tokenDiff(a.split('\n'), b.split('\n'));

/** Sentence diff for long one-paragraph texts (split after 。；;！？ and Chinese/ASCII commas are kept inside). */
export const sentenceDiff = (a: string, b: string): Piece[] => {
  const split = (s: string) => s.split(/(?<=[。；;！？!?])/).filter((x) => x !== '');
  return tokenDiff(split(a), split(b));
};

const isLong = (s: unknown): s is string => typeof s === 'string' && (s.includes('\n') || s.length > 80);
const isFileRef = (v: unknown): v is FileRef => !!v && typeof v === 'object' && 'sha256' in v && 'size' in v;

/** A value as people read it: enums by their names, time limits with units, objects as labelled lines. */
function useValueRenderer(vocab: CatalogVocab | undefined) {
  const { t } = useTranslation();
  const m = msgs();
  const enumText = (key: string, v: unknown): string | null => {
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    const s = String(v);
    const e = m.enums as unknown as Record<string, Record<string, string>>;
    switch (key) {
      case 'unit':
        return e.unitShort[s] ?? s;
      case 'caseKind':
      case 'necessity':
      case 'form':
      case 'sourceChannel':
        return e[key][s] ?? s;
      case 'kind':
        return e.substituteKind[s] ?? s;
      case 'type':
        return e.resultType[s] ?? s;
      case 'serviceObjects':
        return e.serviceObject[s] ?? s;
      case 'themes':
        return vname(vocab?.themes[s], s);
      case 'lifeEvents':
        return vname(vocab?.lifeEvents[s], s);
      case 'onlineDepth':
        return vname(vocab?.onlineDepths[s], s);
      case 'tongbanScope':
        return vname(vocab?.tongbanScopes[s], s);
      default:
        return null;
    }
  };

  const render = (v: unknown, key: string): React.ReactNode => {
    if (v === undefined || v === null || v === '') return <span className="tb-cat-diff-empty">{t('catalogAdmin.diff.empty')}</span>;
    if (typeof v === 'boolean') return v ? t('catalogAdmin.common.yes') : t('catalogAdmin.common.no');
    const en = enumText(key, v);
    if (en !== null) return en;
    if (typeof v === 'string' || typeof v === 'number') return <span className="tb-cat-pre">{String(v)}</span>;
    if (isFileRef(v)) return `📎 ${v.name} (${fmtSize(v.size)})`;
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x !== 'object' || x === null)) return v.length ? v.map((x) => enumText(key, x) ?? String(x)).join('、') : <span className="tb-cat-diff-empty">{t('catalogAdmin.diff.empty')}</span>;
      return (
        <ol style={{ margin: 0, paddingInlineStart: 18 }}>
          {v.map((x, i) => (
            <li key={i}>{render(x, key)}</li>
          ))}
        </ol>
      );
    }
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('value' in o && 'unit' in o && Object.keys(o).length === 2) return fmtTimeLimit(o as never);
      return (
        <ul className="tb-cat-diff-kv">
          {Object.entries(o).map(([k, x]) => (
            <li key={k}>
              <span className="k">{pathLabel([k])}:</span>
              {render(x, k)}
            </li>
          ))}
        </ul>
      );
    }
    return String(v);
  };
  return render;
}

function TextDiff({ before, after }: { before: string; after: string }) {
  const [onlyChanged, setOnlyChanged] = useState(false);
  const { t } = useTranslation();
  const byLine = before.includes('\n') || after.includes('\n');
  const pieces = useMemo(() => (byLine ? lineDiff(before, after) : sentenceDiff(before, after)), [before, after, byLine]);
  if (!byLine) {
    // one paragraph: the changed sentences highlighted in place
    return (
      <p className="tb-cat-diff-text" data-testid="diff-text" style={{ fontFamily: 'inherit', fontSize: 13 }}>
        {pieces.map((p, i) => (
          <span key={i} className={`tb-cat-diff-line ${p.kind}`} style={{ padding: 0 }}>
            {p.text}
          </span>
        ))}
      </p>
    );
  }
  const shown = onlyChanged ? pieces.filter((l) => l.kind !== 'same') : pieces;
  return (
    <div>
      {pieces.some((l) => l.kind === 'same') && (
        <div style={{ marginBottom: 4 }}>
          <Space size={6}>
            <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalogAdmin.diff.onlyChanged')}
            </Typography.Text>
          </Space>
        </div>
      )}
      <pre className="tb-cat-diff-text" data-testid="diff-text">
        {shown.map((l, i) => (
          <div key={i} className={`tb-cat-diff-line ${l.kind}`}>
            {l.kind === 'add' ? '+ ' : l.kind === 'del' ? '− ' : '  '}
            {l.text || ' '}
          </div>
        ))}
      </pre>
    </div>
  );
}

const CHANGE_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** The changes between two versions: readable paths, before/after side by side, long texts line by line. */
export function DiffView({ changes, vocab, testId = 'diff-view' }: { changes: DiffEntry[]; vocab: CatalogVocab | undefined; testId?: string }) {
  const { t } = useTranslation();
  const render = useValueRenderer(vocab);
  const [section, setSection] = useState<string | undefined>(undefined);
  const rows = useMemo(
    () =>
      changes
        .map((c, i) => {
          const p = parsePath(c.path);
          return { ...c, key: i, parts: p, tab: TAB_OF[String(p[0])] ?? 'basic', last: String([...p].reverse().find((x) => typeof x === 'string') ?? '') };
        })
        .sort((a, b) => TABS.indexOf(a.tab as never) - TABS.indexOf(b.tab as never)),
    [changes],
  );
  if (!changes.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalogAdmin.diff.noChanges')} data-testid={testId} />;
  const tabsPresent = TABS.filter((k) => rows.some((r) => r.tab === k));
  const shown = section ? rows.filter((r) => r.tab === section) : rows;

  return (
    <div data-testid={testId}>
      <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text strong>{t('catalogAdmin.diff.count', { count: changes.length })}</Typography.Text>
        {tabsPresent.length > 1 && (
          <Select
            size="small"
            allowClear
            placeholder={t('catalogAdmin.diff.filter')}
            style={{ minWidth: 180 }}
            value={section}
            onChange={setSection}
            options={tabsPresent.map((k) => ({ value: k, label: `${t(`catalogAdmin.editor.tabs.${k}`)} (${rows.filter((r) => r.tab === k).length})` }))}
          />
        )}
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={shown}
        scroll={{ x: 860 }}
        onRow={(r) => ({ 'data-path': r.path }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('catalogAdmin.diff.field'),
            key: 'path',
            width: 220,
            render: (_, r) => (
              <div>
                <div style={{ fontWeight: 500 }} data-testid="diff-path-label">
                  {pathLabel(r.parts)}
                </div>
                <div className="tb-mono tb-muted" style={{ fontSize: 11 }}>
                  {r.path}
                </div>
              </div>
            ),
          },
          { title: t('catalogAdmin.diff.change'), key: 'change', width: 76, render: (_, r) => <Tag color={CHANGE_COLORS[r.change]}>{t(`catalogAdmin.enums.change.${r.change}`)}</Tag> },
          {
            title: `${t('catalogAdmin.diff.before')} → ${t('catalogAdmin.diff.after')}`,
            key: 'values',
            render: (_, r) =>
              r.change === 'changed' && (isLong(r.before) || isLong(r.after)) && typeof r.before === 'string' && typeof r.after === 'string' ? (
                <TextDiff before={r.before} after={r.after} />
              ) : (
                <div style={{ display: 'grid', gridTemplateColumns: r.change === 'changed' ? '1fr 1fr' : '1fr', gap: 8 }}>
                  {r.change !== 'added' && <div className="tb-cat-diff-before">{render(r.before, r.last)}</div>}
                  {r.change !== 'removed' && <div className="tb-cat-diff-after">{render(r.after, r.last)}</div>}
                </div>
              ),
          },
        ]}
      />
    </div>
  );
}
