import { describe, expect, it } from 'vitest';
import { automaticCause, type HeaderLine } from './automatic.ts';

const line = (text: string): HeaderLine => ({ key: text.slice(0, text.indexOf(':')).toLowerCase(), line: text });

describe('automaticCause', () => {
  it.each([
    ['Auto-Submitted: auto-replied', 'auto-submitted'],
    ['Auto-Submitted: auto-generated (vacation)', 'auto-submitted'],
    ['Precedence: bulk', 'precedence'],
    ['Precedence: junk', 'precedence'],
    ['Precedence: list', 'precedence'],
    ['Precedence: auto_reply', 'precedence'],
    ['Return-Path: <>', 'null-sender'],
    ['X-Autoreply: yes', 'x-autoreply'],
    ['X-Autorespond: Ik ben afwezig', 'x-autoreply'],
    ['List-Id: <nieuws.example.nl>', 'list'],
    ['Content-Type: multipart/report; report-type=delivery-status; boundary="b"', 'delivery-report'],
    ['From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.nl>', 'delivery-report'],
  ])('takes "%s" for a machine’s mail (%s)', (header, cause) => {
    expect(automaticCause([line(header)])).toBe(cause);
  });

  it('takes a person’s reply for one: Auto-Submitted: no, an ordinary sender and content type', () => {
    expect(
      automaticCause([
        line('From: Anna de Vries <anna@example.nl>'),
        line('Return-Path: <anna@example.nl>'),
        line('Auto-Submitted: no'),
        line('Content-Type: multipart/mixed; boundary="x"'),
      ]),
    ).toBeUndefined();
  });
});
