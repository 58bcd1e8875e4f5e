import { Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type DataAccessEntry, type Page } from '../../api';
import { currentLang } from '../../i18n';
import { fmtDateTime, parseOnBehalfOf } from '../../lib/format';
import { useCursorPages } from '../../lib/cursor';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { Pager } from '../../components/Pager';
import zhCN from '../../locales/zh-CN';

type PersonField = keyof typeof zhCN.person;

/** 谁查看了我的数据: every read of my personal data, with who, why and which fields. */
export default function DataAccessPage() {
  const { t } = useTranslation();
  const list = useCursorPages<DataAccessEntry>(
    (cursor, signal) => api.get<Page<DataAccessEntry>>('/api/v1/identity/people/me/data-access', { limit: 20, cursor: cursor ?? undefined }, { signal }),
    [],
  );

  const fieldLabel = (f: string): string => (f in zhCN.person && f !== 'sexValues' ? t(`person.${f as Exclude<PersonField, 'sexValues'>}`) : f);
  const purposeText = (p: string): string => {
    // The server records its own reads of an enterprise record with a fixed purpose; say it in the UI language.
    const m = /^查看企业登记信息（([0-9A-Z]{18})）$/.exec(p);
    return m ? t('dataAccess.enterpriseRecord', { uscc: m[1] }) : p;
  };

  return (
    <>
      <PageHead title={t('dataAccess.title')} intro={t('dataAccess.intro')} testId="data-access-title" />
      <Card>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<DataAccessEntry>
          data-testid="data-access-table"
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          locale={{ emptyText: t('dataAccess.empty') }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('dataAccess.at'), dataIndex: 'at', width: 160, render: (v: string) => fmtDateTime(v) },
            { title: t('dataAccess.accessor'), dataIndex: 'accessor', width: 130 },
            { title: t('dataAccess.department'), dataIndex: 'accessorDepartment', width: 220, render: (v: string | null) => v ?? t('common.none') },
            {
              title: t('dataAccess.onBehalfOf'),
              dataIndex: 'onBehalfOf',
              width: 200,
              render: (v: string | null) => {
                const o = parseOnBehalfOf(v);
                if (!o) return t('common.none');
                return (
                  <span>
                    {o.type === 'enterprise' ? t('targetTypes.enterprise') : o.type} <span className="tb-mono">{o.key}</span>
                  </span>
                );
              },
            },
            {
              title: t('dataAccess.fields'),
              dataIndex: 'fields',
              render: (v: string[]) => (
                <Space size={[4, 4]} wrap>
                  {v.map((f) => (
                    <Tag key={f} style={{ marginInlineEnd: 0 }}>
                      {fieldLabel(f)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('dataAccess.purpose'), dataIndex: 'purpose', width: 260, render: (v: string) => purposeText(v) },
          ]}
          key={currentLang()}
        />
        <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
      </Card>
    </>
  );
}
