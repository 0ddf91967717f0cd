import type { Schemas } from '../../api/client';

export type Message = Schemas['Message'];
export type Conversation = Schemas['Conversation'];

/**
 * Adds messages to a thread kept oldest first, without duplicates. Ids are time-ordered
 * (SPEC §6), so sorting by id is sorting by time; a message seen twice keeps one copy.
 */
export function mergeMessages(thread: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(thread.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The name a person reads above a message. */
export function authorOf(
  message: Message,
  conversation: Conversation,
  context: { selfId: string | undefined; names: ReadonlyMap<string, string> },
): string {
  if (message.role === 'user') return conversation.customer?.name || conversation.customer?.email || 'Customer';
  if (message.role === 'bot') return 'Bot';
  if (message.author.type === 'api_key') return 'Integration';
  if (message.author.id === context.selfId) return 'You';
  return context.names.get(message.author.id) ?? 'A teammate';
}

/** "You", a member's name, or a neutral word when the caller may not list members. */
export function assigneeLabel(
  assigneeId: string | null,
  selfId: string | undefined,
  names: ReadonlyMap<string, string>,
): string {
  if (assigneeId === null) return 'Unassigned';
  if (assigneeId === selfId) return 'You';
  return names.get(assigneeId) ?? 'A teammate';
}

export function customerLabel(conversation: Conversation): string {
  const c = conversation.customer;
  return c?.name || c?.email || c?.externalId || 'Anonymous visitor';
}
