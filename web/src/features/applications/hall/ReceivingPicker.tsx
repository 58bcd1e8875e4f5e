import { useEffect, useMemo, useState } from 'react';
import { Button, Cascader, Col, Row, Select, Typography } from 'antd';
import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchAll, type Department, type Region } from '../../../api';
import { currentLang } from '../../../i18n';
import { getDepartment } from '../../../lib/departments';
import { useRegions } from '../../../lib/regions';
import { regionChain } from '../../catalog/hall/RegionPicker';
import { appErrorText, colon } from './ui';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

function regionTree(list: Region[], lang: 'zh-CN' | 'en'): Option[] {
  const byParent = new Map<string | null, Region[]>();
  for (const r of list) byParent.set(r.parentCode ?? null, [...(byParent.get(r.parentCode ?? null) ?? []), r]);
  const build = (parent: string | null): Option[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => {
        const children = build(r.code);
        return { value: r.code, label: (lang === 'en' && r.nameEn) || r.name, children: children.length ? children : undefined };
      });
  return build(null);
}

const deptName = (d: Department, lang: 'zh-CN' | 'en') => (lang === 'en' && d.nameEn) || d.name;

/**
 * 异地代收: a region, then a department of that region to receive the application (government service centres
 * first). The chosen window's address and phone are shown: that is where the applicant goes.
 */
export function ReceivingPicker({ value, onChange, excludeId, error }: { value: string | undefined; onChange: (id: string | undefined) => void; excludeId?: string; error?: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const regions = useRegions();
  const options = useMemo(() => regionTree(regions.list, lang), [regions.list, lang]);
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [depts, setDepts] = useState<Department[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<Department | null>(null);

  // a saved choice: show its region and details
  useEffect(() => {
    if (!value) {
      setChosen(null);
      return;
    }
    if (chosen?.id === value) return;
    let live = true;
    getDepartment(value)
      .then((d) => {
        if (!live) return;
        setChosen(d);
        setRegion((r) => r ?? d.regionCode);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, chosen?.id]);

  useEffect(() => {
    if (!region) {
      setDepts([]);
      return;
    }
    let live = true;
    setLoading(true);
    setLoadError(null);
    fetchAll<Department>('/api/v1/org/departments', { regionCode: region }, 300)
      .then((list) => {
        if (!live) return;
        const sorted = list
          .filter((d) => d.active && d.id !== excludeId)
          .sort((a, b) => Number(b.kind === 'government_services_data') - Number(a.kind === 'government_services_data') || a.name.localeCompare(b.name, 'zh-CN'));
        setDepts(sorted);
      })
      .catch((e) => live && setLoadError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [region, excludeId]);

  const path = region && regions.byCode.size ? regionChain(region, regions.byCode) : region ? [region] : undefined;

  return (
    <div className="app-receiving" data-testid="receiving-picker">
      <Typography.Paragraph className="tb-muted">{t('applicationsHall.receiving.intro')}</Typography.Paragraph>
      <Row gutter={[16, 12]}>
        <Col xs={24} md={10}>
          <label className="app-label" htmlFor="receiving-region">
            {t('applicationsHall.receiving.region')}
          </label>
          <Cascader<Option>
            id="receiving-region"
            data-testid="receiving-region"
            options={options}
            value={path}
            loading={regions.loading}
            changeOnSelect
            placeholder={t('applicationsHall.receiving.regionPlaceholder')}
            style={{ width: '100%' }}
            onChange={(v) => {
              const code = Array.isArray(v) && v.length ? String(v[v.length - 1]) : undefined;
              setRegion(code);
              if (chosen && chosen.regionCode !== code) onChange(undefined);
            }}
            showSearch
          />
        </Col>
        <Col xs={24} md={14}>
          <label className="app-label" htmlFor="receiving-department">
            {t('applicationsHall.receiving.department')}
          </label>
          <Select
            id="receiving-department"
            data-testid="receiving-department"
            value={value}
            onChange={(v: string | undefined) => onChange(v ?? undefined)}
            allowClear
            disabled={!region}
            loading={loading}
            status={error ? 'error' : undefined}
            placeholder={t('applicationsHall.receiving.departmentPlaceholder')}
            notFoundContent={loading ? undefined : t('applicationsHall.receiving.noDepartments')}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            options={depts.map((d) => ({ value: d.id, label: deptName(d, lang) }))}
          />
        </Col>
      </Row>
      {loadError ? <div className="app-mat-problem">{t('applicationsHall.receiving.loadFailed')}
          {colon()}
          {appErrorText(loadError)}</div> : null}
      {error && <div className="app-mat-problem">{error}</div>}
      {value && chosen?.id === value && (
        <div className="app-receiving-chosen" data-testid="receiving-chosen">
          <div>
            <strong>{t('applicationsHall.receiving.selected', { name: deptName(chosen, lang) })}</strong>
          </div>
          <div className="tb-muted">
            <EnvironmentOutlined aria-hidden /> {t('applicationsHall.receiving.address', { address: chosen.address })}
          </div>
          <div className="tb-muted">
            <PhoneOutlined aria-hidden /> {t('applicationsHall.receiving.phone', { phone: chosen.phone })}
          </div>
          <Button size="small" type="link" className="app-receiving-clear" onClick={() => onChange(undefined)}>
            {t('applicationsHall.receiving.clear')}
          </Button>
        </div>
      )}
    </div>
  );
}
