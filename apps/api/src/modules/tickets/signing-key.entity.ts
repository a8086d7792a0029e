import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A per-event Ed25519 key that signs ticket codes. The id is the key id inside every code; the
 * private seed is stored encrypted (AES-256-GCM under TICKET_SIGNING_SECRET). One active key per
 * event; retired keys still verify until removed.
 */
@Entity('ticket_signing_keys')
@Index('ticket_signing_keys_active_key', ['eventId'], { unique: true, where: "status = 'active'" })
@Check('ticket_signing_keys_status_check', `"status" IN ('active', 'retired')`)
export class SigningKeyEntity {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  id: number;

  @Column('uuid')
  eventId: string;

  /** base64url of the raw 32-byte public key. */
  @Column('text')
  publicKey: string;

  /** iv.ciphertext.tag, base64url. */
  @Column('text')
  privateKeyEncrypted: string;

  @Column('text', { default: 'active' })
  status: 'active' | 'retired';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  retiredAt: Date | null;
}
