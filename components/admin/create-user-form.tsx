'use client';
import { RoleCheckboxes } from '@/components/admin/role-checkboxes';
import { UnitEmailFields, type UnitChoice } from '@/components/admin/unit-email-fields';
import { FieldError } from '@/components/ui/field-error';
import { TextField } from '@/components/ui/text-field';
import { createUserAction } from '@/lib/actions/users';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { FormFooter } from '@/components/ui/form-footer';

export function CreateUserForm({ units }: { units: UnitChoice[] }) {
  const form = useActionForm(createUserAction, { arrays: ['roles'] });
  const errors = form.fieldErrors;

  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <TextField id="new-username" name="username" label="用户名" errors={errors?.username} />
      <TextField id="new-display-name" name="displayName" label="姓名（印在简报版记中）" errors={errors?.displayName} />
      <TextField
        id="new-password"
        name="password"
        type="password"
        autoComplete="new-password"
        label="初始密码（留空则自动生成）"
        errors={errors?.password}
      />
      <div>
        <span className="text-sm font-medium text-gray-700">角色</span>
        <div className="mt-2">
          <RoleCheckboxes describedBy="new-roles-error" />
        </div>
        <FieldError id="new-roles-error" messages={errors?.roles} />
      </div>
      <UnitEmailFields prefix="new" units={units} errors={errors} />
      <FormFooter
        form={form}
        label="创建用户"
        pendingLabel="正在创建…"
        success={({ password }) => (
          <>
            用户已创建。初始密码：<code className="rounded bg-muted px-1 font-mono">{password}</code>
            （仅显示这一次，请转交本人）
          </>
        )}
      />
    </form>
  );
}
