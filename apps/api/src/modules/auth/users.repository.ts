import { Injectable } from '@nestjs/common';
import { containsPattern } from '../../platform/database/like.js';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: email.toLowerCase() } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /** Inserts unless the email exists; null means it was taken (the unique index decides, not a read). */
  async insertIfNew(manager: EntityManager, user: Pick<UserEntity, 'email' | 'name' | 'passwordHash' | 'roles'>) {
    const rows = (await manager.query(
      `INSERT INTO users (email, name, password_hash, roles) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING
       RETURNING id, email, name, roles, disabled, created_at AS "createdAt"`,
      [user.email.toLowerCase(), user.name, user.passwordHash, user.roles],
    )) as Pick<UserEntity, 'id' | 'email' | 'name' | 'roles' | 'disabled' | 'createdAt'>[];
    return rows[0] ?? null;
  }

  async update(manager: EntityManager, id: string, patch: Partial<Pick<UserEntity, 'name' | 'roles' | 'disabled'>>) {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length > 0) await manager.update(UserEntity, { id }, defined);
    return manager.findOneOrFail(UserEntity, { where: { id } });
  }

  async touchLogin(id: string): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: new Date() });
  }

  listStaff(q: string | undefined, limit: number, offset: number): Promise<[UserEntity[], number]> {
    const qb = this.users
      .createQueryBuilder('u')
      .where("u.roles <> '{}'")
      .orderBy('u.created_at', 'DESC')
      .take(limit)
      .skip(offset);
    if (q) qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: containsPattern(q) });
    return qb.getManyAndCount();
  }

  countAdmins(): Promise<number> {
    return this.users.createQueryBuilder('u').where("'admin' = ANY(u.roles)").andWhere('u.disabled = false').getCount();
  }
}
