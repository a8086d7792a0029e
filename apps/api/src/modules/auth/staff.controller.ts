import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth/access.decorators.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { CreateStaffDto, StaffDto, StaffListDto, StaffQueryDto, UpdateStaffDto } from './dto/staff.dto.js';
import { StaffService } from './staff.service.js';

@ApiTags('staff')
@Controller('staff')
@Roles('admin')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'List staff accounts', operationId: 'listStaff' })
  @ApiOkResponse({ type: StaffListDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: StaffQueryDto): Promise<StaffListDto> {
    return this.staff.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account with roles', operationId: 'createStaff' })
  @ApiCreatedResponse({ type: StaffDto })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateStaffDto): Promise<StaffDto> {
    return this.staff.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change roles, disable or enable a staff account', operationId: 'updateStaff' })
  @ApiOkResponse({ type: StaffDto })
  @ApiProblems(400, 401, 403, 404, 422)
  update(
    @CurrentActor() actor: UserActor,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() dto: UpdateStaffDto,
  ): Promise<StaffDto> {
    return this.staff.update(actor, id, dto);
  }
}
