#!/usr/bin/env node
// A committed launcher, so that installing the workspace creates the bin before the first build.
require('../dist/cli.cjs');
