// node:test's TAP reporter, which also writes to the file named by BAOMI_TEST_FILES_LOG a line as each
// test file's first top-level test begins ("start <file>"), and a line per finished test, not suite
// ("pass|fail|skip <file>"). scripts/test.mjs uses it for its shared test processes (D172): they run
// their files one after the other, so when one dies before its summary these lines say which file it
// died in, which files had not run and what the finished ones counted (D174).
// - The lines are written at once, not through a reporter's stream, which a process killed by a signal
//   never flushed; and at `test:dequeue`, since `test:start` of a top-level test is only reported once
//   it ends (both found with a test that sends itself SIGTRAP).
// - It wraps the TAP reporter rather than being a third one: three reporters made Node warn of a
//   possible listener leak in every shared process.
import { appendFileSync } from 'node:fs';
import { tap } from 'node:test/reporters';

export default async function* tapAndFiles(source) {
  const log = process.env.BAOMI_TEST_FILES_LOG;
  let last = null;
  async function* noted() {
    for await (const event of source) {
      const { type, data } = event;
      if (log && data?.file) {
        if (type === 'test:dequeue' && data.nesting === 0 && data.file !== last) {
          last = data.file;
          appendFileSync(log, `start ${data.file}\n`);
        } else if ((type === 'test:pass' || type === 'test:fail') && data.details?.type === 'test') {
          const what = type === 'test:fail' ? 'fail' : data.skip || data.todo ? 'skip' : 'pass';
          appendFileSync(log, `${what} ${data.file}\n`);
        }
      }
      yield event;
    }
  }
  yield* tap(noted());
}
