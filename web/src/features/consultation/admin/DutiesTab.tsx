import { useState } from 'react';
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../../auth';
import { currentLang } from '../../../i18n';
import { useCursorPages } from '../../../lib/cursor';
import { regionName, useRegions } from '../../../lib/regions';
import { localDeptName, useDeptName } from '../../../lib/departments';
import { Pager } from '../../../components/Pager';
import { consultApi, type Duty } from '../api';
import { DeptPicker } from '../pickers';
import { ConsultErrorAlert } from '../ui';

/** 权责清单: browse the duty lists, one department at a time (or all), with what each duty covers and the words askers use. */
export function DutiesTab() {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const me = useMe();
  const regions = useRegions();
  const lang = currentLang();
  const [deptId, setDeptId] = useState<string | undefined>(hasRole(me, 'platform_admin') ? undefined : me.department?.id);
  const [status, setStatus] = useState<'active' | 'retired'>('active');
  const list = useCursorPages<Duty>((cursor, signal) => consultApi.duties({ departmentId: deptId, status, limit: 20, cursor }, { signal }), [deptId, status]);

  return (
    <div data-testid="duties-tab">
      <Typography.Paragraph type="secondary">{t('consult.admin.dutiesIntro')}</Typography.Paragraph>
      <Space wrap className="tb-filter-bar">
        <div style={{ width: 340 }}>
          <DeptPicker value={deptId} onChange={(v) => setDeptId(v as string | undefined)} known={me.department ? [{ id: me.department.id, name: localDeptName(me.department) }] : []} placeholder={t('consult.kb.allDepartments')} testId="duties-department" />
        </div>
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as 'active' | 'retired')}
          options={[
            { value: 'active', label: t('consult.kb.statusActive') },
            { value: 'retired', label: t('consult.kb.retired') },
          ]}
        />
      </Space>
      <ConsultErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Duty>
        data-testid="duties-table"
        rowKey="code"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1280 }}
        tableLayout="fixed"
        columns={[
          { title: t('consult.admin.dutyCode'), dataIndex: 'code', width: 150, render: (v: string) => <span className="tb-mono">{v}</span> },
          ...(deptId ? [] : [{ title: t('consult.common.unit'), dataIndex: 'departmentName', width: 180, render: (v: string, r: Duty) => deptName(r.departmentId, v) }]),
          {
            title: t('consult.admin.matter'),
            dataIndex: 'matter',
            width: 300,
            render: (v: string, d: Duty) => (
              <div>
                <div className="tb-cs-title">{v}</div>
                <div className="tb-muted" style={{ fontSize: 12 }}>
                  {d.description}
                </div>
              </div>
            ),
          },
          {
            title: t('consult.admin.keywords'),
            dataIndex: 'keywords',
            width: 300,
            render: (k: string[]) => (
              <Space size={[4, 4]} wrap>
                {k.slice(0, 12).map((x) => (
                  <Tag key={x}>{x}</Tag>
                ))}
                {k.length > 12 && <Typography.Text type="secondary">+{k.length - 12}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('consult.admin.regions'), dataIndex: 'regionCodes', width: 100, render: (r: string[]) => r.map((c) => regionName(c, regions.byCode, lang)).join('、') },
          { title: t('consult.common.basis'), dataIndex: 'basis', width: 220, render: (v: string | null) => v ?? '—' },
          { title: t('consult.common.phone'), dataIndex: 'contact', width: 130, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('consult.admin.deptPhone')}</Typography.Text> },
        ]}
      />
      <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
    </div>
  );
}
