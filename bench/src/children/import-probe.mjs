// Times `import()` of one package in a process that has loaded nothing else of the benchmark.
import { answerParent } from "../answer-parent.mjs";

answerParent(
  /** @param {{ specifier: string }} request */
  async ({ specifier }) => {
    const started = performance.now();
    await import(specifier);
    return performance.now() - started;
  },
);
