#!/usr/bin/env node
// A committed shim, so pnpm can link the bin before `build` has written dist/.
import "../dist/cli.js";
