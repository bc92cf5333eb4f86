/** The package's version, replaced at build time from package.json (see build-constants.ts). */
declare const __LAML_CLIENT_VERSION__: string;
