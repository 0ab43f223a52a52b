// How easy a text is to read, as the plain-language checks measure it: Flesch-Douma for Dutch
// (206.835 − 0.93 × words per sentence − 77 × syllables per word; 65 and up is about B1) and the
// Flesch reading ease for English (206.835 − 1.015 × words per sentence − 84.6 × syllables per
// word), and the longest sentence in words. Syllables are counted as groups of vowels, the way
// Dutch and English spell them: close enough for a score, not a hyphenation dictionary.

/** A text's sentences, words and syllables, and its score. */
export interface Readability {
  sentences: string[];
  words: number;
  syllables: number;
  /** Flesch-Douma (nl) or Flesch reading ease (en). */
  score: number;
  /** Words in the longest sentence. */
  longest: number;
}

/**
 * Plain text from the Markdown of the site's pages and the mail templates: no markup, links as
 * their words, list items and headings as sentences of their own.
 *
 * @example
 * plainText('- **Binnen 7 werkdagen** krijgt u een bevestiging') // 'Binnen 7 werkdagen krijgt u een bevestiging.'
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/\{\{\s*\w+\s*\}\}/g, 'dit')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#]/g, '')
    .split(/\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)/)
    .map((block) =>
      block
        .replace(/^\s*(?:[-*]|\d+\.)\s+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((block) => block !== '')
    .map((block) => (/[.!?:]$/.test(block) ? block : `${block}.`))
    .join(' ');
}

/** The sentences of plain text: ended by . ! ? or a colon that closes a lead-in. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?:])\s+(?=[A-Z0-9ÀÉËÏÖÜ"'“‘(])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /\p{L}/u.test(sentence));
}

function wordsOf(sentence: string): string[] {
  return sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * The syllables of one word: its groups of vowels (a diaeresis starts a new one), at least one.
 *
 * @example
 * syllables('klachtenreglement', 'nl') // 4
 * syllables('ideeën', 'nl') // 3
 */
export function syllables(word: string, locale: 'nl' | 'en'): number {
  const lower = word.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (lower === '') return 1; // a number or a code is read as one unit
  const vowels = locale === 'nl' ? 'aeiouyáéíóúàèâêôûä' : 'aeiouyáéíóú';
  let count = 0;
  let inVowels = false;
  for (const char of lower) {
    // ë, ï, ö, ü after a vowel: the diaeresis says a new syllable starts here.
    const breaks = 'ëïöü'.includes(char);
    const vowel = vowels.includes(char) || breaks;
    if (vowel && (!inVowels || breaks)) count += 1;
    inVowels = vowel;
  }
  // English: a silent final e ("make"), but not "-le" ("table") or a word that has only that vowel.
  if (locale === 'en' && lower.endsWith('e') && !lower.endsWith('le') && count > 1) count -= 1;
  if (
    locale === 'en' &&
    /(?:ed|es)$/.test(lower) &&
    !/(?:ted|ded|ses|zes|ces|ges|xes|shes|ches|[^aeiou]les)$/.test(lower) &&
    count > 1
  )
    count -= 1;
  return Math.max(1, count);
}

/**
 * The readability of a plain text in Dutch (Flesch-Douma) or English (Flesch reading ease).
 *
 * @example
 * readability('U krijgt binnen 7 werkdagen een bevestiging.', 'nl').score // about 70
 */
export function readability(text: string, locale: 'nl' | 'en'): Readability {
  const sentences = sentencesOf(text);
  const perSentence = sentences.map(wordsOf);
  const words = perSentence.reduce((total, list) => total + list.length, 0);
  const syllableCount = perSentence.flat().reduce((total, word) => total + syllables(word, locale), 0);
  const wordsPerSentence = words / Math.max(1, sentences.length);
  const syllablesPerWord = syllableCount / Math.max(1, words);
  const score =
    locale === 'nl'
      ? 206.835 - 0.93 * wordsPerSentence - 77 * syllablesPerWord
      : 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
  return {
    sentences,
    words,
    syllables: syllableCount,
    score,
    longest: Math.max(0, ...perSentence.map((list) => list.length)),
  };
}
