import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('notification email settings', () => {
  it('sends no email without SMTP_URL', () => {
    expect(loadConfig({}).mail).toBeUndefined();
    expect(loadConfig({ SMTP_URL: '', PUBLIC_URL: 'https://p.example' }).mail).toBeUndefined();
  });

  it('takes an smtp:// or smtps:// URL with the public address for links, and a From from that address', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail.school.example:587', PUBLIC_URL: 'https://peerbridge.school.example/' }).mail).toEqual({
      smtpUrl: 'smtp://u:p@mail.school.example:587',
      publicUrl: 'https://peerbridge.school.example',
      from: 'Peerbridge <peerbridge@peerbridge.school.example>',
    });
    expect(loadConfig({ SMTP_URL: 'smtps://mail.example', PUBLIC_URL: 'https://p.example', MAIL_FROM: 'Office <office@school.example>' }).mail?.from).toBe('Office <office@school.example>');
  });

  it('refuses a malformed SMTP_URL, MAIL_FROM or PUBLIC_URL, and SMTP_URL without PUBLIC_URL, naming each', () => {
    expect(() => loadConfig({ SMTP_URL: 'mail.school.example', PUBLIC_URL: 'https://p.example' })).toThrow(/SMTP_URL must be a URL such as smtp:/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.school.example', PUBLIC_URL: 'https://p.example' })).toThrow(/SMTP_URL must be a URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example' })).toThrow(/PUBLIC_URL is required with SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example', PUBLIC_URL: 'peerbridge.example' })).toThrow(/PUBLIC_URL must be an http\(s\) address/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example', PUBLIC_URL: 'https://p.example', MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM must be an address/);
  });
});
