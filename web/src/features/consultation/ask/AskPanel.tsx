import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Radio, Space, Tag, Tooltip, Typography } from 'antd';
import {
  BulbOutlined, CheckCircleFilled, CustomerServiceOutlined, DislikeOutlined, LikeOutlined, LoginOutlined, QuestionCircleOutlined, SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ApiError } from '../../../api';
import { useAuth } from '../../../auth';
import { fmtDate } from '../../../lib/format';
import { RegionPicker } from '../../catalog/hall/RegionPicker';
import { DEFAULT_REGION, useCatalogRegion } from '../../catalog/hall/region';
import { consultApi, type AskResult, type EscalateResult, type InstantAnswer, type OrderType } from '../api';
import { BasisList, ConsultErrorAlert, consultErrorText, myOrderPath, PlainText, UnitCard } from '../ui';
import { useDeptName } from '../../../lib/departments';

export const QUESTION_MAX = 2000;
const SUGGEST_MIN = 4;
const SUGGEST_SCORE = 0.5;

interface Props {
  /** The drawer and the guide page show a narrower, single-column version. */
  compact?: boolean;
  /** The catalogue basic code of the service item the asker came from (entries linked to it rank higher). */
  itemCode?: string;
  /** That item's name, to show what the question is about. */
  itemName?: string;
  /** The question to show when the page is opened on one (`/ask?question=…`). */
  initial?: AskResult | null;
  /** Text to start with (after logging in to escalate, `/ask?q=…`). */
  initialText?: string;
  /** Region to start with (`/ask?region=…`); else the visitor's chosen or registered region. */
  initialRegion?: string;
  /** Region to use when nothing better is known about the visitor (the service item's region on its guide). */
  fallbackRegion?: string;
  /** Tell the page which question is shown (it keeps it in the address). */
  onAsked?: (r: AskResult) => void;
  /** A link was followed (the drawer closes). */
  onLeave?: () => void;
}

/** Live suggestions while typing: entries that answer the text well (nothing is stored). */
function useSuggestions(text: string, regionCode: string, enabled: boolean): InstantAnswer[] {
  const [items, setItems] = useState<InstantAnswer[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (!enabled || [...q].length < SUGGEST_MIN) {
      setItems([]);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      consultApi
        .searchKb(q.slice(0, QUESTION_MAX), regionCode, 3, { signal: ctl.signal })
        .then((r) => setItems(r.items.filter((x) => x.score >= SUGGEST_SCORE)))
        .catch(() => undefined);
    }, 350);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text, regionCode, enabled]);
  return items;
}

/** One instant answer: the standard question, the answer as text, the answering department, the basis, and the vote. */
function AnswerCard({ a, questionId, index }: { a: InstantAnswer; questionId: string; index: number }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const { message } = App.useApp();
  const [vote, setVote] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(helpful: boolean) {
    setBusy(true);
    try {
      await consultApi.feedback(questionId, a.entryCode, helpful);
      setVote(helpful);
    } catch (err) {
      message.error(consultErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="tb-cs-answer" data-testid="answer" data-entry={a.entryCode}>
      <div className="tb-cs-answer-q">
        <span className="tb-cs-answer-no">{index + 1}</span>
        <span data-testid="answer-question">{a.question}</span>
      </div>
      <PlainText text={a.answer} className="tb-cs-answer-text" testId="answer-text" />
      <div className="tb-cs-answer-meta">
        <Tag icon={<TeamOutlined />} color="blue" data-testid="answer-department">
          {t('consult.ask.answeredBy', { name: deptName(a.departmentId, a.departmentName) })}
        </Tag>
        {a.validTo && <Tag>{t('consult.ask.validTo', { date: fmtDate(a.validTo) })}</Tag>}
      </div>
      <BasisList basis={a.basis} testId="answer-basis" />
      <div className="tb-cs-answer-vote">
        {vote === null ? (
          <>
            <Typography.Text type="secondary">{t('consult.ask.helpfulQ')}</Typography.Text>
            <Button size="small" icon={<LikeOutlined />} loading={busy} onClick={() => void send(true)} data-testid="answer-helpful">
              {t('consult.ask.helpful')}
            </Button>
            <Button size="small" icon={<DislikeOutlined />} disabled={busy} onClick={() => void send(false)} data-testid="answer-unhelpful">
              {t('consult.ask.unhelpful')}
            </Button>
          </>
        ) : (
          <Typography.Text type="success" data-testid="answer-voted" data-helpful={vote ? 'true' : 'false'}>
            <CheckCircleFilled /> {vote ? t('consult.ask.thanksHelpful') : t('consult.ask.thanksUnhelpful')}
            <Button type="link" size="small" onClick={() => setVote(null)}>
              {t('consult.ask.changeVote')}
            </Button>
          </Typography.Text>
        )}
      </div>
    </div>
  );
}

/** Where an escalated question went: the unit's exact name, phone and address, and why (the matched duty). */
function EscalatedCard({ result, question, onLeave }: { result: EscalateResult; question: AskResult; onLeave?: () => void }) {
  const { t } = useTranslation();
  const d = result.order;
  const atDispatcher = !d.unit;
  const route = question.routing;
  const lastHop = d.chain[d.chain.length - 1];
  const reason = lastHop?.reason ?? route.reason;
  const unit = d.unit ?? { id: route.departmentId, name: route.departmentName, phone: route.contact.phone, address: route.contact.address };
  return (
    <Alert
      type="success"
      showIcon
      className="tb-cs-escalated"
      data-testid="escalated"
      title={result.created ? t('consult.ask.escalatedTitle') : t('consult.ask.escalatedAgain')}
      description={
        <div>
          <div className="tb-cs-escalated-row">
            {t('consult.ask.orderNumber')}
            <Typography.Text className="tb-mono" copyable data-testid="escalated-number">
              {d.order.orderNumber}
            </Typography.Text>
          </div>
          <div className="tb-cs-escalated-row">{atDispatcher ? t('consult.ask.wentToDispatcher') : t('consult.ask.wentTo')}</div>
          <UnitCard
            id={unit.id}
            name={unit.name}
            phone={unit.phone}
            address={unit.address}
            testId="escalated-unit"
            extra={
              <div className="tb-cs-unit-reason" data-testid="escalated-reason">
                <div className="k">{t('consult.ask.reason')}</div>
                {!atDispatcher && route.duty && !reason.includes(route.duty.matter) && (
                  <div data-testid="escalated-duty">
                    {t('consult.ask.duty', { matter: route.duty.matter })} <span className="tb-mono tb-muted">{route.duty.code}</span>
                  </div>
                )}
                <PlainText text={reason} />
              </div>
            }
          />
          <div className="tb-cs-escalated-row tb-muted">{t('consult.ask.limitHint', { days: d.deadline.limitDays })}</div>
          <Link to={myOrderPath(d.order.id)} onClick={onLeave}>
            <Button type="primary" data-testid="escalated-open">
              {t('consult.ask.viewProgress')}
            </Button>
          </Link>
        </div>
      }
    />
  );
}

/** 转人工: escalate the question to a person (a work order); anonymous askers are asked to log in first. */
function EscalateBox({ question, onLeave }: { question: AskResult; onLeave?: () => void }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const { me } = useAuth();
  const location = useLocation();
  const [type, setType] = useState<OrderType>('consultation');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<EscalateResult | null>(null);
  const answered = question.answers.length > 0;

  useEffect(() => {
    setResult(null);
    setError(null);
  }, [question.id]);

  async function escalate() {
    setBusy(true);
    setError(null);
    try {
      setResult(await consultApi.escalate(question.id, { type }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (result) return <EscalatedCard result={result} question={question} onLeave={onLeave} />;

  const title = answered ? t('consult.ask.stillAsk') : t('consult.ask.toPerson');
  const next = `/ask?q=${encodeURIComponent(question.text)}&region=${encodeURIComponent(question.regionCode)}${question.itemCode ? `&item=${encodeURIComponent(question.itemCode)}` : ''}`;
  return (
    <div className={`tb-cs-escalate${answered ? '' : ' strong'}`} data-testid="escalate-box">
      <div className="tb-cs-escalate-title">
        <CustomerServiceOutlined aria-hidden /> {answered ? t('consult.ask.notSolved') : t('consult.ask.noAnswerPerson')}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('consult.ask.escalateIntro')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="escalate-target">
        {question.routing.toDispatcher
          ? t('consult.ask.willGoToDispatcher', { unit: deptName(question.routing.departmentId, question.routing.departmentName) })
          : t('consult.ask.willGoTo', { unit: deptName(question.routing.departmentId, question.routing.departmentName) })}
      </Typography.Paragraph>
      {me?.kind === 'citizen' ? (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <span className="tb-muted">{t('consult.ask.typeLabel')}</span>
            <Radio.Group size="small" value={type} onChange={(e) => setType(e.target.value as OrderType)} optionType="button" data-testid="escalate-type">
              {(['consultation', 'help', 'complaint', 'suggestion'] as const).map((k) => (
                <Radio.Button key={k} value={k}>
                  {t(`consult.orderType.${k}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Space>
          <ConsultErrorAlert error={error} />
          <div>
            <Button type={answered ? 'default' : 'primary'} icon={<CustomerServiceOutlined />} loading={busy} onClick={() => void escalate()} data-testid="escalate">
              {title}
            </Button>
          </div>
        </>
      ) : me ? (
        <Alert type="info" showIcon title={t('consult.ask.escalateCitizensOnly')} />
      ) : (
        <Link to={`/login?next=${encodeURIComponent(next)}`} onClick={onLeave} state={{ from: location.pathname }}>
          <Button type="primary" icon={<LoginOutlined />} data-testid="escalate-login">
            {t('consult.ask.loginToEscalate')}
          </Button>
        </Link>
      )}
    </div>
  );
}

/** The result of asking: instant answers (or that there are none), then the way to a person. */
export function AskResultView({ result, compact, onLeave }: { result: AskResult; compact?: boolean; onLeave?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="tb-cs-result" data-testid="ask-result" data-outcome={result.outcome}>
      <div className="tb-cs-asked">
        <QuestionCircleOutlined aria-hidden /> <span className="k">{t('consult.ask.yourQuestion')}</span>
        <PlainText text={result.text} className="tb-cs-asked-text" testId="asked-text" />
      </div>
      {result.answers.length > 0 ? (
        <>
          <div className="tb-cs-section-title">
            <BulbOutlined aria-hidden /> {t('consult.ask.answersTitle', { count: result.answers.length })}
          </div>
          <div className={compact ? 'tb-cs-answers compact' : 'tb-cs-answers'} data-testid="answers">
            {result.answers.map((a, i) => (
              <AnswerCard key={a.entryCode} a={a} questionId={result.id} index={i} />
            ))}
          </div>
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid="no-answer">{t('consult.ask.noAnswer')}</span>} style={{ margin: '12px 0' }} />
      )}
      <EscalateBox question={result} onLeave={onLeave} />
    </div>
  );
}

/** 我要咨询: type a question (region preselected, or chosen), get instant answers, and escalate to a person if need be. */
export function AskPanel({ compact, itemCode, itemName, initial, initialText, initialRegion, fallbackRegion, onAsked, onLeave }: Props) {
  const { t } = useTranslation();
  const { region: visitorRegion, setRegion, chosen } = useCatalogRegion();
  // the province is only the default: an item's own region says more about an anonymous visitor
  const region = !chosen && visitorRegion === DEFAULT_REGION && fallbackRegion ? fallbackRegion : visitorRegion;
  const [text, setText] = useState(initialText ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<AskResult | null>(initial ?? null);
  const [regionCode, setRegionCode] = useState<string | null>(initial?.regionCode ?? initialRegion ?? null);
  const effectiveRegion = regionCode ?? region;
  const suggestions = useSuggestions(text, effectiveRegion, !busy && text.trim() !== result?.text);

  useEffect(() => {
    if (initial) {
      setResult(initial);
      setRegionCode(initial.regionCode);
    }
  }, [initial]);

  async function ask(q = text) {
    const body = q.trim();
    if (!body) {
      setError(new Error(t('consult.ask.empty')));
      return;
    }
    if ([...body].length > QUESTION_MAX) {
      setError(new Error(t('consult.ask.tooLong', { max: QUESTION_MAX })));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await consultApi.ask({ text: body, regionCode: effectiveRegion, channel: 'web', ...(itemCode ? { itemCode } : {}) });
      setResult(r);
      onAsked?.(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={compact ? 'tb-cs-ask compact' : 'tb-cs-ask'} data-testid="ask-panel">
      <div className="tb-cs-ask-box">
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => {
            if (!e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void ask();
            }
          }}
          placeholder={t('consult.ask.placeholder')}
          autoSize={{ minRows: compact ? 2 : 3, maxRows: 8 }}
          maxLength={QUESTION_MAX}
          showCount
          aria-label={t('consult.ask.inputLabel')}
          data-testid="ask-input"
        />
        <div className="tb-cs-ask-bar">
          <Tooltip title={t('consult.ask.regionHint')}>
            <span>
              <RegionPicker
                value={effectiveRegion}
                onChange={(c) => {
                  setRegionCode(c);
                  setRegion(c);
                }}
                size="middle"
              />
            </span>
          </Tooltip>
          {itemCode && (
            <Tag color="blue" data-testid="ask-item">
              {t('consult.ask.aboutItem', { name: itemName ?? itemCode })}
            </Tag>
          )}
          <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => void ask()} data-testid="ask-submit" className="tb-cs-ask-submit">
            {t('consult.ask.submit')}
          </Button>
        </div>
        {effectiveRegion === DEFAULT_REGION && !regionCode && <div className="tb-cs-ask-hint region" data-testid="ask-region-hint">{t('consult.ask.pickRegion')}</div>}
        <div className="tb-cs-ask-hint">{t('consult.ask.hint')}</div>
      </div>

      {suggestions.length > 0 && (
        <div className="tb-cs-suggest" data-testid="ask-suggestions">
          <span className="k">{t('consult.ask.suggestions')}</span>
          {suggestions.map((s) => (
            <Button
              key={s.entryCode}
              type="link"
              size="small"
              onClick={() => {
                setText(s.question);
                void ask(s.question);
              }}
            >
              {s.question}
            </Button>
          ))}
        </div>
      )}

      {error instanceof ApiError ? (
        <ConsultErrorAlert error={error} style={{ marginTop: 12 }} />
      ) : error instanceof Error ? (
        <Alert type="warning" showIcon title={error.message} style={{ margin: '12px 0' }} data-testid="ask-invalid" />
      ) : null}

      {result && (
        <Card size="small" className="tb-cs-result-card" style={{ marginTop: 16 }}>
          <AskResultView result={result} compact={compact} onLeave={onLeave} />
        </Card>
      )}
    </div>
  );
}
