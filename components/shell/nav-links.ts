import type { Area } from '@/lib/roles';

/** The main navigation, in display order; each entry is shown only to roles that may open it. */
export const NAV_LINKS: { area: Area; href: string; label: string }[] = [
  { area: 'home', href: '/', label: '待办' },
  { area: 'submissions', href: '/submissions', label: '信息报送' },
  { area: 'items', href: '/items', label: '稿件' },
  { area: 'intake', href: '/intake', label: '来稿' },
  { area: 'assembly', href: '/issues', label: '编排' },
  { area: 'review', href: '/review', label: '审核' },
  { area: 'published', href: '/published', label: '已发布' },
  { area: 'statistics', href: '/statistics', label: '采用统计' },
  { area: 'admin', href: '/admin/users', label: '管理' },
];
