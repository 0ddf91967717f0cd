import type { CoreDeps } from '../deps.js';
import { AgentsService } from './agents/agents-service.js';
import { ConversationsService } from './conversations/conversations-service.js';
import { CustomersService } from './customers/customers-service.js';
import { Idempotency } from './idempotency/idempotency.js';
import { ArticlesService } from './kb/articles-service.js';
import { MessagesService } from './messages/messages-service.js';

/** The support domain's services, built once per app from its core deps. */
export interface SupportServices {
  readonly customers: CustomersService;
  readonly conversations: ConversationsService;
  readonly messages: MessagesService;
  readonly articles: ArticlesService;
  readonly agents: AgentsService;
  readonly idempotency: Idempotency;
}

export function createSupportServices(core: CoreDeps): SupportServices {
  const customers = new CustomersService(core);
  return {
    customers,
    conversations: new ConversationsService(core, customers),
    messages: new MessagesService(core),
    articles: new ArticlesService(core),
    agents: new AgentsService(core),
    idempotency: new Idempotency(core),
  };
}
