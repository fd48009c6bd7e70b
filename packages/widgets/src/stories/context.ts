/**
 * `stories.context`: whether readers may comment, the member's groups (to share a story with one)
 * and which audiences wait for a moderator. Part of the lazy views chunk: the reader and the
 * composer ask for it, the gallery never does.
 */
import type { KindredClient } from '../core/api-client.ts';
import type { StoriesContextDto } from './types.ts';

/** One request per client, shared by every reader: comments on or off is the tenant's setting. */
const requests = new WeakMap<KindredClient, Promise<StoriesContextDto>>();

/**
 * The context for `client`. `fresh` asks again (the composer does each time it opens: the
 * member's groups depend on who is signed in). A failed request is forgotten, so the next asks again.
 */
export function storiesContext(client: KindredClient, fresh = false): Promise<StoriesContextDto> {
  let request = fresh ? undefined : requests.get(client);
  if (!request) {
    request = client.query('stories.context', undefined);
    requests.set(client, request);
    request.catch(() => requests.get(client) === request && requests.delete(client));
  }
  return request;
}
