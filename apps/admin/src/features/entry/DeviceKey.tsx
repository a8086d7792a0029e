import { OneTimeSecret } from '../../components/OneTimeSecret.js';
import type { RegisteredDevice } from './register-scanner-device.js';

/** A new device's key, which the API returns this once and never again. */
export function DeviceKey({ device, onDone }: { device: RegisteredDevice; onDone: () => void }) {
  return (
    <OneTimeSecret
      title={`Key for ${device.name}`}
      level={3}
      secret={device.key}
      label="Device key"
      testId="device-key"
      onDone={onDone}
    >
      Enter this key on the device now (it sends it as X-API-Key). It is shown only once: if it is lost, revoke the
      device and register it again.
    </OneTimeSecret>
  );
}
