/**
 * Crisis language: self-harm and suicide phrases in English and Spanish (and any phrases the
 * tenant adds), matched on normalised text so spelling tricks do not hide them. Phrases, not
 * single words: "suicide prevention week" is not a crisis, "I want to kill myself" is.
 * Common figures of speech ("this treatment is killing me", "me muero de risa") and plain
 * negations of fear ("I don't want to die") are not crises; when in doubt a rule errs towards
 * holding the post and showing help, because a false alarm costs far less than a missed one.
 */
import { containsPhrase, normaliseForMatching, normalisePhrase, type NormalisedText } from './normalize.ts';

interface Rule {
  /** Matched against the normalised words (lower case, no accents, single spaces). */
  pattern: RegExp;
  /** Words just before the match that turn it into a negation ("never", "no"). */
  negatedBy?: RegExp;
  /** A wider phrase that makes a match harmless ("kill myself laughing"). */
  unless?: RegExp;
}

const EN_NEGATION = /(?:^| )(?:dont|do not|never|not|wont|will not|wouldnt|would never|no longer want to|didnt|did not)(?: \S+){0,2} $/;
const ES_NEGATION = /(?:^| )(?:no|nunca|jamas)(?: (?:me|te|se|lo|la|voy a|quiero|pienso))? $/;

const RULES: Rule[] = [
  // English
  {
    pattern: /\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|burn|burning) (?:myself|my self)\b/,
    negatedBy: EN_NEGATION,
    unless: /\b(?:kill|killing) myself (?:laughing|with laughter)\b|\bcut(?:ting)? myself (?:a|an|some|another) \S+/,
  },
  { pattern: /\b(?:end|ending|take|taking) (?:my|my own) life\b/, negatedBy: EN_NEGATION },
  { pattern: /\bend it all\b/, negatedBy: EN_NEGATION },
  { pattern: /\b(?:want|wanted|wanna|going|plan|planning|ready|deserve) to die\b|\bwanna die\b/, negatedBy: EN_NEGATION, unless: /\b(?:want|wanted) to die (?:of|from) (?:embarrassment|shame|laughing)\b/ },
  { pattern: /\bwish (?:i|id) (?:was|were|had) (?:dead|died|never been born)\b/ },
  { pattern: /\bbetter off (?:dead|without me)\b/ },
  { pattern: /\b(?:no reason|no reasons|nothing left|nothing) to live for\b|\bno reason to live\b|\bnot worth living\b/ },
  { pattern: /\b(?:dont|do not) want to (?:live|be alive|be here|wake up)(?: anymore| any more)?\b/ },
  { pattern: /\b(?:cant|cannot|can not) go on (?:anymore|any more|living|like this anymore)\b/ },
  { pattern: /\b(?:im|i am|i feel|feeling|been feeling|been|having|have) (?:so |really |very )?suicidal\b/, negatedBy: EN_NEGATION },
  { pattern: /\bsuicidal (?:thoughts|feelings|urges)\b/, negatedBy: EN_NEGATION },
  { pattern: /\b(?:commit|committing|attempt|attempting|thinking about|thought about|considering|planning) suicide\b/, negatedBy: EN_NEGATION },
  { pattern: /\bwant (?:it all|everything|the pain|this) to (?:stop|end)\b/, negatedBy: EN_NEGATION },
  { pattern: /\b(?:nobody|no one|noone) would (?:even )?(?:notice|care|miss me) if i (?:was|were|am) gone\b|\bif i (?:was|were) gone (?:nobody|no one) would\b/ },
  { pattern: /\b(?:pills|tablets|meds) saved up\b|\b(?:saving|stockpiling|saved) up (?:my |the )?(?:pills|tablets|meds)\b/ },
  { pattern: /\b(?:overdose|od) on purpose\b|\btake all (?:my|the|of my) (?:pills|tablets|meds|medication)\b/, negatedBy: EN_NEGATION },
  // Spanish (accents already removed)
  { pattern: /\b(?:quiero|quisiera|deseo|voy a|tengo ganas de|ganas de) (?:morir|morirme|matarme|suicidarme)\b/, negatedBy: ES_NEGATION },
  { pattern: /\bme quiero morir\b/, negatedBy: ES_NEGATION },
  { pattern: /\b(?:quitarme|quitar me) la vida\b/, negatedBy: ES_NEGATION },
  { pattern: /\bacabar con (?:todo|mi vida)\b/, negatedBy: ES_NEGATION },
  { pattern: /\b(?:matarme|suicidarme)\b/, negatedBy: ES_NEGATION },
  { pattern: /\bno quiero (?:vivir|seguir viviendo|despertar|estar aqui)\b/ },
  { pattern: /\b(?:quiero|quisiera) desaparecer\b/, negatedBy: ES_NEGATION },
  { pattern: /\b(?:hacerme|me hago|me hice|hacerme mas) dano\b/, negatedBy: ES_NEGATION },
  { pattern: /\bmejor (?:muerto|muerta)\b|\bestarian mejor sin mi\b/ },
  { pattern: /\bno vale la pena vivir\b|\bno tengo (?:razones|motivos|razon|motivo) para vivir\b/ },
  { pattern: /\b(?:pensamientos|ideas) suicidas\b|\bpensando en (?:suicidarme|el suicidio)\b/, negatedBy: ES_NEGATION },
];

export interface CrisisMatch {
  /** What matched, as normalised words (for moderators; never shown publicly). */
  phrase: string;
}

function matchRules(text: NormalisedText): CrisisMatch | undefined {
  for (const rule of RULES) {
    const found = rule.pattern.exec(text.words);
    if (!found) continue;
    const before = text.words.slice(0, found.index);
    if (rule.negatedBy?.test(before)) continue;
    if (rule.unless?.test(text.words)) continue;
    return { phrase: found[0] };
  }
  // Spaced-out letters ("k i l l m y s e l f"): the compact phrases of the clearest rules.
  for (const run of text.spacedRuns) {
    for (const compact of ['killmyself', 'endmylife', 'wanttodie', 'suicidal', 'matarme', 'suicidarme', 'quitarmelavida']) {
      if (run.includes(compact)) return { phrase: compact };
    }
  }
  return undefined;
}

/** Looks for crisis language in `text`, also trying the tenant's own phrases. */
export function detectCrisis(text: string, tenantPhrases: readonly string[] = []): CrisisMatch | undefined {
  const normalised = normaliseForMatching(text);
  const builtIn = matchRules(normalised);
  if (builtIn) return builtIn;
  for (const phrase of tenantPhrases) {
    const wanted = normalisePhrase(phrase);
    if (wanted && containsPhrase(normalised, wanted)) return { phrase: wanted };
  }
  return undefined;
}
