'use client';
import { useState, useTransition } from 'react';
import { RoleCheckboxes } from '@/components/admin/role-checkboxes';
import { UnitEmailFields, type UnitChoice } from '@/components/admin/unit-email-fields';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { callWithRawInput } from '@/lib/action-result';
import { resetPasswordAction, setUserDisabledAction, updateUserAction } from '@/lib/actions/users';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { ROLE_LABELS, type Role } from '@/lib/roles';
import { FormError } from '@/components/ui/form-error';

export interface UserRowData {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  isDisabled: boolean;
  unitId: number | null;
  email: string | null;
}

export function UserRow({ user, isSelf, units }: { user: UserRowData; isSelf: boolean; units: UnitChoice[] }) {
  const [isEditing, setIsEditing] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const edit = useActionForm(
    async (input: unknown) => {
      const result = await callWithRawInput(updateUserAction, input);
      if (result.ok) setIsEditing(false);
      return result;
    },
    { arrays: ['roles'], resetOnSuccess: false },
  );
  const errors = edit.fieldErrors;
  const prefix = `user-${user.id}`;

  function onResetPassword() {
    if (!window.confirm(`确定为“${user.displayName}”重置密码吗？该用户将被登出。`)) return;
    startTransition(async () => {
      const result = await resetPasswordAction({ id: user.id });
      setNotice(
        result.ok
          ? { tone: 'ok', text: `新密码：${result.data.password}（仅显示这一次，请转交本人）` }
          : { tone: 'error', text: result.message },
      );
    });
  }

  function onToggleDisabled() {
    startTransition(async () => {
      const result = await setUserDisabledAction({ id: user.id, isDisabled: !user.isDisabled });
      setNotice(result.ok ? null : { tone: 'error', text: result.message });
    });
  }

  return (
    <li className="py-3" data-testid={`user-row-${user.username}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-28 font-mono text-sm">{user.username}</span>
        <span className="w-24">{user.displayName}</span>
        <span className="flex gap-1">
          {user.roles.map((role) => (
            <Badge key={role}>{ROLE_LABELS[role]}</Badge>
          ))}
        </span>
        {user.unitId !== null && <span className="text-sm text-muted-foreground">{units.find((u) => u.id === user.unitId)?.name}</span>}
        {user.isDisabled && <Badge className="border-red-200 bg-red-50 text-danger">已停用</Badge>}
        <span className="ml-auto flex gap-2">
          <Button variant="outline" size="sm" onClick={() => setIsEditing((v) => !v)}>
            {isEditing ? '取消' : '编辑'}
          </Button>
          <Button variant="outline" size="sm" onClick={onResetPassword} disabled={isPending}>
            重置密码
          </Button>
          {!isSelf && (
            <Button variant={user.isDisabled ? 'outline' : 'danger'} size="sm" onClick={onToggleDisabled} disabled={isPending}>
              {user.isDisabled ? '启用' : '停用'}
            </Button>
          )}
        </span>
      </div>
      {notice && (
        <p role={notice.tone === 'ok' ? 'status' : 'alert'} className={notice.tone === 'ok' ? 'mt-2 text-sm text-green-700' : 'mt-2 text-sm text-danger'}>
          {notice.text}
        </p>
      )}
      {isEditing && (
        <form onSubmit={edit.onSubmit} className="mt-3 flex flex-wrap items-start gap-4 rounded-md bg-muted p-3" noValidate>
          <input type="hidden" name="id" value={user.id} />
          <div>
            <label htmlFor={`${prefix}-name`} className="text-sm">
              姓名
            </label>
            <Input
              id={`${prefix}-name`}
              name="displayName"
              defaultValue={user.displayName}
              aria-invalid={!!errors?.displayName}
              aria-describedby={`${prefix}-name-error`}
              className="w-48"
            />
            <FieldError id={`${prefix}-name-error`} messages={errors?.displayName} />
          </div>
          <div className="pt-6">
            <RoleCheckboxes defaultRoles={user.roles} describedBy={`${prefix}-roles-error`} />
            <FieldError id={`${prefix}-roles-error`} messages={errors?.roles} />
          </div>
          <UnitEmailFields prefix={prefix} units={units} defaultUnitId={user.unitId} defaultEmail={user.email} errors={errors} />
          <div className="pt-5">
            <Button type="submit" size="sm" disabled={edit.isPending}>
              保存
            </Button>
          </div>
          <FormError message={edit.formError} className="w-full text-sm text-danger" />
        </form>
      )}
    </li>
  );
}
