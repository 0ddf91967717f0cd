import { Type, type Static } from 'typebox';
import { ListOf, PageQuery, Timestamp } from '../../http/schemas.js';
import { EXAMPLE_IDS } from '../schemas.js';

const Title = Type.String({ minLength: 1, maxLength: 300 });
const Body = Type.String({ maxLength: 200_000 });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20, uniqueItems: true });

const EXAMPLE = {
  id: EXAMPLE_IDS.article,
  title: 'Fixing 401 errors',
  body: 'A 401 means the API key is missing, unknown or revoked. Send it as Authorization: Bearer woesk_…',
  tags: ['auth', 'errors'],
  published: true,
  createdAt: EXAMPLE_IDS.time,
  updatedAt: EXAMPLE_IDS.time,
};

export const Article = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    body: Type.String(),
    tags: Type.Array(Type.String()),
    published: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Article', examples: [EXAMPLE] },
);
export const ArticleList = ListOf(Article);

export const ArticleQuery = Type.Object(
  { ...PageQuery, published: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const CreateArticle = Type.Object(
  { title: Title, body: Body, tags: Type.Optional(Tags), published: Type.Optional(Type.Boolean({ default: false })) },
  {
    additionalProperties: false,
    examples: [{ title: EXAMPLE.title, body: EXAMPLE.body, tags: EXAMPLE.tags, published: true }],
  },
);

export const UpdateArticle = Type.Object(
  {
    title: Type.Optional(Title),
    body: Type.Optional(Body),
    tags: Type.Optional(Tags),
    published: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ published: false }] },
);

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 500 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

export const SearchHit = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    tags: Type.Array(Type.String()),
    snippet: Type.String({
      description:
        'An excerpt of the body as HTML: the text HTML-escaped (& < > " \') and the matched terms wrapped in <mark>…</mark>, the only markup. Safe to insert as HTML as it is; do not escape it again.',
    }),
    score: Type.Number({ description: 'Relevance; higher is better. Comparable only within one response.' }),
    updatedAt: Timestamp,
  },
  { title: 'SearchHit' },
);

export const SearchResults = Type.Object(
  { data: Type.Array(SearchHit) },
  {
    title: 'SearchResults',
    examples: [
      {
        data: [
          {
            id: EXAMPLE_IDS.article,
            title: 'Fixing 401 errors',
            tags: ['auth', 'errors'],
            snippet: 'A <mark>401</mark> means the API key is missing, unknown or revoked…',
            score: 3.2,
            updatedAt: EXAMPLE_IDS.time,
          },
        ],
      },
    ],
  },
);

export type CreateArticleInput = Static<typeof CreateArticle>;
export type UpdateArticleInput = Static<typeof UpdateArticle>;
