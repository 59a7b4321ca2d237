// The whole web app: providers around the routes.
import { AppRoutes } from './app-routes';
import { Providers } from './providers';

export function App() {
  return (
    <Providers>
      <AppRoutes />
    </Providers>
  );
}
