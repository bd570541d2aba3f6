import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** The facilities a unit may list, by the codes the platform stores (seed/spaces.json uses them too). */
export const knownFeatures = ['fibre', 'meeting-room', 'lab-power', 'loading-dock', 'lab'] as const;
type KnownFeature = (typeof knownFeatures)[number];
const isKnown = (code: string): code is KnownFeature => (knownFeatures as readonly string[]).includes(code);

/** A facility's name in the page's language; a code the platform does not know reads as itself. */
export function useFeatureName(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => (isKnown(code) ? t(`spaces.features.${code}`) : code);
}

/** The unit's facilities, chosen by name (a code the unit already had and the list lacks stays, named by its code). */
export function FeatureSelect({ id, value = [], onChange }: { id?: string; value?: string[]; onChange?: (codes: string[]) => void }) {
  const name = useFeatureName();
  const codes = [...knownFeatures, ...value.filter((c) => !isKnown(c))];
  return (
    <Select id={id} mode="multiple" value={value} onChange={onChange} options={codes.map((c) => ({ value: c, label: name(c) }))} optionFilterProp="label" />
  );
}
