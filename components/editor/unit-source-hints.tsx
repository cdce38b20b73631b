'use client';
import { useMemo } from 'react';
import { buildUnitMatcher, suggestUnits, type MatchableUnit } from '@/lib/units/match';

/**
 * Under the item's 来源 field: units of the catalogue that fit what is being typed (the part
 * after the last 、), to pick with one click, and which typed names are not in the catalogue
 * (a one-off source stays possible; the admin can map it onto a unit later).
 */
export function UnitSourceHints({ units, text, onPick }: { units: readonly MatchableUnit[]; text: string; onPick: (text: string) => void }) {
  const matcher = useMemo(() => buildUnitMatcher(units), [units]);
  const parts = text.split(/[、，,；;]/u);
  const last = parts.at(-1)?.trim() ?? '';
  const suggestions = last && !matcher.has(last) ? suggestUnits(last, units, 6) : [];
  const unknown = parts
    .slice(0, -1)
    .concat(suggestions.length ? [] : [last])
    .map((part) => part.trim())
    .filter((part) => part && !matcher.has(part));
  if (!units.length || (!suggestions.length && !unknown.length)) return null;
  return (
    <div className="mt-1 space-y-1 text-xs">
      {suggestions.length > 0 && (
        <div className="flex flex-wrap items-center gap-1" role="group" aria-label="来源单位建议">
          <span className="text-muted-foreground">单位名录：</span>
          {suggestions.map((unit) => (
            <button
              key={unit.id}
              type="button"
              className="rounded border border-border px-1.5 py-0.5 hover:border-brand hover:text-brand"
              onClick={() => onPick([...parts.slice(0, -1).map((p) => p.trim()), unit.name].join('、'))}
            >
              {unit.name}
            </button>
          ))}
        </div>
      )}
      {unknown.length > 0 && <p className="text-muted-foreground">不在单位名录中（照印，统计时按名称计）：{unknown.join('、')}</p>}
    </div>
  );
}
