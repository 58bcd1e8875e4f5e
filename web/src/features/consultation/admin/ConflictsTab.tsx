import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { fmtDateTime } from '../../../lib/format';
import { validated } from '../../../lib/forms';
import { useCursorPages } from '../../../lib/cursor';
import { useAsync } from '../../../lib/useAsync';
import { useDeptName } from '../../../lib/departments';
import { Pager } from '../../../components/Pager';
import { consultApi, type AnswerConflict, type KbConflict } from '../api';
import { ConsultErrorAlert, factText, PlainText } from '../ui';

const show = (v: string | string[] | undefined | null) => (Array.isArray(v) ? v.join('、') : v ?? '—');

/** The answer of an entry in a contradiction, fetched to show beside the other. */
function EntryAnswer({ code }: { code: string }) {
  const { t } = useTranslation();
  const e = useAsync((signal) => consultApi.kbEntry(code, { signal }), [code]);
  if (e.error) return <Typography.Text type="secondary">{t('consult.kb.otherHidden')}</Typography.Text>;
  if (!e.data) return <Typography.Text type="secondary">…</Typography.Text>;
  return <PlainText text={e.data.answer} className="tb-cs-side" />;
}

/** Ask how it was settled, then mark the contradiction resolved. */
function ResolveButton({ onResolve }: { onResolve: (note: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ note: string }>();
  return (
    <>
      <Button type="primary" size="small" icon={<CheckOutlined />} onClick={() => setOpen(true)} data-testid="conflict-resolve">
        {t('consult.admin.conflicts.resolve')}
      </Button>
      <Modal
        open={open}
        title={t('consult.admin.conflicts.resolveTitle')}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okButtonProps={{ loading: busy }}
        onOk={async () => {
          const v = await validated(form);
          if (!v) return;
          setBusy(true);
          setError(null);
          try {
            await onResolve(v.note.trim());
            setOpen(false);
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <ConsultErrorAlert error={error} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="note" label={t('consult.admin.conflicts.note')} rules={[{ required: true, whitespace: true, min: 2, message: t('consult.admin.conflicts.noteRequired') }]} extra={t('consult.admin.conflicts.noteHint')}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="conflict-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function KbConflictCard({ c, onResolved }: { c: KbConflict; onResolved: () => void }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const { message } = App.useApp();
  const [a, b] = c.entries;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="kb-conflict"
      title={
        <Space wrap>
          <WarningOutlined style={{ color: c.status === 'open' ? '#d46b08' : '#8a93a5' }} />
          {c.topic ? <Tag className="tb-mono">{c.topic}</Tag> : <Tag>{t('consult.admin.conflicts.similar')}</Tag>}
          <Tag color={c.status === 'open' ? 'orange' : 'green'}>{t(`consult.admin.conflicts.${c.status}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('consult.admin.conflicts.detected', { when: fmtDateTime(c.detectedAt) })}
          </Typography.Text>
        </Space>
      }
      extra={
        c.status === 'open' && (
          <ResolveButton
            onResolve={async (note) => {
              await consultApi.resolveKbConflict(c.id, note);
              message.success(t('consult.admin.conflicts.resolved'));
              onResolved();
            }}
          />
        )
      }
    >
      <Table
        size="small"
        pagination={false}
        rowKey="fact"
        dataSource={c.differences}
        columns={[
          { title: t('consult.kb.fact'), dataIndex: 'fact', width: 100, render: (f: string) => factText(f) },
          { title: a && deptName(a.departmentId, a.departmentName), dataIndex: 'a', render: (v: string | string[]) => <span className="tb-cs-diff mine">{show(v)}</span> },
          { title: b && deptName(b.departmentId, b.departmentName), dataIndex: 'b', render: (v: string | string[]) => <span className="tb-cs-diff theirs">{show(v)}</span> },
        ]}
      />
      <Row gutter={12} style={{ marginTop: 10 }}>
        {[a, b].filter(Boolean).map((e) => (
          <Col xs={24} md={12} key={e.code}>
            <div className="tb-cs-side-title">
              {deptName(e.departmentId, e.departmentName)} <span className="tb-mono tb-muted">{e.code}</span>
            </div>
            <div className="tb-cs-side-q">{e.question}</div>
            <EntryAnswer code={e.code} />
          </Col>
        ))}
      </Row>
      {c.resolutionNote && (
        <Alert type="success" showIcon style={{ marginTop: 10 }} title={t('consult.admin.conflicts.resolution', { who: c.resolvedBy ?? '', when: fmtDateTime(c.resolvedAt) })} description={<PlainText text={c.resolutionNote} />} />
      )}
    </Card>
  );
}

function AnswerConflictCard({ c, onResolved }: { c: AnswerConflict; onResolved: () => void }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const { message } = App.useApp();
  const [a, b] = c.sides;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="answer-conflict"
      title={
        <Space wrap>
          <WarningOutlined style={{ color: c.status === 'open' ? '#d46b08' : '#8a93a5' }} />
          <Tag>{t(`consult.admin.conflicts.kind.${c.kind}`)}</Tag>
          {c.topic && <Tag className="tb-mono">{c.topic}</Tag>}
          <Tag color={c.status === 'open' ? 'orange' : 'green'}>{t(`consult.admin.conflicts.${c.status}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('consult.admin.conflicts.detected', { when: fmtDateTime(c.detectedAt) })}
          </Typography.Text>
        </Space>
      }
      extra={
        c.status === 'open' && (
          <ResolveButton
            onResolve={async (note) => {
              await consultApi.resolveAnswerConflict(c.id, note);
              message.success(t('consult.admin.conflicts.resolved'));
              onResolved();
            }}
          />
        )
      }
    >
      {c.differences.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="aspect"
          dataSource={c.differences}
          columns={[
            { title: t('consult.kb.fact'), dataIndex: 'aspect', width: 100, render: (f: string) => factText(f) },
            { title: a && deptName(a.departmentId, a.departmentName), dataIndex: 'a', render: (v: string[]) => <span className="tb-cs-diff mine">{show(v)}</span> },
            { title: b && deptName(b.departmentId, b.departmentName), dataIndex: 'b', render: (v: string[]) => <span className="tb-cs-diff theirs">{show(v)}</span> },
          ]}
        />
      )}
      <Row gutter={12} style={{ marginTop: 10 }}>
        {[a, b].filter(Boolean).map((s, i) => (
          <Col xs={24} md={12} key={i}>
            <div className="tb-cs-side-title">
              {deptName(s.departmentId, s.departmentName)} <span className="tb-mono tb-muted">{s.orderNumber ?? s.entryCode}</span>
            </div>
            <div className="tb-cs-side-q">{s.question}</div>
            <PlainText text={s.answer} className="tb-cs-side" />
          </Col>
        ))}
      </Row>
      {c.resolutionNote && (
        <Alert type="success" showIcon style={{ marginTop: 10 }} title={t('consult.admin.conflicts.resolution', { who: c.resolvedBy ?? '', when: fmtDateTime(c.resolvedAt) })} description={<PlainText text={c.resolutionNote} />} />
      )}
    </Card>
  );
}

const notAllowed = (e: unknown) => e instanceof ApiError && e.status === 403;

/** 矛盾: contradictory knowledge-base entries of different units, and contradictory replies — side by side, to resolve. */
export function ConflictsTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [which, setWhich] = useState<'kb' | 'answers'>('kb');
  const kb = useCursorPages<KbConflict>((cursor, signal) => consultApi.kbConflicts({ status, limit: 20, cursor }, { signal }), [status, which === 'kb']);
  const answers = useCursorPages<AnswerConflict>((cursor, signal) => consultApi.answerConflicts({ status, limit: 20, cursor }, { signal }), [status, which === 'answers']);
  const list = which === 'kb' ? kb : answers;

  return (
    <div data-testid="conflicts-tab">
      <Typography.Paragraph type="secondary">{t('consult.admin.conflicts.intro')}</Typography.Paragraph>
      <Space wrap className="tb-filter-bar">
        <Segmented
          value={which}
          onChange={(v) => setWhich(v as 'kb' | 'answers')}
          options={[
            { value: 'kb', label: <span data-testid="conflicts-kb">{t('consult.admin.conflicts.kbTab')}</span> },
            { value: 'answers', label: <span data-testid="conflicts-answers">{t('consult.admin.conflicts.answersTab')}</span> },
          ]}
        />
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'resolved')}
          options={[
            { value: 'open', label: t('consult.admin.conflicts.open') },
            { value: 'resolved', label: t('consult.admin.conflicts.resolved') },
          ]}
        />
      </Space>
      {notAllowed(list.error) ? (
        <Alert type="info" showIcon title={t('consult.admin.conflicts.notCoordinator')} />
      ) : (
        <ConsultErrorAlert error={list.error} onRetry={list.reload} />
      )}
      {!list.loading && !list.error && list.items.length === 0 && <Empty description={t('consult.admin.conflicts.empty')} />}
      {which === 'kb'
        ? kb.items.map((c) => <KbConflictCard key={c.id} c={c} onResolved={kb.reload} />)
        : answers.items.map((c) => <AnswerConflictCard key={c.id} c={c} onResolved={answers.reload} />)}
      <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
    </div>
  );
}
