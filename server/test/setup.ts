import { afterAll } from 'vitest';
import { runAfterFile } from './after-file.js';

// Registered first, so it runs after the file's own afterAll hooks (they run newest first).
afterAll(runAfterFile);
