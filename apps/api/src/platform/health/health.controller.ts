import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators.js';
import { QUEUE_DRIVER, type QueueDriver } from '../queue/queue.driver.js';
import { KV_STORE, type KeyValueStore } from '../store/store.js';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status: 'ok' | 'error';
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['up', 'down'] },
    example: { database: 'up' },
  })
  checks: Record<string, 'up' | 'down'>;
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(KV_STORE) private readonly store: KeyValueStore,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is running', operationId: 'healthLive' })
  @ApiOkResponse({ type: HealthDto })
  live(): HealthDto {
    return { status: 'ok', checks: { process: 'up' } };
  }

  @Get('ready')
  @ApiOperation({ summary: 'PostgreSQL and the queue/session store answer', operationId: 'healthReady' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const probe = async (fn: () => Promise<unknown>): Promise<'up' | 'down'> => {
      try {
        await within(fn(), 2000);
        return 'up';
      } catch {
        return 'down';
      }
    };
    const [database, sessions, queue] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.store.ping()),
      probe(() => this.queue.ping()),
    ]);
    const checks = { database, sessions, queue };
    const ok = Object.values(checks).every((c) => c === 'up');
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks };
  }
}
