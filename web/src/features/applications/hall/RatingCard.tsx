import { useState } from 'react';
import { Alert, App, Button, Card, Input, Rate, Tag, Typography } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { fmtDate, fmtDateTime } from '../../../lib/format';
import { RATING_DIMENSIONS, type CaseDetail, type RatingDimension } from '../types';
import { applicationsApi } from './api';
import { AppErrorAlert, CardTitle, msgs, useDepartmentName } from './ui';

const COMMENT_MAX = 500;
/** 不满意 / 非常不满意: the department must put it right, so the applicant says why. */
const isBad = (n: number) => n > 0 && n <= 2;

function levels(): string[] {
  return msgs().rating.levels as unknown as string[];
}

function RateRow({ label, value, onChange, testId, disabled }: { label: string; value: number; onChange?: (v: number) => void; testId: string; disabled?: boolean }) {
  const names = levels();
  return (
    <div className="app-rate-row">
      <span className="app-rate-label">{label}</span>
      <Rate value={value} onChange={onChange} disabled={disabled} tooltips={names} data-testid={testId} aria-label={label} />
      <span className="app-rate-level">{value ? names[value - 1] : ''}</span>
    </div>
  );
}

/** 好差评: once the case is concluded, one rating (overall + the four online dimensions + a comment); then shown. */
export function RatingCard({ detail, onRated }: { detail: CaseDetail; onRated: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [overall, setOverall] = useState(0);
  const [dims, setDims] = useState<Record<RatingDimension, number>>({ efficiency: 0, guideAccuracy: 0, convenience: 0, usability: 0 });
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rating = detail.rating ?? null;
  const rect = detail.rectification ?? null;
  const deptName = useDepartmentName(detail.case.departmentId);

  if (!rating && !detail.canRate) return null;

  if (rating) {
    const rs = msgs().rating.rectificationStatus as Record<string, string>;
    return (
      <Card
        id="rating"
        className="app-card"
        data-testid="rating-card"
        title={<CardTitle icon={<StarOutlined />}>{t('applicationsHall.rating.yours')}</CardTitle>}
      >
        {rating.voided && <Alert type="info" showIcon className="app-block" title={t('applicationsHall.rating.voided')} />}
        <div className={rating.voided ? 'app-rating-voided' : undefined} data-testid="rating-shown">
          <RateRow label={t('applicationsHall.rating.overall')} value={rating.overall} disabled testId="rating-shown-overall" />
          {RATING_DIMENSIONS.map((k) => (
            <RateRow key={k} label={t(`applicationsHall.rating.dimensions.${k}`)} value={rating.dimensions?.[k] ?? 0} disabled testId={`rating-shown-${k}`} />
          ))}
          {rating.comment && <div className="app-rating-comment">{rating.comment}</div>}
          <div className="tb-muted app-rating-at">{t('applicationsHall.rating.ratedAt', { date: fmtDateTime(rating.ratedAt) })}</div>
        </div>
        {rect && !rating.voided && (
          <Alert
            type={rect.status === 'closed' ? 'success' : 'info'}
            showIcon
            className="app-rating-rect"
            data-testid="rating-rectification"
            title={t('applicationsHall.rating.rectification', { department: deptName, date: fmtDate(rect.dueAt) })}
            description={
              <>
                <Tag color={rect.status === 'closed' ? 'success' : rect.overdue ? 'error' : 'processing'}>{rs[rect.status] ?? rect.status}</Tag>
                {rect.overdue && rect.status === 'open' && <Tag color="error">{t('applicationsHall.rating.rectificationOverdue')}</Tag>}
              </>
            }
          />
        )}
      </Card>
    );
  }

  function setOverallAndFill(v: number) {
    setOverall(v);
    setProblem(null);
    // the dimensions start from the overall level; the applicant adjusts any of them
    setDims((d) => Object.fromEntries(RATING_DIMENSIONS.map((k) => [k, d[k] || v])) as Record<RatingDimension, number>);
  }

  async function submit() {
    setError(null);
    if (!overall) return setProblem(t('applicationsHall.rating.needOverall'));
    if (RATING_DIMENSIONS.some((k) => !dims[k])) return setProblem(t('applicationsHall.rating.needDimensions'));
    if (isBad(overall) && comment.trim().length < 2) return setProblem(t('applicationsHall.rating.commentRequired'));
    setProblem(null);
    setBusy(true);
    try {
      const next = await applicationsApi.rate(detail.case.id, { overall, dimensions: dims, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      message.success(t('applicationsHall.rating.submitted'));
      onRated(next);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'applications.already_rated') {
        message.info(t('applicationsHall.rating.submitted'));
        const again = await applicationsApi.getCase(detail.case.id).catch(() => null);
        if (again) onRated(again);
        return;
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      id="rating"
      className="app-card app-rating"
      data-testid="rating-card"
      title={<CardTitle icon={<StarOutlined />}>{t('applicationsHall.rating.title')}</CardTitle>}
    >
      <Typography.Paragraph className="tb-muted">{t('applicationsHall.rating.intro')}</Typography.Paragraph>
      <RateRow label={t('applicationsHall.rating.overall')} value={overall} onChange={setOverallAndFill} testId="rating-overall" />
      <div className="app-rate-dims">
        {RATING_DIMENSIONS.map((k) => (
          <RateRow
            key={k}
            label={t(`applicationsHall.rating.dimensions.${k}`)}
            value={dims[k]}
            onChange={(v) => {
              setDims((d) => ({ ...d, [k]: v }));
              setProblem(null);
            }}
            testId={`rating-${k}`}
          />
        ))}
      </div>
      <label className="app-label" htmlFor="rating-comment">
        {t('applicationsHall.rating.comment')}
      </label>
      <Input.TextArea
        id="rating-comment"
        data-testid="rating-comment"
        value={comment}
        onChange={(e) => {
          setComment(e.target.value);
          setProblem(null);
        }}
        maxLength={COMMENT_MAX}
        showCount
        autoSize={{ minRows: 3, maxRows: 6 }}
        status={problem && isBad(overall) && comment.trim().length < 2 ? 'error' : undefined}
        placeholder={isBad(overall) ? t('applicationsHall.rating.commentPlaceholderBad') : t('applicationsHall.rating.commentPlaceholder')}
      />
      {problem && (
        <div className="app-mat-problem" role="alert" data-testid="rating-problem">
          {problem}
        </div>
      )}
      {error ? <AppErrorAlert error={error} /> : null}
      <div className="app-rating-actions">
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="rating-submit">
          {t('applicationsHall.rating.submit')}
        </Button>
      </div>
    </Card>
  );
}
