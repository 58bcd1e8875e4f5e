import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { homePath, useAuth } from './auth';
import { AppLayout } from './components/AppLayout';
import { FullPageSpin, RequireAuth } from './components/RequireAuth';
import { NotFound } from './components/Results';
import { LoginPage } from './features/auth/LoginPage';

const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage'));
const HallPage = lazy(() => import('./features/hall/HallPage'));
const AgentsPage = lazy(() => import('./features/hall/AgentsPage'));
const DataAccessPage = lazy(() => import('./features/hall/DataAccessPage'));
const WorkbenchPage = lazy(() => import('./features/workbench/WorkbenchPage'));
const CaseQueuesPage = lazy(() => import('./features/workbench/cases/QueuesPage'));
const CaseDetailPage = lazy(() => import('./features/workbench/cases/CaseDetailPage'));
const RectificationsPage = lazy(() => import('./features/workbench/cases/RectificationsPage'));
const AdminLayout = lazy(() => import('./features/admin/AdminLayout'));
const DashboardPage = lazy(() => import('./features/admin/DashboardPage'));
const RegionsPage = lazy(() => import('./features/admin/RegionsPage'));
const DepartmentsPage = lazy(() => import('./features/admin/DepartmentsPage'));
const StaffPage = lazy(() => import('./features/admin/StaffPage'));
const AuditPage = lazy(() => import('./features/security/AuditPage'));
const WebhooksPage = lazy(() => import('./features/integration/WebhooksPage'));
const CatalogManagePage = lazy(() => import('./features/catalog/admin/ManagePage'));
const CatalogEditorPage = lazy(() => import('./features/catalog/admin/EditorPage'));
const CatalogVersionsPage = lazy(() => import('./features/catalog/admin/VersionsPage'));
const CatalogReviewPage = lazy(() => import('./features/catalog/admin/ReviewPage'));
const CatalogBasicPage = lazy(() => import('./features/catalog/admin/BasicPage'));
const CatalogImportPage = lazy(() => import('./features/catalog/admin/ImportPage'));
const CatalogPage = lazy(() => import('./features/catalog/hall/CatalogPage'));
const GuidePage = lazy(() => import('./features/catalog/hall/GuidePage'));
const ApplyPage = lazy(() => import('./features/applications/hall/ApplyPage'));
const MyCasesPage = lazy(() => import('./features/applications/hall/CasesPage'));
const MyCasePage = lazy(() => import('./features/applications/hall/CasePage'));
const NotificationsPage = lazy(() => import('./features/applications/hall/NotificationsPage'));
const VerifyDocumentPage = lazy(() => import('./features/verify/VerifyDocumentPage'));
const LicenceWalletPage = lazy(() => import('./features/licenses/WalletPage'));
const LicenceWalletDetailPage = lazy(() => import('./features/licenses/WalletDetailPage'));
const VerifyLicencePage = lazy(() => import('./features/licenses/VerifyLicencePage'));
const LicencesIssuedPage = lazy(() => import('./features/licenses/IssuedPage'));
const LicenceTypesPage = lazy(() => import('./features/licenses/TypesPage'));
const LicenceTypeDetailPage = lazy(() => import('./features/licenses/TypeDetailPage'));
const LicenceTypeEditPage = lazy(() => import('./features/licenses/TypeEditPage'));
const LicenceCataloguePage = lazy(() => import('./features/licenses/CataloguePage'));
const LicenceTrustPage = lazy(() => import('./features/licenses/TrustPage'));
const AskPage = lazy(() => import('./features/consultation/ask/AskPage'));
const MyQuestionsPage = lazy(() => import('./features/consultation/hall/MyQuestionsPage'));
const MyOrderPage = lazy(() => import('./features/consultation/hall/MyOrderPage'));
const OrdersPage = lazy(() => import('./features/consultation/workbench/OrdersPage'));
const OrderDetailPage = lazy(() => import('./features/consultation/workbench/OrderDetailPage'));
const DispatchPage = lazy(() => import('./features/consultation/workbench/DispatchPage'));
const KnowledgePage = lazy(() => import('./features/consultation/workbench/KnowledgePage'));
const ConsultationAdminPage = lazy(() => import('./features/consultation/admin/ConsultationAdminPage'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

/** "/" sends each user to their home: citizens to the hall, admins to the back office, other staff to the workbench. */
function Home() {
  const { me, loading } = useAuth();
  if (loading) return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace />;
  return <Navigate to={homePath(me)} replace />;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<Home />} />
          <Route path="services" element={<Lazy><CatalogPage /></Lazy>} />
          <Route path="services/items/:id" element={<Lazy><GuidePage /></Lazy>} />
          <Route path="verify/documents/:id" element={<Lazy><VerifyDocumentPage /></Lazy>} />
          <Route path="verify/licences" element={<Lazy><VerifyLicencePage /></Lazy>} />
          <Route path="verify/licences/p/:presentationId" element={<Lazy><VerifyLicencePage /></Lazy>} />
          <Route path="verify/licences/:presentationId" element={<Lazy><VerifyLicencePage /></Lazy>} />
          <Route path="account/password" element={<RequireAuth><Lazy><ChangePasswordPage /></Lazy></RequireAuth>} />
          <Route path="hall" element={<RequireAuth kind="citizen"><Lazy><HallPage /></Lazy></RequireAuth>} />
          <Route path="hall/agents" element={<RequireAuth kind="citizen"><Lazy><AgentsPage /></Lazy></RequireAuth>} />
          <Route path="hall/data-access" element={<RequireAuth kind="citizen"><Lazy><DataAccessPage /></Lazy></RequireAuth>} />
          <Route path="hall/apply/:itemId" element={<RequireAuth kind="citizen"><Lazy><ApplyPage /></Lazy></RequireAuth>} />
          <Route path="hall/cases" element={<RequireAuth kind="citizen"><Lazy><MyCasesPage /></Lazy></RequireAuth>} />
          <Route path="hall/cases/:id" element={<RequireAuth kind="citizen"><Lazy><MyCasePage /></Lazy></RequireAuth>} />
          <Route path="hall/notifications" element={<RequireAuth kind="citizen"><Lazy><NotificationsPage /></Lazy></RequireAuth>} />
          <Route path="ask" element={<Lazy><AskPage /></Lazy>} />
          <Route path="hall/questions" element={<RequireAuth kind="citizen"><Lazy><MyQuestionsPage /></Lazy></RequireAuth>} />
          <Route path="hall/questions/:id" element={<RequireAuth kind="citizen"><Lazy><MyOrderPage /></Lazy></RequireAuth>} />
          <Route path="hall/licences" element={<RequireAuth kind="citizen"><Lazy><LicenceWalletPage /></Lazy></RequireAuth>} />
          <Route path="hall/licences/:licenceId" element={<RequireAuth kind="citizen"><Lazy><LicenceWalletDetailPage /></Lazy></RequireAuth>} />
          <Route path="workbench" element={<RequireAuth kind="staff"><Lazy><WorkbenchPage /></Lazy></RequireAuth>} />
          <Route path="workbench/cases" element={<RequireAuth kind="staff" roles={['window_officer', 'reviewer']}><Lazy><CaseQueuesPage /></Lazy></RequireAuth>} />
          <Route path="workbench/cases/:id" element={<RequireAuth kind="staff"><Lazy><CaseDetailPage /></Lazy></RequireAuth>} />
          <Route path="workbench/rectifications" element={<RequireAuth kind="staff" roles={['window_officer', 'reviewer', 'department_admin', 'platform_admin']}><Lazy><RectificationsPage /></Lazy></RequireAuth>} />
          <Route path="workbench/orders" element={<RequireAuth kind="staff" roles={['window_officer', 'reviewer', 'department_admin']}><Lazy><OrdersPage /></Lazy></RequireAuth>} />
          <Route path="workbench/orders/:id" element={<RequireAuth kind="staff"><Lazy><OrderDetailPage /></Lazy></RequireAuth>} />
          <Route path="workbench/dispatch" element={<RequireAuth kind="staff" roles={['window_officer', 'reviewer', 'department_admin', 'platform_admin']}><Lazy><DispatchPage /></Lazy></RequireAuth>} />
          <Route path="workbench/knowledge" element={<RequireAuth kind="staff" roles={['department_admin', 'platform_admin']}><Lazy><KnowledgePage /></Lazy></RequireAuth>} />
          <Route path="workbench/licences" element={<RequireAuth kind="staff"><Lazy><LicencesIssuedPage /></Lazy></RequireAuth>} />
          <Route path="admin" element={<RequireAuth kind="staff" roles={['platform_admin', 'department_admin', 'auditor']}><Lazy><AdminLayout /></Lazy></RequireAuth>}>
            <Route index element={<Lazy><DashboardPage /></Lazy>} />
            <Route path="regions" element={<RequireAuth roles={['platform_admin']}><Lazy><RegionsPage /></Lazy></RequireAuth>} />
            <Route path="departments" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><DepartmentsPage /></Lazy></RequireAuth>} />
            <Route path="staff" element={<RequireAuth roles={['platform_admin', 'department_admin', 'auditor']}><Lazy><StaffPage /></Lazy></RequireAuth>} />
            <Route path="audit" element={<RequireAuth roles={['platform_admin', 'department_admin', 'auditor']}><Lazy><AuditPage /></Lazy></RequireAuth>} />
            <Route path="webhooks" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><WebhooksPage /></Lazy></RequireAuth>} />
            <Route path="catalog" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><CatalogManagePage /></Lazy></RequireAuth>} />
            <Route path="catalog/items/new" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><CatalogEditorPage mode="new" /></Lazy></RequireAuth>} />
            <Route path="catalog/items/:id/versions" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><CatalogVersionsPage /></Lazy></RequireAuth>} />
            <Route path="catalog/items/:id/versions/:version" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><CatalogEditorPage mode="view" /></Lazy></RequireAuth>} />
            <Route path="catalog/items/:id/versions/:version/edit" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><CatalogEditorPage mode="edit" /></Lazy></RequireAuth>} />
            <Route path="catalog/review" element={<RequireAuth roles={['platform_admin']}><Lazy><CatalogReviewPage /></Lazy></RequireAuth>} />
            <Route path="catalog/basic" element={<RequireAuth roles={['platform_admin']}><Lazy><CatalogBasicPage /></Lazy></RequireAuth>} />
            <Route path="catalog/import" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><CatalogImportPage /></Lazy></RequireAuth>} />
            <Route path="consultation" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><ConsultationAdminPage /></Lazy></RequireAuth>} />
            <Route path="licences/types" element={<RequireAuth roles={['platform_admin', 'department_admin', 'auditor']}><Lazy><LicenceTypesPage /></Lazy></RequireAuth>} />
            <Route path="licences/types/new" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><LicenceTypeEditPage /></Lazy></RequireAuth>} />
            <Route path="licences/types/:code" element={<RequireAuth roles={['platform_admin', 'department_admin', 'auditor']}><Lazy><LicenceTypeDetailPage /></Lazy></RequireAuth>} />
            <Route path="licences/types/:code/edit" element={<RequireAuth roles={['platform_admin', 'department_admin']}><Lazy><LicenceTypeEditPage /></Lazy></RequireAuth>} />
            <Route path="licences/catalogue" element={<RequireAuth roles={['platform_admin', 'department_admin', 'auditor']}><Lazy><LicenceCataloguePage /></Lazy></RequireAuth>} />
            <Route path="licences/trust" element={<RequireAuth roles={['platform_admin']}><Lazy><LicenceTrustPage /></Lazy></RequireAuth>} />
            <Route path="*" element={<NotFound />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
