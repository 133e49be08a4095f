import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BankFolderError, loadBankDir, loadBankFile, MAX_BANK_BYTES, parseBank } from "../../../src/core/bank/load-bank.ts";
import { aliasBomb, oversizedBank } from "../../fakes/hostile-banks.ts";

const folder = () => mkdtempSync(path.join(tmpdir(), "tutor-banks-"));

describe("bank limits", () => {
  it("refuses a YAML alias bomb with an issue at its first alias, instead of expanding it", () => {
    const result = parseBank(aliasBomb(), "bomb.yaml");
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ file: "bomb.yaml", line: 2, message: expect.stringMatching(/aliases \(\*name\) expand to more than 1000/) })] });
  });

  it("refuses a file over the size limit before parsing it, in one located line", () => {
    const file = path.join(folder(), "huge.yaml");
    writeFileSync(file, oversizedBank(MAX_BANK_BYTES));
    expect(() => loadBankFile(file)).toThrow(new RegExp(`^Invalid question bank: ${file}:1:1: the file is 2\\.0 MB, over the 2\\.0 MB a bank may be`));
    expect(parseBank(oversizedBank(MAX_BANK_BYTES), "huge.yaml")).toMatchObject({ ok: false, issues: [{ line: 1, message: expect.stringMatching(/over the 2\.0 MB/) }] });
  });

  it("names a bank folder that is missing, not a folder, or holds no bank", () => {
    const dir = folder();
    expect(() => loadBankDir(path.join(dir, "nope"))).toThrow(BankFolderError);
    expect(() => loadBankDir(path.join(dir, "nope"))).toThrow(/nope does not exist/);
    writeFileSync(path.join(dir, "file.yaml"), "");
    expect(() => loadBankDir(path.join(dir, "file.yaml"))).toThrow(/file\.yaml is not a folder/);
    mkdirSync(path.join(dir, "empty"));
    expect(() => loadBankDir(path.join(dir, "empty"))).toThrow(/empty holds no question bank/);
  });
});
