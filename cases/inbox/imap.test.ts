import { describe, expect, it } from 'vitest';
import { describeImapTarget, parseImapUrl } from './imap.ts';

describe('KLACHTEN_IMAP_URL', () => {
  it('reads an imaps:// URL with the port 993 by default and INBOX as the mailbox', () => {
    expect(parseImapUrl('imaps://klachten%40livable.nl:ge%3Aheim@mail.livable.nl/INBOX')).toEqual({
      host: 'mail.livable.nl',
      port: 993,
      secure: true,
      user: 'klachten@livable.nl',
      password: 'ge:heim',
      mailbox: 'INBOX',
    });
  });

  it('takes imap:// without TLS to this machine only', () => {
    expect(parseImapUrl('imap://u:p@127.0.0.1:1143/INBOX')).toMatchObject({ secure: false, port: 1143 });
    expect(() => parseImapUrl('imap://u:p@mail.livable.nl/INBOX')).toThrow(/alleen naar dit apparaat zelf/);
  });

  it('refuses what is no IMAP URL without repeating the password', () => {
    expect(() => parseImapUrl('smtps://u:geheim-wachtwoord@mail.livable.nl')).toThrow(/imaps:\/\//);
    expect(() => parseImapUrl('imaps://mail.livable.nl/INBOX')).toThrow(/gebruikersnaam of het wachtwoord/);
    try {
      parseImapUrl('imap://u:geheim-wachtwoord@mail.livable.nl');
    } catch (error) {
      expect(String(error)).not.toContain('geheim-wachtwoord');
    }
  });

  it('describes where the inbox is without the credentials', () => {
    expect(describeImapTarget(parseImapUrl('imaps://u:geheim@mail.livable.nl/INBOX'))).toBe(
      'IMAP mail.livable.nl:993 (TLS) INBOX',
    );
  });
});
