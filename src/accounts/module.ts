import type { CoreDeps, DomainModule } from '../deps.js';

/** The accounts domain (filled in by its issue). */
export function createAccountsModule(_core: CoreDeps): DomainModule {
  return {
    name: 'accounts',
    async routes() {},
  };
}
