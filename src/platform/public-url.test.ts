import { describe, expect, it } from 'vitest';
import { loadConfig, publicUrlOf } from './config.js';

const env = (extra: Record<string, string>) => ({ TONGBAN_DATA_DIR: '/tmp/tongban-config-test', ...extra });

describe('TONGBAN_PUBLIC_URL', () => {
  it('is read into Config.publicUrl as an http(s) URL without the trailing slash', () => {
    expect(loadConfig(env({})).publicUrl).toBeNull();
    expect(loadConfig(env({ TONGBAN_PUBLIC_URL: '  ' })).publicUrl).toBeNull();
    expect(loadConfig(env({ TONGBAN_PUBLIC_URL: 'https://zwfw.example.gov.cn/' })).publicUrl).toBe('https://zwfw.example.gov.cn');
    expect(loadConfig(env({ TONGBAN_PUBLIC_URL: 'http://10.0.0.5:8080/tongban//' })).publicUrl).toBe('http://10.0.0.5:8080/tongban');
  });

  it('refuses anything but an http(s) URL, naming the variable', () => {
    for (const bad of ['zwfw.example.gov.cn', 'ftp://zwfw.example.gov.cn', 'https://zwfw.example.gov.cn/?a=1', 'https://u:p@zwfw.example.gov.cn', 'https://zwfw.example.gov.cn/#x', 'javascript:alert(1)']) {
      expect(() => loadConfig(env({ TONGBAN_PUBLIC_URL: bad })), bad).toThrow(/TONGBAN_PUBLIC_URL/);
    }
  });

  it('publicUrlOf: an override, else the configured URL, else the listening address', () => {
    const config = loadConfig(env({ PORT: '3100' }));
    expect(publicUrlOf({ config })).toBe('http://localhost:3100');
    expect(publicUrlOf({ config: { ...config, host: '0.0.0.0' } })).toBe('http://localhost:3100');
    expect(publicUrlOf({ config: { ...config, host: '192.168.1.20' } })).toBe('http://192.168.1.20:3100');
    expect(publicUrlOf({ config: { ...config, publicUrl: 'https://zwfw.example.gov.cn' } })).toBe('https://zwfw.example.gov.cn');
    expect(publicUrlOf({ config: { ...config, publicUrl: 'https://zwfw.example.gov.cn' }, publicUrl: 'http://127.0.0.1:4567/' })).toBe('http://127.0.0.1:4567');
  });
});
