// Every server action by name, for the JSON endpoint /api/actions/<name>. The endpoint runs
// the very same functions (same guard, same validation) and answers with real HTTP statuses.
import 'server-only';
import type { AnyAction } from '@/lib/action';
import * as annotationActions from '@/lib/actions/annotations';
import * as importActions from '@/lib/actions/imports';
import * as issueActions from '@/lib/actions/issues';
import * as itemActions from '@/lib/actions/items';
import * as proofreadActions from '@/lib/actions/proofread';
import * as notificationActions from '@/lib/actions/notifications';
import * as publicationActions from '@/lib/actions/publication';
import * as sectionActions from '@/lib/actions/sections';
import * as submissionActions from '@/lib/actions/submissions';
import * as unitActions from '@/lib/actions/units';
import * as userActions from '@/lib/actions/users';

export const ACTIONS: Record<string, AnyAction> = { ...userActions, ...itemActions, ...issueActions, ...sectionActions, ...publicationActions, ...importActions, ...proofreadActions, ...submissionActions, ...annotationActions, ...notificationActions, ...unitActions };
