import { Controller, Get, type MessageEvent, Param, ParseUUIDPipe, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { Public } from '../../platform/auth/access.decorators.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { AvailabilityService } from './availability.service.js';
import { AvailabilityDto } from './dto/availability.dto.js';

@ApiTags('availability')
@Controller('events/:id')
@Public()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get('availability')
  @ApiOperation({ summary: 'Live availability: every ticket type and the taken seats', operationId: 'getAvailability' })
  @ApiOkResponse({ type: AvailabilityDto })
  @ApiProblems(400, 404)
  get(@Param('id', new ParseUUIDPipe()) eventId: string): Promise<AvailabilityDto> {
    return this.availability.snapshot(eventId);
  }

  @Sse('stream')
  @ApiOperation({
    summary:
      'Server-sent events: `availability` whenever stock or prices change (at most twice a second), `price` for each price change (with the rules that made it), `ping` every 25 s',
    operationId: 'streamAvailability',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'An event stream; each `availability` event carries an AvailabilityDto, each `price` event a PriceChangeDto.',
  })
  @ApiProblems(400, 404)
  async stream(@Param('id', new ParseUUIDPipe()) eventId: string): Promise<Observable<MessageEvent>> {
    // Answered 404 before the stream starts (its first write commits a 200).
    await this.availability.ensureVisible(eventId);
    return merge(
      this.availability.stream(eventId).pipe(map((data): MessageEvent => ({ type: 'availability', data }))),
      this.availability.priceChanges(eventId).pipe(map((data): MessageEvent => ({ type: 'price', data }))),
      interval(25_000).pipe(map((): MessageEvent => ({ type: 'ping', data: {} }))),
    );
  }
}
