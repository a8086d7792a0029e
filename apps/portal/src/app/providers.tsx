import { RouterProvider, SessionProvider } from '@tessera/ui';
import type { ReactNode } from 'react';
import { api, sessionEnded, tokens } from '../lib/api.js';

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <RouterProvider>
      <SessionProvider api={api} tokens={tokens} ended={sessionEnded}>
        {children}
      </SessionProvider>
    </RouterProvider>
  );
}
