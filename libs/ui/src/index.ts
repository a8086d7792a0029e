// @tessera/ui: the shared look and building blocks of the Tessera apps.
// Each app imports the stylesheet once: `import '@tessera/ui/src/styles.css'`.
export { AccessGate, type AccessGateProps } from './components/AccessGate.js';
export { AppShell, type AppShellProps, type NavItem } from './components/AppShell.js';
export { Badge, type BadgeTone } from './components/Badge.js';
export {
  Button,
  ButtonLink,
  buttonClass,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
} from './components/Button.js';
export { CheckboxGroup, type CheckboxGroupProps, type CheckboxOption } from './components/CheckboxGroup.js';
export { DataTable, type Column, type DataTableProps } from './components/DataTable.js';
export { EmptyState, type EmptyStateProps } from './components/EmptyState.js';
export { ErrorBanner, fieldErrors, problemMessage, type ErrorBannerProps } from './components/ErrorBanner.js';
export { Loading, PageHeader, Stat, type PageHeaderProps, type StatProps } from './components/Layout.js';
export { Pagination, type PaginationProps } from './components/Pagination.js';
export { QuantityStepper, stepQuantity, type QuantityStepperProps } from './components/QuantityStepper.js';
export {
  SeatMapView,
  seatAccessibleName,
  seatLabel,
  seatsForTicketType,
  type SeatMapViewProps,
  type SeatState,
} from './components/SeatMapView.js';
export { Select, type SelectOption, type SelectProps } from './components/Select.js';
export { SignInForm, type SignInFormProps } from './components/SignInForm.js';
export { TextArea, type TextAreaProps } from './components/TextArea.js';
export { TextField, type TextFieldProps } from './components/TextField.js';
export {
  AVAILABILITY_POLL_MS,
  applyAvailability,
  useLiveAvailability,
  type Availability,
  type AvailabilitySource,
  type LiveAvailability,
  type TypeAvailability,
} from './availability.js';
export {
  currencyDigits,
  formatEventDate,
  formatEventDateTime,
  formatEventTime,
  formatMoney,
  formatTimestamp,
  humanize,
  parseMoney,
  startOfToday,
} from './format.js';
export { useAsync, useDebouncedValue, type AsyncState } from './hooks.js';
export { newIdempotencyKey, useIdempotentSubmit, type IdempotentSubmit } from './idempotency.js';
export {
  DetailedProblem,
  changedTotal,
  isProblem,
  seatTakenDetails,
  unwrapDetailed,
  type SeatRef,
} from './problems.js';
export {
  Link,
  RouterProvider,
  Routes,
  basePath,
  href,
  isActive,
  matchPath,
  navigate,
  useRoute,
  withQuery,
  type LinkProps,
  type Route,
  type RouteDefinition,
} from './router.js';
export {
  SessionProvider,
  createSessionSignal,
  hasAnyRole,
  useSession,
  type AuthResponse,
  type Role,
  type Session,
  type SessionProviderProps,
  type SessionSignal,
  type SessionStatus,
  type User,
} from './session.js';
