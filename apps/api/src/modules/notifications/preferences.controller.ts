import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { NotificationPreferencesDto } from './dto/notification-preferences.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('me/notification-preferences')
@Authenticated()
export class PreferencesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'How you want to hear about your tickets', operationId: 'getNotificationPreferences' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblems(401)
  get(@CurrentActor() actor: UserActor): Promise<NotificationPreferencesDto> {
    return this.notifications.preferences(actor.userId);
  }

  @Put()
  @ApiOperation({ summary: 'Choose email and SMS notifications', operationId: 'setNotificationPreferences' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblems(400, 401, 422)
  set(@CurrentActor() actor: UserActor, @Body() dto: NotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.notifications.setPreferences(actor.userId, dto);
  }
}
