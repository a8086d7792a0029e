import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, type UserActor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { AuthService } from '../auth/auth.service.js';
import { SalesService } from '../sales/sales.service.js';
import type {
  CreateSupportTicketDto,
  SupportAgentListDto,
  SupportMessageDto,
  SupportPersonDto,
  SupportTicketDetailDto,
  SupportTicketDto,
  SupportTicketListDto,
  SupportTicketQueryDto,
  UpdateSupportTicketDto,
} from './dto/support.dto.js';
import { type SupportMessageRow, SupportRepository, type SupportTicketRow } from './support.repository.js';
import { canMove, secondsBetween, statusAfterCustomerMessage } from './support.rules.js';

const ticketNotFound = () =>
  new DomainError('not_found', 'TICKET_NOT_FOUND', 'No support ticket of yours has this id.');
const ticketClosed = () =>
  new DomainError('conflict', 'TICKET_CLOSED', 'This ticket is closed; open a new one to continue.');

type Profiles = Awaited<ReturnType<AuthService['profiles']>>;

/**
 * The support desk. Customers open tickets and talk to staff in them; support agents (and
 * admins) see every ticket, assign, answer, keep internal notes and move tickets through the
 * workflow. Everyone else sees only their own tickets; a ticket that is not theirs is a 404.
 */
@Injectable()
export class SupportService {
  constructor(
    private readonly repo: SupportRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly auth: AuthService,
    private readonly sales: SalesService,
  ) {}

  private isAgent(actor: UserActor): boolean {
    return hasRole(actor, 'support_agent');
  }

  async create(actor: UserActor, dto: CreateSupportTicketDto): Promise<SupportTicketDetailDto> {
    let eventId: string | null = null;
    if (dto.purchaseId) {
      const purchase = await this.sales.contactOf(dto.purchaseId);
      // Someone else's purchase looks exactly like one that does not exist.
      if (!purchase || purchase.customerId !== actor.userId)
        throw new DomainError('not_found', 'PURCHASE_NOT_FOUND', 'No purchase of yours has this id.');
      eventId = purchase.eventId;
    }
    const id = await this.tx.run(async (m) => {
      const ticket = await this.repo.insert(m, {
        customerId: actor.userId,
        subject: dto.subject,
        purchaseId: dto.purchaseId ?? null,
        eventId,
      });
      await this.repo.addMessage(m, {
        ticketId: ticket.id,
        authorId: actor.userId,
        authorKind: 'customer',
        body: dto.message,
        internal: false,
      });
      return ticket.id;
    });
    return this.detail(actor, id);
  }

  async list(actor: UserActor, query: SupportTicketQueryDto): Promise<SupportTicketListDto> {
    const agent = this.isAgent(actor);
    const { rows, total } = await this.repo.list({
      customerId: agent ? undefined : actor.userId,
      status: query.status,
      priority: query.priority,
      assigneeId: query.assigneeId?.toLowerCase(),
      eventId: query.eventId,
      q: query.q,
      includeInternal: agent,
      limit: query.limit,
      offset: query.offset,
    });
    const people = await this.auth.profiles(rows.flatMap((r) => [r.customerId, r.assigneeId ?? r.customerId]));
    return { items: rows.map((r) => this.toDto(r, people, agent)), total };
  }

  async detail(actor: UserActor, id: string): Promise<SupportTicketDetailDto> {
    const ticket = await this.visible(actor, id);
    const agent = this.isAgent(actor);
    const messages = await this.repo.messages(id, agent);
    const people = await this.auth.profiles([
      ticket.customerId,
      ...(ticket.assigneeId ? [ticket.assigneeId] : []),
      ...messages.map((msg) => msg.authorId),
    ]);
    return {
      ...this.toDto(ticket, people, agent),
      messages: messages.map((msg) => this.toMessage(msg, people, agent)),
    };
  }

  /**
   * A message in the conversation. From the customer it hands a pending or resolved ticket back
   * to the agents; from an agent it is a reply the customer is emailed about, and the first one
   * fixes the first-response time.
   */
  async reply(actor: UserActor, id: string, body: string): Promise<SupportMessageDto> {
    const agent = this.isAgent(actor);
    const { message, people } = await this.tx.run(async (m) => {
      // Locked, so a concurrent close or a second reply sees this one (first response is set once).
      const ticket = await this.visible(actor, id, m, true);
      if (ticket.status === 'closed') throw ticketClosed();
      const asStaff = agent && ticket.customerId !== actor.userId;
      const message = await this.repo.addMessage(m, {
        ticketId: id,
        authorId: actor.userId,
        authorKind: asStaff ? 'staff' : 'customer',
        body,
        internal: false,
      });
      if (asStaff) {
        await this.repo.update(m, id, {
          lastMessageAt: 'now',
          firstResponseAt: ticket.firstResponseAt ? undefined : 'now',
        });
        const people = await this.auth.profiles([actor.userId, ticket.customerId]);
        const to = people.get(ticket.customerId)?.email;
        if (to) {
          await this.outbox.enqueue(m, 'email.send', {
            to,
            template: 'support-reply',
            data: {
              ticketId: id,
              number: Number(ticket.number),
              subject: ticket.subject,
              message: body,
              agentName: people.get(actor.userId)?.name ?? null,
            },
          });
        }
        await this.audit.record(m, {
          actor,
          action: 'support.ticket.replied',
          entityType: 'support_ticket',
          entityId: id,
          after: { messageId: message.id },
        });
        return { message, people };
      }
      const next = statusAfterCustomerMessage(ticket.status);
      await this.repo.update(m, id, {
        lastMessageAt: 'now',
        ...(next !== ticket.status ? { status: next, resolvedAt: null } : {}),
      });
      return { message, people: await this.auth.profiles([actor.userId]) };
    });
    return this.toMessage(message, people, agent);
  }

  /** An internal note: for staff only, never shown or mailed to the customer. */
  async note(actor: UserActor, id: string, body: string): Promise<SupportMessageDto> {
    const message = await this.tx.run(async (m) => {
      const ticket = await this.visible(actor, id, m);
      const message = await this.repo.addMessage(m, {
        ticketId: ticket.id,
        authorId: actor.userId,
        authorKind: 'staff',
        body,
        internal: true,
      });
      await this.repo.update(m, id, {});
      await this.audit.record(m, {
        actor,
        action: 'support.ticket.note_added',
        entityType: 'support_ticket',
        entityId: id,
        after: { messageId: message.id },
      });
      return message;
    });
    return this.toMessage(message, await this.auth.profiles([actor.userId]), true);
  }

  /** Assignee, status and priority, each a compare-and-set on the locked row, each in the audit trail. */
  async update(actor: UserActor, id: string, dto: UpdateSupportTicketDto): Promise<SupportTicketDetailDto> {
    if (dto.assigneeId) {
      const assignee = (await this.auth.profiles([dto.assigneeId])).get(dto.assigneeId);
      const agentRole = assignee?.roles.includes('support_agent') || assignee?.roles.includes('admin');
      if (!assignee || assignee.disabled || !agentRole)
        throw new DomainError('unprocessable', 'ASSIGNEE_NOT_AGENT', 'Tickets can only be assigned to support agents.');
    }
    await this.tx.run(async (m) => {
      const ticket = await this.visible(actor, id, m, true);
      if (dto.status !== undefined && dto.status !== ticket.status && !canMove(ticket.status, dto.status)) {
        throw new DomainError(
          'conflict',
          'STATUS_TRANSITION_NOT_ALLOWED',
          `A ${ticket.status} ticket cannot become ${dto.status}.`,
          { from: ticket.status, to: dto.status },
        );
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== ticket.assigneeId) {
        await this.repo.update(m, id, { assigneeId: dto.assigneeId });
        await this.record(m, actor, id, 'assigned', { assigneeId: ticket.assigneeId }, { assigneeId: dto.assigneeId });
      }
      if (dto.priority !== undefined && dto.priority !== ticket.priority) {
        await this.repo.update(m, id, { priority: dto.priority });
        await this.record(m, actor, id, 'priority_changed', { priority: ticket.priority }, { priority: dto.priority });
      }
      if (dto.status !== undefined && dto.status !== ticket.status) {
        const to = dto.status;
        await this.repo.update(m, id, {
          status: to,
          resolvedAt: to === 'resolved' ? 'now' : to === 'closed' ? undefined : null,
          closedAt: to === 'closed' ? 'now' : undefined,
        });
        await this.record(m, actor, id, 'status_changed', { status: ticket.status }, { status: to });
      }
    });
    return this.detail(actor, id);
  }

  async agents(): Promise<SupportAgentListDto> {
    const rows = await this.auth.staffWithRoles(['support_agent']);
    return { items: rows.map((r) => ({ id: r.id, name: r.name, email: r.email })), total: rows.length };
  }

  private record(
    m: EntityManager,
    actor: UserActor,
    id: string,
    what: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(m, {
      actor,
      action: `support.ticket.${what}`,
      entityType: 'support_ticket',
      entityId: id,
      before,
      after,
    });
  }

  private async visible(actor: UserActor, id: string, m?: EntityManager, lock = false): Promise<SupportTicketRow> {
    const ticket = await this.repo.get(id, m, lock);
    if (!ticket || (!this.isAgent(actor) && ticket.customerId !== actor.userId)) throw ticketNotFound();
    return ticket;
  }

  /** Customers see who answers them by name only, never a staff address. */
  private person(people: Profiles, id: string | null, withEmail = true): SupportPersonDto | null {
    const p = id ? people.get(id) : undefined;
    return p ? { id: p.id, name: p.name, email: withEmail ? p.email : '' } : null;
  }

  private toDto(r: SupportTicketRow, people: Profiles, agent: boolean): SupportTicketDto {
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    const created = new Date(r.createdAt);
    return {
      id: r.id,
      number: Number(r.number),
      subject: r.subject,
      status: r.status,
      priority: r.priority,
      purchaseId: r.purchaseId,
      eventId: r.eventId,
      customer: this.person(people, r.customerId),
      assigneeId: r.assigneeId,
      assignee: this.person(people, r.assigneeId, agent),
      createdAt: created.toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
      lastMessageAt: new Date(r.lastMessageAt).toISOString(),
      firstResponseAt: iso(r.firstResponseAt),
      resolvedAt: iso(r.resolvedAt),
      closedAt: iso(r.closedAt),
      firstResponseSeconds: secondsBetween(created, r.firstResponseAt ? new Date(r.firstResponseAt) : null),
      resolutionSeconds: secondsBetween(created, r.resolvedAt ? new Date(r.resolvedAt) : null),
    };
  }

  private toMessage(msg: SupportMessageRow, people: Profiles, agent: boolean): SupportMessageDto {
    return {
      id: msg.id,
      authorKind: msg.authorKind,
      author: this.person(people, msg.authorId, agent || msg.authorKind === 'customer'),
      body: msg.body,
      internal: msg.internal,
      createdAt: new Date(msg.createdAt).toISOString(),
    };
  }
}
