import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getVocab, vocabName } from '../api';
import type { CatalogVocab } from '../types';

/** The catalogue vocabularies (cached per page load) and a name lookup in the UI language. */
export function useVocab(): { vocab: CatalogVocab | null; name: (section: keyof CatalogVocab, code: string | number | null | undefined) => string } {
  const [vocab, setVocab] = useState<CatalogVocab | null>(null);
  useTranslation(); // re-render on language change
  useEffect(() => {
    let live = true;
    getVocab()
      .then((v) => live && setVocab(v))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return { vocab, name: (section, code) => vocabName(vocab, section, code) };
}
