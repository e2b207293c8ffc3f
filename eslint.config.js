// ESLint flat config. Its main job is to hold the layers (issue 18): the engine runs in the CLI, the
// browser-mode server and Electron alike, so it must never reach for electron or the server; the parser
// works on text, so it must not depend on how files are read; the renderer talks to the main side only
// through the serialisable vocabulary in src-main/shared. Formatting is Prettier's business, so
// eslint-config-prettier switches every stylistic rule off.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

/** Builds a no-restricted-imports rule from [regex, why] pairs (matched against the import specifier). */
function restrict(...pairs) {
  return [
    'error',
    {
      patterns: pairs.map(([regex, message]) => ({ regex, message })),
    },
  ]
}

const noElectron = ['^electron(/|$)', 'The engine runs without Electron (CLI, browser mode): pass what it needs in.']
const noServer = ['(^|/)server/', 'The engine is below the server: the server adapts engine calls, never the reverse.']
const noElectronDir = ['(^|/)electron/', 'The engine is below the Electron shell.']
const noCli = ['(^|/)cli/', 'The engine is below the CLI.']

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      '.cache/**',
      'test-output/**',
      'bench-output/**',
      'src-renderer/public/**',
      'resources/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // Names starting with _ are deliberately unused (positional parameters, destructuring rests).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `a() || b()` reads as "try a, else b" and is used that way on purpose.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Readers strip control characters from hostile input on purpose; the regexes that do it name them.
      'no-control-regex': 'off',
      // Chinese text uses the ideographic space (U+3000) in strings, templates and patterns.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
    },
  },
  // Type-aware rules for all TypeScript and Vue code: a promise nobody awaits loses its error silently.
  {
    files: ['**/*.ts', '**/*.vue'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      // `import('x').T` in a type position stays allowed: it is how a lazily loaded module is typed.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['src-renderer/src/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Layers.
  {
    files: ['src-main/engine/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noElectron, noServer, noElectronDir, noCli) },
  },
  {
    files: ['src-main/engine/parse/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noServer, noElectronDir, noCli, [
        '(^|/)ingest/',
        'The parser works on text and grids, not on how files are read: move what both need to a shared module.',
      ]),
    },
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['^\\.\\./', 'src-main/shared is the vocabulary both sides import; it imports nothing from the main side.'],
        ['^node:', 'The renderer imports src-main/shared, so it must not need Node.'],
      ),
    },
  },
  {
    files: ['src-renderer/src/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': restrict(
        ['src-main/(?!shared/)', 'The renderer reaches the main side only through src-main/shared (types) and the api client.'],
        ['^electron(/|$)', 'The renderer uses window.api (preload), not electron.'],
        ['^node:', 'The renderer runs in a browser.'],
      ),
    },
  },
  {
    files: ['**/*.vue'],
    rules: {
      // Components here are single-word by design (App, and views named by their screen).
      'vue/multi-word-component-names': 'off',
    },
  },
  prettier,
)
