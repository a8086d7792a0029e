// Every migration, in order. Run with `npm run db:migrate`, undo the last with `npm run db:revert`.
import { Initial1764100000000 } from './1764100000000-initial.js';
import { SeatMaps1764200000000 } from './1764200000000-seat-maps.js';
import { Purchases1795665589971 } from './1795665589971-purchases.js';
import { TicketCodes1795668948101 } from './1795668948101-ticket-codes.js';
import { DirectSale1795670000000 } from './1795670000000-direct-sale.js';
import { TicketDelivery1795674852534 } from './1795674852534-ticket-delivery.js';
import { Validation1795678435366 } from './1795678435366-validation.js';
import { ScannerDevices1795678979754 } from './1795678979754-scanner-devices.js';
import { ValidationScan1795685000000 } from './1795685000000-validation-scan.js';
import { Pricing1795690000000 } from './1795690000000-pricing.js';
import { SupportReporting1795700000000 } from './1795700000000-support-reporting.js';
import { DirectSeatSale1795710000000 } from './1795710000000-direct-seat-sale.js';
import { IssuedTicketTypeIndex1795720000000 } from './1795720000000-issued-ticket-type-index.js';
import { GroupCommit1795730000000 } from './1795730000000-group-commit.js';
import { FreeSeatsRead1795740000000 } from './1795740000000-free-seats-read.js';
import { OnePurchasePerHold1795750000000 } from './1795750000000-one-purchase-per-hold.js';

export const migrations = [
  Initial1764100000000,
  SeatMaps1764200000000,
  Purchases1795665589971,
  TicketCodes1795668948101,
  DirectSale1795670000000,
  TicketDelivery1795674852534,
  Validation1795678435366,
  ScannerDevices1795678979754,
  ValidationScan1795685000000,
  Pricing1795690000000,
  SupportReporting1795700000000,
  DirectSeatSale1795710000000,
  IssuedTicketTypeIndex1795720000000,
  GroupCommit1795730000000,
  FreeSeatsRead1795740000000,
  OnePurchasePerHold1795750000000,
];
