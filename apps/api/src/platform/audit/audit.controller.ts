import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { ApiProblems } from '../http/api-problems.decorator.js';
import { AuditListDto, AuditQueryDto, AuditVerificationDto } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first', operationId: 'listAudit' })
  @ApiOkResponse({ type: AuditListDto })
  @ApiProblems(400, 401, 403)
  async list(@Query() query: AuditQueryDto): Promise<AuditListDto> {
    const [rows, total] = await this.audit.list(query);
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        at: r.at.toISOString(),
        actorType: r.actorType,
        actorId: r.actorId,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
        requestId: r.requestId,
        prevHash: r.prevHash,
        hash: r.hash,
      })),
      total,
    };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain and report the first broken entry', operationId: 'verifyAudit' })
  @ApiOkResponse({ type: AuditVerificationDto })
  @ApiProblems(401, 403)
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
