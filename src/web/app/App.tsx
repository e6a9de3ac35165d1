import { useEffect, useState } from 'react';
import { DirectionProvider, MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { onApiError } from '../lib/http.ts';
import { Shell } from './Shell.tsx';
import { storedLang } from '../i18n/index.ts';
import { isRtl } from '../../domain/fip/index.ts';

const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  fontFamily: "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Ethiopic', system-ui, sans-serif",
});

/**
 * Secondary text ("dimmed": table captions, hints) one shade darker than Mantine's gray.6, which
 * is 3.32:1 on white; gray.7 (#495057) is 8.2:1, above the 4.5:1 that WCAG AA asks of normal text.
 */
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057' },
  dark: {},
});

function ApiErrorBridge() {
  const qc = useQueryClient();
  useEffect(
    () =>
      onApiError((err) => {
        if (err.status === 401) qc.setQueryData(['me'], null);
        if (err.status === 423) void qc.invalidateQueries({ queryKey: ['me'] });
      }),
    [qc],
  );
  return null;
}

export function App() {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <DirectionProvider initialDirection={isRtl(storedLang()) ? 'rtl' : 'ltr'}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          <ApiErrorBridge />
          <Shell />
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
