import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCase } from "../../../src/cli/check-command.ts";
import { createGradingPool, type GradingPool } from "../../../src/core/grading/grading-pool.ts";

/**
 * STACK's answer-test fixtures (AlgEquiv, NumRelative, NumAbsolute), read at test time from the
 * shared folder next to the repository and run through `tutor check`'s own code path.
 */

const FIXTURE = fileURLToPath(new URL("../../../../shared/conformance/stack-answertests.json", import.meta.url));
const REQUIRED_AGREEMENT = 0.95;
const TESTS: Record<string, string> = { AlgEquiv: "equiv", NumRelative: "relative", NumAbsolute: "absolute" };

interface StackCase {
  test: string;
  student: string;
  reference: string;
  expected: "equal" | "different" | "invalid";
  tolerance?: number | null;
  note?: string;
}

const present = existsSync(FIXTURE);
if (!present) console.warn(`STACK conformance skipped: ${FIXTURE} is absent.`);

describe.skipIf(!present)("STACK answer-test conformance", () => {
  // Started in a hook, not while the suite is collected: a skipped suite runs no hooks.
  let pool: GradingPool;
  beforeAll(() => {
    pool = createGradingPool({ size: 2 });
  });
  afterAll(() => pool.close());

  it(`agrees with STACK on at least ${REQUIRED_AGREEMENT * 100}% of the cases`, async () => {
    const cases = (JSON.parse(readFileSync(FIXTURE, "utf8")) as { cases: StackCase[] }).cases;
    const results = await Promise.all(cases.map((c) =>
      checkCase(pool, { student: c.student, reference: c.reference, test: TESTS[c.test] ?? c.test, tolerance: c.tolerance })));
    const disagreements = cases.flatMap((c, i) => {
      const got = results[i]!;
      return got.result === c.expected ? [] : [`  ${c.test}: ${c.student}  vs  ${c.reference}: expected ${c.expected}, got ${got.result} (${got.reason})`];
    });
    const agree = cases.length - disagreements.length;
    console.log(`STACK conformance: ${agree}/${cases.length} agree (${((100 * agree) / cases.length).toFixed(1)}%)`);
    if (disagreements.length > 0) console.log(`Disagreements:\n${disagreements.join("\n")}`);
    expect(agree / cases.length).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
  });
});
