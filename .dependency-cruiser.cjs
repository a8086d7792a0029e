/** Architecture rules, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Cycles between modules are a design error.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-knows-no-feature',
      severity: 'error',
      comment: 'platform/ is cross-cutting and holds no business rules: it must not import feature modules.',
      from: { path: '^apps/api/src/platform/' },
      to: { path: '^apps/api/src/modules/' },
    },
    {
      name: 'no-foreign-repository',
      severity: 'error',
      comment: "A module calls another module's service, never its repository.",
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: { path: '^apps/api/src/modules/([^/]+)/.+\\.repository\\.ts$', pathNot: '^apps/api/src/modules/$1/' },
    },
    {
      name: 'apps-use-the-api-client',
      severity: 'error',
      comment: 'Browser apps reach the API only through libs/api-client, and never import each other.',
      from: { path: '^apps/(portal|admin|box-office|scanner)/' },
      to: { path: '^apps/(api|portal|admin|box-office|scanner)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'features-stay-apart',
      severity: 'error',
      comment: 'Within an app, features never import each other.',
      from: { path: '^apps/([^/]+)/src/features/([^/]+)/' },
      to: { path: '^apps/$1/src/features/', pathNot: '^apps/$1/src/features/$2/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
