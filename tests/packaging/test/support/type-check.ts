import { dirname } from "node:path";
import ts from "typescript";

/** TypeScript's own lib files, parsed and bound once for every project of the run. */
const libFiles = new Map<string, ts.SourceFile | undefined>();

/**
 * Type-checks the project a tsconfig describes, in this process: a tsc per project would parse
 * and bind lib.dom.d.ts every time, which is most of its cost. Only the lib files, global
 * scripts the same under every module setting, are shared between projects.
 */
export function typeCheck(tsconfig: string): { files: string[]; errors: string } {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!config) throw new Error(`could not read ${tsconfig}`);
  const host = ts.createCompilerHost(config.options);
  const libDir = dirname(ts.getDefaultLibFilePath(config.options));
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.startsWith(libDir)) return readSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (!libFiles.has(fileName))
      libFiles.set(fileName, readSourceFile(fileName, languageVersion, onError, shouldCreate));
    return libFiles.get(fileName);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  return {
    files: program.getSourceFiles().map((file) => file.fileName),
    errors: ts.formatDiagnostics(diagnostics, { ...host, getNewLine: () => "\n" }),
  };
}
