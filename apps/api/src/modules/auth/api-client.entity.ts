import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const API_SCOPES = ['events:read', 'tickets:purchase', 'tickets:validate', 'reports:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A vendor or system integration. Only the SHA-256 of its key is stored. */
@Entity('api_clients')
export class ApiClientEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** The first characters of the key, shown in lists so people can tell keys apart. */
  @Index('api_clients_key_prefix_key', { unique: true })
  @Column('text')
  keyPrefix: string;

  @Column('text')
  keyHash: string;

  @Column('text', { array: true, default: () => "'{}'" })
  scopes: ApiScope[];

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
