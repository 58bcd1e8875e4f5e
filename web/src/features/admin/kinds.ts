/** Department kinds the platform knows (labels in the locale files under `kinds`). */
export const DEPARTMENT_KINDS = [
  'market_regulation',
  'public_security',
  'hrss',
  'medical_insurance',
  'health',
  'tax',
  'housing_fund',
  'civil_affairs',
  'housing_construction',
  'fire_rescue',
  'government_services_data',
  'natural_resources',
  'transport',
  'education',
  'ecology_environment',
] as const;
