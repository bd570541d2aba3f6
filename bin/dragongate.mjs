#!/usr/bin/env node
// The `dragongate` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
