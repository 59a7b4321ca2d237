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

describe('links in mail and quiet hours', () => {
  it('needs LINK_SECRET in production on PostgreSQL, of a sound length, and never elsewhere', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/resonance' };
    expect(() => loadConfig(production)).toThrow(/LINK_SECRET: required in production/);
    expect(() => loadConfig({ ...production, LINK_SECRET: 'short' })).toThrow(/LINK_SECRET/);
    expect(loadConfig({ ...production, LINK_SECRET: 'x'.repeat(48) }).LINK_SECRET).toHaveLength(48);
    expect(loadConfig({ NODE_ENV: 'production' }).LINK_SECRET).toBeUndefined();
  });

  it('reads QUIET_HOURS and DEFAULT_CHANNELS, and names what is wrong', () => {
    expect(loadConfig({}).quietHours).toBeNull();
    expect(loadConfig({ QUIET_HOURS: '20:00-07:00' }).quietHours).toEqual({ start: '20:00', end: '07:00' });
    expect(() => loadConfig({ QUIET_HOURS: '20:00-20:00' })).toThrow(/QUIET_HOURS/);
    expect(() => loadConfig({ QUIET_HOURS: '8pm' })).toThrow(/QUIET_HOURS/);
    expect(loadConfig({}).DEFAULT_CHANNELS).toEqual(['email', 'feed', 'chat']);
    expect(loadConfig({ DEFAULT_CHANNELS: 'feed, email' }).DEFAULT_CHANNELS).toEqual(['feed', 'email']);
    expect(() => loadConfig({ DEFAULT_CHANNELS: 'email,fax' })).toThrow(/DEFAULT_CHANNELS: .*fax/);
  });
});
