import { chromium, type Browser, type LaunchOptions } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumArgs, chromiumPath } from '../chromium-flags.js';

/**
 * Chromium as every browser spec runs it, but inside a school's namespace: Playwright starts
 * a generated wrapper that `ip netns exec`s the real binary (Playwright drives it over a pipe,
 * which crosses namespaces). The app is plain http on a lab address, so that origin is
 * declared secure (as localhost is) for the camera and microphone.
 */
export async function launchInNamespace(ns: string, dir: string, appOrigin: string, options: LaunchOptions = {}): Promise<Browser> {
  fs.mkdirSync(dir, { recursive: true });
  const wrapper = path.join(dir, `chromium-${ns}.sh`);
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${ns} ${chromiumPath} "$@"\n`, { mode: 0o755 });
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: wrapper,
    args: [...chromiumArgs, `--unsafely-treat-insecure-origin-as-secure=${appOrigin}`, ...(options.args ?? [])],
  });
}
