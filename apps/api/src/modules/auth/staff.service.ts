import { Injectable } from '@nestjs/common';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type { CreateStaffDto, StaffDto, StaffListDto, StaffQueryDto, UpdateStaffDto } from './dto/staff.dto.js';
import { hashPassword } from './password.js';
import { SessionService } from './session.service.js';
import { toStaffDto } from './user.mapper.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class StaffService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(query: StaffQueryDto): Promise<StaffListDto> {
    const [rows, total] = await this.users.listStaff(query.q?.trim() || undefined, query.limit, query.offset);
    return { items: rows.map(toStaffDto), total };
  }

  /** `actor` is null for system work (the demo seed). */
  async create(actor: UserActor | null, dto: CreateStaffDto): Promise<StaffDto> {
    const passwordHash = await hashPassword(dto.password);
    return this.tx.run(async (m) => {
      const created = await this.users.insertIfNew(m, {
        email: dto.email,
        name: dto.name.trim(),
        passwordHash,
        roles: dto.roles,
      });
      if (!created) throw new DomainError('conflict', 'EMAIL_TAKEN', 'An account with this email already exists.');
      await this.audit.record(m, {
        actor,
        action: 'staff.created',
        entityType: 'user',
        entityId: created.id,
        after: { email: created.email, name: created.name, roles: created.roles },
      });
      return toStaffDto(created);
    });
  }

  async update(actor: UserActor, id: string, dto: UpdateStaffDto): Promise<StaffDto> {
    const before = await this.users.findById(id);
    if (!before || before.roles.length === 0)
      throw new DomainError('not_found', 'STAFF_NOT_FOUND', 'No staff member has this id.');
    if (
      id === actor.userId &&
      (dto.disabled || (dto.roles && !dto.roles.includes('admin') && before.roles.includes('admin')))
    ) {
      throw new DomainError(
        'unprocessable',
        'CANNOT_DEMOTE_SELF',
        'You cannot disable yourself or remove your own admin role.',
      );
    }
    const after = await this.tx.run(async (m) => {
      const updated = await this.users.update(m, id, {
        name: dto.name?.trim(),
        roles: dto.roles,
        disabled: dto.disabled,
      });
      await this.audit.record(m, {
        actor,
        action: 'staff.updated',
        entityType: 'user',
        entityId: id,
        before: { name: before.name, roles: before.roles, disabled: before.disabled },
        after: { name: updated.name, roles: updated.roles, disabled: updated.disabled },
      });
      return updated;
    });
    const rolesChanged = dto.roles && [...dto.roles].sort().join() !== [...before.roles].sort().join();
    if (rolesChanged || (dto.disabled && !before.disabled)) await this.sessions.endAllFor(id);
    return toStaffDto(after);
  }
}
