import { Button } from '@tessera/ui';
import type { RefObject } from 'react';
import type { CameraStatus } from './use-camera-scanner.js';

interface CameraPanelProps {
  videoRef: RefObject<HTMLVideoElement | null>;
  status: CameraStatus;
  error: string | null;
  onStart: () => void;
  onStop: () => void;
}

/** The camera view with its start/stop button; the video stays mounted so it can be started at once. */
export function CameraPanel({ videoRef, status, error, onStart, onStop }: CameraPanelProps) {
  const live = status === 'on' || status === 'starting';
  return (
    <section className="scan-camera" aria-label="Camera" data-testid="camera" data-status={status}>
      <div className="scan-camera__view" hidden={!live}>
        <video ref={videoRef} className="scan-camera__video" muted playsInline autoPlay aria-label="Camera view" />
        <span className="scan-camera__frame" aria-hidden="true" />
      </div>
      {error && (
        <div className="ts-alert" role="alert" data-testid="camera-error">
          <p className="ts-alert__title">Camera unavailable</p>
          <p>{error}</p>
        </div>
      )}
      {live ? (
        <Button variant="secondary" size="lg" block onClick={onStop}>
          Stop camera
        </Button>
      ) : (
        <Button size="lg" block onClick={onStart}>
          Start camera
        </Button>
      )}
      {status === 'starting' && <p className="ts-muted">Starting the camera…</p>}
    </section>
  );
}
