'use client';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { TITLE_CHARS_PER_LINE } from '@/lib/layout/grid';
import { hasChosenTitleBreak, layoutTitle } from '@/lib/layout/title';

/**
 * The title: Enter puts the printed title's break where the cursor is (one break at most);
 * without one the print breaks a long title between words. Below it, the lines as printed.
 */
export function TitleField({ value, onChange, errors }: { value: string; onChange: (title: string) => void; errors?: string[] }) {
  const lines = layoutTitle(value);
  const isChosen = hasChosenTitleBreak(value);
  const isOverlong = isChosen && lines.length > 2;
  return (
    <div>
      <Label htmlFor="item-title">标题</Label>
      <Textarea
        id="item-title"
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          // A second break is refused; Enter while an input method composes is the IME's own.
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && value.includes('\n')) e.preventDefault();
        }}
        aria-invalid={!!errors}
        aria-describedby="item-title-hint item-title-error"
        className="resize-none text-base font-semibold"
        placeholder="稿件标题"
      />
      <div id="item-title-hint" className="mt-1 space-y-0.5 text-xs text-muted-foreground">
        <p>
          标题较长时，可在需要分行的位置按回车键（最多分两行）；不分行时，超过一行（约{TITLE_CHARS_PER_LINE}字）的标题打印时在标点或词语之间自动折行。
        </p>
        {value.trim() !== '' && (lines.length > 1 || isChosen) && (
          <p data-testid="item-title-lines">
            打印为{lines.length}行{isChosen ? '（按您的分行）' : '（自动折行）'}：
            {lines.map((line, index) => (
              <span key={index} className="mx-1 rounded bg-muted px-1 text-gray-800">
                {line}
              </span>
            ))}
          </p>
        )}
        {isOverlong && (
          <p className="text-amber-800">
            有一行超过约{TITLE_CHARS_PER_LINE}字，打印时该行会再折行。
          </p>
        )}
      </div>
      <FieldError id="item-title-error" messages={errors} />
    </div>
  );
}
