import { Space, Tag } from 'antd';
import { label } from '../i18n';

const COLORS: Record<string, string> = {
  platform_admin: 'red',
  auditor: 'purple',
  department_admin: 'volcano',
  reviewer: 'geekblue',
  window_officer: 'blue',
};

export function RoleTags({ roles }: { roles: string[] }) {
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color={COLORS[r] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {label('roles', r)}
        </Tag>
      ))}
    </Space>
  );
}
