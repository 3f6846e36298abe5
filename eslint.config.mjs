// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import globals from 'globals'

const ELECTRON_ONLY_IN_THE_SHELL =
  'Only the Electron shell (src/main/electron, src/main/index.ts, src/preload) imports electron; hand Electron objects in as parameters.'

/** Directory boundaries, checked on resolved paths (so `../` depth cannot dodge them). */
const boundaries = [
  {
    target: './src/renderer',
    from: './src',
    except: ['./renderer', './shared', './locales'],
    message: 'The renderer imports only src/shared, the message files and its own files; everything else reaches it over IPC.'
  },
  {
    target: './src/shared',
    from: './src',
    except: ['./shared', './locales'],
    message: 'src/shared is imported by every side and imports none of them (only the message files, src/locales).'
  },
  {
    target: './src/common',
    from: './src',
    except: ['./common'],
    message: 'src/common is the Node-side plumbing the app and the sandbox share as peers (HTTP listen helpers, loopback rules): it imports neither.'
  },
  {
    target: './src/sandbox',
    from: './src/main',
    except: ['./engine/hardware-id.ts'],
    message:
      "The sandbox reads the vendor's formats with its own code, never the app's parsers; what both need lives in src/common (only the CLI reads this PC's id the way the app does)."
  },
  {
    target: './src/main/engine',
    from: './src/sandbox',
    message: 'The engine never imports the sandbox: they speak to each other over HTTP only.'
  },
  {
    target: ['./src/main/engine', './src/sandbox', './src/cli', './src/common'],
    from: ['./src/main/electron', './src/main/index.ts', './src/preload', './src/renderer'],
    message: 'The engine, sandbox, CLI and src/common run in plain Node: they never import the Electron shell or the renderer.'
  },
  {
    target: './src/preload',
    from: './src',
    except: ['./preload', './shared'],
    message: 'The sandboxed preload is one bundled file built from src/preload and src/shared only.'
  }
]

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', '.test-output/', '.stryker-tmp*/', 'reports/']
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname
      },
      globals: { ...globals.node }
    },
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js dependencies and no-cycle never follows a .ts import.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['./tsconfig.node.json', './tsconfig.web.json'], noWarnOnMultipleProjects: true })]
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // noUncheckedIndexedAccess makes every index `T | undefined`; a `!` marks one the code has just bounds-checked.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers and booleans print predictably; objects, null and undefined are still refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `return finish(x)` ends a void (or Promise<void>) function early: this code base's idiom, not a confusion.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Async functions here implement Promise-returning interfaces (oidc-provider's adapter, test doubles); `async`
      // also turns a synchronous throw into a rejection, so removing it would change behaviour.
      '@typescript-eslint/require-await': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: ELECTRON_ONLY_IN_THE_SHELL }], patterns: [{ group: ['electron/*'], message: ELECTRON_ONLY_IN_THE_SHELL }] }
      ]
    }
  },
  {
    // The shell's modules take Electron's types only, so their logic runs (and is tested) in plain Node.
    files: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', allowTypeImports: true, message: 'src/main/electron imports Electron types only; src/main/index.ts hands the objects in.' }
          ]
        }
      ]
    }
  },
  {
    // Tests build stand-ins from Electron's types; the module itself cannot load outside Electron.
    files: ['test/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', allowTypeImports: true, message: 'Tests run in plain Node: import Electron types only, and hand stand-ins to the shell.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/index.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['src/renderer/**', 'test/web/**'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules
    }
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser, ...Object.fromEntries(Object.keys(globals.node).map((name) => [name, 'off'])) } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: ELECTRON_ONLY_IN_THE_SHELL }],
          patterns: [{ regex: '^(node:|electron(/|$))', message: 'The renderer runs in a sandboxed web page: no Node or Electron modules.' }]
        }
      ]
    }
  },
  {
    // Playwright fixtures that need no other fixture are written `async ({}, use) => …`.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' }
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked]
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
