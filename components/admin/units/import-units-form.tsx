'use client';
import { FieldError } from '@/components/ui/field-error';
import { FormFooter } from '@/components/ui/form-footer';
import { Label } from '@/components/ui/label';
import { importUnitsAction } from '@/lib/actions/units';
import { useActionForm } from '@/lib/hooks/use-action-form';

/** The catalogue from a CSV or XLSX file: every row or none, with the rows refused listed. */
export function ImportUnitsForm() {
  const form = useActionForm(importUnitsAction);
  const { fieldErrors } = form;
  const report = fieldErrors?.rows ?? [];
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label="导入单位名录">
      <div>
        <Label htmlFor="units-file">名录文件（.csv 或 .xlsx）</Label>
        <input
          id="units-file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="block w-full text-sm"
          aria-describedby="units-file-help units-file-error units-file-report"
          aria-invalid={report.length > 0 || !!fieldErrors?.file}
        />
        <FieldError id="units-file-error" messages={fieldErrors?.file} />
        <p id="units-file-help" className="mt-1 text-xs text-muted-foreground">
          第一行为表头：单位名称、类别（区科协／学会／直属单位／机关部门）、简称、别名、状态（启用／停用）。已有的单位按名称更新，简称和别名合并。
          <a className="ml-1 underline" href="/api/admin/units/template" download>
            下载模板
          </a>
        </p>
      </div>
      {report.length > 0 && (
        <div id="units-file-report" role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-danger">
          <p className="font-medium">以下行未通过检查，名录未作任何修改：</p>
          <ul className="mt-1 list-disc pl-5" data-testid="unit-import-problems">
            {report.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <FormFooter
        form={form}
        className=""
        label="导入"
        pendingLabel="正在导入…"
        success={({ created, updated }) => `导入完成：新增 ${created} 个单位，更新 ${updated} 个。`}
      />
    </form>
  );
}
