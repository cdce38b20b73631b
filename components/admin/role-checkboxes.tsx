import { ROLE_LABELS, ROLES, type Role } from '@/lib/roles';

/** Native checkboxes named `roles`, so FormData carries every checked role. */
export function RoleCheckboxes({ defaultRoles = [], describedBy }: { defaultRoles?: Role[]; describedBy?: string }) {
  return (
    <fieldset className="flex flex-wrap gap-4" aria-describedby={describedBy}>
      <legend className="sr-only">角色</legend>
      {ROLES.map((role) => (
        <label key={role} className="flex items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            name="roles"
            value={role}
            defaultChecked={defaultRoles.includes(role)}
            className="size-4 accent-brand"
          />
          {ROLE_LABELS[role]}
        </label>
      ))}
    </fieldset>
  );
}
