import type { CoreDeps, DomainModule } from '../deps.js';

/** The support domain (filled in by its issue). */
export function createSupportModule(_core: CoreDeps): DomainModule {
  return {
    name: 'support',
    async routes() {},
  };
}
