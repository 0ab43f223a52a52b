// The Dutch complainant of the tests that file a complaint, in the browser or by a plain post:
// one person, with accents in her name on purpose.

/**
 * Who she is, as the form's fields hold it; the complaint itself differs per test.
 *
 * @example
 * const form = new URLSearchParams({ locale: 'nl', ...dutchComplainant, complaint: 'De lift is kapot.' });
 */
export const dutchComplainant = {
  role: 'bewoner',
  name: 'Zoë Ünal-de Wit',
  email: 'zoe.unal@example.nl',
  phone: '06 12345678',
  address: 'Lindenlaan 12, 3581 Utrecht',
  category: 'onderhoud',
} as const;
