#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout: `npx stadtnetz` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
