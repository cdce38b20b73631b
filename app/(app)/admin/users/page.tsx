import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserRow } from '@/components/admin/user-row';
import { TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { listIntakeUnits } from '@/lib/data/submissions';
import { listUsers } from '@/lib/data/users';

export const metadata: Metadata = { title: '用户管理' };

export default async function UsersPage() {
  const currentUser = await requirePageAccess('admin');
  const [users, units] = await Promise.all([listUsers(), listIntakeUnits()]);
  return (
    <AdminPage tab="users" title="用户管理" description="创建账号、分配角色、重置密码或停用账号。停用和角色变更在该用户下一次操作时生效。">
      <div className="space-y-6">
        <TitledCard title="新建用户">
          <CreateUserForm units={units} />
        </TitledCard>
        <TitledCard title={<>全部用户（{users.length}）</>}>
          <ul className="divide-y divide-border">
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === currentUser.id} units={units} />
            ))}
          </ul>
        </TitledCard>
      </div>
    </AdminPage>
  );
}
