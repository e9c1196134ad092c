/**
 * The boundaries of the house (README "Boundaries"), checked by `npm run check` and by
 * tests/boundaries. A rule names what may NOT be imported; `$1` is the folder the importer is in.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-front-door',
      comment:
        'A server module uses another module only through its front door, service.ts: never its repo, table, rules or helpers (they change without notice).',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: {
        path: '^server/modules/[^/]+/(?!service\\.ts$)',
        // Inside its own module a file imports what it likes.
        pathNot: ['^server/modules/$1/'],
      },
    },
    {
      name: 'outside-in-front-door',
      comment: 'Plugins, jobs, demo data, CLIs and the live feed reach a module through its service.ts too.',
      severity: 'error',
      from: { path: '^server/(?!modules/)', pathNot: ['^server/app\\.ts$', '^server/db/database\\.ts$'] },
      to: { path: '^server/modules/[^/]+/(?!service\\.ts$)' },
    },
    {
      name: 'app-registers-routes',
      comment: "server/app.ts registers each module's routes files and nothing else of it.",
      severity: 'error',
      from: { path: '^server/app\\.ts$' },
      to: { path: '^server/modules/[^/]+/(?!(service|[a-z-]*routes)\\.ts$)' },
    },
    {
      name: 'database-knows-tables',
      comment:
        'server/db/database.ts is the one file that knows every table: it imports table.ts files only.',
      severity: 'error',
      from: { path: '^server/db/database\\.ts$' },
      to: { path: '^server/modules/[^/]+/(?!table\\.ts$)' },
    },
    {
      name: 'feature-island',
      comment:
        'A console feature never imports another feature: what two features need moves down to components/, hooks/ or lib/; features compose only in app/.',
      severity: 'error',
      from: { path: '^client/src/features/([^/]+)/' },
      to: { path: '^client/src/features/', pathNot: ['^client/src/features/$1/'] },
    },
    {
      name: 'lower-layers-stay-below',
      comment: 'components/, hooks/ and lib/ are below the features and the app shell.',
      severity: 'error',
      from: { path: '^client/src/(components|hooks|lib)/' },
      to: { path: '^client/src/(features|app)/' },
    },
    {
      name: 'shared-is-shared',
      comment: 'shared/ is used by both sides, so it imports neither.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'sides-apart',
      comment: 'The console never imports the server, nor the server the console; they meet in shared/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-console',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
