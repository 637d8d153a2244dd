/** For tests that run external programs: whether they are installed, so such tests can skip cleanly. */
import { execFileSync } from "node:child_process";

export function hasPrograms(...programs: string[]): boolean {
  return programs.every((program) => {
    try {
      execFileSync(program, [program === "sox" ? "--version" : "-version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });
}
