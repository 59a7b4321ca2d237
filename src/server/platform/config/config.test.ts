// TRUST_PROXY as the environment gives it: off by default, and what Fastify's trustProxy understands.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const trustProxy = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY;

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(trustProxy()).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('0')).toBe(false);
  });

  it('takes true, a hop count, or addresses and CIDRs separated by commas', () => {
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trustProxy(' 10.0.0.0/8, ::1 ,fd00::/8')).toEqual(['10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it('names what is wrong with anything else', () => {
    expect(() => trustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY: .*not 10\.0\.0\.0\/33/);
    expect(() => trustProxy('loadbalancer')).toThrow(/TRUST_PROXY/);
    expect(() => trustProxy('127.0.0.1,')).toThrow(/TRUST_PROXY/);
  });
});
