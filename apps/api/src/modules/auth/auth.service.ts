import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ROOT_LOGGER } from '../../platform/logging/logger.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import type { AuthResponseDto, LoginDto, RegisterDto, TokenPairDto, UserDto } from './dto/auth.dto.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { SessionService } from './session.service.js';
import { toUserDto } from './user.mapper.js';
import type { StaffRole } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

const badCredentials = () =>
  new DomainError('unauthenticated', 'INVALID_CREDENTIALS', 'The email or password is wrong.');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async register(dto: RegisterDto): Promise<AuthResponseDto> {
    const passwordHash = await hashPassword(dto.password);
    const user = await this.tx.run(async (m) => {
      const created = await this.users.insertIfNew(m, {
        email: dto.email,
        name: dto.name.trim(),
        passwordHash,
        roles: [],
      });
      if (!created) throw new DomainError('conflict', 'EMAIL_TAKEN', 'An account with this email already exists.');
      await this.outbox.enqueue(m, 'email.send', {
        to: created.email,
        template: 'welcome',
        data: { name: created.name },
      });
      return created;
    });
    return { user: toUserDto(user), ...(await this.sessions.start(user.id, user.roles)) };
  }

  async login(dto: LoginDto): Promise<AuthResponseDto> {
    const user = await this.users.findByEmail(dto.email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, dto.password);
    if (!user || !ok) throw badCredentials();
    if (user.disabled) throw new DomainError('forbidden', 'ACCOUNT_DISABLED', 'This account is disabled.');
    await this.users.touchLogin(user.id);
    return { user: toUserDto(user), ...(await this.sessions.start(user.id, user.roles)) };
  }

  refresh(refreshToken: string): Promise<TokenPairDto> {
    return this.sessions.refresh(refreshToken, async (userId) => {
      const user = await this.users.findById(userId);
      return user && !user.disabled ? user.roles : null;
    });
  }

  logout(actor: UserActor): Promise<void> {
    return this.sessions.end(actor.sessionId);
  }

  async me(actor: UserActor): Promise<UserDto> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new DomainError('not_found', 'USER_NOT_FOUND', 'The account no longer exists.');
    return toUserDto(user);
  }

  /** A user's email, read in the caller's transaction (other modules address their mail with it). */
  async emailOf(m: EntityManager, userId: string): Promise<string | null> {
    const [row] = (await m.query('SELECT email FROM users WHERE id = $1', [userId])) as { email: string }[];
    return row?.email ?? null;
  }

  /** Names and addresses of some users, keyed by id (other modules label their rows with it). */
  async profiles(
    userIds: string[],
  ): Promise<Map<string, { id: string; email: string; name: string; roles: StaffRole[]; disabled: boolean }>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows = (await this.tx.manager.query(
      'SELECT id, email, name, roles, disabled FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    )) as { id: string; email: string; name: string; roles: StaffRole[]; disabled: boolean }[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Enabled staff holding any of these roles (admins included), by name. */
  async staffWithRoles(roles: StaffRole[]): Promise<{ id: string; email: string; name: string; roles: StaffRole[] }[]> {
    return (await this.tx.manager.query(
      `SELECT id, email, name, roles FROM users
        WHERE NOT disabled AND (roles && $1::text[] OR 'admin' = ANY(roles)) ORDER BY name, email`,
      [roles],
    )) as { id: string; email: string; name: string; roles: StaffRole[] }[];
  }

  /** Creates the first admin from BOOTSTRAP_ADMIN_* when no admin exists. Safe to call on every boot. */
  async ensureBootstrapAdmin(admin: { email: string; password: string } | null): Promise<boolean> {
    if (!admin || (await this.users.countAdmins()) > 0) return false;
    const passwordHash = await hashPassword(admin.password);
    const roles: StaffRole[] = ['admin'];
    return this.tx.run(async (m) => {
      const created = await this.users.insertIfNew(m, {
        email: admin.email,
        name: 'Administrator',
        passwordHash,
        roles,
      });
      if (!created) {
        this.logger.warn(
          { email: admin.email },
          'BOOTSTRAP_ADMIN_EMAIL belongs to an existing non-admin account; left alone',
        );
        return false;
      }
      await this.audit.record(m, {
        actor: null,
        action: 'staff.bootstrap_admin',
        entityType: 'user',
        entityId: created.id,
        after: { email: created.email, roles },
      });
      this.logger.info({ email: created.email }, 'bootstrap admin created');
      return true;
    });
  }
}
