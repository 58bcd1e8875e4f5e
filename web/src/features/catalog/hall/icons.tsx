import type { ReactNode } from 'react';
import {
  AccountBookOutlined, AppstoreOutlined, AuditOutlined, BankOutlined, BuildOutlined, CarOutlined, CoffeeOutlined,
  ContactsOutlined, ExperimentOutlined, FileProtectOutlined, FireOutlined, GiftOutlined, HeartOutlined, HomeOutlined,
  IdcardOutlined, MedicineBoxOutlined, ReadOutlined, SafetyCertificateOutlined, ShopOutlined, SmileOutlined,
  SolutionOutlined, StopOutlined, TeamOutlined, TrophyOutlined, UserOutlined,
} from '@ant-design/icons';

const THEME_ICONS: Record<string, ReactNode> = {
  birth: <SmileOutlined />,
  hukou: <ContactsOutlined />,
  education: <ReadOutlined />,
  employment: <SolutionOutlined />,
  marriage: <HeartOutlined />,
  social_security: <SafetyCertificateOutlined />,
  medical: <MedicineBoxOutlined />,
  housing: <HomeOutlined />,
  transport: <CarOutlined />,
  documents: <IdcardOutlined />,
  elderly: <UserOutlined />,
  social_assistance: <GiftOutlined />,
  funeral: <FileProtectOutlined />,
  establishment: <ShopOutlined />,
  permits: <AuditOutlined />,
  qualification: <TrophyOutlined />,
  tax: <AccountBookOutlined />,
  human_resources: <TeamOutlined />,
  housing_fund: <BankOutlined />,
  fire_safety: <FireOutlined />,
  construction: <BuildOutlined />,
  food_drug: <ExperimentOutlined />,
  closure: <StopOutlined />,
};

const LIFE_EVENT_ICONS: Record<string, ReactNode> = {
  birth: <SmileOutlined />,
  enterprise_opening: <ShopOutlined />,
  restaurant_opening: <CoffeeOutlined />,
  employment: <SolutionOutlined />,
  retirement: <UserOutlined />,
  home_purchase: <HomeOutlined />,
  after_death: <FileProtectOutlined />,
};

export const themeIcon = (code: string): ReactNode => THEME_ICONS[code] ?? <AppstoreOutlined />;
export const lifeEventIcon = (code: string): ReactNode => LIFE_EVENT_ICONS[code] ?? <AppstoreOutlined />;
