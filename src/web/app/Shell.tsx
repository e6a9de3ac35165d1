import { Anchor, Box, Button, Center, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../features/auth/api.ts';
import { LoginPage } from '../features/auth/components/LoginPage.tsx';
import { HandoverScreen } from '../features/fip/components/HandoverScreen.tsx';
import { CaseloadPage } from '../features/caseload/components/CaseloadPage.tsx';
import { RegisterCitizenPage } from '../features/caseload/components/RegisterCitizenPage.tsx';
import { CitizenPage } from '../features/citizen/components/CitizenPage.tsx';
import { PlacementForm } from '../features/citizen/components/PlacementForm.tsx';
import { EvaluationPage } from '../features/evaluation/components/EvaluationPage.tsx';
import { PackagesPage } from '../features/packages/components/PackagesPage.tsx';
import { PackagePage } from '../features/packages/components/PackagePage.tsx';
import { EnrolmentPage } from '../features/packages/components/EnrolmentPage.tsx';
import { CompaniesPage } from '../features/companies/components/CompaniesPage.tsx';
import { CompanyPage } from '../features/companies/components/CompanyPage.tsx';
import { DemandPage } from '../features/companies/components/DemandPage.tsx';
import { can } from '../../domain/permissions.ts';
import type { User } from '../lib/types.ts';
import { LanguageMenu } from '../components/ui/LanguageMenu.tsx';
import { hrefFor, useRoute } from './router.ts';
import { Loading } from '../components/ui/Loading.tsx';

function Header({ name, user }: { name?: string; user?: User }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Box component="header" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor href="#/" fw={700} size="lg" c="teal.9" underline="never">
          jobvej
        </Anchor>
        <Group gap="xs">
          {user && can(user, 'company.view') && (
            <Anchor href={hrefFor({ name: 'companies' })} size="sm" fw={600}>
              {t('companies.nav')}
            </Anchor>
          )}
          {user && can(user, 'company.view') && (
            <Anchor href={hrefFor({ name: 'demand' })} size="sm" fw={600}>
              {t('companies.demand.nav')}
            </Anchor>
          )}
          {user && can(user, 'package.view') && (
            <Anchor href={hrefFor({ name: 'packages' })} size="sm" fw={600}>
              {t('packages.nav')}
            </Anchor>
          )}
          {user && can(user, 'evaluation.view') && (
            <Anchor href={hrefFor({ name: 'evaluations' })} size="sm" fw={600}>
              {t('evaluation.nav')}
            </Anchor>
          )}
          {name && (
            <Text size="sm" c="gray.8">
              {name}
            </Text>
          )}
          <LanguageMenu />
          {name && (
            <Button variant="subtle" size="sm" onClick={() => logout.mutate()}>
              {t('auth.logout')}
            </Button>
          )}
        </Group>
      </Group>
    </Box>
  );
}

function Routes({ user }: { user: User }) {
  const route = useRoute();
  const evaluatorOnly = can(user, 'evaluation.view') && !can(user, 'citizen.list');
  switch (route.name) {
    case 'caseload':
      return evaluatorOnly ? <EvaluationPage /> : <CaseloadPage />;
    case 'evaluations':
      return <EvaluationPage runId={route.runId} />;
    case 'newCitizen':
      return <RegisterCitizenPage />;
    case 'citizen':
      return <CitizenPage id={route.id} />;
    case 'companies':
      return <CompaniesPage />;
    case 'company':
      return <CompanyPage id={route.id} />;
    case 'demand':
      return <DemandPage />;
    case 'packages':
      return <PackagesPage />;
    case 'package':
      return <PackagePage id={route.id} />;
    case 'enrolment':
      return <EnrolmentPage packageId={route.packageId} enrolmentId={route.enrolmentId} />;
    case 'newOffer':
      return <PlacementForm citizenId={route.id} />;
  }
}

export function Shell() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Center component="main" h="100vh">
        <Loading />
      </Center>
    );
  }
  if (me.data?.handover) return <HandoverScreen handover={me.data.handover} />;
  if (!me.data) {
    return (
      <>
        <Header />
        <LoginPage />
      </>
    );
  }
  return (
    <>
      <Header name={me.data.user.displayName} user={me.data.user} />
      <Container component="main" size="lg" py="md" px="sm">
        <Routes user={me.data.user} />
      </Container>
    </>
  );
}
