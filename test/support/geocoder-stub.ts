import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for a Nominatim-compatible geocoder (the real service is not reachable from
 * tests): answers /search with the places it knows, [] otherwise, and 500 when told to fail.
 */
export class GeocoderStub {
  private server: http.Server | null = null;
  readonly requests: URL[] = [];
  failing = false;

  constructor(private readonly places: Record<string, { lat: number; lon: number; name: string }>) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      this.requests.push(url);
      if (this.failing) {
        res.writeHead(500).end('upstream down');
        return;
      }
      if (url.pathname !== '/search' || url.searchParams.get('format') !== 'jsonv2') {
        res.writeHead(400).end('bad request');
        return;
      }
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const hit = Object.entries(this.places).find(([key]) => q.includes(key.toLowerCase()));
      const body = hit ? [{ lat: String(hit[1].lat), lon: String(hit[1].lon), display_name: hit[1].name }] : [];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
