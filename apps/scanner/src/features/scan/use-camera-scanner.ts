import jsQR from 'jsqr';
import { useCallback, useEffect, useRef, useState } from 'react';

/** About 8 frames a second: quick enough at a gate, light enough for an older phone. */
const FRAME_MS = 125;
/** After a code, the verdict stays up this long before the camera reads again. */
const PAUSE_AFTER_CODE_MS = 2_000;
/** The same code read again within this time (a ticket still held up) is ignored. */
const REPEAT_WINDOW_MS = 3_000;
/** Frames are scaled down to this width before decoding; a ticket QR is large in the frame. */
const DECODE_WIDTH = 640;

export type CameraStatus = 'off' | 'starting' | 'on' | 'error';

interface Running {
  stream: MediaStream;
  timer: ReturnType<typeof setInterval>;
}

/**
 * The rear camera into a <video>; frames drawn to a canvas and decoded with jsQR. `onCode` gets
 * each new code read; reading pauses briefly after one so the verdict can be seen.
 */
export function useCameraScanner(onCode: (code: string) => void) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);
  const running = useRef<Running | null>(null);
  // Bumped by every start and stop, so a camera that opens after a stop is closed at once.
  const generation = useRef(0);
  const pausedUntil = useRef(0);
  const lastRead = useRef<{ code: string; at: number } | null>(null);
  const [status, setStatus] = useState<CameraStatus>('off');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  const release = useCallback(() => {
    const current = running.current;
    running.current = null;
    if (current) {
      clearInterval(current.timer);
      for (const track of current.stream.getTracks()) track.stop();
    }
    if (videoRef.current) videoRef.current.srcObject = null;
  }, []);

  const stop = useCallback(() => {
    generation.current++;
    release();
    setStatus('off');
  }, [release]);

  const start = useCallback(async () => {
    const mine = ++generation.current;
    release();
    setError(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setStatus('error');
      setError('This browser cannot use the camera here (it needs a secure https address). Type codes below.');
      return;
    }
    setStatus('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (e) {
      if (mine !== generation.current) return;
      setStatus('error');
      setError(cameraErrorMessage(e));
      return;
    }
    const video = videoRef.current;
    if (mine !== generation.current || !video) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    video.srcObject = stream;
    video.play().catch(() => undefined); // autoplay (muted) starts it anyway
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const timer = setInterval(() => {
      if (!context || Date.now() < pausedUntil.current) return;
      const code = readFrame(video, canvas, context);
      if (!code) return;
      const now = Date.now();
      const last = lastRead.current;
      lastRead.current = { code, at: now };
      if (last && last.code === code && now - last.at < REPEAT_WINDOW_MS) return;
      pausedUntil.current = now + PAUSE_AFTER_CODE_MS;
      onCodeRef.current(code);
    }, FRAME_MS);
    running.current = { stream, timer };
    setStatus('on');
  }, [release]);

  // The camera goes off with the page.
  useEffect(
    () => () => {
      generation.current++;
      release();
    },
    [release],
  );

  return { videoRef, status, error, start, stop };
}

function readFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, context: CanvasRenderingContext2D) {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) return null;
  const scale = Math.min(1, DECODE_WIDTH / video.videoWidth);
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  context.drawImage(video, 0, 0, width, height);
  const image = context.getImageData(0, 0, width, height);
  const found = jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' });
  return found?.data || null;
}

function cameraErrorMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera permission was denied. Allow the camera for this site in the browser settings, then press Start camera again. You can still type codes below.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this device. Type codes below.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is in use by another app. Close it and press Start camera again.';
    default:
      return `The camera could not be started${error instanceof Error && error.message ? `: ${error.message}` : '.'}`;
  }
}
