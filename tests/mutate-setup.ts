// The unit suite's setup (vitest.config.ts: fake-indexeddb/auto) as a file of the project: in
// Stryker's sandbox node_modules is a link out of the project, and a setup file named by package
// is then not found in happy-dom test files (vitest.mutate.config.ts).
import 'fake-indexeddb/auto';
