import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApplicantType } from '../../../../contracts/programs';
import { validateCriteria, type CriteriaCheck, type CriteriaRules } from '../../api/programs.api';
import { expressionOf, type CriterionValues } from './criteria-draft';
import type { BuilderFact, BuilderField } from './rule-rows';

export type CheckCriteria = (hub: string, rules: CriteriaRules) => Promise<CriteriaCheck>;

const FIELD_KEY = /^[a-z][a-zA-Z0-9_]{0,39}$/;

/** What the server's check needs from the editor, or null when there is nothing to check yet. */
export function checkInput(
  applicantType: ApplicantType | undefined,
  fields: readonly BuilderField[],
  criteria: readonly (CriterionValues | undefined)[] | undefined,
  facts: readonly BuilderFact[],
): CriteriaRules | null {
  const checked = (criteria ?? []).flatMap((c, index) => {
    const expression = c ? expressionOf(c.rule, facts) : null;
    return expression?.trim() ? [{ key: c?.key?.trim() || `#${index + 1}`, expression }] : [];
  });
  if (checked.length === 0) return null;
  return {
    applicantType: applicantType ?? 'organization',
    form: fields.filter((f) => FIELD_KEY.test(f.key)).map((f) => ({ key: f.key, type: f.type })),
    criteria: checked,
  };
}

/** The server's type check of the criteria (the real CEL compiler), 400 ms after the last keystroke. */
export function useCriteriaCheck(hub: string, input: CriteriaRules | null, check: CheckCriteria = validateCriteria) {
  const json = input ? JSON.stringify(input) : null;
  const [settled, setSettled] = useState(json);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(json), 400);
    return () => clearTimeout(timer);
  }, [json]);
  return useQuery({
    queryKey: ['hubs', hub, 'criteria-check', settled],
    queryFn: () => check(hub, JSON.parse(settled!) as CriteriaRules),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}
