/**
 * The stories widget's English strings for its first render (frame and gallery): the source for
 * their keys. The reader's, composer's and "My stories" strings are in views.en.ts (lazy).
 */
export const storiesEn = {
  storiesHeading: 'Stories',
  storiesIntro: 'Experiences shared by people in this community, in their own words.',
  loadingStories: 'Loading stories…',
  storiesLoaded: { zero: 'No stories to show.', one: '1 story shown.', other: '{count} stories shown.' },
  moreStoriesLoaded: { one: '1 more story loaded.', other: '{count} more stories loaded.' },
  loadMoreStories: 'Load more stories',
  noStoriesTitle: 'No stories yet',
  noStoriesHint: 'When people here share their experiences, you will find them on this page.',
  noTaggedStoriesTitle: 'No stories about “{tag}” yet',
  noTaggedStoriesHint: 'Try another topic, or read all stories.',
  storiesFilterLabel: 'Show stories about',
  allStories: 'All stories',
  shareStory: 'Share your story',
  myStoriesButton: 'My stories',
  storiesSignInHint: 'To share a story or see your own, please sign in to this website first.',
  storyWarning: 'Content warning: {warning}',
  showStory: 'Show story',
  hideStory: 'Hide story',
  storyAnonymous: 'Anonymous',
  storyByYouAnonymous: 'You (shared anonymously)',
  storyBy: 'By {name}',
  storyThanks: { one: '1 person said thank you', other: '{count} people said thank you' },
  storyTags: 'Tags',
  storiesSignInRequired: 'Stories in this group are for its members. Please sign in to read them.',
  loadingStoryView: 'Loading…',
} as const;
