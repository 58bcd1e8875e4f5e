import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api';
import { currentLang } from '../../i18n';
import { fmtDate, fmtDateTime, snakeCase } from '../../lib/format';
import { regionPath, useRegions } from '../../lib/regions';
import { SourceTag } from '../../components/SourceTag';

const PERSON_FIELDS = ['name', 'sex', 'birthDate', 'ethnicity', 'maritalStatus', 'phone', 'hukouAddress', 'residenceAddress'] as const;

/** A population-registry record, each attribute with its source department and last update. */
export function PersonDescriptions({ person }: { person: Person }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const show = (k: (typeof PERSON_FIELDS)[number]): string => {
    const v = person[k];
    if (v == null || v === '') return t('common.none');
    if (k === 'sex') return v === 'M' || v === 'F' ? t(`person.sexValues.${v}`) : v;
    if (k === 'birthDate') return fmtDate(v);
    return v;
  };
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'idNumber', label: t('person.idNumber'), children: <span className="tb-mono">{person.idNumber}</span> },
        ...PERSON_FIELDS.map((k) => ({
          key: k,
          label: t(`person.${k}`),
          span: k === 'hukouAddress' || k === 'residenceAddress' ? ('filled' as const) : 1,
          children: (
            <div className="tb-value-line">
              <span>{show(k)}</span>
              <SourceTag source={person.provenance[snakeCase(k)]} />
            </div>
          ),
        })),
        { key: 'region', label: t('person.regionCode'), children: regionPath(person.regionCode, regions.byCode, currentLang(), true) },
        { key: 'updatedAt', label: t('person.updatedAt'), children: fmtDateTime(person.updatedAt) },
      ]}
    />
  );
}
