#!/usr/bin/env node
// Shim for the `storyboard` bin: registers tsx so the TypeScript CLI runs without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/storyboard.ts");
process.exitCode = await main(process.argv.slice(2));
