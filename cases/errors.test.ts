import { describe, expect, it } from 'vitest';
import { errorCode, errorTag, taggedError } from './errors.ts';

describe('tagged errors', () => {
  it('carry their tag, their message and any extra fields', () => {
    const error = taggedError('not-found', 'GitHub weigerde de klacht (404).', { status: 404 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ tag: 'not-found', message: 'GitHub weigerde de klacht (404).', status: 404 });
    expect(errorTag(error)).toBe('not-found');
  });

  it('keep the tag when an extra field has the same name', () => {
    expect(errorTag(taggedError('budget', 'op', { tag: 'other' }))).toBe('budget');
  });

  it('have no tag when they are not ours', () => {
    expect(errorTag(new Error('x'))).toBeUndefined();
    expect(errorTag(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeUndefined();
    expect(errorTag(Object.assign(new Error('x'), { tag: 42 }))).toBeUndefined();
    expect(errorTag('incomplete')).toBeUndefined();
    expect(errorTag(undefined)).toBeUndefined();
    expect(errorTag(null)).toBeUndefined();
  });
});

describe('errorCode', () => {
  it('names a failure for a log line by its tag, else its code, else its name, never its message', () => {
    expect(errorCode(taggedError('budget', 'Zoë de Vries: niet op tijd'))).toBe('budget');
    expect(errorCode(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    // A child process's exit code is a number.
    expect(errorCode(Object.assign(new Error('git add failed for zoe@example.nl'), { code: 1 }))).toBe('1');
    expect(errorCode(new TypeError('zoe@example.nl'))).toBe('TypeError');
    expect(errorCode('zoe@example.nl')).toBe('unknown');
  });

  it('never says only "Error": a plain error without a code is unexplained, a wrapped one says what it wraps', () => {
    expect(errorCode(new Error('SMTP_URL ontbreekt'))).toBe('unexplained');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    expect(errorCode(new TypeError('fetch failed', { cause: refused }))).toBe('ECONNREFUSED');
    expect(errorCode(new Error('x', { cause: new Error('y') }))).toBe('unexplained');
    // A code that is not a code (it could be anything a library copied in) is not repeated.
    expect(errorCode(Object.assign(new Error('x'), { code: 'zoe@example.nl is onbekend' }))).toBe('unexplained');
  });

  it('puts the area in front of a tag that needs it to be understood', () => {
    expect(errorCode(taggedError('unauthorized', 'GitHub: 401', { area: 'github' }))).toBe('github-unauthorized');
    expect(errorCode(taggedError('smtp-refused', 'De mailserver weigerde.', { area: 'smtp' }))).toBe('smtp-refused');
  });
});
