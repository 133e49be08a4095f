/** A "billion laughs" bank: each level nine aliases of the one before, 9^9 strings once expanded. */
export function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i += 1) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(",")}]`);
  return `${lines.join("\n")}\nexam: *a9\n`;
}

/** A bank file of `bytes` and a little more: valid YAML, refused for its size alone. */
export function oversizedBank(bytes: number): string {
  return `# padding\n${"x: y\n".repeat(Math.ceil(bytes / 5) + 10)}`;
}
