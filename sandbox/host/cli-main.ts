// Process entry of the `lambda-lab` command (bundled to dist/engine/cli.js).
import { main } from './cli.ts';

process.exitCode = await main(process.argv.slice(2));
