import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { StaffRole } from '../../platform/auth/roles.js';

export { STAFF_ROLES, type StaffRole } from '../../platform/auth/roles.js';

/** A person: a customer (no roles) or a staff member (one or more roles). */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('users_email_key', { unique: true })
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text')
  passwordHash: string;

  @Column('text', { array: true, default: () => "'{}'" })
  roles: StaffRole[];

  @Column('boolean', { default: false })
  disabled: boolean;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
