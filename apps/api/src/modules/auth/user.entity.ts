import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const STAFF_ROLES = ['admin', 'event_manager', 'box_office', 'scanner', 'support_agent'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

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
