import type { CoreDeps, DomainModule } from '../deps.js';

/** The keys domain (filled in by its issue). */
export function createKeysModule(_core: CoreDeps): DomainModule {
  return {
    name: 'keys',
    async routes() {},
  };
}
