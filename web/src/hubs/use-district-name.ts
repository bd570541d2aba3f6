import { useParams } from 'react-router';
import { useBilingual } from '../i18n/use-bilingual';
import { useHub } from './use-hub';

/** A district code of the page's hub as people read it (the hub's list; the code itself when the list no longer has it). */
export function useDistrictName(): (code: string) => string {
  const { hub = '' } = useParams();
  const districts = useHub(hub).data?.districts ?? [];
  const bilingual = useBilingual();
  return (code) => {
    const found = districts.find((d) => d.code === code);
    return found ? bilingual(found.name).primary : code;
  };
}
