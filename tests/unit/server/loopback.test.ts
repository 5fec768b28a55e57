import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isOwnHostHeader } from '../../../src/server/loopback';

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.2', true],
    ['127.255.255.254', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['[::]', false],
    ['192.168.1.5', false],
    ['10.0.0.1', false],
    ['128.0.0.1', false],
    ['::2', false],
    ['::ffff:127.0.0.1', false],
    ['fe80::1', false],
    ['127.0.0.1.evil.com', false],
    ['localhost.evil.com', false],
    ['evil-localhost', false],
    ['127.1', false],
    ['2130706433', false],
    ['0x7f.0.0.1', false],
    ['', false],
    [' 127.0.0.1', false],
    ['127.0.0.1 ', false],
  ])('%j → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('isOwnHostHeader', () => {
  const PORT = 4317;

  it.each([
    ['127.0.0.1:4317', true],
    ['127.0.0.5:4317', true],
    ['localhost:4317', true],
    ['LocalHost:4317', true],
    ['[::1]:4317', true],
    ['127.0.0.1:4318', false],
    ['localhost:80', false],
    ['[::1]:1', false],
    ['127.0.0.1:04317x', false],
    ['127.0.0.1', false],
    ['localhost', false],
    ['[::1]', false],
    ['::1:4317', false],
    ['evil.example:4317', false],
    ['127.0.0.1.evil.com:4317', false],
    ['localhost.evil.com:4317', false],
    ['evil.example:4317@127.0.0.1:4317', false],
    ['127.0.0.1:4317, evil.example:4317', false],
    ['127.0.0.1:4317 ', false],
    ['0.0.0.0:4317', false],
    ['[::]:4317', false],
    ['[::ffff:127.0.0.1]:4317', false],
    ['', false],
    [undefined, false],
  ])('%j on port 4317 → %s', (header, expected) => {
    expect(isOwnHostHeader(header, PORT)).toBe(expected);
  });

  it('compares the port as a number', () => {
    expect(isOwnHostHeader('127.0.0.1:04317', PORT)).toBe(true);
    expect(isOwnHostHeader('127.0.0.1:4317', 4317)).toBe(true);
    expect(isOwnHostHeader('127.0.0.1:0', 0)).toBe(true);
  });
});
