import { describe, expect, it } from 'vitest';
import { compareSectionPlaces, sortSectionsForPrint } from '@/lib/section-order';

describe('sortSectionsForPrint', () => {
  it('puts the lead first, then the catalogue positions, then ids', () => {
    const sections = [
      { id: 4, name: '区科协动态', isLead: false, position: 3 },
      { id: 9, name: '学会动态', isLead: false, position: 2 },
      { id: 2, name: '要闻', isLead: true, position: 7 },
      { id: 1, name: '同位置较早', isLead: false, position: 2 },
    ];
    expect(sortSectionsForPrint(sections).map((s) => s.name)).toEqual(['要闻', '同位置较早', '学会动态', '区科协动态']);
    expect(sections[0]?.name).toBe('区科协动态'); // the input is not reordered
  });

  it('keeps a frozen print in its order apart from the lead', () => {
    const print = [{ name: '乙', isLead: false }, { name: '要闻', isLead: true }, { name: '甲', isLead: false }];
    expect(sortSectionsForPrint(print).map((s) => s.name)).toEqual(['要闻', '乙', '甲']);
  });

  it('reads places through a function for rows shaped otherwise', () => {
    const rows = [{ kind: 'NORMAL', at: 1 }, { kind: 'LEAD', at: 5 }, { kind: 'NORMAL', at: 0 }];
    const sorted = sortSectionsForPrint(rows, (row) => ({ isLead: row.kind === 'LEAD', position: row.at }));
    expect(sorted.map((row) => row.at)).toEqual([5, 0, 1]);
    expect(compareSectionPlaces({ isLead: false, position: 1 }, { isLead: false, position: 1 })).toBe(0);
  });
});
