/**
 * Story rules: the author's audience and signing choices, consent per use (revocable at once),
 * pre-moderation per audience, thanks and comments.
 */
import { z } from 'zod';
import { decodeCursor, timeAndId, toPage, type Page } from '../../db/keyset.ts';
import type { ConsentUse, StoryAudience } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { plainText, renderBody } from '../content/formatting.ts';
import { canPostInGroup, canReadGroup, findVisibleGroup, type Viewer } from '../groups/groups.service.ts';
import type { SignedInMember } from '../identity/identity.service.ts';
import type { ModerationColumnValues } from '../moderation/moderation.repo.ts';
import { moderationStateOf, storedOutcome } from '../moderation/moderation-state.ts';
import type { ModerationOutcome } from '../moderation/moderation.types.ts';
import { moderate } from '../moderation/pipeline.ts';
import { getTenantSettings, type TenantSettings } from '../tenants/tenant-settings.ts';
import { CONSENT_USES } from './consent-text.ts';
import * as repo from './stories.repo.ts';
import type {
  ConsentTextDto,
  CreateStoryInput,
  ListStoriesInput,
  StoriesContextDto,
  StoryCommentDto,
  StoryDto,
  UpdateStoryInput,
} from './stories.schema.ts';

const EXCERPT_LENGTH = 240;
const NOT_FOUND_STORY = 'This story does not exist, or is not shared with you.';

/** Audiences a story can be read in only if its author agreed to show it on the site. */
const SHARED_AUDIENCES: readonly StoryAudience[] = ['public', 'members', 'group'];

function toStory(row: repo.StoryRow, viewer: Viewer, consents: Awaited<ReturnType<typeof repo.liveConsents>>): StoryDto {
  const isOwn = viewer?.id === row.author_id;
  const author =
    row.signing === 'anonymous'
      ? isOwn
        ? { id: row.author_id, displayName: row.author_name }
        : null
      : row.signing === 'pseudonym'
        ? { id: isOwn ? row.author_id : null, displayName: row.pseudonym ?? '' }
        : { id: row.author_id, displayName: row.author_name };
  const text = row.content_warning ? '' : plainText(row.body);
  return {
    id: row.id,
    title: row.title,
    bodyHtml: row.body_html,
    excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text,
    contentWarning: row.content_warning,
    tags: { condition: row.condition_tags, stage: row.stage_tags, topic: row.topic_tags },
    author,
    signing: row.signing,
    publishedAt: row.published_at?.toISOString() ?? null,
    thanksCount: row.thanks_count,
    thankedByMe: row.thanked_by_me,
    isOwn,
    own: isOwn
      ? {
          bodySource: row.body,
          audience: row.audience,
          group: row.group_slug,
          pseudonym: row.pseudonym,
          ...moderationStateOf(row),
          consents: consents
            .filter((c) => c.story_id === row.id)
            .map((c) => ({ use: c.use, consentTextVersion: c.version, grantedAt: c.granted_at.toISOString() })),
          createdAt: row.created_at.toISOString(),
          updatedAt: row.updated_at.toISOString(),
        }
      : null,
  };
}


/** Stories read by the public or by every member: the personal-details guard applies. */
const WIDELY_READ: readonly StoryAudience[] = ['public', 'members'];

/** What the pipeline reads in a story: everything its author wrote in it. */
function storyText(story: { title: string; body: string; contentWarning: string | null; pseudonym: string | null; tags: { condition: string[]; stage: string[]; topic: string[] } }): string {
  const tags = [...story.tags.condition, ...story.tags.stage, ...story.tags.topic].join(', ');
  return [story.title, story.contentWarning ?? '', story.pseudonym ?? '', tags, story.body].join('\n');
}


async function toStories(tx: TenantTx, rows: repo.StoryRow[], viewer: Viewer): Promise<Map<string, StoryDto>> {
  const own = rows.filter((r) => r.author_id === viewer?.id).map((r) => r.id);
  const consents = await repo.liveConsents(tx, own);
  return new Map(rows.map((r) => [r.id, toStory(r, viewer, consents)]));
}

export async function consentText(tx: TenantTx): Promise<ConsentTextDto> {
  const text = await repo.currentConsentText(tx);
  return {
    id: text.id,
    version: text.version,
    body: text.body,
    uses: (Object.keys(CONSENT_USES) as ConsentUse[]).map((use) => ({ use, description: CONSENT_USES[use] })),
  };
}

const galleryCursor = timeAndId;

export async function listStories(tx: TenantTx, viewer: Viewer, input: ListStoriesInput): Promise<Page<StoryDto>> {
  let groupId: string | null = null;
  if (input.group !== undefined) {
    const group = await findVisibleGroup(tx, viewer, input.group);
    if (!viewer) throw new KindredError('SIGN_IN_REQUIRED');
    if (group.membership_status !== 'active') throw new KindredError('GROUP_MEMBERSHIP_REQUIRED');
    groupId = group.id;
  }
  const after = input.cursor ? decodeCursor(input.cursor, galleryCursor) : undefined;
  const rows = await repo.listGallery(tx, { viewerId: viewer?.id ?? null, groupId, tag: input.tag, ...(after ? { after } : {}), limit: input.limit });
  const dtos = await toStories(tx, rows, viewer);
  return toPage(rows, input.limit, (r) => dtos.get(r.id)!, (r) => [r.published_at!.toISOString(), r.id]);
}

/** Search over the stories shared with the viewer (a group's, with `group`). */
export async function searchStories(
  tx: TenantTx,
  viewer: Viewer,
  input: { query: string; group?: string | undefined; cursor?: string | null | undefined; limit: number },
): Promise<Page<StoryDto>> {
  const groupId = input.group === undefined ? null : (await findVisibleGroup(tx, viewer, input.group)).id;
  const after = input.cursor ? decodeCursor(input.cursor, galleryCursor) : undefined;
  const rows = await repo.searchGallery(tx, { viewerId: viewer?.id ?? null, groupId, text: input.query, ...(after ? { after } : {}), limit: input.limit });
  const dtos = await toStories(tx, rows, viewer);
  return toPage(rows, input.limit, (r) => dtos.get(r.id)!, (r) => [r.published_at!.toISOString(), r.id]);
}

/** What the stories widget needs to know about this community and viewer. */
export async function storiesContext(tx: TenantTx, viewer: Viewer): Promise<StoriesContextDto> {
  const settings = await getTenantSettings(tx);
  return {
    commentsEnabled: settings.storyComments,
    /** The viewer's groups, to share a story with one of them. */
    myGroups: viewer ? await repo.memberGroups(tx, viewer.id) : [],
    premoderated: settings.storyPremoderation,
  };
}

/** Stories shared with the care team, for the organisation's staff. */
export async function careTeamStories(tx: TenantTx, input: { cursor?: string | null | undefined; limit: number }): Promise<Page<StoryDto>> {
  const after = input.cursor ? decodeCursor(input.cursor, galleryCursor) : undefined;
  const rows = await repo.listForCareTeam(tx, { ...(after ? { after } : {}), limit: input.limit });
  const dtos = await toStories(tx, rows, null);
  return toPage(rows, input.limit, (r) => dtos.get(r.id)!, (r) => [r.published_at!.toISOString(), r.id]);
}

export async function careTeamStory(tx: TenantTx, storyId: string): Promise<StoryDto> {
  const row = await repo.findForCareTeam(tx, storyId);
  if (!row) throw new KindredError('NOT_FOUND', NOT_FOUND_STORY);
  return (await toStories(tx, [row], null)).get(row.id)!;
}

export async function getStory(tx: TenantTx, viewer: Viewer, storyId: string): Promise<StoryDto> {
  const row = await repo.findReadable(tx, storyId, viewer?.id ?? null);
  if (!row) throw new KindredError('NOT_FOUND', NOT_FOUND_STORY);
  return (await toStories(tx, [row], viewer)).get(row.id)!;
}

export async function myStories(tx: TenantTx, member: SignedInMember, input: { cursor?: string | null | undefined; limit: number }): Promise<Page<StoryDto>> {
  const after = input.cursor ? decodeCursor(input.cursor, timeAndId) : undefined;
  const rows = await repo.listOwn(tx, { authorId: member.id, ...(after ? { after } : {}), limit: input.limit });
  const dtos = await toStories(tx, rows, member);
  return toPage(rows, input.limit, (r) => dtos.get(r.id)!, (r) => [r.created_at.toISOString(), r.id]);
}

function needsReview(settings: TenantSettings, audience: StoryAudience): boolean {
  return settings.storyPremoderation[audience];
}

/** The group a story is shared with: the author must be an active member of it. */
async function storyGroup(tx: TenantTx, member: SignedInMember, audience: StoryAudience, slug: string | undefined): Promise<string | null> {
  if (audience !== 'group') {
    if (slug !== undefined) throw new KindredError('VALIDATION_FAILED', 'A group is only chosen when sharing with one group.');
    return null;
  }
  if (slug === undefined) throw new KindredError('VALIDATION_FAILED', 'Choose the group to share this story with.');
  const group = await findVisibleGroup(tx, member, slug);
  if (!canPostInGroup(group, member)) throw new KindredError('GROUP_MEMBERSHIP_REQUIRED');
  return group.id;
}

function checkSigning(signing: string, pseudonym: string | null | undefined): void {
  if (signing === 'pseudonym' && !pseudonym) throw new KindredError('VALIDATION_FAILED', 'Choose the pseudonym to sign this story with.');
}

export async function createStory(
  tx: TenantTx,
  member: SignedInMember,
  input: CreateStoryInput,
): Promise<StoryDto & { moderation: ModerationOutcome }> {
  const [settings, current] = await Promise.all([getTenantSettings(tx), repo.currentConsentText(tx)]);
  if (input.consent.consentTextId !== current.id) {
    throw new KindredError('VALIDATION_FAILED', 'The consent text has changed. Please read the current one before sharing.');
  }
  const uses = [...new Set(input.consent.uses)];
  if (SHARED_AUDIENCES.includes(input.audience) && !uses.includes('site')) {
    throw new KindredError('VALIDATION_FAILED', 'To share a story with readers, agree to it being shown on this website.');
  }
  checkSigning(input.signing, input.pseudonym);
  const groupId = await storyGroup(tx, member, input.audience, input.group);
  const pseudonym = input.signing === 'pseudonym' ? input.pseudonym! : null;
  const contentWarning = input.contentWarning ?? null;
  const decision = await moderate(
    tx,
    member,
    {
      kind: 'story',
      text: storyText({ ...input, contentWarning, pseudonym }),
      body: input.body,
      widelyVisible: WIDELY_READ.includes(input.audience),
      premoderated: needsReview(settings, input.audience),
      confirmPersonalDetails: input.confirmPersonalDetails,
      idempotencyKey: input.idempotencyKey,
    },
    settings,
  );
  const story = await repo.insertStory(tx, {
    authorId: member.id,
    idempotencyKey: input.idempotencyKey,
    title: input.title,
    body: input.body,
    bodyHtml: renderBody(input.body),
    contentWarning: input.contentWarning ?? null,
    tags: input.tags,
    audience: input.audience,
    groupId,
    signing: input.signing,
    pseudonym,
    moderation: decision.columns,
  });
  if (story.created) for (const use of uses) await repo.grantConsent(tx, { storyId: story.id, use, consentTextId: current.id });
  const dto = await getStory(tx, member, story.id);
  if (!story.created && dto.title !== input.title) throw new KindredError('IDEMPOTENCY_KEY_REUSED');
  const stored = dto.own!;
  return { ...dto, moderation: story.created ? decision.outcome : storedOutcome(stored.status, stored.moderationReason, settings) };
}

async function ownStory(tx: TenantTx, member: SignedInMember, storyId: string) {
  const story = await repo.findOwnStory(tx, storyId);
  if (!story) throw new KindredError('NOT_FOUND', NOT_FOUND_STORY);
  if (story.author_id !== member.id) {
    // Someone else's story is "not found" unless it is shared with this member.
    if (await repo.findShared(tx, storyId, member.id)) throw new KindredError('FORBIDDEN_ACTION', 'You can only change your own stories.');
    throw new KindredError('NOT_FOUND', NOT_FOUND_STORY);
  }
  return story;
}

/**
 * The author can change anything later. New words, a new pseudonym or a wider audience go back
 * to review where the tenant pre-moderates that audience; signing less openly never does.
 */
export async function updateStory(
  tx: TenantTx,
  member: SignedInMember,
  input: UpdateStoryInput,
): Promise<StoryDto & { moderation: ModerationOutcome }> {
  const current = await ownStory(tx, member, input.storyId);
  const settings = await getTenantSettings(tx);
  const audience = input.audience ?? current.audience;
  const signing = input.signing ?? current.signing;
  const pseudonym = signing === 'pseudonym' ? (input.pseudonym ?? current.pseudonym) : null;
  checkSigning(signing, pseudonym);
  const groupSlugNow =
    audience === 'group' ? (input.group ?? (current.group_id ? (await tx.selectFrom('groups').select('slug').where('id', '=', current.group_id).executeTakeFirst())?.slug : undefined)) : input.group;
  const groupId = await storyGroup(tx, member, audience, groupSlugNow);
  if (SHARED_AUDIENCES.includes(audience) && !(await repo.liveConsents(tx, [current.id])).some((c) => c.use === 'site')) {
    throw new KindredError('VALIDATION_FAILED', 'To share this story with readers, first agree to it being shown on this website.');
  }
  const body = input.body ?? current.body;
  const changedWords =
    body !== current.body ||
    (input.title !== undefined && input.title !== current.title) ||
    (input.contentWarning !== undefined && input.contentWarning !== current.content_warning) ||
    (input.tags !== undefined) ||
    pseudonym !== current.pseudonym;
  const changedAudience = audience !== current.audience || groupId !== current.group_id;
  const title = input.title ?? current.title;
  const contentWarning = input.contentWarning !== undefined ? input.contentWarning : current.content_warning;
  const tags = input.tags ?? { condition: current.condition_tags, stage: current.stage_tags, topic: current.topic_tags };
  // New words or a new audience go through the pipeline again; signing less openly does not.
  const decision =
    changedWords || changedAudience
      ? await moderate(
          tx,
          member,
          {
            kind: 'story',
            text: storyText({ title, body, contentWarning, pseudonym, tags }),
            body,
            widelyVisible: WIDELY_READ.includes(audience),
            premoderated: needsReview(settings, audience),
            confirmPersonalDetails: input.confirmPersonalDetails,
            editing: current.id,
          },
          settings,
        )
      : undefined;
  const moderation: ModerationColumnValues = decision?.columns ?? {
    status: current.status,
    moderation_reason: current.moderation_reason,
    moderation_note: current.moderation_note,
    is_crisis: current.is_crisis,
    crisis_resources: current.crisis_resources === null ? null : JSON.stringify(current.crisis_resources),
  };
  await repo.updateStory(
    tx,
    current.id,
    {
      title,
      body,
      bodyHtml: body === current.body ? current.body_html : renderBody(body),
      contentWarning,
      tags,
      audience,
      groupId,
      signing,
      pseudonym,
      moderation,
    },
    moderation.status === 'published' && current.status !== 'published',
  );
  const dto = await getStory(tx, member, current.id);
  return { ...dto, moderation: decision?.outcome ?? storedOutcome(current.status, current.moderation_reason, settings) };
}

export async function grantConsent(tx: TenantTx, member: SignedInMember, input: { storyId: string; use: ConsentUse; consentTextId?: string | undefined }): Promise<StoryDto> {
  const story = await ownStory(tx, member, input.storyId);
  const current = await repo.currentConsentText(tx);
  if (input.consentTextId !== current.id) {
    throw new KindredError('VALIDATION_FAILED', 'Please read the current consent text before agreeing.');
  }
  await repo.grantConsent(tx, { storyId: story.id, use: input.use, consentTextId: current.id });
  return getStory(tx, member, story.id);
}

/** A revoked use ends at once: a story without "site" consent leaves every gallery and page. */
export async function revokeConsent(tx: TenantTx, member: SignedInMember, input: { storyId: string; use: ConsentUse }): Promise<StoryDto> {
  const story = await ownStory(tx, member, input.storyId);
  await repo.revokeConsent(tx, story.id, input.use);
  return getStory(tx, member, story.id);
}

export async function deleteStory(tx: TenantTx, member: SignedInMember, storyId: string): Promise<{ ok: true }> {
  const story = await ownStory(tx, member, storyId);
  await repo.deleteStory(tx, story.id);
  return { ok: true };
}

async function sharedStory(tx: TenantTx, viewer: Viewer, storyId: string): Promise<repo.StoryRow> {
  const row = await repo.findShared(tx, storyId, viewer?.id ?? null);
  if (!row) throw new KindredError('NOT_FOUND', NOT_FOUND_STORY);
  return row;
}

export async function thank(tx: TenantTx, member: SignedInMember, input: { storyId: string; on: boolean }): Promise<{ thanksCount: number; thankedByMe: boolean }> {
  await sharedStory(tx, member, input.storyId);
  await repo.setThanks(tx, { storyId: input.storyId, memberId: member.id, on: input.on });
  const row = await sharedStory(tx, member, input.storyId);
  return { thanksCount: row.thanks_count, thankedByMe: row.thanked_by_me };
}

function toComment(row: Awaited<ReturnType<typeof repo.listComments>>[number], viewer: Viewer): StoryCommentDto {
  return {
    id: row.id,
    author: { id: row.author_id, displayName: row.author_name },
    bodyHtml: row.body_html,
    createdAt: row.created_at.toISOString(),
    isOwn: row.author_id === viewer?.id,
    ...moderationStateOf(row),
  };
}

export async function listComments(
  tx: TenantTx,
  viewer: Viewer,
  input: { storyId: string; cursor?: string | null | undefined; limit: number },
): Promise<Page<StoryCommentDto>> {
  await sharedStory(tx, viewer, input.storyId);
  const after = input.cursor ? decodeCursor(input.cursor, z.tuple([z.iso.datetime(), z.uuid()])) : undefined;
  const rows = await repo.listComments(tx, { storyId: input.storyId, viewerId: viewer?.id ?? null, ...(after ? { after } : {}), limit: input.limit });
  return toPage(rows, input.limit, (r) => toComment(r, viewer), (r) => [r.created_at.toISOString(), r.id]);
}

export async function addComment(
  tx: TenantTx,
  member: SignedInMember,
  input: { storyId: string; body: string; idempotencyKey: string; confirmPersonalDetails: boolean },
): Promise<StoryCommentDto & { moderation: ModerationOutcome }> {
  const settings = await getTenantSettings(tx);
  if (!settings.storyComments) throw new KindredError('FORBIDDEN_ACTION', 'Comments are turned off for stories here.');
  const story = await sharedStory(tx, member, input.storyId);
  if (story.audience === 'group' && story.group_slug) {
    const group = await findVisibleGroup(tx, member, story.group_slug);
    if (!canReadGroup(group, member)) throw new KindredError('GROUP_MEMBERSHIP_REQUIRED');
  }
  const decision = await moderate(
    tx,
    member,
    {
      kind: 'story_comment',
      text: input.body,
      body: input.body,
      widelyVisible: WIDELY_READ.includes(story.audience),
      premoderated: needsReview(settings, story.audience),
      confirmPersonalDetails: input.confirmPersonalDetails,
      idempotencyKey: input.idempotencyKey,
    },
    settings,
  );
  const id = await repo.insertComment(tx, {
    storyId: input.storyId,
    authorId: member.id,
    body: input.body,
    bodyHtml: renderBody(input.body),
    moderation: decision.columns,
    idempotencyKey: input.idempotencyKey,
  });
  const row = await repo.findComment(tx, id);
  if (!row) throw new Error(`comment ${id} vanished inside its own transaction`);
  return { ...toComment(row, member), moderation: decision.outcome };
}
