/**
 * Demo tenants and their community content. Written to read like the real thing: a family
 * clinic, a breast-cancer nonprofit and a health shop, each with groups, members and threads.
 * All people here are invented.
 */

export interface DemoThread {
  /** Omitted: the general forum. */
  group?: string;
  title: string;
  author: string;
  body: string;
  /** Hours before seeding. */
  hoursAgo: number;
  replies: { author: string; body: string; hoursAgo: number }[];
}

export interface DemoGroup {
  slug: string;
  name: string;
  description: string;
  conditionTags: string[];
  joinPolicy: 'open' | 'request' | 'invite';
  visibility: 'public' | 'members' | 'group';
  /** Member names with a role in the group (everyone who posts in it is a member anyway). */
  moderators?: string[];
  mentors?: string[];
  /** Members who belong without having posted. */
  members?: string[];
}

export interface DemoVisitor {
  sub: string;
  name: string;
  /** Shown next to the name in the demo page's picker. */
  describedAs: string;
  /** SKUs the shop says this visitor bought: signed into their token as a purchase claim. */
  purchases?: string[];
}

export interface DemoTenant {
  slug: string;
  name: string;
  /** Fixed so the README and the demo pages can name it. */
  publishableKey: string;
  /** Which demo host page (and so which port offset) serves this tenant. */
  page: 'clinic' | 'nonprofit' | 'shop';
  /** The Kindred elements its demo page embeds (the page template holds the snippets). */
  embeds: string[];
  groups: DemoGroup[];
  members: { sub: string; name: string; badges?: string[] }[];
  /** Show host-verified badges such as "Verified clinician". */
  trustHostBadges?: boolean;
  /** Who the page's "sign in" button can sign in (the first by default): two, to try things between two browsers. */
  demoVisitors: [DemoVisitor, DemoVisitor];
  threads: DemoThread[];
  stories?: DemoStory[];
  products?: DemoProduct[];
}

export interface DemoStory {
  author: string;
  title: string;
  body: string;
  audience: 'public' | 'members';
  signing: 'name' | 'pseudonym' | 'anonymous';
  pseudonym?: string;
  tags: { condition: string[]; stage: string[]; topic: string[] };
  hoursAgo: number;
}

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  reviews: { author: string; rating: number; title: string; body: string; attributes: string[]; verified: boolean; pseudonym?: string; hoursAgo: number }[];
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'riverside-clinic',
    name: 'Riverside Family Clinic',
    publishableKey: 'pk_demo_riverside_clinic',
    page: 'clinic',
    embeds: ['kindred-forum'],
    groups: [
      {
        slug: 'type-2-diabetes', name: 'Living with type 2 diabetes',
        description: 'Day-to-day life with type 2 diabetes: food, medication, numbers and mood.',
        conditionTags: ['Type 2 diabetes'], joinPolicy: 'open', visibility: 'public',
        moderators: ['Dr. Ana Ruiz'], mentors: ['Tom R.'],
      },
      {
        slug: 'long-covid', name: 'Long COVID',
        description: 'Pacing, fatigue, brain fog and getting back to work after COVID-19.',
        conditionTags: ['Long COVID', 'Fatigue'], joinPolicy: 'request', visibility: 'members',
        moderators: ['Helen W.'],
      },
      {
        slug: 'heart-health', name: 'Heart health',
        description: 'After a heart attack, with heart failure or atrial fibrillation: recovery, rehab and reassurance.',
        conditionTags: ['Heart disease', 'Atrial fibrillation'], joinPolicy: 'open', visibility: 'public',
        members: ['Maria G.'],
      },
    ],
    trustHostBadges: true,
    members: [
      { sub: 'rc-101', name: 'Maria G.' },
      { sub: 'rc-102', name: 'Tom R.' },
      { sub: 'rc-103', name: 'Priya' },
      { sub: 'rc-104', name: 'Dave (caregiver)' },
      { sub: 'rc-105', name: 'Helen W.' },
      { sub: 'rc-106', name: 'Dr. Ana Ruiz', badges: ['clinician'] },
    ],
    demoVisitors: [
      { sub: 'rc-demo-patient', name: 'Sam Patel', describedAs: 'patient' },
      { sub: 'rc-demo-carer', name: 'Jo Patel', describedAs: 'caregiver' },
    ],
    threads: [
      {
        title: 'How do you keep track of appointments and prescriptions?',
        author: 'Helen W.',
        hoursAgo: 2,
        body: 'Since my knee surgery I have physio twice a week, two specialists and four repeat prescriptions. I keep missing refill dates.\n\nDoes anyone have a system that actually works? Paper, app, anything.',
        replies: [
          { author: 'Tom R.', hoursAgo: 1.5, body: 'I use a big wall calendar in the kitchen and write the refill date the day I pick up. Low-tech but my wife sees it too, which helps.' },
          { author: 'Priya', hoursAgo: 1, body: 'The clinic portal can send refill reminders by text. It took me a while to find the setting: it is under "Notifications" on your profile page.' },
        ],
      },
      {
        title: 'Nervous about my first colonoscopy next week',
        author: 'Maria G.',
        hoursAgo: 20,
        body: 'My doctor recommended a screening colonoscopy and I am honestly more worried about the prep than the procedure. Any tips for getting through the day before?',
        replies: [
          { author: 'Dave (caregiver)', hoursAgo: 18, body: 'I drove my dad to his last month. Chilled prep was easier for him, and a straw helped. Plan to stay home near the bathroom all evening, and have soft toilet paper ready. The procedure itself he did not remember at all.' },
          { author: 'Helen W.', hoursAgo: 16, body: 'Clear broth and jelly the day before kept me from feeling too hungry. You will feel so relieved afterwards. Good luck!' },
          { author: 'Maria G.', hoursAgo: 3, body: 'Thank you both. Broth is on the shopping list.' },
        ],
      },
      {
        title: 'Walking group on Saturday mornings?',
        author: 'Tom R.',
        hoursAgo: 50,
        body: 'Would anyone be interested in a gentle walk along the river path on Saturdays at 9? Slow pace, about 40 minutes, all welcome.',
        replies: [{ author: 'Priya', hoursAgo: 40, body: 'Yes please! I need the motivation.' }],
      },
      {
        group: 'type-2-diabetes',
        title: 'Morning readings higher than bedtime: is that normal?',
        author: 'Priya',
        hoursAgo: 6,
        body: 'My fasting numbers are often higher than when I go to bed, even though I have not eaten. My nurse mentioned the "dawn phenomenon". Has anyone else seen this and what helped you?',
        replies: [
          { author: 'Tom R.', hoursAgo: 5, body: 'Same here. A short walk after dinner and a protein snack instead of fruit in the evening made a difference for me, but talk it through with your nurse before changing anything.' },
          { author: 'Dr. Ana Ruiz', hoursAgo: 4, body: 'Good question, Priya. Morning highs are common and have a few possible causes, so it is worth **bringing a week of readings** to your next appointment. We can look at the pattern together.' },
        ],
      },
      {
        group: 'type-2-diabetes',
        title: 'Favourite low-carb breakfasts that are not eggs',
        author: 'Maria G.',
        hoursAgo: 30,
        body: 'I am so tired of eggs. What do you eat in the morning that keeps your numbers steady?',
        replies: [
          { author: 'Helen W.', hoursAgo: 28, body: 'Greek yoghurt with a handful of walnuts and a few berries.' },
          { author: 'Dave (caregiver)', hoursAgo: 26, body: 'My mum likes cottage cheese on rye crispbread with tomato.' },
        ],
      },
      {
        group: 'long-covid',
        title: 'Pacing: how do you plan a "good" day without crashing the next?',
        author: 'Dave (caregiver)',
        hoursAgo: 12,
        body: 'My partner has had long COVID for eight months. On good days she does too much and then spends two days in bed. How do you all pace?',
        replies: [
          { author: 'Helen W.', hoursAgo: 10, body: 'The clinic OT taught me to plan at 70% of what I think I can do, and to rest before I feel tired, not after. It felt silly at first but it works.' },
        ],
      },
    ],
  },
  {
    slug: 'pink-ribbon',
    name: 'Pink Ribbon Together',
    publishableKey: 'pk_demo_pink_ribbon',
    page: 'nonprofit',
    embeds: ['kindred-groups', 'kindred-stories'],
    groups: [
      {
        slug: 'newly-diagnosed', name: 'Newly diagnosed',
        description: 'For the first weeks and months after a breast cancer diagnosis. No question is too small.',
        conditionTags: ['Breast cancer', 'Newly diagnosed'], joinPolicy: 'open', visibility: 'public',
        moderators: ['Joanne'], mentors: ['Lucia M.'],
      },
      {
        slug: 'metastatic', name: 'Living with metastatic breast cancer',
        description: 'A space for people living with stage 4 breast cancer, and those who love them.',
        conditionTags: ['Breast cancer', 'Metastatic'], joinPolicy: 'request', visibility: 'members',
        moderators: ['Joanne'],
      },
      {
        slug: 'caregivers', name: 'Caregivers and partners',
        description: 'Support for the people supporting someone through treatment. Invite-only, so you can speak freely.',
        conditionTags: ['Caregivers'], joinPolicy: 'invite', visibility: 'group',
        moderators: ['Mark (husband)'],
      },
    ],
    members: [
      { sub: 'pr-201', name: 'Joanne' },
      { sub: 'pr-202', name: 'Lucia M.' },
      { sub: 'pr-203', name: 'Rachel K.' },
      { sub: 'pr-204', name: 'Mark (husband)' },
      { sub: 'pr-205', name: 'Aisha' },
    ],
    demoVisitors: [
      { sub: 'pr-demo-patient', name: 'Alex Morgan', describedAs: 'patient' },
      { sub: 'pr-demo-survivor', name: 'Rosa Díaz', describedAs: 'survivor' },
    ],
    stories: [
      {
        author: 'Lucia M.', title: 'Four years on, what I wish I had known', audience: 'public', signing: 'name', hoursAgo: 30,
        tags: { condition: ['Breast cancer'], stage: ['After treatment'], topic: ['Family', 'Work'] },
        body: 'When I was diagnosed I thought my life had stopped. It had not; it had changed.\n\nThree things I wish someone had told me:\n\n- It is fine to ask the same question three times.\n- Bring a friend to every big appointment.\n- The tiredness after treatment is real, and it does lift.',
      },
      {
        author: 'Rachel K.', title: 'Going back to work after chemo', audience: 'members', signing: 'pseudonym', pseudonym: 'R.K. in Leeds', hoursAgo: 80,
        tags: { condition: ['Breast cancer'], stage: ['After treatment'], topic: ['Work'] },
        body: 'I went back part-time, mornings only, for the first six weeks. My manager and I agreed a plan in writing before my first day.\n\n> Pace yourself, the work will still be there.\n\nThat was the best advice I got.',
      },
      {
        author: 'Aisha', title: 'The day I shaved my head', audience: 'public', signing: 'anonymous', hoursAgo: 150,
        tags: { condition: ['Breast cancer'], stage: ['During treatment'], topic: ['Hair loss'] },
        body: 'My hair started falling out on day 16. My daughter helped me shave it, and we made it a party with music. I cried, then laughed. It was mine to decide, and that felt good.',
      },
    ],
    threads: [
      {
        group: 'newly-diagnosed',
        title: 'Just diagnosed, stage 2, and my head is spinning',
        author: 'Aisha',
        hoursAgo: 4,
        body: 'I got the call on Tuesday. HER2 positive, stage 2. I have my first oncology appointment on Friday and I do not even know what to ask.\n\nHow did you get through the first week?',
        replies: [
          { author: 'Joanne', hoursAgo: 3.5, body: 'Sending you a big hug. The first week is the hardest because everything is unknown. Bring someone with you on Friday and ask them to take notes, you will not remember half of it.' },
          { author: 'Rachel K.', hoursAgo: 3, body: 'I wrote my questions in my phone as they came up, at 3am mostly. Ask about the treatment plan, the timeline, who to call out of hours, and whether they have a breast care nurse you can contact.' },
          { author: 'Lucia M.', hoursAgo: 2, body: 'HER2 positive here too, four years ago. The treatments have come such a long way. You are not alone in this.' },
        ],
      },
      {
        group: 'newly-diagnosed',
        title: 'What to pack for chemo days',
        author: 'Rachel K.',
        hoursAgo: 26,
        body: 'Starting chemo on Monday. For those who have been through it, what did you bring with you for the infusion days?',
        replies: [
          { author: 'Joanne', hoursAgo: 24, body: 'A soft blanket, warm socks, lip balm, a water bottle, headphones and a charger with a long cable. And mints: some drugs leave a metallic taste.' },
          { author: 'Aisha', hoursAgo: 6, body: 'Saving this list, thank you.' },
        ],
      },
      {
        group: 'newly-diagnosed',
        title: 'Telling my kids (7 and 10)',
        author: 'Lucia M.',
        hoursAgo: 70,
        body: 'How did you explain your diagnosis to young children? I want to be honest without frightening them.',
        replies: [
          { author: 'Mark (husband)', hoursAgo: 60, body: 'We used the word cancer from the start and kept it simple: Mum is sick, the doctors have a plan, her hair might fall out, and it is nobody\'s fault. The charity has a lovely picture book for that age.' },
        ],
      },
      {
        group: 'caregivers',
        title: 'How do you look after yourself while caring?',
        author: 'Mark (husband)',
        hoursAgo: 15,
        body: 'Between work, the kids and hospital runs I am running on empty. What small things help you keep going?',
        replies: [],
      },
      {
        group: 'metastatic',
        title: 'Three years since my stage 4 diagnosis',
        author: 'Joanne',
        hoursAgo: 48,
        body: 'Three years ago I was told I had months to a couple of years. I am still here, on my fourth line of treatment, and I went to my daughter\'s graduation last week. Holding on to the good days.',
        replies: [{ author: 'Rachel K.', hoursAgo: 47, body: 'This made me cry happy tears. Congratulations to your daughter and to you.' }],
      },
    ],
  },
  {
    slug: 'greenleaf-shop',
    name: 'Greenleaf Health Shop',
    publishableKey: 'pk_demo_greenleaf_shop',
    page: 'shop',
    embeds: ['kindred-reviews', 'kindred-recommendations', 'kindred-forum'],
    groups: [
      {
        slug: 'sensitive-skin', name: 'Sensitive skin',
        description: 'Finding products that do not sting, itch or flare.',
        conditionTags: ['Eczema', 'Radiotherapy skin care'], joinPolicy: 'open', visibility: 'public',
        members: ['Nadia', 'Beth'],
      },
      {
        slug: 'ostomy-care', name: 'Ostomy care',
        description: 'Bags, barriers, swimming and everyday life with a stoma.',
        conditionTags: ['Ostomy'], joinPolicy: 'open', visibility: 'members',
        mentors: ['Chris O.'],
      },
    ],
    members: [
      { sub: 'gl-301', name: 'Beth' },
      { sub: 'gl-302', name: 'Chris O.' },
      { sub: 'gl-303', name: 'Nadia' },
      { sub: 'gl-304', name: 'Gary P.' },
    ],
    demoVisitors: [
      { sub: 'gl-demo-patient', name: 'Robin Lee', describedAs: 'customer', purchases: ['GL-WIG-ELLA', 'GL-CREAM-CALM'] },
      { sub: 'gl-demo-second', name: 'Kim Okafor', describedAs: 'customer' },
    ],
    products: [
      {
        sku: 'GL-WIG-ELLA', name: 'Ella soft-cap synthetic wig', category: 'Wigs',
        reviews: [
          { author: 'Beth', rating: 5, title: 'Comfortable all day, even on a sore scalp', body: 'The soft cap made all the difference during chemo. Nobody at work noticed it was a wig.', attributes: ['during-chemotherapy', 'hair-loss'], verified: true, hoursAgo: 200 },
          { author: 'Nadia', rating: 4, title: 'Lovely, but trim the fringe', body: 'Natural look. I had the fringe trimmed at a salon that knows wigs.', attributes: ['hair-loss'], verified: true, hoursAgo: 120 },
          { author: 'Gary P.', rating: 4, title: 'Bought for my wife', body: 'She says it is the first wig that does not itch.', attributes: ['during-chemotherapy'], verified: false, hoursAgo: 60, pseudonym: 'Supportive husband' },
        ],
      },
      {
        sku: 'GL-BRA-SOFT', name: 'Soft-front post-surgery bra', category: 'Mastectomy bras',
        reviews: [
          { author: 'Nadia', rating: 5, title: 'Front fastening was a lifesaver', body: 'Two weeks after surgery I could not lift my arms. Front hooks and no underwire: exactly right.', attributes: ['after-surgery'], verified: true, hoursAgo: 300 },
          { author: 'Beth', rating: 4, title: 'Good pockets for a prosthesis', body: 'Holds a light prosthesis well. Runs a little small.', attributes: ['after-surgery'], verified: true, hoursAgo: 90 },
        ],
      },
      {
        sku: 'GL-CREAM-CALM', name: 'Calm fragrance-free radiotherapy cream', category: 'Skin care',
        reviews: [
          { author: 'Chris O.', rating: 5, title: 'Soothed my skin through 15 sessions', body: 'Used twice a day as my team advised. No stinging at all.', attributes: ['during-radiotherapy', 'sensitive-skin'], verified: true, hoursAgo: 400 },
          { author: 'Beth', rating: 4, title: 'Absorbs quickly', body: 'Not greasy, which matters under clothes.', attributes: ['sensitive-skin'], verified: true, hoursAgo: 50 },
          { author: 'Nadia', rating: 3, title: 'Fine, a bit thick', body: 'Did the job, but I preferred a lighter lotion by the end.', attributes: ['during-radiotherapy'], verified: false, hoursAgo: 20 },
        ],
      },
    ],
    threads: [
      {
        title: 'Fragrance-free moisturiser that works during radiotherapy?',
        author: 'Nadia',
        hoursAgo: 5,
        body: 'My radiotherapy team said to use a plain, unperfumed moisturiser twice a day. The shelves are overwhelming. What did you use?',
        replies: [
          { author: 'Beth', hoursAgo: 4, body: 'I used a simple aqueous-free emollient cream, nothing with alcohol or fragrance. Check with your team before putting anything on the treated area right before a session.' },
        ],
      },
      {
        title: 'Compression socks for long flights: which strength?',
        author: 'Gary P.',
        hoursAgo: 30,
        body: 'Flying to see family next month, 11 hours. I had a DVT two years ago. Which compression class do people use?',
        replies: [
          { author: 'Chris O.', hoursAgo: 29, body: 'Ask your GP. After my clot they prescribed class 2 and measured my legs in the pharmacy, which made a big difference to the fit.' },
          { author: 'Beth', hoursAgo: 20, body: 'Put them on first thing in the morning before your legs swell. Rubber gloves help you pull them up!' },
        ],
      },
      {
        group: 'ostomy-care',
        title: 'Swimming with a stoma: first time back in the pool',
        author: 'Chris O.',
        hoursAgo: 40,
        body: 'Six months after surgery I finally went swimming. A high-waisted costume, a smaller closed bag and a barrier extender and nobody noticed a thing. If you are nervous about it: you can do it!',
        replies: [{ author: 'Gary P.', hoursAgo: 35, body: 'This is so encouraging, thank you for sharing.' }],
      },
    ],
  },
];
