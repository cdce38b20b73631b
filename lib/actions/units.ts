'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { deleteLeaderInstruction, recordLeaderInstruction } from '@/lib/data/leader-instructions';
import { createPointRuleSet } from '@/lib/data/point-rules';
import { createUnit, importUnits, mapSourceName, updateUnit } from '@/lib/data/units';
import {
  ZCreatePointRuleSet,
  ZCreateUnit,
  ZDeleteLeaderInstruction,
  ZImportUnits,
  ZMapSourceName,
  ZRecordLeaderInstruction,
  ZUpdateUnit,
} from '@/lib/validations/units';

const ADMIN = ['ADMIN'] as const;
const EDITOR = ['EDITOR'] as const;

function revalidateUnits() {
  revalidatePath('/admin/units');
  revalidatePath('/admin/units/sources');
  revalidatePath('/statistics', 'layout');
}

export const createUnitAction = action({ roles: ADMIN, schema: ZCreateUnit }, async (input) => {
  const result = await createUnit(input);
  revalidateUnits();
  return result;
});

export const updateUnitAction = action({ roles: ADMIN, schema: ZUpdateUnit }, async (input) => {
  await updateUnit(input);
  revalidateUnits();
  return null;
});

export const importUnitsAction = action({ roles: ADMIN, schema: ZImportUnits }, async (input) => {
  const result = await importUnits(input);
  revalidateUnits();
  return result;
});

export const mapSourceNameAction = action({ roles: ADMIN, schema: ZMapSourceName }, async (input) => {
  await mapSourceName(input);
  revalidateUnits();
  return null;
});

export const createPointRuleSetAction = action({ roles: ADMIN, schema: ZCreatePointRuleSet }, async (input, user) => {
  const result = await createPointRuleSet(input, user);
  revalidatePath('/admin/points');
  revalidatePath('/statistics', 'layout');
  return result;
});

export const recordLeaderInstructionAction = action({ roles: EDITOR, schema: ZRecordLeaderInstruction }, async (input, user) => {
  const result = await recordLeaderInstruction(input, user);
  revalidatePath(`/published/${input.issueId}`);
  return result;
});

export const deleteLeaderInstructionAction = action({ roles: EDITOR, schema: ZDeleteLeaderInstruction }, async (input) => {
  const { issueId } = await deleteLeaderInstruction(input);
  revalidatePath(`/published/${issueId}`);
  return null;
});
