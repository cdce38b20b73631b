// The frozen print model: written with its version, read back through the one validating
// reader, older snapshots (no version) migrated. No database.
import { describe, expect, it } from 'vitest';
import { PRINT_MODEL_VERSION, readPrintSnapshot, toPrintSnapshot, type PrintIssue } from '@/lib/export/print-issue';
import { buildDemoPrintIssue } from './support/demo-print-issue';
import { buildFixturePrintIssue } from './support/print-issue-fixture';

/** What the database hands back: JSON, not the objects that were written. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('print snapshot', () => {
  it('is written with its version and reads back as the same model', () => {
    for (const print of [buildDemoPrintIssue(), buildFixturePrintIssue()]) {
      const snapshot = toPrintSnapshot(print);
      expect(snapshot.version).toBe(PRINT_MODEL_VERSION);
      expect(readPrintSnapshot(stored(snapshot))).toEqual(print);
    }
  });

  it('leaves out what is not part of the model', () => {
    const print = { ...buildDemoPrintIssue(), secret: 'x' } as PrintIssue;
    expect(toPrintSnapshot(print)).not.toHaveProperty('secret');
  });

  it('reads a snapshot from before versions, which may also lack contentsOnOwnPage', () => {
    const { contentsOnOwnPage, ...older } = buildDemoPrintIssue();
    expect(contentsOnOwnPage).toBe(true);
    expect(readPrintSnapshot(stored(older))).toEqual({ ...older, contentsOnOwnPage: false });
    expect(readPrintSnapshot(stored({ ...older, contentsOnOwnPage: true }))).toEqual(buildDemoPrintIssue());
  });

  it('refuses what does not fit the model, naming the problem', () => {
    const print = buildDemoPrintIssue();
    const badBody = structuredClone(print);
    (badBody.sections[0]!.columns[0]!.items[0]!.body as unknown as { content: unknown[] }).content.push({ type: 'image' });
    expect(() => readPrintSnapshot(stored({ ...badBody, version: 1 }))).toThrow(/print model version 1/);
    expect(() => readPrintSnapshot(stored({ ...print, version: 2 }))).toThrow(/version/);
    expect(() => readPrintSnapshot(stored({ ...print, sections: undefined, version: 1 }))).toThrow(/sections/);
    expect(() => readPrintSnapshot(stored({ ...print, issueDate: '2026-13-40' }))).toThrow(/issueDate/);
    expect(() => readPrintSnapshot(null)).toThrow();
    expect(() => readPrintSnapshot([])).toThrow();
  });
});
